import type { MeetingCardData } from '../../src/domain/events/meeting-events.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { localDate } from '../../src/domain/dates.js';
import { helsinkiTime } from '../../src/notify/calendar-delivery.js';
import { formatDateTime, t, type Locale } from '../../src/i18n/messages.js';
import {
  actionExecute,
  actionOpenUrl,
  actionShowCard,
  adaptiveCard,
  factSet,
  inputDate,
  inputText,
  inputTime,
  textBlock,
  warningText,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from './elements.js';

export interface MeetingCardOptions {
  /** The Siirrä / Peru buttons (the organizer's own view, the management channel's card). */
  actions?: boolean;
  /** Local mode: where GET /api/meetings/{id}.ics answers (e.g. http://localhost:3978). */
  icsBaseUrl?: string | undefined;
  /** A line on top: what the press just did, privately to the clicker. */
  notice?: string | undefined;
}

/**
 * A scheduled development meeting (issue 12), to the organizer and the management channel: when, who is
 * invited, the invitation's state ("invite pending" while the calendar has not answered, retried by the
 * outbox), the Teams link or "no Teams link", the .ics in local mode, and Siirrä / Peru for the organizer.
 */
export function meetingScheduledCard(d: MeetingCardData, locale: Locale, options: MeetingCardOptions = {}): AdaptiveCard {
  const minutes = Math.round((Date.parse(d.endsAt) - Date.parse(d.startsAt)) / 60_000);
  const facts: [string, string][] = [
    [t(locale, 'card.meeting.kind'), t(locale, `meetingKind.${d.kind}`)],
    ...(d.customerName ? [[t(locale, 'card.meeting.customer'), d.customerName] as [string, string]] : []),
    ...(d.careHomeName ? [[t(locale, 'card.meeting.home'), d.careHomeName] as [string, string]] : []),
    [t(locale, 'card.schedule.when'), `${formatDateTime(locale, d.startsAt)} – ${helsinkiTime(d.endsAt).slice(11)} (${minutes} min)`],
    ...(d.kind === 'neljannesvuosittainen' ? [[t(locale, 'card.schedule.when'), t(locale, 'card.schedule.recurrence')] as [string, string]] : []),
    [t(locale, 'card.schedule.organizer'), d.organizer.name],
    [t(locale, 'card.schedule.state'), `${d.state === 'kutsuttu' ? '✓ ' : ''}${t(locale, `meetingState.${d.state}`)}`],
    [t(locale, 'card.schedule.attendees'), d.attendees.map((a) => (a.name ? `${a.name} <${a.email}>` : a.email)).join(', ')],
  ];
  const body: CardElement[] = [];
  if (options.notice) body.push(textBlock(options.notice, { weight: 'bolder' }));
  body.push(textBlock(t(locale, `card.meeting.title.${d.kind}`, { customer: d.customerName ?? '' }), { size: 'large', weight: 'bolder', wrap: true }), factSet(facts));
  if (d.state === 'kutsu-odottaa') body.push(warningText(t(locale, 'card.schedule.pendingHint')));
  if (d.agenda) body.push(textBlock(t(locale, 'card.schedule.agenda'), { weight: 'bolder', spacing: 'medium' }), textBlock(d.agenda, { wrap: true }));
  if (d.state === 'peruttu' && d.cancelComment) body.push(textBlock(t(locale, 'card.schedule.cancelComment'), { weight: 'bolder', spacing: 'medium' }), textBlock(d.cancelComment, { wrap: true }));
  // Graph answers 201 without an online meeting when the organizer cannot host one: say so, no broken link.
  if (d.invited && !d.joinUrl && d.state !== 'peruttu') body.push(textBlock(t(locale, 'card.schedule.noTeamsLink'), { isSubtle: true }));

  const actions: CardAction[] = [];
  if (d.joinUrl && d.state !== 'peruttu') actions.push(actionOpenUrl({ title: t(locale, 'card.schedule.teamsLink'), url: d.joinUrl }));
  if (d.invited && options.icsBaseUrl) actions.push(actionOpenUrl({ title: t(locale, 'card.schedule.icsLink'), url: `${options.icsBaseUrl}/api/meetings/${d.meetingId}.ics` }));
  if (options.actions !== false && (d.state === 'kutsu-odottaa' || d.state === 'kutsuttu')) actions.push(...changeActions(d, locale));
  return adaptiveCard({ body, ...(actions.length > 0 ? { actions } : {}) });
}

/** Siirrä (new date, time, duration) and Peru (a comment for the invitees), each a small form on the card. */
function changeActions(d: MeetingCardData, locale: Locale): CardAction[] {
  const minutes = Math.round((Date.parse(d.endsAt) - Date.parse(d.startsAt)) / 60_000);
  const data = { meetingId: d.meetingId, version: d.version };
  return [
    actionShowCard({
      title: t(locale, 'card.schedule.reschedule'),
      card: {
        body: [
          textBlock(t(locale, 'form.reschedule.title'), { weight: 'bolder' }),
          inputDate({ id: 'date', label: t(locale, 'form.schedule.date'), value: localDate(new Date(d.startsAt)), isRequired: true, errorMessage: t(locale, 'validation.invalidDate') }),
          inputTime({ id: 'startTime', label: t(locale, 'form.schedule.startTime'), value: helsinkiTime(d.startsAt).slice(11), isRequired: true, errorMessage: t(locale, 'meeting.invalidTime') }),
          inputText({ id: 'durationMinutes', label: t(locale, 'form.schedule.duration'), value: String(minutes), isRequired: true, errorMessage: t(locale, 'validation.required') }),
        ],
        actions: [
          actionExecute({ title: t(locale, 'card.schedule.saveReschedule'), verb: 'meeting.reschedule', data: { ...data, requestId: stableIdFor(`reschedule:${d.meetingId}:${d.version}`) } }),
        ],
      },
    }),
    actionShowCard({
      title: t(locale, 'card.schedule.cancel'),
      card: {
        body: [textBlock(t(locale, 'form.cancel.title'), { weight: 'bolder' }), inputText({ id: 'comment', label: t(locale, 'form.cancel.comment'), isMultiline: true, maxLength: 1000, isRequired: true, errorMessage: t(locale, 'validation.required') })],
        actions: [actionExecute({ title: t(locale, 'card.schedule.confirmCancel'), verb: 'meeting.cancel', data: { ...data, requestId: stableIdFor(`cancel:${d.meetingId}:${d.version}`) } })],
      },
    }),
  ];
}

/** After the meeting's end, to its organizer: record the memo (it goes to management and sales). */
export function meetingMemoRequestCard(d: MeetingCardData, locale: Locale): AdaptiveCard {
  const title = t(locale, `card.meeting.title.${d.kind}`, { customer: d.customerName ?? '' });
  return adaptiveCard({
    body: [
      textBlock(t(locale, 'card.memoRequest.title'), { size: 'large', weight: 'bolder' }),
      textBlock(t(locale, 'card.memoRequest.text', { title, when: formatDateTime(locale, d.endsAt) }), { wrap: true }),
    ],
    actions: [
      actionShowCard({
        title: t(locale, 'card.memoRequest.open'),
        card: {
          body: [
            inputText({ id: 'memo', label: t(locale, 'form.memoRequest.memo'), isMultiline: true, maxLength: 4000 }),
            inputText({ id: 'feedback', label: t(locale, 'form.memoRequest.feedback'), isMultiline: true, maxLength: 4000 }),
            inputText({ id: 'developmentItems', label: t(locale, 'form.memoRequest.developmentItems'), isMultiline: true, maxLength: 4000 }),
            textBlock(t(locale, 'form.privacyHint'), { isSubtle: true, wrap: true }),
          ],
          actions: [actionExecute({ title: t(locale, 'form.memoRequest.save'), verb: 'meeting.memo', data: { meetingId: d.meetingId, requestId: stableIdFor(`memo:${d.meetingId}:${d.sequence}`) } })],
        },
      }),
    ],
  });
}
