import { localDate } from '../domain/dates.js';
import type { CareHome } from '../domain/records/care-home.js';
import { regions, type ActorRef, type Region } from '../domain/records/common.js';
import type { Person } from '../domain/records/person.js';
import { t } from '../i18n/messages.js';
import type { PlaceOnDay } from '../store/record-queries.js';
import type { AppContext } from './app-context.js';
import { allows, homeScope, personOf } from './authorize.js';

/** A listed place; a reserved one names the customer it is reserved for (the reserver is on the place). */
export type ListedPlace = PlaceOnDay & { reservedForName?: string | undefined };

export interface OpenPlacesOfHome {
  home: CareHome;
  places: ListedPlace[];
}

/** The open places a card shows (a bounded page, grouped by home), and how many there are in all. */
export interface OpenPlacesView {
  groups: OpenPlacesOfHome[];
  /** Every open place and the homes they are in, shown or not. */
  total: number;
  homes: number;
  /** Open places not in `groups`: the card says how many. */
  notShown: number;
  /** What the list was narrowed to (`paikat etelä`, `paikat koivukoti`), for the card's title. */
  narrowedTo?: NarrowedTo | undefined;
}

/** A region, or the homes a typed text matched (one home's name, or the text when it matched several). */
export type NarrowedTo = { region: Region } | { homes: string };

/** Which places a list shows: a region or some homes, the reserved ones too or not, at most `limit`. */
export interface PlacesFilter {
  region?: Region | undefined;
  careHomeIds?: readonly string[] | undefined;
  /** `paikat` lists reserved places too (who and for whom); the customer card offers open ones only. */
  withReserved?: boolean | undefined;
  limit?: number;
  /** Shown on the card: what the filter was made from. */
  narrowedTo?: NarrowedTo | undefined;
}

/**
 * How many places `paikat` lists: about 14 KB of card at the longest lines, half of the 28 KB a card may
 * take (Teams refuses a message over its size limit). The rest are counted on the card.
 */
export const OPEN_PLACES_SHOWN = 40;

/**
 * The free and freeing places per home, what sales checks when a customer calls (thesis 6.1): by region
 * and home name, each home's soonest first; at most `limit` of them, read so (store.queries.openPlaces).
 * With `withReserved` (`paikat`) the preliminarily reserved places are listed among them, in date order,
 * with the customer's name from the cached customer list: sales sees what is taken, by whom and for whom.
 */
export async function listOpenPlaces(ctx: AppContext, filter: PlacesFilter = {}): Promise<OpenPlacesView> {
  const today = localDate(ctx.clock.now());
  const [page, homes, customers] = await Promise.all([
    ctx.store.queries.openPlaces({ today, region: filter.region, careHomeIds: filter.careHomeIds, withReserved: filter.withReserved, limit: filter.limit ?? OPEN_PLACES_SHOWN }),
    ctx.store.queries.careHomes(),
    filter.withReserved ? ctx.store.queries.customerNames() : [],
  ]);
  const homeById = new Map(homes.map((h) => [h.id, h]));
  const customerName = new Map(customers.map((c) => [c.id, c.name]));
  const groups: OpenPlacesOfHome[] = [];
  // The page comes in home order: consecutive places of a home make its group.
  for (const onDay of page.places) {
    const place: ListedPlace = onDay.reservedForCustomerId && onDay.effectiveStatus === 'alustavasti-varattu' ? { ...onDay, reservedForName: customerName.get(onDay.reservedForCustomerId) ?? '?' } : onDay;
    const last = groups.at(-1);
    if (last?.home.id === place.careHomeId) last.places.push(place);
    else groups.push({ home: homeById.get(place.careHomeId)!, places: [place] });
  }
  // SQL ordered a home's places by date and label as bytes; labels are compared the Finnish way here.
  for (const group of groups) group.places.sort((a, b) => (a.freeFrom ?? '').localeCompare(b.freeFrom ?? '') || a.label.localeCompare(b.label, 'fi'));
  return { groups, total: page.total, homes: page.homes, notShown: page.total - page.places.length, narrowedTo: filter.narrowedTo };
}

/** Lower case without diacritics: "Etelä" and "etela" are the same word when a filter is typed. */
const folded = (text: string): string => text.toLocaleLowerCase('fi').normalize('NFD').replace(/\p{M}/gu, '').trim();

/**
 * What `paikat <alue tai koti>` narrows the list to: a region by the start of its name in either language
 * ("etelä", "lounais", "southern"), else the homes whose name contains the text ("koivu"). Nothing typed is
 * every place; a text matching nothing is `unknown`, so the answer can say so instead of listing everything.
 */
export async function placesFilterFor(ctx: AppContext, typed: string): Promise<{ ok: true; filter: PlacesFilter } | { ok: false; unknown: string }> {
  const text = folded(typed);
  const base: PlacesFilter = { withReserved: true };
  if (text === '') return { ok: true, filter: base };
  const region = regions.find((r) => [r, t('fi', `region.${r}`), t('en', `region.${r}`)].some((name) => folded(name).startsWith(text)));
  if (region) return { ok: true, filter: { ...base, region, narrowedTo: { region } } };
  const homes = (await ctx.store.queries.careHomes()).filter((h) => folded(h.name).includes(text));
  if (homes.length === 0) return { ok: false, unknown: typed.trim() };
  return { ok: true, filter: { ...base, careHomeIds: homes.map((h) => h.id), narrowedTo: { homes: homes.length === 1 ? homes[0]!.name : typed.trim() } } };
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
