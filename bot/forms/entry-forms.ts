import type { RecordedEntryKind } from '../../src/store/record-queries.js';
import { placeFlow } from '../flows/place-flow.js';
import { complaintFlow } from '../flows/complaint-flow.js';
import { contactLogForm } from '../flows/contact-log-flow.js';
import type { FlowContext } from '../flows/flow.js';
import { homeEventForm } from '../flows/home-event-flow.js';
import { meetingForm } from '../flows/meeting-flow.js';
import { noteForm } from '../flows/note-flow.js';
import { visitForm } from '../flows/visit-flow.js';
import type { EntryForm } from './entry-form.js';

/**
 * Each kind's form as `omat` and the receipts open it (issue 11). A freed place and a complaint change on
 * their own cards (reserve, sell, release; the complaint's handling steps), so `omat` withdraws them but
 * opens no edit form; their "record another" is the command's own form.
 */
export const entryForms: { readonly [K in RecordedEntryKind]?: EntryForm<K> } = {
  supervisionVisit: visitForm,
  homeEvent: homeEventForm,
  contactLogEntry: contactLogForm,
  note: noteForm,
  developmentMeeting: meetingForm,
};

/** A fresh form of the kind: its flow's own (for a place or a complaint, the command's form). */
export async function openFreshForm(ctx: FlowContext, kind: RecordedEntryKind): Promise<void> {
  if (kind === 'place') return placeFlow.onCommand?.('freePlace', '', ctx);
  if (kind === 'complaint') return complaintFlow.onCommand?.('complaint', '', ctx);
  return entryForms[kind]?.open(ctx);
}
