/**
 * `npm run seed:large -- --scale 1 [--data-dir data/large-1x] [--today 2026-12-01]`: fills a separate data
 * folder with the real-size demo (src/store/seed/large/), for benchmarks and for showing a busy company.
 * Then `DATA_DIR=data/large-1x npm start` runs on it (the demo seed leaves a store with homes alone).
 * Refuses a folder whose store already holds records, so a second run never doubles anything.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localDate } from '../src/domain/dates.js';
import { holdsRecords, seedLargeData } from '../src/store/seed/large/seed-large-data.js';
import { sizesAt } from '../src/store/seed/large/sizes.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function usage(message: string): never {
  console.error(`${message}\nusage: npm run seed:large -- --scale <positive number> [--data-dir <dir>] [--today YYYY-MM-DD]`);
  process.exit(2);
}

const scale = Number(option('scale') ?? '1');
if (!(scale > 0) || !Number.isFinite(scale)) usage(`--scale must be a positive number, not ${option('scale')}`);
const today = option('today') ?? localDate(new Date());
if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) usage(`--today must be a date YYYY-MM-DD, not ${today}`);
// The same resolution as the server's DATA_DIR: relative to the project, so `DATA_DIR=<dir> npm start` finds it.
const dataDir = resolve(projectRoot, option('data-dir') ?? `data/large-${scale}x`);
const file = join(dataDir, 'hoivacrm.sqlite');

const existed = existsSync(file);
const store = openSqliteStore(file);
try {
  if (existed && (await holdsRecords(store))) {
    console.error(`${file} already holds records: nothing written. Delete the folder to seed it again.`);
    process.exitCode = 1;
  } else {
    const sizes = sizesAt(scale);
    console.log(`seeding ${dataDir} at ${scale}× (today ${today}): ${Object.entries(sizes).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}`);
    let lastLine = 0;
    let lastShown = '';
    const result = await seedLargeData(store, {
      scale,
      today,
      seededAt: new Date().toISOString(),
      onProgress: (p) => {
        // A line per kind when it is done, and every few seconds for the long ones.
        if ((p.written < p.total && Date.now() - lastLine < 5_000) || lastShown === `${p.kind}:${p.written}`) return;
        lastLine = Date.now();
        lastShown = `${p.kind}:${p.written}`;
        const rate = p.elapsedMs > 0 ? Math.round((p.written / p.elapsedMs) * 1000) : 0;
        console.log(`  ${p.kind}: ${p.written.toLocaleString('en')} / ${p.total.toLocaleString('en')} (${(p.elapsedMs / 1000).toFixed(1)} s, ${rate.toLocaleString('en')}/s)`);
      },
    });
    console.log(`done in ${(result.elapsedMs / 1000).toFixed(1)} s (${(result.commitMs / 1000).toFixed(1)} s in store.records.commit)`);
    console.log(`try: DATA_DIR=${option('data-dir') ?? `data/large-${scale}x`} npm start, then "asiakas ${result.busyCustomerName}" or "paikat"`);
  }
} finally {
  await store.close();
}
