import assert from 'node:assert/strict';
import { GraphError } from '@microsoft/microsoft-graph-client';
import { createGraphClient, type GraphCallOptions, type GraphClient } from '../../src/graph/graph-client.js';
import { GraphRequestError } from '../../src/graph/graph-errors.js';
import type { ODataPage } from '../../src/graph/paging.js';
import { startGraphTestbed, type GraphTestbed } from '../support/graph-double/testbed.js';

interface DeltaItem {
  id: string;
  eTag?: string;
  fields?: Record<string, unknown>;
  deleted?: { state: string };
  [key: string]: unknown;
}

/**
 * The Graph double's listItem delta (learn.microsoft.com/graph/api/listitem-delta), driven over HTTPS by the
 * real Graph client: what the SharePoint adapter's poll for edits made in SharePoint list views relies on.
 */
describe('Graph double: listItem delta as Graph documents it (issue 4)', () => {
  let bed: GraphTestbed;
  let graph: GraphClient;
  let lists = 0;

  before(async () => {
    bed = await startGraphTestbed();
    graph = createGraphClient(bed.settings());
  });
  after(async () => {
    graph.close();
    await bed.double.stop();
  });
  afterEach(() => {
    bed.double.lists.deltaRepeats = false;
    bed.double.clearFaults();
  });

  /** A fresh list with `count` items written in the UI: Title `Place n`, Status `free`. */
  const newList = (count: number) => {
    const list = bed.double.lists.addList(bed.siteId, { displayName: `Delta ${++lists}`, columns: [{ name: 'Status', indexed: true }] });
    for (let n = 1; n <= count; n++) bed.double.lists.writeItem(bed.siteId, list.id, { Title: `Place ${n}`, Status: 'free' });
    const itemsPath = `/sites/${bed.siteId}/lists/${list.id}/items`;
    return { list, itemsPath, deltaPath: `${itemsPath}/delta` };
  };
  const allPages = async (pathOrUrl: string, options?: GraphCallOptions) => {
    const pages: ODataPage<DeltaItem>[] = [];
    for await (const page of graph.pages<DeltaItem>(pathOrUrl, options)) pages.push(page);
    return pages;
  };
  /** Follows a round to its end; the items, in order, and the new deltaLink. */
  const round = async (pathOrUrl: string, options?: GraphCallOptions) => {
    const pages = await allPages(pathOrUrl, options);
    const deltaLink = pages[pages.length - 1]!['@odata.deltaLink'];
    assert.ok(deltaLink, 'the last page carries @odata.deltaLink');
    return { pages, items: pages.flatMap((p) => p.value), deltaLink };
  };
  const withFields = { query: { expand: 'fields(select=Title,Status)' } };

  it('enumerates every item page by page ($top, $select, expand=fields(select=…)) and ends with a deltaLink', async () => {
    const { deltaPath } = newList(5);

    const pages = await allPages(deltaPath, { query: { $top: 2, $select: 'id,eTag', expand: 'fields(select=Title)' } });

    assert.deepEqual(pages.map((p) => p.value.map((i) => i.id)), [['1', '2'], ['3', '4'], ['5']]);
    assert.deepEqual(pages.map((p) => [!!p['@odata.nextLink'], !!p['@odata.deltaLink']]), [[true, false], [true, false], [false, true]]);
    assert.match(pages[0]!['@odata.nextLink']!, new RegExp(`^${bed.double.graphBaseUrl}${deltaPath}\\?token=[\\w-]+$`), 'nextLink is …/items/delta?token=…');
    assert.match(pages[2]!['@odata.deltaLink']!, new RegExp(`^${bed.double.graphBaseUrl}${deltaPath}\\?token=[\\w-]+$`));
    // The later pages were asked for by token alone, so the token remembered $select and expand.
    const last = pages[2]!.value[0]!;
    assert.deepEqual(Object.keys(last).sort(), ['@odata.etag', 'eTag', 'fields', 'id']);
    assert.deepEqual(last.fields, { '@odata.etag': last.eTag, Title: 'Place 5' });
  });

  it('after a deltaLink shows each changed item once with its latest state, deletes with the deleted facet, UI edits included', async () => {
    const { list, itemsPath, deltaPath } = newList(4);
    const first = await round(deltaPath, withFields);
    assert.equal(first.items.length, 4);

    const created = await graph.post<DeltaItem>(itemsPath, { fields: { Title: 'Place 5', Status: 'free' } });
    await graph.patch(`${itemsPath}/1/fields`, { Status: 'reserved' });
    await graph.patch(`${itemsPath}/1/fields`, { Status: 'taken' });
    await graph.delete(`${itemsPath}/2`);
    bed.double.lists.writeItem(bed.siteId, list.id, { Title: 'Renamed in SharePoint' }, '3');
    bed.double.lists.deleteItemInUi(bed.siteId, list.id, '4');

    const second = await round(first.deltaLink);

    assert.deepEqual(second.items.map((i) => i.id).sort(), ['1', '2', '3', '4', created.id].sort(), 'each changed item exactly once');
    const byId = new Map(second.items.map((i) => [i.id, i]));
    assert.equal(byId.get('1')!.fields!.Status, 'taken', 'the latest of two updates');
    assert.match(byId.get('1')!.eTag!, /,3"$/);
    assert.equal(byId.get('3')!.fields!.Title, 'Renamed in SharePoint', 'an edit made in the list view');
    assert.equal(byId.get(created.id)!.fields!.Title, 'Place 5');
    for (const id of ['2', '4']) {
      assert.deepEqual(byId.get(id)!.deleted, { state: 'deleted' });
      assert.equal(byId.get(id)!.fields, undefined);
    }
    assert.notEqual(second.deltaLink, first.deltaLink);

    const quiet = await round(second.deltaLink);
    assert.deepEqual([quiet.pages.length, quiet.items.length], [1, 0], 'no changes: an empty page with a deltaLink');
  });

  it('token=latest skips the enumeration and shows only what changes afterwards', async () => {
    const { list, deltaPath } = newList(3);
    const latest = await graph.get<ODataPage<DeltaItem>>(`${deltaPath}?token=latest`);
    assert.deepEqual(latest.value, []);

    bed.double.lists.writeItem(bed.siteId, list.id, { Status: 'taken' }, '2');
    const changes = await round(latest['@odata.deltaLink']!, withFields);
    assert.deepEqual(changes.items.map((i) => [i.id, i.fields?.Status]), [['2', 'taken']]);
  });

  it('with deltaRepeats shows a changed item twice on different pages, the later occurrence newest', async () => {
    const { list, deltaPath } = newList(3);
    const first = await round(deltaPath, withFields);
    bed.double.lists.writeItem(bed.siteId, list.id, { Status: 'reserved' }, '2');
    bed.double.lists.writeItem(bed.siteId, list.id, { Status: 'taken' }, '2');
    bed.double.lists.deltaRepeats = true;

    const { pages, items } = await round(first.deltaLink);

    const occurrences = pages.flatMap((page, p) => page.value.filter((i) => i.id === '2').map((i) => ({ page: p, status: i.fields?.Status })));
    assert.equal(occurrences.length, 2);
    assert.notEqual(occurrences[0]!.page, occurrences[1]!.page);
    assert.deepEqual(occurrences.map((o) => o.status), ['reserved', 'taken']);
    const lastWins = new Map(items.map((i) => [i.id, i]));
    assert.equal(lastWins.get('2')!.fields!.Status, 'taken');
  });

  it('answers an expired token 410 with a Location that restarts the enumeration, which then ends in a working deltaLink', async () => {
    const { list, itemsPath, deltaPath } = newList(3);
    const first = await round(deltaPath, withFields);
    const midRound = (await allPages(deltaPath, { query: { $top: 1 } }))[0]!['@odata.nextLink']!;
    await graph.post(itemsPath, { fields: { Title: 'Place 4', Status: 'free' } });
    bed.double.lists.expireDeltaTokens(bed.siteId, list.id);

    for (const stale of [first.deltaLink, midRound]) {
      await assert.rejects(graph.get(stale), (e: unknown) => e instanceof GraphRequestError && e.status === 410 && e.code === 'resyncChangesApplyDifferences' && /Resync required/.test(e.message));
    }
    // The Location header, read from the SDK's own GraphError so this holds however our client wraps errors.
    const location = await graph.api(first.deltaLink).get().then(
      () => assert.fail('an expired token must not answer 200'),
      (e: unknown) => (e instanceof GraphError ? e.headers?.get('Location') : undefined),
    );
    assert.match(location ?? '', new RegExp(`^${bed.double.graphBaseUrl}${deltaPath}\\?token=[\\w-]+$`));

    const restarted = await round(location!);
    assert.deepEqual(restarted.items.map((i) => [i.id, i.fields?.Title]), [['1', 'Place 1'], ['2', 'Place 2'], ['3', 'Place 3'], ['4', 'Place 4']], 'everything again, with the original expand');
    assert.equal((await round(restarted.deltaLink)).items.length, 0, 'the fresh deltaLink is valid');

    bed.double.lists.expireDeltaTokens(bed.siteId, list.id, 'resyncChangesUploadDifferences');
    await assert.rejects(graph.get(restarted.deltaLink), (e: unknown) => e instanceof GraphRequestError && e.status === 410 && e.code === 'resyncChangesUploadDifferences');
  });

  it('answers 400 to a token it never issued, or issued for another list', async () => {
    const { deltaPath } = newList(1);
    const other = newList(1);
    const othersLink = (await round(other.deltaPath)).deltaLink;

    for (const url of [`${deltaPath}?token=not-a-token`, `${bed.double.graphBaseUrl}${deltaPath}?${new URL(othersLink).search.slice(1)}`]) {
      await assert.rejects(graph.get(url), (e: unknown) => e instanceof GraphRequestError && e.status === 400 && e.code === 'invalidRequest' && /Invalid delta token/.test(e.message));
    }
  });

  it('shows a write made inside a $batch, and answers delta inside a $batch, a deltaLink included', async () => {
    const { itemsPath, deltaPath } = newList(2);
    const first = await round(deltaPath, withFields);
    const [written] = await graph.batch([{ method: 'PATCH', url: `${itemsPath}/1/fields`, body: { Status: 'taken' } }]);
    assert.equal(written!.status, 200);

    const [initial, changes] = await graph.batch<ODataPage<DeltaItem>>([
      { method: 'GET', url: `${deltaPath}?expand=fields` },
      { method: 'GET', url: first.deltaLink },
    ]);

    assert.deepEqual([initial!.status, changes!.status], [200, 200]);
    assert.deepEqual(initial!.body.value.map((i) => i.id), ['1', '2']);
    assert.ok(initial!.body['@odata.deltaLink']);
    assert.deepEqual(changes!.body.value.map((i) => [i.id, i.fields?.Status]), [['1', 'taken']]);
  });

  it('a throttled delta page (429 + Retry-After) is retried by the client and the round completes', async () => {
    const { deltaPath } = newList(3);
    bed.double.clearLog();

    const items: string[] = [];
    for await (const page of graph.pages<DeltaItem>(deltaPath, { query: { $top: 1 } })) {
      // Throttle the next page, mid-round.
      if (items.length === 0) bed.double.failNext(1, { status: 429, retryAfterSeconds: 1, method: 'GET', path: '/items/delta' });
      items.push(...page.value.map((i) => i.id));
    }

    assert.deepEqual(items, ['1', '2', '3']);
    const deltaRequests = bed.double.graphRequests().filter((r) => r.path.includes('/items/delta'));
    assert.deepEqual(deltaRequests.map((r) => r.status), [200, 429, 200, 200]);
    assert.equal(deltaRequests[1]!.path, deltaRequests[2]!.path, 'the same page asked for again');
  });
});
