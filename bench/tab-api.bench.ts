/**
 * `npm run bench:api` (issue 13): the tab's REST API (/api/v1) at the company's real size and at ten times it —
 * each read endpoint the tab's pages use, asked BENCH_REQUESTS times one after another by the business director
 * (local mode: the X-HoivaCRM-Local-User header names the person), p95 and growth 1× → 10×. The issue's target:
 * p95 under 200 ms at 1×, at most 2× growth to 10×. Printed and appended to bench/RESULTS.md, not asserted.
 * Uses the stores `npm run bench:read` seeds (.tmp/read-bench/large-<scale>x; seeded here when missing).
 * BENCH_SCALES (1,10), BENCH_REQUESTS (30), BENCH_WARMUP (3 unmeasured asks per endpoint), BENCH_REQUEST_TIMEOUT_S (60), BENCH_STARTUP_TIMEOUT_S (300).
 * BENCH_SALES=1: first records a year of simulated place sales on each store (read-paths/simulated-sales.ts; once
 * per store, so run it on copies of the seeded stores), without which the figures' revenue has nothing to do.
 * BENCH_NO_RESULTS=1: print only, leave bench/RESULTS.md alone. BENCH_ONLY: measure only the endpoints whose name contains this text (e.g. `figures`).
 */
import { LOCAL_USER_HEADER } from '../src/api/caller.js';
import { FIRST_CUSTOMER_NAME } from '../src/store/seed/large/customers.js';
import { businessDirector } from '../test/support/teams-activities.js';
import { appendResults } from './read-paths/results-file.js';
import { ensureSeeded } from './read-paths/seeded-folder.js';
import { simulateSales } from './read-paths/simulated-sales.js';
import { startMeasured, stopServer } from './read-paths/server-probe.js';
import { kb, ms, ratio, summarize, type Summary } from './read-paths/stats.js';

const scales = (process.env.BENCH_SCALES ?? '1,10').split(',').map(Number).filter((s) => s > 0);
const count = Number(process.env.BENCH_REQUESTS ?? 30);
const warmup = Number(process.env.BENCH_WARMUP ?? 3);
const requestTimeoutMs = Number(process.env.BENCH_REQUEST_TIMEOUT_S ?? 60) * 1000;
const startupTimeoutMs = Number(process.env.BENCH_STARTUP_TIMEOUT_S ?? 300) * 1000;
const withSales = process.env.BENCH_SALES === '1';
const only = process.env.BENCH_ONLY ?? '';

interface EndpointTiming {
  latency: Summary;
  bytes: number;
  status: number;
}

/**
 * The tab's read endpoints, as its pages ask them (the busiest customer for the customer pages, the complaint
 * board's first complaint for its detail). The occupancy page opens on one region (the person's own; the first for
 * a company-wide role like this one), a page of 25 homes by name; sorting by a count, the whole company, and
 * opening a home's places are what a user does next.
 */
function endpoints(customerId: string, careHomeId: string, complaintId: string): [string, string][] {
  const board = '/api/v1/occupancy?sort=name&order=asc&limit=25&offset=0';
  const all: [string, string][] = [
    ['GET /api/v1/me', '/api/v1/me'],
    ['GET /api/v1/occupancy?region (the page)', `${board}&region=etela-suomi`],
    ['GET /api/v1/occupancy?region&sort=rate', '/api/v1/occupancy?region=etela-suomi&sort=rate&order=asc&limit=25&offset=0'],
    ['GET /api/v1/occupancy (all regions)', board],
    ['GET /api/v1/places?careHomeId', `/api/v1/places?careHomeId=${careHomeId}`],
    ['GET /api/v1/complaints', '/api/v1/complaints'],
    ['GET /api/v1/care-homes (the filter opened)', '/api/v1/care-homes?top=15'],
    ['GET /api/v1/care-homes?q=…', '/api/v1/care-homes?q=koti&top=15'],
    ['GET /api/v1/complaints/{id}', `/api/v1/complaints/${complaintId}`],
    ['GET /api/v1/complaints/summary', '/api/v1/complaints/summary?months=12'],
    ['GET /api/v1/customers?q=…', `/api/v1/customers?q=${encodeURIComponent(FIRST_CUSTOMER_NAME.slice(0, 6))}`],
    ['GET /api/v1/customers/{id}', `/api/v1/customers/${customerId}`],
    ['GET /api/v1/customers/{id}/timeline', `/api/v1/customers/${customerId}/timeline`],
    // The customer page (issue 13): its timeline as the page asks it, and the year's plan and annual clock.
    ['GET /api/v1/customers/{id}/timeline?limit=100', `/api/v1/customers/${customerId}/timeline?limit=100`],
    ['GET /api/v1/customers/{id}/plan/{year}', `/api/v1/customers/${customerId}/plan/2026`],
    ['GET /api/v1/figures/customers', '/api/v1/figures/customers'],
    ['GET /api/v1/figures/process', '/api/v1/figures/process'],
  ];
  return all.filter(([name]) => name.includes(only));
}

