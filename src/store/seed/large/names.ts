import type { Prng } from './prng.js';

/**
 * Obviously fictional place names for the real-size demo: every stem means "example", "story", "dream" and
 * the like (Esimerkki, Satu, Kuvitelma …), so nobody mistakes a generated customer for a real county or
 * city. People's names are common Finnish first and last names in random pairs, as in the small demo.
 */
const STEMS = [
  'Esimerkki', 'Kuvitelma', 'Keksi', 'Satu', 'Haave', 'Unelma', 'Tarina', 'Leikki', 'Taru', 'Fiktio', 'Malli', 'Arvoitus',
  'Mielikuva', 'Runo', 'Loru', 'Kertomus', 'Legenda', 'Myytti', 'Kangastus', 'Utopia', 'Toive', 'Aate', 'Visio', 'Luonnos',
] as const;

/** A place-name ending with its genitive (the form before "kaupunki", "kunta", "hyvinvointialue"). */
const ENDINGS: readonly (readonly [nominative: string, genitive: string])[] = [
  ['lä', 'län'], ['niemi', 'niemen'], ['järvi', 'järven'], ['koski', 'kosken'], ['vaara', 'vaaran'], ['salo', 'salon'],
  ['lahti', 'lahden'], ['mäki', 'mäen'], ['harju', 'harjun'], ['ranta', 'rannan'], ['joki', 'joen'], ['saari', 'saaren'],
];

const PREFIXES = ['', 'Pohjois-', 'Etelä-', 'Itä-', 'Länsi-', 'Keski-', 'Ylä-', 'Ala-'] as const;

export interface PlaceName {
  nominative: string;
  genitive: string;
}

/** Every place name in a fixed order (24 × 12 × 8 = 2,304); callers take them in a shuffled order. */
export function allPlaceNames(): PlaceName[] {
  const names: PlaceName[] = [];
  for (const prefix of PREFIXES) {
    for (const stem of STEMS) {
      for (const [nominative, genitive] of ENDINGS) {
        // "Esimerkki" + "lä" → "Esimerkkilä"; a prefix keeps the stem's capital ("Pohjois-Esimerkkilä").
        names.push({ nominative: `${prefix}${stem}${nominative}`, genitive: `${prefix}${stem}${genitive}` });
      }
    }
  }
  return names;
}

const FIRST_NAMES = [
  'Anna', 'Aino', 'Eeva', 'Helena', 'Johanna', 'Kaisa', 'Laura', 'Maria', 'Minna', 'Noora', 'Paula', 'Riikka', 'Sanna', 'Tiina', 'Ulla',
  'Antti', 'Eero', 'Heikki', 'Janne', 'Jukka', 'Kalle', 'Lauri', 'Markku', 'Mikko', 'Olli', 'Pekka', 'Sami', 'Timo', 'Ville', 'Juha',
] as const;
const LAST_NAMES = [
  'Aaltonen', 'Heikkinen', 'Hämäläinen', 'Jokinen', 'Karjalainen', 'Koskinen', 'Laine', 'Lehtonen', 'Mäkinen', 'Niemi',
  'Nieminen', 'Ojala', 'Peltonen', 'Rantanen', 'Salminen', 'Saarinen', 'Tuominen', 'Turunen', 'Virtanen', 'Väisänen',
] as const;

export function personName(prng: Prng): { first: string; last: string; full: string } {
  const first = prng.pick(FIRST_NAMES);
  const last = prng.pick(LAST_NAMES);
  return { first, last, full: `${first} ${last}` };
}

/** ASCII for an e-mail address: "Hämäläinen" → "hamalainen". */
export function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
