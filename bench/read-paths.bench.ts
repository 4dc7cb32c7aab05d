/**
 * `npm run bench:read` (issue 10): the read paths at the company's real size and at ten times it — `asiakas`,
 * `paikat`, their reply sizes, the Monday digest, start-up and the server's memory — and the growth 1× → 10×.
 * Prints a table and appends it to bench/RESULTS.md. Printed, not asserted: tests assert behaviour, not time.
 * BENCH_SCALES (1,10), BENCH_REQUESTS (30), BENCH_COMMAND_MAX_S (240), BENCH_REQUEST_TIMEOUT_S (120),
 * BENCH_STARTUP_TIMEOUT_S (300), BENCH_DIGEST_RUNS (3), BENCH_STALL_WATCH_S (20), BENCH_LABEL (a title for the
 * RESULTS.md section).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { FIRST_CUSTOMER_NAME } from '../src/store/seed/large/customers.js';
import { ConnectorDouble } from '../test/support/connector-double.js';
import { businessDirector } from '../test/support/teams-activities.js';
import { timeCommand, type CommandTiming } from './read-paths/command-timing.js';
import { measureDigestStall, type DigestStall } from './read-paths/digest-stall.js';
import { appendResults, machine } from './read-paths/results-file.js';
import { ensureSeeded, projectRoot } from './read-paths/seeded-folder.js';
import { rssPeakMb, startMeasured, stopServer } from './read-paths/server-probe.js';
import { kb, ms, ratio, summarize, type Summary } from './read-paths/stats.js';

const scales = (process.env.BENCH_SCALES ?? '1,10').split(',').map(Number).filter((s) => s > 0);
const bounds = {
  count: Number(process.env.BENCH_REQUESTS ?? 30),
  maxMs: Number(process.env.BENCH_COMMAND_MAX_S ?? 240) * 1000,
  requestTimeoutMs: Number(process.env.BENCH_REQUEST_TIMEOUT_S ?? 120) * 1000,
};
const startupTimeoutMs = Number(process.env.BENCH_STARTUP_TIMEOUT_S ?? 300) * 1000;
const digestRuns = Number(process.env.BENCH_DIGEST_RUNS ?? 3);
const stallWatchMs = Number(process.env.BENCH_STALL_WATCH_S ?? 20) * 1000;
/** The digest scheduler works Monday 08:00 → Friday (Helsinki); the stall is measured only then. */
const digestDays = new Set(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']);
const helsinkiWeekday = () => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', weekday: 'short' }).format(new Date());
const helsinkiHour = () => Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Helsinki', hour: '2-digit', hourCycle: 'h23' }).format(new Date()));

interface ScaleResult {
  scale: number;
  startupMs?: number;
  rssPeakMb?: number | undefined;
  asiakas?: CommandTiming;
  paikat?: CommandTiming;
  digest?: { latency: Summary; outcome: string; rssPeakMb?: number };
  stall?: DigestStall;
  notes: string[];
}

/** The digest probe in its own process, killed when it runs past the time budget. */
function timeDigest(dataDir: string): Promise<{ times: number[]; outcome: string; rssPeakMb?: number }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, 'bench/read-paths/digest-probe.ts'), dataDir, String(digestRuns)], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, BENCH_DIGEST_MAX_MS: String(bounds.maxMs) },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const killer = setTimeout(() => child.kill('SIGKILL'), bounds.maxMs + bounds.requestTimeoutMs);
    child.once('exit', (code) => {
      clearTimeout(killer);
      const line = out.trim().split('\n').at(-1);
      if (code === 0 && line) done(JSON.parse(line));
      else fail(new Error(`the digest probe exited with ${code}${line ? `: ${line}` : ''}`));
    });
  });
}

