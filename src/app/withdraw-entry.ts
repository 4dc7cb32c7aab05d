import { z } from 'zod';
import { localDate } from '../domain/dates.js';
import type { EntryWithdrawnEvent } from '../domain/events/entry-events.js';
import { recordId, type ActorRef } from '../domain/records/common.js';
import { fieldErrorsFrom } from '../domain/validation.js';
import { notificationsFor } from '../notify/routing.js';
import { recordedEntryKinds, type RecordedEntry, type RecordedEntryKind } from '../store/record-queries.js';
import { ConcurrencyConflict, type RecordWrite } from '../store/store-port.js';
import type { AppContext } from './app-context.js';
import { commitChanges } from './commit-changes.js';
import { changedFirst, mayCorrect } from './correct-entry.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';

/** When WITHDRAW_WINDOW_HOURS is not set: two days, a weekend's Friday entry still withdrawable on Sunday. */
export const DEFAULT_WITHDRAW_WINDOW_HOURS = 48;

export const withdrawEntryCommand = z.object({
  kind: z.enum(recordedEntryKinds),
  recordId,
  expectedVersion: z.coerce.number().int().positive(),
  requestId: recordId,
});

export interface EntryWithdrawn {
  kind: RecordedEntryKind;
  recordId: string;
  withdrawnAt: string;
  /** The entry's own day, for the confirmation ("Peruttu: Valvontakäynti 20.11.2026"). */
  date: string;
}

/**
 * Withdraws an entry (issue 11, `omat` → Peru): the record stays, marked withdrawn by whom and when, so the
 * audit trail (and `historia`) keeps it; every view and count leaves it out (the store's narrow queries), and
 * the cards posted for it update in place to say it was withdrawn. Its author may, within the configured
 * window after recording it (WITHDRAW_WINDOW_HOURS); later, or someone else's, only `correctOthersEntries`.
 */
export async function withdrawEntry(ctx: AppContext, actor: ActorRef, input: unknown): Promise<UseCaseResult<EntryWithdrawn>> {
  const parsed = withdrawEntryCommand.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const { kind, recordId: id, expectedVersion, requestId } = parsed.data;
  const record = await ctx.store.records.get(kind, id);
  if (!record) return { ok: false, reason: 'conflict', message: 'mine.gone' };
  const entry = { kind, record } as RecordedEntry;
  if (record.withdrawnAt) return { ok: true, duplicate: true, value: { kind, recordId: id, withdrawnAt: record.withdrawnAt, date: entryDate(entry) } };
  const allowed = await mayCorrect(ctx, actor, record);
  if (!allowed.ok) return allowed;
  const now = ctx.clock.now();
  const hours = ctx.withdrawWindowHours ?? DEFAULT_WITHDRAW_WINDOW_HOURS;
  if (now.getTime() > Date.parse(record.createdAt) + hours * 3_600_000) {
    // Past the window only someone who answers for the records may still withdraw it (and it is logged).
    const override = await mayCorrect(ctx, actor, { createdBy: '' });
    if (!override.ok) return forbidden({ message: 'mine.windowPassed', roles: [], params: { hours: String(hours) } });
  }
  if (record.version !== expectedVersion) return changedFirst(ctx, kind, record);

  const at = now.toISOString();
  const described = await describe(ctx, entry);
  const withdrawn = { ...record, version: record.version + 1, updatedAt: at, withdrawnAt: at, withdrawnBy: actor };
  const event: EntryWithdrawnEvent = {
    type: 'entry.withdrawn',
    eventId: ctx.newId(),
    occurredAt: at,
    actor,
    recordKey: `${kind}:${id}`,
    data: { kind, recordId: id, ...described, withdrawnBy: actor, withdrawnAt: at },
  };
  try {
    return await commitChanges(ctx, {
      at,
      by: actor,
      idempotencyKey: `withdrawEntry:${requestId}`,
      writes: [{ kind, record: withdrawn, expectedVersion } as RecordWrite],
      outbox: notificationsFor(event),
      // What has not gone out yet (a next-contact reminder, a card still queued) is not sent for a withdrawn entry.
      dropPendingPosts: [`${kind}:${id}`],
      result: { kind, recordId: id, withdrawnAt: at, date: described.date },
    });
  } catch (error) {
    if (error instanceof ConcurrencyConflict) return changedFirst(ctx, kind, await ctx.store.records.get(kind, id));
    throw error;
  }
}

/** What a withdrawn entry's card and `omat` still name: its day, home and customer. */
export async function describe(ctx: AppContext, entry: RecordedEntry): Promise<{ date: string; careHomeName?: string | undefined; customerName?: string | undefined }> {
  const { careHomeId, customerId } = entry.record as { careHomeId?: string; customerId?: string };
  const customerIds = entry.kind === 'homeEvent' ? entry.record.customerIds : customerId ? [customerId] : [];
  const [home, customers] = await Promise.all([
    careHomeId ? ctx.store.records.get('careHome', careHomeId) : undefined,
    Promise.all(customerIds.map((cid) => ctx.store.records.get('customer', cid))),
  ]);
  const names = customers.flatMap((c) => (c ? [c.name] : []));
  return { date: entryDate(entry), careHomeName: home?.name, customerName: names.length > 0 ? names.join(', ') : undefined };
}

/** The entry's own day: the visit's or event's date, a complaint's receipt, a meeting's start, a place's free date. */
export function entryDate(entry: RecordedEntry): string {
  switch (entry.kind) {
    case 'place':
      return entry.record.freeFrom ?? localDate(new Date(entry.record.updatedAt));
    case 'complaint':
      return entry.record.receivedDate;
    case 'developmentMeeting':
      return localDate(new Date(entry.record.startsAt));
    case 'note':
      return localDate(new Date(entry.record.createdAt));
    case 'supervisionVisit':
    case 'homeEvent':
    case 'contactLogEntry':
      return entry.record.date;
  }
}
