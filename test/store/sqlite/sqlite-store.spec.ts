import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { schemaDrift } from '../../../src/store/sqlite/schema-drift.js';
import { loadMigrations, migrate } from '../../../src/store/sqlite/migrate.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import { recordQueriesContract } from '../record-queries.contract.js';
import { recordStoreContract } from '../record-store.contract.js';

const openSqlite = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hoivacrm-store-'));
  const store = openSqliteStore(join(dir, 'test.sqlite'));
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

recordStoreContract('sqlite', openSqlite);
recordQueriesContract('sqlite', openSqlite);

describe('sqlite migrations', () => {
  it('create tables whose columns match the zod record schemas exactly', () => {
    const db = new Database(':memory:');
    migrate(db);
    assert.deepEqual(schemaDrift(db), [], 'a schema changed without a migration: run scripts/generate-migration.ts');
  });

  it('run once: a second start applies nothing and keeps the data', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoivacrm-migrate-'));
    const file = join(dir, 'db.sqlite');
    const first = new Database(file);
    assert.deepEqual(migrate(first), loadMigrations().map((m) => m.version));
    first.prepare(`INSERT INTO conversation (key, reference, updated_at) VALUES ('k', '{}', 'now')`).run();
    first.close();
    const second = new Database(file);
    assert.deepEqual(migrate(second), []);
    assert.equal((second.prepare('SELECT count(*) AS n FROM conversation').get() as { n: number }).n, 1);
    second.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('carry a store made before roles had scopes over: each person keeps their home (migration 005)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoivacrm-migrate-'));
    const file = join(dir, 'db.sqlite');
    const old = new Database(file);
    migrate(old, loadMigrations().filter((m) => m.version < 5));
    const home = '0a000000-0000-4000-8000-000000000001';
    old
      .prepare(
        `INSERT INTO person (id, version, created_at, created_by, updated_at, user_id, name, roles, care_home_id)
         VALUES ('0c000000-0000-4000-8000-000000000001', 1, '2026-11-01T00:00:00.000Z', 'seed', '2026-11-01T00:00:00.000Z', 'aad-1', 'Kaisa', '["kotijohtaja"]', ?)`,
      )
      .run(home);
    old.close();
    const store = openSqliteStore(file);
    const [kaisa] = await store.records.list('person', { userId: 'aad-1' });
    assert.deepEqual(kaisa?.careHomeIds, [home]);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
