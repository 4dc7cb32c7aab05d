import { z } from 'zod';
import { email, optionalText, recordId, recordMeta, text } from './common.js';
import { optionalFreeText } from './privacy.js';

/**
 * A municipal official the company deals with (DOMAIN.md, People): invitees and contacts, not app users.
 * Personal notes about officials (e.g. hobbies) are business contact notes the thesis asks for (6.1).
 */
export const contactRoles = ['sote-johtaja', 'vanhustyon-paallikko', 'sosiaalityontekija', 'muu'] as const;

const contactFields = {
  customerId: recordId,
  name: text(120),
  role: z.enum(contactRoles),
  title: optionalText(120),
  email: email.optional(),
  phone: optionalText(40),
  personalNotes: optionalFreeText(1000),
};

export const contactInputSchema = z.object(contactFields);
export const contactSchema = z.object({ ...recordMeta, ...contactFields });
export type Contact = z.infer<typeof contactSchema>;
