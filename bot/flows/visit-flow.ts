import { randomUUID } from 'node:crypto';
import { careHomeChoices } from '../../src/app/care-home-choices.js';
import { customerChoices } from '../../src/app/customer-choices.js';
import { logSupervisionVisit } from '../../src/app/log-supervision-visit.js';
import { localDate } from '../../src/domain/dates.js';
import type { SupervisionVisit } from '../../src/domain/records/supervision-visit.js';
import { formatDate, t } from '../../src/i18n/messages.js';
import { supervisionVisitFormSpec } from '../cards/supervision-visit-form-card.js';
import { answerRefused, answerSaved, editOf, prefill, type EntryForm } from '../forms/entry-form.js';
import { coerceFormValues, formCard, type FormSpec, type FormState } from '../forms/form-card.js';
import type { BotFlow, FlowContext } from './flow.js';

/** `käynti` / `visit`: the regional director logs a municipal supervision visit. */
export const visitFlow: BotFlow = {
  commands: [{ id: 'visit', fi: 'käynti', en: 'visit', aliases: ['valvontakäynti', 'supervision visit'], help: 'help.cmd.visit' }],
  submitActions: ['visit.submit'],

  async onCommand(_id, _argument, ctx) {
    await sendForm(ctx, { requestId: randomUUID() });
  },

  async onSubmit(_action, envelope, values, ctx) {
    const edit = editOf(envelope);
    const spec = await formSpec(ctx);
    const input = coerceFormValues(spec, values);
    const result = await logSupervisionVisit(ctx.app, ctx.actor, { ...input, requestId: envelope.requestId });
    if (result.ok) {
      const { visit, careHomeName, customerName } = result.value;
      const key = result.duplicate ? 'visit.savedAlready' : 'visit.saved';
      const saved = t(ctx.locale, key, { date: formatDate(ctx.locale, visit.date), home: careHomeName, customer: customerName });
      await answerSaved(ctx, { kind: 'supervisionVisit', recordId: visit.id, saved, changed: edit !== undefined && !result.duplicate });
    } else if (result.reason === 'invalid') {
      await sendForm(ctx, { requestId: envelope.requestId, values, errors: result.errors }, edit);
    } else {
      await answerRefused(ctx, result, (state, again) => sendForm(ctx, { requestId: envelope.requestId, ...state }, again), edit, values);
    }
  },
};

/** The visit form for `omat` and the receipts: fresh, or prefilled with a stored visit in edit mode. */
export const visitForm: EntryForm<'supervisionVisit'> = {
  kind: 'supervisionVisit',
  async open(ctx, visit?: SupervisionVisit) {
    if (!visit) return sendForm(ctx, { requestId: randomUUID() });
    const spec = await formSpec(ctx, visit.customerId);
    await sendForm(ctx, { requestId: randomUUID(), values: prefill(spec, visit) }, { recordId: visit.id, version: visit.version });
  },
};

/** `selected`: a customer already chosen, kept on the returned form even when found by search. */
async function formSpec(ctx: FlowContext, selected?: unknown, edit?: FormSpec['edit']): Promise<FormSpec> {
  const [customers, homes] = await Promise.all([customerChoices(ctx.app, ctx.actor, selected), careHomeChoices(ctx.app, ctx.actor)]);
  return { ...supervisionVisitFormSpec(customers, homes, localDate(ctx.app.clock.now())), ...(edit ? { edit } : {}) };
}

async function sendForm(ctx: FlowContext, state: FormState, edit?: FormSpec['edit']): Promise<void> {
  const card = formCard(ctx.locale, await formSpec(ctx, state.values?.customerId, edit), state);
  await ctx.reply.card(card);
}
