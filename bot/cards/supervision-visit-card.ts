import type { SupervisionVisitLoggedEvent } from '../../src/domain/events/visit-events.js';
import { formatDate, formatDateTime, t, type Locale } from '../../src/i18n/messages.js';
import { factSet, textBlock, type AdaptiveCard, type CardElement } from './elements.js';
import type { Audience } from '../../src/notify/audience.js';
import { cardWithSpecialMention } from './special-mention.js';

/**
 * The supervision-visit card for management and sales. A special mention comes first, in the attention
 * style, and @mentions the people holding the sales role so Teams notifies them (thesis 6.3).
 */
/** `audience`: where the card goes; only the sales channel's copy @mentions the sales people. */
export function supervisionVisitCard(event: SupervisionVisitLoggedEvent, locale: Locale, audience?: Audience): AdaptiveCard {
  const d = event.data;
  const facts: [string, string][] = [
    [t(locale, 'card.visit.customer'), d.customerName],
    [t(locale, 'card.visit.home'), d.careHomeName],
    [t(locale, 'card.visit.region'), t(locale, `region.${d.region}`)],
    [t(locale, 'card.visit.date'), formatDate(locale, d.date)],
    [t(locale, 'card.visit.participants'), d.participants],
  ];
  const body: CardElement[] = [
    textBlock(t(locale, 'card.visit.title', { home: d.careHomeName }), { size: 'large', weight: 'bolder' }),
    factSet(facts),
    textBlock(t(locale, 'card.visit.findings'), { weight: 'bolder', spacing: 'medium' }),
    textBlock(d.findings),
  ];
  if (d.followUpActions) body.push(textBlock(t(locale, 'card.visit.followUpActions'), { weight: 'bolder' }), textBlock(d.followUpActions));
  body.push(textBlock(t(locale, 'card.visit.recorded', { name: d.recordedBy.name, when: formatDateTime(locale, event.occurredAt) }), { isSubtle: true, size: 'small' }));
  return cardWithSpecialMention(locale, d, { body }, audience);
}
