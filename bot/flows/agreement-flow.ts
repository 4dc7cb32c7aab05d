import { randomUUID } from 'node:crypto';
import { showCustomer } from '../../src/app/customer-overview.js';
import { agreementFormFor, recordAgreement } from '../../src/app/record-agreement.js';
import { t } from '../../src/i18n/messages.js';
import { agreementFormCard } from '../cards/agreement-form-card.js';
import { customerCard } from '../cards/customer-card.js';
import { viewerOf } from './customer-flow.js';
import { replyWithFailure } from './failure-reply.js';
import type { BotFlow, FlowContext } from './flow.js';

/**
 * A customer's agreement (issue 11): *Kirjaa sopimus* on the customer card opens the form; saving it answers
 * with the customer card again, the new agreement on it. Both are Action.Execute, so the form and the card
 * replace the pressed card for the one who pressed, and nothing is posted in the conversation.
 */
export const agreementFlow: BotFlow = {
  commands: [],
  submitActions: ['agreement.open', 'agreement.submit'],

  async onSubmit(action, envelope, values, ctx) {
    if (action === 'agreement.open') return openForm(values, ctx);
    const result = await recordAgreement(ctx.app, ctx.actor, { ...values, requestId: envelope.requestId });
    if (result.ok) {
      const { agreement } = result.value;
      const shown = await showCustomer(ctx.app, viewerOf(ctx), { customerId: agreement.customerId });
      const notice = t(ctx.locale, result.duplicate ? 'agreement.savedAlready' : 'agreement.saved', { title: agreement.title });
      if (!shown.ok) return ctx.reply.text(notice);
      return ctx.reply.card(customerCard(ctx.locale, shown.value, randomUUID(), notice));
    }
    if (result.reason === 'invalid' && result.errors.some((e) => e.field !== 'customerId' && e.field !== 'requestId')) {
      // The form again, with what was typed and a message under each field the schema refused.
      const customer = await agreementFormFor(ctx.app, ctx.actor, values.customerId);
      if (customer.ok) return ctx.reply.card(agreementFormCard(ctx.locale, customer.value, { requestId: envelope.requestId, values, errors: result.errors }));
      return replyWithFailure(ctx, customer);
    }
    return replyWithFailure(ctx, result);
  },
};

/** The empty form for the card's customer, to someone who may record its agreements. */
async function openForm(values: Record<string, unknown>, ctx: FlowContext): Promise<void> {
  const customer = await agreementFormFor(ctx.app, ctx.actor, values.customerId);
  if (!customer.ok) return replyWithFailure(ctx, customer);
  await ctx.reply.card(agreementFormCard(ctx.locale, customer.value, { requestId: randomUUID() }));
}
