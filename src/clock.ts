/** Time is injected everywhere it matters, so tests of dates, retries and reminders need no waiting. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    set: (next) => {
      current = new Date(next);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

/**
 * A clock that starts at a chosen instant and then runs with real time: tests get a known "today"
 * and timestamps, while retries scheduled a few milliseconds ahead still come due. `advance` jumps.
 */
export function runningClockFrom(iso: string): Clock & { advance(ms: number): void } {
  const startedAt = Date.now();
  let offset = new Date(iso).getTime() - startedAt;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => {
      offset += ms;
    },
  };
}
