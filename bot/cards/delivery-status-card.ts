import type { DeliveryStatus } from '../../src/app/delivery-status.js';
import { formatDateTime, formatNumber, t, type Locale } from '../../src/i18n/messages.js';
import { adaptiveCard, factSet, textBlock, warningText, type AdaptiveCard, type CardElement } from './elements.js';

/** How many dead cards the card lists one by one; the count says how many there are in all. */
const MAX_LISTED = 20;

/** `tila` / `status`: counts by state, the oldest card not sent, every broken channel and the dead cards. */
export function deliveryStatusCard(status: DeliveryStatus, locale: Locale): AdaptiveCard {
  const { counts, oldestUnsent, dead, brokenChannels } = status;
  const what = (eventType: string, audience: string) => ({
    what: t(locale, `delivery.event.${eventType}`),
    audience: t(locale, `delivery.audience.${audience}`),
  });
  const body: CardElement[] = [
    textBlock(t(locale, 'delivery.status.title'), { size: 'large', weight: 'bolder' }),
    factSet([
      [t(locale, 'delivery.status.pending'), formatNumber(locale, counts.pending)],
      [t(locale, 'delivery.status.waiting'), formatNumber(locale, counts.waiting)],
      [t(locale, 'delivery.status.dead'), formatNumber(locale, counts.dead)],
      [t(locale, 'delivery.status.sent'), formatNumber(locale, counts.sent)],
    ]),
    textBlock(
      oldestUnsent
        ? t(locale, 'delivery.status.oldest', {
            ...what(oldestUnsent.eventType, oldestUnsent.audience),
            when: formatDateTime(locale, oldestUnsent.createdAt),
            state: oldestUnsent.reason,
          })
        : t(locale, 'delivery.status.oldestNone'),
      { wrap: true },
    ),
    ...brokenChannels.map((b) =>
      warningText(t(locale, 'delivery.status.broken', { channel: b.channelName, audience: t(locale, `delivery.audience.${b.audience}`), when: formatDateTime(locale, b.brokenAt), reason: b.reason })),
    ),
    textBlock(t(locale, 'delivery.status.deadTitle', { count: dead.length }), { weight: 'bolder', spacing: 'medium' }),
    ...(dead.length === 0
      ? [textBlock(t(locale, 'delivery.status.deadNone'))]
      : [
          ...dead.slice(0, MAX_LISTED).map((d) =>
            textBlock(t(locale, 'delivery.status.deadItem', { ...what(d.eventType, d.audience), when: formatDateTime(locale, d.createdAt), reason: d.reason }), { wrap: true }),
          ),
          textBlock(t(locale, 'delivery.status.retryHint'), { isSubtle: true }),
        ]),
  ];
  return adaptiveCard({ body });
}
