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

/** GET /api/v1/occupancy: every home by region and service type, with region and company totals (issue 13). */
export const occupancySchema = z.object({
  today: z.iso.date(),
  homes: z.array(
    careHomeSchema.pick({ id: true, name: true, region: true, city: true }).extend({
      totals: placeTotalsSchema,
      byServiceType: z.array(z.object({ serviceType }).extend(placeTotalsSchema.shape)),
    }),
  ),
  regions: z.array(z.object({ region }).extend(placeTotalsSchema.shape)),
  company: placeTotalsSchema,
});
export type Occupancy = z.infer<typeof occupancySchema>;
