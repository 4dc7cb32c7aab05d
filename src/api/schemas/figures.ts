import { z } from 'zod';
import { isoDate, recordId, region, serviceType } from '../../domain/records/common.js';

/**
 * The tab's figures (issue 13, Luvut): the customer report of thesis 6.2 and the process measures of seed 002
 * ("first measure quantity, then quality"). Counts only: a resident is a place sold, never a name.
 */

/** Paging of a figures table: bounded, so an answer stays small at any store size. */
const paging = {
  top: z.coerce.number().int().min(1).max(100).default(25),
  skip: z.coerce.number().int().min(0).max(100_000).default(0),
};

export const customerFiguresSorts = ['revenue', 'residents', 'name'] as const;

/** GET /api/v1/figures/customers?year&region&sort&top&skip — the year defaults to this one. */
export const customerFiguresQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  region: region.optional(),
  sort: z.enum(customerFiguresSorts).default('revenue'),
  ...paging,
});
export type CustomerFiguresQuery = z.infer<typeof customerFiguresQuerySchema>;

/**
 * GET /api/v1/figures/process?region&top&skip&homesTop&homesSkip — the contacts table and the free-place table (a
 * row per home: 440 at ten times the company's size) are paged; the rest is per quarter.
 */
export const processFiguresQuerySchema = z.object({
  region: region.optional(),
  ...paging,
  homesTop: z.coerce.number().int().min(1).max(100).default(25),
  homesSkip: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type ProcessFiguresQuery = z.infer<typeof processFiguresQuerySchema>;

/** Whose figures these are: the homes (and customers' regions) the caller's role covers (src/app/authorize.ts readFigures). */
export const figuresScopeSchema = z.object({
  kind: z.enum(['home', 'region', 'company']),
  careHomes: z.array(z.object({ id: recordId, name: z.string() })),
  regions: z.array(region),
});
export type FiguresScope = z.infer<typeof figuresScopeSchema>;

const count = z.number().int().min(0);
const euros = z.number().min(0);

export const customerFiguresRowSchema = z.object({
  id: recordId,
  name: z.string(),
  region,
  /** Residents the customer placed in the period: places sold to it that were occupied on some day of it. */
  residents: count,
  occupiedDays: count,
  /** Occupied days no priced agreement covered (counted in occupiedDays, not in revenue). */
  unpricedDays: count,
  /** Agreement price per day × occupied days, euros. */
  revenue: euros,
  /** The services bought: per service type, residents, days and revenue. */
  services: z.array(z.object({ serviceType, residents: count, occupiedDays: count, revenue: euros })),
  /** Customer satisfaction when recorded; no record carries it yet, so null. */
  satisfaction: z.number().nullable(),
});
export type CustomerFiguresRow = z.infer<typeof customerFiguresRowSchema>;

export const customerFiguresSchema = z.object({
  today: isoDate,
  year: z.number().int(),
  /** The days counted: from the first of the year to its last, or to today in this year. */
  from: isoDate,
  to: isoDate,
  scope: figuresScopeSchema,
  region: region.optional(),
  sort: z.enum(customerFiguresSorts),
  top: count,
  skip: count,
  /** How many customers the report has in all (the page shows `top` of them from `skip`). */
  total: count,
  totals: z.object({ residents: count, occupiedDays: count, unpricedDays: count, revenue: euros }),
  customers: z.array(customerFiguresRowSchema),
});
export type CustomerFigures = z.infer<typeof customerFiguresSchema>;

export const quarterSpanSchema = z.object({ key: z.string().regex(/^\d{4}-Q[1-4]$/), from: isoDate, until: isoDate });

const medianDays = z.number().min(0).nullable();

export const contactFiguresRowSchema = z.object({
  id: recordId,
  name: z.string(),
  region,
  lastContact: isoDate.nullable(),
  /** Days from the last entry to today; null when the customer has none. */
  daysSinceLastContact: count.nullable(),
  /** Past the limit (`overdueAfterDays`), or never contacted: the page marks it red with a text and an icon. */
  overdue: z.boolean(),
  /** Entries per quarter, in the order of `quarters`. */
  perQuarter: z.array(count),
});
export type ContactFiguresRow = z.infer<typeof contactFiguresRowSchema>;

export const freePlaceFiguresRowSchema = z.object({ careHomeId: recordId, name: z.string(), region, taken: count, medianDays });

export const complaintFiguresRowSchema = z.object({
  quarter: z.string(),
  received: count,
  replied: count,
  informed: count,
  medianDaysToReply: medianDays,
  medianDaysToInformed: medianDays,
});

export const processFiguresSchema = z.object({
  today: isoDate,
  scope: figuresScopeSchema,
  region: region.optional(),
  /** "If a customer has no entries for two weeks, what is wrong?" (seed 002): more days than this is overdue. */
  overdueAfterDays: count,
  /** The last four quarters, oldest first, today's last. */
  quarters: z.array(quarterSpanSchema),
  contacts: z.object({
    top: count,
    skip: count,
    total: count,
    /** How many of all `total` are overdue. */
    overdue: count,
    customers: z.array(contactFiguresRowSchema),
  }),
  /** Free places taken (reserved or sold) in the four quarters: per home, and over the homes in scope. */
  freePlaces: z.object({ top: count, skip: count, total: count, homes: z.array(freePlaceFiguresRowSchema), overall: z.object({ taken: count, medianDays }) }),
  /** Complaints received per quarter, and the median days to the first reply and to the customer informed. */
  complaints: z.array(complaintFiguresRowSchema),
});
export type ProcessFigures = z.infer<typeof processFiguresSchema>;
