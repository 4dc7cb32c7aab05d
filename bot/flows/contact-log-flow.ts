import { replyWithFailure } from './failure-reply.js';
import { randomUUID } from 'node:crypto';
import { customerChoices } from '../../src/app/customer-choices.js';
import { logContact } from '../../src/app/log-contact.js';
import { localDate } from '../../src/domain/dates.js';
import { formatDate, t } from '../../src/i18n/messages.js';
import { contactLogFormSpec } from '../cards/contact-log-form-card.js';
import { formCard, type FormState } from '../forms/form-card.js';
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
      await ctx.reply.text(t(ctx.locale, key, params));
    } else if (result.reason === 'invalid') {
      await sendForm(ctx, { requestId: envelope.requestId, values, errors: result.errors });
    } else {
      await replyWithFailure(ctx, result);
    }
  },
};

async function sendForm(ctx: FlowContext, state: FormState): Promise<void> {
  const spec = contactLogFormSpec(ctx.locale, await customerChoices(ctx.app, ctx.actor, state.values?.customerId), localDate(ctx.app.clock.now()));
  await ctx.reply.card(formCard(ctx.locale, spec, state));
}
