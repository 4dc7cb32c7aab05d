import type { ChannelBrokenEvent } from '../../src/domain/events/delivery-events.js';
import { formatDateTime, t, type Locale } from '../../src/i18n/messages.js';
import { adaptiveCard, factSet, textBlock, type AdaptiveCard } from './elements.js';

/** To an admin: which channel Teams refuses, what it said, and what to do (issue 9, "never silently dead"). */
export function channelBrokenCard(event: ChannelBrokenEvent, locale: Locale): AdaptiveCard {
  const d = event.data;
  return adaptiveCard({
    body: [
      textBlock(t(locale, 'delivery.broken.title', { channel: d.channelName }), { size: 'large', weight: 'bolder', wrap: true }),
      factSet([
        [t(locale, 'delivery.broken.audience'), t(locale, `delivery.audience.${d.audience}`)],
        [t(locale, 'delivery.broken.reason'), d.reason],
        [t(locale, 'delivery.broken.when'), formatDateTime(locale, event.occurredAt)],
      ]),
      textBlock(t(locale, 'delivery.broken.todo'), { wrap: true }),
    ],
  });
}
