import { z } from 'zod';
import { actorRef, isoDate, recordId, recordMeta, withdrawal } from './common.js';
import { freeText, optionalFreeText } from './privacy.js';

/**
 * The customer's (county's) supervision visit (valvontakäynti) to a home, recorded by the regional director; a
 * special mention (erityismaininta) means sales must know at once (thesis 6.1, 6.3).
 */
const supervisionVisitFields = {
  customerId: recordId,
  careHomeId: recordId,
  date: isoDate,
  participants: freeText(1000),
  findings: freeText(),
  followUpActions: optionalFreeText(),
  specialMention: z.boolean(),
  recordedBy: actorRef,
};

export const supervisionVisitInputSchema = z.object(supervisionVisitFields);
export const supervisionVisitSchema = z.object({ ...recordMeta, ...supervisionVisitFields, ...withdrawal });
export type SupervisionVisit = z.infer<typeof supervisionVisitSchema>;
