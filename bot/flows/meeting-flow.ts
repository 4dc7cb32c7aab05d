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
import type { BotFlow, FlowContext, SubmitEnvelope } from './flow.js';
import { cancelMeeting, recordMeetingMemo, rescheduleMeeting } from '../../src/app/change-meeting.js';
import { meetingInvitees } from '../../src/app/meeting-invitees.js';
import { scheduleMeeting } from '../../src/app/schedule-meeting.js';
import { meetingCardData } from '../../src/domain/meetings/meeting-card-data.js';
import { meetingScheduledCard } from '../cards/development-meeting-scheduled-card.js';
import { meetingScheduleFormCard, meetingScheduleFormSpec } from '../cards/meeting-schedule-form-card.js';
import { failureText } from './failure-reply.js';

/**
 * `kokous` / `meeting` schedules a development meeting (issue 12): the invitation goes to the calendar, the
 * organizer and management get its card (Siirrä / Peru), and after its end the organizer is asked for the memo.
 * `kokous neljännes` / `meeting quarterly`: the joint meeting of production and sales every three months. The
 * memo form of before (`meeting.submit`) stays for `omat` and the receipts; `kokous muistio` opens it.
 */
export const meetingFlow: BotFlow = {
  commands: [
    {
      id: 'meeting',
      fi: 'kokous',
      en: 'meeting',
      aliases: ['kehityskokous', 'development meeting'],
      takesArgument: true,
      help: 'help.cmd.meetingSchedule',
      example: 'kokous neljännes',
    },
  ],
  submitActions: ['meeting.submit', 'meeting.new', 'meeting.schedule', 'meeting.reschedule', 'meeting.cancel', 'meeting.memo'],

  async onCommand(_id, argument, ctx) {
    const word = argument.trim().toLowerCase();
    if (/^(muistio|memo)\b/.test(word)) return sendForm(ctx, { requestId: randomUUID() });
    const kind = /^(neljännes|neljannes|neljännesvuosi|quarterly|quarter)/.test(word) ? 'neljannesvuosittainen' : 'vuosittainen';
    await sendScheduleForm(ctx, kind, { requestId: randomUUID() });
  },

  async onSubmit(action, envelope, values, ctx) {
    switch (action) {
      case 'meeting.new': {
        // Another flow's button (the annual clock's reminder): the form opens with what it names.
        const prefilled = Object.fromEntries(['customerId', 'careHomeId', 'date'].flatMap((k) => (typeof values[k] === 'string' && values[k] ? [[k, values[k]]] : [])));
        const kind = values.kind === 'neljannesvuosittainen' ? 'neljannesvuosittainen' : 'vuosittainen';
        return sendScheduleForm(ctx, kind, { requestId: randomUUID(), values: prefilled });
      }
      case 'meeting.schedule':
        return scheduleFromForm(envelope, values, ctx);
      case 'meeting.reschedule':
      case 'meeting.cancel':
      case 'meeting.memo':
        return changeFromCard(action, envelope, values, ctx);
      default:
        return recordMemoFromForm(envelope, values, ctx);
    }
  },
};

async function recordMemoFromForm(envelope: SubmitEnvelope, values: Record<string, unknown>, ctx: FlowContext): Promise<void> {
  {
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
  }
}

type MeetingKind = DevelopmentMeeting['kind'];

async function scheduleSpec(ctx: FlowContext, kind: MeetingKind, values: Record<string, unknown>): Promise<FormSpec> {
  const quarterly = kind === 'neljannesvuosittainen';
  const customerId = typeof values.customerId === 'string' ? values.customerId : undefined;
  const careHomeId = typeof values.careHomeId === 'string' ? values.careHomeId : undefined;
  const [customers, homes, invitees] = await Promise.all([
    quarterly ? [] : customerChoices(ctx.app, ctx.actor, customerId),
    quarterly ? [] : careHomeChoices(ctx.app, ctx.actor),
    meetingInvitees(ctx.app, ctx.actor, { kind, customerId, careHomeId }),
  ]);
  return meetingScheduleFormSpec(ctx.locale, { kind, customers, homes, invitees, today: localDate(ctx.app.clock.now()) });
}

