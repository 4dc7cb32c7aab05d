import { z } from 'zod';
import { clockTime } from '../domain/commands/record-development-meeting.js';
import { instantAt } from '../domain/dates.js';
import type { MeetingCardData, MeetingMemoDueEvent, MeetingScheduledEvent } from '../domain/events/meeting-events.js';
import { meetingCardData } from '../domain/meetings/meeting-card-data.js';
import { parseAttendees, uniqueAttendees, type ParsedAttendee } from '../domain/meetings/attendee-list.js';
import { firstVersion, isoDate, recordId, type ActorRef } from '../domain/records/common.js';
import { developmentMeetingInputSchema, developmentMeetingKinds, maxMeetingMinutes, type DevelopmentMeeting } from '../domain/records/development-meeting.js';
import { optionalFreeText } from '../domain/records/privacy.js';
import { fieldErrorsFrom, type FieldError } from '../domain/validation.js';
import { notificationsFor } from '../notify/routing.js';
import type { AppContext } from './app-context.js';
import { authorize, homeScope } from './authorize.js';
import { commitChanges } from './commit-changes.js';
import { listPeople } from './people.js';
import { referencedRecords } from './referenced-records.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';

/**
 * What `kokous` / `meeting` submits to schedule a development meeting (issue 12): the date and start time as
 * typed (Finnish wall-clock time), the duration in minutes, and the attendees — the chosen people's e-mails
 * (comma-separated, as a multi-select sends them) and a free text of extra addresses.
 */
export const scheduleMeetingCommand = z.object({
  requestId: recordId,
  kind: z.enum(developmentMeetingKinds),
  customerId: recordId.optional(),
  careHomeId: recordId.optional(),
  date: isoDate,
  startTime: clockTime,
  durationMinutes: z.coerce.number({ message: 'meeting.invalidDuration' }).int({ message: 'meeting.invalidDuration' }),
  agenda: optionalFreeText(2000),
  attendees: z.string().max(4000).optional(),
  extraAttendees: z.string().max(4000).optional(),
});

export interface MeetingScheduled {
  meeting: DevelopmentMeeting;
  card: MeetingCardData;
}

/** The schedule's checks that need the clock or more than one field (issue 12, "Bad input"). */
export function scheduleErrors(startsAt: Date, durationMinutes: number, now: Date): FieldError[] {
  const errors: FieldError[] = [];
  if (startsAt.getTime() < now.getTime()) errors.push({ field: 'date', key: 'meeting.inPast' });
  if (durationMinutes <= 0) errors.push({ field: 'durationMinutes', key: 'meeting.endsBeforeStart' });
  else if (durationMinutes > maxMeetingMinutes) errors.push({ field: 'durationMinutes', key: 'meeting.tooLong', params: { hours: maxMeetingMinutes / 60 } });
  return errors;
}

/**
 * Schedules a development meeting (thesis 6.3; issue 12): the yearly meeting with a customer at a care home,
 * or the quarterly joint meeting of service production and sales (no customer; every three months). The
 * meeting is stored "invite pending" with one outbox row for the calendar (the worker creates the event
 * through the CalendarPort and retries it like a card), the organizer's and management's cards, and the memo
 * request due at the meeting's end. Bad input comes back as field errors; then nothing is stored or sent.
 */
export async function scheduleMeeting(ctx: AppContext, actor: ActorRef, input: unknown): Promise<UseCaseResult<MeetingScheduled>> {
  const parsed = scheduleMeetingCommand.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const { requestId, kind, customerId, careHomeId, date, startTime, durationMinutes, agenda } = parsed.data;

  const errors: FieldError[] = [];
  // The quarterly meeting is the company's own (production + sales); the yearly one is a customer's at a home.
  if (kind === 'neljannesvuosittainen' && customerId) errors.push({ field: 'customerId', key: 'meeting.quarterlyNoCustomer' });
  if (kind === 'vuosittainen' && !customerId) errors.push({ field: 'customerId', key: 'meeting.customerRequired' });
  if (kind === 'vuosittainen' && !careHomeId) errors.push({ field: 'careHomeId', key: 'meeting.careHomeRequired' });
  const start = instantAt(date, startTime);
  errors.push(...scheduleErrors(start, durationMinutes, ctx.clock.now()));
  const chosen = parseAttendees(parsed.data.attendees);
  const extra = parseAttendees(parsed.data.extraAttendees);
  const badAddresses = [...chosen.invalid, ...extra.invalid];
  if (badAddresses.length > 0) errors.push({ field: 'extraAttendees', key: 'meeting.invalidAttendee', params: { value: badAddresses.join(', ') } });
  const { customer, home, errors: unknownIds } = await referencedRecords(ctx, { customerId, careHomeId });
  errors.push(...unknownIds);
  if (errors.length > 0) return invalid(errors);

  const decision = home ? await authorize(ctx, actor, 'recordForHome', homeScope(home)) : await authorize(ctx, actor, 'scheduleJointMeeting');
  if (!decision.ok) return forbidden(decision);
  const organizer = decision.person;

  const people = await listPeople(ctx);
  const contacts = customer ? await ctx.store.records.list('contact', { customerId: customer.id }) : [];
  const nameOf = new Map<string, string>();
  for (const p of [...people, ...contacts]) if (p.email) nameOf.set(p.email.toLowerCase(), p.name);
  const attendees = uniqueAttendees([...chosen.attendees, ...extra.attendees])
    .filter((a) => a.email !== organizer.email?.toLowerCase())
    .map((a): ParsedAttendee => ({ email: a.email, ...(a.name ?? nameOf.get(a.email) ? { name: a.name ?? nameOf.get(a.email) } : {}) }));
  if (attendees.length === 0) return invalid([{ field: 'extraAttendees', key: 'meeting.noAttendees' }]);

  const at = ctx.clock.now().toISOString();
  const participants = attendees.map((a) => a.name ?? a.email).join(', ').slice(0, 1000);
  const checked = developmentMeetingInputSchema.safeParse({
    kind,
    customerId,
    careHomeId,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + durationMinutes * 60_000).toISOString(),
    participants,
    agenda,
    attendees,
    organizerEmail: organizer.email,
    state: 'kutsu-odottaa',
    sequence: 0,
    recordedBy: actor,
  });
  if (!checked.success) return invalid(fieldErrorsFrom(checked.error));
  const meeting: DevelopmentMeeting = { ...firstVersion(requestId, actor, at), ...checked.data };
  const card = meetingCardData(meeting, { customerName: customer?.name, careHomeName: home?.name });
  const recordKey = `developmentMeeting:${meeting.id}`;
  const scheduled: MeetingScheduledEvent = { type: 'developmentMeeting.scheduled', eventId: ctx.newId(), occurredAt: at, actor, recordKey, data: card };
  const memoDue: MeetingMemoDueEvent = { type: 'developmentMeeting.memoDue', eventId: ctx.newId(), occurredAt: at, actor, data: { ...card, remindAt: meeting.endsAt } };
  return commitChanges(ctx, {
    at,
    by: actor,
    idempotencyKey: `scheduleMeeting:${requestId}`,
    writes: [{ kind: 'developmentMeeting', record: meeting, expectedVersion: null }],
    outbox: [...notificationsFor(scheduled, people), ...notificationsFor(memoDue, people)],
    result: { meeting, card },
  });
}
