/**
 * What every typeahead search takes from a Teams `application/search` invoke (the customer and the care-home
 * choices alike), checked once here: the inputs come from the client, so a bad one is read as "nothing asked".
 */

/**
 * The most results one search answers. Teams shows at most 15 in a typeahead's dropdown and asks with
 * `top` (msteams-docs, task-modules-and-cards/cards/dynamic-search.md, "Invoke request"); 25 leaves room
 * for a client that asks more, and bounds what a forged request can make the bot read.
 */
export const SEARCH_MAX = 25;
/** Longer than any customer's or home's name: a longer query matches nothing and is not worth folding. */
const TEXT_MAX = 200;
/** Paging further than this is scrolling, not searching: the bound keeps OFFSET cheap whatever is asked. */
const SKIP_MAX = 10_000;

/** A search as the invoke carries it: any value may be missing or of the wrong type. */
export interface SearchRequest {
  text?: unknown;
  top?: unknown;
  skip?: unknown;
}

export interface SearchBounds {
  text: string;
  top: number;
  skip: number;
}

export function searchBounds(search: SearchRequest): SearchBounds {
  return {
    text: typeof search.text === 'string' ? search.text.slice(0, TEXT_MAX) : '',
    top: bounded(search.top, 1, SEARCH_MAX, SEARCH_MAX),
    skip: bounded(search.skip, 0, SKIP_MAX, 0),
  };
}

function bounded(value: unknown, min: number, max: number, otherwise: number): number {
  return typeof value === 'number' && Number.isInteger(value) ? Math.min(Math.max(value, min), max) : otherwise;
}
