import { z } from 'zod';
import { actorRef, email, isoDateTime, recordId, recordMeta, text, withdrawal } from './common.js';
import { freeText, optionalFreeText } from './privacy.js';

/**
 * A development meeting (kehityskokous): yearly per agreement with the customer (purchaser), or the quarterly
 * joint meeting of service production and sales (thesis 6.3). Invites go out as Outlook events.
 */
export const developmentMeetingKinds = ['vuosittainen', 'neljannesvuosittainen'] as const;

/**
 * Where a scheduled meeting's invitation is (issue 12): stored and waiting for the calendar (the outbox delivers
 * it; a failure keeps it here and is retried), sent, cancelled, or held (its memo recorded). A memo recorded
 * without scheduling (the memo form alone) has no state.
 */
export const meetingStates = ['kutsu-odottaa', 'kutsuttu', 'peruttu', 'pidetty'] as const;
export type MeetingState = (typeof meetingStates)[number];

/** An invitee: anyone with an e-mail address, external addresses included (the county's officials). */
export const meetingAttendee = z.object({ email, name: text(120).optional() });
export type MeetingAttendee = z.infer<typeof meetingAttendee>;

/** The longest meeting the form schedules (issue 12, "Bad input": a duration over 8 hours). */
export const maxMeetingMinutes = 8 * 60;

const developmentMeetingFields = {
  kind: z.enum(developmentMeetingKinds),
  /** Absent for the quarterly internal meeting. */
  customerId: recordId.optional(),
  careHomeId: recordId.optional(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  participants: freeText(1000),
  memo: optionalFreeText(),
  feedback: optionalFreeText(),
  developmentItems: optionalFreeText(),
  /** The Outlook event id once the invite is sent (Graph /users/{id}/events); the meeting id in local mode. */
  calendarEventId: z.string().min(1).optional(),
  recordedBy: actorRef,
  // The schedule (issue 12); absent on a memo recorded without an invitation. The organizer is `recordedBy`.
  organizerEmail: email.optional(),
  agenda: optionalFreeText(2000),
  attendees: z.array(meetingAttendee).max(60).optional(),
  state: z.enum(meetingStates).optional(),
  /** The iCalendar UID the calendar gave the event (Graph's iCalUId; derived from the meeting id in local mode). */
  icalUid: z.string().min(1).optional(),
  /** The Teams meeting link; absent when the organizer cannot host one (Graph answered without it) and in local mode. */
  joinUrl: z.url().optional(),
  /** RFC 5545 SEQUENCE of the latest invitation: 0 for the first, raised on each reschedule and on cancel. */
  sequence: z.number().int().min(0).optional(),
  /** Local mode: the iCalendar text of the latest invitation, served at GET /api/meetings/{id}.ics. */
  ics: z.string().max(20000).optional(),
  /** Why the meeting was cancelled (the comment the attendees get). */
  cancelComment: optionalFreeText(1000),
};

const endsAfterStart = <T extends { startsAt: string; endsAt: string }>(m: T) => Date.parse(m.endsAt) > Date.parse(m.startsAt);
const endRule = { message: 'meeting.endsBeforeStart', path: ['endsAt'] };
const yearlyNeedsCustomer = <T extends { kind: string; customerId?: string | undefined }>(m: T) => m.kind !== 'vuosittainen' || Boolean(m.customerId);
const customerRule = { message: 'meeting.customerRequired', path: ['customerId'] };

export const developmentMeetingInputSchema = z
  .object(developmentMeetingFields)
  .refine(endsAfterStart, endRule)
  .refine(yearlyNeedsCustomer, customerRule);
export const developmentMeetingSchema = z
  .object({ ...recordMeta, ...developmentMeetingFields, ...withdrawal })
  .refine(endsAfterStart, endRule)
  .refine(yearlyNeedsCustomer, customerRule);
export type DevelopmentMeeting = z.infer<typeof developmentMeetingSchema>;
