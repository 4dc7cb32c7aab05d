/**
 * The calendar port (issue 12): what a development meeting's invitation needs from a calendar, whichever one
 * carries it. Two adapters implement it: the iCalendar one for local mode (an RFC 5545 invitation stored with
 * the meeting and served at GET /api/meetings/{id}.ics) and the Graph one for a tenant (an Outlook event in the
 * organizer's calendar: POST /users/{organizer}/events, PATCH, POST …/cancel). The outbox delivers invites
 * through this port, so a failed call leaves the meeting "invite pending" and is retried like a card.
 */

/** A wall-clock time in Finland, 'YYYY-MM-DDTHH:mm' (the form's date and time; Europe/Helsinki, DST included). */
export type HelsinkiTime = string;

export interface InviteAttendee {
  email: string;
  name?: string | undefined;
}

export interface MeetingInvite {
  /** The meeting record's id: the iCalendar UID is derived from it, so every version names the same event. */
  meetingId: string;
  /**
   * Graph's `transactionId`, derived from the scheduling form's request id: a POST retried after a lost answer
   * is answered with the event the first one made, never a second event.
   */
  transactionId: string;
  organizer: { email: string; name: string };
  subject: string;
  /** Plain text; the body of the event. */
  agenda: string;
  start: HelsinkiTime;
  end: HelsinkiTime;
  attendees: InviteAttendee[];
  /** The quarterly joint meeting: every three months on the start's day of month (RRULE FREQ=MONTHLY;INTERVAL=3). */
  recurrence?: { everyMonths: 3 } | undefined;
  /** Raised on every change (RFC 5545 SEQUENCE); 0 for the first invitation. */
  sequence: number;
}

/** What the calendar answered: the event's ids and, when the organizer can host one, the Teams meeting link. */
export interface CalendarEventRef {
  eventId: string;
  iCalUId?: string | undefined;
  /** Absent when Graph answered 201 without an online meeting (the organizer cannot host Teams meetings). */
  joinUrl?: string | undefined;
  /** Local mode: the iCalendar text to store with the meeting and serve as .ics. */
  ics?: string | undefined;
}

export interface CalendarPort {
  readonly kind: 'ics' | 'graph';
  create(invite: MeetingInvite): Promise<CalendarEventRef>;
  /** Reschedule or change: the same event, attendees told by the calendar (Outlook, or METHOD:REQUEST with a higher SEQUENCE). */
  update(event: CalendarEventRef, invite: MeetingInvite): Promise<CalendarEventRef>;
  /** Cancel, never a silent delete: Graph POST /events/{id}/cancel with the comment; iCalendar METHOD:CANCEL. */
  cancel(event: CalendarEventRef, invite: MeetingInvite, comment: string): Promise<CalendarEventRef>;
}

/** A calendar call that failed, classified like a card post (src/notify/sender-port.ts DeliveryFailed). */
export class CalendarFailed extends Error {
  constructor(
    message: string,
    readonly status: number | undefined,
    readonly retryable: boolean,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'CalendarFailed';
  }
}
