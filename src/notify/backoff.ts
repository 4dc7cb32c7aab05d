/**
 * When to try a failed post again: the connector's Retry-After when it gave one, otherwise exponential
 * backoff with full jitter (base · 2^(attempt-1), capped), so many retries don't hit Teams in step.
 * Retries go on until the row's budget (`giveUpAfterMs` from when it was queued) is spent: an outage of
 * hours is waited out, a card is not given up after a count of attempts.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** After this long since a row was queued (or sent again by an admin), a failing row is marked dead. */
  giveUpAfterMs: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, maxMs: 5 * 60_000, giveUpAfterMs: 24 * 3_600_000 };

export function retryDelayMs(attempt: number, policy: BackoffPolicy, retryAfterMs?: number, random = Math.random): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, Math.min(attempt, 40) - 1));
  const jittered = Math.round(exponential / 2 + (random() * exponential) / 2);
  return retryAfterMs !== undefined ? Math.max(retryAfterMs, Math.min(jittered, policy.baseMs)) : jittered;
}

/** Whether a row queued (or re-queued) at `retryFromMs` has spent its budget at `nowMs`. */
export function budgetSpent(retryFromMs: number, nowMs: number, policy: BackoffPolicy): boolean {
  return nowMs - retryFromMs >= policy.giveUpAfterMs;
}
