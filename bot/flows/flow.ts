import type { TurnContext } from 'botbuilder';
import type { AppContext } from '../../src/app/app-context.js';
import type { ActorRef } from '../../src/domain/records/common.js';
import type { Locale } from '../../src/i18n/messages.js';
import type { Logger } from '../../src/logger.js';
import type { AdaptiveCard } from '../cards/elements.js';
import type { CommandSpec } from '../commands.js';

/**
 * How a flow answers the person in front of it. After a typed command (or an Action.Submit from a card
 * posted before Universal Actions) the answer is new messages in the conversation. After an Action.Execute
 * the answer is the invoke response: the card the person who pressed sees in place of the one they pressed,
 * and nobody else (bot/card-actions.ts); a text there becomes a small card of its own.
 */
export interface FlowReply {
  text(message: string): Promise<void>;
  card(card: AdaptiveCard): Promise<void>;
}

/**
 * What a flow gets for one turn: the Teams turn, the use cases' context, who is acting, in which language.
 * `locale` is the person's language in a personal chat and the channel's language in a channel, since a
 * channel's cards and replies are read by everyone there.
 */
export interface FlowContext {
  turn: TurnContext;
  app: AppContext;
  locale: Locale;
  actor: ActorRef;
  logger: Logger;
  reply: FlowReply;
  /** 'execute': answering an Action.Execute, privately to the one who pressed; 'message': a message turn. */
  via: 'execute' | 'message';
  /** 'channel' when the card or command is in a team channel (the card there is shared). */
  where: 'personal' | 'channel' | 'group';
  /** The Teams user id (MRI, `29:…`) of the person acting, as `refresh.userIds` names people. */
  teamsUserId: string;
}

/**
 * One user-facing flow (free a place, log a visit, …): the chat commands that start it and the card
 * submits it answers. The bot dispatches to flows; flows call use cases; no flow holds a business rule.
 */
export interface BotFlow {
  commands: readonly CommandSpec[];
  onCommand?(id: string, argument: string, ctx: FlowContext): Promise<void>;
  /** Card submit actions this flow handles, e.g. 'placeFreed.submit'. */
  submitActions: readonly string[];
  onSubmit?(action: string, envelope: SubmitEnvelope, values: Record<string, unknown>, ctx: FlowContext): Promise<void>;
}

export interface SubmitEnvelope {
  action: string;
  requestId: string;
  [key: string]: unknown;
}
