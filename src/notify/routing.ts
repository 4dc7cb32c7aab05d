import type { DomainEvent, DomainEventType } from '../domain/events.js';
import type { OutboxDraft } from '../store/store-port.js';
import type { Audience } from './audience.js';

/**
 * Who is told what (DOMAIN.md, thesis 6.1 and 6.3), as data: one row per domain event.
 * Later rows (visits, complaints, meetings, …) are added here, not in handlers.
 */
export const routingTable: Record<DomainEventType, readonly Audience[]> = {
  // "place freeing / freed → sales (they check the occupancy table when a municipality calls)"
  'place.freed': ['sales'],
};

/** The outbox rows an event causes: one per audience, written in the same transaction as the record. */
export function notificationsFor(event: DomainEvent): OutboxDraft[] {
  return routingTable[event.type].map((audience) => ({
    eventId: event.eventId,
    eventType: event.type,
    audience,
    payload: event,
  }));
}
