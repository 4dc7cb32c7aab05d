import type { OpenPlacesOfHome } from '../../src/app/list-open-places.js';
import { formatDate, t, type Locale } from '../../src/i18n/messages.js';
import { adaptiveCard, container, textBlock, type AdaptiveCard, type CardElement } from './elements.js';

/** `paikat`: the free and freeing places, grouped by home, soonest first. */
export function openPlacesCard(locale: Locale, groups: OpenPlacesOfHome[]): AdaptiveCard {
  const count = groups.reduce((n, g) => n + g.places.length, 0);
  const body: CardElement[] = [textBlock(t(locale, 'card.places.title'), { size: 'large', weight: 'bolder' })];
  if (count === 0) {
    body.push(textBlock(t(locale, 'card.places.none')));
    return adaptiveCard({ body });
  }
  body.push(textBlock(t(locale, 'card.places.summary', { count, homes: groups.length }), { isSubtle: true }));
  for (const group of groups) {
    body.push(
      container({
        separator: true,
        items: [
          textBlock(`${group.home.name} · ${t(locale, `region.${group.home.region}`)}`, { weight: 'bolder' }),
          ...group.places.map((p) =>
            textBlock(
              t(locale, 'card.places.line', {
                label: p.label,
                serviceType: t(locale, `serviceType.${p.serviceType}`),
                customerGroup: t(locale, `customerGroup.${p.customerGroup}`),
                status: t(locale, `status.${p.effectiveStatus}`),
                date: p.freeFrom ? `${t(locale, `statusDate.${p.effectiveStatus}`)} ${formatDate(locale, p.freeFrom)}`.trim() : '',
              }),
              { spacing: 'small', color: p.effectiveStatus === 'vapaa' ? 'good' : 'default' },
            ),
          ),
        ],
      }),
    );
  }
  return adaptiveCard({ body });
}
