import { randomUUID } from 'node:crypto';
import { customerChoices } from '../../src/app/customer-choices.js';
import { careHomeChoices } from '../../src/app/care-home-choices.js';
import { recordDevelopmentMeeting } from '../../src/app/record-development-meeting.js';
import { localDate } from '../../src/domain/dates.js';
import { formatDateTime, t } from '../../src/i18n/messages.js';
import { developmentMeetingFormCard, developmentMeetingFormSpec } from '../cards/development-meeting-form-card.js';
import { coerceFormValues, type FormState } from '../forms/form-card.js';
import { replyWithFailure } from './failure-reply.js';
import type { BotFlow, FlowContext } from './flow.js';

/** `kokous` / `meeting`: a development-meeting memo (thesis 6.3); management and sales get the memo. */
export const meetingFlow: BotFlow = {
  commands: [{ id: 'meeting', fi: 'kokous', en: 'meeting', aliases: ['kehityskokous', 'development meeting'], help: 'help.cmd.meeting' }],
  submitActions: ['meeting.submit'],

  async onCommand(_id, _argument, ctx) {
    await sendForm(ctx, { requestId: randomUUID() });
  },

  async onSubmit(_action, envelope, values, ctx) {
    const input = coerceFormValues(await formSpec(ctx), values);
    const result = await recordDevelopmentMeeting(ctx.app, ctx.actor, { ...input, requestId: envelope.requestId });
    if (result.ok) {
      const { meeting, customerName } = result.value;
      const params = { kind: t(ctx.locale, `meetingKind.${meeting.kind}`), when: formatDateTime(ctx.locale, meeting.startsAt), customer: customerName ?? '' };
      const key = result.duplicate ? 'meeting.savedAlready' : customerName ? 'meeting.saved' : 'meeting.savedInternal';
      await ctx.reply.text(t(ctx.locale, key, params));
    } else if (result.reason === 'invalid') {
      await sendForm(ctx, { requestId: envelope.requestId, values, errors: result.errors });
    } else {
      await replyWithFailure(ctx, result);
    }
  },
};

/** `selected`: a customer already chosen, kept on the returned form even when found by search. */
async function formSpec(ctx: FlowContext, selected?: unknown) {
  const [customers, homes] = await Promise.all([customerChoices(ctx.app, ctx.actor, selected), careHomeChoices(ctx.app, ctx.actor)]);
  return developmentMeetingFormSpec(ctx.locale, customers, homes, localDate(ctx.app.clock.now()));
}

async function sendForm(ctx: FlowContext, state: FormState): Promise<void> {
  const card = developmentMeetingFormCard(ctx.locale, await formSpec(ctx, state.values?.customerId), state);
  await ctx.reply.card(card);
}
