import type { WeeklyDigestEvent } from '../../src/domain/events/digest-events.js';
import type { Locale } from '../../src/i18n/messages.js';
import { adaptiveCard, textBlock, type AdaptiveCard } from './elements.js';

/** SLOT: filled in by the flow that owns this card. */
export function weeklyDigestCard(event: WeeklyDigestEvent, _locale: Locale): AdaptiveCard {
  return adaptiveCard({ body: [textBlock(event.type)] });
}
