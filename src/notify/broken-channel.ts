import { randomUUID } from 'node:crypto';
import type { ChannelBrokenEvent } from '../domain/events/delivery-events.js';
import type { Logger } from '../logger.js';
import type { ChannelBinding, Store } from '../store/store-port.js';
import { notificationsFor } from './routing.js';
import type { DeliveryFailed } from './sender-port.js';

/** HoivaCRM itself notices a broken channel: nobody typed it. */
const system = { id: 'hoivacrm', name: 'HoivaCRM' };

/**
 * Teams answered 403/404 for a bound channel: mark the binding broken and queue a card to every admin's own
 * chat (routing: 'delivery.channelBroken' → admins), once per break — binding the channel again clears it.
 */
export async function reportBrokenChannel(
  store: Store,
  binding: ChannelBinding,
  failure: DeliveryFailed,
  at: string,
  logger: Logger,
): Promise<boolean> {
  if (binding.brokenAt) return false;
  await store.conversations.markBindingBroken(binding.audience, at, failure.message);
  const event: ChannelBrokenEvent = {
    type: 'delivery.channelBroken',
    eventId: randomUUID(),
    occurredAt: at,
    actor: system,
    data: { audience: binding.audience, channelName: binding.channelName, teamId: binding.teamId, status: failure.status, reason: failure.message },
  };
  const admins = (await store.records.list('person')).filter((p) => p.roles.includes('admin'));
  await store.records.commit({ at, writes: [], outbox: notificationsFor(event, admins) });
  logger.error('channel binding broken: Teams refuses the channel, admins told', {
    audience: binding.audience,
    channel: binding.channelName,
    status: failure.status,
    admins: admins.length,
  });
  return true;
}
