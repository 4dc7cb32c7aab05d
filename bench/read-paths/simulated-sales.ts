import { addDays, localDate } from '../../src/domain/dates.js';
import { markFree, occupy, reserve } from '../../src/domain/places/place-lifecycle.js';
import type { ActorRef } from '../../src/domain/records/common.js';
import type { Place } from '../../src/domain/records/place.js';
import { SqliteRecordQueries } from '../../src/store/sqlite/sqlite-queries.js';
import { openSqliteDatabase, SqliteRecordStore } from '../../src/store/sqlite/sqlite-store.js';
import { join } from 'node:path';

/**
 * A year of place sales on a seeded bench store (BENCH_SALES=1 of `npm run bench:api`). The seeded stores record
 * no sales — no status history, no occupied place reserved for a customer — so the figures' revenue and stays have
 * nothing to do on them. This frees 30 % of the occupied places at instants over the year before `now`, reserves
 * each for a customer with an agreement (its region's when it has one) and sells it, each change committed at its
 * own instant through the store's commit, so the audit trail holds it as a use case at that time would have left it.
 * Deterministic (a seeded generator: the same places, customers and offsets on every copy; the instants count back
 * from `now`), and done once per store: a rerun finds the simulator's audit entries and stops.
 */
export const SALES_SIMULATOR: ActorRef = { id: 'bench-sales', name: 'Myynnin simulaatio' };

export async function simulateSales(dataDir: string, now = new Date()): Promise<{ sales: number; already: boolean; ms: number }> {
  const started = performance.now();
  // Opened (and migrated) as the server opens it; the records written through the store's commit.
  const db = openSqliteDatabase(join(dataDir, 'hoivacrm.sqlite'));
  const store = { records: new SqliteRecordStore(db), queries: new SqliteRecordQueries(db) };
  try {
    const done = db.prepare('SELECT count(*) AS n FROM audit WHERE actor_id = ? AND status_to = ?').get(SALES_SIMULATOR.id, 'kaytossa') as { n: number };
    if (done.n > 0) return { sales: done.n, already: true, ms: performance.now() - started };
    const random = mulberry32(20261123);
    const homes = new Map((await store.queries.careHomes()).map((h) => [h.id, h.region]));
    const customers = (await store.queries.customerNames()).map((c) => ({ ...c }));
    const agreements = db.prepare('SELECT customer_id AS customerId, service_types AS types FROM agreement').all() as { customerId: string; types: string }[];
    const buyers = new Map<string, string[]>(); // `${region} ${serviceType}` → customers with an agreement for it
    for (const a of agreements) {
      const region = customers.find((c) => c.id === a.customerId)?.region;
      for (const type of JSON.parse(a.types) as string[]) {
        const key = `${region} ${type}`;
        buyers.set(key, [...(buyers.get(key) ?? []), a.customerId]);
      }
    }
    const occupied = (await store.records.list('place', { status: 'kaytossa' })).filter((p) => !p.withdrawnAt).sort((a, b) => (a.id < b.id ? -1 : 1));
    let sales = 0;
    const yearAgo = now.getTime() - 365 * 86_400_000;
    for (const original of occupied) {
      if (random() >= 0.3) continue;
      const region = homes.get(original.careHomeId);
      const pool = buyers.get(`${region} ${original.serviceType}`) ?? customers.filter((c) => c.region === region).map((c) => c.id);
      const customerId = pool[Math.floor(random() * pool.length)];
      if (!customerId) continue;
      // Freed, reserved 5–40 days later, sold 1–20 days after that: all before now.
      const freedAt = yearAgo + random() * (300 * 86_400_000);
      const reservedAt = freedAt + (5 + random() * 35) * 86_400_000;
      const soldAt = Math.min(reservedAt + (1 + random() * 19) * 86_400_000, now.getTime() - 3_600_000);
      const iso = (ms: number) => new Date(ms).toISOString();
      const day = (ms: number) => localDate(new Date(ms));
      let place: Place = original;
      const step = async (at: string, change: (p: Place) => Place) => {
        const changed = { ...change(place), version: place.version + 1, updatedAt: at };
        await store.records.commit({ at, by: SALES_SIMULATOR, writes: [{ kind: 'place', record: changed, expectedVersion: place.version }], outbox: [] });
        place = changed;
      };
      await step(iso(freedAt), (p) => markFree(p, { freeFrom: addDays(day(freedAt), Math.floor(random() * 14)), actor: SALES_SIMULATOR, at: iso(freedAt), today: day(freedAt) }));
      await step(iso(reservedAt), (p) => reserve(p, { customerId, actor: SALES_SIMULATOR, at: iso(reservedAt), today: day(reservedAt) }));
      await step(iso(soldAt), (p) => occupy(p, { actor: SALES_SIMULATOR, at: iso(soldAt), today: day(soldAt) }));
      sales++;
    }
    return { sales, already: false, ms: performance.now() - started };
  } finally {
    db.close();
  }
}

/** A small seeded generator: the same sales on every copy of a store. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
