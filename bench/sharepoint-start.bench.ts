/**
 * `npm run bench:sharepoint` (issue 10, "SharePoint at real size"): STORE=sharepoint against the HTTPS Graph
 * double (test/support/graph-double, a throwaway openssl certificate, the real msal + Graph client) with the
 * lists pre-filled at the company's real size — 44 homes, 1,600 places, 300 customers and BENCH_SP_ENTRIES
 * contact-log entries (default 200,000, the company's real size; about 80 s here). Measures:
 *
 * 1. a first start with a fresh data folder: Graph requests, writes (target 0) and reads (≈ items / 200, the
 *    page size), and their resource units;
 * 2. a person's edit in the list view: requests per edit beyond the poll (target: 1 read at most, 0 writes);
 * 3. resource units per hour of delta polling at the default settings (src/config.ts), against the target
 *    of under 10% of the smallest tier's 1,250 RU/min.
 *
 * Prints a table and appends a dated section to bench/RESULTS.md; exits 1 when a target is missed.
 */
import { execSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.js';
import { createGraphClient } from '../src/graph/graph-client.js';
import { stableIdFor } from '../src/domain/stable-id.js';
import { recordKinds, type RecordKind, type RecordOf } from '../src/store/record-kinds.js';
import { recordToFields } from '../src/store/sharepoint/field-mapping.js';
import { listDefinitionOf } from '../src/store/sharepoint/list-schema.js';
import { pollingRuPerHour, resourceUnitsOf, smallestTierRuPerMinute } from '../src/store/sharepoint/resource-units.js';
import { openSharePointStore } from '../src/store/sharepoint/sharepoint-store.js';
import type { LoggedRequest } from '../test/support/graph-double/graph-double.js';
import { fullRecords } from '../test/store/sharepoint/sample-records.js';
import { startProvisioningBed } from '../test/store/sharepoint/provisioning-bed.js';

const sizes = { careHome: 44, place: 1_600, customer: 300, contactLogEntry: Number(process.env.BENCH_SP_ENTRIES ?? 200_000) };

async function main(): Promise<void> {
  const bed = await startProvisioningBed();
  const dir = mkdtempSync(join(tmpdir(), 'hoivacrm-bench-sp-'));
  try {
    const { siteId } = await bed.provisionedSite();
    const double = bed.bed.double;
    const itemIds: Record<'customer' | 'careHome', Map<string, string>> = { customer: new Map(), careHome: new Map() };
    const refs = {
      itemIdOf: (kind: 'customer' | 'careHome', id: string) => itemIds[kind].get(id),
      recordIdOf: () => undefined,
    };
    // Written straight into the double's lists ("HoivaCRM wrote them days ago"): HoivaUpdatedAt is the
    // records' own date, SharePoint's lastModifiedDateTime is now — a clock difference on every item.
    const fill = async <K extends RecordKind>(kind: K, n: number, make: (i: number) => RecordOf<K>) => {
      for (let i = 0; i < n; i++) {
        // Let the event loop run now and then (the double shares it); the double keeps idle sockets open, so
        // none is closed under the client while the lists fill.
        if (i % 2_000 === 0) await new Promise((r) => setImmediate(r));
        const record = make(i);
        const item = double.lists.writeItem(siteId, listDefinitionOf(kind).displayName, recordToFields(kind, record, refs));
        if (kind === 'customer' || kind === 'careHome') itemIds[kind as 'customer' | 'careHome'].set(record.id, item.id);
      }
    };
    const t0 = performance.now();
    await fill('careHome', sizes.careHome, (i) => ({ ...fullRecords.careHome, id: stableIdFor(`bench:home:${i}`), name: `Koti ${i}` }));
    await fill('customer', sizes.customer, (i) => ({ ...fullRecords.customer, id: stableIdFor(`bench:customer:${i}`), name: `Kunta ${i}`, businessId: undefined }));
    await fill('place', sizes.place, (i) => ({
      ...fullRecords.place,
      id: stableIdFor(`bench:place:${i}`),
      careHomeId: stableIdFor(`bench:home:${i % sizes.careHome}`),
      label: `P${i}`,
      reservedForCustomerId: undefined,
      reservedBy: undefined,
      reservedAt: undefined,
      status: 'kaytossa',
    }));
    await fill('contactLogEntry', sizes.contactLogEntry, (i) => ({
      ...fullRecords.contactLogEntry,
      id: stableIdFor(`bench:entry:${i}`),
      customerId: stableIdFor(`bench:customer:${i % sizes.customer}`),
    }));
    const fillS = (performance.now() - t0) / 1000;
    const items = Object.values(sizes).reduce((a, b) => a + b, 0);

    // 1. First start, fresh data folder.
    // A fresh client (its own connections), as a new start of the server has: the provisioning client's
    // keep-alive sockets went idle during the fill and the double closed them.
    const graph = createGraphClient(bed.bed.settings({ requestTimeoutMs: 120_000 }));
    bed.clients.push(graph);
    const store = await openSharePointStore({ file: join(dir, 'mirror.sqlite'), graph, siteId });
    const delta = store.deltaSync({ interpret: async (e) => ({ record: e.after, outbox: [] }) });
    double.clearLog();
    const t1 = performance.now();
    await delta.syncNow();
    const startS = (performance.now() - t1) / 1000;
    const start = counts(double.log);

    // 2. A person's edit in the list view (a place's note), read by the next poll of the fast lists.
    const placeItem = double.lists.items(siteId, listDefinitionOf('place').displayName)[7]!;
    double.lists.writeItem(siteId, listDefinitionOf('place').displayName, { Note: 'Remontti ensin' }, placeItem.id, { id: 'u-kaisa', displayName: 'Kaisa Kotijohtaja' });
    double.clearLog();
    await delta.syncNow(['place', 'complaint']);
    const edit = counts(double.log);
    const pollOnly = 1; // the $batch of the poll itself
    const taken = (await store.records.get('place', String(placeItem.fields.HoivaId)))?.note === 'Remontti ensin';
    await delta.stop();
    await store.close();

    // 3. Resource units per hour of polling at the defaults.
    const config = loadConfig({});
    const defaults = { fastKinds: config.SHAREPOINT_DELTA_FAST_LISTS, fastMs: config.SHAREPOINT_DELTA_POLL_MS, slowMs: config.SHAREPOINT_DELTA_SLOW_POLL_MS, maxMs: config.SHAREPOINT_DELTA_MAX_POLL_MS };
    const ru = pollingRuPerHour(defaults, recordKinds.length);
    const before = pollingRuPerHour({ fastKinds: recordKinds, fastMs: 30_000, slowMs: 30_000, maxMs: 30_000 }, recordKinds.length);
    const target = 0.1 * smallestTierRuPerMinute * 60;

    const rows: [string, string, string][] = [
      ['lists pre-filled', `${items.toLocaleString('en')} items (${sizes.careHome} homes, ${sizes.place} places, ${sizes.customer} customers, ${sizes.contactLogEntry.toLocaleString('en')} entries) in ${fillS.toFixed(1)} s`, ''],
      ['first start: Graph requests', `${start.requests} (${start.reads} reads, ${start.inBatch} inside $batch)`, `≈ items / 200 = ${Math.ceil(items / 200)}`],
      ['first start: writes', String(start.writes), 'target 0'],
      ['first start: resource units', String(start.ru), ''],
      ['first start: time', `${startS.toFixed(1)} s`, ''],
      ['person’s edit: requests beyond the poll', `${edit.requests - pollOnly} (${edit.reads - edit.inBatch} single GET, ${edit.writes} writes), ${edit.ru} RU with the poll`, 'target ≤ 1 read, 0 writes'],
      ['polling RU/hour at defaults', `${ru.busy.toFixed(0)} busy, ${ru.quiet.toFixed(0)} quiet (before: ${before.busy.toFixed(0)})`, `target < ${target.toLocaleString('en')} (10% of 1,250/min)`],
    ];
    console.log('\nSharePoint at real size (Graph double over HTTPS)');
    for (const [what, value, goal] of rows) console.log(`  ${what.padEnd(42)} ${value.padEnd(70)} ${goal}`);
    const commit = execSync('git rev-parse --short HEAD').toString().trim();
    const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
    appendFileSync(
      join(import.meta.dirname, 'RESULTS.md'),
      [
        '',
        `# SharePoint at real size — ${when} UTC`,
        '',
        `\`npm run bench:sharepoint\` (\`bench/sharepoint-start.bench.ts\`), commit ${commit}, ${cpus()[0]?.model ?? '?'} × ${cpus().length}, Node ${process.version}. The lists are`,
        'pre-filled in the Graph double with HoivaUpdatedAt days before SharePoint\'s lastModifiedDateTime (a clock',
        'difference on every item); a fresh data folder then reads them. Polling RU from Microsoft\'s table (delta with a',
        'token = 1 RU per list, each request of a `$batch` counted).',
        '',
        '| what | figure | target |',
        '|---|---|---|',
        ...rows.map(([a, b, c]) => `| ${a} | ${b} | ${c} |`),
        '',
      ].join('\n'),
    );
    const ok = start.writes === 0 && edit.writes === 0 && edit.reads - edit.inBatch <= 1 && taken && ru.busy < target;
    if (!ok) {
      console.error('a target was missed');
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await bed.stop();
  }
}

/** Graph requests (a $batch once), reads, writes and resource units (inner requests each) of a log. */
function counts(log: readonly LoggedRequest[]) {
  const graph = log.filter((r) => r.kind === 'graph' || r.kind === 'batch');
  const inner = log.filter((r) => r.kind === 'in-batch');
  const calls = log.filter((r) => r.kind === 'graph' || r.kind === 'in-batch');
  return {
    requests: graph.length,
    inBatch: inner.length,
    reads: calls.filter((r) => r.method === 'GET').length,
    writes: calls.filter((r) => r.method !== 'GET').length,
    ru: calls.reduce((n, r) => n + resourceUnitsOf(r.method, r.path), 0),
  };
}

await main();
