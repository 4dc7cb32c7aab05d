import type { EventBase } from '../events.js';

/**
 * Complaint events (thesis 4.4.3). SLOT for the complaint flow: `complaint.received` is posted in full
 * to management and the quality manager and as a summary (no free text) to sales; later steps update
 * the posted cards in place.
 */
export interface ComplaintCardData {
  complaintId: string;
}

export type ComplaintReceivedEvent = EventBase<'complaint.received', ComplaintCardData>;
/** A later step (actions agreed, corrected, informed, closed): the posted cards update in place. */
export type ComplaintChangedEvent = EventBase<'complaint.changed', ComplaintCardData>;
export type ComplaintEvent = ComplaintReceivedEvent | ComplaintChangedEvent;
