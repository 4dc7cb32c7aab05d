import assert from 'node:assert/strict';
import type { Place } from '../../src/domain/records/place.js';
import { ConcurrencyConflict, type Store } from '../../src/store/store-port.js';

/**
 * The storage port's contract: every adapter (SQLite now, SharePoint in issue 4) runs this same suite.
 */
export function recordStoreContract(name: string, open: () => Promise<{ store: Store; dispose(): Promise<void> }>): void {
  describe(`storage port contract: ${name}`, () => {
    let store: Store;
    let dispose: () => Promise<void>;
    beforeEach(async () => {
      ({ store, dispose } = await open());
    });
    afterEach(async () => {
      await dispose();
    });

    const at = '2026-11-23T08:00:00.000Z';
    const homeId = '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
    const home = {
      id: homeId,
      version: 1,
      createdAt: at,
      createdBy: 'test',
      updatedAt: at,
      name: 'Koivukoti',
      region: 'etela-suomi' as const,
      city: 'Espoo',
      serviceTypes: ['tehostettu' as const],
      customerGroups: ['ikaantyneet' as const],
    };
    // A place points at its care home: in SharePoint that is a lookup, which needs the home's item to exist.
    const homeFirst = () => store.records.commit({ at, writes: [{ kind: 'careHome', record: home, expectedVersion: null }], outbox: [] });
    const place: Place = {
      id: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      version: 1,
      createdAt: at,
      createdBy: 'test',
      updatedAt: at,
      careHomeId: homeId,
      label: 'A12',
      serviceType: 'tehostettu',
      customerGroup: 'ikaantyneet',
      status: 'vapautuu',
      freeFrom: '2026-12-01',
      statusChangedBy: { id: 'u1', name: 'Kaisa' },
      statusChangedAt: at,
    };

    it('stores a record and reads it back field for field, arrays and objects included', async () => {
      await store.records.commit({ at, writes: [{ kind: 'careHome', record: home, expectedVersion: null }, { kind: 'place', record: place, expectedVersion: null }], outbox: [] });
      assert.deepEqual(await store.records.get('careHome', homeId), home);
      assert.deepEqual(await store.records.get('place', place.id), place);
      assert.equal(await store.records.get('place', '00000000-0000-4000-8000-000000000000'), undefined);
    });

    it('filters by equality on a field', async () => {
      const other = { ...place, id: '7a1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b', label: 'B1', status: 'kaytossa' as const };
      await store.records.commit({ at,
        writes: [
          { kind: 'careHome', record: home, expectedVersion: null },
          { kind: 'place', record: place, expectedVersion: null },
          { kind: 'place', record: other, expectedVersion: null },
        ],
        outbox: [],
      });
      assert.deepEqual((await store.records.list('place', { status: 'kaytossa' })).map((p) => p.label), ['B1']);
      assert.equal((await store.records.list('place', { careHomeId: homeId })).length, 2);
    });

    it('applies an update of the current version and refuses a stale one', async () => {
      await homeFirst();
      await store.records.commit({ at, writes: [{ kind: 'place', record: place, expectedVersion: null }], outbox: [] });
      const v2 = { ...place, version: 2, status: 'vapaa' as const };
      await store.records.commit({ at, writes: [{ kind: 'place', record: v2, expectedVersion: 1 }], outbox: [] });
      const stale = { ...place, version: 2, note: 'late edit' };
      await assert.rejects(store.records.commit({ at, writes: [{ kind: 'place', record: stale, expectedVersion: 1 }], outbox: [] }), ConcurrencyConflict);
      assert.deepEqual(await store.records.get('place', place.id), v2, 'the stale update changed nothing');
    });

    it('refuses to create a record whose id exists', async () => {
      await homeFirst();
      await store.records.commit({ at, writes: [{ kind: 'place', record: place, expectedVersion: null }], outbox: [] });
      await assert.rejects(store.records.commit({ at, writes: [{ kind: 'place', record: place, expectedVersion: null }], outbox: [] }), ConcurrencyConflict);
    });

    it('writes nothing when any part of a change set fails: records and outbox together', async () => {
      const bad = { ...place, id: '8b1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b', version: 5 };
      await assert.rejects(
        store.records.commit({ at,
          writes: [
            { kind: 'careHome', record: home, expectedVersion: null },
            { kind: 'place', record: bad, expectedVersion: 4 },
          ],
          outbox: [{ eventId: 'e1', eventType: 'place.freed', audience: 'sales', mode: 'post', recipient: '', variant: 'full', payload: { x: 1 } }],
        }),
        ConcurrencyConflict,
      );
      assert.equal(await store.records.get('careHome', homeId), undefined);
      assert.deepEqual(await store.outbox.list(), []);
    });

    it('refuses a record that breaks its schema before writing anything', async () => {
      const invalid = { ...place, serviceType: 'kotihoito' } as unknown as Place;
      await assert.rejects(store.records.commit({ at, writes: [{ kind: 'place', record: invalid, expectedVersion: null }], outbox: [] }));
      assert.equal(await store.records.get('place', place.id), undefined);
    });

    it('returns the first result to a repeated request and changes nothing', async () => {
      await homeFirst();
      const first = await store.records.commit({ at,
        idempotencyKey: 'req-1',
        writes: [{ kind: 'place', record: place, expectedVersion: null }],
        outbox: [{ eventId: 'e1', eventType: 'place.freed', audience: 'sales', mode: 'post', recipient: '', variant: 'full', payload: {} }],
        result: { label: 'A12' },
      });
      assert.deepEqual(first, { applied: true });
      const again = await store.records.commit({ at,
        idempotencyKey: 'req-1',
        writes: [{ kind: 'place', record: { ...place, id: '9c1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b' }, expectedVersion: null }],
        outbox: [{ eventId: 'e2', eventType: 'place.freed', audience: 'sales', mode: 'post', recipient: '', variant: 'full', payload: {} }],
      });
      assert.deepEqual(again, { applied: false, duplicateOf: { label: 'A12' } });
      assert.equal((await store.records.list('place')).length, 1);
      assert.equal((await store.outbox.list()).length, 1);
    });

    it('leases due outbox rows once, and hands an expired lease out again', async () => {
      await store.records.commit({ at, writes: [], outbox: [{ eventId: 'e1', eventType: 'place.freed', audience: 'sales', mode: 'post', recipient: '', variant: 'full', payload: { n: 1 } }] });
      const now = new Date(Date.now() + 1000).toISOString();
      const lease = new Date(Date.now() + 60_000).toISOString();
      const [claimed] = await store.outbox.claimDue(now, lease, 10);
      assert.deepEqual(claimed?.payload, { n: 1 });
      assert.equal(claimed?.attempts, 1);
      assert.deepEqual(await store.outbox.claimDue(now, lease, 10), [], 'a leased row is not handed out twice');
      const afterLease = new Date(Date.now() + 61_000).toISOString();
      assert.equal((await store.outbox.claimDue(afterLease, new Date(Date.now() + 120_000).toISOString(), 10)).length, 1);
      await store.outbox.markSent(claimed!.id, { conversationId: 'c', activityId: 'a', at: afterLease });
      assert.deepEqual(await store.outbox.claimDue(new Date(Date.now() + 999_000).toISOString(), lease, 10), []);
      assert.equal((await store.outbox.list({ status: 'sent' }))[0]?.activityId, 'a');
    });

    it('keeps conversation references and channel bindings', async () => {
      await store.conversations.saveConversation({ key: 'user:u1', reference: { conversation: { id: 'a:1' } }, updatedAt: at });
      assert.deepEqual((await store.conversations.getConversation('user:u1'))?.reference, { conversation: { id: 'a:1' } });
      const binding = { audience: 'sales' as const, teamId: 't', channelId: 'c1', channelName: 'Myynti', reference: { a: 1 }, boundBy: 'u1', boundAt: at };
      await store.conversations.bindChannel(binding);
      await store.conversations.bindChannel({ ...binding, channelId: 'c2' });
      assert.equal((await store.conversations.getBinding('sales'))?.channelId, 'c2', 'rebinding replaces');
      assert.equal(await store.conversations.getBinding('management'), undefined);
    });
  });
}
