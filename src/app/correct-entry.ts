import { z } from 'zod';
import type { DomainEvent } from '../domain/events.js';
import type { EntryCorrectedEvent } from '../domain/events/entry-events.js';
import { recordId, type ActorRef } from '../domain/records/common.js';
import type { Person } from '../domain/records/person.js';
import { notificationsFor } from '../notify/routing.js';
import type { RecordedEntryKind } from '../store/record-queries.js';
import { ConcurrencyConflict, type RecordWrite } from '../store/store-port.js';
import { commitChanges } from './commit-changes.js';
import type { RecordOf } from '../store/record-kinds.js';
import type { AppContext } from './app-context.js';
import { authorize } from './authorize.js';
import { lastChangeOf } from './last-change.js';
import { forbidden, type UseCaseResult } from './result.js';

/**
 * Correcting what was recorded (issue 11): the same form, prefilled, saved through the same use case. A form
 * in edit mode carries the record's id and the version it showed; the use case writes that version + 1 with
 * optimistic concurrency, so an edit made on a stale form is refused, naming who changed the entry first.
 */
export interface Correction {
  recordId: string;
  expectedVersion: number;
}

/** The edit-mode fields of a submit (bot/forms/form-card.ts puts them in the form's data). */
const correctionInput = z.object({ recordId, expectedVersion: z.coerce.number().int().positive() });

/**
 * Splits a submit into its correction (absent for a new entry) and the fields the record's command parses.
 * A submit with a `recordId` but no valid version is not an edit anyone's form made: it is refused as stale.
 */
export function correctionOf(input: unknown): { correction?: Correction | undefined; fields: unknown; malformed: boolean } {
  if (!input || typeof input !== 'object' || !('recordId' in input)) return { fields: input, malformed: false };
  const { recordId: id, expectedVersion, ...fields } = input as Record<string, unknown>;
  const parsed = correctionInput.safeParse({ recordId: id, expectedVersion });
  return parsed.success ? { correction: parsed.data, fields, malformed: false } : { fields, malformed: true };
}

/** Whether the actor may change this entry: its author always, others only with `correctOthersEntries`. */
export async function mayCorrect(ctx: AppContext, actor: ActorRef, record: { createdBy: string }): Promise<UseCaseResult<true>> {
  if (record.createdBy === actor.id) {
    // The author must still be on the people list: someone who left records nothing, corrects nothing.
    const stillThere = await authorize(ctx, actor, 'read');
    return stillThere.ok ? { ok: true, duplicate: false, value: true } : forbidden(stillThere);
  }
  const decision = await authorize(ctx, actor, 'correctOthersEntries');
  return decision.ok ? { ok: true, duplicate: false, value: true } : forbidden({ ...decision, message: 'mine.notYours' });
}

/**
 * The entry a correction names, if the actor may change it: a missing or withdrawn entry and an edit made on
 * an older version than the stored one answer the conflict, so the form keeps what was typed.
 */
export async function entryToCorrect<K extends RecordedEntryKind>(
  ctx: AppContext,
  actor: ActorRef,
  kind: K,
  correction: Correction,
): Promise<{ ok: true; record: RecordOf<K> } | { ok: false; refusal: UseCaseResult<never> }> {
  const record = await ctx.store.records.get(kind, correction.recordId);
  if (!record || (record as { withdrawnAt?: string }).withdrawnAt) {
    return { ok: false, refusal: { ok: false, reason: 'conflict', message: 'mine.gone' } };
  }
  const allowed = await mayCorrect(ctx, actor, record);
  if (!allowed.ok) return { ok: false, refusal: allowed };
  if (record.version !== correction.expectedVersion) return { ok: false, refusal: await changedFirst(ctx, kind, record) };
  return { ok: true, record };
}

/**
 * "X changed this first": who made the stored version, and when (for a conflict found before or at the write),
 * and that version, so the form that comes back saves over it once the person has seen what changed.
 */
export async function changedFirst<K extends RecordedEntryKind>(ctx: AppContext, kind: K, record?: RecordOf<K>): Promise<UseCaseResult<never>> {
  const last = record ? await lastChangeOf(ctx, kind, record) : undefined;
  return {
    ok: false,
    reason: 'conflict',
    message: 'mine.changedFirst',
    ...(last ? { changedFirst: { by: last.by.name, at: last.at, label: '', status: '', version: record!.version } } : {}),
  };
}

/** The meta fields of a corrected version: the same id, author and creation, the next version, now. */
export function nextVersion(record: { id: string; version: number; createdAt: string; createdBy: string }, at: string) {
  return { id: record.id, version: record.version + 1, createdAt: record.createdAt, createdBy: record.createdBy, updatedAt: at } as const;
}

/** The event that updates the cards posted for a corrected entry: its card event as it would be posted now. */
export function correctedEvent(ctx: AppContext, inner: DomainEvent & { recordKey?: string | undefined }, actor: ActorRef, at: string, recordKey: string): EntryCorrectedEvent {
  return { type: 'entry.corrected', eventId: ctx.newId(), occurredAt: at, actor, recordKey, data: { event: inner, correctedBy: actor, correctedAt: at } };
}

/**
 * The commit of a new or corrected entry, the last step of its use case: a new one posts its event's cards,
 * a corrected one updates the cards posted for it; a write that lost the race names who was first.
 */
export async function commitEntry<K extends RecordedEntryKind, T>(
  ctx: AppContext,
  entry: {
    at: string;
    actor: ActorRef;
    kind: K;
    record: RecordOf<K>;
    /** The stored version a correction replaces; absent for a new entry. */
    replaces?: RecordOf<K> | undefined;
    event: DomainEvent & { recordKey?: string | undefined };
    people?: readonly Person[];
    idempotencyKey: string;
    result: T;
  },
): Promise<UseCaseResult<T>> {
  const { at, actor, kind, record, replaces, event } = entry;
  const recordKey = event.recordKey ?? `${kind}:${record.id}`;
  const outbox = replaces ? notificationsFor(correctedEvent(ctx, event, actor, at, recordKey), entry.people) : notificationsFor(event, entry.people);
  // A contact entry's only post is its recorder's next-contact reminder: a correction replaces the pending one
  // (a moved date reminds on the new date, a removed date not at all) in the same transaction.
  const reschedulesReminder = replaces !== undefined && kind === 'contactLogEntry';
  try {
    return await commitChanges(ctx, {
      at,
      by: actor,
      idempotencyKey: entry.idempotencyKey,
      writes: [{ kind, record, expectedVersion: replaces ? replaces.version : null } as RecordWrite],
      outbox: reschedulesReminder ? [...outbox, ...notificationsFor(event, entry.people)] : outbox,
      ...(reschedulesReminder ? { dropPendingPosts: [recordKey] } : {}),
      result: entry.result,
    });
  } catch (error) {
    if (replaces && error instanceof ConcurrencyConflict) return changedFirst(ctx, kind, await ctx.store.records.get(kind, record.id));
    throw error;
  }
}
