import { addDays, daysBetween } from '../domain/dates.js';
import { lastQuarters, type QuarterSpan } from '../domain/metrics/quarters.js';
import { regions, type Region, type ServiceType } from '../domain/records/common.js';
import type { Person } from '../domain/records/person.js';
import type { CustomerName, HomeSelection } from '../store/record-queries.js';
import type { AppContext } from './app-context.js';
import { figuresReach, type FiguresReach, type FiguresScope } from './figures-scope.js';
import { invalid, type UseCaseResult } from './result.js';

/**
 * The figures management steers by (issue 13, the tab's Luvut page). Both are reads: aggregate queries on the
 * store (src/store/sqlite/sqlite-queries.ts, "figures"), arranged here into bounded pages; nothing is
 * loaded per entry. Who sees which homes and customers is figures-scope.ts.
 */

/** "If a customer has no entries for two weeks, what is wrong?" (seed 002): more days than this is overdue. */
export const CONTACT_OVERDUE_AFTER_DAYS = 14;
/** The process measures look back over the last four quarters, today's included. */
export const FIGURES_QUARTERS = 4;

interface Paging {
  region?: Region | undefined;
  top: number;
  skip: number;
}

export interface CustomerReportRequest extends Paging {
  year?: number | undefined;
  sort: 'revenue' | 'residents' | 'name';
}

export interface CustomerReportRow {
  id: string;
  name: string;
  region: Region;
  residents: number;
  occupiedDays: number;
  unpricedDays: number;
  revenue: number;
  services: { serviceType: ServiceType; residents: number; occupiedDays: number; revenue: number }[];
  satisfaction: number | null;
}

export interface CustomerReport {
  today: string;
  year: number;
  from: string;
  to: string;
  scope: FiguresScope;
  region?: Region | undefined;
  sort: CustomerReportRequest['sort'];
  top: number;
  skip: number;
  total: number;
  totals: { residents: number; occupiedDays: number; unpricedDays: number; revenue: number };
  customers: CustomerReportRow[];
}

/**
 * The customer report of thesis 6.2 for a year: per customer the residents it has placed (places sold to it and
 * occupied in the year — a count, never a name), the services bought (per service type), the realised revenue
 * (agreement price per day × occupied days; the rule is at SqliteRecordQueries.customerStays), and satisfaction,
 * which no record carries yet (null). This year runs to today. Sorted by revenue (default), residents or name.
 */
export async function showCustomerReport(ctx: AppContext, person: Person | undefined, today: string, request: CustomerReportRequest): Promise<UseCaseResult<CustomerReport>> {
  const thisYear = Number(today.slice(0, 4));
  const year = request.year ?? thisYear;
  if (year > thisYear) return invalid([{ field: 'year', key: 'tab.figures.error.yearAhead', params: { year: String(thisYear) } }]);
  const reach = await figuresReach(ctx, person, request.region);
  if (!reach.ok) return reach;
  const { scope, homes, customerRegions } = reach.value;
  const from = `${year}-01-01`;
  const until = year === thisYear ? addDays(today, 1) : `${year + 1}-01-01`;
  const [customers, stays] = await Promise.all([customersIn(ctx, customerRegions), ctx.store.queries.customerStays({ from, until, homeIds: homeSelection(reach.value) })]);

  const rows = new Map<string, CustomerReportRow>(customers.map((c) => [c.id, { id: c.id, name: c.name, region: c.region, residents: 0, occupiedDays: 0, unpricedDays: 0, revenue: 0, services: [], satisfaction: null }]));
  for (const stay of stays) {
    const row = rows.get(stay.customerId);
    if (!row) continue;
    row.residents += stay.stays;
    row.occupiedDays += stay.occupiedDays;
    row.unpricedDays += stay.unpricedDays;
    row.revenue = cents(row.revenue + stay.revenue);
    row.services.push({ serviceType: stay.serviceType, residents: stay.stays, occupiedDays: stay.occupiedDays, revenue: stay.revenue });
  }
  const all = [...rows.values()];
  // The customers come in Finnish name order and sort is stable: ties keep it.
  if (request.sort === 'revenue') all.sort((a, b) => b.revenue - a.revenue || b.residents - a.residents);
  if (request.sort === 'residents') all.sort((a, b) => b.residents - a.residents || b.revenue - a.revenue);
  const totals = all.reduce(
    (t, r) => ({ residents: t.residents + r.residents, occupiedDays: t.occupiedDays + r.occupiedDays, unpricedDays: t.unpricedDays + r.unpricedDays, revenue: cents(t.revenue + r.revenue) }),
    { residents: 0, occupiedDays: 0, unpricedDays: 0, revenue: 0 },
  );
  return {
    ok: true,
    duplicate: false,
    value: {
      today,
      year,
      from,
      to: addDays(until, -1),
      scope,
      region: request.region,
      sort: request.sort,
      top: request.top,
      skip: request.skip,
      total: all.length,
      totals,
      customers: all.slice(request.skip, request.skip + request.top),
    },
  };
}

