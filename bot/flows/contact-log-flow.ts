import { randomUUID } from 'node:crypto';
import { customerChoices } from '../../src/app/customer-choices.js';
import { logContact } from '../../src/app/log-contact.js';
import { localDate } from '../../src/domain/dates.js';
import type { ContactLogEntry } from '../../src/domain/records/contact-log-entry.js';
import { formatDate, t } from '../../src/i18n/messages.js';
import { contactLogFormSpec } from '../cards/contact-log-form-card.js';
import { answerRefused, answerSaved, editOf, prefill, type EntryForm } from '../forms/entry-form.js';
import { formCard, type FormSpec, type FormState } from '../forms/form-card.js';
import type { BotFlow, FlowContext } from './flow.js';

/** `kirjaa` / `log`: a contact log entry; the reminder card's button opens the same form for that customer. */
export const contactLogFlow: BotFlow = {
  commands: [{ id: 'log', fi: 'kirjaa', en: 'log', aliases: ['yhteydenotto', 'contact'], help: 'help.cmd.log' }],
  submitActions: ['contactLog.submit', 'contactLog.open'],

  async onCommand(_id, _argument, ctx) {
    await sendForm(ctx, { requestId: randomUUID() });
  },

  async onSubmit(action, envelope, values, ctx) {
    if (action === 'contactLog.open') {
      // From a reminder: the form for that customer, the topic as the matter to start from.
      await sendForm(ctx, { requestId: randomUUID(), values: { customerId: values.customerId, matter: values.topic } });
      return;
    }
    const edit = editOf(envelope);
    const result = await logContact(ctx.app, ctx.actor, { ...values, requestId: envelope.requestId });
    if (result.ok) {
      const { entry, customerName } = result.value;
      const params = {
        type: t(ctx.locale, `contactType.${entry.type}`),
        customer: customerName,
        date: formatDate(ctx.locale, entry.date),
        next: entry.nextContactDate ? formatDate(ctx.locale, entry.nextContactDate) : '',
        topic: entry.nextContactTopic ?? '',
      };
      const key = result.duplicate ? 'log.savedAlready' : entry.nextContactDate ? 'log.savedReminder' : 'log.saved';
      await answerSaved(ctx, { kind: 'contactLogEntry', recordId: entry.id, saved: t(ctx.locale, key, params), changed: edit !== undefined && !result.duplicate });
    } else if (result.reason === 'invalid') {
      await sendForm(ctx, { requestId: envelope.requestId, values, errors: result.errors }, edit);
    } else {
      await answerRefused(ctx, result, (state, again) => sendForm(ctx, { requestId: envelope.requestId, ...state }, again), edit, values);
    }
  },
};

/** The contact form for `omat` and the receipts: fresh, or prefilled with a stored entry in edit mode. */
export const contactLogForm: EntryForm<'contactLogEntry'> = {
  kind: 'contactLogEntry',
  async open(ctx, entry?: ContactLogEntry) {
    if (!entry) return sendForm(ctx, { requestId: randomUUID() });
    await sendForm(ctx, { requestId: randomUUID(), values: prefill(await formSpec(ctx, entry.customerId), entry) }, { recordId: entry.id, version: entry.version });
  },
};

async function formSpec(ctx: FlowContext, selected?: unknown, edit?: FormSpec['edit']): Promise<FormSpec> {
  const spec = contactLogFormSpec(ctx.locale, await customerChoices(ctx.app, ctx.actor, selected), localDate(ctx.app.clock.now()));
  return { ...spec, ...(edit ? { edit } : {}) };
}

async function sendForm(ctx: FlowContext, state: FormState, edit?: FormSpec['edit']): Promise<void> {
  await ctx.reply.card(formCard(ctx.locale, await formSpec(ctx, state.values?.customerId, edit), state));
}
