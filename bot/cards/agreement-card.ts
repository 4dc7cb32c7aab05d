import type { AgreementRecordedEvent } from '../../src/domain/events/agreement-events.js';
import type { Agreement } from '../../src/domain/records/agreement.js';
import { formatDate, formatDateTime, t, type Locale } from '../../src/i18n/messages.js';
import { adaptiveCard, container, textBlock, type AdaptiveCard, type CardElement } from './elements.js';

/** What an agreement's one line of details says; the customer card and the event's card share it. */
type AgreementDetails = Pick<Agreement, 'serviceTypes' | 'startDate' | 'endDate' | 'pricePerDay' | 'optionYears'> & Partial<Pick<Agreement, 'kind' | 'paymentCommitment'>>;

const prices = { fi: new Intl.NumberFormat('fi-FI', { minimumFractionDigits: 2, maximumFractionDigits: 2 }), en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) };

/** "Ostopalvelu · Tehostettu palveluasuminen · 1.1.2025–31.12.2027 · 182,00 €/vrk · optiovuodet 2028 · maksusitoumus". */
export function agreementDetails(locale: Locale, a: AgreementDetails): string {
  const start = formatDate(locale, a.startDate);
  return [
    ...(a.kind ? [t(locale, `customerCard.segment.${a.kind}`)] : []),
    a.serviceTypes.map((s) => t(locale, `serviceType.${s}`)).join(', '),
    a.endDate ? t(locale, 'customerCard.agreement.period', { start, end: formatDate(locale, a.endDate) }) : t(locale, 'customerCard.agreement.from', { start }),
    ...(a.pricePerDay !== undefined ? [t(locale, 'customerCard.agreement.price', { price: prices[locale].format(a.pricePerDay) })] : []),
    ...(a.optionYears && a.optionYears.length > 0 ? [t(locale, 'customerCard.agreement.options', { years: a.optionYears.join(', ') })] : []),
    ...(a.paymentCommitment ? [t(locale, 'customerCard.agreement.paymentCommitment')] : []),
  ].join(' · ');
}

/** An agreement on the customer card: its content as the heading, the details under it. */
export function agreementBlock(locale: Locale, a: Agreement): CardElement {
  return container({
    spacing: 'small',
    items: [textBlock(a.title, { weight: 'bolder' }), textBlock(agreementDetails(locale, a), { spacing: 'none', isSubtle: true })],
  });
}

/**
 * The card of an `agreement.recorded` event. The routing table sends it nowhere today (DOMAIN.md names no
 * notice); it exists so that routing the event to a channel is a row of src/notify/routing.ts.
 */
export function agreementRecordedCard(event: AgreementRecordedEvent, locale: Locale): AdaptiveCard {
  const d = event.data;
  return adaptiveCard({
    body: [
      textBlock(t(locale, 'agreement.card.title', { customer: d.customerName }), { size: 'large', weight: 'bolder' }),
      textBlock(d.title, { weight: 'bolder' }),
      textBlock(agreementDetails(locale, d), { spacing: 'none', isSubtle: true }),
      textBlock(t(locale, 'agreement.card.recorded', { name: d.recordedBy.name, when: formatDateTime(locale, event.occurredAt) }), { isSubtle: true, size: 'small' }),
    ],
  });
}
