import { randomUUID } from 'node:crypto';
import { advanceComplaint } from '../../src/app/advance-complaint.js';
import { customerChoices } from '../../src/app/customer-choices.js';
import { careHomeChoices } from '../../src/app/care-home-choices.js';
import { receiveComplaint } from '../../src/app/receive-complaint.js';
import { localDate } from '../../src/domain/dates.js';
import { formatDate, formatDateTime, t } from '../../src/i18n/messages.js';
import { complaintFormSpec, complaintSavedText } from '../cards/complaint-form-card.js';
import { formCard, type FormState } from '../forms/form-card.js';
import { complaintView } from '../../src/app/complaint-view.js';
import type { ComplaintEvent } from '../../src/domain/events/complaint-events.js';
import { complaintCard } from '../cards/complaint-card.js';
import { notice, type Notice } from '../cards/notice.js';
import { answerSaved } from '../forms/entry-form.js';
import { refusalText } from '../forms/refusal.js';
import { failureText, replyWithFailure } from './failure-reply.js';
import type { BotFlow, FlowContext } from './flow.js';

/**
 * `reklamaatio` / `complaint`: the home director records a customer's complaint (thesis 4.4.3); the
 * next steps are taken from the complaint card itself ('complaint.advance'), which updates in place.
 */
export const complaintFlow: BotFlow = {
  commands: [
    {
      id: 'complaint',
      fi: 'reklamaatio',
      en: 'complaint',
      aliases: ['asiakasreklamaatio', 'valitus', 'customer complaint'],
      help: 'help.cmd.complaint',
    },
  ],
  submitActions: ['complaint.submit', 'complaint.advance', 'complaint.view'],

  async onCommand(_id, _argument, ctx) {
    await sendForm(ctx, { requestId: randomUUID() });
  },

  async onSubmit(action, envelope, values, ctx) {
    if (action === 'complaint.advance') return advanceFromCard(values, ctx);
    if (action === 'complaint.view') return answerWithComplaint(ctx, String(values.complaintId ?? ''), {});
    const result = await receiveComplaint(ctx.app, ctx.actor, { ...values, requestId: envelope.requestId });
    if (result.ok) {
      // The form turns into its receipt (bot/forms/receipt-card.ts).
      await answerSaved(ctx, { kind: 'complaint', recordId: result.value.complaint.id, saved: complaintSavedText(ctx.locale, result.value, result.duplicate) });
    } else if (result.reason === 'invalid') {
      await sendForm(ctx, { requestId: envelope.requestId, values, errors: result.errors });
    } else if (ctx.via === 'execute') {
      // Refused: the form again with what was typed and the reason on top, never a bare text that loses it.
      await sendForm(ctx, { requestId: envelope.requestId, values, refusal: refusalText(ctx.locale, result) });
    } else {
      await replyWithFailure(ctx, result);
    }
  },
};

async function sendForm(ctx: FlowContext, state: FormState): Promise<void> {
  // The chosen customer stays on a returned form even when it was found by search.
  const [customers, homes] = await Promise.all([customerChoices(ctx.app, ctx.actor, state.values?.customerId), careHomeChoices(ctx.app, ctx.actor)]);
  const spec = { ...complaintFormSpec(ctx.locale, customers, homes, localDate(ctx.app.clock.now())) };
  await ctx.reply.card(formCard(ctx.locale, spec, state));
}

/** Card inputs of the step actions, for naming the field a message is about. */
const stepFieldLabels: Record<string, string> = {
  correctiveActions: 'complaint.step.correctiveActions',
  correctionDue: 'complaint.step.correctionDue',
  replyText: 'complaint.step.replyText',
};

/** What a step's inputs hold, kept on the person's view when the step was refused. */
function typedStepValues(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(stepFieldLabels).filter((k) => values[k] !== undefined).map((k) => [k, values[k]]));
}

/**
 * A step pressed on the complaint card (in a channel or a personal chat). The cards update for everyone
 * through the outbox; the answer goes to the one who pressed: their own view of the card with what was done,
 * or who was first, or why it was refused — with what they typed still in the step's inputs.
 */
async function advanceFromCard(values: Record<string, unknown>, ctx: FlowContext): Promise<void> {
  const { locale, actor } = ctx;
  const complaintId = String(values.complaintId ?? '');
  const result = await advanceComplaint(ctx.app, actor, values);
  if (!result.ok) {
    const first = result.reason === 'invalid' ? result.errors[0] : undefined;
    const label = first ? stepFieldLabels[first.field] : undefined;
    const text = first && label ? t(locale, 'complaint.fieldError', { field: t(locale, label), message: t(locale, first.key, first.params) }) : failureText(ctx, result);
    return answerWithComplaint(ctx, complaintId, { notice: notice(locale, 'refused', text), values: typedStepValues(values) });
  }
  const outcome = result.value;
  const params = {
    home: outcome.careHomeName,
    customer: outcome.customerName,
    status: t(locale, `complaint.status.${outcome.complaint.status}`),
  };
  if (!outcome.advanced) {
    const text = t(locale, 'complaint.firstWas', { ...params, name: outcome.movedBy.name, when: formatDateTime(locale, outcome.movedAt) });
    return answerWithComplaint(ctx, complaintId, { notice: notice(locale, 'refused', text), values: typedStepValues(values) });
  }
  if (result.duplicate) return answerWithComplaint(ctx, complaintId, { notice: notice(locale, 'done', t(locale, 'complaint.advancedAlready', params)) });
  const due = outcome.complaint.nextStepDue;
  const text = [t(locale, 'complaint.advanced', { ...params, name: actor.name }), ...(due ? [t(locale, 'complaint.advancedDue', { due: formatDate(locale, due) })] : [])];
  return answerWithComplaint(ctx, complaintId, { notice: notice(locale, 'done', text.join(' ')) });
}

/**
 * The person's own view of the complaint card (a refresh, or the answer to a step): the full card with the
 * next step for those who may take it, the summary for those who may not read the free text. In a message
 * turn (an Action.Submit from an older card) only the notice is answered, as before.
 */
async function answerWithComplaint(ctx: FlowContext, complaintId: string, extra: { notice?: Notice; values?: Record<string, unknown> }): Promise<void> {
  if (ctx.via === 'message' && extra.notice) {
    await ctx.reply.text(extra.notice.text);
    return;
  }
  const view = await complaintView(ctx.app, ctx.actor, complaintId);
  if (!view) {
    await ctx.reply.text(extra.notice?.text ?? t(ctx.locale, 'view.complaint.gone'));
    return;
  }
  const event: ComplaintEvent = {
    type: 'complaint.changed',
    eventId: `view:${complaintId}:${view.data.version}`,
    occurredAt: ctx.app.clock.now().toISOString(),
    actor: ctx.actor,
    data: view.data,
  };
  await ctx.reply.card(complaintCard(event, ctx.locale, view.confidential ? 'full' : 'summary', { nextStep: view.advance, ...extra }));
}
