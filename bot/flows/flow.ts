import type { TurnContext } from 'botbuilder';
import type { AppContext } from '../../src/app/app-context.js';
import type { ActorRef } from '../../src/domain/records/common.js';
import type { Locale } from '../../src/i18n/messages.js';
import type { Logger } from '../../src/logger.js';
import type { CommandSpec } from '../commands.js';

/** What a flow gets for one turn: the Teams turn, the use cases' context, who is acting, in which language. */
export interface FlowContext {
  turn: TurnContext;
  app: AppContext;
  locale: Locale;
  actor: ActorRef;
  logger: Logger;
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
