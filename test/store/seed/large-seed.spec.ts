import assert from 'node:assert/strict';
import { systemClock } from '../../../src/clock.js';
import { addDays } from '../../../src/domain/dates.js';
import { recordKinds, storedSchemas } from '../../../src/store/record-kinds.js';
import { seedDemoData } from '../../../src/store/seed/demo-data.js';
import { demoPeople } from '../../../src/store/seed/demo-people.js';
import { holdsRecords, seedLargeData, type LargeSeedResult } from '../../../src/store/seed/large/seed-large-data.js';
import { sizesAt, type LargeSizes } from '../../../src/store/seed/large/sizes.js';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../../src/store/store-port.js';

const today = '2026-12-01';
const seededAt = '2026-12-01T08:00:00.000Z';

/** The kinds whose counts sizes.ts sets, by record kind. */
const sized: Record<keyof LargeSizes, (typeof recordKinds)[number]> = {
  careHomes: 'careHome',
  places: 'place',
  customers: 'customer',
  contactLogEntries: 'contactLogEntry',
  supervisionVisits: 'supervisionVisit',
  homeEvents: 'homeEvent',
  complaints: 'complaint',
  notes: 'note',
  developmentMeetings: 'developmentMeeting',
};

async function seeded(scale: number): Promise<{ store: Store; result: LargeSeedResult }> {
  const store = openSqliteStore(':memory:');
  const result = await seedLargeData(store, { scale, today, seededAt, batchSize: 500 });
  return { store, result };
}

describe('the real-size demo seed (npm run seed:large)', function () {
  this.timeout(60_000);
  let small: { store: Store; result: LargeSeedResult };
  let double: { store: Store; result: LargeSeedResult };
  before(async () => {
    small = await seeded(0.01);
    double = await seeded(0.02);
  });
  after(async () => {
    await small.store.close();
    await double.store.close();
  });

  it('holds the counts of its scale, and twice the scale holds about twice as much', async () => {
    for (const [size, kind] of Object.entries(sized) as [keyof LargeSizes, (typeof recordKinds)[number]][]) {
      const atSmall = (await small.store.records.list(kind)).length;
      assert.equal(atSmall, sizesAt(0.01)[size], kind);
      assert.equal((await double.store.records.list(kind)).length, sizesAt(0.02)[size], kind);
    }
    assert.equal(sizesAt(1).contactLogEntries, 200_000);
    assert.equal(sizesAt(10).places, 16_000);
    assert.equal((await double.store.records.list('contactLogEntry')).length, 2 * (await small.store.records.list('contactLogEntry')).length);
  });

  it('writes only records their schemas accept', async () => {
    for (const kind of recordKinds) {
      for (const record of await double.store.records.list(kind)) {
        const checked = storedSchemas[kind].safeParse(record);
        assert.ok(checked.success, `${kind} ${(record as { id: string }).id}: ${checked.success ? '' : checked.error.message}`);
      }
    }
  });

  it('has the demo people and a director for every home, so every command works', async () => {
    const people = await double.store.records.list('person');
    for (const demo of demoPeople) assert.ok(people.some((p) => p.userId === demo.userId), demo.name);
    for (const home of await double.store.records.list('careHome')) {
      assert.ok(people.some((p) => p.roles.includes('kotijohtaja') && p.careHomeIds?.includes(home.id) && p.userId === home.directorId), home.name);
    }
  });

  it('is a busy company: most customers current, some silent for 14 days or more, some complaints overdue', async () => {
    const store = openSqliteStore(':memory:');
    await seedLargeData(store, { scale: 0.2, today, seededAt });
    const entries = await store.records.list('contactLogEntry');
    const latest = new Map<string, string>();
    for (const e of entries) if ((latest.get(e.customerId) ?? '') < e.date) latest.set(e.customerId, e.date);
    const customers = await store.records.list('customer');
    const silent = customers.filter((c) => (latest.get(c.id) ?? '') < addDays(today, -14)).length;
    assert.ok(silent > 0 && silent < customers.length / 4, `${silent} of ${customers.length} silent`);
    assert.ok(entries.some((e) => e.date < addDays(today, -4 * 365)), 'years of history');
    const complaints = await store.records.list('complaint');
    assert.ok(complaints.some((c) => c.status !== 'suljettu' && c.nextStepDue && c.nextStepDue < today), 'an overdue complaint');
    assert.ok(complaints.some((c) => c.status === 'suljettu'));
    assert.ok(customers.every((c) => c.serviceNeeds?.includes('Kuvitteellinen')), 'marked fictional');
    await store.close();
  });

  it('is the same data every time for the same scale and day', async () => {
    const again = await seeded(0.01);
    const ids = async (s: Store) => (await s.records.list('contactLogEntry')).map((e) => `${e.id} ${e.date} ${e.customerId}`);
    assert.deepEqual(await ids(again.store), await ids(small.store));
    await again.store.close();
  });

  it('is left alone by the server: the demo seed does not add to it, and the large seed refuses it', async () => {
    assert.equal(await holdsRecords(small.store), true);
    assert.equal(await seedDemoData(small.store, systemClock), undefined);
    const empty = openSqliteStore(':memory:');
    assert.equal(await holdsRecords(empty), false);
    await empty.close();
  });
});
