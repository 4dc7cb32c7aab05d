import type { ActorRef } from '../domain/records/common.js';
import type { ChannelAudience } from '../notify/audience.js';
import type { OutboxCounts, OutboxEntry } from '../store/store-port.js';
import type { AppContext } from './app-context.js';
import { authorize } from './authorize.js';
import { forbidden, type UseCaseResult } from './result.js';

/**
 * `tila` / `status` and `tila uudelleen` / `status retry` (issue 9, "never silently dead"): how delivery
 * stands, every card that ended undelivered with its reason, and sending those again. Admins only.
 */
export interface UndeliveredCard {
  eventType: string;
  audience: string;
  createdAt: string;
  reason: string;
}

export interface DeliveryStatus {
  counts: OutboxCounts;
  /** The oldest card not sent yet, and why it waits. */
  oldestUnsent?: UndeliveredCard & { state: 'pending' | 'waiting' };
  dead: UndeliveredCard[];
  brokenChannels: { audience: ChannelAudience; channelName: string; brokenAt: string; reason: string }[];
}

const undelivered = (e: OutboxEntry): UndeliveredCard => ({ eventType: e.eventType, audience: e.audience, createdAt: e.createdAt, reason: e.lastError ?? '' });

export async function deliveryStatus(ctx: AppContext, actor: ActorRef): Promise<UseCaseResult<DeliveryStatus>> {
  const decision = await authorize(ctx, actor, 'operateDelivery');
  if (!decision.ok) return forbidden(decision);
  const { outbox, conversations } = ctx.store;
  const [counts, unsent, dead, bindings] = await Promise.all([outbox.counts(), outbox.listUnsent(), outbox.list({ status: 'dead' }), conversations.listBindings()]);
  const oldest = [...unsent].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id)[0];
  return {
    ok: true,
    duplicate: false,
    value: {
      counts,
      ...(oldest ? { oldestUnsent: { ...undelivered(oldest), state: oldest.lastError?.startsWith('waiting:') ? 'waiting' : 'pending' } } : {}),
      dead: dead.map(undelivered),
      brokenChannels: bindings.flatMap((b) => (b.brokenAt ? [{ audience: b.audience, channelName: b.channelName, brokenAt: b.brokenAt, reason: b.brokenReason ?? '' }] : [])),
    },
  };
}

/** Every dead card back in the queue, due now with a fresh retry budget; the worker is woken. */
export async function retryUndelivered(ctx: AppContext, actor: ActorRef): Promise<UseCaseResult<{ requeued: number }>> {
  const decision = await authorize(ctx, actor, 'operateDelivery');
  if (!decision.ok) return forbidden(decision);
  const requeued = await ctx.store.outbox.retryDead(ctx.clock.now().toISOString());
  if (requeued > 0) ctx.notificationsQueued();
  return { ok: true, duplicate: false, value: { requeued } };
}
