import { z } from 'zod';
import { recordId } from '../records/common.js';

/**
 * "Merkitse myydyksi" / "Peru varaus" on the reserved place's card. `version` is the place version the
 * card showed: of two people acting on the same card, exactly one wins (the other is told who was first).
 */
export const placeSettlements = ['sell', 'release'] as const;
export type PlaceSettlement = (typeof placeSettlements)[number];

export const settlePlaceCommand = z.object({
  requestId: recordId,
  placeId: recordId,
  version: z.coerce.number().int().positive(),
  settlement: z.enum(placeSettlements),
});
export type SettlePlaceCommand = z.infer<typeof settlePlaceCommand>;
