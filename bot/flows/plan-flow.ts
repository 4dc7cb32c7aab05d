import { randomUUID } from 'node:crypto';
import { removeEncounter, saveCustomerPlan, saveEncounter, planEditorFor, type PlanSaved } from '../../src/app/save-customer-plan.js';
import { findCustomerPlan, showCustomerPlan, type CustomerPlanView } from '../../src/app/show-customer-plan.js';
import type { UseCaseResult } from '../../src/app/result.js';
import { encounterDate } from '../../src/domain/records/customer-plan.js';
import { t } from '../../src/i18n/messages.js';
import { customerChoiceCard, type ChoicePurpose } from '../cards/customer-card.js';
import { customerPlanCard, encounterFormCard, encounterWhen, planFormCard } from '../cards/customer-plan-card.js';
import { viewerOf } from './customer-flow.js';
import { failureText, replyWithFailure } from './failure-reply.js';
import type { BotFlow, FlowContext } from './flow.js';

/** The name buttons of `suunnitelma` show that customer's plan. */
const planChoice: ChoicePurpose = {
  action: 'plan.show',
  askTitle: 'plan.ask.title',
  askText: 'plan.ask.text',
  chooseText: 'plan.choose.text',
};

/**
 * `suunnitelma <asiakas>` / `plan <customer>` (issue 12): the year's customer plan and annual clock. Its
 * buttons are Action.Execute: *Muokkaa suunnitelmaa* and *Lisää kohtaaminen* answer with a form in place
 * of the card, saving answers with the plan card again (the change on it), a bad input with the form, the
 * typed values and a message under each bad field. Nothing is posted in the conversation.
 */
export const planFlow: BotFlow = {
  commands: [
    {
      id: 'plan',
      fi: 'suunnitelma',
      en: 'plan',
      aliases: ['vuosikello', 'asiakkuussuunnitelma', 'annual-clock'],
      takesArgument: true,
      help: 'help.cmd.plan',
      example: 'suunnitelma Länsi-Uusimaa',
    },
  ],
  submitActions: ['plan.show', 'plan.edit', 'plan.submit', 'plan.openEncounter', 'plan.saveEncounter', 'plan.removeEncounter'],

  async onCommand(_id, argument, ctx) {
    const result = await findCustomerPlan(ctx.app, viewerOf(ctx), argument);
    if (!result.ok) return replyWithFailure(ctx, result);
    const lookup = result.value;
    if (lookup.kind === 'found') return ctx.reply.card(customerPlanCard(ctx.locale, lookup.view));
    await ctx.reply.card(customerChoiceCard(ctx.locale, lookup, randomUUID(), planChoice));
  },

  async onSubmit(action, envelope, values, ctx) {
    switch (action) {
      case 'plan.show':
        return showPlan(ctx, values);
      case 'plan.edit':
      case 'plan.openEncounter':
        return openForm(action, values, ctx);
      case 'plan.submit':
        return answerSave(ctx, values, await saveCustomerPlan(ctx.app, ctx.actor, { ...values, requestId: envelope.requestId }), 'plan');
      case 'plan.saveEncounter':
        return answerSave(ctx, values, await saveEncounter(ctx.app, ctx.actor, { ...values, requestId: envelope.requestId }), 'encounter');
      case 'plan.removeEncounter': {
        // What is removed, for the notice: read before it is gone.
        const before = await showCustomerPlan(ctx.app, viewerOf(ctx), values);
        const removed = before.ok ? before.value.encounters.find((e) => e.encounter.id === values.encounterId) : undefined;
        const result = await removeEncounter(ctx.app, ctx.actor, { ...values, requestId: envelope.requestId });
        const notice = removed && result.ok && !result.duplicate
          ? t(ctx.locale, 'plan.encounterRemoved', { kind: t(ctx.locale, `plan.kind.${removed.encounter.kind}`), when: encounterWhen(ctx.locale, { date: removed.date, dayKnown: removed.encounter.day !== undefined }) })
          : undefined;
        return answerSave(ctx, values, result, 'removed', notice);
      }
    }
  },
};

async function showPlan(ctx: FlowContext, values: Record<string, unknown>, notice?: string): Promise<void> {
  const shown = await showCustomerPlan(ctx.app, viewerOf(ctx), values);
  if (!shown.ok) return notice ? ctx.reply.text(notice) : replyWithFailure(ctx, shown);
  await ctx.reply.card(customerPlanCard(ctx.locale, shown.value, notice));
}

/** The plan (for a form) to someone who may edit it: refused before typing, not after. */
async function editableView(ctx: FlowContext, values: Record<string, unknown>): Promise<UseCaseResult<CustomerPlanView>> {
  const editor = await planEditorFor(ctx.app, ctx.actor, values.customerId);
  if (!editor.ok) return editor;
  return showCustomerPlan(ctx.app, { actor: ctx.actor, audience: 'personal' }, values);
}

async function openForm(action: 'plan.edit' | 'plan.openEncounter', values: Record<string, unknown>, ctx: FlowContext): Promise<void> {
  const view = await editableView(ctx, values);
  if (!view.ok) return replyWithFailure(ctx, view);
  if (action === 'plan.edit') return ctx.reply.card(planFormCard(ctx.locale, view.value, { requestId: randomUUID() }));
  const encounterId = typeof values.encounterId === 'string' ? values.encounterId : undefined;
  await ctx.reply.card(encounterFormCard(ctx.locale, view.value, { requestId: randomUUID(), encounterId }));
}

async function answerSave(ctx: FlowContext, values: Record<string, unknown>, result: UseCaseResult<PlanSaved>, what: 'plan' | 'encounter' | 'removed', removedNotice?: string): Promise<void> {
  const ref = { customerId: values.customerId, year: values.year };
  if (result.ok) {
    const { plan } = result.value;
    let notice = t(ctx.locale, 'plan.saved', { year: String(plan.year) });
    if (result.duplicate) notice = t(ctx.locale, 'plan.savedAlready');
    else if (removedNotice) notice = removedNotice;
    else if (what === 'encounter') {
      const id = values.encounterId;
      const encounter = what === 'encounter' ? (plan.plannedEncounters.find((e) => e.id === id) ?? plan.plannedEncounters.at(-1)) : undefined;
      notice = encounter
        ? t(ctx.locale, 'plan.encounterSaved', { kind: t(ctx.locale, `plan.kind.${encounter.kind}`), when: encounterWhen(ctx.locale, { date: encounterDate(plan.year, encounter), dayKnown: encounter.day !== undefined }) })
        : t(ctx.locale, 'plan.saved', { year: String(plan.year) });
    }
    return showPlan(ctx, { customerId: plan.customerId, year: plan.year }, `✓ ${notice}`);
  }
  // Someone saved the plan first: the plan as it is now, with the reason on top.
  if (result.reason === 'conflict') return showPlan(ctx, ref, failureText(ctx, result));
  if (result.reason === 'invalid' && what !== 'removed' && result.errors.some((e) => e.field !== 'customerId' && e.field !== 'requestId' && e.field !== 'year')) {
    // The form again, with what was typed and a message under each field the schema refused.
    const view = await editableView(ctx, ref);
    if (!view.ok) return replyWithFailure(ctx, view);
    const state = { requestId: randomUUID(), values, errors: result.errors };
    if (what === 'plan') return ctx.reply.card(planFormCard(ctx.locale, view.value, state));
    const encounterId = typeof values.encounterId === 'string' ? values.encounterId : undefined;
    return ctx.reply.card(encounterFormCard(ctx.locale, view.value, { ...state, encounterId }));
  }
  return replyWithFailure(ctx, result);
}
