/**
 * Who a notification goes to. Channel audiences are bound to a Teams channel per tenant (by channel
 * name at install, or `kanava myynti` / `channel sales`); a personal audience is one person's chat with
 * the bot, reached through the conversation reference kept from their last message.
 */
export const channelAudiences = ['sales', 'management'] as const;
export type ChannelAudience = (typeof channelAudiences)[number];
/** `calendar`: not a conversation — the meeting's invitation, delivered through the CalendarPort (issue 12; recipient = the meeting id). */
export type Audience = ChannelAudience | 'person' | 'calendar';

export function isChannelAudience(audience: string): audience is ChannelAudience {
  return (channelAudiences as readonly string[]).includes(audience);
}
