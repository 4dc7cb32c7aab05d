import assert from 'node:assert/strict';
import { assertBatchOk, toBatchStep, type BatchRequest } from '../../src/graph/batch.js';
import { createGraphClient, type GraphClient } from '../../src/graph/graph-client.js';
import { GraphRequestError, GraphThrottledError } from '../../src/graph/graph-errors.js';
import { startGraphTestbed, type GraphTestbed } from '../support/graph-double/testbed.js';

interface CreatedItem {
  id: string;
  fields: { Title: string };
}

describe('Graph $batch (issue 4)', () => {
  let bed: GraphTestbed;
  let graph: GraphClient;

  before(async () => {
    bed = await startGraphTestbed();
    graph = createGraphClient(bed.settings());
  });
  after(async () => {
    graph.close();
    await bed.double.stop();
  });
  beforeEach(() => {
    bed.double.clearFaults();
    bed.double.clearLog();
  });

  const newList = (name: string) => {
    const list = bed.double.lists.addList(bed.siteId, { displayName: name, columns: [{ name: 'Key', enforceUniqueValues: true }] });
    return { list, itemsPath: `/sites/${bed.siteId}/lists/${list.id}/items` };
  };
  const creates = (itemsPath: string, count: number): BatchRequest[] =>
    Array.from({ length: count }, (_, i) => ({ method: 'POST', url: itemsPath, body: { fields: { Title: `Place ${i + 1}`, Key: `k${i + 1}` } } }));
  const batches = () => bed.double.log.filter((r) => r.kind === 'batch');
  const carried = (batchIndex: number) => bed.double.log.filter((r) => r.kind === 'in-batch' && r.batch === batchIndex);

  it('sends 45 requests as batches of 20, 20 and 5, retries inner 429s after their Retry-After, and returns results in order', async () => {
    const { list, itemsPath } = newList('Batch 45');
    bed.double.failNext(2, { status: 429, retryAfterSeconds: 1, method: 'POST', path: itemsPath, where: 'inside' });

    const results = await graph.batch<CreatedItem>(creates(itemsPath, 45));

    assert.equal(results.length, 45);
    results.forEach((result, i) => {
      assert.equal(result.index, i);
      assert.equal(result.status, 201, `request ${i + 1}`);
      assert.equal(result.body.fields.Title, `Place ${i + 1}`, 'mapped back by id although the double answers in reverse order');
    });
    assert.deepEqual(results.filter((r) => r.attempts === 2).map((r) => r.index), [0, 1], 'the two throttled ones went out again');
    assert.equal(bed.double.lists.items(bed.siteId, list.id).length, 45);

    const sent = batches();
    assert.deepEqual(sent.map((b) => b.size), [20, 2, 20, 5], 'the first batch, its two throttled requests again, then the rest');
    const firstIndex = bed.double.log.indexOf(sent[0]!);
    const retryIndex = bed.double.log.indexOf(sent[1]!);
    assert.deepEqual(carried(firstIndex).filter((r) => r.status === 429).map((r) => (r.body as { fields: { Title: string } }).fields.Title), ['Place 1', 'Place 2']);
    assert.deepEqual(carried(retryIndex).map((r) => (r.body as { fields: { Title: string } }).fields.Title), ['Place 1', 'Place 2']);
    const waited = sent[1]!.at - sent[0]!.answeredAt;
    assert.ok(waited >= 1_000, `waited ${waited} ms`);

    const ids = sent.flatMap((b) => ((b.body as { requests: { id: string }[] }).requests ?? []).map((r) => r.id));
    const firstRound = [sent[0], sent[2], sent[3]].flatMap((b) => (b!.body as { requests: { id: string }[] }).requests.map((r) => r.id));
    assert.equal(new Set(firstRound).size, 45, 'ids unique across the call');
    assert.equal(ids.length, 47);
    for (const b of sent) {
      for (const inner of (b.body as { requests: { headers?: Record<string, string> }[] }).requests) {
        assert.equal(inner.headers?.['Content-Type'], 'application/json', 'a body carries its Content-Type');
      }
      assert.match(b.headers['user-agent'] ?? '', /^NONISV\|/);
    }
  });

  it('maps each inner status back to its request, and assertBatchOk names the one that failed', async () => {
    const { itemsPath } = newList('Batch statuses');
    const [created] = await graph.batch<CreatedItem>(creates(itemsPath, 1));

    const results = await graph.batch([
      { method: 'GET', url: `${itemsPath}/${created!.body.id}` },
      { method: 'GET', url: `${itemsPath}/999` },
      { method: 'POST', url: itemsPath, body: { fields: { Title: 'again', Key: 'k1' } } },
      { method: 'PATCH', url: `${itemsPath}/${created!.body.id}/fields`, headers: { 'If-Match': '"stale,1"' }, body: { Title: 'x' } },
    ]);

    assert.deepEqual(results.map((r) => r.status), [200, 404, 409, 412]);
    assert.deepEqual(results.map((r) => r.ok), [true, false, false, false]);
    assert.throws(
      () => assertBatchOk(results),
      (error: unknown) => error instanceof GraphRequestError && error.status === 404 && /GET .*\/items\/999 \(in \$batch\) answered 404 Not Found — itemNotFound/.test(error.message),
    );
  });

  it('a throttled $batch as a whole is retried by the pipeline', async () => {
    const { itemsPath } = newList('Batch throttled whole');
    bed.double.failNext(1, { status: 429, retryAfterSeconds: 1, path: '/$batch', where: 'top-level' });

    const results = await graph.batch(creates(itemsPath, 3));

    assert.deepEqual(results.map((r) => r.status), [201, 201, 201]);
    const [throttled, retried] = batches();
    assert.equal(throttled?.status, 429);
    assert.equal(retried?.status, 200);
    assert.ok(retried!.at - throttled!.answeredAt >= 1_000);
  });

  it('gives up on inner requests that stay throttled, leaving their 429 for the caller', async () => {
    const { itemsPath } = newList('Batch throttled inner');
    bed.double.failNext(10, { status: 429, method: 'POST', path: itemsPath, where: 'inside' });
    const impatient = createGraphClient(bed.settings({ retry: { maxAttempts: 2, totalBudgetMs: 5_000, baseDelayMs: 20, maxDelayMs: 100 } }));
    try {
      const results = await impatient.batch(creates(itemsPath, 2));

      assert.deepEqual(results.map((r) => [r.status, r.attempts]), [[429, 2], [429, 2]]);
      assert.equal(batches().length, 2);
      assert.throws(() => assertBatchOk(results), (e: unknown) => e instanceof GraphThrottledError && /429 Too Many Requests after 2 attempts/.test(e.message));
    } finally {
      impatient.close();
    }
  });

  it('builds batch steps with relative URLs, and refuses the non-indexed Prefer header inside a batch too', () => {
    const base = 'https://graph.microsoft.com/v1.0';
    assert.deepEqual(toBatchStep('7', { method: 'GET', url: `${base}/sites/s/lists/l/items?$top=5` }, base), { id: '7', method: 'GET', url: '/sites/s/lists/l/items?$top=5' });
    assert.deepEqual(toBatchStep('1', { method: 'PATCH', url: 'sites/s/lists/l/items/3/fields', body: { Title: 'x' } }, base), {
      id: '1',
      method: 'PATCH',
      url: '/sites/s/lists/l/items/3/fields',
      headers: { 'Content-Type': 'application/json' },
      body: { Title: 'x' },
    });
    assert.throws(() => toBatchStep('1', { method: 'GET', url: '/x', headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } }, base), /development only/);
    assert.throws(() => toBatchStep('1', { method: 'GET', url: 'https://elsewhere.example/v1.0/x' }, base), /must address/);
  });
});
