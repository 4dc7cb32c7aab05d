import type { ActorRef } from '../domain/records/common.js';
import type { RecordedEntry, RecordedEntryKind } from '../store/record-queries.js';
import type { RecordOf } from '../store/record-kinds.js';
import type { AppContext } from './app-context.js';
import { authorize } from './authorize.js';
import { mayCorrect } from './correct-entry.js';
import { forbidden, type UseCaseResult } from './result.js';
import { DEFAULT_WITHDRAW_WINDOW_HOURS, describe } from './withdraw-entry.js';

/** How many entries `omat` lists: a card, not a report (the SharePoint lists hold them all). */
export const MY_ENTRIES_LIMIT = 10;

/** One of a person's entries as `omat` lists it. */
export interface MyEntry {
  kind: RecordedEntryKind;
  recordId: string;
  version: number;
  createdAt: string;
  date: string;
  careHomeName?: string | undefined;
  customerName?: string | undefined;
}

/**
 * `omat` / `mine` (issue 11): the newest entries the person recorded — places, visits, events, complaints,
 * notes, contacts, meetings — read narrowly (store queries' recentEntriesBy), withdrawn ones left out.
 */
export async function listMyEntries(ctx: AppContext, actor: ActorRef, limit = MY_ENTRIES_LIMIT): Promise<UseCaseResult<{ entries: MyEntry[]; windowHours: number }>> {
  const mayRead = await authorize(ctx, actor, 'read');
  if (!mayRead.ok) return forbidden(mayRead);
  const found = await ctx.store.queries.recentEntriesBy(actor.id, limit);
  const entries = await Promise.all(found.map((entry) => myEntryOf(ctx, entry)));
  return { ok: true, duplicate: false, value: { entries, windowHours: ctx.withdrawWindowHours ?? DEFAULT_WITHDRAW_WINDOW_HOURS } };
}

/**
 * The stored entry a Muokkaa or Peru button names, if the actor may correct it and it is still there: what the
 * edit form is prefilled with, and what the withdraw confirmation names.
 */
export async function entryToChange<K extends RecordedEntryKind>(ctx: AppContext, actor: ActorRef, kind: K, id: string): Promise<UseCaseResult<{ record: RecordOf<K>; entry: MyEntry }>> {
  const record = await ctx.store.records.get(kind, id);
  if (!record || (record as { withdrawnAt?: string }).withdrawnAt) return { ok: false, reason: 'conflict', message: 'mine.gone' };
  const allowed = await mayCorrect(ctx, actor, record);
  if (!allowed.ok) return allowed;
  return { ok: true, duplicate: false, value: { record, entry: await myEntryOf(ctx, { kind, record } as RecordedEntry) } };
}

async function myEntryOf(ctx: AppContext, entry: RecordedEntry): Promise<MyEntry> {
  return { kind: entry.kind, recordId: entry.record.id, version: entry.record.version, createdAt: entry.record.createdAt, ...(await describe(ctx, entry)) };
}
