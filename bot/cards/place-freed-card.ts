import { RESERVE_CHOICES } from '../../src/app/place-card-data.js';
import type { PlaceCardData } from '../../src/domain/events.js';
import { formatDate, formatDateTime, t, tn, type Locale } from '../../src/i18n/messages.js';
import { customerChoiceSet } from '../forms/form-card.js';
import type { PlaceActions } from '../../src/app/place-view.js';
import { actionExecute, actionShowCard, adaptiveCard, inputChoiceSet, container, factSet, textBlock, type AdaptiveCard, type CardAction, type CardElement, type ContainerStyle, type RefreshDefinition } from './elements.js';
import { noticeBlock, type Notice } from './notice.js';

const styles: Record<PlaceCardData['status'], ContainerStyle> = {
  vapaa: 'good',
  vapautuu: 'accent',
  'alustavasti-varattu': 'warning',
  kaytossa: 'emphasis',
};

/**
 * Which view of the place card this is. The posted card is everyone's (`actions` all, or none with a
 * `refresh` when each person gets their own view); a person's view shows the actions their role allows, the
 * answer to what they pressed (`notice`), a confirmation before selling or releasing, and what they typed.
 */
export interface PlaceCardView {
  actions: PlaceActions;
  notice?: Notice | undefined;
  confirm?: 'sell' | 'release' | undefined;
  /** The customer they had chosen, kept when a reservation was refused. */
  customerId?: string | undefined;
  refresh?: RefreshDefinition | undefined;
}

export const allPlaceActions: PlaceActions = { reserve: true, settle: true };

/**
 * The place card in the sales channel (DOMAIN.md, "Who is told what"): posted when a place is freed,
 * then updated in place when it is reserved, sold or released, so everyone who saw it sees the change.
 * A free or freeing place offers Reserve; a reserved one offers Sell and Release (each asks to confirm);
 * a sold one nothing. The buttons are Action.Execute: the answer goes to the one who pressed only.
 */
export function placeCard(d: PlaceCardData, locale: Locale, requestId: string, view: PlaceCardView = { actions: allPlaceActions }): AdaptiveCard {
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
    ...(view.notice ? [noticeBlock(view.notice)] : []),
    container({
      style: styles[d.status],
      items: [textBlock(`${t(locale, `card.placeFreed.title.${d.status}`)}: ${d.careHomeName} ${d.label}`, { size: 'large', weight: 'bolder' })],
    }),
    factSet(facts),
  ];
  const reservedLine =
    d.reservedBy && d.reservedAt
      ? t(locale, 'card.placeFreed.reserved', { customer: d.reservedForName ?? '?', name: d.reservedBy.name, when: formatDateTime(locale, d.reservedAt) })
      : undefined;
  if (d.status === 'alustavasti-varattu' && reservedLine) {
    // Bold in the default colour: warning yellow on white is 1.5:1; the line's words say it is reserved.
    body.push(textBlock(reservedLine, { weight: 'bolder' }));
  }
  if (d.status === 'kaytossa') {
    // Sold: who sold it, to which customer, when; the reservation it came from in small print.
    if (d.soldBy && d.soldAt) {
      body.push(
        textBlock(t(locale, 'card.placeFreed.sold', { customer: d.reservedForName ?? '?', name: d.soldBy.name, when: formatDateTime(locale, d.soldAt) }), {
          weight: 'bolder',
        }),
      );
    }
    if (reservedLine) body.push(textBlock(reservedLine, { isSubtle: true, size: 'small' }));
  } else if (d.releasedBy && d.releasedAt && (d.status === 'vapaa' || d.status === 'vapautuu')) {
    body.push(
      textBlock(t(locale, 'card.placeFreed.released', { name: d.releasedBy.name, when: formatDateTime(locale, d.releasedAt) }), { isSubtle: true, size: 'small' }),
    );
  } else {
    body.push(
      textBlock(t(locale, 'card.placeFreed.recorded', { name: d.freedBy.name, when: formatDateTime(locale, d.freedAt) }), { isSubtle: true, size: 'small' }),
    );
  }
  const actions: CardAction[] = [];
  const data = { requestId, placeId: d.placeId, version: d.version };
  if (d.status === 'alustavasti-varattu' && view.actions.settle && view.confirm) {
    // "Selling and releasing ask for confirmation": the question, Yes, and Back to the card.
    const customer = d.reservedForName ?? '?';
    body.push(textBlock(t(locale, view.confirm === 'sell' ? 'view.place.confirmSell' : 'view.place.confirmRelease', { label: d.label, customer }), { weight: 'bolder', spacing: 'medium' }));
    actions.push(
      actionExecute({ title: t(locale, view.confirm === 'sell' ? 'view.place.yesSell' : 'view.place.yesRelease'), verb: view.confirm === 'sell' ? 'place.sellConfirmed' : 'place.releaseConfirmed', data, style: view.confirm === 'sell' ? 'positive' : 'destructive' }),
      actionExecute({ title: t(locale, 'view.back'), verb: 'place.view', data: { requestId, placeId: d.placeId } }),
    );
  } else if (d.status === 'alustavasti-varattu' && view.actions.settle) {
    // The end of a reservation (thesis 6.1): sold to the customer it was reserved for, or released.
    actions.push(
      actionExecute({ title: t(locale, 'settle.sellAction'), verb: 'place.sell', data, style: 'positive' }),
      actionExecute({ title: t(locale, 'settle.releaseAction'), verb: 'place.release', data, style: 'destructive' }),
    );
  }
  // Bounded here too: a payload made before the choices were bounded (still waiting in the outbox) stays within Teams' limit.
  const choices = d.reserveChoices.slice(0, RESERVE_CHOICES);
  const kept = view.customerId && !choices.some((c) => c.id === view.customerId) ? d.reserveChoices.find((c) => c.id === view.customerId) : undefined;
  const moreChoices = (d.moreReserveChoices ?? 0) + d.reserveChoices.length - choices.length;
  if ((d.status === 'vapaa' || d.status === 'vapautuu') && view.actions.reserve && choices.length > 0) {
    actions.push(
      actionShowCard({
        title: t(locale, 'reserve.action'),
        card: {
          body: [
            // A first page (the home's region first) and the others by typing: any customer can be reserved for.
            // When every customer is on the first page there is nothing to type for: a plain list.
            (moreChoices > 0 ? customerChoiceSet : inputChoiceSet)({
              id: 'customerId',
              label: t(locale, 'reserve.customer'),
              placeholder: t(locale, 'form.searchCustomer'),
              choices: [...(kept ? [kept] : []), ...choices].map((c) => ({ title: c.name, value: c.id })),
              ...(view.customerId ? { value: view.customerId } : {}),
              isRequired: true,
              errorMessage: t(locale, 'place.unknownCustomer'),
            }),
            ...(moreChoices > 0 ? [textBlock(tn(locale, 'reserve.moreChoices', moreChoices, { shown: tn(locale, 'reserve.shown', choices.length) }), { isSubtle: true, size: 'small' })] : []),
          ],
          actions: [actionExecute({ title: t(locale, 'reserve.submit'), verb: 'place.reserve', data, style: 'positive' })],
        },
      }),
    );
  }
  return adaptiveCard({ body, ...(actions.length > 0 ? { actions } : {}), ...(view.refresh ? { refresh: view.refresh } : {}) });
}
