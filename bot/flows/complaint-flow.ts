import { randomUUID } from 'node:crypto';
import { advanceComplaint } from '../../src/app/advance-complaint.js';
import { customerChoices } from '../../src/app/customer-choices.js';
import { careHomeChoices } from '../../src/app/care-home-choices.js';
import { receiveComplaint } from '../../src/app/receive-complaint.js';
import { localDate } from '../../src/domain/dates.js';
import { formatDate, formatDateTime, t } from '../../src/i18n/messages.js';
import { complaintFormSpec } from '../cards/complaint-form-card.js';
import { formCard, type FormState } from '../forms/form-card.js';
import { replyWithFailure } from './failure-reply.js';
import type { BotFlow, FlowContext } from './flow.js';

/**
 * `reklamaatio` / `complaint`: the home director records a municipality's complaint (thesis 4.4.3); the
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
  submitActions: ['complaint.submit', 'complaint.advance'],

  async onCommand(_id, _argument, ctx) {
    await sendForm(ctx, { requestId: randomUUID() });
  },

  async onSubmit(action, envelope, values, ctx) {
    if (action === 'complaint.advance') return advanceFromCard(values, ctx);
    const result = await receiveComplaint(ctx.app, ctx.actor, { ...values, requestId: envelope.requestId });
    if (result.ok) {
      const { complaint, careHomeName, customerName } = result.value;
      const params = {
        home: careHomeName,
        customer: customerName,
        severity: t(ctx.locale, `complaint.severity.${complaint.severity}`).toLocaleLowerCase(ctx.locale),
        due: complaint.nextStepDue ? formatDate(ctx.locale, complaint.nextStepDue) : '',
      };
      await ctx.reply.text(t(ctx.locale, result.duplicate ? 'complaint.savedAlready' : 'complaint.saved', params));
    } else if (result.reason === 'invalid') {
      await sendForm(ctx, { requestId: envelope.requestId, values, errors: result.errors });
    } else {
      await replyWithFailure(ctx, result);
    }
  },
};

async function sendForm(ctx: FlowContext, state: FormState): Promise<void> {
  // The chosen customer stays on a returned form even when it was found by search.
  const [customers, homes] = await Promise.all([customerChoices(ctx.app, ctx.actor, state.values?.customerId), careHomeChoices(ctx.app, ctx.actor)]);
  const spec = complaintFormSpec(ctx.locale, customers, homes, localDate(ctx.app.clock.now()));
  await ctx.reply.card(formCard(ctx.locale, spec, state));
}

/** Card inputs of the step actions, for naming the field a message is about. */
const stepFieldLabels: Record<string, string> = {
  correctiveActions: 'complaint.step.correctiveActions',
  correctionDue: 'complaint.step.correctionDue',
  replyText: 'complaint.step.replyText',
};

/**
 * A step submitted from the complaint card (in a channel or a personal chat). The cards update for
 * everyone through the outbox; the answer here, in the thread or chat where the user clicked, is short:
 * what was done, or who was first.
 */
async function advanceFromCard(values: Record<string, unknown>, ctx: FlowContext): Promise<void> {
  const { reply, locale, actor } = ctx;
  const result = await advanceComplaint(ctx.app, actor, values);
  if (!result.ok) {
    const first = result.reason === 'invalid' ? result.errors[0] : undefined;
    const label = first ? stepFieldLabels[first.field] : undefined;
    if (first && label) {
      await reply.text(t(locale, 'complaint.fieldError', { field: t(locale, label), message: t(locale, first.key, first.params) }));
      return;
    }
    await replyWithFailure(ctx, result);
    return;
  }
  const outcome = result.value;
  const params = {
    home: outcome.careHomeName,
    customer: outcome.customerName,
    status: t(locale, `complaint.status.${outcome.complaint.status}`),
  };
  if (!outcome.advanced) {
    await reply.text(t(locale, 'complaint.firstWas', { ...params, name: outcome.movedBy.name, when: formatDateTime(locale, outcome.movedAt) }));
    return;
  }
  if (result.duplicate) {
    await reply.text(t(locale, 'complaint.advancedAlready', params));
    return;
  }
  const due = outcome.complaint.nextStepDue;
  const text = [t(locale, 'complaint.advanced', { ...params, name: actor.name }), ...(due ? [t(locale, 'complaint.advancedDue', { due: formatDate(locale, due) })] : [])];
  await reply.text(text.join(' '));
}
