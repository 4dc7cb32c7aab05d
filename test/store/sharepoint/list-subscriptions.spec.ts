import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { fixedClock } from '../../../src/clock.js';
import type { Logger } from '../../../src/logger.js';
import { graphNotificationsHandler } from '../../../src/server/graph-notifications.js';
import { recordKinds } from '../../../src/store/record-kinds.js';
import { ListDirectory } from '../../../src/store/sharepoint/list-directory.js';
import { ListSubscriptions, maxListSubscriptionMs, notificationUrlProblem, type ListSubscriptionsOptions } from '../../../src/store/sharepoint/list-subscriptions.js';
import type { GraphDouble } from '../../support/graph-double/graph-double.js';
import { GraphSubscriptions } from '../../support/graph-double/subscriptions.js';
import { startSharePointSite, type SharePointSite } from '../../support/sharepoint-site.js';

/**
 * Optional change-notification subscriptions on the lists (issue 4): the real Graph client and msal over
 * HTTPS to the Graph double, which validates the notification URL by calling the app's real handler on a
 * real express server, as Graph does. Expirations run on a clock shared by the app and the double, so
 * renewal is shown by moving the clock instead of waiting days.
 */
const day = 24 * 60 * 60_000;
const day0 = '2031-03-03T08:00:00.000Z';

interface Logged {
  level: string;
  message: string;
  fields?: Record<string, unknown>;
}

