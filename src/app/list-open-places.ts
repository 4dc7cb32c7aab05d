import { localDate } from '../domain/dates.js';
import type { CareHome } from '../domain/records/care-home.js';
import type { ActorRef, Region } from '../domain/records/common.js';
import type { Person } from '../domain/records/person.js';
import type { PlaceOnDay } from '../store/record-queries.js';
import type { AppContext } from './app-context.js';
import { allows, homeScope, personOf } from './authorize.js';

export interface OpenPlacesOfHome {
  home: CareHome;
  places: PlaceOnDay[];
}

/** The open places a card shows (a bounded page, grouped by home), and how many there are in all. */
export interface OpenPlacesView {
  groups: OpenPlacesOfHome[];
  /** Every open place and the homes they are in, shown or not. */
  total: number;
  homes: number;
  /** Open places not in `groups`: the card says how many. */
  notShown: number;
}

/**
 * How many places `paikat` lists: about 14 KB of card at the longest lines, half of the 28 KB a card may
 * take (Teams refuses a message over its size limit). The rest are counted on the card.
 */
export const OPEN_PLACES_SHOWN = 40;

/**
 * The free and freeing places per home, what sales checks when a municipality calls (thesis 6.1): by region
 * and home name, each home's soonest first; at most `limit` of them, read so (store.queries.openPlaces).
 */
export async function listOpenPlaces(ctx: AppContext, filter: { region?: Region | undefined; limit?: number } = {}): Promise<OpenPlacesView> {
  const today = localDate(ctx.clock.now());
  const [page, homes] = await Promise.all([
    ctx.store.queries.openPlaces({ today, region: filter.region, limit: filter.limit ?? OPEN_PLACES_SHOWN }),
    ctx.store.queries.careHomes(),
  ]);
  const homeById = new Map(homes.map((h) => [h.id, h]));
  const groups: OpenPlacesOfHome[] = [];
  // The page comes in home order: consecutive places of a home make its group.
  for (const place of page.places) {
    const last = groups.at(-1);
    if (last?.home.id === place.careHomeId) last.places.push(place);
    else groups.push({ home: homeById.get(place.careHomeId)!, places: [place] });
  }
  // SQL ordered a home's places by date and label as bytes; labels are compared the Finnish way here.
  for (const group of groups) group.places.sort((a, b) => (a.freeFrom ?? '').localeCompare(b.freeFrom ?? '') || a.label.localeCompare(b.label, 'fi'));
  return { groups, total: page.total, homes: page.homes, notShown: page.total - page.places.length };
}

/**
 * The care homes, by name. Given who asks, only the homes they may record for: a form offers a home
 * director their own home(s), a regional director the region's homes, everyone else every home.
 * The list is the store's cached one, read again only after a home was written.
 */
export async function listCareHomes(ctx: AppContext, recorder?: ActorRef): Promise<CareHome[]> {
  if (!recorder) return [...(await ctx.store.queries.careHomes())];
  return recordableHomes(ctx, await personOf(ctx, recorder));
}

/** The homes, by name, that this person (or nobody, for someone outside the people list: none) may record for. */
export async function recordableHomes(ctx: AppContext, person: Person | undefined): Promise<CareHome[]> {
  return (await ctx.store.queries.careHomes()).filter((home) => allows(person, 'recordForHome', homeScope(home)));
}
