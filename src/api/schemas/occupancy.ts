import { z } from 'zod';
import { careHomeSchema } from '../../domain/records/care-home.js';
import { region, serviceType } from '../../domain/records/common.js';

/** Places by status, and the occupancy rate (occupied ÷ places; null for no places). */
export const placeTotalsSchema = z.object({
  places: z.number().int().min(0),
  occupied: z.number().int().min(0),
  freeing: z.number().int().min(0),
  free: z.number().int().min(0),
  reserved: z.number().int().min(0),
  rate: z.number().min(0).max(1).nullable(),
});
export type PlaceTotals = z.infer<typeof placeTotalsSchema>;

/** The board's sortable columns: the home's name, region and town, or one of its totals. */
export const occupancySortKeys = ['name', 'region', 'city', 'places', 'occupied', 'freeing', 'free', 'reserved', 'rate'] as const;
export type OccupancySortKey = (typeof occupancySortKeys)[number];

/** Query strings carry text: "true"/"false" only, anything else is a bad filter (400), not silently false. */
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');

/**
 * GET /api/v1/occupancy?region&serviceType&q&onlyFree&sort&order&limit&offset: one page of homes (at most
 * `limit`, 100), so the answer stays the same size however many homes there are; the region and company totals
 * beside it are aggregates. `serviceType` narrows the homes' and the totals' counts to that service type.
 */
export const occupancyQuerySchema = z.object({
  region: region.optional(),
  serviceType: serviceType.optional(),
  /** Part of the home's name or town, any case, with or without Finnish letters. */
  q: z.string().trim().max(100).optional(),
  /** Only homes that have a free place (free on today, of the service type when one is named). */
  onlyFree: flag.optional(),
  sort: z.enum(occupancySortKeys).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type OccupancyQuery = z.infer<typeof occupancyQuerySchema>;

export const occupancyHomeSchema = careHomeSchema.pick({ id: true, name: true, region: true, city: true }).extend({
  totals: placeTotalsSchema,
  byServiceType: z.array(z.object({ serviceType }).extend(placeTotalsSchema.shape)),
});
export type OccupancyHome = z.infer<typeof occupancyHomeSchema>;

/**
 * GET /api/v1/occupancy: the homes of the page by region and service type, with every region's and the
 * company's totals (issue 13). `total` is how many homes match the filters, `offset` where the page starts.
 */
export const occupancySchema = z.object({
  today: z.iso.date(),
  homes: z.array(occupancyHomeSchema),
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1),
  regions: z.array(z.object({ region }).extend(placeTotalsSchema.shape)),
  company: placeTotalsSchema,
});
export type Occupancy = z.infer<typeof occupancySchema>;
