import { z } from 'zod';
import { email, optionalText, recordMeta, region, text } from './common.js';
import { optionalFreeText } from './privacy.js';

/**
 * A customer: the purchaser (tilaaja) that buys places and supervises them. Since 1.1.2023 that is a
 * wellbeing services county (hyvinvointialue, 21 of them) or the City of Helsinki, which organise social
 * care instead of the customers; other purchasers remain (a customer for services outside the
 * reform, an insurer, a private payer's agent). Segments follow how the customer buys (thesis 6.4.2); the
 * lifecycle phases are the customer-relationship stages of thesis 4.2.
 */
export const purchaserKinds = ['hyvinvointialue', 'helsinki', 'kunta', 'vakuutusyhtio', 'yksityinen-maksaja', 'muu'] as const;
export const purchaserKind = z.enum(purchaserKinds);
export type PurchaserKind = z.infer<typeof purchaserKind>;

export const customerSegments = ['ostopalvelu', 'palveluseteli'] as const;
export const lifecyclePhases = ['hankinta', 'haltuunotto', 'kasvu', 'pysyvyys'] as const;

/** Finnish business id (Y-tunnus): seven digits, a hyphen, a check digit. */
export const businessId = z.string().regex(/^\d{7}-\d$/, { message: 'customer.invalidBusinessId' });

const customerFields = {
  name: text(120),
  /** What kind of purchaser this is; a customer of the 2012 data (a customer) gets it in migration 009. */
  kind: purchaserKind,
  businessId: businessId.optional(),
  region,
  segment: z.enum(customerSegments),
  lifecyclePhase: z.enum(lifecyclePhases),
  address: optionalText(200),
  phone: optionalText(40),
  email: email.optional(),
  /** The customer's development wishes and service needs (thesis 6.1). */
  developmentWishes: optionalFreeText(),
  serviceNeeds: optionalFreeText(),
  /** Teams user ids of the people responsible for this customer (regional director, sales). */
  responsiblePersonIds: z.array(z.string().min(1)).optional(),
};

export const customerInputSchema = z.object(customerFields);
export const customerSchema = z.object({ ...recordMeta, ...customerFields });
export type Customer = z.infer<typeof customerSchema>;
