import type { PlaceFreedEvent } from '../../src/domain/events.js';
import { formatDate, formatDateTime, t, type Locale } from '../../src/i18n/messages.js';
import { adaptiveCard, container, factSet, textBlock, type AdaptiveCard } from './elements.js';

/** The card the sales channel gets when a place is freed or freeing (DOMAIN.md, "Who is told what"). */
export function placeFreedCard(event: PlaceFreedEvent, locale: Locale): AdaptiveCard {
  const d = event.data;
  const facts: [string, string][] = [
    [t(locale, 'card.placeFreed.home'), d.careHomeName],
    [t(locale, 'card.placeFreed.region'), t(locale, `region.${d.region}`)],
    [t(locale, 'card.placeFreed.place'), d.label],
    [t(locale, 'card.placeFreed.serviceType'), t(locale, `serviceType.${d.serviceType}`)],
    [t(locale, 'card.placeFreed.customerGroup'), t(locale, `customerGroup.${d.customerGroup}`)],
    [t(locale, 'card.placeFreed.freeFrom'), formatDate(locale, d.freeFrom)],
  ];
  if (d.note) facts.push([t(locale, 'card.placeFreed.note'), d.note]);
  return adaptiveCard({
    body: [
      container({
        style: d.status === 'vapaa' ? 'good' : 'accent',
        items: [
          textBlock(`${t(locale, `card.placeFreed.title.${d.status}`)}: ${d.careHomeName} ${d.label}`, { size: 'large', weight: 'bolder' }),
        ],
      }),
      factSet(facts),
      textBlock(t(locale, 'card.placeFreed.recorded', { name: event.actor.name, when: formatDateTime(locale, event.occurredAt) }), {
        isSubtle: true,
        size: 'small',
      }),
    ],
  });
}
