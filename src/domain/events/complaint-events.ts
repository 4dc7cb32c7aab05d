import type { ActorRef, Region } from '../records/common.js';
import type { Complaint } from '../records/complaint.js';
import type { EventBase } from '../events.js';

/** One step of a complaint's handling: who moved it to which status, and when (seed 002: measure the times). */
export interface ComplaintStepEntry {
  status: Complaint['status'];
  by: ActorRef;
  at: string;
}

/**
 * Everything a complaint card shows (thesis 4.4.3), a snapshot taken when the step happened: the full
 * card renders all of it; the sales summary only the customer, home, severity, received date and status.
 */
export interface ComplaintCardData {
  complaintId: string;
  /** The complaint's version when the card was made: the card's next-step action refers to it. */
  version: number;
  customerId: string;
  customerName: string;
  careHomeId: string;
  careHomeName: string;
  region: Region;
  receivedDate: string;
  channel: Complaint['channel'];
  severity: Complaint['severity'];
  status: Complaint['status'];
  matter: string;
  correctiveActions?: string | undefined;
  /** The regional director's written reply, when one was given. */
  replyText?: string | undefined;
  /** Every step so far, oldest first (received first). */
  history: ComplaintStepEntry[];
  /** Target date of the next step; absent once closed. */
  nextStepDue?: string | undefined;
  recordedBy: ActorRef;
}

/**
 * `complaint.received` is posted in full to management and the quality manager and as a summary
 * (no free text) to sales; later steps update the posted cards in place. Both carry
 * recordKey `complaint:<id>`, so the update finds every card posted for the complaint.
 */
export type ComplaintReceivedEvent = EventBase<'complaint.received', ComplaintCardData>;
/** A later step (actions agreed, corrected, informed, closed): the posted cards update in place. */
export type ComplaintChangedEvent = EventBase<'complaint.changed', ComplaintCardData>;
export type ComplaintEvent = ComplaintReceivedEvent | ComplaintChangedEvent;

/** The record key both complaint events carry. */
export function complaintRecordKey(complaintId: string): string {
  return `complaint:${complaintId}`;
}
