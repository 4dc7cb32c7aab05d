import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordKind } from '../../../src/store/record-kinds.js';
import { listDefinitionOf } from '../../../src/store/sharepoint/list-schema.js';
import { openSharePointStore, type SharePointStore } from '../../../src/store/sharepoint/sharepoint-store.js';
import type { OutsideEditInterpreter } from '../../../src/store/store-port.js';
import type { LoggedRequest } from '../../support/graph-double/graph-double.js';
import type { UiUser } from '../../support/graph-double/sharepoint-lists.js';
import { startProvisioningBed, type ProvisioningBed } from './provisioning-bed.js';
import { demoSeedRecords } from './sample-records.js';

/**
 * Issue 10, "SharePoint at real size": reading the lists writes nothing to an item that already holds a
 * readable record. A first read over populated lists (a fresh data folder) makes no PATCH, although every
 * item's HoivaUpdatedAt differs from SharePoint's lastModifiedDateTime (the records were written "days
 * ago" by HoivaCRM's clock); a person's plain edit is taken in without a write-back, so "Modified by" stays
 * the person; only an edit that left HoivaId or HoivaVersion missing or invalid is repaired, with one PATCH.
 */
describe('SharePoint delta reads write nothing back unless a HoivaCRM column is missing or invalid', function () {
  this.timeout(30_000);
  let bed: ProvisioningBed;
  let siteId: string;
  const dirs: string[] = [];
  const stores: SharePointStore[] = [];
  const passThrough: OutsideEditInterpreter = async (edit) => ({ record: edit.after, outbox: [] });
  const kaisa: UiUser = { id: '7b3e2c1a-0000-4000-8000-00000000000a', displayName: 'Kaisa Kotijohtaja', email: 'kaisa@hoiva.example' };

  before(async () => {
    bed = await startProvisioningBed();
  });
  after(async () => {
    for (const s of stores) await s.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await bed.stop();
  });
  beforeEach(async () => {
    ({ siteId } = await bed.provisionedSite());
  });

  const double = () => bed.bed.double;
  const freshStore = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hoivacrm-sp-nowrites-'));
    dirs.push(dir);
    const store = await openSharePointStore({ file: join(dir, 'mirror.sqlite'), graph: bed.graph, siteId });
    stores.push(store);
    return { store, delta: store.deltaSync({ interpret: passThrough }) };
  };
  /** Requests that would change an item: non-GET Graph requests, top-level or inside a $batch (the batch envelope itself is a POST). */
  const itemWrites = (since: number): LoggedRequest[] => double().log.slice(since).filter((r) => (r.kind === 'graph' || r.kind === 'in-batch') && r.method !== 'GET');
  const items = (kind: RecordKind) => double().lists.items(siteId, listDefinitionOf(kind).displayName);
  const seeded = async () => {
    const { store, delta } = await freshStore();
    const writes = await demoSeedRecords();
    await store.records.commit({ at: '2026-11-23T06:00:00.000Z', writes, outbox: [] });
    await delta.syncNow();
    return { store, delta, writes };
  };

  it('a fresh data folder over populated lists: every record mirrored, zero writes', async () => {
    const { writes } = await seeded();
    const mark = double().log.length;
    const { store, delta } = await freshStore();
    await delta.syncNow();

    assert.deepEqual(itemWrites(mark).map((r) => `${r.method} ${r.path}`), [], 'no PATCH, POST or DELETE');
    const place = writes.find((w) => w.kind === 'place')!.record;
    const mirrored = await store.records.get('place', place.id);
    assert.equal(mirrored?.updatedAt, place.updatedAt, 'the item’s own HoivaUpdatedAt, not SharePoint’s lastModifiedDateTime');
    assert.equal(mirrored?.version, place.version);
    const counts = await Promise.all((['place', 'careHome', 'customer'] as const).map(async (k) => (await store.records.list(k)).length));
    assert.deepEqual(counts, (['place', 'careHome', 'customer'] as const).map((k) => writes.filter((w) => w.kind === k).length));
  });

  it('a person’s plain edit: taken in, no PATCH, "Modified by" stays the person, at most one GET besides the poll', async () => {
    const { store, delta } = await seeded();
    const item = items('place')[0]!;
    const id = String(item.fields.HoivaId);
    const before = await store.records.get('place', id);
    double().lists.writeItem(siteId, listDefinitionOf('place').displayName, { Note: 'Remontti ensin' }, item.id, kaisa);
    const mark = double().log.length;
    await delta.syncNow();

    assert.deepEqual(itemWrites(mark).map((r) => `${r.method} ${r.path}`), []);
    const reads = double().log.slice(mark).filter((r) => r.kind === 'graph' && r.method === 'GET');
    assert.ok(reads.length <= 1, `one GET for the editor at most: ${reads.map((r) => r.path).join(', ')}`);
    const after = await store.records.get('place', id);
    assert.equal(after?.note, 'Remontti ensin');
    assert.equal(after?.version, before!.version + 1, 'the mirror’s version moves on');
    const now = items('place').find((i) => i.id === item.id)!;
    assert.equal(now.modifiedByUser?.displayName, 'Kaisa Kotijohtaja');
    const [audit] = await store.audit.list({ kind: 'place', recordId: id });
    assert.equal(audit?.by.name, 'Kaisa Kotijohtaja');

    // Reading again: the eTag is known, nothing to do; a bot update on the person's edit goes through.
    const again = double().log.length;
    await delta.syncNow();
    assert.deepEqual(itemWrites(again), []);
    const next = { ...after!, version: after!.version + 1, note: 'Remontti valmis' };
    assert.deepEqual(await store.records.commit({ at: '2026-11-24T06:00:00.000Z', writes: [{ kind: 'place', record: next, expectedVersion: after!.version }], outbox: [] }), { applied: true });
    assert.equal(items('place').find((i) => i.id === item.id)!.fields.HoivaVersion, next.version);
  });

  for (const [what, broken] of [
    ['HoivaVersion emptied', { HoivaVersion: null }],
    ['HoivaVersion not a number', { HoivaVersion: 'kolme' }],
    ['HoivaId emptied', { HoivaId: null }],
  ] as const) {
    it(`a person’s edit that left ${what}: one PATCH, of that column only`, async () => {
      const { store, delta } = await seeded();
      const item = items('place')[1]!;
      const id = String(item.fields.HoivaId);
      double().lists.writeItem(siteId, listDefinitionOf('place').displayName, { Note: 'Katsottu', ...broken }, item.id, kaisa);
      const mark = double().log.length;
      await delta.syncNow();

      const writes = itemWrites(mark);
      assert.deepEqual(writes.map((r) => r.method), ['PATCH']);
      assert.deepEqual(Object.keys(writes[0]!.body as object), Object.keys(broken));
      const mirrored = await store.records.get('place', id);
      assert.equal(mirrored?.note, 'Katsottu');
      const repaired = items('place').find((i) => i.id === item.id)!;
      assert.equal(repaired.fields.HoivaId, id);
      assert.ok(Number.isInteger(Number(repaired.fields.HoivaVersion)) && Number(repaired.fields.HoivaVersion) >= 1);
      // The repair echoing back is ours: nothing more.
      const again = double().log.length;
      await delta.syncNow();
      assert.deepEqual(itemWrites(again), []);
    });
  }
});
