import { entryOf, type CustomerEntry } from '../store/customer-entry.js';
import type { AppContext } from './app-context.js';

export type { CustomerEntry, CustomerEntryKind } from '../store/customer-entry.js';

/**
 * Every entry of every customer, whole tables: for maintenance and exports only. The request paths read
 * `store.queries.latestEntries` / `lastEntryDates` instead (issue 10: this took 55 s at 10× size).
 */
export async function listCustomerEntries(ctx: AppContext): Promise<CustomerEntry[]> {
  const { records } = ctx.store;
  const [logs, visits, events, notes, meetings, complaints] = await Promise.all([
    records.list('contactLogEntry'),
    records.list('supervisionVisit'),
    records.list('homeEvent'),
    records.list('note'),
    records.list('developmentMeeting'),
    records.list('complaint'),
  ]);
  return [
    ...logs.map(entryOf.contactLogEntry),
    ...visits.map(entryOf.supervisionVisit),
    ...events.map(entryOf.homeEvent),
    ...notes.map(entryOf.note),
    ...meetings.flatMap((m) => entryOf.developmentMeeting(m) ?? []),
    ...complaints.map(entryOf.complaint),
  ];
}
