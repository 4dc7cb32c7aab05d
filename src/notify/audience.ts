/**
 * Who a notification goes to. Channel audiences are bound to a Teams channel per tenant (by channel
 * name at install, or `kanava myynti` / `channel sales`); a personal audience is one person's chat with
 * the bot, reached through the conversation reference kept from their last message.
 */
export const channelAudiences = ['sales', 'management'] as const;
export type ChannelAudience = (typeof channelAudiences)[number];
export type Audience = ChannelAudience | 'person';

export function isChannelAudience(audience: string): audience is ChannelAudience {
  return (channelAudiences as readonly string[]).includes(audience);
}