async function eventually<T>(check: () => T | undefined | false): Promise<T> {
  // Bounded by mocha's timeout; the renewal timer ticks every few milliseconds here.
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('Graph change-notification subscriptions on the lists', () => {
  let site: SharePointSite;
  let double: GraphDouble;
  let graphSubs: GraphSubscriptions;
  let lists: ListDirectory;
  let server: Server;
  let baseUrl: string;
  let notificationUrl: string;
  let current: ListSubscriptions | undefined;
  let started: ListSubscriptions[];
  let reads: number;
  let logged: Logged[];
  let clock: ReturnType<typeof fixedClock>;

  const logger: Logger = {
    info: (message, fields) => logged.push({ level: 'info', message, fields }),
    warn: (message, fields) => logged.push({ level: 'warn', message, fields }),
    error: (message, fields) => logged.push({ level: 'error', message, fields }),
  };

  function subscriptions(options: Partial<ListSubscriptionsOptions> = {}): ListSubscriptions {
    const made = new ListSubscriptions({
      graph: site.bed.graph,
      lists,
      notificationUrl,
      // The double calls an http:// server on 127.0.0.1; Graph itself only calls https.
      allowLoopbackHttp: true,
      now: () => clock.now(),
      logger,
      ...options,
    });
    current = made;
    started.push(made);
    return made;
  }

  function resourceOf(listId: string): string {
    return `sites/${site.siteId}/lists/${listId}`;
  }

  function graphCalls(method: string, path: RegExp) {
    return double.log.filter((r) => r.kind === 'graph' && r.method === method && path.test(r.path));
  }

  before(async () => {
    site = await startSharePointSite();
    double = site.bed.bed.double;
    graphSubs = GraphSubscriptions.on(double);
    lists = await ListDirectory.read(site.bed.graph, site.siteId);
    const app = express();
    app.use(express.json());
    app.post(
      '/api/graph/notifications',
      graphNotificationsHandler({
        accepts: (id, clientState) => current?.accepts(id, clientState) ?? false,
        onChange: () => {
          reads++;
        },
        logger,
      }),
    );
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  after(async () => {
    server?.closeAllConnections();
    await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
    await site?.stop();
  });

  beforeEach(() => {
    notificationUrl = `${baseUrl}/api/graph/notifications`;
    clock = fixedClock(day0);
    graphSubs.now = () => clock.now();
    graphSubs.forbidden = false;
    graphSubs.subscriptions.clear();
    graphSubs.validations.length = 0;
    current = undefined;
    started = [];
    reads = 0;
    logged = [];
  });

  afterEach(async () => {
    for (const s of started) await s.stop();
  });

  it('makes one validated subscription per list, and a notification from it starts a delta read', async () => {
    const status = await subscriptions().start();

    assert.equal(status.state, 'active');
    const live = graphSubs.live();
    assert.deepEqual(live.map((s) => s.resource).sort(), recordKinds.map((k) => resourceOf(lists.listId(k))).sort());
    for (const s of live) {
      assert.equal(s.changeType, 'updated');
      assert.equal(s.notificationUrl, notificationUrl);
      assert.ok(Date.parse(s.expirationDateTime) <= clock.now().getTime() + maxListSubscriptionMs);
      assert.ok(s.clientState && s.clientState.length <= 128);
      assert.ok(!JSON.stringify(logged).includes(s.clientState), 'the secret is never logged');
    }
    assert.equal(graphSubs.validations.length, recordKinds.length);
    assert.ok(graphSubs.validations.every((v) => v.echoed));

    const answer = await graphSubs.notify(live[0]!.id);
    assert.equal(answer.status, 202);
    assert.equal(reads, 1);

    const forged = await graphSubs.notify(live[1]!.id, { clientState: 'guessed' });
    assert.equal(forged.status, 202);
    assert.equal(reads, 1, 'a notification with a wrong clientState starts no read');
  });

  it('renews each subscription before it expires, on its timer, keeping the same subscriptions', async () => {
    const subs = subscriptions({ lifetimeMs: 10 * day, renewBeforeMs: day, checkIntervalMs: 5 });
    await subs.start();
    const before = new Map(graphSubs.live().map((s) => [s.id, Date.parse(s.expirationDateTime)]));
    const posts = graphCalls('POST', /^\/subscriptions$/).length;

    clock.advance(9 * day + 60_000);
    await eventually(() => graphSubs.live().length === recordKinds.length && graphSubs.live().every((s) => Date.parse(s.expirationDateTime) > before.get(s.id)!));

    assert.deepEqual(new Set(graphSubs.live().map((s) => s.id)), new Set(before.keys()), 'renewed, not made anew');
    assert.equal(graphCalls('POST', /^\/subscriptions$/).length, posts);
    assert.equal(graphCalls('PATCH', /^\/subscriptions\//).length, recordKinds.length);
    for (const s of graphSubs.live()) assert.equal(s.expirationDateTime, new Date(clock.now().getTime() + 10 * day).toISOString());
  });

  it('makes a subscription again when Graph no longer knows it (404 on renewal)', async () => {
    const subs = subscriptions({ lifetimeMs: 10 * day, renewBeforeMs: day, checkIntervalMs: 5 });
    await subs.start();
    const dropped = graphSubs.live()[0]!;
    graphSubs.subscriptions.delete(dropped.id);

    clock.advance(9 * day + 60_000);
    const again = await eventually(() => graphSubs.live().find((s) => s.resource === dropped.resource));

    assert.notEqual(again.id, dropped.id);
    await eventually(() => subs.status().subscriptions.some((s) => s.id === again.id) || undefined);
    assert.equal(graphSubs.live().length, recordKinds.length);
    assert.equal((await graphSubs.notify(again.id)).status, 202);
    assert.equal(reads, 1);
  });

  it('reuses the subscriptions an earlier run left when the clientState is configured', async () => {
    const first = subscriptions({ clientState: 'configured-secret-of-this-deployment' });
    await first.start();
    await first.stop();
    const ids = graphSubs.live().map((s) => s.id).sort();
    const posts = graphCalls('POST', /^\/subscriptions$/).length;

    const second = subscriptions({ clientState: 'configured-secret-of-this-deployment' });
    const status = await second.start();

    assert.equal(graphCalls('POST', /^\/subscriptions$/).length, posts, 'nothing made anew');
    assert.deepEqual(status.subscriptions.map((s) => s.id).sort(), ids);
    assert.equal((await graphSubs.notify(ids[0]!)).status, 202);
    assert.equal(reads, 1);
  });

  it('replaces the subscriptions an earlier run left when the clientState is random (their secret is unknown)', async () => {
    const first = subscriptions();
    await first.start();
    await first.stop();
    const oldIds = new Set(graphSubs.live().map((s) => s.id));

    await subscriptions().start();

    const live = graphSubs.live();
    assert.equal(live.length, recordKinds.length);
    assert.ok(live.every((s) => !oldIds.has(s.id)));
  });

  it('without Sites.ReadWrite.All (403), logs that delta polling continues and does not throw', async () => {
    graphSubs.forbidden = true;

    const status = await subscriptions().start();

    assert.equal(status.state, 'forbidden');
    assert.equal(graphSubs.live().length, 0);
    const warnings = logged.filter((l) => l.level === 'warn');
    assert.equal(warnings.length, 1, 'one warning, not one per list');
    assert.match(warnings[0]!.message, /Sites\.ReadWrite\.All/);
    assert.match(warnings[0]!.message, /[Dd]elta polling continues/);
  });

  it('a 403 on renewal turns notifications off with the same warning, without throwing', async () => {
    const subs = subscriptions({ lifetimeMs: 10 * day, renewBeforeMs: day, checkIntervalMs: 5 });
    await subs.start();
    graphSubs.forbidden = true;

    clock.advance(9 * day + 60_000);
    await eventually(() => subs.status().state === 'forbidden');

    assert.match(logged.find((l) => l.level === 'warn')!.message, /Sites\.ReadWrite\.All/);
  });

  it('a notification URL that does not answer the validation: Graph refuses, the warning says what the URL must do', async () => {
    notificationUrl = `${baseUrl}/not-the-notification-endpoint`;

    const status = await subscriptions().start();

    assert.equal(status.state, 'degraded');
    assert.equal(graphSubs.live().length, 0);
    assert.ok(graphSubs.validations.length > 0 && graphSubs.validations.every((v) => !v.echoed));
    const warning = logged.find((l) => l.level === 'warn')!;
    assert.equal(warning.fields?.notificationUrl, notificationUrl);
    assert.match(String(warning.fields?.hint), /validationToken/);
  });

  it('deletes its subscriptions on stop when asked', async () => {
    const subs = subscriptions();
    await subs.start();
    assert.equal(graphSubs.live().length, recordKinds.length);

    await subs.stop({ deleteSubscriptions: true });

    assert.equal(graphSubs.live().length, 0);
  });

  it('accepts only https notification URLs, loopback http only when a test allows it', () => {
    assert.equal(notificationUrlProblem('https://hoivacrm.example.fi/api/graph/notifications'), undefined);
    assert.match(notificationUrlProblem('http://hoivacrm.example.fi/api/graph/notifications')!, /https/);
    assert.match(notificationUrlProblem('http://127.0.0.1:3978/api/graph/notifications')!, /https/);
    assert.equal(notificationUrlProblem('http://127.0.0.1:3978/api/graph/notifications', { allowLoopbackHttp: true }), undefined);
    assert.match(notificationUrlProblem('http://hoivacrm.example.fi/x', { allowLoopbackHttp: true })!, /https/);
    assert.match(notificationUrlProblem('/api/graph/notifications')!, /absolute/);
    assert.throws(
      () => new ListSubscriptions({ graph: site.bed.graph, lists, notificationUrl: 'http://127.0.0.1:3978/api/graph/notifications' }),
      /must be an https:\/\/ URL/,
    );
  });
});
