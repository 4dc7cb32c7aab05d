import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import type { Logger } from '../../src/logger.js';
import { graphNotificationsHandler } from '../../src/server/graph-notifications.js';

/**
 * POST /api/graph/notifications on a real express server: Graph's validation handshake, and change
 * notifications that only start a delta read (not awaited) and are answered 202 at once.
 */
interface Logged {
  level: 'info' | 'warn' | 'error';
  message: string;
  fields?: Record<string, unknown>;
}

function recordingLogger(into: Logged[]): Logger {
  return {
    info: (message, fields) => into.push({ level: 'info', message, fields }),
    warn: (message, fields) => into.push({ level: 'warn', message, fields }),
    error: (message, fields) => into.push({ level: 'error', message, fields }),
  };
}

const secret = 'the-secret-client-state';
const ours = new Set(['sub-customers', 'sub-places', 'sub-complaints']);

describe('POST /api/graph/notifications', () => {
  let server: Server;
  let url: string;
  let calls: number;
  let release: () => void;
  let logged: Logged[];
  let behaviour: 'pending' | 'throws' | 'rejects';

  async function listen(withJsonParser: boolean): Promise<void> {
    const app = express();
    if (withJsonParser) app.use(express.json({ limit: '256kb' }));
    app.post(
      '/api/graph/notifications',
      graphNotificationsHandler({
        accepts: (id, clientState) => ours.has(id) && clientState === secret,
        onChange: () => {
          calls++;
          if (behaviour === 'throws') throw new Error('the store is closed');
          if (behaviour === 'rejects') return Promise.reject(new Error('Graph is down'));
          // A delta read that does not finish until the test says so: the answer must not wait for it.
          return new Promise<void>((resolve) => (release = resolve));
        },
        tenantId: 'tenant-1',
        logger: recordingLogger(logged),
      }),
    );
    // As the app's http-server does: a body error is a 400 with the parser's message.
    app.use((error: Error & { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(error.status && error.status < 500 ? error.status : 500).json({ error: error.message });
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/graph/notifications`;
  }

  beforeEach(() => {
    calls = 0;
    release = () => undefined;
    logged = [];
    behaviour = 'pending';
  });

  afterEach(async () => {
    release();
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  });

  function notification(subscriptionId: string, clientState: string | null = secret, tenantId = 'tenant-1') {
    return {
      id: 'n-1',
      subscriptionId,
      subscriptionExpirationDateTime: '2030-01-01T00:00:00Z',
      clientState,
      changeType: 'updated',
      resource: `sites/site-1/lists/${subscriptionId}`,
      tenantId,
    };
  }

  function post(body: unknown, contentType = 'application/json'): Promise<Response> {
    return fetch(url, { method: 'POST', headers: { 'Content-Type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  }

  for (const withJsonParser of [false, true]) {
    describe(withJsonParser ? 'behind the app-wide express.json()' : 'mounted on its own', () => {
      beforeEach(() => listen(withJsonParser));

      it('answers the validation request with the decoded token as text/plain, and starts no read', async () => {
        const token = 'Validation: Testing client application reachability for subscription Request-Id: 3f0b8c1e +/=&';
        const answer = await fetch(`${url}?validationToken=${encodeURIComponent(token)}`, { method: 'POST', headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
        assert.equal(answer.status, 200);
        assert.match(answer.headers.get('content-type') ?? '', /^text\/plain/);
        assert.equal(answer.headers.get('x-content-type-options'), 'nosniff');
        assert.equal(await answer.text(), token);
        assert.equal(calls, 0);
      });

      it('answers 202 to a genuine notification and starts one delta read without waiting for it', async () => {
        // The read never finishes during the request: a handler that awaited it would never answer.
        const answer = await post({ value: [notification('sub-customers')] });
        assert.equal(answer.status, 202);
        assert.equal(calls, 1);
      });

      it('starts one delta read for a batch of notifications on several lists', async () => {
        const answer = await post({ value: [notification('sub-customers'), notification('sub-places'), notification('sub-complaints')] });
        assert.equal(answer.status, 202);
        assert.equal(calls, 1);
      });

      it('ignores a notification with a wrong or missing clientState, logging the subscription but not the secret', async () => {
        const answer = await post({ value: [notification('sub-customers', 'guessed'), notification('sub-places', null)] });
        assert.equal(answer.status, 202);
        assert.equal(calls, 0);
        const warnings = logged.filter((l) => l.level === 'warn');
        assert.equal(warnings.length, 2);
        assert.deepEqual(
          warnings.map((w) => w.fields?.subscription),
          ['sub-customers', 'sub-places'],
        );
        assert.ok(!JSON.stringify(logged).includes('guessed'));
      });

      it('ignores a notification for a subscription that is not ours, or from another tenant', async () => {
        const answer = await post({ value: [notification('someone-elses', secret), notification('sub-places', secret, 'tenant-2')] });
        assert.equal(answer.status, 202);
        assert.equal(calls, 0);
      });

      it('still answers 202 when starting the delta read throws or fails, and logs it', async () => {
        behaviour = 'throws';
        assert.equal((await post({ value: [notification('sub-customers')] })).status, 202);
        behaviour = 'rejects';
        assert.equal((await post({ value: [notification('sub-customers')] })).status, 202);
        await new Promise((resolve) => setImmediate(resolve));
        const warnings = logged.filter((l) => l.level === 'warn').map((l) => String(l.fields?.error));
        assert.deepEqual(warnings, ['the store is closed', 'Graph is down']);
      });

      it('refuses malformed JSON with 400 and a message', async () => {
        const answer = await post('{"value": [', 'application/json');
        assert.equal(answer.status, 400);
        assert.match(((await answer.json()) as { error: string }).error, /JSON|Unexpected|Expected/i);
        assert.equal(calls, 0);
      });

      it('refuses a body that is not a notification collection with 400 naming what is wrong', async () => {
        const noValue = await post({ notifications: [] });
        assert.equal(noValue.status, 400);
        assert.match(((await noValue.json()) as { error: string }).error, /value/);

        const noSubscription = await post({ value: [{ clientState: secret, changeType: 'updated' }] });
        assert.equal(noSubscription.status, 400);
        assert.match(((await noSubscription.json()) as { error: string }).error, /value\.0\.subscriptionId/);

        const empty = await post({ value: [] });
        assert.equal(empty.status, 400);
        assert.equal(calls, 0);
      });
    });
  }

  describe('mounted on its own', () => {
    beforeEach(() => listen(false));

    it('refuses an empty body and an empty validationToken with 400', async () => {
      assert.equal((await post('', 'application/json')).status, 400);
      assert.equal((await fetch(`${url}?validationToken=`, { method: 'POST' })).status, 400);
    });
  });
});