async function measure(scale: number): Promise<ScaleResult> {
  const result: ScaleResult = { scale, notes: [] };
  const { dataDir, seededNow, seedMs } = ensureSeeded(scale);
  if (seededNow) result.notes.push(`${scale}×: seeded in ${ms(seedMs)}`);
  console.log(`${scale}×: ${dataDir}`);
  const connector = await new ConnectorDouble().start();
  try {
    const { server, startupMs } = await startMeasured(dataDir, startupTimeoutMs);
    result.startupMs = startupMs;
    console.log(`  started in ${ms(startupMs)}`);
    try {
      result.asiakas = await timeCommand(server.url, connector, businessDirector, `asiakas ${FIRST_CUSTOMER_NAME}`, bounds);
      console.log(`  asiakas: median ${ms(result.asiakas.latency.median)} (n ${result.asiakas.latency.n})`);
      if (!result.asiakas.texts.some((t) => t.includes(FIRST_CUSTOMER_NAME))) result.notes.push(`${scale}×: the asiakas reply did not show the customer's card`);
      result.paikat = await timeCommand(server.url, connector, businessDirector, 'paikat', bounds);
      console.log(`  paikat: median ${ms(result.paikat.latency.median)} (n ${result.paikat.latency.n})`);
      for (const [name, t] of [['asiakas', result.asiakas], ['paikat', result.paikat]] as const) {
        if (t.cutShort) result.notes.push(`${scale}× ${name}: ${t.cutShort}`);
      }
      result.rssPeakMb = rssPeakMb(server.child.pid);
    } finally {
      await stopServer(server);
    }
  } catch (error) {
    result.notes.push(`${scale}× server: ${(error as Error).message.split('\n')[0]}`);
  } finally {
    await connector.stop();
  }
  try {
    const digest = await timeDigest(dataDir);
    result.digest = { latency: summarize(digest.times), outcome: digest.outcome, ...(digest.rssPeakMb ? { rssPeakMb: digest.rssPeakMb } : {}) };
    console.log(`  digest: median ${ms(result.digest.latency.median)} (${digest.outcome})`);
  } catch (error) {
    result.notes.push(`${scale}× digest: ${(error as Error).message}`);
  }
  const day = helsinkiWeekday();
  if (digestDays.has(day) && !(day === 'Mon' && helsinkiHour() < 8)) {
    try {
      result.stall = await measureDigestStall(dataDir, { watchMs: stallWatchMs, checkEveryMs: 5_000, startupTimeoutMs });
      console.log(`  with the digest on: started in ${ms(result.stall.startupMs)}, longest /healthz ${ms(result.stall.longestHealthzMs)}`);
    } catch (error) {
      result.notes.push(`${scale}× digest stall: ${(error as Error).message.split('\n')[0]}`);
    }
  } else {
    result.notes.push(`${scale}×: ${day} in Helsinki, outside the digest's Monday 08:00 → Friday: the stall is not measured`);
  }
  return result;
}

function table(results: ScaleResult[]): string {
  const growth = results.length >= 2;
  const header = `| what | ${results.map((r) => `${r.scale}×`).join(' | ')} |${growth ? ` growth ${results[0]!.scale}× → ${results.at(-1)!.scale}× |` : ''}`;
  const rule = `|---|${results.map(() => '---|').join('')}${growth ? '---|' : ''}`;
  const row = (what: string, cell: (r: ScaleResult) => string, value?: (r: ScaleResult) => number | undefined) =>
    `| ${what} | ${results.map(cell).join(' | ')} |${growth ? ` ${value ? ratio(value(results[0]!), value(results.at(-1)!)) : ''} |` : ''}`;
  const lat = (pick: (r: ScaleResult) => Summary | undefined) => (r: ScaleResult) => {
    const s = pick(r);
    return s && s.n > 0 ? `${ms(s.median)} / ${ms(s.p95)} / ${ms(s.p99)} (n ${s.n})` : '–';
  };
  return [
    header,
    rule,
    row('`asiakas <name>` request → reply, median / p95 / p99', lat((r) => r.asiakas?.latency), (r) => r.asiakas?.latency.median),
    row('`paikat` request → reply, median / p95 / p99', lat((r) => r.paikat?.latency), (r) => r.paikat?.latency.median),
    row('customer card JSON (whole activity)', (r) => (r.asiakas ? `${kb(r.asiakas.cardBytes)} (${kb(r.asiakas.activityBytes)})` : '–'), (r) => r.asiakas?.cardBytes),
    row('`paikat` card JSON (whole activity)', (r) => (r.paikat ? `${kb(r.paikat.cardBytes)} (${kb(r.paikat.activityBytes)})` : '–'), (r) => r.paikat?.cardBytes),
    row('Monday digest composition, median / p95 / p99', lat((r) => r.digest?.latency), (r) => r.digest?.latency.median),
    row('start-up, spawn → /healthz', (r) => ms(r.startupMs), (r) => r.startupMs),
    row('start-up with WEEKLY_DIGEST=on (a working day)', (r) => ms(r.stall?.startupMs), (r) => r.stall?.startupMs),
    row('longest `/healthz` answer, digest checked every 5 s', (r) => (r.stall ? `${ms(r.stall.longestHealthzMs)} (n ${r.stall.healthzRequests})` : '–'), (r) => r.stall?.longestHealthzMs),
    row('server RSS peak (VmHWM)', (r) => (r.rssPeakMb ? `${r.rssPeakMb} MB` : '–'), (r) => r.rssPeakMb),
    row('digest process RSS peak', (r) => (r.digest?.rssPeakMb ? `${r.digest.rssPeakMb} MB` : '–'), (r) => r.digest?.rssPeakMb),
  ].join('\n');
}

const results: ScaleResult[] = [];
for (const scale of scales) results.push(await measure(scale));
const printed = table(results);
const notes = results.flatMap((r) => r.notes);
console.log(`\n${machine()}\n\n${printed}\n${notes.map((n) => `- ${n}`).join('\n')}`);
appendResults(process.env.BENCH_LABEL ?? '', printed, notes);
