import type { CalendarEventRef, CalendarPort, MeetingInvite } from '../calendar/calendar-port.js';
import { CalendarFailed } from '../calendar/calendar-port.js';
import { COMPANY_TIME_ZONE } from '../domain/dates.js';
import type { MeetingCardData, MeetingInvitedEvent } from '../domain/events/meeting-events.js';
import { meetingCardData } from '../domain/meetings/meeting-card-data.js';
import type { DevelopmentMeeting } from '../domain/records/development-meeting.js';
import { t, type Locale } from '../i18n/messages.js';
import { ConcurrencyConflict, type OutboxEntry, type Store } from '../store/store-port.js';
import { notificationsFor } from './routing.js';
import { DeliveryFailed } from './sender-port.js';

/**
 * The outbox rows for the calendar (issue 12, audience 'calendar'): instead of a card, the meeting's
 * invitation goes through the CalendarPort — create for a scheduled meeting, update on a reschedule, cancel.
 * On success the record keeps the event ids, the join link and (local mode) the .ics, and its posted cards
 * update in place; a failure is a DeliveryFailed, so the worker retries it with the outbox's backoff while
 * the meeting stays "invite pending".
 */

/** Used when the organizer's person record has no e-mail address (the invitation needs an ORGANIZER). */
export const fallbackOrganizerEmail = 'kehityskokoukset@hoivacrm.local';

const wallClock = new Intl.DateTimeFormat('en-CA', { timeZone: COMPANY_TIME_ZONE, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });

/** An instant as a Helsinki wall-clock time 'YYYY-MM-DDTHH:mm' (the port's HelsinkiTime). */
export function helsinkiTime(iso: string): string {
  const parts = wallClock.formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

/** The invitation a meeting record makes; the subject names the customer (or says it is the joint meeting). */
export function inviteOf(meeting: DevelopmentMeeting, names: { customerName?: string | undefined }, locale: Locale): MeetingInvite {
  return {
    meetingId: meeting.id,
    // The record's id is the scheduling form's request id, so a retried create names the same transaction.
    transactionId: meeting.id,
    organizer: { email: meeting.organizerEmail ?? fallbackOrganizerEmail, name: meeting.recordedBy.name },
    subject: t(locale, `meeting.subject.${meeting.kind}`, { customer: names.customerName ?? '' }),
    agenda: meeting.agenda ?? '',
    start: helsinkiTime(meeting.startsAt),
    end: helsinkiTime(meeting.endsAt),
    attendees: (meeting.attendees ?? []).map((a) => ({ email: a.email, name: a.name })),
    recurrence: meeting.kind === 'neljannesvuosittainen' ? { everyMonths: 3 } : undefined,
    sequence: meeting.sequence ?? 0,
  };
}

/** Which port call a row means, from the event that queued it. */
function callOf(eventType: string): 'create' | 'update' | 'cancel' | undefined {
  switch (eventType) {
    case 'developmentMeeting.scheduled':
      return 'create';
    case 'developmentMeeting.rescheduled':
      return 'update';
    case 'developmentMeeting.cancelled':
      return 'cancel';
    default:
      return undefined;
  }
}

export interface CalendarDeliveryDeps {
  store: Store;
  calendar: CalendarPort;
  locale: Locale;
  now: () => Date;
  newId: () => string;
}

/** Delivers one leased calendar row; throws DeliveryFailed for the worker's retry (or dead-letter) rules. */
export async function deliverInvite(deps: CalendarDeliveryDeps, entry: OutboxEntry): Promise<void> {
  const { store, calendar, locale } = deps;
  const call = callOf(entry.eventType);
  const meetingId = entry.recipient;
  const meeting = await store.records.get('developmentMeeting', meetingId);
  if (!call || !meeting) throw new DeliveryFailed(`no meeting ${meetingId} for ${entry.eventType}`, 404, false);
  const customer = meeting.customerId ? await store.records.get('customer', meeting.customerId) : undefined;
  const invite = inviteOf(meeting, { customerName: customer?.name }, locale);
  const known: CalendarEventRef = { eventId: meeting.calendarEventId ?? meeting.id, iCalUId: meeting.icalUid, joinUrl: meeting.joinUrl };
  let answer: CalendarEventRef;
  try {
    answer =
      call === 'create'
        ? await calendar.create(invite)
        : call === 'update'
          ? await calendar.update(known, invite)
          : await calendar.cancel(known, invite, meeting.cancelComment ?? '');
  } catch (error) {
    if (error instanceof CalendarFailed) throw new DeliveryFailed(error.message, error.status, error.retryable, error.retryAfterMs);
    throw error;
  }
  await storeAnswer(deps, entry, meeting.id, answer);
}

/** The calendar's answer onto the newest version of the record (a reschedule may have come in meanwhile). */
async function storeAnswer(deps: CalendarDeliveryDeps, entry: OutboxEntry, meetingId: string, answer: CalendarEventRef): Promise<void> {
  const { store, now, newId } = deps;
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = await store.records.get('developmentMeeting', meetingId);
    if (!current) return;
    const at = now().toISOString();
    const updated: DevelopmentMeeting = {
      ...current,
      version: current.version + 1,
      updatedAt: at,
      calendarEventId: answer.eventId,
      ...(answer.iCalUId ? { icalUid: answer.iCalUId } : {}),
      ...(answer.joinUrl ? { joinUrl: answer.joinUrl } : {}),
      ...(answer.ics ? { ics: answer.ics } : {}),
      // Only the invitation awaited moves to "invited"; a cancelled or held meeting keeps its state.
      ...(current.state === 'kutsu-odottaa' ? { state: 'kutsuttu' as const } : {}),
    };
    const customer = updated.customerId ? await store.records.get('customer', updated.customerId) : undefined;
    const home = updated.careHomeId ? await store.records.get('careHome', updated.careHomeId) : undefined;
    const card: MeetingCardData = meetingCardData(updated, { customerName: customer?.name, careHomeName: home?.name });
    const event: MeetingInvitedEvent = {
      type: 'developmentMeeting.invited',
      eventId: newId(),
      occurredAt: at,
      actor: updated.recordedBy,
      recordKey: `developmentMeeting:${updated.id}`,
      data: card,
    };
    try {
      await store.records.commit({
        at,
        idempotencyKey: `calendarAnswer:${entry.eventId}`,
        writes: [{ kind: 'developmentMeeting', record: updated, expectedVersion: current.version }],
        outbox: notificationsFor(event),
      });
      return;
    } catch (error) {
      if (!(error instanceof ConcurrencyConflict)) throw error;
    }
  }
  throw new DeliveryFailed(`meeting ${meetingId} kept changing while the calendar answer was stored`, undefined, true);
}

/**
 * A memo request queued for a version of the meeting that no longer holds: the meeting was cancelled, its
 * memo is already recorded, or it was rescheduled (the reschedule queued a request for the new end).
 */
export async function memoRequestStale(store: Store, entry: OutboxEntry): Promise<boolean> {
  if (entry.eventType !== 'developmentMeeting.memoDue') return false;
  const data = (entry.payload as { data?: { meetingId?: string; sequence?: number } }).data;
  const meeting = data?.meetingId ? await store.records.get('developmentMeeting', data.meetingId) : undefined;
  if (!meeting || meeting.withdrawnAt) return true;
  return meeting.state === 'peruttu' || meeting.state === 'pidetty' || (meeting.sequence ?? 0) !== (data?.sequence ?? 0);
}
