import type { EventBase } from '../events.js';

/**
 * SLOT (note helper fills this in): information one side learned that the other needs. Two event
 * types, so the routing table stays a plain table: from sales → management, from production → sales.
 */
export interface NoteRecordedData {
  noteId: string;
}

export type NoteFromSalesEvent = EventBase<'note.fromSales', NoteRecordedData>;
export type NoteFromProductionEvent = EventBase<'note.fromProduction', NoteRecordedData>;
export type NoteEvent = NoteFromSalesEvent | NoteFromProductionEvent;
