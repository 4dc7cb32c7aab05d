import assert from 'node:assert/strict';
import { createGraphClient, type GraphClient } from '../../src/graph/graph-client.js';
import { GraphRequestError, GraphRequestRefusedError, GraphThrottledError } from '../../src/graph/graph-errors.js';
import type { GraphSettingsInput } from '../../src/graph/graph-settings.js';
import { HttpsTransport } from '../../src/graph/https-transport.js';
import type { LoggedRequest } from '../support/graph-double/graph-double.js';
import { startGraphTestbed, type GraphTestbed } from '../support/graph-double/testbed.js';

/**
 * The one Graph client (real @microsoft/microsoft-graph-client over its middleware pipeline, real msal)
 * against the Graph double: what every request carries, what it never carries, and how throttling is
 * handled — timings read from the double's own request log.
 */
describe('Graph client pipeline (issue 4)', () => {
  let bed: GraphTestbed;
  let itemsPath: string;
  const clients: GraphClient[] = [];

  before(async () => {
    bed = await startGraphTestbed();
    const list = bed.double.lists.addList(bed.siteId, {
      displayName: 'Paikat',
      columns: [
        { name: 'Status', indexed: true },
        { name: 'Notes', indexed: false },
      ],
    });
    bed.double.lists.writeItem(bed.siteId, list.id, { Title: 'Koivula 12', Status: 'free', Notes: 'a' });
    bed.double.lists.writeItem(bed.siteId, list.id, { Title: 'Koivula 14', Status: 'reserved', Notes: 'b' });
    itemsPath = `/sites/${bed.siteId}/lists/${list.id}/items`;
  });
  after(async () => {
    clients.forEach((c) => c.close());
    await bed.double.stop();
  });
  beforeEach(() => {
    bed.double.clearFaults();
    bed.double.clearLog();
  });

  const client = (overrides?: Partial<GraphSettingsInput>) => {
    const graph = createGraphClient(bed.settings(overrides));
    clients.push(graph);
    return graph;
  };
  const attempts = () => bed.double.graphRequests().filter((r) => r.path.startsWith(itemsPath));
  const gapMs = (earlier: LoggedRequest, later: LoggedRequest) => later.at - earlier.answeredAt;

  it('sends the bearer token and the User-Agent NONISV|Company|HoivaCRM/version on every request', async () => {
    const graph = client();
    await graph.get(itemsPath, { query: { expand: 'fields', $filter: "fields/Status eq 'free'" } });
    await graph.get(`${itemsPath}/1`);

    const sent = bed.double.graphRequests();
    assert.equal(sent.length, 2);
    for (const request of sent) {
      assert.match(request.headers.authorization ?? '', /^Bearer .+/);
      assert.equal(request.headers['user-agent'], graph.userAgent);
      assert.match(request.headers['user-agent'] ?? '', /^NONISV\|Hoivatesti Oy\|HoivaCRM\/\d+\.\d+\.\d+$/);
      assert.equal(request.status, 200);
    }
  });

  it('Graph answers 401 to a request without a token (the double checks bearers)', async () => {
    const raw = HttpsTransport.withCaFile(bed.double.caPath, { timeoutMs: 5_000 });
    try {
      const response = await raw.send({ method: 'GET', url: `${bed.double.graphBaseUrl}${itemsPath}`, headers: {} });
      assert.equal(response.status, 401);
      assert.equal(JSON.parse(response.body.toString()).error.code, 'InvalidAuthenticationToken');
    } finally {
      raw.close();
    }
  });

  it('never sends Prefer: HonorNonIndexedQueriesWarningMayFailRandomly, and refuses a request that asks for it', async () => {
    const graph = client();
    await assert.rejects(
      graph.get(itemsPath, { query: { $filter: "fields/Notes eq 'a'" }, headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } }),
      (error: unknown) => error instanceof GraphRequestRefusedError && /development only/.test(error.message),
    );
    assert.equal(bed.double.log.length, 0, 'nothing was sent, not even a token request');
    await graph.get(itemsPath);
    assert.ok(bed.double.log.every((r) => r.headers.prefer === undefined));
  });

  it('a $filter on a column that is not indexed fails with an error naming the column', async () => {
    const graph = client();
    await assert.rejects(graph.get(itemsPath, { query: { expand: 'fields', $filter: "fields/Notes eq 'a'" } }), (error: unknown) => {
      assert.ok(error instanceof GraphRequestError, String(error));
      assert.equal(error.status, 400);
      assert.equal(error.code, 'invalidRequest');
      assert.match(error.message, /400 Bad Request/);
      assert.match(error.message, /Field 'Notes' cannot be referenced in filter or orderby as it is not indexed/);
      return true;
    });
  });

  it('retries a 429 after the Retry-After it names', async () => {
    bed.double.failNext(1, { status: 429, retryAfterSeconds: 1, path: itemsPath });
    const page = await client().get<{ value: unknown[] }>(itemsPath);

    assert.equal(page.value.length, 2);
    const [throttled, retried] = attempts();
    assert.equal(throttled?.status, 429);
    assert.equal(retried?.status, 200);
    assert.ok(gapMs(throttled!, retried!) >= 1_000, `waited ${gapMs(throttled!, retried!)} ms`);
    assert.equal(retried?.headers['client-request-id'], throttled?.headers['client-request-id'], 'the same request, tried again');
  });

  it('waits for RateLimit-Reset when it is larger than Retry-After', async () => {
    bed.double.failNext(1, { status: 429, retryAfterSeconds: 1, rateLimitResetSeconds: 2, path: itemsPath });
    await client().get(itemsPath);

    const [throttled, retried] = attempts();
    assert.equal(retried?.status, 200);
    assert.ok(gapMs(throttled!, retried!) >= 2_000, `waited ${gapMs(throttled!, retried!)} ms`);
  });

  it('retries 503 and 504 without Retry-After with a short backoff, then succeeds', async () => {
    bed.double.failNext(1, { status: 503, path: itemsPath });
    bed.double.failNext(1, { status: 504, path: itemsPath });
    const page = await client().get<{ value: unknown[] }>(itemsPath);

    assert.equal(page.value.length, 2);
    assert.deepEqual(attempts().map((r) => r.status), [503, 504, 200]);
    const [first, second, third] = attempts();
    // baseDelayMs 20 in the testbed: the first backoff is 10–20 ms, the second 20–40 ms.
    assert.ok(gapMs(first!, second!) >= 10);
    assert.ok(gapMs(second!, third!) >= 20);
  });

  it('gives up after the attempt limit with an error naming 429', async () => {
    bed.double.failNext(10, { status: 429, path: itemsPath });
    const graph = client({ retry: { maxAttempts: 3, totalBudgetMs: 8_000, baseDelayMs: 20, maxDelayMs: 200 } });

    await assert.rejects(graph.get(itemsPath), (error: unknown) => {
      assert.ok(error instanceof GraphThrottledError, String(error));
      assert.equal(error.status, 429);
      assert.equal(error.attempts, 3);
      assert.equal(error.reason, 'attempts');
      assert.match(error.message, /still answered 429 Too Many Requests after 3 attempts/);
      assert.match(error.message, /TooManyRequests/);
      return true;
    });
    assert.equal(attempts().length, 3);
  });

  it('gives up at once when the wait asked for would pass the retry budget', async () => {
    bed.double.failNext(10, { status: 429, retryAfterSeconds: 2, path: itemsPath });
    const graph = client({ retry: { maxAttempts: 5, totalBudgetMs: 1_000, baseDelayMs: 20, maxDelayMs: 200 } });

    await assert.rejects(graph.get(itemsPath), (error: unknown) => {
      assert.ok(error instanceof GraphThrottledError);
      assert.equal(error.reason, 'budget');
      assert.match(error.message, /429 Too Many Requests after 1 attempt: waiting 2\.0 s more would pass the 1\.0 s retry budget/);
      return true;
    });
    assert.equal(attempts().length, 1);
  });
});
