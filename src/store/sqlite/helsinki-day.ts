/**
 * The company's calendar day (Europe/Helsinki, src/domain/dates.ts localDate) of an ISO instant column, in SQL.
 * SQLite knows UTC and fixed offsets only, and a complaint corrected at 01:30 on a Finnish summer morning was
 * corrected that day, not the evening before. A registered JS function (Intl) cost ~1.5 µs a row — 10 ms for the
 * summary's medians at ten times the company's size — so the rule is written out instead: Finland keeps EU summer
 * time, UTC+3 from 01:00 UTC on the last Sunday of March (the first Sunday on or after 25 March) to 01:00 UTC on
 * the last Sunday of October, UTC+2 otherwise. test/store/sqlite/helsinki-day.spec.ts checks it against
 * localDate hour by hour over several years, both changes included.
 */
export function helsinkiDaySql(column: string): string {
  const year = `substr(date(${column}), 1, 4)`;
  const summerStarts = `julianday(date(${year} || '-03-25', 'weekday 0') || ' 01:00')`;
  const summerEnds = `julianday(date(${year} || '-10-25', 'weekday 0') || ' 01:00')`;
  return `CASE WHEN julianday(${column}) >= ${summerStarts} AND julianday(${column}) < ${summerEnds} THEN date(${column}, '+3 hours') ELSE date(${column}, '+2 hours') END`;
}
