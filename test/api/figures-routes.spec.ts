import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { LOCAL_USER_HEADER } from '../../src/api/caller.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { BotHarness } from '../support/bot-harness.js';
import { agreementOf, complaintOf, contactOn, placeHistory } from '../support/figures-history.js';
import { businessDirector, homeDirector, qualityManager, regionalDirector, salesManager, type TeamsUser } from '../support/teams-activities.js';

/**
 * GET /api/v1/figures/customers and /figures/process (issue 13, Luvut): figures from records written in the
 * test with known instants and prices, so revenue, days and medians are exact sums stated here; paging bounds;
 * a 400 naming each bad field; 403 by role and by scope. The harness's today is 2026-11-23.
 */
describe('tab API /api/v1/figures', () => {
  let h: BotHarness;
  const koivukoti = stableIdFor('home:Koivukoti');
  const merikoti = stableIdFor('home:Merikoti');
  const lansiUusimaa = stableIdFor('customer:Länsi-Uudenmaan hyvinvointialue');
  const vantaaKerava = stableIdFor('customer:Vantaan ja Keravan hyvinvointialue');
  const helsinki = stableIdFor('customer:Helsingin kaupunki');
  const adminOnly: TeamsUser = { id: '29:admin-only', name: 'Ylläpito Testi', aadObjectId: randomUUID(), locale: 'fi-FI' };

  before(async () => {
    h = await new BotHarness().start();
    const store = h.app.store;
    await h.addPerson(adminOnly, ['admin']);
    // Prices: 200 €/day to the end of June, 250 €/day from July (the later agreement takes over on its start).
    await agreementOf(store, { customerId: lansiUusimaa, serviceTypes: ['ymparivuorokautinen'], startDate: '2025-01-01', endDate: '2026-06-30', pricePerDay: 200 });
    await agreementOf(store, { customerId: lansiUusimaa, serviceTypes: ['ymparivuorokautinen'], startDate: '2026-07-01', pricePerDay: 250 });
    // Koivukoti: free 1.12.2025, reserved 10.1. (40 days free), sold 1.2., freed from 1.9.: 212 days sold.
    await placeHistory(
      store,
      { careHomeId: koivukoti, label: 'T1', serviceType: 'ymparivuorokautinen', createdAt: '2025-12-01T08:00:00.000Z', freeFrom: '2025-12-01' },
      { reserveFor: { customerId: lansiUusimaa, at: '2026-01-10T10:00:00.000Z' }, sellAt: '2026-02-01T10:00:00.000Z', freeAt: { at: '2026-08-20T10:00:00.000Z', freeFrom: '2026-09-01' } },
    );
    // Koivukoti, short-term: free 1.10., reserved 11.10. (10 days), sold 15.10. and still occupied: 40 days to
    // today; no agreement covers short-term, so 40 unpriced days. Reserved at 23:30 Finnish time on 11.10.
    await placeHistory(
      store,
      { careHomeId: koivukoti, label: 'T2', serviceType: 'lyhytaikainen', createdAt: '2026-10-01T08:00:00.000Z', freeFrom: '2026-10-01' },
      { reserveFor: { customerId: lansiUusimaa, at: '2026-10-11T20:30:00.000Z' }, sellAt: '2026-10-15T08:00:00.000Z' },
    );
    // Merikoti: free 1.3., reserved 21.3. (20 days), sold 1.4. and still occupied: 91 days at 200 + 146 at 250.
    await placeHistory(
      store,
      { careHomeId: merikoti, label: 'T3', serviceType: 'ymparivuorokautinen', createdAt: '2026-03-01T08:00:00.000Z', freeFrom: '2026-03-01' },
      { reserveFor: { customerId: lansiUusimaa, at: '2026-03-21T10:00:00.000Z' }, sellAt: '2026-04-01T10:00:00.000Z' },
    );
    // Merikoti, sold to Helsinki in 2025 and occupied since: 184 days of 2025 and 327 of 2026 at 100 €/day.
    await agreementOf(store, { customerId: helsinki, serviceTypes: ['ymparivuorokautinen'], startDate: '2025-01-01', pricePerDay: 100 });
    await placeHistory(
      store,
      { careHomeId: merikoti, label: 'T4', serviceType: 'ymparivuorokautinen', createdAt: '2025-06-01T08:00:00.000Z', freeFrom: '2025-06-01' },
      { reserveFor: { customerId: helsinki, at: '2025-06-11T10:00:00.000Z' }, sellAt: '2025-07-01T10:00:00.000Z' },
    );
    // Complaints: replied after 2 days (00:30 Finnish time on the 7th) and 4 days, one informed after 10; Merikoti 1 and 8.
    await complaintOf(store, { customerId: lansiUusimaa, careHomeId: koivukoti, receivedDate: '2026-10-05', actionsAgreedAt: '2026-10-06T22:30:00.000Z', informedAt: '2026-10-15T09:00:00.000Z' });
    await complaintOf(store, { customerId: lansiUusimaa, careHomeId: koivukoti, receivedDate: '2026-10-10', actionsAgreedAt: '2026-10-14T09:00:00.000Z' });
    await complaintOf(store, { customerId: helsinki, careHomeId: merikoti, receivedDate: '2026-08-01', actionsAgreedAt: '2026-08-02T09:00:00.000Z', informedAt: '2026-08-09T09:00:00.000Z' });
    await contactOn(store, lansiUusimaa, '2026-05-10');
    await contactOn(store, lansiUusimaa, '2026-11-22');
    await contactOn(store, vantaaKerava, '2026-11-20');
    await contactOn(store, helsinki, '2026-11-01');
  });
  after(async () => {
    await h.stop();
  });

  const call = async (path: string, as: TeamsUser | undefined, lang = 'fi-FI') => {
    const response = await fetch(`${h.app.url}/api/v1${path}`, { headers: { ...(as ? { [LOCAL_USER_HEADER]: as.aadObjectId } : {}), 'accept-language': lang } });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('the customer report: residents, services, revenue = price per day × occupied days, for this year to today', async () => {
    const { status, body } = await call('/figures/customers', businessDirector);
    assert.equal(status, 200);
    assert.deepEqual([body.year, body.from, body.to, body.scope.kind, body.sort], [2026, '2026-01-01', '2026-11-23', 'company', 'revenue']);
    assert.equal(body.total, 8);
    const first = body.customers[0];
    assert.equal(first.id, lansiUusimaa, 'the customer with revenue comes first');
    // 150 days × 200 + 62 × 250 (Koivukoti) + 91 × 200 + 146 × 250 (Merikoti).
    assert.deepEqual(
      { residents: first.residents, occupiedDays: first.occupiedDays, unpricedDays: first.unpricedDays, revenue: first.revenue, satisfaction: first.satisfaction },
      { residents: 3, occupiedDays: 212 + 40 + 237, unpricedDays: 40, revenue: 150 * 200 + 62 * 250 + 91 * 200 + 146 * 250, satisfaction: null },
    );
    assert.deepEqual(
      [...first.services].sort((a: any, b: any) => a.serviceType.localeCompare(b.serviceType)),
      [
        { serviceType: 'lyhytaikainen', residents: 1, occupiedDays: 40, revenue: 0 },
        { serviceType: 'ymparivuorokautinen', residents: 2, occupiedDays: 449, revenue: 100_200 },
      ],
    );
    // Sold before the year and occupied all of it: counted from 1 January.
    assert.deepEqual([body.customers[1].id, body.customers[1].residents, body.customers[1].occupiedDays, body.customers[1].revenue], [helsinki, 1, 327, 32_700]);
    assert.deepEqual(body.totals, { residents: 4, occupiedDays: 489 + 327, unpricedDays: 40, revenue: 100_200 + 32_700 });
    assert.ok(body.customers.slice(2).every((c: any) => c.residents === 0 && c.revenue === 0));

    const lastYear = await call('/figures/customers?year=2025', salesManager);
    assert.deepEqual([lastYear.body.from, lastYear.body.to, lastYear.body.totals], ['2025-01-01', '2025-12-31', { residents: 1, occupiedDays: 184, unpricedDays: 0, revenue: 18_400 }]);
  });

  it('paging is bounded, sorting and the region filter narrow it; a regional director sees the region, a home director their own home', async () => {
    const page = await call('/figures/customers?top=2&skip=1&sort=name', businessDirector);
    assert.deepEqual([page.body.customers.length, page.body.total, page.body.top, page.body.skip], [2, 8, 2, 1]);
    const names = (await call('/figures/customers?sort=name&top=100', businessDirector)).body.customers.map((c: any) => c.name);
    assert.deepEqual(page.body.customers.map((c: any) => c.name), names.slice(1, 3));
    assert.deepEqual(names, [...names].sort((a: string, b: string) => a.localeCompare(b, 'fi')));
    assert.equal((await call('/figures/customers?skip=8', businessDirector)).body.customers.length, 0);

    const south = await call('/figures/customers?region=lounais-suomi', qualityManager);
    assert.ok(south.body.customers.length > 0 && south.body.customers.every((c: any) => c.region === 'lounais-suomi'));
    assert.equal(south.body.totals.revenue, 0, 'the sales are in Etelä-Suomi');

    const regional = await call('/figures/customers', regionalDirector);
    assert.deepEqual([regional.body.scope.kind, regional.body.scope.regions], ['region', ['etela-suomi']]);
    assert.ok(regional.body.customers.every((c: any) => c.region === 'etela-suomi'));
    assert.equal(regional.body.totals.revenue, 132_900);

    const own = await call('/figures/customers', homeDirector);
    assert.deepEqual([own.body.scope.kind, own.body.scope.careHomes.map((c: any) => c.name)], ['home', ['Koivukoti']]);
    assert.deepEqual(own.body.totals, { residents: 2, occupiedDays: 252, unpricedDays: 40, revenue: 150 * 200 + 62 * 250 });
  });

  it('the process measures: days since last contact (overdue past 14 or never), entries per quarter, free-place and complaint medians', async () => {
    const { status, body } = await call('/figures/process?top=100', businessDirector);
    assert.equal(status, 200);
    assert.equal(body.overdueAfterDays, 14);
    assert.deepEqual(body.quarters.map((q: any) => q.key), ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    const row = (id: string) => body.contacts.customers.find((c: any) => c.id === id);
    // Her last entry is a contact on 22.11., after the complaints of October: 1 day; Q2 the May contact, Q4 the two complaints and a contact.
    assert.deepEqual(row(lansiUusimaa), { ...row(lansiUusimaa), lastContact: '2026-11-22', daysSinceLastContact: 1, overdue: false, perQuarter: [0, 1, 0, 3] });
    assert.deepEqual([row(vantaaKerava).daysSinceLastContact, row(vantaaKerava).overdue], [3, false]);
    assert.deepEqual([row(helsinki).daysSinceLastContact, row(helsinki).overdue, row(helsinki).perQuarter], [22, true, [0, 0, 1, 1]]);
    const never = body.contacts.customers.filter((c: any) => c.lastContact === null);
    assert.equal(never.length, 5);
    assert.ok(never.every((c: any) => c.overdue && c.daysSinceLastContact === null));
    assert.deepEqual(
      body.contacts.customers.map((c: any) => c.id).slice(5),
      [helsinki, vantaaKerava, lansiUusimaa],
      'never contacted first, then the longest silence',
    );
    assert.deepEqual([body.contacts.total, body.contacts.overdue], [8, 6]);

    // Free days: Koivukoti 40 and 10 (median 25), Merikoti 20; over both 10, 20, 40.
    assert.deepEqual(
      body.freePlaces.homes.map((f: any) => [f.name, f.taken, f.medianDays]),
      [['Koivukoti', 2, 25], ['Merikoti', 1, 20]],
    );
    assert.deepEqual(body.freePlaces.overall, { taken: 3, medianDays: 20 });
    assert.deepEqual([body.freePlaces.top, body.freePlaces.skip, body.freePlaces.total], [25, 0, 2]);
    // The homes are a page (a row per home: 440 at ten times the size); the overall median stays the scope's.
    const homesPage = (await call('/figures/process?homesTop=1&homesSkip=1', businessDirector)).body.freePlaces;
    assert.deepEqual([homesPage.homes.map((f: any) => f.name), homesPage.total, homesPage.overall], [['Merikoti'], 2, { taken: 3, medianDays: 20 }]);
    assert.deepEqual(body.complaints, [
      { quarter: '2026-Q1', received: 0, replied: 0, informed: 0, medianDaysToReply: null, medianDaysToInformed: null },
      { quarter: '2026-Q2', received: 0, replied: 0, informed: 0, medianDaysToReply: null, medianDaysToInformed: null },
      { quarter: '2026-Q3', received: 1, replied: 1, informed: 1, medianDaysToReply: 1, medianDaysToInformed: 8 },
      { quarter: '2026-Q4', received: 2, replied: 2, informed: 1, medianDaysToReply: 3, medianDaysToInformed: 10 },
    ]);

    const own = await call('/figures/process', homeDirector);
    assert.deepEqual(own.body.freePlaces.overall, { taken: 2, medianDays: 25 });
    assert.deepEqual(own.body.freePlaces.homes.map((f: any) => f.name), ['Koivukoti']);
    assert.deepEqual(own.body.complaints.map((c: any) => c.received), [0, 0, 0, 2], 'the Merikoti complaint is not the home director\'s');

    const paged = await call('/figures/process?top=3&skip=6', businessDirector);
    assert.deepEqual(paged.body.contacts.customers.map((c: any) => c.id), [vantaaKerava, lansiUusimaa]);
  });

  it('400 names each bad field, in the caller\'s language', async () => {
    for (const [query, field] of [
      ['year=abc', 'year'],
      ['year=1999', 'year'],
      ['year=2027', 'year'],
      ['region=lappi', 'region'],
      ['top=0', 'top'],
      ['top=101', 'top'],
      ['skip=-1', 'skip'],
      ['sort=mood', 'sort'],
    ] as const) {
      const { status, body } = await call(`/figures/customers?${query}`, businessDirector);
      assert.equal(status, 400, query);
      assert.equal(body.error.code, 'invalid');
      assert.deepEqual(body.error.fields.map((f: any) => f.field), [field], query);
    }
    const ahead = await call('/figures/customers?year=2027', businessDirector, 'en-US');
    assert.match(ahead.body.error.fields[0].message, /2026/);
    const process = await call('/figures/process?top=1000&region=x&homesTop=0', businessDirector, 'en-US');
    assert.equal(process.status, 400);
    assert.deepEqual(process.body.error.fields.map((f: any) => f.field).sort(), ['homesTop', 'region', 'top']);
    assert.equal(process.body.error.fields.find((f: any) => f.field === 'region').message, 'Choose one of the options.');
  });

  it('403 by role (admin only, not on the list) and by scope (a region beyond the role); 401 without a caller', async () => {
    const admin = await call('/figures/customers', adminOnly, 'en-US');
    assert.equal(admin.status, 403);
    assert.equal(admin.body.error.code, 'forbidden');
    assert.match(admin.body.error.message, /sales/);
    assert.equal((await call('/figures/process', adminOnly)).status, 403);
    const stranger = await call('/figures/process', { id: '29:x', name: 'X', aadObjectId: randomUUID(), locale: 'fi-FI' });
    assert.deepEqual([stranger.status, stranger.body.error.code], [403, 'notInPeopleList']);
    assert.equal((await call('/figures/customers', undefined)).status, 401);

    for (const [user, query] of [
      [homeDirector, 'region=lounais-suomi'],
      [regionalDirector, 'region=sisa-suomi'],
    ] as const) {
      for (const path of ['/figures/customers', '/figures/process']) {
        const { status, body } = await call(`${path}?${query}`, user, 'en-US');
        assert.equal(status, 403, `${user.name} ${path}?${query}`);
        assert.match(body.error.message, /does not reach/);
      }
    }
    // Their own region is within reach.
    assert.equal((await call('/figures/customers?region=etela-suomi', homeDirector)).status, 200);
  });
});
