import { z } from 'zod';
import { clockTime } from '../domain/commands/record-development-meeting.js';
import { instantAt } from '../domain/dates.js';
import type { DevelopmentMeetingRecordedEvent, MeetingCancelledEvent, MeetingMemoDueEvent, MeetingRescheduledEvent } from '../domain/events/meeting-events.js';
import { meetingCardData } from '../domain/meetings/meeting-card-data.js';
import { isoDate, recordId, type ActorRef } from '../domain/records/common.js';
import type { DevelopmentMeeting } from '../domain/records/development-meeting.js';
import { freeText, optionalFreeText } from '../domain/records/privacy.js';
import { fieldErrorsFrom, type FieldError } from '../domain/validation.js';
import { notificationsFor } from '../notify/routing.js';
import { ConcurrencyConflict, type OutboxDraft } from '../store/store-port.js';
import type { AppContext } from './app-context.js';
import { authorize } from './authorize.js';
import { commitChanges } from './commit-changes.js';
import { listPeople } from './people.js';
import { scheduleErrors } from './schedule-meeting.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';

/**
 * Changes to a scheduled meeting (issue 12): Siirrä (the same event, SEQUENCE+1, the attendees told by the
 * calendar), Peru (a cancellation with a comment, never a silent delete) and the memo after the meeting.
 * Rescheduling and cancelling are the organizer's — or the business director's (`manageOthersMeetings`).
 */
export const rescheduleMeetingCommand = z.object({
  requestId: recordId,
  meetingId: recordId,
  version: z.coerce.number().int().positive(),
  date: isoDate,
  startTime: clockTime,
  durationMinutes: z.coerce.number({ message: 'meeting.invalidDuration' }).int({ message: 'meeting.invalidDuration' }),
});
export const cancelMeetingCommand = z.object({ requestId: recordId, meetingId: recordId, version: z.coerce.number().int().positive(), comment: freeText(1000) });
export const meetingMemoCommand = z.object({
  requestId: recordId,
  meetingId: recordId,
  memo: optionalFreeText(),
  feedback: optionalFreeText(),
  developmentItems: optionalFreeText(),
});

export interface MeetingChanged {
  meeting: DevelopmentMeeting;
  customerName?: string | undefined;
  careHomeName?: string | undefined;
}

type Loaded = { ok: true; meeting: DevelopmentMeeting; customerName?: string | undefined; careHomeName?: string | undefined } | { ok: false; result: UseCaseResult<never> };

async function load(ctx: AppContext, actor: ActorRef, meetingId: string): Promise<Loaded> {
  const meeting = await ctx.store.records.get('developmentMeeting', meetingId);
  if (!meeting || meeting.withdrawnAt || !meeting.state) return { ok: false, result: { ok: false, reason: 'conflict', message: 'meeting.gone' } };
  if (meeting.recordedBy.id !== actor.id) {
    const decision = await authorize(ctx, actor, 'manageOthersMeetings');
    if (!decision.ok) return { ok: false, result: forbidden({ message: 'meeting.organizerOnly', roles: decision.roles }) };
  }
  if (meeting.state === 'peruttu') return { ok: false, result: { ok: false, reason: 'conflict', message: 'meeting.alreadyCancelled' } };
  if (meeting.state === 'pidetty') return { ok: false, result: { ok: false, reason: 'conflict', message: 'meeting.alreadyHeld' } };
  const [customer, home] = await Promise.all([
    meeting.customerId ? ctx.store.records.get('customer', meeting.customerId) : undefined,
    meeting.careHomeId ? ctx.store.records.get('careHome', meeting.careHomeId) : undefined,
  ]);
  return { ok: true, meeting, customerName: customer?.name, careHomeName: home?.name };
}

async function commitMeeting(ctx: AppContext, actor: ActorRef, before: DevelopmentMeeting, after: DevelopmentMeeting, outbox: OutboxDraft[], key: string, result: MeetingChanged): Promise<UseCaseResult<MeetingChanged>> {
  try {
    return await commitChanges(ctx, { at: after.updatedAt, by: actor, idempotencyKey: key, writes: [{ kind: 'developmentMeeting', record: after, expectedVersion: before.version }], outbox, result });
  } catch (error) {
    // The calendar's answer (or another person) changed the record between the read and the write: once more.
    if (error instanceof ConcurrencyConflict) return { ok: false, reason: 'conflict', message: 'meeting.changedMeanwhile' };
    throw error;
  }
}

