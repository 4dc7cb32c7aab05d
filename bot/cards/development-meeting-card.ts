import type { DevelopmentMeetingRecordedEvent } from '../../src/domain/events/meeting-events.js';
import type { Locale } from '../../src/i18n/messages.js';
import { adaptiveCard, textBlock, type AdaptiveCard } from './elements.js';

/** SLOT: filled in by the flow that owns this card. */
export function developmentMeetingCard(event: DevelopmentMeetingRecordedEvent, _locale: Locale): AdaptiveCard {
  return adaptiveCard({ body: [textBlock(event.type)] });
}
