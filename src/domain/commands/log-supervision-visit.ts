import { z } from 'zod';
import { recordId } from '../records/common.js';
import { supervisionVisitInputSchema } from '../records/supervision-visit.js';

/**
 * What a regional director submits after the customer's supervision visit (`käynti`). The fields
 * are the record's input schema minus who recorded it (that is the signed-in user).
 */
export const logSupervisionVisitCommand = supervisionVisitInputSchema.omit({ recordedBy: true }).extend({ requestId: recordId });
export type LogSupervisionVisitCommand = z.infer<typeof logSupervisionVisitCommand>;
