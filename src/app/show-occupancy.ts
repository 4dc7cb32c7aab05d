import { addPlaces, emptyTally, withRate, type Tally, type Totals } from '../domain/places/occupancy-totals.js';
import type { CareHome } from '../domain/records/care-home.js';
import { regions, type Region, type ServiceType } from '../domain/records/common.js';
import type { Person } from '../domain/records/person.js';
import { fold } from '../domain/text/finnish-fold.js';
import type { PlaceTally } from '../store/record-queries.js';
import type { AppContext } from './app-context.js';
import { may } from './authorize.js';
import { forbidden, type UseCaseResult } from './result.js';

export type OccupancySort = 'name' | 'region' | 'city' | 'places' | 'occupied' | 'freeing' | 'free' | 'reserved' | 'rate';

export interface OccupancyRequest {
  region?: Region | undefined;
  serviceType?: ServiceType | undefined;
  /** Part of a home's name or town. */
  q?: string | undefined;
  onlyFree?: boolean | undefined;
  sort: OccupancySort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface OccupancyHomeRow {
  id: string;
  name: string;
  region: Region;
  city: string;
  totals: Totals;
  byServiceType: (Totals & { serviceType: ServiceType })[];
}

export interface OccupancyBoard {
  today: string;
  homes: OccupancyHomeRow[];
  /** How many homes match the filters (the page is `homes`). */
  total: number;
  offset: number;
  limit: number;
  regions: (Totals & { region: Region })[];
  company: Totals;
}

const finnish = new Intl.Collator('fi');

/**
 * The occupancy board (käyttöasteseurantataulukko, thesis 6.1; issue 13's Käyttöaste page): one page of homes
 * with their places by status and service type and the occupancy rate, beside every region's and the company's
 * totals. Both of the store's reads are aggregates (record-queries.ts): every home's totals by status
 * (homePlaceTotals, kept between place changes) give the regions, the company, "only homes with free places"
 * and a sort by a count; the page's homes alone are then counted by service type (placeTalliesOf).
 */
export async function showOccupancy(ctx: AppContext, person: Person | undefined, today: string, request: OccupancyRequest): Promise<UseCaseResult<OccupancyBoard>> {
  const decision = may(person, 'read');
  if (!decision.ok) return forbidden(decision);
  const { queries } = ctx.store;
  const [homes, counts] = await Promise.all([queries.careHomes(), queries.homePlaceTotals(today, request.serviceType)]);

  const byHome = new Map<string, Tally>();
  const byRegion = new Map(regions.map((r) => [r, emptyTally()]));
  const company = emptyTally();
  const regionOf = new Map(homes.map((h) => [h.id, h.region]));
  for (const c of counts) {
    const region = regionOf.get(c.careHomeId);
    if (!region) continue;
    const home = byHome.get(c.careHomeId) ?? emptyTally();
    byHome.set(c.careHomeId, home);
    for (const tally of [home, byRegion.get(region)!, company]) addPlaces(tally, c.status, c.count);
  }
  const rated = new Map<string, Totals>();
  const totalsOf = (home: CareHome): Totals => {
    let totals = rated.get(home.id);
    if (!totals) rated.set(home.id, (totals = withRate(byHome.get(home.id) ?? emptyTally())));
    return totals;
  };

  const text = request.q ? fold(request.q) : '';
  const matching = homes.filter(
    (h) =>
      (!request.region || h.region === request.region) &&
      (!text || fold(h.name).includes(text) || fold(h.city).includes(text)) &&
      (!request.onlyFree || (byHome.get(h.id)?.free ?? 0) > 0),
  );
  const direction = request.order === 'desc' ? -1 : 1;
  // Stable sorts: ties keep the Finnish name order careHomes() comes in (by name is that order, or its reverse).
  const ordered =
    request.sort === 'name'
      ? direction === 1
        ? matching
        : [...matching].reverse()
      : [...matching].sort((a, b) => direction * compareBy(request.sort, a, b, totalsOf));
  const shown = ordered.slice(request.offset, request.offset + request.limit);
  const tallies = await queries.placeTalliesOf(today, shown.map((h) => h.id), request.serviceType);

  return {
    ok: true,
    duplicate: false,
    value: {
      today,
      homes: rowsOf(shown, tallies),
      total: ordered.length,
      offset: request.offset,
      limit: request.limit,
      regions: regions.map((region) => ({ region, ...withRate(byRegion.get(region)!) })),
      company: withRate(company),
    },
  };
}

/** The homes (in their order) with their tallies; a home without places has zero of each. */
function rowsOf(homes: readonly CareHome[], tallies: readonly PlaceTally[]): OccupancyHomeRow[] {
  const byHome = new Map<string, { totals: Tally; byType: Map<ServiceType, Tally> }>();
  for (const t of tallies) {
    const entry = byHome.get(t.careHomeId) ?? { totals: emptyTally(), byType: new Map<ServiceType, Tally>() };
    byHome.set(t.careHomeId, entry);
    const ofType = entry.byType.get(t.serviceType) ?? emptyTally();
    entry.byType.set(t.serviceType, ofType);
    addPlaces(entry.totals, t.status, t.count);
    addPlaces(ofType, t.status, t.count);
  }
  return homes.map((h) => {
    const entry = byHome.get(h.id);
    return {
      id: h.id,
      name: h.name,
      region: h.region,
      city: h.city,
      totals: withRate(entry?.totals ?? emptyTally()),
      byServiceType: [...(entry?.byType ?? new Map<ServiceType, Tally>())].map(([serviceType, t]) => ({ serviceType, ...withRate(t) })),
    };
  });
}

function compareBy(sort: OccupancySort, a: CareHome, b: CareHome, totalsOf: (home: CareHome) => Totals): number {
  if (sort === 'region') return regions.indexOf(a.region) - regions.indexOf(b.region);
  if (sort === 'name' || sort === 'city') return finnish.compare(a[sort], b[sort]);
  // A home with no places has no rate: lower than any rate.
  if (sort === 'rate') return (totalsOf(a).rate ?? -1) - (totalsOf(b).rate ?? -1);
  return totalsOf(a)[sort] - totalsOf(b)[sort];
}