export interface ProcessMeasures {
  today: string;
  scope: FiguresScope;
  region?: Region | undefined;
  overdueAfterDays: number;
  quarters: QuarterSpan[];
  contacts: {
    top: number;
    skip: number;
    total: number;
    overdue: number;
    customers: { id: string; name: string; region: Region; lastContact: string | null; daysSinceLastContact: number | null; overdue: boolean; perQuarter: number[] }[];
  };
  freePlaces: { top: number; skip: number; total: number; homes: { careHomeId: string; name: string; region: Region; taken: number; medianDays: number | null }[]; overall: { taken: number; medianDays: number | null } };
  complaints: { quarter: string; received: number; replied: number; informed: number; medianDaysToReply: number | null; medianDaysToInformed: number | null }[];
}

/**
 * The process measures of seed 002 over the last four quarters: days since each customer's last entry (overdue
 * past 14 days, or never contacted; the longest silence first, those never contacted before all), the entries
 * per customer per quarter (for the page's customers), the median days a freed place stayed free before it was
 * reserved or sold (per home and over the scope), and the complaints' response times per quarter.
 */
export async function showProcessMeasures(ctx: AppContext, person: Person | undefined, today: string, request: Paging & { homesTop: number; homesSkip: number }): Promise<UseCaseResult<ProcessMeasures>> {
  const reach = await figuresReach(ctx, person, request.region);
  if (!reach.ok) return reach;
  const { scope, homes, customerRegions } = reach.value;
  const quarters = lastQuarters(today, FIGURES_QUARTERS);
  const homeIds = homeSelection(reach.value);
  const period = { from: quarters[0]!.from, until: addDays(today, 1), homeIds };
  const [customers, lastDays, free, complaints] = await Promise.all([
    customersIn(ctx, customerRegions),
    ctx.store.queries.lastEntryDays(today),
    ctx.store.queries.freePlaceMedians(period),
    ctx.store.queries.complaintResponseTimes(homeIds, quarters),
  ]);

  const silence = customers.map((c) => {
    const last = lastDays.get(c.id) ?? null;
    const days = last ? daysBetween(last, today) : null;
    return { id: c.id, name: c.name, region: c.region, lastContact: last, daysSinceLastContact: days, overdue: days === null || days > CONTACT_OVERDUE_AFTER_DAYS };
  });
  // Never contacted first, then the longest silence; ties in Finnish name order (the list's, kept by a stable sort).
  silence.sort((a, b) => (b.daysSinceLastContact ?? Infinity) - (a.daysSinceLastContact ?? Infinity));
  const page = silence.slice(request.skip, request.skip + request.top);
  const perQuarter = await ctx.store.queries.entriesPerQuarter(
    page.map((c) => c.id),
    quarters,
  );
  const counted = new Map(perQuarter.map((r) => [`${r.customerId} ${r.quarter}`, r.count]));

  const freeByHome = new Map(free.homes.map((h) => [h.careHomeId, h]));
  const taken = homes.flatMap((h) => {
    const f = freeByHome.get(h.id);
    return f ? [{ careHomeId: h.id, name: h.name, region: h.region, taken: f.taken, medianDays: f.medianDays }] : [];
  });
  const complaintsByQuarter = new Map(complaints.map((c) => [c.quarter, c]));
  return {
    ok: true,
    duplicate: false,
    value: {
      today,
      scope,
      region: request.region,
      overdueAfterDays: CONTACT_OVERDUE_AFTER_DAYS,
      quarters,
      contacts: {
        top: request.top,
        skip: request.skip,
        total: silence.length,
        overdue: silence.filter((c) => c.overdue).length,
        customers: page.map((c) => ({ ...c, perQuarter: quarters.map((q) => counted.get(`${c.id} ${q.key}`) ?? 0) })),
      },
      freePlaces: {
        top: request.homesTop,
        skip: request.homesSkip,
        total: taken.length,
        // A page of the homes where places were taken, in the homes' Finnish order; the others have no period to tell.
        homes: taken.slice(request.homesSkip, request.homesSkip + request.homesTop),
        overall: free.overall,
      },
      complaints: quarters.map((q) => complaintsByQuarter.get(q.key) ?? { quarter: q.key, received: 0, replied: 0, informed: 0, medianDaysToReply: null, medianDaysToInformed: null }),
    },
  };
}

/** Every home for a company-wide reader with no region chosen (the queries then match no list), else the homes reached. */
function homeSelection(reach: FiguresReach): HomeSelection {
  return reach.scope.kind === 'company' && reach.customerRegions.length === regions.length ? 'all' : reach.homes.map((h) => h.id);
}

/** The customers of the regions, in Finnish name order (the store's cached list). */
async function customersIn(ctx: AppContext, regions: readonly Region[]): Promise<CustomerName[]> {
  const all = await ctx.store.queries.customerNames();
  return all.filter((c) => regions.includes(c.region));
}

const cents = (euros: number): number => Math.round(euros * 100) / 100;
