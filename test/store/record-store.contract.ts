import assert from 'node:assert/strict';
import type { Place } from '../../src/domain/records/place.js';
import { bindingAudit } from '../../src/store/audit.js';
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
      serviceTypes: ['ymparivuorokautinen' as const],
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
      serviceType: 'ymparivuorokautinen',
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
    describe('audit trail', () => {
      const kaisa = { id: 'u-kaisa', name: 'Kaisa Kotijohtaja' };
      const customer = {
        id: '1d2e3f4a-5b6c-4d7e-8f90-a1b2c3d4e5f6',
        version: 1,
        createdAt: at,
        createdBy: 'test',
        updatedAt: at,
        name: 'Espoon kaupunki',
        region: 'etela-suomi' as const,
        kind: 'kunta' as const,
        segment: 'ostopalvelu' as const,
        lifecyclePhase: 'kasvu' as const,
      };
      const later = (minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString();
      const reserved: Place = { ...place, version: 2, status: 'alustavasti-varattu', reservedForCustomerId: customer.id, reservedBy: kaisa, reservedAt: later(5), updatedAt: later(5) };

      async function reserveForCustomer(): Promise<void> {
        await store.records.commit({ at, writes: [{ kind: 'careHome', record: home, expectedVersion: null }, { kind: 'customer', record: customer, expectedVersion: null }, { kind: 'place', record: place, expectedVersion: null }], outbox: [] });
        await store.records.commit({ at: later(5), by: kaisa, writes: [{ kind: 'place', record: reserved, expectedVersion: 1 }], outbox: [] });
      }

      it('keeps who, when, what and the values before and after of every create, update and status change; the system when nobody is named', async () => {
        await reserveForCustomer();
        await store.records.commit({ at: later(9), by: kaisa, writes: [{ kind: 'place', record: { ...reserved, version: 3, note: 'Ikkunapaikka', updatedAt: later(9) }, expectedVersion: 2 }], outbox: [] });

        const ofPlace = await store.audit.list({ kind: 'place', recordId: place.id });
        assert.deepEqual(ofPlace.map((e) => [e.action, e.by.name, e.at]), [
          ['update', kaisa.name, later(9)],
          ['status', kaisa.name, later(5)],
          ['create', 'HoivaCRM', at],
        ]);
        const [note, status, create] = ofPlace;
        assert.deepEqual(note!.changes, [{ field: 'note', from: null, to: 'Ikkunapaikka' }]);
        assert.deepEqual(status!.status, { from: 'vapautuu', to: 'alustavasti-varattu' });
        assert.deepEqual(
          status!.changes.find((c) => c.field === 'reservedForCustomerId'),
          { field: 'reservedForCustomerId', from: null, to: customer.id },
        );
        assert.ok(!status!.changes.some((c) => c.field === 'version' || c.field === 'updatedAt'), 'meta fields are not changes');
        assert.deepEqual(create!.status, { from: null, to: 'vapautuu' });
        assert.ok(create!.changes.some((c) => c.field === 'label' && c.from === null && c.to === 'A12'));
        assert.deepEqual(create!.customerIds, [], 'a place not reserved belongs to no customer');
      });

      it('lists a customer\'s changes newest first, bounded, with the count of all of them', async () => {
        await reserveForCustomer();
        const page = await store.audit.forCustomer(customer.id, 1);
        assert.equal(page.total, 2, 'the customer\'s own create and the reservation of the place');
        assert.deepEqual(page.entries.map((e) => [e.kind, e.action]), [['place', 'status']]);
        const all = await store.audit.forCustomer(customer.id, 20);
        assert.deepEqual(all.entries.map((e) => [e.kind, e.action, e.recordId]), [
          ['place', 'status', place.id],
          ['customer', 'create', customer.id],
        ]);
        assert.deepEqual(all.entries[0]!.customerIds, [customer.id]);
        assert.deepEqual(await store.audit.forCustomer('00000000-0000-4000-8000-000000000000', 20), { entries: [], total: 0 });
      });

      it('writes no entry for a change set that fails, nor for a repeated request', async () => {
        await homeFirst();
        const before = (await store.audit.list()).length;
        await assert.rejects(
          store.records.commit({ at, by: kaisa, writes: [{ kind: 'place', record: place, expectedVersion: null }, { kind: 'place', record: { ...place, version: 5 }, expectedVersion: 4 }], outbox: [] }),
        );
        assert.equal((await store.audit.list()).length, before, 'nothing half-written');
        const once = { at, by: kaisa, idempotencyKey: 'audit-once', writes: [{ kind: 'place' as const, record: place, expectedVersion: null }], outbox: [], result: 1 };
        await store.records.commit(once);
        await store.records.commit(once);
        assert.equal((await store.audit.list({ kind: 'place' })).length, 1);
      });

      it('keeps channel binding changes appended by the use case: who, when, from which channel to which', async () => {
        const myynti = { teamId: 't1', channelId: 'c1', channelName: 'Myynti' };
        const other = { teamId: 't2', channelId: 'c9', channelName: 'Sales' };
        await store.audit.append(bindingAudit('sales', undefined, myynti, kaisa, at));
        await store.audit.append(bindingAudit('sales', myynti, other, kaisa, later(1)));
        const entries = await store.audit.list({ kind: 'channelBinding' });
        assert.deepEqual(entries.map((e) => [e.recordId, e.action, e.at, e.by.id]), [
          ['sales', 'binding', later(1), kaisa.id],
          ['sales', 'binding', at, kaisa.id],
        ]);
        assert.deepEqual(entries[0]!.changes, [{ field: 'channel', from: myynti, to: other }]);
        assert.deepEqual(entries[1]!.changes, [{ field: 'channel', from: null, to: myynti }]);
        assert.deepEqual(await store.audit.list({ kind: 'place' }), []);
      });
    });
  });
}
