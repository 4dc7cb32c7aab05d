import type { Clock } from '../clock.js';
import type { DomainEvent } from '../domain/events.js';
import type { Logger } from '../logger.js';
import type { ChannelBinding, OutboxEntry, Store } from '../store/store-port.js';
import { budgetSpent, retryDelayMs, type BackoffPolicy } from './backoff.js';
import { isChannelAudience } from './audience.js';
import { reportBrokenChannel } from './broken-channel.js';
import { laneHead, lanesOf, nextScheduledMs } from './outbox-lanes.js';
import { Pacer } from './pacing.js';
import { DeliveryFailed, type NotificationSender } from './sender-port.js';
import { randomUUID } from 'node:crypto';
import type { CalendarPort } from '../calendar/calendar-port.js';
import { icsCalendar } from '../calendar/ics-calendar.js';
import type { Locale } from '../i18n/messages.js';
import { deliverInvite, memoRequestStale } from './calendar-delivery.js';

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
  /** How long a claimed row stays leased: longer than a call may take (the sender's timeout) and its pacing wait. */
  leaseMs: number;
  /** Below Teams' limits; the default paces on the worker's clock at the documented limits. */
  pacer?: Pacer;
  /** How many conversations are served at once. */
  maxLanes?: number;
  /**
   * Where the development meetings' invitations go (issue 12; src/calendar/calendar-for.ts chooses it): the
   * rows with audience 'calendar' are calls of this port. The iCalendar adapter when absent.
   */
  calendar?: CalendarPort;
}

