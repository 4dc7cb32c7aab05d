import type { ActorRef } from '../records/common.js';
import type { DevelopmentMeeting } from '../records/development-meeting.js';
import type { EventBase } from '../events.js';

/**
 * A development-meeting memo was recorded (thesis 6.3): the yearly meeting with the customer, or the
 * quarterly joint meeting of service production and sales. "Development meeting → business director and
 * sales (memo in the CRM + notice)": the card carries the memo itself.
 */
/** What every meeting card names: which meeting, with which customer and home, and when. */
export interface MeetingSubject {
  meetingId: string;
  kind: DevelopmentMeeting['kind'];
  customerId?: string | undefined;
  customerName?: string | undefined;
  careHomeId?: string | undefined;
  careHomeName?: string | undefined;
  startsAt: string;
  endsAt: string;
}

export interface DevelopmentMeetingRecordedData extends MeetingSubject {
  participants: string;
  memo?: string | undefined;
  feedback?: string | undefined;
  developmentItems?: string | undefined;
  recordedBy: ActorRef;
}

export type DevelopmentMeetingRecordedEvent = EventBase<'developmentMeeting.recorded', DevelopmentMeetingRecordedData>;

/**
 * Everything the scheduled meeting's card shows (issue 12): the organizer's and the management channel's card
 * render from this, and update in place when the calendar answers, on a reschedule and on a cancel.
 */
export interface MeetingCardData extends MeetingSubject {
  /** The record's version when the card was made: Siirrä / Peru refer to it. */
  version: number;
  agenda?: string | undefined;
  attendees: { email: string; name?: string | undefined }[];
  state: NonNullable<DevelopmentMeeting['state']>;
  sequence: number;
  joinUrl?: string | undefined;
  /** The calendar answered (local mode: the .ics is stored); before that the card links no invitation. */
  invited: boolean;
  /** Why it was cancelled (the comment the attendees got). */
  cancelComment?: string | undefined;
  organizer: ActorRef;
}

/** A meeting scheduled with `kokous`: the organizer and management get its card, the calendar the invitation. */
export type MeetingScheduledEvent = EventBase<'developmentMeeting.scheduled', MeetingCardData>;
/** Rescheduled or cancelled: the calendar gets the change (same event, SEQUENCE+1), the posted cards update. */
export type MeetingRescheduledEvent = EventBase<'developmentMeeting.rescheduled', MeetingCardData>;
export type MeetingCancelledEvent = EventBase<'developmentMeeting.cancelled', MeetingCardData>;
/** The calendar answered (event ids, join link, .ics stored): the posted cards update in place. */
export type MeetingInvitedEvent = EventBase<'developmentMeeting.invited', MeetingCardData>;
/** After the meeting's end the organizer is asked for the memo (routing `at: 'remindAt'`). */
export type MeetingMemoDueEvent = EventBase<'developmentMeeting.memoDue', MeetingCardData & { remindAt: string }>;

export type MeetingEvent = MeetingScheduledEvent | MeetingRescheduledEvent | MeetingCancelledEvent | MeetingInvitedEvent | MeetingMemoDueEvent;
