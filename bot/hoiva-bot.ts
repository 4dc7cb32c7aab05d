import {
  MessageFactory,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type Activity,
  type ChannelInfo,
  type ConversationReference,
} from 'botbuilder';
import { randomUUID } from 'node:crypto';
import { audienceForChannelName, bindChannel, rememberConversation } from '../src/app/bind-channel.js';
import type { AppContext } from '../src/app/app-context.js';
import { listCareHomes, listOpenPlaces } from '../src/app/list-open-places.js';
import { recordPlaceFreed } from '../src/app/record-place-freed.js';
import { formatDate, localeFrom, t, type Locale } from '../src/i18n/messages.js';
import type { Logger } from '../src/logger.js';
import type { ChannelAudience } from '../src/notify/audience.js';
import { cardAttachment } from './cards/elements.js';
import { helpCard } from './cards/help-card.js';
import { openPlacesCard } from './cards/open-places-card.js';
import { placeFreedFormCard } from './cards/place-freed-form-card.js';
import { formValues, submitEnvelope } from './card-submits.js';
import { parseCommand } from './commands.js';

export interface HoivaBotOptions {
  app: AppContext;
  logger: Logger;
  defaultLocale: Locale;
  /** Local mode: the Playground's team has General and Myynti only, so General stands in for Johto. */
  generalChannelAudience?: ChannelAudience;
}

/**
 * The Teams bot: turns chat commands and card submits into use-case calls and their results into
 * replies. No business rule lives here; everything that decides goes through src/app.
 */
export class HoivaBot extends TeamsActivityHandler {
  constructor(private readonly options: HoivaBotOptions) {
    super();
    this.onMessage(async (context, next) => {
      await this.remember(context);
      if (context.activity.value && typeof context.activity.value === 'object') await this.handleCardSubmit(context);
      else await this.handleCommand(context);
      await next();
    });
    this.onTeamsMembersAddedEvent(async (membersAdded, teamInfo, context, next) => {
      const botAdded = membersAdded.some((m) => m.id === context.activity.recipient.id);
      if (botAdded && teamInfo?.id) await this.onInstalledInTeam(context, teamInfo.id, teamInfo.name ?? '');
      else if (botAdded && context.activity.conversation.conversationType === 'personal') {
        await this.remember(context);
        await context.sendActivity(MessageFactory.attachment(cardAttachment(helpCard(this.locale(context)))));
      }
      await next();
    });
  }

  private locale(context: TurnContext): Locale {
    return localeFrom(context.activity.locale, this.options.defaultLocale);
  }

  /** Personal chats are remembered per user (for reminders), channels per channel (for posts). */
  private async remember(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const reference = TurnContext.getConversationReference(activity) as Record<string, unknown>;
    if (activity.conversation.conversationType === 'personal') {
      await rememberConversation(this.options.app, `user:${activity.from.aadObjectId ?? activity.from.id}`, reference);
    } else if (activity.conversation.conversationType === 'channel') {
      const channelId = channelIdOf(activity);
      if (channelId) await rememberConversation(this.options.app, `channel:${channelId}`, channelReference(activity, channelId));
    }
  }

  private async handleCommand(context: TurnContext): Promise<void> {
    const locale = this.locale(context);
    const parsed = parseCommand(context.activity.text ?? '');
    if (parsed.kind === 'unknown') {
      const lines = [t(locale, 'command.unknown', { text: parsed.text })];
      if (parsed.suggestion) lines.push(t(locale, 'command.didYouMean', { suggestion: parsed.suggestion }));
      await context.sendActivity(MessageFactory.text(lines.join(' ')));
      await context.sendActivity(MessageFactory.attachment(cardAttachment(helpCard(locale))));
      return;
    }
    switch (parsed.id) {
      case 'help':
        await context.sendActivity(MessageFactory.attachment(cardAttachment(helpCard(locale))));
        return;
      case 'freePlace': {
        const homes = await listCareHomes(this.options.app);
        await context.sendActivity(
          MessageFactory.attachment(cardAttachment(placeFreedFormCard(locale, { homes, requestId: randomUUID() }))),
        );
        return;
      }
      case 'places': {
        const groups = await listOpenPlaces(this.options.app);
        await context.sendActivity(MessageFactory.attachment(cardAttachment(openPlacesCard(locale, groups))));
        return;
      }
      case 'channelSales':
      case 'channelManagement':
        await this.bindHere(context, parsed.id === 'channelSales' ? 'sales' : 'management');
        return;
    }
  }

