import { randomUUID } from 'node:crypto';
import { customerHistory, showCustomerHistory, type CustomerHistory, type HistoryAudience } from '../../src/app/customer-history.js';
import { customerChoiceCard, type ChoicePurpose } from '../cards/customer-card.js';
import { customerHistoryCard } from '../cards/customer-history-card.js';
import { type AdaptiveCard } from '../cards/elements.js';
import { replyWithFailure } from './failure-reply.js';
import type { BotFlow, FlowContext } from './flow.js';

/** The name buttons of `historia` show that customer's history, not its card. */
const historyChoice: ChoicePurpose = {
  action: 'history.show',
  askTitle: 'history.ask.title',
  askText: 'history.ask.text',
  chooseText: 'history.choose.text',
};

/**
 * `historia <asiakas>` / `history <customer>`: who changed what about a customer, and when (issue 9, audit
 * trail), for the directors and admins. The customer is found by name as `asiakas` finds it; several or no
 * matches give name buttons. Reads only.
 */
export const historyFlow: BotFlow = {
  commands: [
    {
      id: 'history',
      fi: 'historia',
      en: 'history',
      aliases: ['muutokset', 'changes'],
      takesArgument: true,
      help: 'help.cmd.history',
      example: 'historia Espoo',
    },
  ],
  submitActions: ['history.show'],

  async onCommand(_id, argument, ctx) {
    const result = await customerHistory(ctx.app, ctx.actor, argument, audienceOf(ctx));
    if (!result.ok) return replyWithFailure(ctx, result);
    const lookup = result.value;
    if (lookup.kind === 'found') return sendHistory(ctx, lookup.history);
    await send(ctx, customerChoiceCard(ctx.locale, lookup, randomUUID(), historyChoice));
  },

  async onSubmit(_action, _envelope, values, ctx) {
    const result = await showCustomerHistory(ctx.app, ctx.actor, values, audienceOf(ctx));
    if (!result.ok) return replyWithFailure(ctx, result);
    await sendHistory(ctx, result.value);
  },
};

/** Asked in a channel (with an @mention), everyone there reads the answer: no confidential text then. */
function audienceOf(ctx: FlowContext): HistoryAudience {
  return ctx.turn.activity.conversation.conversationType === 'personal' ? 'personal' : 'channel';
}

function sendHistory(ctx: FlowContext, history: CustomerHistory): Promise<void> {
  return send(ctx, customerHistoryCard(ctx.locale, history));
}

async function send(ctx: FlowContext, card: AdaptiveCard): Promise<void> {
  await ctx.reply.card(card);
}
