import type { CareHome } from '../domain/records/care-home.js';
import { regions, type ServiceType } from '../domain/records/common.js';
import type { PlaceStatus } from '../domain/records/place.js';
import type { Occupancy, PlaceTotals } from './schemas/occupancy.js';

type Count = { careHomeId: string; serviceType: ServiceType; status: PlaceStatus; count: number };
type Tally = Omit<PlaceTotals, 'rate'>;

const empty = (): Tally => ({ places: 0, occupied: 0, freeing: 0, free: 0, reserved: 0 });
const field: Record<PlaceStatus, keyof Tally> = { kaytossa: 'occupied', vapautuu: 'freeing', vapaa: 'free', 'alustavasti-varattu': 'reserved' };

function add(tally: Tally, status: PlaceStatus, count: number): void {
  tally.places += count;
  tally[field[status]] += count;
}

/** The occupancy rate as the occupancy table has it: occupied places over all places (none: no rate). */
const withRate = (t: Tally): PlaceTotals => ({ ...t, rate: t.places === 0 ? null : t.occupied / t.places });

/**
 * The occupancy board from the store's aggregate counts (one row per home, service type and status): arithmetic
 * only, so a page view reads a few hundred rows at any size (issue 13, "figures at real size").
 */
export function occupancyOf(today: string, homes: readonly CareHome[], counts: readonly Count[]): Occupancy {
  const byHome = new Map<string, { totals: Tally; byType: Map<ServiceType, Tally> }>();
  const byRegion = new Map(regions.map((r) => [r, empty()]));
  const company = empty();
  const homeById = new Map(homes.map((h) => [h.id, h]));
  for (const c of counts) {
    const home = homeById.get(c.careHomeId);
    if (!home) continue;
    const entry = byHome.get(home.id) ?? { totals: empty(), byType: new Map() };
    byHome.set(home.id, entry);
    const ofType = entry.byType.get(c.serviceType) ?? empty();
    entry.byType.set(c.serviceType, ofType);
    for (const tally of [entry.totals, ofType, byRegion.get(home.region)!, company]) add(tally, c.status, c.count);
  }
  return {
    today,
    // The homes in the cached Finnish order, grouped by region in the regions' order.
    homes: regions.flatMap((region) =>
      homes
        .filter((h) => h.region === region)
        .map((h) => {
          const entry = byHome.get(h.id);
          return {
            id: h.id,
            name: h.name,
            region: h.region,
            city: h.city,
            totals: withRate(entry?.totals ?? empty()),
            byServiceType: [...(entry?.byType ?? new Map<ServiceType, Tally>())].map(([serviceType, t]) => ({ serviceType, ...withRate(t) })),
          };
        }),
    ),
    regions: regions.map((region) => ({ region, ...withRate(byRegion.get(region)!) })),
    company: withRate(company),
  };
}
