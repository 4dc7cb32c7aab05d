import { z } from 'zod';
import { recordId } from '../records/common.js';
import { complaintInputSchema } from '../records/complaint.js';

/**
 * What the home director submits when a customer complains (`reklamaatio`, thesis 4.4.3): the
 * record's own fields as typed in the form. Status, handling steps, target dates and who recorded it
 * are set by the use case. Built per day because "received, not in the future" depends on today.
 */
export function receiveComplaintCommand(today: string) {
  return complaintInputSchema
    .pick({ customerId: true, careHomeId: true, receivedDate: true, channel: true, matter: true, severity: true })
    .extend({
      requestId: recordId,
      receivedDate: complaintInputSchema.shape.receivedDate.refine((d) => d <= today, { message: 'complaint.receivedInFuture' }),
    });
}
export type ReceiveComplaintCommand = z.infer<ReturnType<typeof receiveComplaintCommand>>;
