import { randomUUID } from 'node:crypto';
import { careHomeChoices } from '../../src/app/care-home-choices.js';
import { logHomeEvent } from '../../src/app/log-home-event.js';
import { attendeeChoices } from '../../src/app/search-contacts.js';
import { localDate } from '../../src/domain/dates.js';
import { formatDate, t } from '../../src/i18n/messages.js';
import { homeEventFormSpec } from '../cards/home-event-form-card.js';
import { coerceFormValues, formCard, type FormState } from '../forms/form-card.js';
import { replyWithFailure } from './failure-reply.js';
import type { BotFlow, FlowContext } from './flow.js';

/** `tilaisuus` / `event`: a home event and who came from the municipality; management and sales are told. */
export const homeEventFlow: BotFlow = {
  commands: [{ id: 'homeEvent', fi: 'tilaisuus', en: 'event', aliases: ['asukastilaisuus', 'home event'], help: 'help.cmd.homeEvent' }],
  submitActions: ['homeEvent.submit'],

  async onCommand(_id, _argument, ctx) {
    await sendForm(ctx, { requestId: randomUUID() });
  },

  async onSubmit(_action, envelope, values, ctx) {
    const input = coerceFormValues(await formSpec(ctx), values);
    const result = await logHomeEvent(ctx.app, ctx.actor, { ...input, requestId: envelope.requestId });
    if (result.ok) {
      const { homeEvent, careHomeName } = result.value;
      const params = { title: homeEvent.title, kind: t(ctx.locale, `homeEventKind.${homeEvent.kind}`), date: formatDate(ctx.locale, homeEvent.date), home: careHomeName };
      await ctx.reply.text(t(ctx.locale, result.duplicate ? 'homeEvent.savedAlready' : 'homeEvent.saved', params));
    } else if (result.reason === 'invalid') {
      await sendForm(ctx, { requestId: envelope.requestId, values, errors: result.errors });
    } else {
      await replyWithFailure(ctx, result);
    }
  },
};

async function formSpec(ctx: FlowContext, values: Record<string, unknown> = {}) {
  const [homes, contacts] = await Promise.all([careHomeChoices(ctx.app, ctx.actor), attendeeChoices(ctx.app, values.attendingContactIds)]);
  return homeEventFormSpec(ctx.locale, homes, contacts, localDate(ctx.app.clock.now()));
}

async function sendForm(ctx: FlowContext, state: FormState): Promise<void> {
  const card = formCard(ctx.locale, await formSpec(ctx, state.values), state);
  await ctx.reply.card(card);
}
