import { randomUUID } from 'node:crypto';
import { customerChoices } from '../../src/app/customer-choices.js';
import { careHomeChoices } from '../../src/app/care-home-choices.js';
import { noteDirectionOf, recordNote } from '../../src/app/record-note.js';
import type { NoteDirection } from '../../src/domain/records/note.js';
import { t } from '../../src/i18n/messages.js';
import { noteFormSpec } from '../cards/note-form-card.js';
import { coerceFormValues, formCard, type FormState } from '../forms/form-card.js';
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
    const direction = await noteDirectionOf(ctx.app, ctx.actor);
    const spec = await formSpec(ctx, direction.ok ? direction.value : 'tuotannosta-myyntiin');
    const result = await recordNote(ctx.app, ctx.actor, { ...coerceFormValues(spec, values), requestId: envelope.requestId });
    if (result.ok) {
      const { note, customerName } = result.value;
      const key = result.duplicate ? (`note.savedAlready.${note.direction}` as const) : (`note.saved.${note.direction}` as const);
      await ctx.reply.text(t(ctx.locale, key, { customer: customerName }));
    } else if (result.reason === 'invalid' && direction.ok) {
      await sendForm(ctx, direction.value, { requestId: envelope.requestId, values, errors: result.errors });
    } else {
      // Someone outside the people list is told that, not which field to fix on a form they cannot send.
      await replyWithFailure(ctx, result.reason === 'invalid' && !direction.ok ? direction : result);
    }
  },
};

/** `selected`: a customer already chosen, kept on the returned form even when found by search. */
async function formSpec(ctx: FlowContext, direction: NoteDirection, selected?: unknown) {
  const [customers, homes] = await Promise.all([customerChoices(ctx.app, ctx.actor, selected), careHomeChoices(ctx.app, ctx.actor)]);
  return noteFormSpec(customers, homes, direction);
}

async function sendForm(ctx: FlowContext, direction: NoteDirection, state: FormState): Promise<void> {
  const card = formCard(ctx.locale, await formSpec(ctx, direction, state.values?.customerId), state);
  await ctx.reply.card(card);
}
