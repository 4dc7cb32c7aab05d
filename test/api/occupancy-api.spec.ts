import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { localApi, type LocalApiCall } from '../support/local-api.js';
import { BotHarness } from '../support/bot-harness.js';
import { homeDirector, regionalDirector, salesManager } from '../support/teams-activities.js';

/**
 * GET /api/v1/occupancy's filters, sorting and paging (issue 13: a page of homes, however many the company has;
 * the region and company totals beside it), and who may change which home's places.
 */
describe('tab API: occupancy board and places (local mode)', () => {
  let h: BotHarness;
  before(async () => {
    h = await new BotHarness().start();
  });
  after(async () => {
    await h.stop();
  });

  const call = (path: string, as: string | undefined, init: LocalApiCall = {}) => localApi(h)(path, as, init);
  const board = async (query: string) => {
    const { status, body } = await call(`/occupancy${query}`, salesManager.aadObjectId);
    assert.equal(status, 200, JSON.stringify(body));
    return body;
  };
  const names = (body: any) => body.homes.map((home: any) => home.name);
  const sum = (rows: any[], field: string) => rows.reduce((n, r) => n + r[field], 0);

  it('region: only that region\'s homes; every region\'s and the company\'s totals still beside them', async () => {
    const all = await board('');
    const south = await board('?region=etela-suomi');
    assert.deepEqual(names(south), ['Koivukoti', 'Lehmuskoti', 'Merikoti']);
    assert.equal(south.total, 3);
    assert.deepEqual(south.regions, all.regions);
    assert.deepEqual(south.company, all.company);
    // The totals are the homes' sums, counted apart (an aggregate, not this page).
    const southHomes = all.homes.filter((home: any) => home.region === 'etela-suomi');
    const southTotals = all.regions.find((r: any) => r.region === 'etela-suomi');
    for (const field of ['places', 'occupied', 'freeing', 'free', 'reserved']) {
      assert.equal(sum(southHomes.map((home: any) => home.totals), field), southTotals[field], field);
      assert.equal(sum(all.homes.map((home: any) => home.totals), field), all.company[field], field);
    }
  });

  it('serviceType: the homes\' and the totals\' counts of that service type only', async () => {
    const all = await board('');
    const short = await board('?serviceType=lyhytaikainen');
    for (const home of short.homes) {
      assert.deepEqual(home.byServiceType.map((s: any) => s.serviceType), home.totals.places > 0 ? ['lyhytaikainen'] : []);
      const whole = all.homes.find((h2: any) => h2.id === home.id).byServiceType.find((s: any) => s.serviceType === 'lyhytaikainen');
      assert.equal(home.totals.places, whole?.places ?? 0, home.name);
    }
    assert.equal(short.company.places, sum(short.homes.map((home: any) => home.totals), 'places'));
    assert.ok(short.company.places > 0 && short.company.places < all.company.places);
  });

  it('q, onlyFree, sort and paging: the page is a slice of the whole filtered, sorted set', async () => {
    assert.deepEqual(names(await board('?q=KOIVU')), ['Koivukoti']);
    assert.deepEqual(names(await board('?q=turku')), ['Aurakoti'], 'by town too');
    const free = await board('?onlyFree=true');
    assert.ok(free.homes.every((home: any) => home.totals.free > 0));
    assert.equal(free.total, (await board('')).homes.filter((home: any) => home.totals.free > 0).length);

    const byRate = await board('?sort=rate&order=desc');
    const rates = byRate.homes.map((home: any) => home.totals.rate);
    assert.deepEqual(rates, [...rates].sort((a, b) => b - a));
    const first = await board('?sort=rate&order=desc&limit=4');
    const second = await board('?sort=rate&order=desc&limit=4&offset=4');
    assert.deepEqual([...names(first), ...names(second)], names(byRate).slice(0, 8));
    assert.deepEqual([first.total, first.limit, second.offset, first.homes.length], [9, 4, 4, 4]);
    assert.deepEqual(names(await board('?sort=name&order=desc')), [...names(byRate)].sort((a, b) => b.localeCompare(a, 'fi')));
  });

  it('400 with a message per bad filter, in the caller\'s language', async () => {
    const bad = await call('/occupancy?region=lappi&serviceType=tehostettu&onlyFree=yes&limit=1000', salesManager.aadObjectId, { lang: 'en' });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'invalid');
    assert.deepEqual(bad.body.error.fields.map((f: any) => f.field).sort(), ['limit', 'onlyFree', 'region', 'serviceType']);
    for (const f of bad.body.error.fields) assert.ok(f.message.length > 0 && !/^[a-z]+\.[a-zA-Z.]+$/.test(f.message), f.message);
    const sort = await call('/occupancy?sort=colour', salesManager.aadObjectId, { lang: 'fi' });
    assert.equal(sort.status, 400);
    assert.deepEqual(sort.body.error.fields.map((f: any) => f.field), ['sort']);
  });

  it('a home\'s places say what the caller may change there; a home director changing another home\'s place is 403', async () => {
    const koivukoti = stableIdFor('home:Koivukoti');
    const merikoti = stableIdFor('home:Merikoti');
    assert.deepEqual((await call(`/places?careHomeId=${koivukoti}`, homeDirector.aadObjectId)).body.may, { record: true, reserve: true, settle: true });
    const other = await call(`/places?careHomeId=${merikoti}`, homeDirector.aadObjectId);
    assert.deepEqual(other.body.may, { record: false, reserve: false, settle: false });
    assert.deepEqual((await call(`/places?careHomeId=${merikoti}`, regionalDirector.aadObjectId)).body.may, { record: true, reserve: true, settle: true });

    const free = other.body.places.find((p: any) => p.effectiveStatus === 'vapaa');
    const customer = (await call('/customers?q=Länsi', homeDirector.aadObjectId)).body.customers[0];
    const refused = await call(`/places/${free.id}`, homeDirector.aadObjectId, { method: 'PATCH', body: { change: 'reserve', requestId: randomUUID(), version: free.version, customerId: customer.id }, lang: 'en' });
    assert.equal(refused.status, 403);
    assert.equal(refused.body.error.code, 'forbidden');
    assert.match(refused.body.error.message, /Merikoti/);
    assert.equal((await call(`/places?careHomeId=${merikoti}`, salesManager.aadObjectId)).body.places.find((p: any) => p.id === free.id).version, free.version);
  });

  it('a place changed through the API is in the totals at once (the counts are not served stale)', async () => {
    const before = await board('?region=etela-suomi');
    const koivukoti = stableIdFor('home:Koivukoti');
    const occupied = (await call(`/places?careHomeId=${koivukoti}`, homeDirector.aadObjectId)).body.places.find((p: any) => p.effectiveStatus === 'kaytossa');
    const freed = await call(`/places/${occupied.id}`, homeDirector.aadObjectId, { method: 'PATCH', body: { change: 'free', requestId: randomUUID(), version: occupied.version, freeFrom: '2026-11-23' } });
    assert.equal(freed.status, 200, JSON.stringify(freed.body));
    const after = await board('?region=etela-suomi');
    assert.equal(after.company.free, before.company.free + 1);
    assert.equal(after.company.occupied, before.company.occupied - 1);
    assert.equal(after.regions.find((r: any) => r.region === 'etela-suomi').free, before.regions.find((r: any) => r.region === 'etela-suomi').free + 1);
    assert.equal(after.homes.find((home: any) => home.name === 'Koivukoti').totals.free, before.homes.find((home: any) => home.name === 'Koivukoti').totals.free + 1);
  });
});
