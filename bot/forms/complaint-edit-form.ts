import { randomUUID } from 'node:crypto';
import { careHomeChoices } from '../../src/app/care-home-choices.js';
import { customerChoices } from '../../src/app/customer-choices.js';
import { receiveComplaint } from '../../src/app/receive-complaint.js';
import { localDate } from '../../src/domain/dates.js';
import type { Complaint } from '../../src/domain/records/complaint.js';
import { formatDate, t } from '../../src/i18n/messages.js';
import { complaintFormSpec, complaintSavedText } from '../cards/complaint-form-card.js';
import type { FlowContext, SubmitEnvelope } from '../flows/flow.js';
import { answerRefused, answerSaved, editOf, prefill, type EntryForm } from './entry-form.js';
import { formCard, type FormSpec, type FormState } from './form-card.js';

/**
 * A complaint corrected from `omat` (issue 11): the `reklamaatio` form prefilled, in edit mode, saved by the
 * same use case (receiveComplaint) under its own verb; its handling steps stay on its card.
 */
export const SAVE_COMPLAINT = 'mine.saveComplaint';

export const complaintEditForm: EntryForm<'complaint'> = {
  kind: 'complaint',
  async open(ctx, complaint?: Complaint) {
    if (!complaint) return;
    const spec = await formSpec(ctx, complaint.customerId);
    await sendForm(ctx, { requestId: randomUUID(), values: prefill(spec, complaint) }, { recordId: complaint.id, version: complaint.version });
  },
};

export async function saveComplaint(envelope: SubmitEnvelope, values: Record<string, unknown>, ctx: FlowContext): Promise<void> {
  const edit = editOf(envelope);
  const result = await receiveComplaint(ctx.app, ctx.actor, { ...values, requestId: envelope.requestId });
  if (result.ok) {
    await answerSaved(ctx, { kind: 'complaint', recordId: result.value.complaint.id, saved: complaintSavedText(ctx.locale, result.value, result.duplicate), changed: !result.duplicate });
  } else if (result.reason === 'invalid') {
    await sendForm(ctx, { requestId: envelope.requestId, values, errors: result.errors }, edit);
  } else {
    await answerRefused(ctx, result, (state, again) => sendForm(ctx, { requestId: envelope.requestId, ...state }, again), edit, values);
  }
}

/** `selected`: a customer already chosen, kept on the returned form even when found by search. */
async function formSpec(ctx: FlowContext, selected?: unknown, edit?: FormSpec['edit']): Promise<FormSpec> {
  const [customers, homes] = await Promise.all([customerChoices(ctx.app, ctx.actor, selected), careHomeChoices(ctx.app, ctx.actor)]);
  return { ...complaintFormSpec(ctx.locale, customers, homes, localDate(ctx.app.clock.now())), submitAction: SAVE_COMPLAINT, ...(edit ? { edit } : {}) };
}

async function sendForm(ctx: FlowContext, state: FormState, edit?: FormSpec['edit']): Promise<void> {
  await ctx.reply.card(formCard(ctx.locale, await formSpec(ctx, state.values?.customerId, edit), state));
}
