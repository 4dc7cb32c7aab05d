import assert from 'node:assert/strict';
import { createGraphClient, type GraphClient } from '../../src/graph/graph-client.js';
import { GraphRequestError } from '../../src/graph/graph-errors.js';
import { HttpsTransport } from '../../src/graph/https-transport.js';
import { startGraphTestbed, type GraphTestbed } from '../support/graph-double/testbed.js';

interface ListItem {
  id: string;
  eTag: string;
  '@odata.etag': string;
  fields: Record<string, unknown>;
}

/**
 * The Graph double's own contract — the SharePoint list behaviour the storage adapter (next step) will
 * rely on — exercised through the real client where it can be, raw HTTPS where the client refuses to go.
 */
describe('Graph double: SharePoint list items as Graph documents them (issue 4)', () => {
  let bed: GraphTestbed;
  let graph: GraphClient;
  let raw: HttpsTransport;
  let itemsPath: string;

  before(async () => {
    bed = await startGraphTestbed();
    graph = createGraphClient(bed.settings());
    raw = HttpsTransport.withCaFile(bed.double.caPath, { timeoutMs: 5_000 });
    const list = bed.double.lists.addList(bed.siteId, {
      displayName: 'Reklamaatiot',
      columns: [
        { name: 'RecordId', indexed: true, enforceUniqueValues: true },
        { name: 'Status', indexed: true },
        { name: 'Description' },
      ],
    });
    itemsPath = `/sites/${bed.siteId}/lists/${list.id}/items`;
  });
  after(async () => {
    graph.close();
    raw.close();
    await bed.double.stop();
  });

  const rawGraph = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await raw.send({
      method,
      url: `${bed.double.graphBaseUrl}${path}`,
      headers: { Authorization: `Bearer ${await graph.tokens.getAccessToken()}`, 'Content-Type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: response.body.length ? JSON.parse(response.body.toString()) : undefined };
  };

  it('creates an item (201) with its id, eTag and fields, and reads it back', async () => {
    const created = await graph.post<ListItem>(itemsPath, { fields: { Title: 'Complaint 1', RecordId: 'c-1', Status: 'received' } });

    assert.match(created.id, /^\d+$/);
    assert.match(created.eTag, /^"[0-9a-f-]{36},1"$/);
    assert.equal(created['@odata.etag'], created.eTag);
    assert.equal(created.fields.Status, 'received');
    const read = await graph.get<ListItem>(`${itemsPath}/${created.id}`, { query: { expand: 'fields(select=Status)' } });
    assert.deepEqual(read.fields, { '@odata.etag': created.eTag, Status: 'received' });
  });

  it('PATCH …/fields with the current eTag succeeds and moves the eTag on; with a stale one it answers 412', async () => {
    const item = await graph.post<ListItem>(itemsPath, { fields: { Title: 'Complaint 2', RecordId: 'c-2', Status: 'received' } });
    const fieldsPath = `${itemsPath}/${item.id}/fields`;

    const updated = await graph.patch<Record<string, unknown>>(fieldsPath, { Status: 'handled' }, { headers: { 'If-Match': item.eTag } });
    assert.equal(updated.Status, 'handled');
    assert.notEqual(updated['@odata.etag'], item.eTag);

    await assert.rejects(graph.patch(fieldsPath, { Status: 'closed' }, { headers: { 'If-Match': item.eTag } }), (error: unknown) => {
      assert.ok(error instanceof GraphRequestError);
      assert.equal(error.status, 412);
      assert.equal(error.code, 'preconditionFailed');
      return true;
    });
    await assert.rejects(graph.delete(`${itemsPath}/${item.id}`, { headers: { 'If-Match': item.eTag } }), (e: unknown) => e instanceof GraphRequestError && e.status === 412);
    await graph.delete(`${itemsPath}/${item.id}`, { headers: { 'If-Match': String(updated['@odata.etag']) } });
    await assert.rejects(graph.get(`${itemsPath}/${item.id}`), (e: unknown) => e instanceof GraphRequestError && e.status === 404 && e.code === 'itemNotFound');
  });

  it('refuses a duplicate in a unique column (409) and a field that is not a column (400)', async () => {
    await graph.post(itemsPath, { fields: { RecordId: 'c-3' } });
    await assert.rejects(graph.post(itemsPath, { fields: { RecordId: 'c-3' } }), (e: unknown) => e instanceof GraphRequestError && e.status === 409 && /RecordId/.test(e.message));
    await assert.rejects(graph.post(itemsPath, { fields: { Colour: 'red' } }), (e: unknown) => e instanceof GraphRequestError && e.status === 400 && /Field 'Colour' is not recognized/.test(e.message));
  });

  it('filters a non-indexed column only with the development-only Prefer header', async () => {
    await graph.post(itemsPath, { fields: { RecordId: 'c-4', Description: 'late invoice' } });
    const filter = `${itemsPath}?expand=fields&$filter=${encodeURIComponent("fields/Description eq 'late invoice'")}`;

    const refused = await rawGraph('GET', filter);
    assert.equal(refused.status, 400);
    assert.match(refused.body.error.message, /Field 'Description' cannot be referenced in filter or orderby as it is not indexed/);

    const allowed = await rawGraph('GET', filter, undefined, { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' });
    assert.equal(allowed.status, 200);
    assert.deepEqual(allowed.body.value.map((i: ListItem) => i.fields.RecordId), ['c-4']);
  });

  it('answers a $batch with more than 20 requests, duplicate ids, or a body without Content-Type with 400', async () => {
    const get = (id: string) => ({ id, method: 'GET', url: itemsPath });
    assert.equal((await rawGraph('POST', '/$batch', { requests: Array.from({ length: 21 }, (_, i) => get(String(i))) })).status, 400);
    assert.equal((await rawGraph('POST', '/$batch', { requests: [get('a'), get('A')] })).status, 400);
    assert.equal((await rawGraph('POST', '/$batch', { requests: [{ id: '1', method: 'POST', url: itemsPath, body: { fields: {} } }] })).status, 400);
    const ok = await rawGraph('POST', '/$batch', { requests: [get('1'), get('2')] });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body.responses.map((r: { id: string; status: number }) => [r.id, r.status]), [['2', 200], ['1', 200]]);
  });

  it('shows an item written straight into the list (as in the SharePoint UI) to Graph readers', async () => {
    bed.double.lists.writeItem(bed.siteId, 'Reklamaatiot', { Title: 'From the list view', RecordId: 'c-ui', Status: 'received' });
    const found = await graph.collect<ListItem>(itemsPath, { query: { expand: 'fields', $filter: "fields/RecordId eq 'c-ui'" } });
    assert.deepEqual(found.map((i) => i.fields.Title), ['From the list view']);
  });
});
