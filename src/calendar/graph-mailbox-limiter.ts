/**
 * At most `limit` Graph calls in flight per mailbox (issue 12). Outlook's service limits allow four concurrent
 * requests per app and mailbox ("Outlook service limits", https://learn.microsoft.com/graph/throttling-limits);
 * a fifth is answered 429 "Application is over its MailboxConcurrency limit", which costs a Retry-After wait
 * for nothing. So the calendar adapter queues its own fifth call instead of sending it. Calls to different
 * mailboxes never wait for each other; the queue of each mailbox is first come, first served.
 */
export class MailboxLimiter {
  private readonly inFlight = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(readonly limit = 4) {}

  async run<T>(mailbox: string, call: () => Promise<T>): Promise<T> {
    const key = mailbox.toLowerCase();
    await this.acquire(key);
    try {
      return await call();
    } finally {
      this.release(key);
    }
  }

  /** Calls under way for a mailbox (tests). */
  active(mailbox: string): number {
    return this.inFlight.get(mailbox.toLowerCase()) ?? 0;
  }

  private acquire(key: string): Promise<void> {
    const now = this.inFlight.get(key) ?? 0;
    if (now < this.limit) {
      this.inFlight.set(key, now + 1);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const queue = this.waiting.get(key) ?? [];
      queue.push(resolve);
      this.waiting.set(key, queue);
    });
  }

  private release(key: string): void {
    const queue = this.waiting.get(key);
    const next = queue?.shift();
    if (queue && queue.length === 0) this.waiting.delete(key);
    // The slot passes straight to the next caller, so the count stays as it is.
    if (next) return next();
    const now = (this.inFlight.get(key) ?? 1) - 1;
    if (now <= 0) this.inFlight.delete(key);
    else this.inFlight.set(key, now);
  }
}
