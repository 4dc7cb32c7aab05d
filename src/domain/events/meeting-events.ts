import type { EventBase } from '../events.js';

/** SLOT (meeting helper fills this in): a development-meeting memo was recorded (thesis 6.3). */
export interface DevelopmentMeetingRecordedData {
  meetingId: string;
}

export type DevelopmentMeetingRecordedEvent = EventBase<'developmentMeeting.recorded', DevelopmentMeetingRecordedData>;
