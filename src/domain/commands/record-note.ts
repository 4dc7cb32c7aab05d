import { z } from 'zod';
import { recordId } from '../records/common.js';
import { noteInputSchema, type NoteDirection } from '../records/note.js';
import type { Person } from '../records/person.js';

/**
 * What someone submits with `tieto` / `note`: the note's input schema minus who recorded it and the
 * direction, which both follow from the signed-in user.
 */
export const recordNoteCommand = noteInputSchema.omit({ recordedBy: true, direction: true }).extend({ requestId: recordId });
export type RecordNoteCommand = z.infer<typeof recordNoteCommand>;

/**
 * Which way a note goes (thesis 6.1, 6.3): what sales learned goes to production (management), what
 * anyone else in the people list (production: home directors, regional directors, …) learned goes to sales.
 */
export function noteDirectionFor(roles: readonly Person['roles'][number][]): NoteDirection {
  return roles.includes('myynti') ? 'myynnista-tuotantoon' : 'tuotannosta-myyntiin';
}

/** The event type per direction; the routing table has one row for each. */
export function noteEventTypeFor(direction: NoteDirection): 'note.fromSales' | 'note.fromProduction' {
  return direction === 'myynnista-tuotantoon' ? 'note.fromSales' : 'note.fromProduction';
}
