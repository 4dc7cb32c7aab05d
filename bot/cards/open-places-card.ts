import { OPEN_PLACES_SHOWN, type OpenPlacesOfHome, type OpenPlacesView } from '../../src/app/list-open-places.js';
import { formatDate, t, tn, type Locale } from '../../src/i18n/messages.js';
import { adaptiveCard, container, textBlock, type AdaptiveCard, type CardElement, type TextBlock } from './elements.js';

/**
 * One open place as a line: label, service type, customer group, status and date; free ones in bold. Not in green:
 * Teams' good colour is 2.1:1 on white, and the status word ("vapaa") says it already.
 */
export function openPlaceLine(locale: Locale, p: OpenPlacesOfHome['places'][number], spacing: 'none' | 'small'): TextBlock {
  return textBlock(
    t(locale, 'card.places.line', {
      label: p.label,
      serviceType: t(locale, `serviceType.${p.serviceType}`),
      customerGroup: t(locale, `customerGroup.${p.customerGroup}`),
      status: t(locale, `status.${p.effectiveStatus}`),
      date: p.freeFrom ? `${t(locale, `statusDate.${p.effectiveStatus}`)} ${formatDate(locale, p.freeFrom)}`.trim() : '',
    }),
    { spacing, ...(p.effectiveStatus === 'vapaa' ? { weight: 'bolder' as const } : {}) },
  );
}

/**
 * `paikat`: the free and freeing places, grouped by home, soonest first. The view is a bounded page
 * (src/app/list-open-places.ts); what it left out is counted, so the card stays within Teams' size limit.
 */
export function openPlacesCard(locale: Locale, view: OpenPlacesView): AdaptiveCard {
  const body: CardElement[] = [textBlock(t(locale, 'card.places.title'), { size: 'large', weight: 'bolder' })];
  if (view.total === 0) {
    body.push(textBlock(t(locale, 'card.places.none')));
    return adaptiveCard({ body });
  }
  body.push(textBlock(tn(locale, 'card.places.summary', view.total, { homes: tn(locale, 'card.places.homes', view.homes) }), { isSubtle: true }));
  const { groups, notShown } = firstPlaces(view, OPEN_PLACES_SHOWN);
  for (const group of groups) {
    body.push(
      container({
        separator: true,
        items: [textBlock(`${group.home.name} · ${t(locale, `region.${group.home.region}`)}`, { weight: 'bolder' }), ...group.places.map((p) => openPlaceLine(locale, p, 'small'))],
      }),
    );
  }
  if (notShown > 0) body.push(notShownLine(locale, notShown));
  return adaptiveCard({ body });
}

/**
 * The first `max` places of a view, in its groups, and how many it leaves out. The use case reads a bounded
 * page already; the card bounds again so that no view, however it was made, gives a card over Teams' limit.
 */
export function firstPlaces(view: OpenPlacesView, max: number): { groups: OpenPlacesOfHome[]; notShown: number } {
  const groups: OpenPlacesOfHome[] = [];
  let room = max;
  for (const group of view.groups) {
    if (room <= 0) break;
    groups.push({ ...group, places: group.places.slice(0, room) });
    room -= Math.min(room, group.places.length);
  }
  const shown = max - room;
  const inView = view.groups.reduce((n, g) => n + g.places.length, 0);
  return { groups, notShown: view.notShown + inView - shown };
}

/** "…and 12 more places not shown here": a bounded list says what it left out. */
export function notShownLine(locale: Locale, count: number): TextBlock {
  return textBlock(tn(locale, 'card.places.notShown', count), { isSubtle: true, separator: true });
}
