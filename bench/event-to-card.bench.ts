/**
 * `npm run bench:event` (issue 10, benchmark 1): a freed place submitted over /api/messages → its card at the
 * sales channel. The real server runs as its own process (local mode; the demo data, or the store in
 * BENCH_DATA_DIR, e.g. one made by `npm run seed:large`) against a Bot Connector stand-in on loopback.
 *
 * Two measures, because Teams' limits (60 posts per 30 s to one channel) decide how fast cards can go out:
 * - sequential: one director submits BENCH_EVENTS places, one every BENCH_SPACING_MS (under Teams' pace, so no
 *   card waits for a slot): submit → confirmation (the server's own synchronous work: validate, authorize,
 *   commit, answer) and submit → card at the connector (plus the outbox's hand-off);
 * - concurrent: BENCH_SENDERS directors submit back to back at once: submit → confirmation under load, and
 *   the cards' throughput, which the outbox paces at Teams' limits.
 * BENCH_CONNECTOR_LATENCY_MS (default 0) makes every connector answer wait that long.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../src/clock.js';
import type { Person } from '../src/domain/records/person.js';
import { seedDemoData } from '../src/store/seed/demo-data.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { cardOf, submitDataOf, textsOf, type Json } from '../test/support/cards.js';
import { ConnectorDouble, type RecordedCall } from '../test/support/connector-double.js';
import { startServerProcess } from '../test/support/server-process.js';
import { businessDirector, executeAction, installedInTeam, MYYNTI, personalConversationId, personalMessage, TEAM, type TeamsUser } from '../test/support/teams-activities.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 200);
const SPACING_MS = Number(process.env.BENCH_SPACING_MS ?? 550);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 16);
const PER_SENDER = Number(process.env.BENCH_PER_SENDER ?? 10);
const LATENCY_MS = Number(process.env.BENCH_CONNECTOR_LATENCY_MS ?? 0);

interface Director {
  user: TeamsUser;
  careHomeId: string;
}

/** A copy of the store to run on (the benchmark adds people and places), with a director per home used. */
async function prepareStore(dataDir: string): Promise<Director[]> {
  const file = join(dataDir, 'hoivacrm.sqlite');
  if (process.env.BENCH_DATA_DIR) cpSync(join(process.env.BENCH_DATA_DIR, 'hoivacrm.sqlite'), file);
  const store = openSqliteStore(file);
  await seedDemoData(store, systemClock);
  const homes = await store.records.list('careHome');
  const at = new Date().toISOString();
  // One director per sender; with fewer homes than senders (the demo has 9), homes are shared.
  const directors = Array.from({ length: Math.max(SENDERS, 1) }, (_, i) => {
    const home = homes[i % homes.length]!;
    return { user: { id: `29:event-${i}`, name: `Johtaja ${i + 1} ${home.name}`, aadObjectId: randomUUID(), locale: 'fi-FI' }, careHomeId: home.id };
  });
  const people: Person[] = directors.map((d) => ({
    id: randomUUID(), version: 1, createdAt: at, createdBy: 'bench', updatedAt: at, userId: d.user.aadObjectId, name: d.user.name, roles: ['kotijohtaja'], careHomeIds: [d.careHomeId],
  }));
  await store.records.commit({ at, writes: people.map((record) => ({ kind: 'person' as const, record, expectedVersion: null })), outbox: [] });
  await store.close();
  return directors;
}

