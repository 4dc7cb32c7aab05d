import { complaintSeverities } from '../records/complaint.js';
import type { ComplaintSeverity } from './complaint-lifecycle.js';

/**
 * The quality manager's per-home summary of complaints (DOMAIN.md "Complaint"; thesis 4.4.3; seed 002: time
 * from complaint to correction and to reply): the period it covers and how the store's aggregate rows fold into
 * one row per home. Pure functions; the counting and the medians are done by the store (record-queries.ts).
 */
export interface SummaryPeriod {
  /** First day of the first month. */
  from: string;
  /** Today: the current month counts up to today. */
  to: string;
  /** `YYYY-MM`, oldest first, the current month last. */
  months: string[];
}

/** The last `count` calendar months up to today, this month included. */
export function summaryPeriod(today: string, count: number): SummaryPeriod {
  const [year, month] = today.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const index = year * 12 + (month - 1) - back;
    months.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);
  }
  return { from: `${months[0]}-01`, to: today, months };
}

export type SeverityCounts = Record<ComplaintSeverity, number>;

export interface HandlingTime {
  /** Median whole days; null when no complaint of the period has reached the step. */
  medianDays: number | null;
  count: number;
}

export interface SummaryRow {
  complaints: number;
  bySeverity: SeverityCounts;
  byMonth: (SeverityCounts & { month: string; total: number })[];
  toCorrected: HandlingTime;
  toInformed: HandlingTime;
}

export interface CountRow {
  severity: ComplaintSeverity;
  month: string;
  count: number;
}

export interface MedianRow {
  step: 'corrected' | 'informed';
  medianDays: number;
  count: number;
}

const noSeverities = (): SeverityCounts => Object.fromEntries(complaintSeverities.map((s) => [s, 0])) as SeverityCounts;

/** One home's (or the total's) row from its count rows (home × severity × month) and its median rows. */
export function summaryRow(months: readonly string[], counts: readonly CountRow[], medians: readonly MedianRow[]): SummaryRow {
  const bySeverity = noSeverities();
  const byMonth = months.map((month) => ({ month, total: 0, ...noSeverities() }));
  let complaints = 0;
  for (const row of counts) {
    const slot = byMonth[months.indexOf(row.month)];
    // The store counts only the period's months; a row outside it would be a bug upstream, not a count to show.
    if (!slot) continue;
    slot[row.severity] += row.count;
    slot.total += row.count;
    bySeverity[row.severity] += row.count;
    complaints += row.count;
  }
  const time = (step: MedianRow['step']): HandlingTime => {
    const row = medians.find((m) => m.step === step);
    return row ? { medianDays: row.medianDays, count: row.count } : { medianDays: null, count: 0 };
  };
  return { complaints, bySeverity, byMonth, toCorrected: time('corrected'), toInformed: time('informed') };
}