async function time(url: string): Promise<EndpointTiming> {
  const samples: number[] = [];
  let bytes = 0;
  let status = 0;
  // Unmeasured first asks: the first of each endpoint compiles its code and statements, which is start-up, not
  // the endpoint at this size (without them an endpoint's p95 at 30 asks was its first, cold one).
  for (let i = 0; i < warmup; i++) await (await fetch(url, { headers: { [LOCAL_USER_HEADER]: businessDirector.aadObjectId, 'accept-language': 'fi' } })).arrayBuffer();
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { [LOCAL_USER_HEADER]: businessDirector.aadObjectId, 'accept-language': 'fi' }, signal: AbortSignal.timeout(requestTimeoutMs) });
    const body = await response.arrayBuffer();
    samples.push(performance.now() - started);
    bytes = body.byteLength;
    status = response.status;
  }
  return { latency: summarize(samples), bytes, status };
}

async function main(): Promise<void> {
  const results = new Map<number, Map<string, EndpointTiming>>();
  const notes: string[] = [];
  let customerId = '';
  for (const scale of scales) {
    const { dataDir, seededNow, seedMs } = ensureSeeded(scale);
    if (seededNow) notes.push(`${scale}×: seeded in ${(seedMs / 1000).toFixed(1)} s`);
    if (withSales) {
      const sold = await simulateSales(dataDir);
      notes.push(`${scale}×: ${sold.sales} simulated sales${sold.already ? ' (recorded by an earlier run)' : `, recorded in ${(sold.ms / 1000).toFixed(1)} s`}`);
      console.log(`  ${notes.at(-1)}`);
    }
    const { server } = await startMeasured(dataDir, startupTimeoutMs);
    const timings = new Map<string, EndpointTiming>();
    try {
      // The busiest customer, found as the tab finds it: by searching its name.
      const found = (await (await fetch(`${server.url}/api/v1/customers?q=${encodeURIComponent(FIRST_CUSTOMER_NAME)}`, { headers: { [LOCAL_USER_HEADER]: businessDirector.aadObjectId } })).json()) as { customers: { id: string; name: string }[] };
      customerId = found.customers.find((c) => c.name === FIRST_CUSTOMER_NAME)?.id ?? '';
      if (!customerId) notes.push(`${scale}×: ${FIRST_CUSTOMER_NAME} was not found`);
      // The first home the occupancy board lists, whose places the page opens, and the complaint the complaint
      // board lists first, opened as its page opens it.
      const homesBoard = (await (await fetch(`${server.url}/api/v1/occupancy?region=etela-suomi&limit=1`, { headers: { [LOCAL_USER_HEADER]: businessDirector.aadObjectId } })).json()) as { homes: { id: string }[] };
      const careHomeId = homesBoard.homes[0]?.id ?? '';
      const complaintsBoard = (await (await fetch(`${server.url}/api/v1/complaints`, { headers: { [LOCAL_USER_HEADER]: businessDirector.aadObjectId } })).json()) as { columns: { complaints: { id: string }[] }[] };
      const complaintId = complaintsBoard.columns.flatMap((c) => c.complaints)[0]?.id ?? '';
      if (!complaintId) notes.push(`${scale}×: the complaint board was empty`);
      for (const [name, path] of endpoints(customerId, careHomeId, complaintId)) {
        const t = await time(`${server.url}${path}`);
        timings.set(name, t);
        console.log(`  ${scale}× ${name}: median ${ms(t.latency.median)}, p95 ${ms(t.latency.p95)} (${t.status}, ${kb(t.bytes)})`);
        if (t.status !== 200) notes.push(`${scale}×: ${name} answered ${t.status}`);
      }
    } finally {
      await stopServer(server);
    }
    results.set(scale, timings);
  }
  const [small, large] = [results.get(scales[0]!), results.get(scales.at(-1)!)];
  const rows = endpoints('{id}', '{id}', '{id}').map(([name]) => {
    const a = small?.get(name);
    const b = large?.get(name);
    const cell = (t: EndpointTiming | undefined) => (t ? `${ms(t.latency.median)} / ${ms(t.latency.p95)} (${kb(t.bytes)})` : '–');
    return `| ${name} | ${cell(a)} | ${cell(b)} | ${ratio(a?.latency.p95, b?.latency.p95)} |`;
  });
  const table = [
    `| endpoint (n ${count} each) | ${scales[0]}×: median / p95 (answer) | ${scales.at(-1)}×: median / p95 (answer) | p95 growth |`,
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
  console.log(table);
  if (process.env.BENCH_NO_RESULTS === '1') return;
  appendResults('tab API (`npm run bench:api`; target p95 < 200 ms at 1×, ≤ 2× growth)', table, notes);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
