/**
 * Times the Monday digest's composition in a process of its own (`node --import tsx digest-probe.ts <dataDir>`),
 * so its memory is not the benchmark's and a run over the time budget can be killed. The store is the seeded
 * one, read as it is; its commit is discarded and its weekly key counts as unused, so every run composes
 * again. The clock stands at this week's Monday 08:30 Helsinki time. Prints one line of JSON.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appContext } from '../../src/app/app-context.js';
import { composeWeeklyDigest } from '../../src/app/compose-weekly-digest.js';
import { fixedClock } from '../../src/clock.js';
import { instantAt, localDate } from '../../src/domain/dates.js';
import { mondayOf } from '../../src/domain/metrics/weekly-digest.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { RecordStore, Store } from '../../src/store/store-port.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: digest-probe.ts <dataDir> [runs]');
const runs = Number(process.argv[3] ?? 3);

const store = openSqliteStore(join(dataDir, 'hoivacrm.sqlite'));
// Reads go to the real store (whatever narrow queries it grows: they are found through the prototype); writes vanish.
const dryRecords: RecordStore = Object.create(store.records, { commit: { value: async () => ({ applied: true }) } });
// The week's key counts as unused (a run of the server on this store may have sent this week's digest), so every
// run composes: this probe times the composition, not the key check before it.
const dryQueries: Store['queries'] = Object.create(store.queries, { isProcessed: { value: async () => false } });
const dry: Store = { ...store, records: dryRecords, queries: dryQueries };
const monday = instantAt(mondayOf(localDate(new Date())), '08:30');
const ctx = appContext(dry, fixedClock(monday.toISOString()));

const times: number[] = [];
let outcome = '';
const deadline = Date.now() + Number(process.env.BENCH_DIGEST_MAX_MS ?? 300_000);
for (let i = 0; i < runs && Date.now() < deadline; i++) {
  const started = performance.now();
  const result = await composeWeeklyDigest(ctx);
  times.push(performance.now() - started);
  outcome = result.queued ? 'queued' : result.reason;
}
const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
console.log(JSON.stringify({ times, outcome, rssPeakMb: hwm ? Math.round(Number(hwm) / 1024) : undefined }));
await store.close();
