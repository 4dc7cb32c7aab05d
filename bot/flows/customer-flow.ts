import { randomUUID } from 'node:crypto';
import { findCustomer, showCustomer, type CustomerOverview, type Viewer } from '../../src/app/customer-overview.js';
import { customerCard, customerChoiceCard } from '../cards/customer-card.js';
import { type AdaptiveCard } from '../cards/elements.js';
import { replyWithFailure } from './failure-reply.js';
import type { BotFlow, FlowContext } from './flow.js';

/**
 * `asiakas <nimi>` / `customer <name>`: the customer card, in the asker's own chat (thesis 5.2: "who has
 * met this customer, what was said, when"). Reads only: nothing is stored and no channel is told.
 */
export const customerFlow: BotFlow = {
  commands: [
    {
      id: 'customer',
      fi: 'asiakas',
      en: 'customer',
      aliases: ['kunta', 'municipality'],
      takesArgument: true,
      help: 'help.cmd.customer',
      example: 'asiakas Espoo',
    },
  ],
  submitActions: ['customer.show'],

  async onCommand(_id, argument, ctx) {
    const result = await findCustomer(ctx.app, viewerOf(ctx), argument);
    if (!result.ok) return replyWithFailure(ctx, result);
    const lookup = result.value;
    if (lookup.kind === 'found') return sendOverview(ctx, lookup.overview);
    await send(ctx, customerChoiceCard(ctx.locale, lookup, randomUUID()));
  },

  async onSubmit(_action, _envelope, values, ctx) {
    const result = await showCustomer(ctx.app, viewerOf(ctx), values);
    if (!result.ok) return replyWithFailure(ctx, result);
    await sendOverview(ctx, result.value);
  },
};

/** Asked in a channel (with an @mention), everyone there sees the answer: the card is written for the channel. */
export function viewerOf(ctx: FlowContext): Viewer {
  return { actor: ctx.actor, audience: ctx.turn.activity.conversation.conversationType === 'personal' ? 'personal' : 'channel' };
}

async function sendOverview(ctx: FlowContext, overview: CustomerOverview): Promise<void> {
  await send(ctx, customerCard(ctx.locale, overview, randomUUID()));
}

async function send(ctx: FlowContext, card: AdaptiveCard): Promise<void> {
  await ctx.reply.card(card);
}
