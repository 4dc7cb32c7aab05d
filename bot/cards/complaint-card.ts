import type { ComplaintEvent } from '../../src/domain/events/complaint-events.js';
import type { Locale } from '../../src/i18n/messages.js';
import type { NotificationVariant } from '../../src/store/store-port.js';
import { adaptiveCard, textBlock, type AdaptiveCard } from './elements.js';

/** SLOT for the complaint flow: the complaint card, full or summary. */
export function complaintCard(event: ComplaintEvent, _locale: Locale, _variant: NotificationVariant): AdaptiveCard {
  return adaptiveCard({ body: [textBlock(event.data.complaintId)] });
}
