import assert from 'node:assert/strict';
import { MultiWindowLimiter, Pacer, teamsAppWindows, teamsConversationWindows, type RateWindow } from '../../src/notify/pacing.js';

/** The most calls any window of `perMs` (sliding, start inclusive) holds among `times`. */
function busiest(times: number[], perMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j]! - sorted[i]! >= perMs) i++;
    most = Math.max(most, j - i + 1);
  }
  return most;
}

/** Every call reserved as soon as the limiter allows, from t=0: the instants the calls would be made. */
function schedule(windows: readonly RateWindow[], calls: number, key = 'c'): number[] {
  const limiter = new MultiWindowLimiter(windows);
  const times: number[] = [];
  for (let i = 0; i < calls; i++) times.push(limiter.reserve(key, 0).atMs);
  return times;
}

describe('pacing: a multi-window limiter at Teams\' limits', () => {
  it('lets 7 calls through at once and holds the 8th until the first leaves the 1 s window', () => {
    const times = schedule(teamsConversationWindows, 8);
    assert.deepEqual(times.slice(0, 7), [0, 0, 0, 0, 0, 0, 0]);
    assert.equal(times[7], 1_000);
  });

  it('keeps 8 per 2 s: the 9th call waits for the 2 s window, not only the 1 s one', () => {
    const times = schedule(teamsConversationWindows, 9);
    assert.equal(times[8], 2_000);
  });

  it('holds every window at once over 130 calls to one conversation', () => {
    const times = schedule(teamsConversationWindows, 130);
    for (const w of teamsConversationWindows) assert.ok(busiest(times, w.perMs) <= w.limit, `${w.limit} per ${w.perMs} ms`);
    // 60 per 30 s decides the long run: the 61st call is at 30 s, the 121st at 60 s.
    assert.equal(times[60], 30_000);
    assert.equal(times[120], 60_000);
  });

  it('keeps the hour: the 1,801st call waits for the first to be an hour old', () => {
    const limiter = new MultiWindowLimiter([{ limit: 1_800, perMs: 3_600_000 }]);
    for (let i = 0; i < 1_800; i++) limiter.reserve('c', i * 1_000);
    assert.equal(limiter.nextFreeMs('c', 1_800_000), 3_600_000);
  });

  it('counts each conversation on its own', () => {
    const limiter = new MultiWindowLimiter(teamsConversationWindows);
    for (let i = 0; i < 7; i++) limiter.reserve('sales', 0);
    assert.equal(limiter.nextFreeMs('sales', 0), 1_000);
    assert.equal(limiter.nextFreeMs('management', 0), 0);
  });

  it('a settled slot counts from when its call ended', () => {
    const limiter = new MultiWindowLimiter([{ limit: 1, perMs: 1_000 }]);
    const slot = limiter.reserve('c', 0);
    limiter.settle(slot, 300);
    assert.equal(limiter.nextFreeMs('c', 0), 1_300);
  });

  it('the app window caps all conversations together at 50 per second', async () => {
    let now = 0;
    const made: number[] = [];
    const pacer = new Pacer(
      () => now,
      async (ms) => {
        now += ms;
      },
      { conversation: teamsConversationWindows, app: teamsAppWindows },
    );
    // 20 conversations × 5 calls, one after another: 100 calls, 50 in any second at most.
    for (let i = 0; i < 100; i++) await pacer.paced(`c${i % 20}`, async () => made.push(now));
    assert.ok(busiest(made, 1_000) <= 50);
    assert.equal(made[50], 1_000);
  });
});
