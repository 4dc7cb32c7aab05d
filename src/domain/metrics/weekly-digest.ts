import { addDays, daysBetween } from '../dates.js';
import { effectiveStatus } from '../places/place-lifecycle.js';
import type { CareHome } from '../records/care-home.js';
import type { Complaint } from '../records/complaint.js';
import type { Customer } from '../records/customer.js';
import type { Place } from '../records/place.js';

/**
 * The Monday digest for management (seed 002: "first measure quantity"; "if a customer has no entries
 * for two weeks, what is wrong?"). Pure: what is overdue on `today`, from the records as they are.
 */
export const QUIET_CUSTOMER_DAYS = 14;
export const LONG_FREE_PLACE_DAYS = 14;

export interface DigestInput {
  today: string;
  customers: Pick<Customer, 'id' | 'name'>[];
  /** Every entry's customers and day (contact logs, visits, home events, notes, meetings, complaints). */
  entries: { customerIds: string[]; date: string }[];
  places: Place[];
  homes: Pick<CareHome, 'id' | 'name'>[];
  complaints: Complaint[];
}

export interface WeeklyDigestContent {
  /** Customers with no entry for 14 days or more, longest silence first; never-contacted first of all. */
  quietCustomers: { customerId: string; name: string; lastEntryDate?: string | undefined; daysSince?: number | undefined }[];
  /** Places free for 14 days or more, longest first. */
  longFreePlaces: { placeId: string; careHomeName: string; label: string; freeFrom: string; daysFree: number }[];
  /** Complaints not closed whose next step's target date has passed, most overdue first. */
  overdueComplaints: { complaintId: string; customerName: string; careHomeName: string; status: Complaint['status']; nextStepDue: string; daysOverdue: number }[];
  /** Quantity first: entries of any kind in the seven days before today. */
  entriesLastWeek: number;
  /** How many each list has in all, when the lists above carry only their first rows; absent: the lists are whole. */
  totals?: { quietCustomers: number; longFreePlaces: number; overdueComplaints: number } | undefined;
}

export function weeklyDigest(input: DigestInput): WeeklyDigestContent {
  const { today } = input;
  const lastEntry = new Map<string, string>();
  for (const entry of input.entries) {
    for (const id of entry.customerIds) {
      const seen = lastEntry.get(id);
      if (entry.date <= today && (!seen || entry.date > seen)) lastEntry.set(id, entry.date);
    }
  }
  const quietCustomers = input.customers
    .map((c) => {
      const last = lastEntry.get(c.id);
      return { customerId: c.id, name: c.name, lastEntryDate: last, daysSince: last ? daysBetween(last, today) : undefined };
    })
    .filter((c) => c.daysSince === undefined || c.daysSince >= QUIET_CUSTOMER_DAYS)
    .sort((a, b) => (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity) || a.name.localeCompare(b.name, 'fi'));

  const homeName = new Map(input.homes.map((h) => [h.id, h.name]));
  const longFreePlaces = input.places
    .filter((p) => effectiveStatus(p, today) === 'vapaa' && p.freeFrom !== undefined && daysBetween(p.freeFrom, today) >= LONG_FREE_PLACE_DAYS)
    .map((p) => ({ placeId: p.id, careHomeName: homeName.get(p.careHomeId) ?? '?', label: p.label, freeFrom: p.freeFrom!, daysFree: daysBetween(p.freeFrom!, today) }))
    .sort((a, b) => b.daysFree - a.daysFree || a.careHomeName.localeCompare(b.careHomeName, 'fi'));

  const customerName = new Map(input.customers.map((c) => [c.id, c.name]));
  const overdueComplaints = input.complaints
    .filter((c) => c.status !== 'suljettu' && c.nextStepDue !== undefined && c.nextStepDue < today)
    .map((c) => overdueComplaintRow(c, today, customerName, homeName))
    .sort((a, b) => b.daysOverdue - a.daysOverdue);

  const weekAgo = addDays(today, -7);
  const entriesLastWeek = input.entries.filter((e) => e.date >= weekAgo && e.date < today).length;
  return { quietCustomers, longFreePlaces, overdueComplaints, entriesLastWeek };
}

/** A complaint past its target as the digest lists it (whole lists here; src/app/weekly-digest-content.ts from queries). */
export function overdueComplaintRow(c: Complaint, today: string, customerName: ReadonlyMap<string, string>, homeName: ReadonlyMap<string, string>): WeeklyDigestContent['overdueComplaints'][number] {
  return {
    complaintId: c.id,
    customerName: customerName.get(c.customerId) ?? '?',
    careHomeName: homeName.get(c.careHomeId) ?? '?',
    status: c.status,
    nextStepDue: c.nextStepDue!,
    daysOverdue: daysBetween(c.nextStepDue!, today),
  };
}

/** The Monday of the week a date falls in (weeks start on Monday in Finland). */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** ISO 8601 week label, e.g. 2026-W48: the week number Finns use ("viikko 48"). */
export function isoWeek(date: string): { year: number; week: number; label: string } {
  const thursday = addDays(mondayOf(date), 3);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return { year, week, label: `${year}-W${String(week).padStart(2, '0')}` };
}
