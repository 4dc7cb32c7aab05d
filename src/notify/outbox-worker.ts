import type { Clock } from '../clock.js';
import type { DomainEvent } from '../domain/events.js';
import type { Logger } from '../logger.js';
import type { OutboxEntry, Store } from '../store/store-port.js';
import { retryDelayMs, type BackoffPolicy } from './backoff.js';
import { DeliveryFailed, type NotificationSender } from './sender-port.js';

export interface OutboxWorkerOptions {
  store: Store;
  sender: NotificationSender;
  clock: Clock;
  logger: Logger;
  backoff: BackoffPolicy;
  /** Language of cards posted to channels. */
  channelLocale: string;
  /** How often to look for due rows when nobody pokes the worker. */
  pollIntervalMs: number;
  /** How long a claimed row stays leased; longer than the slowest post we are willing to wait for. */
  leaseMs: number;
  batchSize?: number;
}

/**
 * Delivers outbox rows. A row is claimed (leased), posted, then marked sent with the activity id. A 429 or
 * 5xx reschedules it (Retry-After honoured); a row whose channel is not bound yet waits for the binding.
 * A slow connector is waited for, not timed out and re-posted, so a card is not posted twice; after a
 * crash the lease runs out and the row is taken again, so a card is not lost.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  /** The soonest retry a pass scheduled; the next pass runs then rather than at the next poll. */
  private soonestRetryMs: number | undefined;

  constructor(private readonly options: OutboxWorkerOptions) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** Called after a commit that queued notifications: deliver now rather than at the next poll. */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  /** One pass over the due rows; returns how many were delivered. Tests call this directly. */
  async drain(): Promise<number> {
    const { store, clock, leaseMs, batchSize = 20 } = this.options;
    let delivered = 0;
    for (;;) {
      const now = clock.now();
      const due = await store.outbox.claimDue(now.toISOString(), new Date(now.getTime() + leaseMs).toISOString(), batchSize);
      if (due.length === 0) return delivered;
      for (const entry of due) {
        // Stopping: hand the rest back now rather than leaving them leased until the lease runs out.
        if (this.stopped && this.timer === undefined) await store.outbox.defer(entry.id, now.toISOString(), 'released at shutdown');
        else if (await this.deliver(entry)) delivered++;
      }
      if (this.stopped && this.timer === undefined) return delivered;
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.running = this.drain()
        .then(() => undefined)
        .catch((error: unknown) => this.options.logger.error('outbox pass failed', { error: String(error) }))
        .finally(() => {
          this.running = undefined;
          const next = this.again ? 0 : Math.min(this.options.pollIntervalMs, this.soonestRetryMs ?? Infinity);
          this.again = false;
          this.soonestRetryMs = undefined;
          this.schedule(next);
        });
    }, delayMs);
    this.timer.unref();
  }

  private async deliver(entry: OutboxEntry): Promise<boolean> {
    const { store, sender, clock, logger, backoff, channelLocale } = this.options;
    const binding = await store.conversations.getBinding(entry.audience);
    if (!binding) {
      // Not lost: it waits until someone binds the channel (install in a team, or `kanava myynti`).
      const next = new Date(clock.now().getTime() + backoff.maxMs).toISOString();
      await store.outbox.defer(entry.id, next, `no ${entry.audience} channel bound yet`);
      logger.warn('notification waits for a channel binding', { audience: entry.audience, eventType: entry.eventType });
      return false;
    }
    try {
      const posted = await sender.post(binding.reference, entry.payload as DomainEvent, channelLocale);
      await store.outbox.markSent(entry.id, { ...posted, at: clock.now().toISOString() });
      logger.info('notification posted', { audience: entry.audience, eventType: entry.eventType, activityId: posted.activityId });
      return true;
    } catch (error) {
      const failure =
        error instanceof DeliveryFailed ? error : new DeliveryFailed(String(error), undefined, true);
      if (!failure.retryable || entry.attempts >= backoff.maxAttempts) {
        await store.outbox.markDead(entry.id, failure.message);
        logger.error('notification given up', { audience: entry.audience, status: failure.status, error: failure.message });
        return false;
      }
      const delay = retryDelayMs(entry.attempts, backoff, failure.retryAfterMs);
      await store.outbox.reschedule(entry.id, new Date(clock.now().getTime() + delay).toISOString(), failure.message);
      logger.warn('notification post failed, will retry', { status: failure.status, attempt: entry.attempts, retryInMs: delay });
      this.soonestRetryMs = Math.min(this.soonestRetryMs ?? Infinity, delay);
      return false;
    }
  }
}
