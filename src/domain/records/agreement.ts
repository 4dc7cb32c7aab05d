import { z } from 'zod';
import { isoDate, recordId, recordMeta, serviceType, text } from './common.js';
import { customerSegments } from './customer.js';
import { optionalFreeText } from './privacy.js';

/**
 * A purchase-service agreement (ostopalvelusopimus) from a tender, or a service-voucher arrangement
 * (palveluseteli): content, price, service description and option years (thesis 6.1, 6.4.2).
 */
const agreementFields = {
  customerId: recordId,
  kind: z.enum(customerSegments),
  title: text(200),
  serviceDescription: optionalFreeText(),
  serviceTypes: z.array(serviceType).min(1),
  /** Euros per resident day. */
  pricePerDay: z.number().nonnegative().optional(),
  startDate: isoDate,
  endDate: isoDate.optional(),
  /** Option years the customer may call, e.g. [2027, 2028]. */
  optionYears: z.array(z.number().int().min(2000).max(2100)).optional(),
  /** A payment commitment (maksusitoumus) per placement. */
  paymentCommitment: z.boolean(),
};

export const agreementInputSchema = z
  .object(agreementFields)
  .refine((a) => !a.endDate || a.endDate >= a.startDate, { message: 'agreement.endBeforeStart', path: ['endDate'] });
export const agreementSchema = z
  .object({ ...recordMeta, ...agreementFields })
  .refine((a) => !a.endDate || a.endDate >= a.startDate, { message: 'agreement.endBeforeStart', path: ['endDate'] });
export type Agreement = z.infer<typeof agreementSchema>;
