import type { ActorRef } from '../records/common.js';
import type { NoteDirection } from '../records/note.js';
import type { EventBase } from '../events.js';
import type { Mention } from './visit-events.js';

/**
 * Information one side learned that the other needs (thesis 6.1, 6.3). Two event types, so the routing
 * table stays a plain table: from sales → management (production), from production → sales.
 */
export interface NoteRecordedData {
  noteId: string;
  direction: NoteDirection;
  customerId: string;
  customerName: string;
  careHomeId?: string | undefined;
  careHomeName?: string | undefined;
  matter: string;
  specialMention: boolean;
  /** The sales people when a flagged note goes to sales; nobody when it goes to management. */
  mentions: Mention[];
  recordedBy: ActorRef;
}

export type NoteFromSalesEvent = EventBase<'note.fromSales', NoteRecordedData>;
export type NoteFromProductionEvent = EventBase<'note.fromProduction', NoteRecordedData>;
export type NoteEvent = NoteFromSalesEvent | NoteFromProductionEvent;
