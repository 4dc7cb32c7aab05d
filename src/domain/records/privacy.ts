import { guardedString } from '../text/text-guard.js';

/**
 * Residents' data never enters HoivaCRM (DOMAIN.md, Privacy; GDPR art. 9). Free text (a note, a memo, a
 * complaint's matter) is where it is most likely to slip in; it goes through the same text guard as every
 * typed string (src/domain/text/text-guard.ts), which refuses a personal identity code, and keeps its line
 * breaks.
 */
export { containsPersonalIdentityCode } from '../text/text-guard.js';

export const freeText = (max = 4000) => guardedString({ multiline: true }).trim().min(1).max(max);
export const optionalFreeText = (max = 4000) => guardedString({ multiline: true }).trim().max(max).optional();
