import type { ActorRef } from '../domain/records/common.js';
import type { RecordKind, RecordOf } from '../store/record-kinds.js';
import type { AppContext } from './app-context.js';

/** Who changed a record last and when: what a "someone was first" answer names (issue 10). */
export interface LastChange {
  by: ActorRef;
  /** ISO instant of the record's current version. */
  at: string;
}

/**
 * The last change of `record` as the mirror knows it: the newest audit entry names who (a bot user, or the
 * SharePoint editor of a list edit the delta reader took in), the record's `updatedAt` says when (for a list
 * edit, SharePoint's time of the edit). After a 412 the SharePoint store has re-read the list before the use
 * case asks, so this is the edit that came first.
 */
export async function lastChangeOf<K extends RecordKind>(ctx: AppContext, kind: K, record: RecordOf<K>): Promise<LastChange | undefined> {
  const [latest] = await ctx.store.audit.list({ kind, recordId: record.id });
  if (!latest) return undefined;
  return { by: latest.by, at: record.updatedAt ?? latest.at };
}
