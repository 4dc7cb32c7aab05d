import type { Clock } from '../clock.js';
import type { DomainEvent } from '../domain/events.js';
import type { Logger } from '../logger.js';
import type { OutboxEntry, Store } from '../store/store-port.js';
import { retryDelayMs, type BackoffPolicy } from './backoff.js';
import { isChannelAudience } from './audience.js';
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

  /** Where a row goes: the bound channel, or the person's own chat with the bot. */
  private async target(entry: OutboxEntry): Promise<{ reference: Record<string, unknown>; locale: string } | undefined> {
    const { store, channelLocale } = this.options;
    if (isChannelAudience(entry.audience)) {
      const binding = await store.conversations.getBinding(entry.audience);
      return binding ? { reference: binding.reference, locale: channelLocale } : undefined;
    }
    const conversation = await store.conversations.getConversation(`user:${entry.recipient}`);
    if (!conversation) return undefined;
    const locale = typeof conversation.reference.locale === 'string' ? conversation.reference.locale : channelLocale;
    return { reference: conversation.reference, locale };
  }

  private async deliver(entry: OutboxEntry): Promise<boolean> {
    const { store, sender, clock, logger, backoff } = this.options;
    const later = new Date(clock.now().getTime() + backoff.maxMs).toISOString();
    try {
      if (entry.mode === 'update') return await this.deliverUpdate(entry);
      const target = await this.target(entry);
      if (!target) {
        // Not lost: it waits until the channel is bound or the person has talked to the bot.
        await store.outbox.defer(entry.id, later, `waiting: no conversation for ${entry.audience} ${entry.recipient}`.trim());
        logger.warn('notification waits for a conversation', { audience: entry.audience, eventType: entry.eventType });
        return false;
      }
      const notification = { event: entry.payload as DomainEvent, variant: entry.variant, locale: target.locale };
      const posted = await sender.post(target.reference, notification);
      await store.outbox.markSent(entry.id, { ...posted, at: clock.now().toISOString() });
      logger.info('notification posted', { audience: entry.audience, eventType: entry.eventType, activityId: posted.activityId });
      return true;
    } catch (error) {
      await this.failed(entry, error);
      return false;
    }
  }

  /** Replaces every card posted for the record; waits while the original post is still on its way. */
  private async deliverUpdate(entry: OutboxEntry): Promise<boolean> {
    const { store, sender, clock, logger, channelLocale } = this.options;
    await store.outbox.refreshWaitingPosts(entry.recordKey ?? '', entry.payload);
    const { posted, pending } = await store.outbox.postedFor(entry.recordKey ?? '');
    if (pending > 0) {
      await store.outbox.defer(entry.id, new Date(clock.now().getTime() + this.options.pollIntervalMs).toISOString(), 'waiting: original post not sent yet');
      return false;
    }
    for (const card of posted) {
      const target = isChannelAudience(card.audience)
        ? await store.conversations.getBinding(card.audience)
        : await store.conversations.getConversation(`user:${card.recipient}`);
      if (!target) continue;
      // The card lives in the conversation it was posted to, even if the binding moved since.
      const reference = { ...target.reference, conversation: { ...(target.reference.conversation as object), id: card.conversationId } };
      // A personal card keeps its reader's language; channel cards use the channel language.
      const personal = !isChannelAudience(card.audience) && typeof target.reference.locale === 'string';
      const locale = personal ? (target.reference.locale as string) : channelLocale;
      await sender.update(reference, card.activityId, { event: entry.payload as DomainEvent, variant: card.variant, locale });
    }
    await store.outbox.markSent(entry.id, { conversationId: '', activityId: '', at: clock.now().toISOString() });
    logger.info('cards updated in place', { eventType: entry.eventType, cards: posted.length });
    return true;
  }

  private async failed(entry: OutboxEntry, error: unknown): Promise<void> {
    const { store, clock, logger, backoff } = this.options;
    const failure = error instanceof DeliveryFailed ? error : new DeliveryFailed(String(error), undefined, true);
    if (!failure.retryable || entry.attempts >= backoff.maxAttempts) {
      await store.outbox.markDead(entry.id, failure.message);
      logger.error('notification given up', { audience: entry.audience, status: failure.status, error: failure.message });
      return;
    }
    const delay = retryDelayMs(entry.attempts, backoff, failure.retryAfterMs);
    await store.outbox.reschedule(entry.id, new Date(clock.now().getTime() + delay).toISOString(), failure.message);
    logger.warn('notification post failed, will retry', { status: failure.status, attempt: entry.attempts, retryInMs: delay });
    this.soonestRetryMs = Math.min(this.soonestRetryMs ?? Infinity, delay);
  }
}
