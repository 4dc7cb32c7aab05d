import { randomUUID } from 'node:crypto';
import { OPEN_PLACES_SHOWN, type ListedPlace, type OpenPlacesOfHome, type OpenPlacesView } from '../../src/app/list-open-places.js';
import type { PlaceStatus } from '../../src/domain/records/place.js';
import { formatDate, t, tn, type Locale } from '../../src/i18n/messages.js';
import { actionExecute, actionSet, adaptiveCard, column, columnSet, container, textBlock, type AdaptiveCard, type CardElement, type TextBlock } from './elements.js';

/** One open place as a line: label, service type, customer group, status and date; free ones in green. */
export function openPlaceLine(locale: Locale, p: OpenPlacesOfHome['places'][number], spacing: 'none' | 'small'): TextBlock {
  return textBlock(
    t(locale, 'card.places.line', {
      label: p.label,
      serviceType: t(locale, `serviceType.${p.serviceType}`),
      customerGroup: t(locale, `customerGroup.${p.customerGroup}`),
      status: t(locale, `status.${p.effectiveStatus}`),
      date: p.freeFrom ? `${t(locale, dateWord(p.effectiveStatus))} ${formatDate(locale, p.freeFrom)}`.trim() : '',
    }),
    // Free ones in bold, not in green: Teams' good colour is 2.1:1 on white, and the status word says it already.
    { spacing, ...(p.effectiveStatus === 'vapaa' ? { weight: 'bolder' as const } : {}) },
  );
}

/** The word before a place's date: "vapaa alkaen", "vapautuu", and a reserved place "alkaen" the day it is free. */
function dateWord(status: PlaceStatus): string {
  return status === 'alustavasti-varattu' || status === 'kaytossa' ? 'placeList.reservedFrom' : `statusDate.${status}`;
}

/**
 * *Varaa* on a free or freeing place: the place flow answers 'place.open' with that place's card for the one
 * who pressed, where they choose the customer and reserve (the rule of who may reserve is the use case's).
 */
export function reserveButton(locale: Locale, placeId: string): CardElement {
  return actionSet({ actions: [actionExecute({ title: t(locale, 'placeList.reserve'), verb: 'place.open', data: { requestId: randomUUID(), placeId } })] });
}

/**
 * A place on the `paikat` list: an open one with *Varaa* beside it, a reserved one with the customer it is
 * reserved for and who reserved it (thesis 6.1: "a preliminary reservation and the reserver's name").
 */
function listedPlace(locale: Locale, p: ListedPlace): CardElement {
  const lineOf = openPlaceLine(locale, p, 'none');
  if (p.effectiveStatus === 'alustavasti-varattu') {
    const reservedFor = t(locale, 'placeList.reservedFor', { customer: p.reservedForName ?? '?', who: p.reservedBy?.name ?? '?' });
    return container({ spacing: 'small', items: [lineOf, textBlock(reservedFor, { spacing: 'none', isSubtle: true, size: 'small' })] });
  }
  return columnSet({
    spacing: 'small',
    columns: [
      column({ width: 'stretch', items: [lineOf] }),
      column({ width: 'auto', verticalContentAlignment: 'center', items: [reserveButton(locale, p.id)] }),
    ],
  });
}

/**
 * `paikat`: the free, freeing and preliminarily reserved places, grouped by home, soonest first. The view
 * is a bounded page (src/app/list-open-places.ts); what it left out is counted, so the card stays within
 * Teams' size limit.
 */
export function openPlacesCard(locale: Locale, view: OpenPlacesView): AdaptiveCard {
  const narrowed = view.narrowedTo ? ('region' in view.narrowedTo ? t(locale, `region.${view.narrowedTo.region}`) : view.narrowedTo.homes) : undefined;
  const title = narrowed ? t(locale, 'placeList.titleOf', { where: narrowed }) : t(locale, 'placeList.title');
  const body: CardElement[] = [textBlock(title, { size: 'large', weight: 'bolder' })];
  if (view.total === 0) {
    body.push(textBlock(t(locale, 'placeList.none')));
    return adaptiveCard({ body });
  }
  body.push(textBlock(tn(locale, 'card.places.summary', view.total, { homes: tn(locale, 'card.places.homes', view.homes) }), { isSubtle: true }));
  const { groups, notShown } = firstPlaces(view, OPEN_PLACES_SHOWN);
  for (const group of groups) {
    body.push(
      container({
        separator: true,
        items: [textBlock(`${group.home.name} · ${t(locale, `region.${group.home.region}`)}`, { weight: 'bolder' }), ...group.places.map((p) => listedPlace(locale, p))],
      }),
    );
  }
  if (notShown > 0) body.push(notShownLine(locale, notShown));
  return adaptiveCard({ body });
}

/** `paikat <text>` matched no region and no home: say so, with what can be typed. */
export function placesFilterUnknownCard(locale: Locale, typed: string): AdaptiveCard {
  return adaptiveCard({ body: [textBlock(t(locale, 'placeList.unknownFilter', { typed }))] });
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
