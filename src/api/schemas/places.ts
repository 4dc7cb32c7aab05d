import { z } from 'zod';
import { isoDate, recordId } from '../../domain/records/common.js';
import { placeSchema, placeStatus } from '../../domain/records/place.js';

export const placesQuerySchema = z.object({ careHomeId: recordId });

/** A place as the board lists it: the record without its audit fields, with its status on today. */
export const apiPlaceSchema = placeSchema
  .pick({ id: true, version: true, careHomeId: true, label: true, serviceType: true, customerGroup: true, status: true, freeFrom: true, statusChangedBy: true, statusChangedAt: true, reservedForCustomerId: true, reservedBy: true, reservedAt: true })
  .extend({ effectiveStatus: placeStatus, daysFree: z.number().int().min(0).optional(), reservedForName: z.string().optional() });
export type ApiPlace = z.infer<typeof apiPlaceSchema>;

/**
 * GET /api/v1/places?careHomeId: a home's places, and which changes the caller may make in that home (the same
 * `allows` the use cases decide by), so the page offers only those; the server still decides each change.
 */
export const placesSchema = z.object({
  careHomeId: recordId,
  careHomeName: z.string(),
  places: z.array(apiPlaceSchema),
  may: z.object({
    /** Record a place free or freeing (recordForHome; an occupied one also needs `settle`). */
    record: z.boolean(),
    reserve: z.boolean(),
    /** Sell or release a reserved place; record an occupied place free again. */
    settle: z.boolean(),
  }),
});

/**
 * PATCH /api/v1/places/{id}: one status change, naming the version the page showed (of two people changing
 * the place at once exactly one wins; the other gets 409 and who was first). `requestId` makes a retried
 * request apply once; the page sends a new one per change.
 */
const common = { requestId: recordId, version: z.number().int().positive() };
export const placeChangeSchema = z.discriminatedUnion('change', [
  /** Free from a date (today or earlier: free; later: freeing) — recordPlaceFreed, as the "vapaa paikka" form. */
  z.object({ ...common, change: z.literal('free'), freeFrom: isoDate }),
  z.object({ ...common, change: z.literal('freeing'), freeFrom: isoDate }),
  z.object({ ...common, change: z.literal('reserve'), customerId: recordId }),
  z.object({ ...common, change: z.literal('sell') }),
  z.object({ ...common, change: z.literal('release') }),
]);
export type PlaceChange = z.infer<typeof placeChangeSchema>;

export const placeChangedSchema = z.object({ place: apiPlaceSchema, duplicate: z.boolean() });
