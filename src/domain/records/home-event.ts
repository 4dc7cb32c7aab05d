import { z } from 'zod';
import { actorRef, isoDate, recordId, recordMeta, withdrawal } from './common.js';
import { freeText, optionalFreeText } from './privacy.js';

/**
 * A home event (kodin asukastilaisuus) — relatives' evening, summer or Christmas party — and whether the
 * customer attended and what came up; sales hear of it like of a visit (DOMAIN.md, routing).
 */
export const homeEventKinds = ['omaisten-ilta', 'kesajuhla', 'joulujuhla', 'muu'] as const;

const homeEventFields = {
  careHomeId: recordId,
  date: isoDate,
  kind: z.enum(homeEventKinds),
  title: freeText(200),
  /** The customers (purchasers) that attended (derived from the contacts who came); sales hear of these. */
  customerIds: z.array(recordId),
  attendingContactIds: z.array(recordId),
  whatCameUp: optionalFreeText(),
  specialMention: z.boolean(),
  recordedBy: actorRef,
};

export const homeEventInputSchema = z.object(homeEventFields);
export const homeEventSchema = z.object({ ...recordMeta, ...homeEventFields, ...withdrawal });
export type HomeEvent = z.infer<typeof homeEventSchema>;
