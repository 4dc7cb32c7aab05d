import { localDate } from '../domain/dates.js';
import type { ActorRef } from '../domain/records/common.js';
import type { RecordOf } from './record-kinds.js';

/**
 * Every kind of entry that says "someone dealt with this customer" (thesis 5.2: who met the
 * customer, what was said, when), in one shape: the customer card's latest entries and the digest's
 * "no entry for 14 days" both read this. It lives with the store because the narrow queries
 * (record-queries.ts) return it; src/app/customer-entries.ts re-exports it.
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
  /** A complaint's home: whether its text may be shown depends on it. */
  careHomeId?: string | undefined;
  /**
   * The record's version, author (user id) and when it was typed in: what the tab's timeline needs to offer
   * edit and withdraw on one's own entries (issue 13) without reading each record again.
   */
  version?: number | undefined;
  createdBy?: string | undefined;
  createdAt?: string | undefined;
}

/** The meta fields every entry carries over from its record. */
const metaOf = (r: { version: number; createdBy: string; createdAt: string }) => ({ version: r.version, createdBy: r.createdBy, createdAt: r.createdAt });

/** The entry a record makes; a meeting with no customer makes none. One mapping for every reader. */
export const entryOf = {
  contactLogEntry: (e: RecordOf<'contactLogEntry'>): CustomerEntry => ({ kind: 'contactLogEntry', id: e.id, customerIds: [e.customerId], date: e.date, summary: e.matter, recordedBy: e.recordedBy, ...metaOf(e) }),
  supervisionVisit: (v: RecordOf<'supervisionVisit'>): CustomerEntry => ({ kind: 'supervisionVisit', id: v.id, customerIds: [v.customerId], date: v.date, summary: v.findings, recordedBy: v.recordedBy, ...metaOf(v) }),
  homeEvent: (e: RecordOf<'homeEvent'>): CustomerEntry => ({ kind: 'homeEvent', id: e.id, customerIds: e.customerIds, date: e.date, summary: e.whatCameUp ?? e.title, recordedBy: e.recordedBy, ...metaOf(e) }),
  note: (n: RecordOf<'note'>): CustomerEntry => ({ kind: 'note', id: n.id, customerIds: [n.customerId], date: localDate(new Date(n.createdAt)), summary: n.matter, recordedBy: n.recordedBy, ...metaOf(n) }),
  developmentMeeting: (m: RecordOf<'developmentMeeting'>): CustomerEntry | undefined =>
    m.customerId ? { kind: 'developmentMeeting', id: m.id, customerIds: [m.customerId], date: localDate(new Date(m.startsAt)), summary: m.memo ?? m.participants, recordedBy: m.recordedBy, ...metaOf(m) } : undefined,
  complaint: (c: RecordOf<'complaint'>): CustomerEntry => ({ kind: 'complaint', id: c.id, customerIds: [c.customerId], date: c.receivedDate, summary: c.matter, recordedBy: c.recordedBy, careHomeId: c.careHomeId, ...metaOf(c) }),
};
