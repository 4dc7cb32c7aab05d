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
  const query = fold(text.trim());
  const ranked: { home: CareHome; rank: number }[] = [];
  for (const home of await recordableHomes(ctx, person)) {
    // The title is "Name (Town)": its start is the name's, a word after "(" is the town's.
    const rank = matchRank(fold(careHomeTitle(home)), query);
    if (rank !== undefined) ranked.push({ home, rank });
  }
  // Stable: careHomes() comes in Finnish name order, which holds within a rank.
  ranked.sort((a, b) => a.rank - b.rank);
  return { ok: true, value: ranked.slice(skip, skip + top).map((r) => r.home), duplicate: false };
}
