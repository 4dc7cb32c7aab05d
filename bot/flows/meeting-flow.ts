import { randomUUID } from 'node:crypto';
import { customerChoices } from '../../src/app/customer-choices.js';
import { careHomeChoices } from '../../src/app/care-home-choices.js';
import { recordDevelopmentMeeting } from '../../src/app/record-development-meeting.js';
import { COMPANY_TIME_ZONE, localDate } from '../../src/domain/dates.js';
import type { DevelopmentMeeting } from '../../src/domain/records/development-meeting.js';
import { formatDateTime, t } from '../../src/i18n/messages.js';
import { developmentMeetingFormCard, developmentMeetingFormSpec } from '../cards/development-meeting-form-card.js';
import { answerRefused, answerSaved, editOf, prefill, type EntryForm } from '../forms/entry-form.js';
import { coerceFormValues, type FormSpec, type FormState } from '../forms/form-card.js';
import type { BotFlow, FlowContext } from './flow.js';

/** `kokous` / `meeting`: a development-meeting memo (thesis 6.3); management and sales get the memo. */
export const meetingFlow: BotFlow = {
  commands: [{ id: 'meeting', fi: 'kokous', en: 'meeting', aliases: ['kehityskokous', 'development meeting'], help: 'help.cmd.meeting' }],
  submitActions: ['meeting.submit'],

  async onCommand(_id, _argument, ctx) {
    await sendForm(ctx, { requestId: randomUUID() });
  },

  async onSubmit(_action, envelope, values, ctx) {
    const edit = editOf(envelope);
    const input = coerceFormValues(await formSpec(ctx), values);
    const result = await recordDevelopmentMeeting(ctx.app, ctx.actor, { ...input, requestId: envelope.requestId });
    if (result.ok) {
      const { meeting, customerName } = result.value;
      const params = { kind: t(ctx.locale, `meetingKind.${meeting.kind}`), when: formatDateTime(ctx.locale, meeting.startsAt), customer: customerName ?? '' };
      const key = result.duplicate ? 'meeting.savedAlready' : customerName ? 'meeting.saved' : 'meeting.savedInternal';
      await answerSaved(ctx, { kind: 'developmentMeeting', recordId: meeting.id, saved: t(ctx.locale, key, params), changed: edit !== undefined && !result.duplicate });
    } else if (result.reason === 'invalid') {
      await sendForm(ctx, { requestId: envelope.requestId, values, errors: result.errors }, edit);
    } else {
      await answerRefused(ctx, result, (state, again) => sendForm(ctx, { requestId: envelope.requestId, ...state }, again), edit, values);
    }
  },
};

/** Helsinki wall-clock hh:mm of an instant: the form asks a date and two times, the record keeps instants. */
const clockTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: COMPANY_TIME_ZONE });

/** The meeting form for `omat` and the receipts: fresh, or prefilled with a stored memo in edit mode. */
export const meetingForm: EntryForm<'developmentMeeting'> = {
  kind: 'developmentMeeting',
  async open(ctx, meeting?: DevelopmentMeeting) {
    if (!meeting) return sendForm(ctx, { requestId: randomUUID() });
    const starts = new Date(meeting.startsAt);
    const record = { ...meeting, date: localDate(starts), startTime: clockTime.format(starts), endTime: clockTime.format(new Date(meeting.endsAt)) };
    const values = prefill(await formSpec(ctx, meeting.customerId), record);
    await sendForm(ctx, { requestId: randomUUID(), values }, { recordId: meeting.id, version: meeting.version });
  },
};

/** `selected`: a customer already chosen, kept on the returned form even when found by search. */
async function formSpec(ctx: FlowContext, selected?: unknown, edit?: FormSpec['edit']): Promise<FormSpec> {
  const [customers, homes] = await Promise.all([customerChoices(ctx.app, ctx.actor, selected), careHomeChoices(ctx.app, ctx.actor)]);
  return { ...developmentMeetingFormSpec(ctx.locale, customers, homes, localDate(ctx.app.clock.now())), ...(edit ? { edit } : {}) };
}

async function sendForm(ctx: FlowContext, state: FormState, edit?: FormSpec['edit']): Promise<void> {
  const card = developmentMeetingFormCard(ctx.locale, await formSpec(ctx, state.values?.customerId, edit), state);
  await ctx.reply.card(card);
}