  private async handleCardSubmit(context: TurnContext): Promise<void> {
    const locale = this.locale(context);
    const envelope = submitEnvelope.safeParse(context.activity.value);
    if (!envelope.success) {
      this.options.logger.warn('unknown card submit', { issues: envelope.error.issues.map((i) => i.path.join('.')) });
      await context.sendActivity(MessageFactory.text(t(locale, 'error.generic')));
      return;
    }
    const values = formValues(context.activity.value as Record<string, unknown>);
    const actor = { id: context.activity.from.aadObjectId ?? context.activity.from.id, name: context.activity.from.name ?? '?' };
    switch (envelope.data.action) {
      case 'placeFreed.submit': {
        const result = await recordPlaceFreed(this.options.app, actor, values);
        if (result.ok) {
          const { place, careHomeName } = result.value;
          const key = result.duplicate ? 'placeFreed.savedAlready' : 'placeFreed.saved';
          await context.sendActivity(
            MessageFactory.text(
              t(locale, key, {
                label: place.label,
                home: careHomeName,
                status: t(locale, `status.${place.status}`),
                date: formatDate(locale, place.freeFrom ?? ''),
              }),
            ),
          );
        } else if (result.reason === 'invalid') {
          const homes = await listCareHomes(this.options.app);
          const card = placeFreedFormCard(locale, {
            homes,
            requestId: envelope.data.requestId,
            values,
            errors: result.errors,
          });
          await context.sendActivity(MessageFactory.attachment(cardAttachment(card)));
        } else {
          await context.sendActivity(MessageFactory.text(t(locale, 'placeFreed.conflict')));
        }
        return;
      }
    }
  }

  private async bindHere(context: TurnContext, audience: ChannelAudience): Promise<void> {
    const locale = this.locale(context);
    const activity = context.activity;
    const channelId = channelIdOf(activity);
    const teamId = (activity.channelData as { team?: { id?: string } } | undefined)?.team?.id;
    if (activity.conversation.conversationType !== 'channel' || !channelId || !teamId) {
      await context.sendActivity(MessageFactory.text(t(locale, 'channel.onlyInChannel')));
      return;
    }
    const channelName = (activity.channelData as { channel?: { name?: string } }).channel?.name ?? audience;
    await bindChannel(this.options.app, {
      audience,
      teamId,
      channelId,
      channelName,
      reference: channelReference(activity, channelId),
      boundBy: activity.from.aadObjectId ?? activity.from.id,
    });
    await context.sendActivity(MessageFactory.text(t(locale, audience === 'sales' ? 'channel.bound.sales' : 'channel.bound.management')));
  }

  /** Installed in a team: bind its channels by name (Myynti/Sales, Johto/Management). */
  private async onInstalledInTeam(context: TurnContext, teamId: string, teamName: string): Promise<void> {
    const locale = this.locale(context);
    let channels: ChannelInfo[] = [];
    try {
      channels = await TeamsInfo.getTeamChannels(context, teamId);
    } catch (error) {
      this.options.logger.warn('could not list the team\'s channels; bind them with "kanava myynti"', { error: String(error) });
    }
    const bound: string[] = [];
    const taken = new Set<ChannelAudience>();
    for (const channel of channels) {
      const audience = audienceForChannelName(channel.name);
      if (!audience || !channel.id || taken.has(audience)) continue;
      await this.bindChannelFromInstall(context, teamId, channel.id, channel.name ?? audience, audience);
      taken.add(audience);
      bound.push(t(locale, 'channel.installedBinding', { channel: channel.name ?? '', audience: t(locale, `audience.${audience}`) }));
    }
    const general = this.options.generalChannelAudience;
    if (general && !taken.has(general)) {
      // The General channel's id is the team id; Teams returns it without a name.
      const generalChannel = channels.find((c) => c.id === teamId || !c.name) ?? { id: teamId, name: 'General' };
      await this.bindChannelFromInstall(context, teamId, generalChannel.id ?? teamId, 'General', general);
      bound.push(t(locale, 'channel.installedBinding', { channel: 'General', audience: t(locale, `audience.${general}`) }));
    }
    const summary = bound.length > 0 ? bound.join(' ') : t(locale, 'channel.installedNone');
    await context.sendActivity(MessageFactory.text(t(locale, 'channel.installed', { team: teamName, bindings: summary })));
  }

  private async bindChannelFromInstall(
    context: TurnContext,
    teamId: string,
    channelId: string,
    channelName: string,
    audience: ChannelAudience,
  ): Promise<void> {
    const reference = TurnContext.getConversationReference(context.activity) as ConversationReference;
    await bindChannel(this.options.app, {
      audience,
      teamId,
      channelId,
      channelName,
      reference: { ...reference, conversation: { ...reference.conversation, id: channelId, conversationType: 'channel', isGroup: true } },
      boundBy: context.activity.from.aadObjectId ?? context.activity.from.id,
    });
  }
}

function channelIdOf(activity: Partial<Activity>): string | undefined {
  const fromChannelData = (activity.channelData as { channel?: { id?: string } } | undefined)?.channel?.id;
  return fromChannelData ?? activity.conversation?.id?.split(';')[0];
}

/**
 * A reference for a new post in the channel: the conversation id is the channel id without the
 * `;messageid=` of the thread the command was typed in, so the card starts its own thread.
 */
function channelReference(activity: Partial<Activity>, channelId: string): Record<string, unknown> {
  const reference = TurnContext.getConversationReference(activity);
  return { ...reference, conversation: { ...reference.conversation, id: channelId } } as Record<string, unknown>;
}
