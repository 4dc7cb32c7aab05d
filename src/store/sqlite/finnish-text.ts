import type Database from 'better-sqlite3';
import { fold } from '../../domain/text/finnish-fold.js';

/**
 * Finnish text in SQL. SQLite has no Finnish collation, its LIKE folds ASCII case only ("ähtäri" does not
 * match "Ähtäri"), and better-sqlite3 can register functions but not collations. So two deterministic
 * functions are registered on the connection that runs the narrow queries:
 *
 * - `hoiva_fold(text)`: what a search compares, lower case in Finnish (NFC first, so a decomposed "ä"
 *   typed on a Mac matches a composed one). Diacritics are kept: a, ä and å are different letters in Finnish.
 * - `hoiva_fi_key(text)`: a key whose binary (UTF-8) order is Intl.Collator('fi') order at the first level:
 *   case ignored, å < ä < ö after z, w a letter of its own after v, ü sorted as y, æ as ä, ø as ö, other
 *   accents (é) as their base letter. Ties break on the name itself.
 */
// The folding itself is pure and shared with the in-memory searches.
export { fold };

/** After z, in Finnish order (private-use code points sort above every Latin letter in UTF-8). */
const afterZ: Record<string, string> = { å: '\uE001', ä: '\uE002', æ: '\uE002', ö: '\uE003', ø: '\uE003', ü: 'y' };

export function finnishSortKey(text: string): string {
  let key = '';
  for (const char of fold(text)) {
    const mapped = afterZ[char];
    // Any other accented letter sorts as its base letter: decompose and drop the combining marks.
    key += mapped ?? char.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  return key;
}

export function registerFinnishText(db: Database.Database): void {
  db.function('hoiva_fold', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? fold(value) : null));
  db.function('hoiva_fi_key', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? finnishSortKey(value) : null));
}

/** A LIKE pattern's literal part: `%`, `_` and the escape character itself escaped (used with ESCAPE '\'). */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}
