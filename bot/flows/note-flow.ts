import { randomUUID } from 'node:crypto';
import { customerChoices } from '../../src/app/customer-choices.js';
import { careHomeChoices } from '../../src/app/care-home-choices.js';
import { noteDirectionOf, recordNote } from '../../src/app/record-note.js';
import type { Note, NoteDirection } from '../../src/domain/records/note.js';
import { t } from '../../src/i18n/messages.js';
import { noteFormSpec } from '../cards/note-form-card.js';
import { answerRefused, answerSaved, editOf, prefill, type EntryForm } from '../forms/entry-form.js';
import { coerceFormValues, formCard, type FormSpec, type FormState } from '../forms/form-card.js';
import { replyWithFailure } from './failure-reply.js';
import type { BotFlow, FlowContext } from './flow.js';

/**
 * `tieto` / `note`: what one side of the house learned that the other needs. The use case decides the
 * direction from the user's role; the form says where the note will go, the confirmation where it went.
 */
export const noteFlow: BotFlow = {
  commands: [{ id: 'note', fi: 'tieto', en: 'note', help: 'help.cmd.note' }],
  submitActions: ['note.submit'],

  async onCommand(_id, _argument, ctx) {
    const direction = await noteDirectionOf(ctx.app, ctx.actor);
    if (!direction.ok) return replyWithFailure(ctx, direction);
    await sendForm(ctx, direction.value, { requestId: randomUUID() });
  },

  async onSubmit(_action, envelope, values, ctx) {
    const edit = editOf(envelope);
    const direction = await noteDirectionOf(ctx.app, ctx.actor);
    const spec = await formSpec(ctx, direction.ok ? direction.value : 'tuotannosta-myyntiin');
    const result = await recordNote(ctx.app, ctx.actor, { ...coerceFormValues(spec, values), requestId: envelope.requestId });
    if (result.ok) {
      const { note, customerName } = result.value;
      const key = result.duplicate ? (`note.savedAlready.${note.direction}` as const) : (`note.saved.${note.direction}` as const);
      await answerSaved(ctx, { kind: 'note', recordId: note.id, saved: t(ctx.locale, key, { customer: customerName }), changed: edit !== undefined && !result.duplicate });
    } else if (result.reason === 'invalid' && direction.ok) {
      await sendForm(ctx, direction.value, { requestId: envelope.requestId, values, errors: result.errors }, edit);
    } else if (result.reason === 'invalid' || !direction.ok) {
      // Someone outside the people list is told that, not which field to fix on a form they cannot send.
      await replyWithFailure(ctx, result.reason === 'invalid' && !direction.ok ? direction : result);
    } else {
      await answerRefused(ctx, result, (state, again) => sendForm(ctx, direction.value, { requestId: envelope.requestId, ...state }, again), edit, values);
    }
  },
};

/** The note form for `omat` and the receipts: fresh, or prefilled with a stored note (its own direction) in edit mode. */
export const noteForm: EntryForm<'note'> = {
  kind: 'note',
  async open(ctx, note?: Note) {
    if (!note) {
      const direction = await noteDirectionOf(ctx.app, ctx.actor);
      if (!direction.ok) return replyWithFailure(ctx, direction);
      return sendForm(ctx, direction.value, { requestId: randomUUID() });
    }
    const spec = await formSpec(ctx, note.direction, note.customerId);
    await sendForm(ctx, note.direction, { requestId: randomUUID(), values: prefill(spec, note) }, { recordId: note.id, version: note.version });
  },
};

/** `selected`: a customer already chosen, kept on the returned form even when found by search. */
async function formSpec(ctx: FlowContext, direction: NoteDirection, selected?: unknown, edit?: FormSpec['edit']): Promise<FormSpec> {
  const [customers, homes] = await Promise.all([customerChoices(ctx.app, ctx.actor, selected), careHomeChoices(ctx.app, ctx.actor)]);
  return { ...noteFormSpec(customers, homes, direction), ...(edit ? { edit } : {}) };
}

async function sendForm(ctx: FlowContext, direction: NoteDirection, state: FormState, edit?: FormSpec['edit']): Promise<void> {
  const card = formCard(ctx.locale, await formSpec(ctx, direction, state.values?.customerId, edit), state);
  await ctx.reply.card(card);
}
