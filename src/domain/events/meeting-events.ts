import type { ActorRef } from '../records/common.js';
import type { DevelopmentMeeting } from '../records/development-meeting.js';
import type { EventBase } from '../events.js';

/**
 * A development-meeting memo was recorded (thesis 6.3): the yearly meeting with the municipality, or the
 * quarterly joint meeting of service production and sales. "Development meeting → business director and
 * sales (memo in the CRM + notice)": the card carries the memo itself.
 */
export interface DevelopmentMeetingRecordedData {
  meetingId: string;
  kind: DevelopmentMeeting['kind'];
  customerId?: string | undefined;
  customerName?: string | undefined;
  careHomeId?: string | undefined;
  careHomeName?: string | undefined;
  startsAt: string;
  endsAt: string;
  participants: string;
  memo?: string | undefined;
  feedback?: string | undefined;
  developmentItems?: string | undefined;
  recordedBy: ActorRef;
}

export type DevelopmentMeetingRecordedEvent = EventBase<'developmentMeeting.recorded', DevelopmentMeetingRecordedData>;
