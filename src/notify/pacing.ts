/**
 * Pacing below Teams' posting limits (DESIGN.md, Tenant mode): per bot per conversation 7 per 1 s, 8 per 2 s,
 * 60 per 30 s and 1,800 per hour, all at once, and 50 requests per second per app in the tenant. A 429 is
 * the connector's last word, not the way to find the limit: the worker waits for a slot before every call.
 *
 * Pure and clock-free: every method takes `nowMs`, so tests step through time without waiting.
 * A sliding-window log per key (at most the largest window's limit entries) decides the next free slot.
 */
export interface RateWindow {
  limit: number;
  perMs: number;
}

/** Teams' documented per-conversation limits for a bot's posts and updates. */
export const teamsConversationWindows: readonly RateWindow[] = [
  { limit: 7, perMs: 1_000 },
  { limit: 8, perMs: 2_000 },
  { limit: 60, perMs: 30_000 },
  { limit: 1_800, perMs: 3_600_000 },
];

/** Teams' per-app limit in one tenant, across all conversations. */
export const teamsAppWindows: readonly RateWindow[] = [{ limit: 50, perMs: 1_000 }];

/** A slot taken: `settle` moves it to when the call really ended (the latest the server can have counted it). */
export interface Slot {
  readonly key: string;
  atMs: number;
}

/** Several windows that must all hold at once, per key (a conversation, or the one app). */
export class MultiWindowLimiter {
  private readonly log = new Map<string, Slot[]>();
  private readonly longestMs: number;

  constructor(private readonly windows: readonly RateWindow[]) {
    this.longestMs = Math.max(...windows.map((w) => w.perMs));
  }

  /** The earliest instant at or after `nowMs` when one more call for `key` keeps every window. */
  nextFreeMs(key: string, nowMs: number): number {
    const slots = this.prune(key, nowMs);
    let at = nowMs;
    // Moving `at` for one window can only lower the counts of the others, so one pass per window to a
    // fixed point is enough; the loop ends because `at` only grows and is bounded by the last slot + window.
    for (let changed = true; changed; ) {
      changed = false;
      for (const w of this.windows) {
        const inWindow = slots.filter((s) => s.atMs > at - w.perMs);
        if (inWindow.length >= w.limit) {
          // The oldest slots must leave the window first: the (n - limit + 1)-th oldest one decides.
          const sorted = inWindow.map((s) => s.atMs).sort((a, b) => a - b);
          const next = sorted[inWindow.length - w.limit]! + w.perMs;
          if (next > at) {
            at = next;
            changed = true;
          }
        }
      }
    }
    return at;
  }

  /** Takes the next free slot for `key`, which may lie ahead: the caller waits `slot.atMs - nowMs`. */
  reserve(key: string, nowMs: number): Slot {
    const slot: Slot = { key, atMs: this.nextFreeMs(key, nowMs) };
    const slots = this.log.get(key) ?? [];
    slots.push(slot);
    this.log.set(key, slots);
    return slot;
  }

  /** The call ended at `endedMs`: count it from then, since the server may have received it that late. */
  settle(slot: Slot, endedMs: number): void {
    if (endedMs > slot.atMs) slot.atMs = endedMs;
  }

  private prune(key: string, nowMs: number): Slot[] {
    const slots = (this.log.get(key) ?? []).filter((s) => s.atMs > nowMs - this.longestMs);
    if (slots.length === 0) this.log.delete(key);
    else this.log.set(key, slots);
    return slots;
  }
}

/**
 * The pacer the outbox worker uses: a slot in the conversation's windows and one in the app's, both at the
 * later of the two instants. `wait` sleeps in real time (the connector's limits are real seconds).
 */
export class Pacer {
  private readonly conversations: MultiWindowLimiter;
  private readonly app: MultiWindowLimiter;

  constructor(
    private readonly now: () => number,
    private readonly wait: (ms: number) => Promise<void>,
    windows: { conversation: readonly RateWindow[]; app: readonly RateWindow[] } = { conversation: teamsConversationWindows, app: teamsAppWindows },
  ) {
    this.conversations = new MultiWindowLimiter(windows.conversation);
    this.app = new MultiWindowLimiter(windows.app);
  }

  /** Runs `call` in the next slot that keeps both the conversation's and the app's limits. */
  async paced<T>(conversationId: string, call: () => Promise<T>): Promise<T> {
    const now = this.now();
    // The first instant free in both: moving to the app's slot may meet the conversation's next limit, and back.
    let at = now;
    for (let next = -1; next !== at; ) {
      next = at;
      at = Math.max(this.conversations.nextFreeMs(conversationId, at), this.app.nextFreeMs('app', at));
    }
    const slots = [this.conversations.reserve(conversationId, at), this.app.reserve('app', at)];
    if (at > now) await this.wait(at - now);
    try {
      return await call();
    } finally {
      const ended = this.now();
      for (const slot of slots) (slot.key === 'app' ? this.app : this.conversations).settle(slot, ended);
    }
  }
}
