import type { InvokeResponse } from 'botbuilder';
import type { AppContext } from '../src/app/app-context.js';
import { careHomeTitle } from '../src/app/care-home-choices.js';
import type { UseCaseResult } from '../src/app/result.js';
import type { SearchRequest } from '../src/app/search-bounds.js';
import { searchCareHomes } from '../src/app/search-care-homes.js';
import { contactTitle } from '../src/app/contact-title.js';
import { searchContacts } from '../src/app/search-contacts.js';
import { searchCustomers } from '../src/app/search-customers.js';
import type { ActorRef } from '../src/domain/records/common.js';
import type { Logger } from '../src/logger.js';

/**
 * The answer to Teams' dynamic typeahead. A searchable choice with `choices.data` = Data.Query <dataset>
 * (bot/forms/form-card.ts searchChoiceSet) makes Teams send, as the user types, an `invoke` named
 * `application/search` with `value: { queryText, dataset, queryOptions: { skip, top } }`; the bot answers
 * `{ status: 200, body: { type: 'application/vnd.microsoft.search.searchResponse', value: { results:
 * [{ title, value }] } } }`, title shown and value submitted (msteams-docs,
 * task-modules-and-cards/cards/dynamic-search.md, "Invoke request" and "Response").
 *
 * Always a 200: someone outside the people list, an unknown dataset or a failed read gets no results, so
 * the dropdown shows nothing found rather than an error — a 5xx would also make the channel retry. The
 * submitted id is validated by the use case like any other (unknown → a field error).
 */
export const SEARCH_INVOKE = 'application/search';
export const SEARCH_RESPONSE_TYPE = 'application/vnd.microsoft.search.searchResponse';

export interface SearchResult {
  title: string;
  value: string;
}

type Search = (app: AppContext, actor: ActorRef, search: SearchRequest) => Promise<UseCaseResult<SearchResult[]>>;

/** Each dataset a card's Data.Query may name, and the use case that answers it; nothing else is searched. */
const searches = {
  customers: async (app, actor, search) => mapped(await searchCustomers(app, actor, search), (c) => ({ title: c.name, value: c.id })),
  careHomes: async (app, actor, search) => mapped(await searchCareHomes(app, actor, search), (h) => ({ title: careHomeTitle(h), value: h.id })),
  contacts: async (app, actor, search) => mapped(await searchContacts(app, actor, search), (c) => ({ title: contactTitle(c), value: c.id })),
} satisfies Record<string, Search>;

export type SearchDataset = keyof typeof searches;

function mapped<T>(result: UseCaseResult<T[]>, toResult: (item: T) => SearchResult): UseCaseResult<SearchResult[]> {
  return result.ok ? { ...result, value: result.value.map(toResult) } : result;
}

export function searchResponse(results: SearchResult[]): InvokeResponse {
  return { status: 200, body: { type: SEARCH_RESPONSE_TYPE, value: { results } } };
}

export async function answerSearchInvoke(app: AppContext, actor: ActorRef, value: unknown, logger: Logger): Promise<InvokeResponse> {
  const search = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  // An own-property check: a dataset named "toString" or "__proto__" is no dataset.
  const dataset = typeof search.dataset === 'string' && Object.hasOwn(searches, search.dataset) ? (search.dataset as SearchDataset) : undefined;
  if (!dataset) return searchResponse([]);
  const options = typeof search.queryOptions === 'object' && search.queryOptions !== null ? (search.queryOptions as Record<string, unknown>) : {};
  try {
    const found = await searches[dataset](app, actor, { text: search.queryText, top: options.top, skip: options.skip });
    return searchResponse(found.ok ? found.value : []);
  } catch (error) {
    logger.error(`${dataset} search failed`, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    return searchResponse([]);
  }
}
