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
 * totals. The store's counts are aggregates (record-queries.ts: placeTalliesOf, regionPlaceTotals), so a view
 * reads rows in proportion to the page: by name, region or town only the page's homes are counted; sorting by a
 * count or "only homes with free places" counts the homes that match the filters (one region's, when one is named).
 */
export async function showOccupancy(ctx: AppContext, person: Person | undefined, today: string, request: OccupancyRequest): Promise<UseCaseResult<OccupancyBoard>> {
  const decision = may(person, 'read');
  if (!decision.ok) return forbidden(decision);
  const { queries } = ctx.store;
  const text = request.q ? fold(request.q) : '';
  const matching = (await queries.careHomes()).filter(
    (h) => (!request.region || h.region === request.region) && (!text || fold(h.name).includes(text) || fold(h.city).includes(text)),
  );
  const direction = request.order === 'desc' ? -1 : 1;
  const byCounts = request.onlyFree || !['name', 'region', 'city'].includes(request.sort);

  let page: OccupancyHomeRow[];
  let total: number;
  const regionTotals = await queries.regionPlaceTotals(today, request.serviceType);
  if (byCounts) {
    const rows = rowsOf(matching, await queries.placeTalliesOf(today, matching.map((h) => h.id), request.serviceType)).filter((row) => !request.onlyFree || row.totals.free > 0);
    // Stable sort: equal counts keep the Finnish name order of careHomes(); a home with no places has no rate, last.
    rows.sort((a, b) => direction * compareBy(request.sort, a, b));
    total = rows.length;
    page = rows.slice(request.offset, request.offset + request.limit);
  } else {
    const textSort = request.sort as 'name' | 'region' | 'city';
    const ordered = [...matching].sort((a, b) => direction * compareHomes(textSort, a, b));
    total = ordered.length;
    const shown = ordered.slice(request.offset, request.offset + request.limit);
    page = rowsOf(shown, await queries.placeTalliesOf(today, shown.map((h) => h.id), request.serviceType));
  }

  const byRegion = new Map(regions.map((r) => [r, emptyTally()]));
  const company = emptyTally();
  for (const row of regionTotals) {
    addPlaces(byRegion.get(row.region)!, row.status, row.count);
    addPlaces(company, row.status, row.count);
  }
  return {
    ok: true,
    duplicate: false,
    value: {
      today,
      homes: page,
      total,
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

type Named = Pick<CareHome, 'name' | 'region' | 'city'>;

/** By a text column; ties keep the order they came in (careHomes(): Finnish name order), the sort being stable. */
function compareHomes(sort: 'name' | 'region' | 'city', a: Named, b: Named): number {
  if (sort === 'region') return regions.indexOf(a.region) - regions.indexOf(b.region);
  return finnish.compare(a[sort], b[sort]);
}

function compareBy(sort: OccupancySort, a: OccupancyHomeRow, b: OccupancyHomeRow): number {
  if (sort === 'name' || sort === 'region' || sort === 'city') return compareHomes(sort, a, b);
  // A home with no places has no rate: lower than any rate.
  if (sort === 'rate') return (a.totals.rate ?? -1) - (b.totals.rate ?? -1);
  return a.totals[sort] - b.totals[sort];
}
