import type { HomeEventLoggedEvent } from '../../src/domain/events/home-event-events.js';
import { formatDate, formatDateTime, t, type Locale } from '../../src/i18n/messages.js';
import { factSet, textBlock, type AdaptiveCard, type CardElement } from './elements.js';
import type { Audience } from '../../src/notify/audience.js';
import { cardWithSpecialMention } from './special-mention.js';

/**
 * The home-event card for management and sales: which customers came to the relatives' evening or
 * party and what came up ("customer attended a home event → sales, same way as a visit"). A special
 * mention comes first and @mentions the sales people, as on the supervision-visit card.
 */
/** `audience`: where the card goes; only the sales channel's copy @mentions the sales people. */
export function homeEventCard(event: HomeEventLoggedEvent, locale: Locale, audience?: Audience): AdaptiveCard {
  const d = event.data;
  const kind = t(locale, `homeEventKind.${d.kind}`);
  const facts: [string, string][] = [
    [t(locale, 'card.homeEvent.name'), d.title],
    [t(locale, 'card.homeEvent.home'), d.careHomeName],
    [t(locale, 'card.homeEvent.region'), t(locale, `region.${d.region}`)],
    [t(locale, 'card.homeEvent.date'), formatDate(locale, d.date)],
    [t(locale, 'card.homeEvent.municipalities'), d.customers.length > 0 ? d.customers.map((c) => c.name).join(', ') : t(locale, 'card.homeEvent.noMunicipality')],
  ];
  const body: CardElement[] = [textBlock(t(locale, 'card.homeEvent.title', { kind, home: d.careHomeName }), { size: 'large', weight: 'bolder' }), factSet(facts)];
  if (d.attendees.length > 0) {
    body.push(
      textBlock(t(locale, 'card.homeEvent.attendees'), { weight: 'bolder', spacing: 'medium' }),
      textBlock(d.attendees.map((a) => `- ${a.name} – ${a.customerName}`).join('\n')),
    );
  }
  if (d.whatCameUp) body.push(textBlock(t(locale, 'card.homeEvent.whatCameUp'), { weight: 'bolder', spacing: 'medium' }), textBlock(d.whatCameUp));
  body.push(textBlock(t(locale, 'card.homeEvent.recorded', { name: d.recordedBy.name, when: formatDateTime(locale, event.occurredAt) }), { isSubtle: true, size: 'small' }));
  return cardWithSpecialMention(locale, d, { body }, audience);
}
