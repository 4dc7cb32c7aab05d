import { localDate } from '../domain/dates.js';
import type { ActorRef } from '../domain/records/common.js';
import type { AppContext } from './app-context.js';

/**
 * Every kind of entry that says "someone dealt with this municipality" (thesis 5.2: who met the
 * customer, what was said, when), in one shape: the customer card's latest entries and the digest's
 * "no entry for 14 days" both read this.
 */
export type CustomerEntryKind = 'contactLogEntry' | 'supervisionVisit' | 'homeEvent' | 'note' | 'developmentMeeting' | 'complaint';

export interface CustomerEntry {
  kind: CustomerEntryKind;
  id: string;
  customerIds: string[];
  /** The day it happened (not when it was typed in). */
  date: string;
  summary: string;
  recordedBy: ActorRef;
}

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
    ...logs.map((e) => ({ kind: 'contactLogEntry' as const, id: e.id, customerIds: [e.customerId], date: e.date, summary: e.matter, recordedBy: e.recordedBy })),
    ...visits.map((v) => ({ kind: 'supervisionVisit' as const, id: v.id, customerIds: [v.customerId], date: v.date, summary: v.findings, recordedBy: v.recordedBy })),
    ...events.map((e) => ({ kind: 'homeEvent' as const, id: e.id, customerIds: e.customerIds, date: e.date, summary: e.whatCameUp ?? e.title, recordedBy: e.recordedBy })),
    ...notes.map((n) => ({ kind: 'note' as const, id: n.id, customerIds: [n.customerId], date: localDate(new Date(n.createdAt)), summary: n.matter, recordedBy: n.recordedBy })),
    ...meetings
      .filter((m) => m.customerId)
      .map((m) => ({ kind: 'developmentMeeting' as const, id: m.id, customerIds: [m.customerId!], date: localDate(new Date(m.startsAt)), summary: m.memo ?? m.participants, recordedBy: m.recordedBy })),
    ...complaints.map((c) => ({ kind: 'complaint' as const, id: c.id, customerIds: [c.customerId], date: c.receivedDate, summary: c.matter, recordedBy: c.recordedBy })),
  ];
}
