import type { ActorRef } from '../domain/records/common.js';
import type { CustomerName } from '../store/record-queries.js';
import type { AppContext } from './app-context.js';
import { authorize } from './authorize.js';
import { forbidden, type UseCaseResult } from './result.js';

/**
 * The most customers one search answers. Teams shows at most 15 in a typeahead's dropdown and asks with
 * `top` (msteams-docs, task-modules-and-cards/cards/dynamic-search.md, "Invoke request"); 25 leaves room
 * for a client that asks more, and bounds what a forged request can make the bot read.
 */
export const SEARCH_MAX = 25;
/** Longer than any customer's name: a longer query matches nothing and is not worth folding. */
const TEXT_MAX = 200;
/** Paging further than this is scrolling, not searching: the bound keeps OFFSET cheap whatever is asked. */
const SKIP_MAX = 10_000;

export interface CustomerSearch {
  text?: unknown;
  top?: unknown;
  skip?: unknown;
}

/**
 * The customers whose name matches what was typed in a customer choice (every form's customer field, the
 * place card's Reserve): names starting with it first, then a word starting with it, each in Finnish
 * order; at most `top` (≤ 25). Anyone on the people list may read customers; someone outside it is refused.
 * Inputs come from a Teams invoke, so each is checked here and a bad one is read as "nothing asked".
 */
export async function searchCustomers(ctx: AppContext, actor: ActorRef, search: CustomerSearch): Promise<UseCaseResult<CustomerName[]>> {
  const decision = await authorize(ctx, actor, 'read');
  if (!decision.ok) return forbidden(decision);
  const text = typeof search.text === 'string' ? search.text.slice(0, TEXT_MAX) : '';
  const top = bounded(search.top, 1, SEARCH_MAX, SEARCH_MAX);
  const skip = bounded(search.skip, 0, SKIP_MAX, 0);
  return { ok: true, value: await ctx.store.queries.searchCustomers(text, top, skip), duplicate: false };
}

function bounded(value: unknown, min: number, max: number, otherwise: number): number {
  return typeof value === 'number' && Number.isInteger(value) ? Math.min(Math.max(value, min), max) : otherwise;
}
