import { replyWithFailure } from './failure-reply.js';
import { randomUUID } from 'node:crypto';
import { careHomeChoices } from '../../src/app/care-home-choices.js';
import { customerChoices } from '../../src/app/customer-choices.js';
import { logSupervisionVisit } from '../../src/app/log-supervision-visit.js';
import { localDate } from '../../src/domain/dates.js';
import { formatDate, t } from '../../src/i18n/messages.js';
import { supervisionVisitFormSpec } from '../cards/supervision-visit-form-card.js';
import { coerceFormValues, formCard, type FormState } from '../forms/form-card.js';
import type { BotFlow, FlowContext } from './flow.js';

/** `käynti` / `visit`: the regional director logs a municipal supervision visit. */
export const visitFlow: BotFlow = {
  commands: [{ id: 'visit', fi: 'käynti', en: 'visit', aliases: ['valvontakäynti', 'supervision visit'], help: 'help.cmd.visit' }],
  submitActions: ['visit.submit'],

  async onCommand(_id, _argument, ctx) {
    await sendForm(ctx, { requestId: randomUUID() });
  },

  async onSubmit(_action, envelope, values, ctx) {
    const spec = await formSpec(ctx);
    const input = coerceFormValues(spec, values);
    const result = await logSupervisionVisit(ctx.app, ctx.actor, { ...input, requestId: envelope.requestId });
    if (result.ok) {
      const { visit, careHomeName, customerName } = result.value;
      const key = result.duplicate ? 'visit.savedAlready' : 'visit.saved';
      await ctx.reply.text(t(ctx.locale, key, { date: formatDate(ctx.locale, visit.date), home: careHomeName, customer: customerName }));
    } else if (result.reason === 'invalid') {
      await sendForm(ctx, { requestId: envelope.requestId, values, errors: result.errors });
    } else {
      await replyWithFailure(ctx, result);
    }
  },
};

/** `selected`: a customer already chosen, kept on the returned form even when found by search. */
async function formSpec(ctx: FlowContext, selected?: unknown) {
  const [customers, homes] = await Promise.all([customerChoices(ctx.app, ctx.actor, selected), careHomeChoices(ctx.app, ctx.actor)]);
  return supervisionVisitFormSpec(customers, homes, localDate(ctx.app.clock.now()));
}

async function sendForm(ctx: FlowContext, state: FormState): Promise<void> {
  const card = formCard(ctx.locale, await formSpec(ctx, state.values?.customerId), state);
  await ctx.reply.card(card);
}