async function sendScheduleForm(ctx: FlowContext, kind: MeetingKind, state: FormState): Promise<void> {
  const values = state.values ?? {};
  const spec = await scheduleSpec(ctx, kind, values);
  // Pre-select the suggested invitees (the customer's contacts, the home's directors; sales for the quarterly).
  const suggested = spec.fields.find((f) => f.kind === 'choice' && f.id === 'attendees');
  // A submit may carry anything in these fields (a forged one an object): only a string names a record.
  const named = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const preset =
    values.attendees === undefined && suggested?.kind === 'choice'
      ? { attendees: (await meetingInvitees(ctx.app, ctx.actor, { kind, customerId: named(values.customerId), careHomeId: named(values.careHomeId) })).filter((i) => i.suggested).map((i) => i.email).join(',') }
      : {};
  await ctx.reply.card(meetingScheduleFormCard(ctx.locale, spec, { ...state, values: { durationMinutes: '90', ...preset, ...values } }));
}

async function scheduleFromForm(envelope: SubmitEnvelope, values: Record<string, unknown>, ctx: FlowContext): Promise<void> {
  const kind: MeetingKind = values.kind === 'neljannesvuosittainen' ? 'neljannesvuosittainen' : 'vuosittainen';
  const result = await scheduleMeeting(ctx.app, ctx.actor, { ...stringValues(values), kind, requestId: envelope.requestId });
  if (result.ok) {
    const { card } = result.value;
    const notice = t(ctx.locale, 'meeting.scheduled', { kind: t(ctx.locale, `meetingKind.${card.kind}`), when: formatDateTime(ctx.locale, card.startsAt) });
    await ctx.reply.card(meetingScheduledCard(card, ctx.locale, { notice, actions: false }));
  } else if (result.reason === 'invalid') {
    await sendScheduleForm(ctx, kind, { requestId: envelope.requestId, values, errors: result.errors });
  } else {
    await sendScheduleForm(ctx, kind, { requestId: envelope.requestId, values, refusal: failureText(ctx, result) });
  }
}

/** Siirrä, Peru and the memo: answered privately to the clicker with the meeting as it is now. */
async function changeFromCard(action: string, envelope: SubmitEnvelope, values: Record<string, unknown>, ctx: FlowContext): Promise<void> {
  const input = { ...stringValues(values), requestId: envelope.requestId };
  const result =
    action === 'meeting.reschedule'
      ? await rescheduleMeeting(ctx.app, ctx.actor, input)
      : action === 'meeting.cancel'
        ? await cancelMeeting(ctx.app, ctx.actor, input)
        : await recordMeetingMemo(ctx.app, ctx.actor, input);
  if (!result.ok) {
    const text = result.reason === 'invalid' ? result.errors.map((e) => t(ctx.locale, e.key, e.params ?? {})).join(' ') : failureText(ctx, result);
    await ctx.reply.text(text);
    return;
  }
  const { meeting, customerName, careHomeName } = result.value;
  const key = action === 'meeting.reschedule' ? 'meeting.rescheduled' : action === 'meeting.cancel' ? 'meeting.cancelled' : 'meeting.memoSaved';
  const notice = t(ctx.locale, key, { when: formatDateTime(ctx.locale, meeting.startsAt) });
  await ctx.reply.card(meetingScheduledCard(meetingCardData(meeting, { customerName, careHomeName }), ctx.locale, { notice, actions: action !== 'meeting.memo' }));
}

/** The submitted values the use cases read (Teams sends inputs as strings; data may carry numbers). */
function stringValues(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : typeof v === 'number' ? [[k, String(v)]] : [])));
}

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
