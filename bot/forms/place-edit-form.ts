import { randomUUID } from 'node:crypto';
import { careHomeChoices } from '../../src/app/care-home-choices.js';
import { recordPlaceFreed } from '../../src/app/record-place-freed.js';
import { localDate } from '../../src/domain/dates.js';
import type { Place } from '../../src/domain/records/place.js';
import { formatDate, t } from '../../src/i18n/messages.js';
import { placeFreedFormSpec } from '../cards/place-freed-form-card.js';
import type { FlowContext, SubmitEnvelope } from '../flows/flow.js';
import { answerRefused, answerSaved, editOf, prefill, type EntryForm } from './entry-form.js';
import { formCard, type FormSpec, type FormState } from './form-card.js';

/**
 * A freed place corrected from `omat` (issue 11): the "vapaa paikka" form prefilled, in edit mode, saved by the
 * same use case (recordPlaceFreed) under its own verb, so the place flow's Action.Submit form is untouched.
 */
export const SAVE_PLACE = 'mine.savePlace';

export const placeEditForm: EntryForm<'place'> = {
  kind: 'place',
  async open(ctx, place?: Place) {
    if (!place) return;
    const spec = await formSpec(ctx);
    await sendForm(ctx, { requestId: randomUUID(), values: prefill(spec, place) }, { recordId: place.id, version: place.version });
  },
};

export async function savePlace(envelope: SubmitEnvelope, values: Record<string, unknown>, ctx: FlowContext): Promise<void> {
  const edit = editOf(envelope);
  const result = await recordPlaceFreed(ctx.app, ctx.actor, { ...values, requestId: envelope.requestId });
  if (result.ok) {
    const { place, careHomeName } = result.value;
    const params = { label: place.label, home: careHomeName, status: t(ctx.locale, `status.${place.status}`), date: formatDate(ctx.locale, place.freeFrom ?? '') };
    await answerSaved(ctx, { kind: 'place', recordId: place.id, saved: t(ctx.locale, result.duplicate ? 'placeFreed.savedAlready' : 'placeFreed.saved', params), changed: !result.duplicate });
  } else if (result.reason === 'invalid') {
    await sendForm(ctx, { requestId: envelope.requestId, values, errors: result.errors }, edit);
  } else {
    await answerRefused(ctx, result, (state, again) => sendForm(ctx, { requestId: envelope.requestId, ...state }, again), edit, values);
  }
}

async function formSpec(ctx: FlowContext, edit?: FormSpec['edit']): Promise<FormSpec> {
  const spec = placeFreedFormSpec(ctx.locale, await careHomeChoices(ctx.app, ctx.actor), localDate(ctx.app.clock.now()));
  return { ...spec, submitAction: SAVE_PLACE, ...(edit ? { edit } : {}) };
}

async function sendForm(ctx: FlowContext, state: FormState, edit?: FormSpec['edit']): Promise<void> {
  await ctx.reply.card(formCard(ctx.locale, await formSpec(ctx, edit), state));
}
