import type { InstallNoticeEvent } from '../domain/events/channel-events.js';
import type { ActorRef } from '../domain/records/common.js';
import type { ChannelAudience } from '../notify/audience.js';
import { notificationsFor } from '../notify/routing.js';
import { bindingAudit } from '../store/audit.js';
import type { ChannelBinding } from '../store/store-port.js';
import type { AppContext } from './app-context.js';
import { authorize } from './authorize.js';
import { listPeople } from './people.js';
import { forbidden, type UseCaseResult } from './result.js';

export type BindChannelInput = Omit<ChannelBinding, 'boundAt' | 'boundBy'>;

/**
 * Makes a channel the sales or management channel (`kanava myynti`). Only an admin may: a binding decides
 * where complaint texts go. Notifications that were waiting for this audience (recorded before any channel
 * was bound) are released to the worker at once. Answers with the binding it replaced, if any.
 */
export async function bindChannel(ctx: AppContext, actor: ActorRef, input: BindChannelInput): Promise<UseCaseResult<{ previous?: ChannelBinding | undefined }>> {
  const decision = await authorize(ctx, actor, 'bindChannel');
  if (!decision.ok) return forbidden(decision);
  const previous = await ctx.store.conversations.getBinding(input.audience);
  await storeBinding(ctx, actor, input);
  return { ok: true, duplicate: false, value: { previous } };
}

export type InstallOutcome =
  /** Nothing was bound yet: the team's channels named Myynti/Sales, Johto/Management are now bound. */
  | { kind: 'bound'; bound: BindChannelInput[] }
  /** Channels were bound already: nothing changed; the admins and the management channel were told. */
  | { kind: 'kept'; bindings: ChannelBinding[] };

/**
 * The app was installed in a team. It binds that team's channels only while no channel is bound at all
 * (the first install sets the product up); after that an install changes nothing and tells the admins
 * (personal chat) and the current management channel, so a binding moves only by an admin's command.
 */
export async function bindChannelsOnInstall(
  ctx: AppContext,
  actor: ActorRef,
  install: { teamId: string; teamName: string; candidates: BindChannelInput[] },
): Promise<InstallOutcome> {
  const bindings = await ctx.store.conversations.listBindings();
  if (bindings.length === 0) {
    for (const candidate of install.candidates) await storeBinding(ctx, actor, candidate);
    return { kind: 'bound', bound: install.candidates };
  }
  const at = ctx.clock.now().toISOString();
  const event: InstallNoticeEvent = {
    type: 'channels.installNotice',
    eventId: ctx.newId(),
    occurredAt: at,
    actor,
    data: {
      teamId: install.teamId,
      teamName: install.teamName,
      installedBy: actor,
      bindings: bindings.map((b) => ({ audience: b.audience, channelName: b.channelName, teamId: b.teamId })),
    },
  };
  await ctx.store.records.commit({ at, by: actor, writes: [], outbox: notificationsFor(event, await listPeople(ctx)) });
  ctx.notificationsQueued();
  return { kind: 'kept', bindings };
}

/** Stores the binding and keeps who moved it from where to where in the audit trail. */
async function storeBinding(ctx: AppContext, actor: ActorRef, input: BindChannelInput): Promise<void> {
  const now = ctx.clock.now().toISOString();
  const previous = await ctx.store.conversations.getBinding(input.audience);
  await ctx.store.conversations.bindChannel({ ...input, boundBy: actor.id, boundAt: now });
  await ctx.store.audit.append(bindingAudit(input.audience, previous, input, actor, now));
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
