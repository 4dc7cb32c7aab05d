/**
 * Who a notification goes to. Channel audiences are bound to a Teams channel per tenant
 * (by channel name at install, or `kanava myynti` / `channel sales`).
 */
export const channelAudiences = ['sales', 'management'] as const;
export type ChannelAudience = (typeof channelAudiences)[number];
export type Audience = ChannelAudience;
