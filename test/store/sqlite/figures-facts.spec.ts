import assert from 'node:assert/strict';
import type Database from 'better-sqlite3';
import fc from 'fast-check';
import { addDays, localDate } from '../../../src/domain/dates.js';
import { markFree, occupy, release, reserve } from '../../../src/domain/places/place-lifecycle.js';
import { agreementSchema, type Agreement } from '../../../src/domain/records/agreement.js';
import { contactLogEntrySchema } from '../../../src/domain/records/contact-log-entry.js';
import { homeEventSchema } from '../../../src/domain/records/home-event.js';
import { noteSchema } from '../../../src/domain/records/note.js';
import type { ServiceType } from '../../../src/domain/records/common.js';
import { placeSchema, type Place } from '../../../src/domain/records/place.js';
import { stableIdFor } from '../../../src/domain/stable-id.js';
import type { RecordKind } from '../../../src/store/record-kinds.js';
import { rederiveAllFacts } from '../../../src/store/sqlite/figures-facts.js';
import { SqliteRecordQueries } from '../../../src/store/sqlite/sqlite-queries.js';
import { openSqliteDatabase, SqliteRecordStore } from '../../../src/store/sqlite/sqlite-store.js';

/**
 * The figures' facts (migration 018, figures-facts.ts) are kept by the store's commit, one place or customer at a
 * time. Whatever history is written — sales, freeings, releases, corrections of a place's home, type or customer,
 * withdrawals, agreements made, repriced and moved to another customer, removals from the mirror, instants out of
 * order — the kept facts are exactly what deriving them from the whole history gives, and so are the figures read
 * from them; and a figure read again after a write shows the write (the aggregates are kept only until then).
 */
const actor = { id: 'facts-test', name: 'Testi' };
const homes = ['home:A', 'home:B'].map(stableIdFor);
const customers = ['customer:1', 'customer:2', 'customer:3'].map(stableIdFor);
const types: ServiceType[] = ['ymparivuorokautinen', 'yhteisollinen', 'lyhytaikainen'];

type Step =
  | { op: 'create'; home: number; type: number; occupiedFor: number | null }
  | { op: 'reserve'; place: number; customer: number }
  | { op: 'occupy'; place: number }
  | { op: 'free'; place: number; freeFromDays: number }
  | { op: 'release'; place: number }
  | { op: 'correct'; place: number; home: number; type: number; customer: number }
  | { op: 'withdraw'; place: number }
  | { op: 'remove'; place: number }
  | { op: 'agreement'; customer: number; types: number[]; startDays: number; lengthDays: number | null; price: number | null }
  | { op: 'reprice'; agreement: number; price: number | null; customer: number };

const ix = fc.nat(20);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), home: fc.nat(1), type: fc.nat(2), occupiedFor: fc.option(fc.nat(2)) }),
  fc.record({ op: fc.constant('reserve' as const), place: ix, customer: fc.nat(2) }),
  fc.record({ op: fc.constant('occupy' as const), place: ix }),
  fc.record({ op: fc.constant('free' as const), place: ix, freeFromDays: fc.integer({ min: -20, max: 40 }) }),
  fc.record({ op: fc.constant('release' as const), place: ix }),
  fc.record({ op: fc.constant('correct' as const), place: ix, home: fc.nat(1), type: fc.nat(2), customer: fc.nat(2) }),
  fc.record({ op: fc.constant('withdraw' as const), place: ix }),
  fc.record({ op: fc.constant('remove' as const), place: ix }),
  fc.record({
    op: fc.constant('agreement' as const),
    customer: fc.nat(2),
    types: fc.uniqueArray(fc.nat(2), { minLength: 1, maxLength: 3 }),
    startDays: fc.integer({ min: -200, max: 400 }),
    lengthDays: fc.option(fc.integer({ min: 0, max: 300 })),
    price: fc.option(fc.integer({ min: 50, max: 300 })),
  }),
  fc.record({ op: fc.constant('reprice' as const), agreement: ix, price: fc.option(fc.integer({ min: 50, max: 300 })), customer: fc.nat(2) }),
);
/** Each step some hours to weeks after the one before — or, now and then, before it (a late list edit). */
const history = fc.array(fc.tuple(step, fc.integer({ min: -30, max: 400 })), { minLength: 1, maxLength: 40 });

