import type { ActorRef } from '../domain/records/common.js';
import type { CustomerName } from '../store/record-queries.js';
import type { AppContext } from './app-context.js';
import { authorize } from './authorize.js';
import { forbidden, type UseCaseResult } from './result.js';
import { searchBounds, type SearchRequest } from './search-bounds.js';

export { SEARCH_MAX } from './search-bounds.js';
export type CustomerSearch = SearchRequest;

/**
 * The customers whose name matches what was typed in a customer choice (every form's customer field, the
 * place card's Reserve): names starting with it first, then a word starting with it, each in Finnish
 * order; at most `top` (≤ 25). Anyone on the people list may read customers; someone outside it is refused.
 */
export async function searchCustomers(ctx: AppContext, actor: ActorRef, search: CustomerSearch): Promise<UseCaseResult<CustomerName[]>> {
  const decision = await authorize(ctx, actor, 'read');
  if (!decision.ok) return forbidden(decision);
  const { text, top, skip } = searchBounds(search);
  return { ok: true, value: await ctx.store.queries.searchCustomers(text, top, skip), duplicate: false };
}
