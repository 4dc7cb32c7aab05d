/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in the company's time zone. Pure functions. */

export const COMPANY_TIME_ZONE = 'Europe/Helsinki';

/** Building an Intl formatter resolves locale data each time; localDate runs per entry read, so one per zone. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();
const minuteFormats = new Map<string, Intl.DateTimeFormat>();
function cached(formats: Map<string, Intl.DateTimeFormat>, timeZone: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = make();
    formats.set(timeZone, format);
  }
  return format;
}

/** Today's date in Finland for a given instant: a place freed at 00:30 Helsinki time is freed "today" there. */
export function localDate(instant: Date, timeZone = COMPANY_TIME_ZONE): string {
  // en-CA formats as YYYY-MM-DD.
  return cached(dayFormats, timeZone, () => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })).format(instant);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // 29 Feb + 1 year → 28 Feb, not 1 Mar.
  const target = new Date(Date.UTC(y + years, m - 1, 1));
  const lastDay = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The instant a wall-clock time on a date has in a time zone ("08:00 in Helsinki on 2026-12-04"),
 * daylight saving included: the offset is read from Intl for that very day.
 */
export function instantAt(date: string, time: string, timeZone = COMPANY_TIME_ZONE): Date {
  const guess = new Date(`${date}T${time}:00Z`);
  const parts = cached(minuteFormats, timeZone, () => new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })).formatToParts(guess);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  const shownAsUtc = Date.parse(`${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:00Z`);
  return new Date(guess.getTime() - (shownAsUtc - guess.getTime()));
}