function open() {
  const db = openSqliteDatabase(':memory:');
  return { db, records: new SqliteRecordStore(db), queries: new SqliteRecordQueries(db) };
}

async function replay(store: ReturnType<typeof open>, steps: [Step, number][]): Promise<void> {
  const places: Place[] = [];
  const agreements: Agreement[] = [];
  let made = 0;
  let clock = Date.parse('2025-06-01T08:00:00.000Z');
  const commit = async (kind: RecordKind, record: Place | Agreement, expectedVersion: number | null) =>
    store.records.commit({ at: new Date(clock).toISOString(), by: actor, writes: [{ kind, record, expectedVersion } as never], outbox: [] });
  for (const [s, hours] of steps) {
    clock += hours * 3_600_000;
    const at = new Date(clock).toISOString();
    const today = localDate(new Date(clock));
    const meta = { createdAt: at, createdBy: actor.id, updatedAt: at };
    const change = async (i: number, next: (p: Place) => Place) => {
      const place = places[i % Math.max(places.length, 1)];
      if (!place || place.withdrawnAt) return;
      let changed: Place;
      try {
        changed = { ...next(place), version: place.version + 1, updatedAt: at };
      } catch {
        return; // a transition the lifecycle refuses: nobody could record it
      }
      await commit('place', placeSchema.parse(changed), place.version);
      places[places.indexOf(place)] = changed;
    };
    if (s.op === 'create') {
      const place = placeSchema.parse({
        id: stableIdFor(`place:${made}`), version: 1, ...meta, careHomeId: homes[s.home], label: `P${made++}`, serviceType: types[s.type], customerGroup: 'ikaantyneet',
        ...(s.occupiedFor === null ? { status: 'vapaa', freeFrom: today } : { status: 'kaytossa', reservedForCustomerId: customers[s.occupiedFor] }),
      });
      await commit('place', place, null);
      places.push(place);
    }
    if (s.op === 'reserve') await change(s.place, (p) => reserve(p, { customerId: customers[s.customer]!, actor, at, today }));
    if (s.op === 'occupy') await change(s.place, (p) => occupy(p, { actor, at, today }));
    if (s.op === 'free') await change(s.place, (p) => markFree(p, { freeFrom: addDays(today, s.freeFromDays), actor, at, today }));
    if (s.op === 'release') await change(s.place, (p) => release(p, { actor, at, today }));
    if (s.op === 'correct') {
      await change(s.place, (p) => ({ ...p, careHomeId: homes[s.home]!, serviceType: types[s.type]!, ...(p.reservedForCustomerId ? { reservedForCustomerId: customers[s.customer]! } : {}) }));
    }
    if (s.op === 'withdraw') await change(s.place, (p) => ({ ...p, withdrawnAt: at, withdrawnBy: actor }));
    if (s.op === 'remove' && places.length) {
      const [gone] = places.splice(s.place % places.length, 1);
      store.records.remove('place', gone!.id);
    }
    if (s.op === 'agreement') {
      const startDate = addDays('2025-06-01', s.startDays);
      const agreement = agreementSchema.parse({
        id: stableIdFor(`agreement:${agreements.length}`), version: 1, ...meta, customerId: customers[s.customer], kind: 'ostopalvelu', title: 'Sopimus', paymentCommitment: true,
        serviceTypes: s.types.map((t) => types[t]), startDate, ...(s.lengthDays === null ? {} : { endDate: addDays(startDate, s.lengthDays) }), ...(s.price === null ? {} : { pricePerDay: s.price }),
      });
      await commit('agreement', agreement, null);
      agreements.push(agreement);
    }
    if (s.op === 'reprice' && agreements.length) {
      const i = s.agreement % agreements.length;
      const { pricePerDay: _old, ...rest } = agreements[i]!;
      const changed = agreementSchema.parse({ ...rest, ...(s.price === null ? {} : { pricePerDay: s.price }), customerId: customers[s.customer], version: agreements[i]!.version + 1, updatedAt: at });
      await commit('agreement', changed, agreements[i]!.version);
      agreements[i] = changed;
    }
  }
}

