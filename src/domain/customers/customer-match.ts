/**
 * Finding a customer (a wellbeing services county, Helsinki, a customer …) by what someone typed after
 * `asiakas` / `customer` (pure, no I/O).
 *
 * People type "espoo", "Espoo city", "Jyvaskyla" or "turku" for "Espoon kaupunki", "Jyväskylän kaupunki",
 * "Turun kaupunki": matching ignores case and diacritics (ä/a, ö/o, å/a), the words that only say what
 * kind of body the customer is (kaupunki, kunta, city, customer …), and the Finnish genitive that a
 * name takes in front of those words ("Espoon kaupunki" is Espoo's city, "Turun" is Turku's).
 *
 *   exact (the name, or its base form)        → that one customer
 *   the start of a word, or anywhere inside   → candidates to choose from
 *   nothing                                   → the closest names by edit distance ("Vantta" → Vantaan kaupunki)
 */
import { editDistance } from '../text/edit-distance.js';

export { editDistance };

/**
 * Words that say what kind of body a customer is, not which one; English forms for English users. Since
 * 2023 most customers are wellbeing services counties ("Pirkanmaan hyvinvointialue" is found as "pirkanmaa").
 */
const BODY_WORDS = new Set([
  'kaupunki', 'kaupungin', 'kunta', 'kunnan', 'hyvinvointialue', 'hyvinvointialueen',
  'city', 'town', 'municipality', 'wellbeing', 'services', 'county', 'of', 'the',
]);

export type CustomerMatch<T> =
  | { kind: 'empty' }
  | { kind: 'one'; customer: T }
  | { kind: 'candidates'; customers: T[] }
  | { kind: 'none'; closest: T[] };

/** Lower case, no diacritics, letters and digits only: the words of a name as they are compared. */
function wordsOf(text: string): string[] {
  return text
    .toLocaleLowerCase('fi')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** The name without the words that only say what kind of body it is: "Espoon kaupunki" → "espoon". */
export function nameKey(name: string): string {
  return wordsOf(name)
    .filter((word) => !BODY_WORDS.has(word))
    .join(' ');
}

/**
 * Genitive stem → nominative, for the usual consonant gradations of Finnish place names. A guess that
 * matches no real name does no harm: a form is only ever compared with what the user typed.
 */
const GRADATIONS: readonly [RegExp, string][] = [
  [/ngi$/, 'nki'], // Helsingin → Helsinki
  [/udenmaa$/, 'usimaa'], // Länsi-Uudenmaan → Länsi-Uusimaa
  [/ngo$/, 'nko'], // Hangon → Hanko
  [/nna$/, 'nta'], // Lappeenrannan → Lappeenranta
  [/de$/, 'ti'], // Lahden → Lahti
  [/u$/, 'ku'], // Turun → Turku
  [/ee$/, 'e'], // Tampereen → Tampere
  [/([aeiouy])e$/, '$1ki'], // Seinäjoen → Seinäjoki
  [/e$/, 'i'], // Rovaniemen → Rovaniemi, Nurmijärven → Nurmijärvi
];

/**
 * The forms a customer answers to: its key and, when the name is "<genitive> kaupunki/kunta", the
 * base forms the genitive may come from (Espoon → espoo; Turun → turu, turku; Tampereen → tampere).
 */
export function nameForms(name: string): string[] {
  const words = wordsOf(name);
  const key = nameKey(name);
  const last = key.split(' ').at(-1) ?? '';
  const namesItsKind = words.some((word) => BODY_WORDS.has(word));
  if (!namesItsKind || !last.endsWith('n') || last.length < 3) return [key];
  const stem = last.slice(0, -1);
  const bases = new Set([stem]);
  for (const [ending, base] of GRADATIONS) if (ending.test(stem)) bases.add(stem.replace(ending, base));
  const head = key.split(' ').slice(0, -1).join(' ');
  return [key, ...[...bases].map((b) => (head ? `${head} ${b}` : b))];
}

/**
 * Each list's name forms, computed once per list: the store hands out the same cached customer list until a
 * customer is written (issue 10: recomputing 3,000 customers' forms took ~9 ms of every `asiakas` at 10×).
 */
const formsOfList = new WeakMap<readonly object[], { customer: unknown; forms: string[] }[]>();

function indexedForms<T extends { name: string }>(customers: readonly T[]): { customer: T; forms: string[] }[] {
  let indexed = formsOfList.get(customers);
  if (!indexed) {
    indexed = customers.map((customer) => ({ customer, forms: nameForms(customer.name) }));
    formsOfList.set(customers, indexed);
  }
  return indexed as { customer: T; forms: string[] }[];
}

/** Matches `typed` against customers by name; see the file comment for the rules. */
export function matchCustomers<T extends { name: string }>(typed: string, customers: readonly T[], closestCount = 3): CustomerMatch<T> {
  const wanted = nameKey(typed);
  if (wanted === '') return { kind: 'empty' };
  const byName = (a: T, b: T) => a.name.localeCompare(b.name, 'fi');
  const indexed = indexedForms(customers);

  const exact = indexed.filter((c) => c.forms.includes(wanted)).map((c) => c.customer);
  if (exact.length === 1) return { kind: 'one', customer: exact[0]! };
  if (exact.length > 1) return { kind: 'candidates', customers: exact.sort(byName) };

  // A word starting with what was typed comes before a match somewhere inside a word.
  const startsAWord = (form: string) => form.split(' ').some((_, i, words) => words.slice(i).join(' ').startsWith(wanted));
  const prefix = indexed.filter((c) => c.forms.some(startsAWord)).map((c) => c.customer);
  const isPrefix = new Set(prefix);
  const inside = indexed.filter((c) => !isPrefix.has(c.customer) && c.forms.some((f) => f.includes(wanted))).map((c) => c.customer);
  if (prefix.length + inside.length > 0) return { kind: 'candidates', customers: [...prefix.sort(byName), ...inside.sort(byName)] };

  const distance = (forms: string[]) => Math.min(...forms.map((f) => editDistance(wanted, f)));
  const closest = indexed
    .map((c) => ({ customer: c.customer, distance: distance(c.forms) }))
    .sort((a, b) => a.distance - b.distance || byName(a.customer, b.customer))
    .slice(0, closestCount)
    .map((c) => c.customer);
  return { kind: 'none', closest };
}
