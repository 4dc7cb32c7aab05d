import type { DevelopmentMeetingRecordedEvent } from '../../src/domain/events/meeting-events.js';
import { formatDateTime, t, type Locale } from '../../src/i18n/messages.js';
import { adaptiveCard, factSet, textBlock, type AdaptiveCard, type CardElement } from './elements.js';

/**
 * The development-meeting card for management and sales: "memo in the CRM + notice" (thesis 6.3), so the
 * card carries the memo, the customer's feedback and the development items themselves.
 */
export function developmentMeetingCard(event: DevelopmentMeetingRecordedEvent, locale: Locale): AdaptiveCard {
  const d = event.data;
  const facts: [string, string][] = [
    [t(locale, 'card.meeting.kind'), t(locale, `meetingKind.${d.kind}`)],
    ...(d.customerName ? [[t(locale, 'card.meeting.customer'), d.customerName] as [string, string]] : []),
    ...(d.careHomeName ? [[t(locale, 'card.meeting.home'), d.careHomeName] as [string, string]] : []),
    [t(locale, 'card.meeting.startsAt'), formatDateTime(locale, d.startsAt)],
    [t(locale, 'card.meeting.endsAt'), formatDateTime(locale, d.endsAt)],
    [t(locale, 'card.meeting.participants'), d.participants],
  ];
  const body: CardElement[] = [
    textBlock(t(locale, `card.meeting.title.${d.kind}`, { customer: d.customerName ?? '' }), { size: 'large', weight: 'bolder' }),
    factSet(facts),
  ];
  const sections = [
    ['card.meeting.memo', d.memo],
    ['card.meeting.feedback', d.feedback],
    ['card.meeting.developmentItems', d.developmentItems],
  ] as const;
  for (const [heading, text] of sections) {
    if (text) body.push(textBlock(t(locale, heading), { weight: 'bolder', spacing: 'medium' }), textBlock(text));
  }
  if (!sections.some(([, text]) => text)) body.push(textBlock(t(locale, 'card.meeting.noMemo'), { isSubtle: true, spacing: 'medium' }));
  body.push(textBlock(t(locale, 'card.meeting.recorded', { name: d.recordedBy.name, when: formatDateTime(locale, event.occurredAt) }), { isSubtle: true, size: 'small' }));
  return adaptiveCard({ body });
}
