import { addDays, daysBetween } from '../domain/dates.js';
import { LONG_FREE_PLACE_DAYS, overdueComplaintRow, QUIET_CUSTOMER_DAYS, type WeeklyDigestContent } from '../domain/metrics/weekly-digest.js';
import type { AppContext } from './app-context.js';

/**
 * How many rows of each list the digest carries: what its card shows (weekly-digest-card.ts). The totals
 * are counted, so the card says "…and N more" and the outbox row stays small at any store size.
 */
export const DIGEST_ROWS = 10;

/**
 * The digest's measures (the same as src/domain/metrics/weekly-digest.ts, which states them over whole
 * lists) from aggregate queries: each customer's last entry day, counts, and the first rows of each list.
 * At 10× the company's size the whole-list version read two million entries into memory (issue 10).
 */
export async function weeklyDigestContent(ctx: AppContext, today: string): Promise<WeeklyDigestContent> {
  const { queries } = ctx.store;
  const [customers, homes, lastEntry, longFree, overdue, entriesLastWeek] = await Promise.all([
    queries.customerNames(),
    queries.careHomes(),
    queries.lastEntryDates(today),
    queries.longFreePlaces(today, addDays(today, -LONG_FREE_PLACE_DAYS), DIGEST_ROWS),
    queries.overdueComplaints(today, DIGEST_ROWS),
    queries.countEntries(addDays(today, -7), today),
  ]);
  const quiet = customers
    .map((c) => {
      const last = lastEntry.get(c.id);
      return { customerId: c.id, name: c.name, lastEntryDate: last, daysSince: last ? daysBetween(last, today) : undefined };
    })
    .filter((c) => c.daysSince === undefined || c.daysSince >= QUIET_CUSTOMER_DAYS);
  // `customers` is in Finnish order already: a stable sort by silence keeps it within equal days.
  quiet.sort((a, b) => (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity));
  const homeName = new Map(homes.map((h) => [h.id, h.name]));
  const customerName = new Map(customers.map((c) => [c.id, c.name]));
  return {
    quietCustomers: quiet.slice(0, DIGEST_ROWS),
    longFreePlaces: longFree.places.map((p) => ({ placeId: p.id, careHomeName: homeName.get(p.careHomeId) ?? '?', label: p.label, freeFrom: p.freeFrom!, daysFree: daysBetween(p.freeFrom!, today) })),
    overdueComplaints: overdue.complaints.map((c) => overdueComplaintRow(c, today, customerName, homeName)),
    entriesLastWeek,
    totals: { quietCustomers: quiet.length, longFreePlaces: longFree.total, overdueComplaints: overdue.total },
  };
}
