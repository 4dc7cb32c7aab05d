import type Database from 'better-sqlite3';
import type { RecordKind } from '../record-kinds.js';

/**
 * Rows the record reads took from SQLite, per connection: the tests that keep request paths narrow read
 * it (a card must read rows in proportion to what it shows, whatever the store's size). Counting is one
 * addition per read, cheap enough to keep on in production.
 */
export class ReadMeter {
  rows = 0;
  /** `list()` with no filter: every row of a table. Maintenance only, never on a request path. */
  readonly wholeTables: RecordKind[] = [];

  read(rows: number): void {
    this.rows += rows;
  }

  reset(): void {
    this.rows = 0;
    this.wholeTables.length = 0;
  }
}

const meters = new WeakMap<Database.Database, ReadMeter>();

export function readMeterOf(db: Database.Database): ReadMeter {
  let meter = meters.get(db);
  if (!meter) {
    meter = new ReadMeter();
    meters.set(db, meter);
  }
  return meter;
}
