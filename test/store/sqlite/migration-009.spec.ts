import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contactRoleOf, legacyContactRoleValues, legacyServiceTypeValues, purchaserKindFromName, serviceTypeOf } from '../../../src/domain/records/legacy-values.js';
import { stableIdFor } from '../../../src/domain/stable-id.js';
import { loadMigrations, migrate } from '../../../src/store/sqlite/migrate.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';

/**
 * Migration 009 (the customers and services of 2026) carries a store written with the 2012 values over: a
 * store at migration 008 with municipal customers, old service types in places, homes and agreements, old
 * contact roles (also inside a customer plan) and a pending card — opened by the app, every record is
 * there, readable by its schema, with the new values; and the SQL maps agree with legacy-values.ts.
 */
describe('sqlite migration 009: the customers and services of 2026', () => {
  let dir: string;
  let file: string;
  const at = '2026-11-01T00:00:00.000Z';
  const id = (name: string) => stableIdFor(`migration-009:${name}`);
  const meta = (name: string) => ({ id: id(name), version: 1, created_at: at, created_by: 'seed', updated_at: at });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hoivacrm-migrate-009-'));
    file = join(dir, 'db.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** A database at migration 008, the rows written as a store of that time wrote them. */
  const oldStore = (rows: [table: string, row: Record<string, unknown>][]) => {
    const db = new Database(file);
    migrate(db, loadMigrations().filter((m) => m.version <= 8));
    for (const [table, row] of rows) {
      const columns = Object.keys(row);
      db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...Object.values(row));
    }
    db.close();
  };
  const customer = (name: string, key: string) =>
    ['customer', { ...meta(key), name, region: 'etela-suomi', segment: 'ostopalvelu', lifecycle_phase: 'kasvu' }] as [string, Record<string, unknown>];

  it('keeps every record and gives it the values of 2026', async () => {
    oldStore([
      customer('Espoon kaupunki', 'espoo'),
      customer('Tammelan kunta', 'tammela'),
      customer('Länsi-Uudenmaan hyvinvointialue', 'lansi-uusimaa'),
      customer('Helsingin kaupunki', 'helsinki'),
      ['contact', { ...meta('sari'), customer_id: id('espoo'), name: 'Sari Salminen', role: 'sote-johtaja', title: 'Sosiaali- ja terveysjohtaja' }],
      ['contact', { ...meta('timo'), customer_id: id('espoo'), name: 'Timo Toivonen', role: 'vanhustyon-paallikko' }],
      ['contact', { ...meta('hanna'), customer_id: id('espoo'), name: 'Hanna Heikkilä', role: 'sosiaalityontekija' }],
      ['contact', { ...meta('muu'), customer_id: id('tammela'), name: 'Olli Ojala', role: 'muu' }],
      ['care_home', { ...meta('koivukoti'), name: 'Koivukoti', region: 'etela-suomi', city: 'Espoo', service_types: '["tehostettu","palveluasuminen","lyhytaikainen"]', customer_groups: '["ikaantyneet"]' }],
      ['care_home', { ...meta('vehkakoti'), name: 'Vehkakoti', region: 'lounais-suomi', city: 'Raisio', service_types: '["lyhytaikainen"]', customer_groups: '["mielenterveys"]' }],
      ['place', { ...meta('a1'), care_home_id: id('koivukoti'), label: 'A1', service_type: 'tehostettu', customer_group: 'ikaantyneet', status: 'kaytossa' }],
      ['place', { ...meta('b1'), care_home_id: id('koivukoti'), label: 'B1', service_type: 'palveluasuminen', customer_group: 'ikaantyneet', status: 'vapaa', free_from: '2026-12-01' }],
      ['place', { ...meta('l1'), care_home_id: id('koivukoti'), label: 'L1', service_type: 'lyhytaikainen', customer_group: 'ikaantyneet', status: 'alustavasti-varattu', free_from: '2026-12-01', reserved_for_customer_id: id('espoo'), reserved_by: '{"id":"u1","name":"Kaisa"}', reserved_at: at }],
      ['agreement', { ...meta('sopimus'), customer_id: id('espoo'), kind: 'ostopalvelu', title: 'Tehostetun palveluasumisen puitesopimus', service_types: '["tehostettu","lyhytaikainen"]', start_date: '2025-01-01', payment_commitment: 1 }],
      ['agreement', { ...meta('seteli'), customer_id: id('tammela'), kind: 'palveluseteli', title: 'Palveluseteli', service_types: '["palveluasuminen"]', start_date: '2025-01-01', payment_commitment: 0 }],
      ['customer_plan', { ...meta('plan'), customer_id: id('espoo'), year: 2026, goal: 'Kasvu', planned_encounters: '[{"month":3,"kind":"kehityskokous","withRole":"sote-johtaja","note":"Vuosikokous"},{"month":9,"kind":"hintaneuvottelu","withRole":"vanhustyon-paallikko"},{"month":11,"kind":"muu","withRole":"sosiaalityontekija"}]' }],
      ['outbox', { event_id: 'e1', event_type: 'place.freed', mode: 'post', audience: 'sales', payload: '{"placeId":"x","serviceType":"tehostettu","label":"A1"}', status: 'pending', next_attempt_at: at, created_at: at }],
    ]);

    const store = openSqliteStore(file);
    try {
      const customers = await store.records.list('customer');
      assert.deepEqual(
        Object.fromEntries(customers.map((c) => [c.name, c.kind])),
        { 'Espoon kaupunki': 'kunta', 'Tammelan kunta': 'kunta', 'Länsi-Uudenmaan hyvinvointialue': 'hyvinvointialue', 'Helsingin kaupunki': 'helsinki' },
      );
      const contacts = await store.records.list('contact');
      assert.deepEqual(Object.fromEntries(contacts.map((c) => [c.name, c.role])), {
        'Sari Salminen': 'palvelujohtaja',
        'Timo Toivonen': 'vanhuspalvelujen-johtaja',
        'Hanna Heikkilä': 'sosiaalityontekija',
        'Olli Ojala': 'muu',
      });
      assert.equal(contacts.find((c) => c.name === 'Sari Salminen')?.title, 'Sosiaali- ja terveysjohtaja', 'the rest of the record is untouched');
      const homes = await store.records.list('careHome');
      assert.deepEqual(Object.fromEntries(homes.map((h) => [h.name, h.serviceTypes])), {
        Koivukoti: ['ymparivuorokautinen', 'yhteisollinen', 'lyhytaikainen'],
        Vehkakoti: ['lyhytaikainen'],
      });
      const places = await store.records.list('place');
      assert.deepEqual(Object.fromEntries(places.map((p) => [p.label, [p.serviceType, p.status]])), {
        A1: ['ymparivuorokautinen', 'kaytossa'],
        B1: ['yhteisollinen', 'vapaa'],
        L1: ['lyhytaikainen', 'alustavasti-varattu'],
      });
      assert.equal(places.find((p) => p.label === 'L1')?.reservedForCustomerId, id('espoo'));
      const agreements = await store.records.list('agreement');
      assert.deepEqual(Object.fromEntries(agreements.map((a) => [a.title, a.serviceTypes])), {
        'Tehostetun palveluasumisen puitesopimus': ['ymparivuorokautinen', 'lyhytaikainen'],
        Palveluseteli: ['yhteisollinen'],
      });
      const [plan] = await store.records.list('customerPlan');
      assert.deepEqual(plan?.plannedEncounters, [
        { month: 3, kind: 'kehityskokous', withRole: 'palvelujohtaja', note: 'Vuosikokous' },
        { month: 9, kind: 'hintaneuvottelu', withRole: 'vanhuspalvelujen-johtaja' },
        { month: 11, kind: 'muu', withRole: 'sosiaalityontekija' },
      ]);
      for (const record of [...customers, ...contacts, ...homes, ...places, ...agreements]) assert.equal(record.version, 1, 'a migration is no edit');
    } finally {
      await store.close();
    }
    const db = new Database(file, { readonly: true });
    const { payload } = db.prepare('SELECT payload FROM outbox').get() as { payload: string };
    db.close();
    assert.deepEqual(JSON.parse(payload), { placeId: 'x', serviceType: 'ymparivuorokautinen', label: 'A1' }, 'a card not yet delivered shows the new name');
  });

  it('maps every alias exactly as src/domain/records/legacy-values.ts does', async () => {
    const names = ['Espoon kaupunki', 'Vantaan ja Keravan hyvinvointialue', 'HELSINGIN KAUPUNKI', 'Helsinki', 'Helsingin kaupunki, sosiaali- ja terveystoimiala', 'Helsingin seurakuntayhtymä', 'Pohjanmaan hyvinvointialueen vanhuspalvelut', 'Österbottens välfärdsområde', 'Lapin kunta'];
    const serviceTypes = Object.keys(legacyServiceTypeValues);
    const roles = [...Object.keys(legacyContactRoleValues), 'sosiaalityontekija', 'muu'];
    oldStore([
      ...names.map((name, i) => customer(name, `c${i}`)),
      ['care_home', { ...meta('home'), name: 'Koti', region: 'etela-suomi', city: 'Espoo', service_types: JSON.stringify(serviceTypes), customer_groups: '["ikaantyneet"]' }],
      ...serviceTypes.map((s, i): [string, Record<string, unknown>] => ['place', { ...meta(`p${i}`), care_home_id: id('home'), label: s, service_type: s, customer_group: 'ikaantyneet', status: 'kaytossa' }]),
      ...roles.map((r, i): [string, Record<string, unknown>] => ['contact', { ...meta(`r${i}`), customer_id: id('c0'), name: r, role: r }]),
    ]);
    const store = openSqliteStore(file);
    try {
      for (const c of await store.records.list('customer')) assert.equal(c.kind, purchaserKindFromName(c.name), c.name);
      for (const p of await store.records.list('place')) assert.equal(p.serviceType, serviceTypeOf(p.label), p.label);
      for (const c of await store.records.list('contact')) assert.equal(c.role, contactRoleOf(c.name), c.name);
      const [home] = await store.records.list('careHome');
      assert.deepEqual(home?.serviceTypes, serviceTypes.map((s) => serviceTypeOf(s)));
    } finally {
      await store.close();
    }
  });
});
