/**
 * Calendar quarters for the process measures (seed 002: "contacts per customer per quarter"; thesis 6.3: the
 * joint meeting of production and sales every three months). Pure date arithmetic on ISO days.
 */
/** A calendar quarter, e.g. { key: '2026-Q4', from: '2026-10-01', until: '2027-01-01' } (`until` exclusive). */
export interface QuarterSpan {
  key: string;
  from: string;
  until: string;
}

/** The quarter a day falls in, as `YYYY-Qn` (the same key the store's SQL gives a day). */
export function quarterKey(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The quarter a day falls in: its key, first day and the first day after it. */
export function quarterOf(day: string): QuarterSpan {
  const year = Number(day.slice(0, 4));
  const q = Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const from = `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const until = q === 3 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 4).padStart(2, '0')}-01`;
  return { key: `${year}-Q${q + 1}`, from, until };
}

/** The `count` quarters up to and including today's, oldest first. */
export function lastQuarters(today: string, count: number): QuarterSpan[] {
  const quarters = [quarterOf(today)];
  while (quarters.length < count) {
    const first = quarters[0]!;
    const dayBefore = new Date(`${first.from}T00:00:00Z`);
    dayBefore.setUTCDate(0);
    quarters.unshift(quarterOf(dayBefore.toISOString().slice(0, 10)));
  }
  return quarters;
}
