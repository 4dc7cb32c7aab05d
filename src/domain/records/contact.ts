import { z } from 'zod';
import { email, optionalText, recordId, recordMeta, text } from './common.js';
import { optionalFreeText } from './privacy.js';

/**
 * An official of a customer (purchaser) the company deals with (DOMAIN.md, People): invitees and contacts,
 * not app users. Personal notes about officials (e.g. hobbies) are business contact notes the thesis asks
 * for (6.1). The roles are the county's (DOMAIN.md, "The customers of 2026"): the service director
 * (palvelujohtaja; was the customer's social and health director, `sote-johtaja`), the head of elderly
 * services (vanhuspalvelujen johtaja; was `vanhustyon-paallikko`), the social worker / service coordinator
 * (sosiaalityöntekijä / palveluohjaaja, who makes the placement decisions) and the supervision officer
 * (valvontaviranhaltija). legacy-values.ts maps the 2012 role values.
 */
export const contactRoles = ['palvelujohtaja', 'vanhuspalvelujen-johtaja', 'sosiaalityontekija', 'valvontaviranhaltija', 'muu'] as const;
export const contactRole = z.enum(contactRoles);
export type ContactRole = z.infer<typeof contactRole>;

const contactFields = {
  customerId: recordId,
  name: text(120),
  role: contactRole,
  title: optionalText(120),
  email: email.optional(),
  phone: optionalText(40),
  personalNotes: optionalFreeText(1000),
};

export const contactInputSchema = z.object(contactFields);
export const contactSchema = z.object({ ...recordMeta, ...contactFields });
export type Contact = z.infer<typeof contactSchema>;
