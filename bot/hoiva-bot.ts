import { MessageFactory, TeamsActivityHandler, TurnContext, type InvokeResponse } from 'botbuilder';
import { authorize } from '../src/app/authorize.js';
import { rememberConversation } from '../src/app/bind-channel.js';
import type { AppContext } from '../src/app/app-context.js';
import { localeFrom, t, type Locale } from '../src/i18n/messages.js';
import type { Logger } from '../src/logger.js';
import type { ChannelAudience } from '../src/notify/audience.js';
import { cardAttachment, plainText } from './cards/elements.js';
import { COMMAND_RUN_VERB as RUN_COMMAND, helpCard } from './cards/help-card.js';
import { formValues, submitEnvelope } from './card-submits.js';
import { ADAPTIVE_CARD_ACTION, badActionResponse, executeInvokeValue, InvokeReply, submitValueOf } from './card-actions.js';
import type { FlowReply } from './flows/flow.js';
import type { AdaptiveCard } from './cards/elements.js';
import { answerSearchInvoke, SEARCH_INVOKE } from './search-invoke.js';
import { maxMessageLength, parseCommand, type CommandSpec } from './commands.js';
import { bindTeamChannels, channelIdOf, channelReference } from './flows/channel-flow.js';
import type { BotFlow, FlowContext } from './flows/flow.js';
import { commandsOf, flows as defaultFlows } from './flows/index.js';

export interface HoivaBotOptions {
  app: AppContext;
  logger: Logger;
  defaultLocale: Locale;
  /**
   * Local mode's LOCAL_LOCALE: the language of personal chats whatever the client says, because the Agents
   * Playground always sends `en-US` (a Finnish demo would otherwise answer in English).
   */
  personalLocale?: Locale;
  /** Local mode: the Playground's team has General and Myynti only, so General stands in for Johto. */
  generalChannelAudience?: ChannelAudience;
  flows?: readonly BotFlow[];
}

/**
 * The Teams bot: remembers where people and channels can be reached, and dispatches chat commands and
 * card submits to the flows (bot/flows), which call the use cases. No business rule lives here.
 */
export class HoivaBot extends TeamsActivityHandler {
  private readonly flows: readonly BotFlow[];
  private readonly commands: readonly CommandSpec[];

  constructor(private readonly options: HoivaBotOptions) {
    super();
    this.flows = options.flows ?? defaultFlows;
    this.commands = commandsOf(this.flows);
    this.onMessage(async (turn, next) => {
      await this.remember(turn);
      if (turn.activity.value && typeof turn.activity.value === 'object') await this.handleCardSubmit(turn);
      else await this.handleCommand(turn);
      await next();
    });
    this.onTeamsMembersAddedEvent(async (membersAdded, teamInfo, turn, next) => {
      const botAdded = membersAdded.some((m) => m.id === turn.activity.recipient.id);
      if (botAdded && teamInfo?.id) {
        await bindTeamChannels(this.flowContext(turn), teamInfo.id, teamInfo.name ?? '', this.options.generalChannelAudience);
      } else if (botAdded && turn.activity.conversation.conversationType === 'personal') {
        await this.remember(turn);
        await this.sendHelp(this.flowContext(turn));
      }
      await next();
    });
  }

  /**
   * Teams' typeahead search (bot/search-invoke.ts) is answered here, before botbuilder's own
   * `onSearchInvoke`: that one answers 400 to a missing value or an empty `queryText`
   * (botbuilder-core activityHandler.js, getSearchInvokeValue), where the bot would rather list the first
   * page, and it adds a `statusCode` to the documented body. Every other invoke goes on as before.
   */
  protected override async onInvokeActivity(turn: TurnContext): Promise<InvokeResponse> {
    if (turn.activity.name === SEARCH_INVOKE) return answerSearchInvoke(this.options.app, this.flowContext(turn).actor, turn.activity.value, this.options.logger);
    if (turn.activity.name === ADAPTIVE_CARD_ACTION) return this.handleExecute(turn);
    return super.onInvokeActivity(turn);
  }

  /**
   * A channel is read by everyone in it, so what the bot says there (cards and replies, and the view of a
   * channel card someone pressed) is in the channel's language; a personal chat is in the person's.
   */
  private locale(turn: TurnContext): Locale {
    const type = turn.activity.conversation?.conversationType;
    if (type === 'channel') return this.options.defaultLocale;
    if (type === 'personal' && this.options.personalLocale) return this.options.personalLocale;
    return localeFrom(turn.activity.locale, this.options.defaultLocale);
  }

  private flowContext(turn: TurnContext, reply?: FlowReply): FlowContext {
    const from = turn.activity.from;
    const type = turn.activity.conversation?.conversationType;
    return {
      turn,
      app: this.options.app,
      locale: this.locale(turn),
      actor: { id: from.aadObjectId ?? from.id, name: from.name ?? '?' },
      logger: this.options.logger,
      reply: reply ?? messageReply(turn),
      via: reply ? 'execute' : 'message',
      where: type === 'channel' ? 'channel' : type === 'personal' ? 'personal' : 'group',
      teamsUserId: from.id,
    };
  }

  /** Personal chats are remembered per user (for reminders), channels per channel (for posts). */
  private async remember(turn: TurnContext): Promise<void> {
    const activity = turn.activity;
    if (activity.conversation.conversationType === 'personal') {
      const reference = TurnContext.getConversationReference(activity) as Record<string, unknown>;
      await rememberConversation(this.options.app, `user:${activity.from.aadObjectId ?? activity.from.id}`, reference);
    } else if (activity.conversation.conversationType === 'channel') {
      const channelId = channelIdOf(activity);
      if (channelId) await rememberConversation(this.options.app, `channel:${channelId}`, channelReference(activity, channelId));
    }
  }

