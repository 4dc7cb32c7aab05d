import type { ActorRef, CustomerGroup, Region, ServiceType } from './records/common.js';
import type { PlaceStatus } from './records/place.js';
import type { AgreementRecordedEvent } from './events/agreement-events.js';
import type { EncounterDueEvent } from './events/plan-events.js';
import type { InstallNoticeEvent } from './events/channel-events.js';
import type { ComplaintEvent } from './events/complaint-events.js';
import type { ContactLoggedEvent } from './events/contact-log-events.js';
import type { WeeklyDigestEvent } from './events/digest-events.js';
import type { ChannelBrokenEvent } from './events/delivery-events.js';
import type { HomeEventLoggedEvent } from './events/home-event-events.js';
import type { DevelopmentMeetingRecordedEvent, MeetingEvent } from './events/meeting-events.js';
import type { EntryEvent } from './events/entry-events.js';
import type { NoteEvent } from './events/note-events.js';
import type { VisitEvent } from './events/visit-events.js';

/**
 * Domain events: what happened, with the snapshot a notification needs, so a card posted later (the
 * outbox may retry for minutes) shows the facts as they were when the user recorded them.
 */
export interface EventBase<T extends string, D> {
  type: T;
  /** Unique per event; an outbox row is keyed by (eventId, audience, recipient) so a retry never posts twice. */
  eventId: string;
  occurredAt: string;
  actor: ActorRef;
  /** The record the event's card shows ('place:<id>'), so later events can update the cards posted for it. */
  recordKey?: string;
  data: D;
}

/** Everything the place card shows; the freed-place card and its in-place updates render from this. */
export interface PlaceCardData {
  placeId: string;
  /** The place's version when the card was made: the Reserve action refers to it. */
  version: number;
  careHomeId: string;
  careHomeName: string;
  region: Region;
  label: string;
  serviceType: ServiceType;
  customerGroup: CustomerGroup;
  status: PlaceStatus;
  freeFrom: string;
  note?: string | undefined;
  /** Who recorded the place free, and when (kept on the card through later changes). */
  freedBy: ActorRef;
  freedAt: string;
  reservedForCustomerId?: string | undefined;
  reservedForName?: string | undefined;
  reservedBy?: ActorRef | undefined;
  reservedAt?: string | undefined;
  /**
   * An occupied (sold) place: who marked it sold, and when. The customer it was sold to is
   * `reservedForName`: a place is sold through its preliminary reservation, whose fields it keeps.
   */
  soldBy?: ActorRef | undefined;
  soldAt?: string | undefined;
  /** A reservation just given up (the place is open again): who released it, and when. */
  releasedBy?: ActorRef | undefined;
  releasedAt?: string | undefined;
  /** The customers the card's Reserve action offers, the home's own region first. */
  reserveChoices: { id: string; name: string }[];
  /** Customers not among the choices (a bounded list keeps the card within Teams' size limit). */
  moreReserveChoices?: number | undefined;
}

/** A place became free or freeing: the sales channel gets a card. */
export type PlaceFreedEvent = EventBase<'place.freed', PlaceCardData>;
/** A freed place was reserved, occupied or released again: the posted cards update in place. */
export type PlaceChangedEvent = EventBase<'place.changed', PlaceCardData>;

export type DomainEvent =
  | PlaceFreedEvent
  | PlaceChangedEvent
  | VisitEvent
  | HomeEventLoggedEvent
  | NoteEvent
  | DevelopmentMeetingRecordedEvent
  | MeetingEvent
  | ComplaintEvent
  | ContactLoggedEvent
  | WeeklyDigestEvent
  | InstallNoticeEvent
  | ChannelBrokenEvent
  | EntryEvent
  | AgreementRecordedEvent
  | EncounterDueEvent;
export type DomainEventType = DomainEvent['type'];

/** The record a card shows, so later events can update the cards already posted. */
export function recordKeyOf(event: DomainEvent): string | undefined {
  if (event.type === 'place.freed' || event.type === 'place.changed') return `place:${event.data.placeId}`;
  return event.recordKey;
}
