import type { RecordedEntryKind } from '../../src/store/record-queries.js';
import { placeFlow } from '../flows/place-flow.js';
import { complaintFlow } from '../flows/complaint-flow.js';
import { contactLogForm } from '../flows/contact-log-flow.js';
import type { FlowContext } from '../flows/flow.js';
import { homeEventForm } from '../flows/home-event-flow.js';
import { meetingForm } from '../flows/meeting-flow.js';
import { noteForm } from '../flows/note-flow.js';
import { visitForm } from '../flows/visit-flow.js';
import { complaintEditForm } from './complaint-edit-form.js';
import type { EntryForm } from './entry-form.js';
import { placeEditForm } from './place-edit-form.js';

/**
 * Each kind's form as `omat` and the receipts open it (issue 11). A freed place and a complaint open their
 * edit form here (saved by their use cases under `mine.*` verbs, their own flows untouched); their "record
 * another" is the command's own form.
 */
export const entryForms: { readonly [K in RecordedEntryKind]?: EntryForm<K> } = {
  place: placeEditForm,
  complaint: complaintEditForm,
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
