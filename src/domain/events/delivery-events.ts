import type { EventBase } from '../events.js';

/**
 * Teams refused a channel for good (403 the app was removed from the team, 404 the channel is gone): the
 * binding is marked broken and every admin is told in their own chat, with what Teams said.
 */
export interface ChannelBrokenData {
  audience: 'sales' | 'management';
  channelName: string;
  teamId: string;
  status: number | undefined;
  reason: string;
}

export type ChannelBrokenEvent = EventBase<'delivery.channelBroken', ChannelBrokenData>;
