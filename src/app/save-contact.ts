import { z } from 'zod';
import { firstVersion, recordId, type ActorRef } from '../domain/records/common.js';
import { contactInputSchema, contactSchema, type Contact } from '../domain/records/contact.js';
import { fieldErrorsFrom } from '../domain/validation.js';
import { ConcurrencyConflict } from '../store/store-port.js';
import type { AppContext } from './app-context.js';
import { allows, authorize } from './authorize.js';
import { commitChanges } from './commit-changes.js';
import { forbidden, invalid, type UseCaseResult } from './result.js';
import { changedMeanwhile } from './update-customer.js';

/**
 * A customer's official (name, role, title, phone, e-mail, personal notes) added or changed on the tab's
 * customer page (issue 13; thesis 6.1: "contact details and contacts"). Allowed to those who develop the
 * customer relationship (authorize.ts editCustomer). Personal notes about an official are confidential
 * (DOMAIN.md): only someone who may read them may write them, and a change by anyone else keeps them as
 * they are. A change names the version the page showed; an empty text clears an optional field.
 */
const contactFields = contactInputSchema.omit({ customerId: true });
const newContact = contactFields.extend({ requestId: recordId });
const changedContact = contactFields.partial().extend({ expectedVersion: z.number().int().positive() });

/** What was typed: trimmed; an optional text left empty is absent (cleared), not an empty value. */
function typed(input: unknown): unknown {
  if (!input || typeof input !== 'object') return input;
  return Object.fromEntries(Object.entries(input as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' && v.trim() === '' && k !== 'name' ? undefined : v]));
}

export async function addContact(ctx: AppContext, actor: ActorRef, customerId: string, input: unknown): Promise<UseCaseResult<Contact>> {
  const parsed = newContact.safeParse(typed(input));
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const customer = await ctx.store.records.get('customer', customerId);
  if (!customer) return invalid([{ field: 'customerId', key: 'customerCard.unknown' }]);
  const decision = await authorize(ctx, actor, 'editCustomer', { region: customer.region });
  if (!decision.ok) return forbidden(decision);
  const { requestId, ...fields } = parsed.data;
  const mayNotes = allows(decision.person, 'readConfidential', { region: customer.region });
  if (fields.personalNotes !== undefined && !mayNotes) return notesRefused();
  const at = ctx.clock.now().toISOString();
  const contact = contactSchema.parse({ ...firstVersion(requestId, actor, at), customerId, ...fields });
  return commitChanges(ctx, { at, by: actor, idempotencyKey: `addContact:${requestId}`, writes: [{ kind: 'contact', record: contact, expectedVersion: null }], outbox: [], result: shownTo(mayNotes, contact) });
}

export async function changeContact(ctx: AppContext, actor: ActorRef, customerId: string, contactId: string, input: unknown): Promise<UseCaseResult<Contact>> {
  const raw = typed(input);
  const parsed = changedContact.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsFrom(parsed.error));
  const stored = await ctx.store.records.get('contact', contactId);
  const customer = stored && stored.customerId === customerId ? await ctx.store.records.get('customer', customerId) : undefined;
  if (!stored || !customer) return invalid([{ field: 'contactId', key: 'customer.contactUnknown' }]);
  const decision = await authorize(ctx, actor, 'editCustomer', { region: customer.region });
  if (!decision.ok) return forbidden(decision);
  const { expectedVersion, ...changes } = parsed.data;
  const named = new Set(Object.keys(raw as object));
  const mayNotes = allows(decision.person, 'readConfidential', { region: customer.region });
  if (named.has('personalNotes') && !mayNotes) return notesRefused();
  if (stored.version !== expectedVersion) return changedMeanwhile();
  const at = ctx.clock.now().toISOString();
  // Named fields replace the stored ones (a cleared one goes); fields not named stay as they were.
  const next: Record<string, unknown> = { ...stored, version: stored.version + 1, updatedAt: at };
  for (const field of named) if (field !== 'expectedVersion' && field in contactFields.shape) next[field] = (changes as Record<string, unknown>)[field];
  const contact = contactSchema.parse(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)));
  try {
    return await commitChanges(ctx, { at, by: actor, writes: [{ kind: 'contact', record: contact, expectedVersion }], outbox: [], result: shownTo(mayNotes, contact) });
  } catch (error) {
    if (error instanceof ConcurrencyConflict) return changedMeanwhile();
    throw error;
  }
}

/** The saved contact as its saver may read it: without the personal notes unless they may read those. */
function shownTo(mayNotes: boolean, contact: Contact): Contact {
  if (mayNotes) return contact;
  const { personalNotes: _notes, ...rest } = contact;
  return rest;
}

function notesRefused(): UseCaseResult<never> {
  return forbidden({ message: 'customer.contactNotesNotYours', roles: ['aluejohtaja', 'liiketoimintajohtaja', 'laatupaallikko'] });
}
