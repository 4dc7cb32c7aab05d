import { z } from 'zod';
import { actorRef, isoDate, isoDateTime, recordId, region } from '../../domain/records/common.js';
import { complaintSchema, complaintSeverities, complaintStatuses } from '../../domain/records/complaint.js';

/**
 * A complaint as the API answers it: the record, whose free text (matter, corrective actions, reply) is
 * absent for a reader who may not read it (src/app/authorize.ts readConfidential) — the summary variant.
 */
export const apiComplaintSchema = complaintSchema
  .omit({ matter: true, createdBy: true })
  .extend({ matter: complaintSchema.shape.matter.optional(), textHidden: z.boolean() });
export type ApiComplaint = z.infer<typeof apiComplaintSchema>;

/**
 * GET /api/v1/complaints: a board column is one status; without `status` every open one (closed complaints only
 * when asked for). `limit` bounds each column; the column's `count` is how many there are in all.
 */
export const complaintsQuerySchema = z.object({
  status: z.enum(complaintStatuses).optional(),
  careHomeId: recordId.optional(),
  severity: z.enum(complaintSeverities).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});
export type ComplaintsQuery = z.infer<typeof complaintsQuerySchema>;

/** A complaint on the board: who, where, how bad, and what is due next by when. */
export const boardComplaintSchema = apiComplaintSchema.extend({
  customerName: z.string(),
  careHomeName: z.string(),
  nextStep: z.enum(complaintStatuses).optional(),
  overdue: z.boolean(),
});

/** The open complaints by status (the lifecycle's order), each column a bounded page with its true count. */
export const complaintBoardSchema = z.object({
  today: isoDate,
  columns: z.array(
    z.object({
      status: z.enum(complaintStatuses),
      /** How many complaints have this status under the filters (the page may show fewer). */
      count: z.number().int().min(0),
      complaints: z.array(boardComplaintSchema),
    }),
  ),
  /** Sum of the columns' counts. */
  total: z.number().int().min(0),
});
export type ComplaintBoard = z.infer<typeof complaintBoardSchema>;

/**
 * GET /api/v1/care-homes?q=&top=&skip=: the care homes matching what was typed in a home filter (name or town;
 * empty: all, in Finnish order), a page of at most `top` (25) and how many matched: the company has 44 homes, 440
 * at ten times its size, more than a dropdown should hold.
 */
export const careHomeSearchQuerySchema = z.object({
  q: z.string().max(100).default(''),
  top: z.coerce.number().int().min(1).max(25).default(25),
  skip: z.coerce.number().int().min(0).max(10_000).default(0),
});
export const careHomeChoicesSchema = z.object({ careHomes: z.array(z.object({ id: recordId, name: z.string(), region, city: z.string().optional() })), total: z.number().int().min(0) });

export const complaintIdSchema = z.object({ id: recordId });

/**
 * GET /api/v1/complaints/{id}: the record (free text only for those who may read it), its home and customer,
 * every handling step so far (who and when), and what comes next.
 */
export const complaintDetailSchema = z.object({
  today: isoDate,
  complaint: boardComplaintSchema.extend({ region }),
  history: z.array(z.object({ status: z.enum(complaintStatuses), by: actorRef, at: isoDateTime })),
  /** Whether the reader may take the next step (the bot's card offers it; the tab shows the step only). */
  mayAdvance: z.boolean(),
});
export type ComplaintDetail = z.infer<typeof complaintDetailSchema>;

export const complaintSummaryQuerySchema = z.object({
  months: z.coerce.number().int().min(1).max(24).default(12),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  skip: z.coerce.number().int().min(0).max(10_000).default(0),
});
export type ComplaintSummaryQuery = z.infer<typeof complaintSummaryQuerySchema>;

const severityCounts = z.object({ vahainen: z.number().int(), kohtalainen: z.number().int(), vakava: z.number().int() });
/** A median of whole days, and how many complaints it was taken over (none: no median). */
const handlingTime = z.object({ medianDays: z.number().nullable(), count: z.number().int().min(0) });

/** One row of the quality manager's summary: a home's (or the total's) complaints received in the period. */
export const complaintSummaryRowSchema = z.object({
  complaints: z.number().int().min(0),
  bySeverity: severityCounts,
  /** One per month of `months`, in that order. */
  byMonth: z.array(severityCounts.extend({ month: z.string().regex(/^\d{4}-\d{2}$/), total: z.number().int() })),
  /** Days from received to corrected, over those received in the period that are corrected. */
  toCorrected: handlingTime,
  /** Days from received to the customer informed of the corrections. */
  toInformed: handlingTime,
});

/**
 * GET /api/v1/complaints/summary: per home, the complaints received in the last `months` calendar months (this
 * one included) by severity and month and the median handling times, a page of the homes the reader's scope
 * covers, and the total over all of them (the company row for a company-wide reader).
 */
export const complaintSummarySchema = z.object({
  today: isoDate,
  from: isoDate,
  to: isoDate,
  months: z.array(z.string().regex(/^\d{4}-\d{2}$/)),
  /** What the total covers: the company, the reader's region, or their home(s). */
  scope: z.enum(['company', 'region', 'home']),
  homes: z.array(complaintSummaryRowSchema.extend({ careHomeId: recordId, careHomeName: z.string(), region })),
  /** How many homes the scope covers (the page lists `homes`, from `skip`). */
  homesTotal: z.number().int().min(0),
  skip: z.number().int().min(0),
  total: complaintSummaryRowSchema,
});
export type ComplaintSummary = z.infer<typeof complaintSummarySchema>;
export type ComplaintSummaryRow = z.infer<typeof complaintSummaryRowSchema>;
