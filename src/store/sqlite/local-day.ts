import type Database from 'better-sqlite3';
import { localDate } from '../../domain/dates.js';

/**
 * `hoiva_local_date(instant)`: the Helsinki day of an ISO instant (a status change, a complaint's step), in SQL.
 * SQLite's own date() is UTC, which would move a change made after 22:00 Finnish time to the wrong day (and,
 * at a quarter's edge, to the wrong quarter). Deterministic, so SQLite may evaluate it once per row.
 */
export function registerLocalDay(db: Database.Database): void {
  db.function('hoiva_local_date', { deterministic: true }, (value: unknown) => (typeof value === 'string' ? localDate(new Date(value)) : null));
}
