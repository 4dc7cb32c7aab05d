import assert from 'node:assert/strict';
import { appContext, type AppContext } from '../../src/app/app-context.js';
import { composeWeeklyDigest } from '../../src/app/compose-weekly-digest.js';
import { findCustomer } from '../../src/app/customer-overview.js';
import { listOpenPlaces, placesFilterFor } from '../../src/app/list-open-places.js';
import { customerChoices, FIRST_PAGE } from '../../src/app/customer-choices.js';
import { placeCardData, RESERVE_CHOICES } from '../../src/app/place-card-data.js';
import { searchCustomers } from '../../src/app/search-customers.js';
import { searchCareHomes } from '../../src/app/search-care-homes.js';
import { careHomeChoices } from '../../src/app/care-home-choices.js';
import { fixedClock } from '../../src/clock.js';
import { addDays } from '../../src/domain/dates.js';
import type { Region } from '../../src/domain/records/common.js';
import type { RecordQueries } from '../../src/store/record-queries.js';
import { openSqliteStore, type SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { RecordWrite, Store } from '../../src/store/store-port.js';

/**
 * The request paths read what their card shows, not the store (issue 10): counted in rows the SQLite
 * adapter read (its ReadMeter), on a store with thousands of entries, places and customers. Not timed:
 * a bound on rows holds on any machine, and it does not grow with the store.
 */
describe('request paths read narrowly, whatever the store size', function () {
  this.timeout(60_000);
  let store: SqliteStore;
  let ctx: AppContext;
  const clock = fixedClock('2026-11-23T07:00:00.000Z'); // Monday 09:00 in Helsinki
  const boss = { id: 'u-boss', name: 'Aino Virtanen' };
  const regions: Region[] = ['etela-suomi', 'lounais-suomi', 'sisa-suomi'];
  const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const meta = (n: number) => ({ id: uuid(n), version: 1, createdAt: '2026-01-05T08:00:00.000Z', createdBy: 'seed', updatedAt: '2026-01-05T08:00:00.000Z' });
  const create = (kind: RecordWrite['kind'], record: object): RecordWrite => ({ kind, record: record as RecordWrite['record'], expectedVersion: null });
  const HOMES = 44;
  const CUSTOMERS = 300;
  const PLACES = 1_600;
  const ENTRIES = 6_000;
  const espoo = uuid(10_000);

  before(async () => {
    store = openSqliteStore(':memory:');
    ctx = appContext(store, clock);
    const writes: RecordWrite[] = [create('person', { ...meta(1), userId: boss.id, name: boss.name, roles: ['liiketoimintajohtaja'] })];
    const homeId = (i: number) => uuid(1_000 + (i % HOMES));
    for (let i = 0; i < HOMES; i++) writes.push(create('careHome', { ...meta(1_000 + i), name: `Koti ${i}`, region: regions[i % 3], city: 'Espoo', serviceTypes: ['ymparivuorokautinen'], customerGroups: ['ikaantyneet'] }));
    for (let i = 0; i < CUSTOMERS; i++) {
      writes.push(create('customer', { ...meta(10_000 + i), name: i === 0 ? 'Länsi-Uudenmaan hyvinvointialue' : `Kunta ${i}`, kind: i === 0 ? 'hyvinvointialue' : 'kunta', region: regions[i % 3], segment: 'ostopalvelu', lifecyclePhase: 'kasvu' }));
    }
    const statuses = ['kaytossa', 'kaytossa', 'vapaa', 'vapautuu'] as const;
    for (let i = 0; i < PLACES; i++) {
      const status = statuses[i % 4]!;
      writes.push(create('place', { ...meta(20_000 + i), careHomeId: homeId(i), label: `A${i}`, serviceType: 'ymparivuorokautinen', customerGroup: 'ikaantyneet', status, ...(status === 'kaytossa' ? {} : { freeFrom: addDays('2026-11-23', (i % 60) - 30) }) }));
    }
    // A third of the contact log is Espoo's: years of history for the one customer the card is asked for.
    for (let i = 0; i < ENTRIES; i++) {
      const customerId = i % 3 === 0 ? espoo : uuid(10_000 + (i % CUSTOMERS));
      writes.push(create('contactLogEntry', { ...meta(100_000 + i), customerId, date: addDays('2026-11-22', -(i % 700)), type: 'puhelu', matter: `Puhelu ${i}`, recordedBy: boss, ...(i % 10 === 0 ? { nextContactDate: addDays('2026-11-23', i % 40), nextContactTopic: 'Jatko' } : {}) }));
    }
    for (let i = 0; i < 300; i++) {
      const customerId = uuid(10_000 + (i % CUSTOMERS));
      writes.push(create('supervisionVisit', { ...meta(200_000 + i), customerId, careHomeId: homeId(i), date: addDays('2026-11-20', -i), participants: 'Valvoja', findings: 'Kunnossa', specialMention: false, recordedBy: boss }));
      writes.push(create('complaint', { ...meta(210_000 + i), customerId, careHomeId: homeId(i), receivedDate: addDays('2026-11-20', -i), channel: 'puhelin', matter: 'Palaute', severity: 'vahainen', status: i % 2 ? 'suljettu' : 'vastaanotettu', nextStepDue: addDays('2026-11-23', (i % 20) - 10), recordedBy: boss }));
      writes.push(create('note', { ...meta(220_000 + i), createdAt: `${addDays('2026-11-20', -i)}T10:00:00.000Z`, customerId, matter: 'Tieto', specialMention: false, direction: 'myynnista-tuotantoon', recordedBy: boss }));
      writes.push(create('homeEvent', { ...meta(230_000 + i), careHomeId: homeId(i), date: addDays('2026-11-20', -i), kind: 'omaisten-ilta', title: 'Ilta', customerIds: [customerId, espoo], attendingContactIds: [], specialMention: false, recordedBy: boss }));
    }
    await store.records.commit({ at: '2026-01-05T08:00:00.000Z', writes, outbox: [] });
  });
  after(async () => {
    await store.close();
  });

  /** Rows read by `run` once the store's name caches are warm (they are re-read after a write, not per request). */
  async function rowsRead(run: () => Promise<unknown>): Promise<{ rows: number; wholeTables: string[] }> {
    await run();
    store.readMeter.reset();
    await run();
    return { rows: store.readMeter.rows, wholeTables: [...store.readMeter.wholeTables] };
  }

  it('asiakas <name>: a few dozen rows of a store with thousands of entries, and no whole table', async () => {
    let found = false;
    const read = await rowsRead(async () => {
      const result = await findCustomer(ctx, { actor: boss, audience: 'personal' }, 'Länsi-Uusimaa');
      assert.ok(result.ok && result.value.kind === 'found');
      assert.equal(result.value.overview.latestEntries.length, 5);
      found = true;
    });
    assert.ok(found);
    assert.deepEqual(read.wholeTables, []);
    assert.ok(read.rows <= 60, `asiakas read ${read.rows} rows`);
  });

  it('paikat: the page it shows and its totals, not every place', async () => {
    const read = await rowsRead(async () => {
      const view = await listOpenPlaces(ctx);
      assert.equal(view.total, PLACES / 2);
      assert.ok(view.notShown > 0);
    });
    assert.deepEqual(read.wholeTables, []);
    assert.ok(read.rows <= 45, `paikat read ${read.rows} rows`);
  });

  it('paikat with the reserved places and their customers: still the page and its totals, the names from the cache', async () => {
    await store.queries.customerNames();
    const read = await rowsRead(async () => {
      const view = await listOpenPlaces(ctx, { withReserved: true });
      assert.equal(view.total, PLACES / 2);
    });
    assert.deepEqual(read.wholeTables, []);
    assert.ok(read.rows <= 45, `paikat read ${read.rows} rows`);
  });

  it('`paikat <alue tai koti>`: a region by the start of its name in either language, else homes by name, else unknown', async () => {
    const of = async (typed: string) => {
      const found = await placesFilterFor(ctx, typed);
      return found.ok ? { region: found.filter.region, homes: found.filter.careHomeIds?.length, narrowedTo: found.filter.narrowedTo } : found;
    };
    assert.deepEqual(await of(''), { region: undefined, homes: undefined, narrowedTo: undefined });
    assert.deepEqual(await of('Etelä'), { region: 'etela-suomi', homes: undefined, narrowedTo: { region: 'etela-suomi' } });
    assert.deepEqual(await of('lounais'), { region: 'lounais-suomi', homes: undefined, narrowedTo: { region: 'lounais-suomi' } });
    assert.deepEqual(await of('central'), { region: 'sisa-suomi', homes: undefined, narrowedTo: { region: 'sisa-suomi' } });
    assert.deepEqual(await of('koti 43'), { region: undefined, homes: 1, narrowedTo: { homes: 'Koti 43' } });
    assert.deepEqual(await of('koti 4'), { region: undefined, homes: 5, narrowedTo: { homes: 'koti 4' } });
    assert.deepEqual(await of('Satuniemi'), { ok: false, unknown: 'Satuniemi' });
    const found = await placesFilterFor(ctx, 'koti 43');
    assert.ok(found.ok);
    const view = await listOpenPlaces(ctx, found.filter);
    assert.ok(view.groups.every((g) => g.home.name === 'Koti 43') && view.total > 0);
  });

  it("a freed place's card: its reserve choices from the cached names, bounded", async () => {
    const place = (await store.records.get('place', uuid(20_002)))!;
    const home = (await store.records.get('careHome', place.careHomeId))!;
    const read = await rowsRead(async () => {
      const data = await placeCardData(ctx, place, home);
      assert.equal(data.reserveChoices.length, RESERVE_CHOICES);
      assert.equal(data.moreReserveChoices, CUSTOMERS - RESERVE_CHOICES);
    });
    assert.deepEqual(read, { rows: 0, wholeTables: [] });
  });

  it("a form's customer choice and the typeahead search: the page's rows, not the customers", async () => {
    const chosen = uuid(10_000 + CUSTOMERS - 1);
    const choices = await rowsRead(async () => {
      const page = await customerChoices(ctx, boss, chosen);
      assert.equal(page.length, FIRST_PAGE + 1, 'the first page and the chosen customer');
    });
    assert.deepEqual(choices.wholeTables, []);
    // The person, the page (the company-wide role has no region: the search's first page), the chosen customer.
    assert.ok(choices.rows <= FIRST_PAGE + 3, `customer choices read ${choices.rows} rows`);
    const search = await rowsRead(async () => {
      const found = await searchCustomers(ctx, boss, { text: 'kunta', top: 15, skip: 0 });
      assert.ok(found.ok && found.value.length === 15);
    });
    assert.deepEqual(search.wholeTables, []);
    // The person only: the names are matched in the cached, folded list (read again after a customer is written),
    // so a keystroke reads no customer row whatever the number of customers.
    assert.equal(search.rows, 1, `the search read ${search.rows} rows`);
  });

  it("a form's care-home choice and its typeahead search: the person and the cached homes, no table", async () => {
    const choices = await rowsRead(async () => {
      const homes = await careHomeChoices(ctx, boss);
      assert.equal(homes.length, HOMES, 'a company-wide role may record for every home; the card bounds the page');
    });
    const search = await rowsRead(async () => {
      const found = await searchCareHomes(ctx, boss, { text: 'koti 1', top: 15, skip: 0 });
      assert.ok(found.ok);
      assert.deepEqual(found.value.map((h) => h.name).slice(0, 3), ['Koti 1', 'Koti 10', 'Koti 11']);
    });
    // Only the person is read per request: the homes are the store's cached list, filtered in memory.
    assert.deepEqual(choices, { rows: 1, wholeTables: [] });
    assert.deepEqual(search, { rows: 1, wholeTables: [] });
  });

  it('the Monday digest is composed once a week: every later check of the week is one key lookup', async () => {
    const calls: string[] = [];
    // Every narrow query the digest asks for, by name: the second check must ask only for the key.
    const counted: Store = { ...store, queries: new Proxy(store.queries, { get: (target, name: keyof RecordQueries) => { calls.push(String(name)); return target[name].bind(target); } }) };
    const digestCtx = appContext(counted, clock);
    store.readMeter.reset();
    const first = await composeWeeklyDigest(digestCtx);
    assert.equal(first.queued, true);
    assert.deepEqual(store.readMeter.wholeTables, [], 'composed from aggregate queries, not whole tables');
    if (first.queued) {
      assert.equal(first.event.data.quietCustomers.length <= 10, true, 'a bounded list …');
      assert.ok((first.event.data.totals?.overdueComplaints ?? 0) > 0, '… with its total');
    }
    calls.length = 0;
    store.readMeter.reset();
    clock.advance(60_000);
    const again = await composeWeeklyDigest(digestCtx);
    assert.deepEqual(again, { queued: false, week: '2026-W48', reason: 'alreadySent' });
    assert.deepEqual(calls, ['isProcessed']);
    assert.equal(store.readMeter.rows, 1);
  });
});
