import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stableIdFor } from '../../../src/domain/stable-id.js';
import type { RecordOf } from '../../../src/store/record-kinds.js';
import { listDefinitionOf } from '../../../src/store/sharepoint/list-schema.js';
import { openSharePointStore, type SharePointStore } from '../../../src/store/sharepoint/sharepoint-store.js';
import { openSqliteDatabase } from '../../../src/store/sqlite/sqlite-store.js';
import { startProvisioningBed, type ProvisioningBed } from './provisioning-bed.js';

describe('SharePoint store: a journaled change set of a care home and its place, neither sent before the stop', function () {
  this.timeout(20_000);
  let bed: ProvisioningBed;
  let dir: string;
  let store: SharePointStore | undefined;
  before(async () => { bed = await startProvisioningBed(); });
  after(async () => { await store?.close(); await bed.stop(); rmSync(dir, { recursive: true, force: true }); });

  it('is finished at the next open: both items in the lists, both records in the mirror', async () => {
    const { siteId } = await bed.provisionedSite();
    dir = mkdtempSync(join(tmpdir(), 'review-journal-'));
    const file = join(dir, 'mirror.sqlite');
    const first = await openSharePointStore({ file, graph: bed.graph, siteId });
    await first.close();
    const at = '2026-11-23T08:00:00.000Z';
    const meta = (n: string) => ({ id: stableIdFor(`review:${n}`), version: 1, createdAt: at, createdBy: 'test', updatedAt: at });
    const home: RecordOf<'careHome'> = { ...meta('home'), name: 'Koivukoti', region: 'etela-suomi', city: 'Espoo', serviceTypes: ['ymparivuorokautinen'], customerGroups: ['ikaantyneet'] };
    const place: RecordOf<'place'> = { ...meta('place'), careHomeId: home.id, label: 'A1', serviceType: 'ymparivuorokautinen', customerGroup: 'ikaantyneet', status: 'kaytossa' };
    // What a run that crashed during the $batch round trip leaves: the journal row, nothing in the lists.
    const db = openSqliteDatabase(file);
    db.prepare('INSERT INTO sharepoint_journal (change_set, created_at) VALUES (?, ?)').run(
      JSON.stringify({ at, writes: [{ kind: 'careHome', record: home, expectedVersion: null }, { kind: 'place', record: place, expectedVersion: null }], outbox: [] }), at);
    db.close();

    store = await openSharePointStore({ file, graph: bed.graph, siteId });
    const items = (kind: 'careHome' | 'place') => bed.bed.double.lists.items(siteId, listDefinitionOf(kind).displayName);
    assert.equal(items('careHome').length, 1);
    assert.deepEqual(await store.records.get('careHome', home.id), home, 'the care home reached the mirror');
    assert.equal(items('place').length, 1, 'the place was written to its list');
    assert.deepEqual(await store.records.get('place', place.id), place, 'the place reached the mirror');
  });
});
