import { z } from 'zod';
import { agreementSchema } from '../../domain/records/agreement.js';
import { isoDate, isoDateTime, recordId } from '../../domain/records/common.js';
import { contactSchema } from '../../domain/records/contact.js';
import { customerPlanSchema, plannedEncounterSchema } from '../../domain/records/customer-plan.js';
import { customerSchema } from '../../domain/records/customer.js';
import { contactLogEntrySchema } from '../../domain/records/contact-log-entry.js';
import { noteSchema } from '../../domain/records/note.js';
import type { RecordedEntryKind } from '../../store/record-queries.js';

/**
 * What the tab's customer page changes (issue 13): the request bodies say only the shape — strings as typed,
 * the version the page showed — and the use cases in src/app check the values with the records' own schemas,
 * so a bad value gets the same message per field as in the bot's form. Answers are the stored records.
 */

/** The kinds of entry one corrects or withdraws (src/store/record-queries.ts recordedEntryKinds; the tab imports no store module). */
const recordedEntryKinds = ['place', 'supervisionVisit', 'homeEvent', 'complaint', 'contactLogEntry', 'note', 'developmentMeeting'] as const satisfies readonly RecordedEntryKind[];

const typedText = (max = 4000) => z.string().max(max);
const version = z.number().int().positive();

/** PATCH /customers/{id}: segment and lifecycle phase (update-customer.ts). */
export const customerPatchSchema = z.object({ expectedVersion: version, segment: z.string().max(40).optional(), lifecyclePhase: z.string().max(40).optional() });
export const customerPatchedSchema = z.object({ customer: customerSchema });

const contactBody = {
  name: typedText(500),
  role: z.string().max(60),
  title: typedText(500).optional(),
  email: typedText(500).optional(),
  phone: typedText(200).optional(),
  personalNotes: typedText().optional(),
};
/** POST /customers/{id}/contacts (save-contact.ts addContact); `requestId` is the new contact's id. */
export const contactCreateSchema = z.object({ requestId: recordId, ...contactBody });
/** PATCH /customers/{id}/contacts/{contactId}: the fields named change, an empty text clears an optional one. */
export const contactPatchSchema = z.object({ expectedVersion: version, ...z.object(contactBody).partial().shape });
/** A contact as saved; its personal notes only to a reader who may read them. */
export const contactSavedSchema = z.object({ contact: contactSchema });
export const contactPathSchema = z.object({ id: recordId, contactId: recordId });

const agreementBody = {
  kind: z.string().max(40),
  title: typedText(500),
  serviceDescription: typedText().optional(),
  serviceTypes: z.array(z.string().max(40)).max(10),
  /** As typed: "182,50" (a number is taken too). */
  pricePerDay: z.union([typedText(40), z.number()]).optional(),
  startDate: typedText(40),
  endDate: typedText(40).optional(),
  /** As typed: "2028, 2029" (a list of years is taken too). */
  optionYears: z.union([typedText(200), z.array(z.number().int())]).optional(),
  paymentCommitment: z.boolean(),
};
/** POST /customers/{id}/agreements (record-agreement.ts, the bot's *Kirjaa sopimus*). */
export const agreementCreateSchema = z.object({ requestId: recordId, ...agreementBody });
/** PATCH /customers/{id}/agreements/{agreementId} (edit-agreement.ts): every field, over the version shown. */
export const agreementPatchSchema = z.object({ expectedVersion: version, ...agreementBody });
export const agreementSavedSchema = z.object({ agreement: agreementSchema });
export const agreementPathSchema = z.object({ id: recordId, agreementId: recordId });

/** GET/PUT /customers/{id}/plan/{year}. */
export const planPathSchema = z.object({ id: recordId, year: z.coerce.number().int().min(2000).max(2100) });
export const encounterPathSchema = planPathSchema.extend({ encounterId: recordId });

/** The year's plan and annual clock (show-customer-plan.ts): its encounters in date order, who may edit it, owner choices. */
export const customerPlanViewSchema = z.object({
  customer: customerSchema.pick({ id: true, name: true, region: true }),
  year: z.number().int(),
  today: isoDate,
  plan: customerPlanSchema.optional(),
  encounters: z.array(z.object({ encounter: plannedEncounterSchema.extend({ id: recordId }), date: isoDate, ownerName: z.string().optional(), done: z.boolean() })),
  status: z.object({ done: z.number().int(), total: z.number().int() }),
  mayEdit: z.boolean(),
  owners: z.array(z.object({ id: z.string(), name: z.string() })),
});

/** PUT /customers/{id}/plan/{year}: the plan's texts (save-customer-plan.ts saveCustomerPlan); no version creates the year's plan. */
export const planTextsSchema = z.object({
  requestId: recordId,
  expectedVersion: version.optional(),
  goal: typedText(),
  targets: typedText().optional(),
  responsibilities: typedText().optional(),
  actions: typedText().optional(),
});
/** PUT /customers/{id}/plan/{year}/encounters/{encounterId}: an encounter added (a new id) or changed (saveEncounter). */
export const encounterBodySchema = z.object({
  requestId: recordId,
  expectedVersion: version,
  month: z.number().int(),
  day: z.number().int().optional(),
  kind: z.string().max(40),
  ownerId: z.string().max(100),
  note: typedText(1000).optional(),
  done: z.boolean().optional(),
});
/** DELETE /customers/{id}/plan/{year}/encounters/{encounterId} (removeEncounter). */
export const encounterRemoveSchema = z.object({ requestId: recordId, expectedVersion: version });

/**
 * GET /entries/{kind}/{id}: a contact or a note as its edit form is prefilled (my-entries.ts entryToChange, the
 * bot's `omat` → Muokkaa): only to someone who may change it.
 */
export const entryToEditSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('contactLogEntry'), record: contactLogEntrySchema }),
  z.object({ kind: z.literal('note'), record: noteSchema }),
]);

/** PATCH /entries/{kind}/{id}: a contact's or a note's fields (edit-entry.ts); those not named stay. */
export const entryPathSchema = z.object({ kind: z.enum(recordedEntryKinds), id: recordId });
export const entryPatchSchema = z.object({
  expectedVersion: version,
  requestId: recordId,
  date: typedText(40).optional(),
  type: z.string().max(40).optional(),
  matter: typedText().optional(),
  agreedActions: typedText().optional(),
  nextContactDate: typedText(40).optional(),
  nextContactTopic: typedText(1000).optional(),
  specialMention: z.boolean().optional(),
});
export const entryEditedSchema = z.object({ kind: z.enum(recordedEntryKinds), recordId, version });

/** POST /entries/{kind}/{id}/withdraw (withdraw-entry.ts, the bot's `omat` → Peru). */
export const entryWithdrawSchema = z.object({ expectedVersion: version, requestId: recordId });
export const entryWithdrawnSchema = z.object({ kind: z.enum(recordedEntryKinds), recordId, withdrawnAt: isoDateTime, date: isoDate, duplicate: z.boolean() });
