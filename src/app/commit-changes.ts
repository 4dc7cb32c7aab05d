import type { ChangeSet } from '../store/store-port.js';
import type { AppContext } from './app-context.js';
import type { UseCaseResult } from './result.js';

/**
 * The last step of every use case that writes: commit the records and their notifications in one
 * change set, answer a repeated request with the first result, and wake the outbox worker. A
 * ConcurrencyConflict passes through: only the caller knows what "someone was first" means for it.
 */
export async function commitChanges<T>(
  ctx: AppContext,
  changes: Omit<ChangeSet, 'result'> & { result: T },
): Promise<UseCaseResult<T>> {
  const commit = await ctx.store.records.commit(changes);
  if (!commit.applied) return { ok: true, duplicate: true, value: commit.duplicateOf as T };
  if (changes.outbox.length > 0) ctx.notificationsQueued();
  return { ok: true, duplicate: false, value: changes.result };
}
