import { z } from 'zod';
import { actorRef, isoDate, isoDateTime, recordId, recordMeta, withdrawal } from './common.js';
import { freeText, optionalFreeText } from './privacy.js';

/**
 * A customer complaint (asiakasreklamaatio) from the customer's social worker to the home director,
 * and its handling: corrective actions agreed, carried out, the social worker informed, closed
 * (thesis 4.4.3). The matter describes what happened, never the resident.
 */
export const complaintStatuses = ['vastaanotettu', 'toimenpiteet-sovittu', 'korjattu', 'asiakas-informoitu', 'suljettu'] as const;
export const complaintChannels = ['puhelin', 'sahkoposti', 'kirje', 'tapaaminen', 'muu'] as const;
export const complaintSeverities = ['vahainen', 'kohtalainen', 'vakava'] as const;

const complaintFields = {
  customerId: recordId,
  careHomeId: recordId,
  receivedDate: isoDate,
  channel: z.enum(complaintChannels),
  matter: freeText(),
  severity: z.enum(complaintSeverities),
  status: z.enum(complaintStatuses),
  correctiveActions: optionalFreeText(),
  /** The regional director's written reply, when one is needed. */
  replyText: optionalFreeText(),
  /** Who moved the complaint on, and when: time to correction and to reply are measured from these (seed 002). */
  actionsAgreedAt: isoDateTime.optional(),
  actionsAgreedBy: actorRef.optional(),
  correctedAt: isoDateTime.optional(),
  correctedBy: actorRef.optional(),
  informedAt: isoDateTime.optional(),
  informedBy: actorRef.optional(),
  closedAt: isoDateTime.optional(),
  closedBy: actorRef.optional(),
  /** Target date of the next step; the Monday digest lists complaints past it. */
  nextStepDue: isoDate.optional(),
  recordedBy: actorRef,
};

export const complaintInputSchema = z.object(complaintFields);
export const complaintSchema = z.object({ ...recordMeta, ...complaintFields, ...withdrawal });
export type Complaint = z.infer<typeof complaintSchema>;
