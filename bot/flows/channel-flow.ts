import { TeamsInfo, TurnContext, type Activity, type ChannelInfo, type ConversationReference } from 'botbuilder';
import { audienceForChannelName, bindChannel, bindChannelsOnInstall, type BindChannelInput } from '../../src/app/bind-channel.js';
import { bindingsText } from '../cards/binding-text.js';
import { replyWithFailure } from './failure-reply.js';
import { t } from '../../src/i18n/messages.js';
import type { ChannelAudience } from '../../src/notify/audience.js';
import type { BotFlow, FlowContext } from './flow.js';

/** Which channel is the sales channel and which the management channel: typed commands and the install event. */
export const channelFlow: BotFlow = {
  commands: [
    { id: 'channelSales', fi: 'kanava myynti', en: 'channel sales', help: 'help.cmd.channelSales' },
    { id: 'channelManagement', fi: 'kanava johto', en: 'channel management', help: 'help.cmd.channelManagement' },
  ],
  submitActions: [],
  async onCommand(id, _argument, ctx) {
    await bindHere(ctx, id === 'channelSales' ? 'sales' : 'management');
  },
};

async function bindHere(ctx: FlowContext, audience: ChannelAudience): Promise<void> {
  const activity = ctx.turn.activity;
  const channelId = channelIdOf(activity);
  const teamId = (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
  if (activity.conversation.conversationType !== 'channel' || !channelId || !teamId) {
    await ctx.reply.text(t(ctx.locale, 'channel.onlyInChannel'));
    return;
  }
  const channelName = (activity.channelData as { channel?: { name?: string } }).channel?.name ?? audience;
  const result = await bindChannel(ctx.app, ctx.actor, { audience, teamId, channelId, channelName, reference: channelReference(activity, channelId) });
  if (!result.ok) return replyWithFailure(ctx, result);
  const previous = result.value.previous;
  const moved = previous && previous.channelId !== channelId ? ` ${t(ctx.locale, 'channel.bound.moved', { from: previous.channelName })}` : '';
  await ctx.reply.text(t(ctx.locale, audience === 'sales' ? 'channel.bound.sales' : 'channel.bound.management') + moved);
}

/**
 * Installed in a team: offer its channels by name (Myynti/Sales, Johto/Management, General as configured)
 * to the install use case, which binds them only when nothing is bound yet.
 */
export async function bindTeamChannels(ctx: FlowContext, teamId: string, teamName: string, generalAudience?: ChannelAudience): Promise<void> {
  const { reply, turn, locale } = ctx;
  let channels: ChannelInfo[] = [];
  try {
    channels = await TeamsInfo.getTeamChannels(turn, teamId);
  } catch (error) {
    ctx.logger.warn('could not list the team\'s channels; bind them with "kanava myynti"', { error: String(error) });
  }
  const reference = TurnContext.getConversationReference(turn.activity) as ConversationReference;
  const candidates: BindChannelInput[] = [];
  const offer = (channelId: string, channelName: string, audience: ChannelAudience) => {
    if (candidates.some((c) => c.audience === audience)) return;
    candidates.push({
      audience,
      teamId,
      channelId,
      channelName,
      reference: { ...reference, conversation: { ...reference.conversation, id: channelId, conversationType: 'channel', isGroup: true } },
    });
  };
  for (const channel of channels) {
    const audience = audienceForChannelName(channel.name);
    if (audience && channel.id) offer(channel.id, channel.name ?? audience, audience);
  }
  if (generalAudience && !candidates.some((c) => c.audience === generalAudience)) {
    // The General channel's id is the team id; Teams returns it without a name.
    const general = channels.find((c) => c.id === teamId || !c.name);
    offer(general?.id ?? teamId, 'General', generalAudience);
  }
  const outcome = await bindChannelsOnInstall(ctx.app, ctx.actor, { teamId, teamName, candidates });
  if (outcome.kind === 'kept') {
    const bindings = outcome.bindings.map((b) => ({ audience: b.audience, channelName: b.channelName, teamId: b.teamId }));
    await reply.text(t(locale, 'channel.install.kept', { team: teamName, bindings: bindingsText(locale, bindings) }));
    return;
  }
  const bound = outcome.bound.map((b) => t(locale, 'channel.installedBinding', { channel: b.channelName, audience: t(locale, `audience.${b.audience}`) }));
  const summary = bound.length > 0 ? bound.join(' ') : t(locale, 'channel.installedNone');
  await reply.text(t(locale, 'channel.installed', { team: teamName, bindings: summary }));
}

export function channelIdOf(activity: Partial<Activity>): string | undefined {
  const fromChannelData = (activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
  return fromChannelData ?? activity.conversation?.id?.split(';')[0];
}

/**
 * A reference for a new post in the channel: the conversation id is the channel id without the
 * `;messageid=` of the thread the command was typed in, so the card starts its own thread.
 */
export function channelReference(activity: Partial<Activity>, channelId: string): Record<string, unknown> {
  const reference = TurnContext.getConversationReference(activity);
  return { ...reference, conversation: { ...reference.conversation, id: channelId } } as Record<string, unknown>;
}
