import { logContactCommand } from '../domain/commands/log-contact.js';
import { instantAt } from '../domain/dates.js';
import type { ContactLoggedEvent } from '../domain/events/contact-log-events.js';
import { firstVersion, type ActorRef } from '../domain/records/common.js';
import type { ContactLogEntry } from '../domain/records/contact-log-entry.js';
import { fieldErrorsFrom } from '../domain/validation.js';
import type { AppContext } from './app-context.js';
import { commitEntry, correctionOf, entryToCorrect, nextVersion } from './correct-entry.js';
import { referencedRecords } from './referenced-records.js';
import { authorize } from './authorize.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';

export interface ContactLogged {
  entry: ContactLogEntry;
  customerName: string;
}

/** The hour a next-contact reminder arrives, Helsinki time: the start of a working day. */
export const REMINDER_TIME = '08:00';

/**
 * Who met the customer, what was said, what was agreed, and when to contact them next (thesis 6.2).
 * The reminder is queued with the entry, due on the next-contact date: it survives restarts and needs
 * no separate scheduler.
 */
export async function logContact(ctx: AppContext, actor: ActorRef, input: unknown): Promise<UseCaseResult<ContactLogged>> {
  // In edit mode (`omat` → Muokkaa, a receipt's Muokkaa) the form also names the entry and the version it showed.
  const { correction, fields: submitted, malformed } = correctionOf(input);
  if (malformed) return { ok: false, reason: 'conflict', message: 'mine.gone' };
  const parsed = logContactCommand.safeParse(submitted);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const { requestId, ...fields } = parsed.data;
  const { customer, errors } = await referencedRecords(ctx, fields);
  if (!customer) return invalid(errors);
  const mayRecord = await authorize(ctx, actor, 'logContact');
  if (!mayRecord.ok) return forbidden(mayRecord);
  const target = correction ? await entryToCorrect(ctx, actor, 'contactLogEntry', correction) : undefined;
  if (target && !target.ok) return target.refusal;
  const replaces = target?.record;
  const at = ctx.clock.now().toISOString();
  const entry: ContactLogEntry = { ...(replaces ? nextVersion(replaces, at) : firstVersion(requestId, actor, at)), ...fields, recordedBy: replaces?.recordedBy ?? actor };
  const event: ContactLoggedEvent = {
    type: 'contactLog.recorded',
    eventId: ctx.newId(),
    occurredAt: at,
    actor,
    recordKey: `contactLogEntry:${entry.id}`,
    data: {
      entryId: entry.id,
      customerId: customer.id,
      customerName: customer.name,
      date: entry.date,
      type: entry.type,
      matter: entry.matter,
      nextContactDate: entry.nextContactDate,
      nextContactTopic: entry.nextContactTopic,
      remindAt: entry.nextContactDate ? instantAt(entry.nextContactDate, REMINDER_TIME).toISOString() : undefined,
      recordedBy: entry.recordedBy,
    },
  };
  const value: ContactLogged = { entry, customerName: customer.name };
  return commitEntry(ctx, { at, actor, kind: 'contactLogEntry', record: entry, replaces, event, idempotencyKey: `logContact:${requestId}`, result: value });
}
