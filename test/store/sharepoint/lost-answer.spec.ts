import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stableIdFor } from '../../../src/domain/stable-id.js';
import type { GraphClient } from '../../../src/graph/graph-client.js';
import type { RecordOf } from '../../../src/store/record-kinds.js';
import { openSharePointStore, type SharePointStore } from '../../../src/store/sharepoint/sharepoint-store.js';
import type { OutsideEdit } from '../../../src/store/store-port.js';
import { startProvisioningBed, type ProvisioningBed } from './provisioning-bed.js';

describe('SharePoint store: a $batch that SharePoint applied but whose answer never arrived (timeout / connection reset)', function () {
  this.timeout(20_000);
  let bed: ProvisioningBed;
  let dir: string;
  let store: SharePointStore | undefined;
  before(async () => { bed = await startProvisioningBed(); });
  after(async () => { await store?.close(); await bed.stop(); rmSync(dir, { recursive: true, force: true }); });

  it('is not later taken for a person’s edit: the mirror gets our record, the interpreter is not asked', async () => {
    const { siteId } = await bed.provisionedSite();
    dir = mkdtempSync(join(tmpdir(), 'review-lost-'));
    let loseNextAnswer = false;
    // The real client, except that one $batch is applied by the server and then "times out" on our side.
    const graph = new Proxy(bed.graph, {
      get(target, key, receiver) {
        if (key === 'batch') {
          return async (requests: never[]) => {
            const results = await target.batch(requests);
            if (loseNextAnswer) { loseNextAnswer = false; throw new Error('POST /$batch got no answer within 30000 ms'); }
            return results;
          };
        }
        const value = Reflect.get(target, key, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }) as GraphClient;
    store = await openSharePointStore({ file: join(dir, 'm.sqlite'), graph, siteId });
    const at = '2026-11-23T08:00:00.000Z';
    const meta = (n: string) => ({ id: stableIdFor(`review4:${n}`), version: 1, createdAt: at, createdBy: 'test', updatedAt: at });
    const home: RecordOf<'careHome'> = { ...meta('home'), name: 'Koivukoti', region: 'etela-suomi', city: 'Espoo', serviceTypes: ['ymparivuorokautinen'], customerGroups: ['ikaantyneet'] };
    const place: RecordOf<'place'> = { ...meta('place'), careHomeId: home.id, label: 'A1', serviceType: 'ymparivuorokautinen', customerGroup: 'ikaantyneet', status: 'kaytossa' };
    await store.records.commit({ at, writes: [{ kind: 'careHome', record: home, expectedVersion: null }, { kind: 'place', record: place, expectedVersion: null }], outbox: [] });
    const delta = store.deltaSync({ interpret: async (edit) => { asked.push(edit as unknown as OutsideEdit); return { record: edit.after, outbox: [] }; } });
    const asked: OutsideEdit[] = [];
    await delta.syncNow();

    const freed: RecordOf<'place'> = { ...place, version: 2, status: 'vapaa', freeFrom: '2026-12-01', statusChangedBy: { id: 'u-kaisa', name: 'Kaisa' }, statusChangedAt: at };
    loseNextAnswer = true;
    await store.records.commit({ at, writes: [{ kind: 'place', record: freed, expectedVersion: 1 }], outbox: [] }).catch(() => undefined);

    await delta.syncNow();
    assert.deepEqual(asked.map((e) => e.kind), [], 'HoivaCRM’s own write was taken for a person’s edit in the list');
    assert.deepEqual(await store.records.get('place', place.id), freed);
  });
});
