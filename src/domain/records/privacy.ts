import { z } from 'zod';

/**
 * Residents' data never enters HoivaCRM (DOMAIN.md, Privacy; GDPR art. 9). Free text is where it could
 * slip in, so every free-text field refuses a Finnish personal identity code (henkilötunnus):
 * DDMMYY, a century sign (+, -, A–F, or the 2023 additions U–Y for the 1900s), three digits, a check character.
 */
const personalIdentityCode = /(?<![0-9A-Za-z])(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])\d{2}[-+A-FU-Y]\d{3}[0-9A-FHJ-NPR-Y](?![0-9A-Za-z])/i;

export function containsPersonalIdentityCode(text: string): boolean {
  return personalIdentityCode.test(text);
}

/** A free-text field that refuses identity codes, with the message key the bot translates. */
export function safeText(schema: z.ZodString): z.ZodString {
  return schema.refine((value) => !containsPersonalIdentityCode(value), { message: 'privacy.personalIdentityCode' });
}

export const freeText = (max = 4000) => safeText(z.string().trim().min(1).max(max));
export const optionalFreeText = (max = 4000) => safeText(z.string().trim().max(max)).optional();
