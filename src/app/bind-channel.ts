import type { ChannelAudience } from '../notify/audience.js';
import type { ChannelBinding } from '../store/store-port.js';
import type { AppContext } from './app-context.js';

export type BindChannelInput = Omit<ChannelBinding, 'boundAt'>;

/**
 * Makes a channel the sales or management channel. Notifications that were waiting for this audience
 * (recorded before any channel was bound) are released to the worker at once.
 */
export async function bindChannel(ctx: AppContext, input: BindChannelInput): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await ctx.store.conversations.bindChannel({ ...input, boundAt: now });
  if ((await ctx.store.outbox.wake(input.audience, now)) > 0) ctx.notificationsQueued();
}

/** Which audience a channel's name means, when the bot is installed in a team (Myynti/Sales, Johto/Management). */
export function audienceForChannelName(name: string | undefined): ChannelAudience | undefined {
  const normalized = (name ?? '').trim().toLocaleLowerCase('fi');
  if (['myynti', 'sales'].includes(normalized)) return 'sales';
  if (['johto', 'management'].includes(normalized)) return 'management';
  return undefined;
}

/** Remembers where a user or channel can be reached later (personal reminders, channel posts). */
export async function rememberConversation(ctx: AppContext, key: string, reference: Record<string, unknown>): Promise<void> {
  const now = ctx.clock.now().toISOString();
  await ctx.store.conversations.saveConversation({ key, reference, updatedAt: now });
  // Cards that waited for this person to talk to the bot (a complaint for a new quality manager) go now.
  const person = key.startsWith('user:') ? key.slice('user:'.length) : undefined;
  if (person && (await ctx.store.outbox.wake('person', now, person)) > 0) ctx.notificationsQueued();
}
