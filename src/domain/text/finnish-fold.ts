/**
 * What a search compares, lower case in Finnish (NFC first, so a decomposed "ä" typed on a Mac matches a
 * composed one). Diacritics are kept: a, ä and å are different letters in Finnish. Pure, so the SQL search
 * (src/store/sqlite/finnish-text.ts hoiva_fold) and the in-memory ones (src/app/search-care-homes.ts) fold alike.
 */
export function fold(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('fi');
}

/**
 * How well a folded name matches a folded query, as the customer search orders it in SQL: 0 the name
 * starts with it, 1 a word does (after a space, hyphen or parenthesis), 2 it is inside, undefined no match.
 */
export function matchRank(foldedName: string, foldedQuery: string): 0 | 1 | 2 | undefined {
  if (foldedName.startsWith(foldedQuery)) return 0;
  if ([' ', '-', '('].some((before) => foldedName.includes(before + foldedQuery))) return 1;
  return foldedName.includes(foldedQuery) ? 2 : undefined;
}
