import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stableIdFor } from '../../../src/domain/stable-id.js';
import type { RecordOf } from '../../../src/store/record-kinds.js';
import { recordToFields } from '../../../src/store/sharepoint/field-mapping.js';
import { listDefinitionOf } from '../../../src/store/sharepoint/list-schema.js';
import { openSharePointStore, type SharePointStore } from '../../../src/store/sharepoint/sharepoint-store.js';
import { startProvisioningBed, type ProvisioningBed } from './provisioning-bed.js';
import { mapResolver } from './map-resolver.js';

describe('SharePoint store: an update whose first PATCH landed but whose answer was lost (504/timeout, then retried)', function () {
  this.timeout(20_000);
  let bed: ProvisioningBed;
  let dir: string;
  let store: SharePointStore | undefined;
  before(async () => { bed = await startProvisioningBed(); });
  after(async () => { await store?.close(); await bed.stop(); rmSync(dir, { recursive: true, force: true }); });

  it('is accepted (the list holds exactly our version), not refused as "someone changed this first"', async () => {
    const { siteId } = await bed.provisionedSite();
    dir = mkdtempSync(join(tmpdir(), 'review-patch-'));
    store = await openSharePointStore({ file: join(dir, 'm.sqlite'), graph: bed.graph, siteId });
    const at = '2026-11-23T08:00:00.000Z';
    const meta = (n: string) => ({ id: stableIdFor(`review2:${n}`), version: 1, createdAt: at, createdBy: 'test', updatedAt: at });
    const home: RecordOf<'careHome'> = { ...meta('home'), name: 'Koivukoti', region: 'etela-suomi', city: 'Espoo', serviceTypes: ['ymparivuorokautinen'], customerGroups: ['ikaantyneet'] };
    const place: RecordOf<'place'> = { ...meta('place'), careHomeId: home.id, label: 'A1', serviceType: 'ymparivuorokautinen', customerGroup: 'ikaantyneet', status: 'kaytossa' };
    await store.records.commit({ at, writes: [{ kind: 'careHome', record: home, expectedVersion: null }, { kind: 'place', record: place, expectedVersion: null }], outbox: [] });
    const freed: RecordOf<'place'> = { ...place, version: 2, status: 'vapaa', freeFrom: '2026-12-01', statusChangedBy: { id: 'u', name: 'Kaisa' }, statusChangedAt: at };

    // The first PATCH of the $batch landed; its answer was a 504 (or the $batch POST timed out and was sent
    // again). As in the spec's "create retried after its first POST landed", the landed write is put in first.
    const double = bed.bed.double;
    const homes = double.lists.items(siteId, listDefinitionOf('careHome').displayName);
    const item = double.lists.items(siteId, listDefinitionOf('place').displayName).find((i) => i.fields.HoivaId === place.id)!;
    double.lists.writeItem(siteId, listDefinitionOf('place').displayName,
      recordToFields('place', freed, mapResolver({ careHome: homes.map((i) => [String(i.fields.HoivaId), i.id]) })), item.id);

    assert.deepEqual(await store.records.commit({ at, writes: [{ kind: 'place', record: freed, expectedVersion: 1 }], outbox: [] }), { applied: true });
    assert.deepEqual(await store.records.get('place', place.id), freed);
  });
});
