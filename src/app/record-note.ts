import { noteDirectionFor, noteEventTypeFor, recordNoteCommand } from '../domain/commands/record-note.js';
import type { NoteEvent } from '../domain/events/note-events.js';
import { firstVersion, type ActorRef } from '../domain/records/common.js';
import type { Note, NoteDirection } from '../domain/records/note.js';
import { fieldErrorsFrom } from '../domain/validation.js';
import type { AppContext } from './app-context.js';
import { commitEntry, correctionOf, entryToCorrect, nextVersion } from './correct-entry.js';
import { referencedRecords } from './referenced-records.js';
import { authorize, homeScope, personOf } from './authorize.js';
import { listPeople } from './people.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';
import { salesMentions } from './sales-mentions.js';

export interface NoteRecorded {
  note: Note;
  customerName: string;
  careHomeName?: string | undefined;
}

/**
 * Which side of the house the acting user is on, so a note can go to the other side: sales → management,
 * anyone else in the people list → sales. Someone not in the people list cannot be placed on either side.
 */
export async function noteDirectionOf(ctx: AppContext, actor: ActorRef): Promise<UseCaseResult<NoteDirection>> {
  const person = await personOf(ctx, actor);
  if (!person) return forbidden({ message: 'auth.notInPeopleList', roles: [] });
  return { ok: true, duplicate: false, value: noteDirectionFor(person.roles) };
}

/**
 * Information one side learned that the other needs (thesis 6.1, 6.3: "sales learned something
 * production needs → production/management, same way", and the other way round). The direction, and so
 * who is told, follows the recorder's role. A special mention is put first on the card; when the note
 * goes to sales it @mentions the sales people.
 */
export async function recordNote(ctx: AppContext, actor: ActorRef, input: unknown): Promise<UseCaseResult<NoteRecorded>> {
  // In edit mode (`omat` → Muokkaa, a receipt's Muokkaa) the form also names the entry and the version it showed.
  const { correction, fields: submitted, malformed } = correctionOf(input);
  if (malformed) return { ok: false, reason: 'conflict', message: 'mine.gone' };
  const parsed = recordNoteCommand.safeParse(submitted);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const { requestId, ...fields } = parsed.data;
  const { customer, home, errors } = await referencedRecords(ctx, fields);
  if (!customer || errors.length > 0) return invalid(errors);
  const mayRecord = await authorize(ctx, actor, home ? 'recordForHome' : 'logContact', home ? homeScope(home) : undefined);
  if (!mayRecord.ok) return forbidden(mayRecord);
  const direction = await noteDirectionOf(ctx, actor);
  if (!direction.ok) return direction;

  const target = correction ? await entryToCorrect(ctx, actor, 'note', correction) : undefined;
  if (target && !target.ok) return target.refusal;
  const replaces = target?.record;

  const at = ctx.clock.now().toISOString();
  // A corrected note keeps its direction and author: it went where it went.
  const note: Note = {
    ...(replaces ? nextVersion(replaces, at) : firstVersion(requestId, actor, at)),
    ...fields,
    direction: replaces?.direction ?? direction.value,
    recordedBy: replaces?.recordedBy ?? actor,
  };
  const people = await listPeople(ctx);
  const data = {
    noteId: note.id,
    direction: note.direction,
    customerId: customer.id,
    customerName: customer.name,
    careHomeId: home?.id,
    careHomeName: home?.name,
    matter: note.matter,
    specialMention: note.specialMention,
    // Only a note that goes to sales @mentions the sales people; management is told in its channel.
    mentions: note.direction === 'tuotannosta-myyntiin' ? salesMentions(people, note.specialMention) : [],
    recordedBy: note.recordedBy,
  };
  const base = { eventId: ctx.newId(), occurredAt: at, actor, recordKey: `note:${note.id}`, data };
  const type = noteEventTypeFor(note.direction);
  const event: NoteEvent = type === 'note.fromSales' ? { type, ...base } : { type, ...base };
  const value: NoteRecorded = { note, customerName: customer.name, careHomeName: home?.name };
  return commitEntry(ctx, { at, actor, kind: 'note', record: note, replaces, event, people, idempotencyKey: `recordNote:${requestId}`, result: value });
}
