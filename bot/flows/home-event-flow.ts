import { randomUUID } from 'node:crypto';
import { careHomeChoices } from '../../src/app/care-home-choices.js';
import { logHomeEvent } from '../../src/app/log-home-event.js';
import { attendeeChoices } from '../../src/app/search-contacts.js';
import { localDate } from '../../src/domain/dates.js';
import type { HomeEvent } from '../../src/domain/records/home-event.js';
import { formatDate, t } from '../../src/i18n/messages.js';
import { homeEventFormSpec } from '../cards/home-event-form-card.js';
import { answerRefused, answerSaved, editOf, prefill, type EntryForm } from '../forms/entry-form.js';
import { coerceFormValues, formCard, type FormSpec, type FormState } from '../forms/form-card.js';
import type { BotFlow, FlowContext } from './flow.js';

/** `tilaisuus` / `event`: a home event and who came from the customer; management and sales are told. */
export const homeEventFlow: BotFlow = {
  commands: [{ id: 'homeEvent', fi: 'tilaisuus', en: 'event', aliases: ['asukastilaisuus', 'home event'], help: 'help.cmd.homeEvent' }],
  submitActions: ['homeEvent.submit'],

  async onCommand(_id, _argument, ctx) {
    await sendForm(ctx, { requestId: randomUUID() });
  },

  async onSubmit(_action, envelope, values, ctx) {
    const edit = editOf(envelope);
    const input = coerceFormValues(await formSpec(ctx), values);
    const result = await logHomeEvent(ctx.app, ctx.actor, { ...input, requestId: envelope.requestId });
    if (result.ok) {
      const { homeEvent, careHomeName } = result.value;
      const params = { title: homeEvent.title, kind: t(ctx.locale, `homeEventKind.${homeEvent.kind}`), date: formatDate(ctx.locale, homeEvent.date), home: careHomeName };
      const saved = t(ctx.locale, result.duplicate ? 'homeEvent.savedAlready' : 'homeEvent.saved', params);
      await answerSaved(ctx, { kind: 'homeEvent', recordId: homeEvent.id, saved, changed: edit !== undefined && !result.duplicate });
    } else if (result.reason === 'invalid') {
      await sendForm(ctx, { requestId: envelope.requestId, values, errors: result.errors }, edit);
    } else {
      await answerRefused(ctx, result, (state, again) => sendForm(ctx, { requestId: envelope.requestId, ...state }, again), edit, values);
    }
  },
};

/** The home-event form for `omat` and the receipts: fresh, or prefilled with a stored event (its attendees chosen) in edit mode. */
export const homeEventForm: EntryForm<'homeEvent'> = {
  kind: 'homeEvent',
  async open(ctx, homeEvent?: HomeEvent) {
    if (!homeEvent) return sendForm(ctx, { requestId: randomUUID() });
    const values = prefill(await formSpec(ctx, { attendingContactIds: homeEvent.attendingContactIds }), homeEvent);
    await sendForm(ctx, { requestId: randomUUID(), values }, { recordId: homeEvent.id, version: homeEvent.version });
  },
};

async function formSpec(ctx: FlowContext, values: Record<string, unknown> = {}, edit?: FormSpec['edit']): Promise<FormSpec> {
  const [homes, contacts] = await Promise.all([careHomeChoices(ctx.app, ctx.actor), attendeeChoices(ctx.app, values.attendingContactIds)]);
  return { ...homeEventFormSpec(ctx.locale, homes, contacts, localDate(ctx.app.clock.now())), ...(edit ? { edit } : {}) };
}

async function sendForm(ctx: FlowContext, state: FormState, edit?: FormSpec['edit']): Promise<void> {
  const card = formCard(ctx.locale, await formSpec(ctx, state.values, edit), state);
  await ctx.reply.card(card);
}