function percentiles(samples: number[]): { median: number; p95: number; p99: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => +(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN).toFixed(1);
  return { median: at(0.5), p95: at(0.95), p99: at(0.99), n: sorted.length };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hoivacrm-bench-event-'));
  const connector = await new ConnectorDouble().start();
  connector.teamChannels = [{ id: TEAM.id }, { id: MYYNTI.id, name: MYYNTI.name }];
  if (LATENCY_MS > 0) connector.slowDown(LATENCY_MS);
  const directors = await prepareStore(dataDir);
  const server = await startServerProcess({ DATA_DIR: dataDir, SEED_DEMO_DATA: 'false', OUTBOX_POLL_MS: '1000' });
  const post = async (activity: object) => {
    const response = await fetch(`${server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    if (response.status >= 400) throw new Error(`/api/messages answered ${response.status}`);
  };
  const forms = new Map<string, { call: RecordedCall; card: Json }>();
  for (const d of directors) {
    await post(personalMessage(connector.url, d.user, 'vapaa paikka'));
    const call = connector.posted(personalConversationId(d.user)).at(-1)!;
    forms.set(d.user.id, { call, card: cardOf(call)! });
  }
  await post(installedInTeam(connector.url, businessDirector));
  let n = 0;
  const submit = async (d: Director): Promise<{ label: string; sentAt: number; answeredMs: number }> => {
    const label = `E${++n}`;
    const form = forms.get(d.user.id)!;
    const sentAt = Date.now();
    const t0 = performance.now();
    // Save is an Action.Execute (issue 11): the receipt comes back in the invoke's HTTP response.
    await post(
      executeAction(connector.url, d.user, form.call.activityIdAssigned!, {
        verb: 'placeFreed.submit',
        data: { ...submitDataOf(form.card), requestId: randomUUID(), careHomeId: d.careHomeId, serviceType: 'ymparivuorokautinen', customerGroup: 'ikaantyneet', label, freeFrom: '2026-12-01' },
      }),
    );
    return { label, sentAt, answeredMs: performance.now() - t0 };
  };
  // When each label's card reached the connector (its Date.now() on arrival, the clock the submits use too).
  const cardAt = new Map<string, number>();
  let seen = 0;
  const watch = setInterval(() => {
    const calls = connector.posted(MYYNTI.id);
    for (; seen < calls.length; seen++) {
      const call = calls[seen]!;
      const label = /\bE\d+\b/.exec(textsOf(cardOf(call)).join('\n'))?.[0];
      if (label && !cardAt.has(label)) cardAt.set(label, call.at);
    }
  }, 5);
  const waitForCard = async (label: string, timeoutMs: number) => {
    const deadline = Date.now() + timeoutMs;
    while (!cardAt.has(label) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
    return cardAt.get(label);
  };

  try {
    console.log(`sequential: ${EVENTS} freed places, one every ${SPACING_MS} ms (connector latency ${LATENCY_MS} ms)…`);
    const answered: number[] = [];
    const toCard: number[] = [];
    for (let i = 0; i < EVENTS; i++) {
      const started = performance.now();
      const s = await submit(directors[0]!);
      answered.push(s.answeredMs);
      const at = await waitForCard(s.label, 30_000);
      if (at !== undefined) toCard.push(at - s.sentAt);
      const rest = SPACING_MS - (performance.now() - started);
      if (rest > 0) await new Promise((r) => setTimeout(r, rest));
    }

    console.log(`concurrent: ${SENDERS} directors × ${PER_SENDER} places, back to back…`);
    const concurrentAnswered: number[] = [];
    const burstStarted = Date.now();
    const labels: string[] = [];
    await Promise.all(
      directors.slice(0, SENDERS).map(async (d) => {
        for (let i = 0; i < PER_SENDER; i++) {
          const s = await submit(d);
          concurrentAnswered.push(s.answeredMs);
          labels.push(s.label);
        }
      }),
    );
    const submittedMs = Date.now() - burstStarted;
    for (const label of labels) await waitForCard(label, 120_000);
    const deliveredMs = Math.max(...labels.map((l) => cardAt.get(l) ?? NaN)) - burstStarted;

    const result = {
      store: process.env.BENCH_DATA_DIR ?? 'demo data',
      connectorLatencyMs: LATENCY_MS,
      sequential: { submitToConfirmationMs: percentiles(answered), submitToCardMs: percentiles(toCard), lost: EVENTS - toCard.length },
      concurrent: {
        senders: SENDERS,
        places: labels.length,
        submitToConfirmationMs: percentiles(concurrentAnswered),
        allSubmittedInS: +(submittedMs / 1000).toFixed(1),
        allCardsInS: +(deliveredMs / 1000).toFixed(1),
        lost: labels.filter((l) => !cardAt.has(l)).length,
      },
      machine: `${cpus().length} cores, Node ${process.version}`,
    };
    console.log(JSON.stringify(result, null, 2));
  } finally {
    clearInterval(watch);
    server.child.kill('SIGTERM');
    await server.exited;
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