/**
 * Delivers outbox rows, one lane per conversation (src/notify/outbox-lanes.ts): lanes run side by side,
 * and within a lane a row goes only after every earlier row of it. Before each call the pacer waits for
 * a slot under Teams' limits (src/notify/pacing.ts). A row is leased just before its call and marked sent
 * with the activity id right after; a failure is retried with backoff (Retry-After honoured, pausing that
 * lane only) until the row's budget is spent, except 403/404: the conversation is gone, the row is dead
 * and a broken channel binding is reported to the admins. After a crash a lease runs out and the row is
 * taken again, so a card is never lost (README: the crash window).
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private timerAtMs: number | undefined;
  private passing: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  /** stop() was called: no new rows are taken (drain() without start() still delivers, for tests). */
  private closing = false;
  /** Lanes with a delivery under way, by lane key. */
  private readonly busy = new Map<string, Promise<void>>();
  private readonly pacer: Pacer;

  private readonly calendar: CalendarPort;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.calendar = options.calendar ?? icsCalendar({ now: () => options.clock.now() });
    this.pacer = options.pacer ?? new Pacer(() => options.clock.now().getTime(), (ms) => new Promise((r) => setTimeout(r, ms)));
  }

  start(): void {
    this.stopped = false;
    this.closing = false;
    this.wakeIn(0);
  }

  /**
   * Stops taking rows; the calls under way finish (each is bounded by the sender's timeout), or after
   * `graceMs` are left leased — their lease runs out and the next start takes them again.
   */
  async stop(graceMs = Infinity): Promise<void> {
    this.stopped = true;
    this.closing = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const underWay = Promise.all([this.passing, ...this.busy.values()]).then(() => undefined);
    if (graceMs === Infinity) return underWay;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([underWay, new Promise<void>((r) => (timer = setTimeout(r, graceMs)))]);
    clearTimeout(timer);
  }

  /** Called after a commit that queued notifications: deliver now rather than at the next poll. */
  poke(): void {
    if (this.stopped) return;
    if (this.passing) {
      this.again = true;
      return;
    }
    this.wakeIn(0);
  }

  /** Delivers until nothing is due (tests call this directly); returns how many rows were delivered. */
  async drain(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const started = await this.pass((ok) => (delivered += ok ? 1 : 0));
      await Promise.all(this.busy.values());
      if (started === 0) return delivered;
    }
  }

  /** One look at the unsent rows: starts every idle lane whose first row is due; returns how many it started. */
  private async pass(onDone: (delivered: boolean) => void = () => undefined): Promise<number> {
    const { store, clock, pollIntervalMs, maxLanes = 16 } = this.options;
    const nowMs = clock.now().getTime();
    const rows = await store.outbox.listUnsent();
    let started = 0;
    let wakeAtMs = nowMs + pollIntervalMs;
    for (const [lane, laneRows] of lanesOf(rows)) {
      if (this.busy.has(lane)) continue;
      const head = laneHead(laneRows, nowMs);
      if (head.kind === 'blocked') wakeAtMs = Math.min(wakeAtMs, head.untilMs);
      if (head.kind !== 'due' || this.busy.size >= maxLanes || this.closing) continue;
      started++;
      const run = this.deliver(head.entry)
        .then(onDone, (error: unknown) => this.options.logger.error('outbox delivery failed', { error: String(error) }))
        .finally(() => {
          this.busy.delete(lane);
          // The lane's next row may be due at once: look again.
          this.poke();
        });
      this.busy.set(lane, run);
    }
    const scheduled = nextScheduledMs(rows, nowMs);
    if (scheduled !== undefined) wakeAtMs = Math.min(wakeAtMs, scheduled);
    this.wakeIn(Math.max(0, wakeAtMs - clock.now().getTime()));
    return started;
  }

  /** Runs a pass in `delayMs` (or sooner if one is already set sooner). */
  private wakeIn(delayMs: number): void {
    if (this.stopped) return;
    const atMs = Date.now() + delayMs;
    if (this.timer && this.timerAtMs !== undefined && this.timerAtMs <= atMs) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAtMs = atMs;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timerAtMs = undefined;
      this.passing = this.pass()
        .then(() => undefined)
        .catch((error: unknown) => this.options.logger.error('outbox pass failed', { error: String(error) }))
        .finally(() => {
          this.passing = undefined;
          if (this.again) {
            this.again = false;
            this.wakeIn(0);
          }
        });
    }, delayMs);
    this.timer.unref();
  }

  private lease(entry: OutboxEntry): Promise<OutboxEntry | undefined> {
    const now = this.options.clock.now();
    return this.options.store.outbox.claim(entry.id, now.toISOString(), new Date(now.getTime() + this.options.leaseMs).toISOString());
  }

  /** Where a row goes: the bound channel, or the person's own chat with the bot. */
  private async target(entry: OutboxEntry): Promise<{ reference: Record<string, unknown>; locale: string; binding: ChannelBinding | undefined } | undefined> {
    const { store, channelLocale } = this.options;
    if (isChannelAudience(entry.audience)) {
      const binding = await store.conversations.getBinding(entry.audience);
      return binding ? { reference: binding.reference, locale: channelLocale, binding } : undefined;
    }
    const conversation = await store.conversations.getConversation(`user:${entry.recipient}`);
    if (!conversation) return undefined;
    const locale = typeof conversation.reference.locale === 'string' ? conversation.reference.locale : channelLocale;
    return { reference: conversation.reference, locale, binding: undefined };
  }

  private async deliver(entry: OutboxEntry): Promise<boolean> {
    if (entry.mode === 'update') return this.deliverUpdate(entry);
    if (entry.audience === 'calendar') return this.deliverInvite(entry);
    if (await memoRequestStale(this.options.store, entry)) return this.skip(entry, 'memo request for a meeting changed since');
    const { store, sender, clock, logger, backoff } = this.options;
    const target = await this.target(entry);
    if (!target) {
      if (!(await this.lease(entry))) return false;
      // Not lost: it waits until the channel is bound or the person has talked to the bot.
      await store.outbox.defer(entry.id, new Date(clock.now().getTime() + backoff.maxMs).toISOString(), `waiting: no conversation for ${entry.audience} ${entry.recipient}`.trim());
      logger.warn('notification waits for a conversation', { audience: entry.audience, eventType: entry.eventType });
      return false;
    }
    const conversationId = String((target.reference.conversation as { id?: string } | undefined)?.id ?? entry.audience);
    // Wait for the slot first, lease then: the lease covers the call, not the queue in front of it.
    return this.pacer.paced(conversationId, async () => {
      const leased = await this.lease(entry);
      if (!leased) return false;
      try {
        const notification = { event: leased.payload as DomainEvent, variant: leased.variant, locale: target.locale, audience: leased.audience };
        const posted = await sender.post(target.reference, notification);
        await store.outbox.markSent(leased.id, { ...posted, at: clock.now().toISOString() });
        if (target.binding?.brokenAt) await store.conversations.markBindingWorking(target.binding.audience);
        logger.info('notification posted', { audience: leased.audience, eventType: leased.eventType, activityId: posted.activityId });
        return true;
      } catch (error) {
        await this.failed(leased, error, target.binding);
        return false;
      }
    });
  }

  /** A meeting's invitation through the calendar port (src/notify/calendar-delivery.ts); retried like a card. */
  private async deliverInvite(entry: OutboxEntry): Promise<boolean> {
    const { store, clock, logger, channelLocale } = this.options;
    const leased = await this.lease(entry);
    if (!leased) return false;
    try {
      await deliverInvite({ store, calendar: this.calendar, locale: channelLocale as Locale, now: () => clock.now(), newId: randomUUID }, leased);
      await store.outbox.markSent(leased.id, { conversationId: '', activityId: '', at: clock.now().toISOString() });
      logger.info('meeting invitation delivered', { eventType: leased.eventType, calendar: this.calendar.kind });
      return true;
    } catch (error) {
      await this.failed(leased, error, undefined);
      return false;
    }
  }

  /** A row that no longer needs sending: marked sent without a call, so it neither waits nor counts as failed. */
  private async skip(entry: OutboxEntry, why: string): Promise<boolean> {
    const leased = await this.lease(entry);
    if (!leased) return false;
    await this.options.store.outbox.markSent(leased.id, { conversationId: '', activityId: '', at: this.options.clock.now().toISOString() });
    this.options.logger.info('notification skipped', { eventType: leased.eventType, why });
    return false;
  }

  /** Replaces every card posted for the record; waits while the original post is still on its way. */
  private async deliverUpdate(entry: OutboxEntry): Promise<boolean> {
    const { store, sender, clock, logger, channelLocale } = this.options;
    const leased = await this.lease(entry);
    if (!leased) return false;
    try {
      await store.outbox.refreshWaitingPosts(leased.recordKey ?? '', leased.payload);
      const { posted, pending } = await store.outbox.postedFor(leased.recordKey ?? '');
      if (pending > 0) {
        await store.outbox.defer(leased.id, new Date(clock.now().getTime() + this.options.pollIntervalMs).toISOString(), 'waiting: original post not sent yet');
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
        // An update is a request like a post: it is paced in the card's conversation.
        await this.pacer.paced(card.conversationId, () =>
          sender.update(reference, card.activityId, { event: leased.payload as DomainEvent, variant: card.variant, locale, audience: card.audience }),
        );
      }
      await store.outbox.markSent(leased.id, { conversationId: '', activityId: '', at: clock.now().toISOString() });
      logger.info('cards updated in place', { eventType: leased.eventType, cards: posted.length });
      return true;
    } catch (error) {
      await this.failed(leased, error, undefined);
      return false;
    }
  }

  private async failed(entry: OutboxEntry, error: unknown, binding: ChannelBinding | undefined): Promise<void> {
    const { store, clock, logger, backoff } = this.options;
    const failure = error instanceof DeliveryFailed ? error : new DeliveryFailed(String(error), undefined, true);
    const now = clock.now();
    if (!failure.retryable) {
      await store.outbox.markDead(entry.id, failure.message);
      logger.error('notification not deliverable', { audience: entry.audience, status: failure.status, error: failure.message });
      if (failure.conversationGone && binding && entry.mode === 'post') await reportBrokenChannel(store, binding, failure, now.toISOString(), logger);
      return;
    }
    if (budgetSpent(Date.parse(entry.retryFrom), now.getTime(), backoff)) {
      const hours = Math.round(backoff.giveUpAfterMs / 360_000) / 10;
      await store.outbox.markDead(entry.id, `gave up after ${hours} h of retries: ${failure.message}`);
      logger.error('notification given up', { audience: entry.audience, status: failure.status, error: failure.message });
      return;
    }
    const delay = retryDelayMs(entry.attempts, backoff, failure.retryAfterMs);
    await store.outbox.reschedule(entry.id, new Date(now.getTime() + delay).toISOString(), failure.message);
    logger.warn('notification post failed, will retry', { status: failure.status, attempt: entry.attempts, retryInMs: delay });
  }
}