  private async handleCommand(turn: TurnContext): Promise<void> {
    const ctx = this.flowContext(turn);
    const text = turn.activity.text ?? '';
    if (text.length > maxMessageLength) {
      // Longer than Teams lets anyone send: no command, and echoing it would make a reply Teams refuses.
      await turn.sendActivity(MessageFactory.text(t(ctx.locale, 'command.tooLong', { length: text.length, maximum: maxMessageLength })));
      return;
    }
    const parsed = parseCommand(text, this.commands);
    if (parsed.kind === 'command' && parsed.id !== 'help') {
      if (!(await this.admitted(ctx))) return;
      const flow = this.flows.find((f) => f.commands.some((c) => c.id === parsed.id));
      await flow?.onCommand?.(parsed.id, parsed.argument, ctx);
      return;
    }
    if (parsed.kind === 'unknown') {
      // The answer quotes what was typed, at most a line of it: a long text echoed back helps nobody.
      const quoted = parsed.text.length > 80 ? `${parsed.text.slice(0, 80)}…` : parsed.text;
      // Teams reads a bot's text message as markdown too: what was typed is quoted as written.
      const lines = [t(ctx.locale, 'command.unknown', { text: plainText(quoted) })];
      if (parsed.suggestion) lines.push(t(ctx.locale, 'command.didYouMean', { suggestion: parsed.suggestion }));
      await turn.sendActivity(MessageFactory.text(lines.join(' ')));
    }
    await this.sendHelp(ctx);
  }

  /** The command list; someone outside the people list is told first that an admin must add them. */
  private async sendHelp(ctx: FlowContext): Promise<void> {
    if (!(await authorize(ctx.app, ctx.actor, 'read')).ok) await ctx.reply.text(t(ctx.locale, 'auth.outsiderHelp'));
    await ctx.reply.card(helpCard(ctx.locale, this.commands));
  }

  /**
   * Someone outside the people list may read the help and nothing else: every command and card action is
   * refused here with the same sentence (the use cases refuse them too; this is the one polite answer).
   */
  private async admitted(ctx: FlowContext): Promise<boolean> {
    if ((await authorize(ctx.app, ctx.actor, 'read')).ok) return true;
    await ctx.reply.text(t(ctx.locale, 'auth.outsider'));
    return false;
  }

  /**
   * An Action.Execute (or a card's refresh): the flow's answer goes back in the invoke response to the
   * person who pressed, never into the conversation (bot/card-actions.ts).
   */
  private async handleExecute(turn: TurnContext): Promise<InvokeResponse> {
    const invoke = executeInvokeValue.safeParse(turn.activity.value);
    if (!invoke.success) return badActionResponse('not an Action.Execute of this app');
    const value = submitValueOf(invoke.data);
    const envelope = submitEnvelope.safeParse(value);
    const command = envelope.success && envelope.data.action === RUN_COMMAND ? this.commandButton(envelope.data.command) : undefined;
    const flow = envelope.success ? this.flows.find((f) => f.submitActions.includes(envelope.data.action)) : undefined;
    if (!envelope.success || !(flow?.onSubmit || command)) {
      this.options.logger.warn('unknown card action', { verb: invoke.data.action.verb });
      return badActionResponse(`unknown verb ${invoke.data.action.verb}`);
    }
    await this.remember(turn);
    const reply = new InvokeReply();
    const ctx = this.flowContext(turn, reply);
    if (await this.admitted(ctx)) {
      if (command) await command.flow.onCommand?.(command.id, '', ctx);
      else await flow?.onSubmit?.(envelope.data.action, envelope.data, formValues(value), ctx);
    }
    if (!reply.answered) await reply.text(t(ctx.locale, 'error.generic'));
    return reply.response();
  }

  /** The help card's buttons: a command by its id, run as if typed without an argument. */
  private commandButton(id: unknown): { id: string; flow: BotFlow } | undefined {
    if (typeof id !== 'string' || id === 'help') return undefined;
    const flow = this.flows.find((f) => f.commands.some((c) => c.id === id));
    return flow?.onCommand ? { id, flow } : undefined;
  }

  private async handleCardSubmit(turn: TurnContext): Promise<void> {
    const ctx = this.flowContext(turn);
    const envelope = submitEnvelope.safeParse(turn.activity.value);
    const flow = envelope.success ? this.flows.find((f) => f.submitActions.includes(envelope.data.action)) : undefined;
    if (!envelope.success || !flow?.onSubmit) {
      this.options.logger.warn('unknown card submit', { action: String((turn.activity.value as { action?: unknown }).action) });
      await turn.sendActivity(MessageFactory.text(t(ctx.locale, 'error.generic')));
      return;
    }
    if (!(await this.admitted(ctx))) return;
    await flow.onSubmit(envelope.data.action, envelope.data, formValues(turn.activity.value as Record<string, unknown>), ctx);
  }
}

/** In a message turn the answer is new messages in the same conversation. */
function messageReply(turn: TurnContext): FlowReply {
  return {
    async text(message: string) {
      await turn.sendActivity(MessageFactory.text(message));
    },
    async card(card: AdaptiveCard) {
      await turn.sendActivity(MessageFactory.attachment(cardAttachment(card)));
    },
  };
}
