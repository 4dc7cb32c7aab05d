import type { ActorRef, Region } from '../records/common.js';
import type { HomeEvent } from '../records/home-event.js';
import type { EventBase } from '../events.js';
import type { Mention } from './visit-events.js';

/** A municipal official who came to the event, with the customer they represent. */
export interface HomeEventAttendee {
  contactId: string;
  name: string;
  customerId: string;
  customerName: string;
}

/**
 * A home event (relatives' evening, summer party, …) was logged: "customer attended a home event →
 * sales, same way as a visit" (DOMAIN.md routing; thesis 6.1, 6.3), so management and sales are told and
 * a special mention @mentions the sales people. The snapshot holds what the card shows.
 */
export interface HomeEventLoggedData {
  homeEventId: string;
  careHomeId: string;
  careHomeName: string;
  region: Region;
  date: string;
  kind: HomeEvent['kind'];
  title: string;
  attendees: HomeEventAttendee[];
  /** The customers that attended (from the attendees), each once. */
  customers: { id: string; name: string }[];
  whatCameUp?: string | undefined;
  specialMention: boolean;
  mentions: Mention[];
  recordedBy: ActorRef;
}

export type HomeEventLoggedEvent = EventBase<'homeEvent.logged', HomeEventLoggedData>;