/** Siirrä / Reschedule: a new date, start and duration; the same calendar event, its SEQUENCE raised. */
export async function rescheduleMeeting(ctx: AppContext, actor: ActorRef, input: unknown): Promise<UseCaseResult<MeetingChanged>> {
  const parsed = rescheduleMeetingCommand.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const { requestId, meetingId, date, startTime, durationMinutes } = parsed.data;
  const start = instantAt(date, startTime);
  const errors: FieldError[] = scheduleErrors(start, durationMinutes, ctx.clock.now());
  if (errors.length > 0) return invalid(errors);
  const loaded = await load(ctx, actor, meetingId);
  if (!loaded.ok) return loaded.result;
  const { meeting, customerName, careHomeName } = loaded;
  const at = ctx.clock.now().toISOString();
  const after: DevelopmentMeeting = {
    ...meeting,
    version: meeting.version + 1,
    updatedAt: at,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + durationMinutes * 60_000).toISOString(),
    sequence: (meeting.sequence ?? 0) + 1,
  };
  const card = meetingCardData(after, { customerName, careHomeName });
  const recordKey = `developmentMeeting:${meeting.id}`;
  const changed: MeetingRescheduledEvent = { type: 'developmentMeeting.rescheduled', eventId: ctx.newId(), occurredAt: at, actor, recordKey, data: card };
  // The memo request moves with the end: the earlier one is stale (its sequence) and is skipped when due.
  const memoDue: MeetingMemoDueEvent = { type: 'developmentMeeting.memoDue', eventId: ctx.newId(), occurredAt: at, actor: meeting.recordedBy, data: { ...card, remindAt: after.endsAt } };
  const people = await listPeople(ctx);
  return commitMeeting(ctx, actor, meeting, after, [...notificationsFor(changed, people), ...notificationsFor(memoDue, people)], `rescheduleMeeting:${requestId}`, { meeting: after, customerName, careHomeName });
}

/** Peru / Cancel: the attendees get the cancellation with the comment (Graph /cancel, iCalendar METHOD:CANCEL). */
export async function cancelMeeting(ctx: AppContext, actor: ActorRef, input: unknown): Promise<UseCaseResult<MeetingChanged>> {
  const parsed = cancelMeetingCommand.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const { requestId, meetingId, comment } = parsed.data;
  const loaded = await load(ctx, actor, meetingId);
  if (!loaded.ok) return loaded.result;
  const { meeting, customerName, careHomeName } = loaded;
  const at = ctx.clock.now().toISOString();
  const after: DevelopmentMeeting = { ...meeting, version: meeting.version + 1, updatedAt: at, state: 'peruttu', cancelComment: comment, sequence: (meeting.sequence ?? 0) + 1 };
  const event: MeetingCancelledEvent = { type: 'developmentMeeting.cancelled', eventId: ctx.newId(), occurredAt: at, actor, recordKey: `developmentMeeting:${meeting.id}`, data: meetingCardData(after, { customerName, careHomeName }) };
  return commitMeeting(ctx, actor, meeting, after, notificationsFor(event, await listPeople(ctx)), `cancelMeeting:${requestId}`, { meeting: after, customerName, careHomeName });
}

/**
 * The memo after the meeting (the organizer's memo request card): the meeting is held, and management and
 * sales get the memo exactly as a memo recorded with the memo form (`developmentMeeting.recorded`).
 */
export async function recordMeetingMemo(ctx: AppContext, actor: ActorRef, input: unknown): Promise<UseCaseResult<MeetingChanged>> {
  const parsed = meetingMemoCommand.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const { requestId, meetingId, memo, feedback, developmentItems } = parsed.data;
  if (!memo && !feedback && !developmentItems) return invalid([{ field: 'memo', key: 'meeting.memoEmpty' }]);
  const loaded = await load(ctx, actor, meetingId);
  if (!loaded.ok) return loaded.result;
  const { meeting, customerName, careHomeName } = loaded;
  const at = ctx.clock.now().toISOString();
  const after: DevelopmentMeeting = { ...meeting, version: meeting.version + 1, updatedAt: at, state: 'pidetty', memo, feedback, developmentItems };
  const recorded: DevelopmentMeetingRecordedEvent = {
    type: 'developmentMeeting.recorded',
    eventId: ctx.newId(),
    occurredAt: at,
    actor,
    recordKey: `developmentMeetingMemo:${meeting.id}`,
    data: {
      meetingId: meeting.id,
      kind: meeting.kind,
      customerId: meeting.customerId,
      customerName,
      careHomeId: meeting.careHomeId,
      careHomeName,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      participants: meeting.participants,
      memo,
      feedback,
      developmentItems,
      recordedBy: actor,
    },
  };
  return commitMeeting(ctx, actor, meeting, after, notificationsFor(recorded, await listPeople(ctx)), `recordMeetingMemo:${requestId}`, { meeting: after, customerName, careHomeName });
}
