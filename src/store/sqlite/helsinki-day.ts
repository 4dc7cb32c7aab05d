import type Database from 'better-sqlite3';
import { localDate } from '../../domain/dates.js';

/**
 * `hoiva_helsinki_day(instant)`: the company's calendar day (Europe/Helsinki, src/domain/dates.ts) of an ISO
 * instant, as `YYYY-MM-DD`. SQLite knows UTC and fixed offsets only, and a complaint corrected at 01:30 on
 * a Finnish summer morning was corrected that day, not the evening before: so the day is the app's own.
 */
export function registerHelsinkiDay(db: Database.Database): void {
  db.function('hoiva_helsinki_day', { deterministic: true }, (value: unknown) => {
    if (typeof value !== 'string') return null;
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? null : localDate(instant);
  });
}
