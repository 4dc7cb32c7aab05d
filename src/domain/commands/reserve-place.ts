import { z } from 'zod';
import { recordId } from '../records/common.js';

/**
 * "Varaa alustavasti" on the freed-place card: which customer. `version` is the place version the
 * card showed, so of two people reserving at once exactly one wins.
 */
export const reservePlaceCommand = z.object({
  requestId: recordId,
  placeId: recordId,
  version: z.coerce.number().int().positive(),
  customerId: recordId,
});
export type ReservePlaceCommand = z.infer<typeof reservePlaceCommand>;
