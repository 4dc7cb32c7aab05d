import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { loadMigrations, migrate } from '../../../src/store/sqlite/migrate.js';
import { HOME_EVENTS_OF_CUSTOMER, SqliteRecordQueries } from '../../../src/store/sqlite/sqlite-queries.js';
import { SqliteRecordStore } from '../../../src/store/sqlite/sqlite-store.js';

/**
 * Migration 017's lookup of a home event's customers (perf-customers): the customer card and page read a
 * customer's events off its key, so the rows visited are the events shown, not every event of the company
 * walked newest first; the lookup is filled from the events a store already has, and follows a removed one.
 */
describe('sqlite: a home event\'s customers in their own lookup (migration 017)', () => {
  const at = '2026-11-01T08:00:00.000Z';
  const event = (id: string, date: string, customerIds: unknown) => ({
    id,
    version: 1,
    created_at: at,
    created_by: 'seed',
    updated_at: at,
    care_home_id: 'home-1',
    date,
    kind: 'omaisten-ilta',
    title: 'Omaisten ilta',
    attending_contact_ids: '[]',
    special_mention: 0,
    recorded_by: JSON.stringify({ id: 'u-kaisa', name: 'Kaisa' }),
    customer_ids: customerIds === null ? null : JSON.stringify(customerIds),
  });
  const insert = (db: Database.Database, row: Record<string, unknown>) => {
    const columns = Object.keys(row);
    db.prepare(`INSERT INTO home_event (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...Object.values(row));
  };
  const lookup = (db: Database.Database) => db.prepare('SELECT customer_id AS c, date AS d, home_event_id AS e FROM home_event_customer ORDER BY 1, 2, 3').all();

  it("seeks the customer's own events by its key, newest first: no scan of the events", () => {
    const db = new Database(':memory:');
    migrate(db);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${HOME_EVENTS_OF_CUSTOMER}`).all('c-1', '2026-11-23', 5) as { detail: string }[]).map((r) => r.detail);
    assert.ok(plan.some((d) => /^SEARCH c USING PRIMARY KEY \(customer_id=\? AND date<\?\)/.test(d)), plan.join('\n'));
    assert.ok(plan.some((d) => /^SEARCH e USING INDEX sqlite_autoindex_home_event/.test(d)), plan.join('\n'));
    assert.deepEqual(plan.filter((d) => d.startsWith('SCAN')), [], 'nothing is scanned');
    db.close();
  });

  it("fills the lookup from a store's events when it migrates: each live event once per customer it names", () => {
    const db = new Database(':memory:');
    migrate(db, loadMigrations().filter((m) => m.version < 17));
    insert(db, event('e-1', '2026-10-01', ['c-1', 'c-2', 'c-1']));
    insert(db, event('e-2', '2026-10-02', null));
    insert(db, { ...event('e-3', '2026-10-03', ['c-1']), withdrawn_at: at, withdrawn_by: JSON.stringify({ id: 'u-kaisa', name: 'Kaisa' }) });
    migrate(db);
    assert.deepEqual(lookup(db), [
      { c: 'c-1', d: '2026-10-01', e: 'e-1' },
      { c: 'c-2', d: '2026-10-01', e: 'e-1' },
    ]);
    db.close();
  });

  it("drops an event's customers when the event leaves the store (an item deleted in SharePoint leaves the mirror)", async () => {
    const db = new Database(':memory:');
    migrate(db);
    insert(db, event('e-1', '2026-11-10', ['c-1', 'c-2']));
    insert(db, event('e-2', '2026-11-11', ['c-1']));
    const queries = new SqliteRecordQueries(db);
    assert.deepEqual((await queries.latestEntries('c-1', '2026-11-23', 5)).map((e) => e.id), ['e-2', 'e-1']);
    new SqliteRecordStore(db).remove('homeEvent', 'e-1');
    assert.deepEqual(lookup(db), [{ c: 'c-1', d: '2026-11-11', e: 'e-2' }]);
    assert.deepEqual((await queries.latestEntries('c-2', '2026-11-23', 5)).map((e) => e.id), []);
    db.close();
  });
});
