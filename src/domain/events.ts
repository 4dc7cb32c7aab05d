import type { ActorRef, CustomerGroup, Region, ServiceType } from './records/common.js';

/**
 * Domain events: what happened, with the snapshot a notification needs, so a card posted later
 * (the outbox may retry for minutes) shows the facts as they were when the user recorded them.
 */
export interface PlaceFreedData {
  placeId: string;
  careHomeId: string;
  careHomeName: string;
  region: Region;
  label: string;
  serviceType: ServiceType;
  customerGroup: CustomerGroup;
  status: 'vapaa' | 'vapautuu';
  freeFrom: string;
  note?: string | undefined;
}

interface EventBase<T extends string, D> {
  type: T;
  /** Unique per event; an outbox row is keyed by (eventId, audience) so a retry never posts twice. */
  eventId: string;
  occurredAt: string;
  actor: ActorRef;
  data: D;
}

export type PlaceFreedEvent = EventBase<'place.freed', PlaceFreedData>;

export type DomainEvent = PlaceFreedEvent;
export type DomainEventType = DomainEvent['type'];
