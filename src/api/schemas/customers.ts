import { z } from 'zod';
import { agreementSchema } from '../../domain/records/agreement.js';
import { actorRef, isoDate, isoDateTime, recordId } from '../../domain/records/common.js';
import { contactSchema } from '../../domain/records/contact.js';
import { customerSchema } from '../../domain/records/customer.js';
import { apiComplaintSchema } from './complaints.js';
import { apiPlaceSchema } from './places.js';

export const customerSearchQuerySchema = z.object({
  q: z.string().max(100).default(''),
  top: z.coerce.number().int().min(1).max(25).default(25),
  skip: z.coerce.number().int().min(0).max(10_000).default(0),
});

export const customerSearchSchema = z.object({ customers: z.array(customerSchema.pick({ id: true, name: true, region: true })) });

export const customerIdSchema = z.object({ id: recordId });

const entryKinds = ['contactLogEntry', 'supervisionVisit', 'homeEvent', 'note', 'developmentMeeting', 'complaint'] as const;

/** One entry of the customer's timeline; a complaint's text is left out (`textHidden`) for a reader who may not see it. */
export const timelineEntrySchema = z.object({
  kind: z.enum(entryKinds),
  id: recordId,
  date: isoDate,
  summary: z.string(),
  recordedBy: actorRef,
  careHomeId: recordId.optional(),
  textHidden: z.boolean(),
});

/**
 * GET /api/v1/customers/{id}: the customer card's contents (src/app/customer-overview.ts), redacted the same
 * way for the person asking: contact notes and complaint text only for those who may read them.
 */
export const customerOverviewSchema = z.object({
  customer: customerSchema,
  today: isoDate,
  redacted: z.boolean(),
  contacts: z.array(contactSchema),
  agreements: z.array(agreementSchema),
  latestEntries: z.array(timelineEntrySchema),
  lastEntry: z.object({ date: isoDate, daysSince: z.number().int() }).optional(),
  quiet: z.boolean(),
  openComplaints: z.array(z.object({ complaint: apiComplaintSchema, careHomeName: z.string(), overdue: z.boolean(), textHidden: z.boolean() })),
  nextContact: z.object({ date: isoDate, topic: z.string(), by: actorRef }).optional(),
  ownPlaces: z.object({ places: z.array(z.object({ place: apiPlaceSchema, careHomeName: z.string() })), reserved: z.number().int(), sold: z.number().int() }),
  mayRecordAgreement: z.boolean(),
  /** The tab's customer page: the segment, phase and contacts editable; the contacts' personal notes readable and writable. */
  mayEditCustomer: z.boolean(),
  mayReadContactNotes: z.boolean(),
  /** This year's customer plan: how many of its planned encounters were held, of how many. */
  plan: z.object({ year: z.number().int(), status: z.object({ done: z.number().int(), total: z.number().int() }) }).optional(),
});

export const timelineQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50) });
/**
 * A timeline entry with what the reader may do with it (issue 13): `mine` (they recorded it), `mayEdit`
 * (PATCH /entries/{kind}/{id}: their own contact or note, or anyone's for correctOthersEntries) and
 * `mayWithdraw` (POST …/withdraw: their own within WITHDRAW_WINDOW_HOURS, or anyone's for correctOthersEntries),
 * with the version an edit or withdrawal names.
 */
export const timelineItemSchema = timelineEntrySchema.extend({
  version: z.number().int().positive(),
  createdAt: isoDateTime,
  mine: z.boolean(),
  mayEdit: z.boolean(),
  mayWithdraw: z.boolean(),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

/** GET /api/v1/customers/{id}/timeline: the newest entries of every kind, newest first, and the next planned contact. */
export const timelineSchema = z.object({
  customerId: recordId,
  entries: z.array(timelineItemSchema),
  nextContact: z.object({ date: isoDate, topic: z.string(), by: actorRef }).optional(),
  /** How long after recording an entry its author may still withdraw it. */
  withdrawWindowHours: z.number().positive(),
});
