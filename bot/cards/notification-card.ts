import type { DomainEvent } from '../../src/domain/events.js';
import type { Locale } from '../../src/i18n/messages.js';
import type { AdaptiveCard } from './elements.js';
import { placeFreedCard } from './place-freed-card.js';

/** The card for each domain event the routing table sends somewhere. */
export function notificationCard(event: DomainEvent, locale: Locale): AdaptiveCard {
  switch (event.type) {
    case 'place.freed':
      return placeFreedCard(event, locale);
  }
}
