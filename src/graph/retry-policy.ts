import { z } from 'zod';

/**
 * When to try a throttled Graph/SharePoint request again (issue 4). SharePoint answers 429 (too many
 * requests) or 503 (server busy) with `Retry-After`, and once an app nears its resource-unit budget it also
 * sends `RateLimit-Reset` (seconds until the window resets); Microsoft's guidance ("Avoid getting throttled
 * or blocked in SharePoint Online") is to wait at least that long, so we take the LARGER of the two. With
 * neither header (a 504 from a gateway, say) we back off exponentially with jitter, so many workers don't
 * retry in step. Every retry is bounded twice: by attempts and by a total time budget, and a wait that would
 * overrun the budget is not started at all.
 */
export const retryPolicySchema = z.object({
  /** Attempts in all, the first one included. */
  maxAttempts: z.coerce.number().int().min(1).max(20).default(6),
  /** From the first attempt to the start of the last one, waits included. */
  totalBudgetMs: z.coerce.number().int().min(0).default(120_000),
  /** Backoff without a server hint: base · 2^(retry-1), jittered, capped at maxDelayMs. */
  baseDelayMs: z.coerce.number().int().min(1).default(1_000),
  maxDelayMs: z.coerce.number().int().min(1).default(60_000),
});
export type RetryPolicy = z.infer<typeof retryPolicySchema>;

export const defaultRetryPolicy: RetryPolicy = retryPolicySchema.parse({});

/** The statuses Graph and SharePoint use for "not now": throttled, busy, gateway timeout. */
export const retryableStatuses: ReadonlySet<number> = new Set([429, 503, 504]);

export function isRetryableStatus(status: number): boolean {
  return retryableStatuses.has(status);
}

/** A header lookup that works for fetch `Headers` and for the plain objects inside a `$batch` response. */
export type HeaderLookup = (name: string) => string | null | undefined;

export function headerLookup(headers: Headers | Record<string, unknown> | undefined): HeaderLookup {
  if (!headers) return () => undefined;
  if (typeof (headers as Headers).get === 'function') return (name) => (headers as Headers).get(name);
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v == null ? undefined : String(v)]));
  return (name) => lower.get(name.toLowerCase());
}

/** `Retry-After` is delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** SharePoint's `RateLimit-Reset`: seconds until the throttling window resets. */
export function parseRateLimitResetMs(value: string | null | undefined): number | undefined {
  if (value == null || !/^\s*\d+(\.\d+)?\s*$/.test(value)) return undefined;
  return Math.round(Number(value) * 1000);
}

/** The wait the server asked for: the larger of `Retry-After` and `RateLimit-Reset`, if either is there. */
export function serverRequestedDelayMs(headers: HeaderLookup, nowMs: number): number | undefined {
  const retryAfter = parseRetryAfterMs(headers('retry-after'), nowMs);
  const reset = parseRateLimitResetMs(headers('ratelimit-reset'));
  if (retryAfter === undefined && reset === undefined) return undefined;
  return Math.max(retryAfter ?? 0, reset ?? 0);
}

/** Exponential backoff with "equal jitter": half fixed, half random, so waits never collapse to zero. */
export function backoffDelayMs(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

export interface RetryDelay {
  delayMs: number;
  /** 'server' when a header said how long; 'backoff' otherwise. */
  source: 'server' | 'backoff';
}

export function delayBeforeRetry(retry: number, headers: HeaderLookup, policy: RetryPolicy, nowMs: number, random?: () => number): RetryDelay {
  const server = serverRequestedDelayMs(headers, nowMs);
  return server !== undefined ? { delayMs: server, source: 'server' } : { delayMs: backoffDelayMs(retry, policy, random), source: 'backoff' };
}

export type RetryDecision = { retry: true } | { retry: false; reason: 'attempts' | 'budget' };

/**
 * After `attempts` attempts and `elapsedMs` since the first one, may we wait `delayMs` and go again?
 * A wait that would end past the budget is refused now rather than slept through and refused later.
 */
export function mayRetry(attempts: number, elapsedMs: number, delayMs: number, policy: RetryPolicy): RetryDecision {
  if (attempts >= policy.maxAttempts) return { retry: false, reason: 'attempts' };
  if (elapsedMs + delayMs > policy.totalBudgetMs) return { retry: false, reason: 'budget' };
  return { retry: true };
}

/**
 * Sleeps at least `ms` by the monotonic clock. A timer alone may fire a few milliseconds early (libuv
 * measures from the start of the loop iteration), and a retry sent before the server's Retry-After has
 * passed is throttled again and counts against the app's budget.
 */
export async function realSleep(ms: number): Promise<void> {
  const until = performance.now() + ms;
  for (let left = ms; left > 0; left = until - performance.now()) {
    await new Promise((resolve) => setTimeout(resolve, Math.ceil(left)));
  }
}
