import assert from 'node:assert/strict';
import {
  backoffDelayMs,
  delayBeforeRetry,
  headerLookup,
  mayRetry,
  parseRetryAfterMs,
  retryPolicySchema,
  serverRequestedDelayMs,
} from '../../src/graph/retry-policy.js';

const policy = retryPolicySchema.parse({ maxAttempts: 4, totalBudgetMs: 10_000, baseDelayMs: 100, maxDelayMs: 1_000 });

describe('Graph retry policy (issue 4)', () => {
  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-11-23T10:00:00Z');
    assert.equal(parseRetryAfterMs('3', now), 3_000);
    assert.equal(parseRetryAfterMs('Mon, 23 Nov 2026 10:00:05 GMT', now), 5_000);
    assert.equal(parseRetryAfterMs('soon', now), undefined);
    assert.equal(parseRetryAfterMs(undefined, now), undefined);
  });

  it('waits for the larger of Retry-After and SharePoint’s RateLimit-Reset', () => {
    const now = Date.now();
    assert.equal(serverRequestedDelayMs(headerLookup(new Headers({ 'Retry-After': '2', 'RateLimit-Reset': '31' })), now), 31_000);
    assert.equal(serverRequestedDelayMs(headerLookup(new Headers({ 'Retry-After': '31', 'RateLimit-Reset': '2' })), now), 31_000);
    assert.equal(serverRequestedDelayMs(headerLookup({ 'retry-after': '1' }), now), 1_000, 'batch inner headers are plain objects');
    assert.equal(serverRequestedDelayMs(headerLookup({}), now), undefined);
  });

  it('without a server hint, backs off exponentially with jitter, capped', () => {
    assert.equal(backoffDelayMs(1, policy, () => 0), 50);
    assert.equal(backoffDelayMs(1, policy, () => 1), 100);
    assert.equal(backoffDelayMs(3, policy, () => 1), 400);
    assert.equal(backoffDelayMs(10, policy, () => 1), 1_000, 'capped at maxDelayMs');
    const jittered = new Set(Array.from({ length: 20 }, () => backoffDelayMs(2, policy)));
    assert.ok(jittered.size > 1, 'random jitter');
    for (const d of jittered) assert.ok(d >= 100 && d <= 200);
    assert.deepEqual(delayBeforeRetry(2, headerLookup({}), policy, Date.now(), () => 0.5), { delayMs: 150, source: 'backoff' });
  });

  it('stops at the attempt limit, and before a wait that would pass the time budget', () => {
    assert.deepEqual(mayRetry(1, 0, 1_000, policy), { retry: true });
    assert.deepEqual(mayRetry(4, 0, 1, policy), { retry: false, reason: 'attempts' });
    assert.deepEqual(mayRetry(2, 9_500, 1_000, policy), { retry: false, reason: 'budget' });
  });
});