const facts = (db: Database.Database) => ({
  stays: db.prepare('SELECT * FROM place_stay ORDER BY sale_id').all(),
  takings: db.prepare('SELECT * FROM place_taking ORDER BY audit_id').all(),
  segments: db.prepare('SELECT * FROM agreement_segment ORDER BY customer_id, service_type, a, agreement_id').all(),
});

async function figures(queries: SqliteRecordQueries) {
  const out: unknown[] = [];
  for (const [from, until] of [['2025-01-01', '2026-01-01'], ['2026-01-01', '2026-11-24'], ['2025-09-01', '2025-10-01']] as const) {
    for (const homeIds of ['all', [homes[0]!]] as const) {
      out.push(await queries.customerStays({ from, until, homeIds }), await queries.freePlaceMedians({ from, until, homeIds }));
    }
  }
  return out;
}

describe('figures facts (migration 018)', () => {
  it('kept by each commit, they are what the whole history derives — after sales, corrections, withdrawals and removals', async () => {
    await fc.assert(
      fc.asyncProperty(history, async (steps) => {
        const store = open();
        try {
          await replay(store, steps);
          const kept = facts(store.db);
          const keptFigures = await figures(store.queries);
          rederiveAllFacts(store.db);
          assert.deepEqual(facts(store.db), kept);
          // A fresh reader (no kept aggregates) on the facts derived from scratch answers the same figures.
          assert.deepEqual(await figures(new SqliteRecordQueries(store.db)), keptFigures);
        } finally {
          store.db.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('a store that had history before the migration gets its facts when it is opened', async () => {
    const store = open();
    await replay(store, [
      [{ op: 'agreement', customer: 0, types: [0], startDays: -100, lengthDays: null, price: 200 }, 1],
      [{ op: 'create', home: 0, type: 0, occupiedFor: null }, 1],
      [{ op: 'reserve', place: 0, customer: 0 }, 24 * 10],
      [{ op: 'occupy', place: 0 }, 24 * 5],
    ]);
    const kept = facts(store.db);
    assert.equal(kept.stays.length, 1);
    assert.equal(kept.takings.length, 1);
    store.db.exec('DELETE FROM place_stay; DELETE FROM place_taking; DELETE FROM agreement_segment; UPDATE figures_facts_state SET built = 0');
    const { ensureFiguresFacts } = await import('../../../src/store/sqlite/figures-facts.js');
    ensureFiguresFacts(store.db);
    assert.deepEqual(facts(store.db), kept);
    store.db.close();
  });

  it('a figure read again after a write shows the write', async () => {
    const store = open();
    const period = { from: '2025-01-01', until: '2026-01-01', homeIds: 'all' as const };
    await replay(store, [
      [{ op: 'agreement', customer: 0, types: [0], startDays: -100, lengthDays: null, price: 200 }, 1],
      [{ op: 'create', home: 0, type: 0, occupiedFor: null }, 1],
      [{ op: 'reserve', place: 0, customer: 0 }, 24],
    ]);
    assert.deepEqual(await store.queries.customerStays(period), []);
    assert.equal((await store.queries.freePlaceMedians(period)).overall.taken, 1);
    const place = (await store.records.get('place', stableIdFor('place:0')))!;
    const at = '2025-07-01T08:00:00.000Z';
    await store.records.commit({ at, by: actor, writes: [{ kind: 'place', record: { ...occupy(place, { actor, at, today: '2025-07-01' }), version: place.version + 1, updatedAt: at }, expectedVersion: place.version }], outbox: [] });
    // Sold 1.7.2025 and occupied to the year's end: 184 days at 200 €.
    assert.deepEqual(await store.queries.customerStays(period), [{ customerId: customers[0], serviceType: 'ymparivuorokautinen', stays: 1, occupiedDays: 184, unpricedDays: 0, revenue: 36_800 }]);
    store.db.close();
  });

  it("each customer's last entry day, kept and found again for the customers a write touched, is what a fresh reader finds", async () => {
    type EntryStep =
      | { op: 'contact' | 'note'; customer: number; days: number }
      | { op: 'event'; customers: number[]; days: number }
      | { op: 'move' | 'withdraw' | 'remove'; entry: number; customer: number };
    const entryStep: fc.Arbitrary<EntryStep> = fc.oneof(
      fc.record({ op: fc.constantFrom('contact' as const, 'note' as const), customer: fc.nat(2), days: fc.integer({ min: -60, max: 10 }) }),
      fc.record({ op: fc.constant('event' as const), customers: fc.uniqueArray(fc.nat(2), { maxLength: 3 }), days: fc.integer({ min: -60, max: 10 }) }),
      fc.record({ op: fc.constantFrom('move' as const, 'withdraw' as const, 'remove' as const), entry: fc.nat(20), customer: fc.nat(2) }),
    );
    const today = '2026-11-23';
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(entryStep, { maxLength: 4 }), { minLength: 1, maxLength: 8 }), async (rounds) => {
        const store = open();
        let made = 0;
        const entries: { kind: 'contactLogEntry' | 'note' | 'homeEvent'; record: Record<string, unknown> & { id: string; version: number } }[] = [];
        const write = (kind: RecordKind, record: object, expectedVersion: number | null) =>
          store.records.commit({ at: '2026-11-23T10:00:00.000Z', by: actor, writes: [{ kind, record, expectedVersion } as never], outbox: [] });
        try {
          for (const id of customers) await write('customer', { id, version: 1, createdAt: '2026-01-01T08:00:00.000Z', createdBy: actor.id, updatedAt: '2026-01-01T08:00:00.000Z', name: id, region: 'etela-suomi', kind: 'hyvinvointialue', segment: 'ostopalvelu', lifecyclePhase: 'kasvu' }, null);
          for (const round of rounds) {
            for (const s of round) {
              const n = entries.length;
              const meta = { id: stableIdFor(`entry:${made++}`), version: 1, createdAt: '2026-11-23T10:00:00.000Z', createdBy: actor.id, updatedAt: '2026-11-23T10:00:00.000Z', recordedBy: actor };
              if (s.op === 'contact') entries.push({ kind: 'contactLogEntry', record: contactLogEntrySchema.parse({ ...meta, customerId: customers[s.customer], date: addDays(today, s.days), type: 'puhelu', matter: 'Testi.' }) });
              if (s.op === 'note') {
                const createdAt = `${addDays(today, s.days)}T10:00:00.000Z`;
                entries.push({ kind: 'note', record: noteSchema.parse({ ...meta, createdAt, customerId: customers[s.customer], matter: 'Testi.', specialMention: false, direction: 'myynnista-tuotantoon' }) });
              }
              if (s.op === 'event') {
                entries.push({ kind: 'homeEvent', record: homeEventSchema.parse({ ...meta, careHomeId: homes[0], date: addDays(today, s.days), kind: 'muu', title: 'Testi', customerIds: s.customers.map((c) => customers[c]), attendingContactIds: [], specialMention: false }) });
              }
              if (!('entry' in s)) {
                await write(entries[n]!.kind, entries[n]!.record, null);
                continue;
              }
              const e = entries[s.entry % Math.max(entries.length, 1)];
              if (!e) continue;
              if (s.op === 'remove') {
                store.records.remove(e.kind, e.record.id);
                entries.splice(entries.indexOf(e), 1);
                continue;
              }
              const changed = { ...e.record, version: e.record.version + 1, ...(s.op === 'withdraw' ? { withdrawnAt: '2026-11-23T11:00:00.000Z', withdrawnBy: actor } : e.kind === 'homeEvent' ? { customerIds: [customers[s.customer]] } : { customerId: customers[s.customer] }) };
              await write(e.kind, changed, e.record.version);
              e.record = changed;
            }
            // Read between the rounds: the next round's writes patch what this one kept.
            assert.deepEqual(await store.queries.lastEntryDays(today), await new SqliteRecordQueries(store.db).lastEntryDays(today));
          }
        } finally {
          store.db.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
