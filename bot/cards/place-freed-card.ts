import type { PlaceCardData } from '../../src/domain/events.js';
import { formatDate, formatDateTime, t, type Locale } from '../../src/i18n/messages.js';
import { actionShowCard, actionSubmit, adaptiveCard, container, factSet, inputChoiceSet, textBlock, type AdaptiveCard, type CardAction, type CardElement, type ContainerStyle } from './elements.js';

const styles: Record<PlaceCardData['status'], ContainerStyle> = {
  vapaa: 'good',
  vapautuu: 'accent',
  'alustavasti-varattu': 'warning',
  kaytossa: 'emphasis',
};

/**
 * The place card in the sales channel (DOMAIN.md, "Who is told what"): posted when a place is freed,
 * then updated in place when it is reserved or sold, so everyone who saw it sees the change.
 */
export function placeCard(d: PlaceCardData, locale: Locale, requestId: string): AdaptiveCard {
  const facts: [string, string][] = [
    [t(locale, 'card.placeFreed.home'), d.careHomeName],
    [t(locale, 'card.placeFreed.region'), t(locale, `region.${d.region}`)],
    [t(locale, 'card.placeFreed.place'), d.label],
    [t(locale, 'card.placeFreed.serviceType'), t(locale, `serviceType.${d.serviceType}`)],
    [t(locale, 'card.placeFreed.customerGroup'), t(locale, `customerGroup.${d.customerGroup}`)],
    [t(locale, 'card.placeFreed.freeFrom'), formatDate(locale, d.freeFrom)],
    [t(locale, 'card.placeFreed.status'), t(locale, `status.${d.status}`)],
  ];
  if (d.note) facts.push([t(locale, 'card.placeFreed.note'), d.note]);
  const body: CardElement[] = [
    container({
      style: styles[d.status],
      items: [textBlock(`${t(locale, `card.placeFreed.title.${d.status}`)}: ${d.careHomeName} ${d.label}`, { size: 'large', weight: 'bolder' })],
    }),
    factSet(facts),
  ];
  if (d.status === 'alustavasti-varattu' && d.reservedBy && d.reservedAt) {
    body.push(
      textBlock(
        t(locale, 'card.placeFreed.reserved', { customer: d.reservedForName ?? '?', name: d.reservedBy.name, when: formatDateTime(locale, d.reservedAt) }),
        { weight: 'bolder', color: 'warning' },
      ),
    );
  }
  body.push(
    textBlock(t(locale, 'card.placeFreed.recorded', { name: d.freedBy.name, when: formatDateTime(locale, d.freedAt) }), { isSubtle: true, size: 'small' }),
  );
  const actions: CardAction[] = [];
  if ((d.status === 'vapaa' || d.status === 'vapautuu') && d.reserveChoices.length > 0) {
    actions.push(
      actionShowCard({
        title: t(locale, 'reserve.action'),
        card: {
          body: [
            inputChoiceSet({
              id: 'customerId',
              label: t(locale, 'reserve.customer'),
              placeholder: t(locale, 'form.choose'),
              choices: d.reserveChoices.map((c) => ({ title: c.name, value: c.id })),
              isRequired: true,
              errorMessage: t(locale, 'place.unknownCustomer'),
            }),
          ],
          actions: [
            actionSubmit({ title: t(locale, 'reserve.submit'), data: { action: 'place.reserve', requestId, placeId: d.placeId, version: d.version }, style: 'positive' }),
          ],
        },
      }),
    );
  }
  return adaptiveCard(actions.length > 0 ? { body, actions } : { body });
}
