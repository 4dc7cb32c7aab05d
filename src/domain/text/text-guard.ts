import { z } from 'zod';

/**
 * The one guard every string a person types goes through (issue 9, "Personal identity codes and hostile
 * text"). Residents' data never enters HoivaCRM (DOMAIN.md, Privacy; GDPR art. 9), and text copied from
 * elsewhere or forged on purpose must not smuggle anything past the check or into the cards:
 *
 * 1. **NFKC normalization**, so fullwidth digits (１３１０５２), ligatures and compatibility forms are stored
 *    (and checked) as the characters they look like;
 * 2. **removal** of invisible characters that only hide what the text says: zero-width characters and the
 *    soft hyphen, and bidi controls (a U+202E right-to-left override makes "Tesat" display as "tasеT");
 * 3. **refusal** of the other control characters (C0, DEL, C1): they have no business in a CRM and break
 *    cards and list views. Multi-line fields allow line feed, carriage return and tab;
 * 4. **refusal of a Finnish personal identity code** (henkilötunnus) anywhere in the normalized text,
 *    checksum included, also when it is written with a dash lookalike.
 *
 * The guard is a zod `overwrite` (a transform that keeps the type), so a guarded field is still a plain
 * `ZodString`: the stored value is the normalized one and storage columns still derive from the schema
 * (src/store/schema-columns.ts reads the string's format and maxLength).
 */

/** Zero-width space/non-joiner/joiner, word joiner, BOM (zero-width no-break space), soft hyphen. */
const invisible = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
/** LRM, RLM, LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI, Arabic letter mark. */
const bidiControls = /[\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;
/** C0, DEL and C1 controls; `allowed` below lets a multi-line field keep \t \n \r. */
const controlCharacter = /[\u0000-\u001F\u007F-\u009F]/;
const controlCharacterExceptLineBreaks = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** What a typed text is stored as: NFKC, without zero-width characters and bidi controls. */
export function normalizeTypedText(text: string): string {
  // Removed before NFKC: a character hidden between a letter and its accent would otherwise keep them
  // apart, and the value would change again when normalized a second time.
  return text.replace(invisible, '').replace(bidiControls, '').normalize('NFKC');
}

export function containsControlCharacter(text: string, opts: { multiline: boolean }): boolean {
  return (opts.multiline ? controlCharacterExceptLineBreaks : controlCharacter).test(text);
}

// ---------------------------------------------------------------------------
// Henkilötunnus
// ---------------------------------------------------------------------------

/** The check characters: the remainder of DDMMYYNNN mod 31 indexes this string (DVV's specification). */
const checkCharacters = '0123456789ABCDEFHJKLMNPRSTUVWXY';
/**
 * `+` 1800s; `-` and the 2023 additions Y X W V U the 1900s; A–F the 2000s. Dash lookalikes (hyphen,
 * non-breaking hyphen, figure dash, en and em dash, horizontal bar, minus sign, small em dash) read as `-`:
 * people paste them from word processors, and they look the same on a card.
 */
const dashLookalikes = /[\u2010-\u2015\u2212\uFE58]/g;
/**
 * A candidate: six digits that may be a date, a century sign, three digits, a check character. Not inside a
 * longer number (a digit right before or after), which is where the false positives (invoice and reference
 * numbers) would come from; letters around it do not save it ("hetu131052-308T" is still a code).
 */
const candidate = /(?<!\d)((?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d\d)([-+A-FU-Y])(\d{3})([0-9A-Y])(?!\d)/gi;

/** Whether the text holds a valid henkilötunnus (checksum correct), after the normalization above. */
export function containsPersonalIdentityCode(text: string): boolean {
  const normalized = normalizeTypedText(text);
  // The soft hyphen is removed as invisible, but one typed where the century sign goes still means "-".
  const views = [normalized, normalizeTypedText(text.replace(/\u00AD/g, '-'))];
  return views.some((view) => {
    for (const match of view.replace(dashLookalikes, '-').matchAll(candidate)) {
      const [, date, , individual, check] = match;
      if (checkCharacters[Number(`${date}${individual}`) % 31] === check!.toUpperCase()) return true;
    }
    return false;
  });
}

/** The check character for DDMMYY and NNN (used by tests to make valid codes). */
export function personalIdentityCodeCheck(date: string, individual: string): string {
  return checkCharacters[Number(`${date}${individual}`) % 31]!;
}

// ---------------------------------------------------------------------------
// The zod building block
// ---------------------------------------------------------------------------

export interface GuardOptions {
  /** Multi-line fields (notes, memos) keep line breaks and tabs. */
  multiline?: boolean;
}

/**
 * Guards a string schema: normalizes first, then refuses control characters and identity codes. Trim,
 * min and max given by the caller run on the normalized text, so the stored value fits its column.
 * Each refusal is a message key (src/i18n) that the form shows under the field it came from.
 */
export function guardedString(opts: GuardOptions = {}): z.ZodString {
  const multiline = opts.multiline ?? false;
  return z
    .string()
    .overwrite(normalizeTypedText)
    .refine((value) => !containsControlCharacter(value, { multiline }), { message: 'validation.controlCharacter', abort: true })
    .refine((value) => !containsPersonalIdentityCode(value), { message: 'privacy.personalIdentityCode', abort: true });
}
