import type { CareHome } from '../domain/records/care-home.js';
import type { ActorRef } from '../domain/records/common.js';
import { fold, matchRank } from '../domain/text/finnish-fold.js';
import { may, personOf } from './authorize.js';
import type { AppContext } from './app-context.js';
import { careHomeTitle } from './care-home-choices.js';
import { recordableHomes } from './list-open-places.js';
import { forbidden, type UseCaseResult } from './result.js';
import { searchBounds, type SearchRequest } from './search-bounds.js';

/**
 * The care homes matching what was typed in a form's care-home choice: only those the actor may record
 * for (what the form offers; the use case authorizes the submitted one again), the name or the town
 * starting with the text first, then a word of them, then anywhere, each in Finnish order; at most `top`
 * (≤ 25). Someone outside the people list is refused (no results).
 *
 * Filtered in memory, not in SQL: careHomes() is the store's cached list (44 homes, 440 at 10×), read again
 * only after a home was written, so a search reads nothing and folds a few hundred short titles.
 */
export async function searchCareHomes(ctx: AppContext, actor: ActorRef, search: SearchRequest): Promise<UseCaseResult<CareHome[]>> {
  const person = await personOf(ctx, actor);
  const decision = may(person, 'read');
  if (!decision.ok) return forbidden(decision);
  const { text, top, skip } = searchBounds(search);
  return { ok: true, value: ranked(await recordableHomes(ctx, person), text).slice(skip, skip + top), duplicate: false };
}

/**
 * Any care home by what was typed (the tab's home filters: every role may read every home's summary), ranked as
 * above, a page of at most `top`, and how many matched in all.
 */
export async function findCareHomes(ctx: AppContext, actor: ActorRef, search: SearchRequest): Promise<UseCaseResult<{ homes: CareHome[]; total: number }>> {
  const person = await personOf(ctx, actor);
  const decision = may(person, 'read');
  if (!decision.ok) return forbidden(decision);
  const { text, top, skip } = searchBounds(search);
  const matches = ranked(await ctx.store.queries.careHomes(), text);
  return { ok: true, value: { homes: matches.slice(skip, skip + top), total: matches.length }, duplicate: false };
}

/** The homes whose title matches `text`: the name or the town starting with it first, then a word, then anywhere. */
function ranked(homes: readonly CareHome[], text: string): CareHome[] {
  const query = fold(text.trim());
  const found: { home: CareHome; rank: number }[] = [];
  for (const home of homes) {
    // The title is "Name (Town)": its start is the name's, a word after "(" is the town's.
    const rank = matchRank(fold(careHomeTitle(home)), query);
    if (rank !== undefined) found.push({ home, rank });
  }
  // Stable: careHomes() comes in Finnish name order, which holds within a rank.
  found.sort((a, b) => a.rank - b.rank);
  return found.map((r) => r.home);
}
