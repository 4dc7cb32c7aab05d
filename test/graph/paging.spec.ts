import assert from 'node:assert/strict';
import { createGraphClient, type GraphClient } from '../../src/graph/graph-client.js';
import { GraphPagingError, collect, itemsOf, pagesOf, type ODataPage } from '../../src/graph/paging.js';
import { startGraphTestbed, type GraphTestbed } from '../support/graph-double/testbed.js';

interface Item {
  id: string;
  fields: { Title: string; Status: string };
}

describe('Graph paging by @odata.nextLink (issue 4)', () => {
  let bed: GraphTestbed;
  let graph: GraphClient;
  let itemsPath: string;

  before(async () => {
    bed = await startGraphTestbed();
    const list = bed.double.lists.addList(bed.siteId, { displayName: 'Yhteydenotot', columns: [{ name: 'Status', indexed: true }] });
    for (let n = 1; n <= 8; n++) bed.double.lists.writeItem(bed.siteId, list.id, { Title: `Contact ${n}`, Status: n === 8 ? 'closed' : 'open' });
    itemsPath = `/sites/${bed.siteId}/lists/${list.id}/items`;
    graph = createGraphClient(bed.settings());
  });
  after(async () => {
    graph.close();
    await bed.double.stop();
  });
  beforeEach(() => bed.double.clearLog());

  it('follows @odata.nextLink over three pages to the end, keeping the query', async () => {
    const query = { expand: 'fields(select=Title,Status)', $filter: "fields/Status eq 'open'", $top: 3 };
    const pages: ODataPage<Item>[] = [];
    for await (const page of graph.pages<Item>(itemsPath, { query })) pages.push(page);

    assert.deepEqual(pages.map((p) => p.value.length), [3, 3, 1]);
    assert.equal(pages[2]?.['@odata.nextLink'], undefined);
    assert.deepEqual(
      pages.flatMap((p) => p.value.map((i) => i.fields.Title)),
      ['Contact 1', 'Contact 2', 'Contact 3', 'Contact 4', 'Contact 5', 'Contact 6', 'Contact 7'],
    );
    const requests = bed.double.graphRequests();
    assert.equal(requests.length, 3);
    assert.ok(!requests[0]!.path.includes('$skiptoken'));
    for (const later of requests.slice(1)) {
      assert.match(later.path, /\$skiptoken=/);
      assert.match(decodeURIComponent(later.path), /\$filter=fields\/Status eq 'open'/, 'the nextLink carries the filter');
      assert.match(later.headers.authorization ?? '', /^Bearer /);
    }
    assert.deepEqual(Object.keys(pages[0]!.value[0]!.fields).sort(), ['@odata.etag', 'Status', 'Title']);
  });

  it('collects every item in one array', async () => {
    const all = await graph.collect<Item>(itemsPath, { query: { expand: 'fields', $top: 3 } });
    assert.equal(all.length, 8);
    assert.deepEqual(all.map((i) => i.id), ['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('asks for no further page when the reader stops early', async () => {
    for await (const item of graph.items<Item>(itemsPath, { query: { $top: 3 } })) {
      if (item.id === '2') break;
    }
    assert.equal(bed.double.graphRequests().length, 1);
  });

  it('refuses a nextLink that leaves the Graph origin or repeats itself', async () => {
    const origin = 'https://graph.microsoft.com';
    const leaving = async <T>(): Promise<ODataPage<T>> => ({ value: [], '@odata.nextLink': 'https://elsewhere.example/v1.0/x' });
    await assert.rejects(collect(itemsOf(pagesOf(leaving, '/x', origin))), (e: unknown) => e instanceof GraphPagingError && /leaves/.test(e.message));

    const looping = async <T>(): Promise<ODataPage<T>> => ({ value: [], '@odata.nextLink': `${origin}/v1.0/x?$skiptoken=1` });
    await assert.rejects(collect(itemsOf(pagesOf(looping, '/x', origin))), /repeats/);
  });
});
