import type { MeetingCardData } from '../events/meeting-events.js';
import type { DevelopmentMeeting } from '../records/development-meeting.js';

/** The card's facts from the record (and the names of its customer and home). */
export function meetingCardData(meeting: DevelopmentMeeting, names: { customerName?: string | undefined; careHomeName?: string | undefined }): MeetingCardData {
  return {
    meetingId: meeting.id,
    version: meeting.version,
    kind: meeting.kind,
    customerId: meeting.customerId,
    customerName: names.customerName,
    careHomeId: meeting.careHomeId,
    careHomeName: names.careHomeName,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    agenda: meeting.agenda,
    attendees: meeting.attendees ?? [],
    state: meeting.state ?? 'pidetty',
    sequence: meeting.sequence ?? 0,
    joinUrl: meeting.joinUrl,
    invited: Boolean(meeting.calendarEventId),
    cancelComment: meeting.cancelComment,
    organizer: meeting.recordedBy,
  };
}

