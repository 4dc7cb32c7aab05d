/**
 * When to try a failed post again: the connector's Retry-After when it gave one, otherwise exponential
 * backoff with full jitter (base · 2^(attempt-1), capped), so many retries don't hit Teams in step.
 */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** After this many attempts a notification is given up (marked dead) and logged for an admin. */
  maxAttempts: number;
}

export const defaultBackoff: BackoffPolicy = { baseMs: 1_000, maxMs: 5 * 60_000, maxAttempts: 12 };

export function retryDelayMs(attempt: number, policy: BackoffPolicy, retryAfterMs?: number, random = Math.random): number {
  const exponential = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(exponential / 2 + (random() * exponential) / 2);
  return retryAfterMs !== undefined ? Math.max(retryAfterMs, Math.min(jittered, policy.baseMs)) : jittered;
}
