import { summaryPeriod, summaryRow, type SummaryPeriod, type SummaryRow } from '../domain/complaints/complaint-summary.js';
import type { CareHome } from '../domain/records/care-home.js';
import type { Person } from '../domain/records/person.js';
import type { AppContext } from './app-context.js';
import { allows, homeScope, permissions, roleScopes, type RoleScope } from './authorize.js';
import { forbidden, type UseCaseResult } from './result.js';

export interface ComplaintSummaryRequest {
  today: string;
  months: number;
  skip: number;
  limit: number;
}

export interface ComplaintSummary extends SummaryPeriod {
  today: string;
  /** What the total covers: the company, the reader's region, or their home(s). */
  scope: RoleScope;
  homes: (SummaryRow & { careHomeId: string; careHomeName: string; region: CareHome['region'] })[];
  homesTotal: number;
  skip: number;
  total: SummaryRow;
}

/**
 * The quality manager's per-home summary of complaints (thesis 4.4.3: "the quality manager compiles a per-home
 * summary"): counts by severity and month and the median days to correction and to informing the customer.
 *
 * Who sees it: the readers of complaint handling — the role table's `readConfidential` (management, the quality
 * manager and the home concerned, DOMAIN.md), each for the homes their scope covers: the quality manager and the
 * business director every home, a regional director their region's, a home director and head nurse their own.
 * Sales and the admin, who get complaints as summaries, are refused (403). The numbers are counts, never text.
 */
export async function summarizeComplaints(ctx: AppContext, person: Person, request: ComplaintSummaryRequest): Promise<UseCaseResult<ComplaintSummary>> {
  const homes = (await ctx.store.queries.careHomes()).filter((home) => allows(person, 'readConfidential', homeScope(home)));
  if (homes.length === 0) {
    // Named for what it is (a summary to read), not the write refusal's "nothing was saved".
    return forbidden({ message: 'tab.complaints.summary.forbidden', roles: permissions.readConfidential });
  }
  // Region, then name (the occupancy board's order), so a region's homes stay together.
  const ordered = [...homes].sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0));
  const page = ordered.slice(request.skip, request.skip + request.limit);
  const scope = widestScope(person);
  const period = summaryPeriod(request.today, request.months);
  const everyHome = scope === 'company' ? undefined : homes.map((h) => h.id);
  const pageHomes = page.map((h) => h.id);
  const { queries } = ctx.store;
  const [counts, medians, totalCounts, totalMedians] = await Promise.all([
    pageHomes.length > 0 ? queries.complaintCounts({ ...period, careHomeIds: pageHomes, byHome: true }) : [],
    pageHomes.length > 0 ? queries.complaintHandlingMedians({ ...period, careHomeIds: pageHomes, byHome: true }) : [],
    queries.complaintCounts({ ...period, careHomeIds: everyHome, byHome: false }),
    queries.complaintHandlingMedians({ ...period, careHomeIds: everyHome, byHome: false }),
  ]);
  return {
    ok: true,
    duplicate: false,
    value: {
      today: request.today,
      ...period,
      scope,
      homes: page.map((home) => ({
        careHomeId: home.id,
        careHomeName: home.name,
        region: home.region,
        ...summaryRow(
          period.months,
          counts.filter((c) => c.careHomeId === home.id),
          medians.filter((m) => m.careHomeId === home.id),
        ),
      })),
      homesTotal: homes.length,
      skip: request.skip,
      total: summaryRow(period.months, totalCounts, totalMedians),
    },
  };
}

/** The widest scope among the person's roles that read complaint handling (the homes were filtered by it already). */
function widestScope(person: Person): RoleScope {
  const order: RoleScope[] = ['home', 'region', 'company'];
  const readers: readonly string[] = permissions.readConfidential;
  return person.roles
    .filter((role) => readers.includes(role))
    .map((role) => roleScopes[role])
    .reduce<RoleScope>((widest, s) => (order.indexOf(s) > order.indexOf(widest) ? s : widest), 'home');
}
