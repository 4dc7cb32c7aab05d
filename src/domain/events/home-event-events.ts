import type { EventBase } from '../events.js';

/**
 * SLOT (home-event helper fills this in): a home event (relatives' evening, summer party, …) the
 * municipality attended was logged; management and sales are told like of a supervision visit.
 */
export interface HomeEventLoggedData {
  homeEventId: string;
}

export type HomeEventLoggedEvent = EventBase<'homeEvent.logged', HomeEventLoggedData>;
