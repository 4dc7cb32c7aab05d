import { z } from 'zod';
import { addYears } from '../dates.js';
import { isoDate, recordId } from '../records/common.js';
import { complaintInputSchema } from '../records/complaint.js';
import { freeText } from '../records/privacy.js';

/**
 * The next step of a complaint, submitted from its card. `version` is the complaint version the card
 * showed, so of two people moving it at once exactly one wins; `step` is the status the card offered.
 * Each step carries only what it needs: agreeing actions needs the actions and a target date for the
 * correction; informing the customer may carry the regional director's written reply.
 * Built per day because the correction's target date cannot be in the past.
 */
export function advanceComplaintCommand(today: string) {
  const latest = addYears(today, 1);
  const target = { requestId: recordId, complaintId: recordId, version: z.coerce.number().int().positive() };
  return z.discriminatedUnion('step', [
    z.object({
      ...target,
      step: z.literal('toimenpiteet-sovittu'),
      // Required here, optional in the record (it is empty until this step).
      correctiveActions: freeText(),
      correctionDue: isoDate
        .refine((d) => d >= today, { message: 'complaint.correctionDueInPast' })
        .refine((d) => d <= latest, { message: 'complaint.correctionDueTooFar' }),
    }),
    z.object({ ...target, step: z.literal('korjattu') }),
    z.object({ ...target, step: z.literal('asiakas-informoitu'), replyText: complaintInputSchema.shape.replyText }),
    z.object({ ...target, step: z.literal('suljettu') }),
  ]);
}
export type AdvanceComplaintCommand = z.infer<ReturnType<typeof advanceComplaintCommand>>;
