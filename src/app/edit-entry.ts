import { z } from 'zod';
import type { ActorRef } from '../domain/records/common.js';
import type { Person } from '../domain/records/person.js';
import { fieldErrorsFrom } from '../domain/validation.js';
import type { CustomerEntry } from '../store/customer-entry.js';
import { recordId } from '../domain/records/common.js';
import type { AppContext } from './app-context.js';
import { allows } from './authorize.js';
import { logContact } from './log-contact.js';
import { recordNote } from './record-note.js';
import { invalid, type UseCaseResult } from './result.js';
import { DEFAULT_WITHDRAW_WINDOW_HOURS } from './withdraw-entry.js';

/**
 * Correcting an entry from the tab's customer timeline (issue 13): the same use cases as the bot's `omat` →
 * Muokkaa (log-contact.ts, record-note.ts in edit mode: the record's id and the version the page showed, so a
 * stale page is refused naming who changed it first, and the cards posted for it update in place). The
 * timeline edits the entries whose text is the entry — a contact and a note; the other kinds keep their own
 * forms in the bot (`omat`), and every kind can be withdrawn here (withdraw-entry.ts).
 */
export const tabEditableKinds = ['contactLogEntry', 'note'] as const;
export type TabEditableKind = (typeof tabEditableKinds)[number];

const editRef = z.object({ expectedVersion: z.number().int().positive(), requestId: recordId });
/** The fields the timeline's edit form names; a field it does not name stays as stored. */
const editableFields: Record<TabEditableKind, readonly string[]> = {
  contactLogEntry: ['date', 'type', 'matter', 'agreedActions', 'nextContactDate', 'nextContactTopic'],
  note: ['matter', 'specialMention'],
};

export interface EntryEdited {
  kind: TabEditableKind;
  recordId: string;
  version: number;
}

export async function editEntry(ctx: AppContext, actor: ActorRef, kind: TabEditableKind, id: string, input: Record<string, unknown>): Promise<UseCaseResult<EntryEdited>> {
  const ref = editRef.safeParse(input);
  if (!ref.success) return invalid(fieldErrorsFrom(ref.error));
  const stored = await ctx.store.records.get(kind, id);
  // Gone: the answer `omat` gives (entryToCorrect), which the use case also gives for a withdrawn one.
  if (!stored) return { ok: false, reason: 'conflict', message: 'mine.gone' };
  const base: Record<string, unknown> = { ...stored };
  for (const field of editableFields[kind]) {
    if (!(field in input)) continue;
    const value = input[field];
    // An optional text emptied on the page is cleared, as an emptied input of the bot's form is.
    if (typeof value === 'string' && value.trim() === '') delete base[field];
    else base[field] = value;
  }
  const submit = { ...formFieldsOf(kind, base), recordId: id, expectedVersion: ref.data.expectedVersion, requestId: ref.data.requestId };
  if (kind === 'contactLogEntry') {
    const result = await logContact(ctx, actor, submit);
    return result.ok ? { ...result, value: { kind, recordId: id, version: result.value.entry.version } } : result;
  }
  const result = await recordNote(ctx, actor, submit);
  return result.ok ? { ...result, value: { kind, recordId: id, version: result.value.note.version } } : result;
}

/** What the kind's command takes of a stored record: its own fields, not the meta, author or withdrawal. */
function formFieldsOf(kind: TabEditableKind, record: Record<string, unknown>): Record<string, unknown> {
  const keep = kind === 'contactLogEntry' ? ['customerId', ...editableFields.contactLogEntry] : ['customerId', 'careHomeId', ...editableFields.note];
  return Object.fromEntries(keep.filter((k) => record[k] !== undefined).map((k) => [k, record[k]]));
}

/** What a reader may do with a timeline entry: whether it is theirs, and whether the page offers edit and withdraw. */
export interface EntryActions {
  mine: boolean;
  mayEdit: boolean;
  mayWithdraw: boolean;
}

/**
 * The same rules as the use cases (correct-entry.ts mayCorrect, withdraw-entry.ts): its author may correct
 * it, and withdraw it within the window (WITHDRAW_WINDOW_HOURS); others only with correctOthersEntries.
 * Decided for the buttons; the use case decides again when one is pressed.
 */
export function entryActionsFor(ctx: AppContext, person: Person, entry: Pick<CustomerEntry, 'kind' | 'createdBy' | 'createdAt'>): EntryActions {
  const mine = entry.createdBy !== undefined && entry.createdBy === person.userId;
  const answersForRecords = allows(person, 'correctOthersEntries');
  const hours = ctx.withdrawWindowHours ?? DEFAULT_WITHDRAW_WINDOW_HOURS;
  const withinWindow = entry.createdAt !== undefined && ctx.clock.now().getTime() <= Date.parse(entry.createdAt) + hours * 3_600_000;
  const editable = (tabEditableKinds as readonly string[]).includes(entry.kind);
  return { mine, mayEdit: editable && (mine || answersForRecords), mayWithdraw: (mine && withinWindow) || answersForRecords };
}
