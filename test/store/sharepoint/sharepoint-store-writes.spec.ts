import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { stableIdFor } from '../../../src/domain/stable-id.js';
import type { Logger } from '../../../src/logger.js';
import type { RecordKind, RecordOf } from '../../../src/store/record-kinds.js';
import { recordToFields } from '../../../src/store/sharepoint/field-mapping.js';
import { listDefinitionOf } from '../../../src/store/sharepoint/list-schema.js';
import { openSharePointStore, type SharePointStore } from '../../../src/store/sharepoint/sharepoint-store.js';
import { ConcurrencyConflict, type ChangeSet, type OutboxDraft, type OutsideEditInterpreter } from '../../../src/store/store-port.js';
import type { DoubleItem } from '../../support/graph-double/sharepoint-lists.js';
import { mapResolver } from './map-resolver.js';
import { startProvisioningBed, type ProvisioningBed } from './provisioning-bed.js';

/**
 * The STORE=sharepoint write path (docs/sharepoint-store.md, "A commit against lists that have no
 * transactions"): openSharePointStore's commit through the real Graph client and msal, over HTTPS to the
 * Graph double, on a freshly provisioned site per test. People's edits are written straight into the double
 * (writeItem: the list view, no eTag check), as a home director editing the list would.
 */
describe('STORE=sharepoint writes: conflicts, duplicate creates, undo, throttling, journal, request counts', function () {
  this.timeout(20_000);
  let bed: ProvisioningBed;
  let siteId: string;
  let dir: string;
  let file: string;
  let store: SharePointStore | undefined;
  const logs: { level: 'info' | 'warn' | 'error'; message: string; fields?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    info: (message, fields) => logs.push({ level: 'info', message, fields }),
    warn: (message, fields) => logs.push({ level: 'warn', message, fields }),
    error: (message, fields) => logs.push({ level: 'error', message, fields }),
  };

  before(async () => {
    bed = await startProvisioningBed();
  });
  after(async () => {
    await bed.stop();
  });
  beforeEach(async () => {
    ({ siteId } = await bed.provisionedSite());
    dir = mkdtempSync(join(tmpdir(), 'hoivacrm-sp-writes-'));
    file = join(dir, 'mirror.sqlite');
    store = await open();
    double().clearFaults();
    double().clearLog();
    logs.length = 0;
  });
  afterEach(async () => {
    double().lists.duplicateAnswer = { status: 409, code: 'nameAlreadyExists' };
    double().clearFaults();
    await store?.close();
    store = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const double = () => bed.bed.double;
  const open = () => openSharePointStore({ file, graph: bed.graph, siteId, logger });
  const reopen = async () => {
    await store?.close();
    store = await open();
    return store;
  };
  const s = () => store!;

  // --- records -------------------------------------------------------------------------------------
  const at = '2026-11-23T08:00:00.000Z';
  const meta = (name: string) => ({ id: stableIdFor(`writes:${name}`), version: 1, createdAt: at, createdBy: 'test', updatedAt: at });
  const home: RecordOf<'careHome'> = {
    ...meta('home'),
    name: 'Koivukoti',
    region: 'etela-suomi',
    city: 'Espoo',
    serviceTypes: ['ymparivuorokautinen'],
    customerGroups: ['ikaantyneet'],
  };
  const place: RecordOf<'place'> = {
    ...meta('place-a'),
    careHomeId: home.id,
    label: 'A12',
    serviceType: 'ymparivuorokautinen',
    customerGroup: 'ikaantyneet',
    status: 'kaytossa',
  };
  const freed = (p: RecordOf<'place'>, version: number): RecordOf<'place'> => ({
    ...p,
    version,
    status: 'vapaa',
    freeFrom: '2026-12-01',
    statusChangedBy: { id: 'u-kaisa', name: 'Kaisa' },
    statusChangedAt: '2026-11-23T09:00:00.000Z',
    updatedAt: '2026-11-23T09:00:00.000Z',
  });
  const customer: RecordOf<'customer'> = {
    ...meta('customer'),
    name: 'Espoon kaupunki',
    kind: 'kunta',
    region: 'etela-suomi',
    segment: 'ostopalvelu',
    lifecyclePhase: 'hankinta',
  };
  const draft = (name: string): OutboxDraft => ({
    eventId: stableIdFor(`writes-event:${name}`),
    eventType: 'place.freed',
    mode: 'post',
    audience: 'sales',
    recipient: '',
    variant: 'full',
    recordKey: `place:${place.id}`,
    payload: { name },
  });
  const create = (kind: RecordKind, record: RecordOf<RecordKind>) => ({ kind, record, expectedVersion: null });
  const homeAndPlace = () => s().records.commit({ at, writes: [create('careHome', home), create('place', place)], outbox: [] });

  // --- the lists as SharePoint holds them ----------------------------------------------------------
  const listName = (kind: RecordKind) => listDefinitionOf(kind).displayName;
  const items = (kind: RecordKind) => double().lists.items(siteId, listName(kind));
  const itemsHolding = (kind: RecordKind, id: string) => items(kind).filter((i) => i.fields.HoivaId === id);
  const itemOf = (kind: RecordKind, id: string): DoubleItem => {
    const [item, ...more] = itemsHolding(kind, id);
    assert.ok(item, `the ${kind} list holds ${id}`);
    assert.equal(more.length, 0, `only one ${kind} item holds ${id}`);
    return item;
  };
  /** A person's edit in the list view. */
  const editInSharePoint = (kind: RecordKind, id: string, fields: Record<string, unknown>) => double().lists.writeItem(siteId, listName(kind), fields, itemOf(kind, id).id);
  /** The fields HoivaCRM itself would write for `record` (lookups resolved against the double's items). */
  const fieldsOf = (kind: RecordKind, record: RecordOf<RecordKind>) =>
    recordToFields(kind, record, mapResolver({ careHome: items('careHome').map((i) => [String(i.fields.HoivaId), i.id]) }));
  const inBatch = (method: string) => double().log.filter((r) => r.kind === 'in-batch' && r.method === method);

  // --- the SQLite file -----------------------------------------------------------------------------
  const withFile = <T>(use: (db: Database.Database) => T): T => {
    const db = new Database(file);
    try {
      return use(db);
    } finally {
      db.close();
    }
  };
  const journalRows = () => withFile((db) => (db.prepare('SELECT count(*) AS n FROM sharepoint_journal').get() as { n: number }).n);
  /** What a run that stopped between the Graph writes and the SQLite transaction leaves behind. */
  const journal = (changes: ChangeSet) =>
    withFile((db) => db.prepare('INSERT INTO sharepoint_journal (change_set, created_at) VALUES (?, ?)').run(JSON.stringify(changes), changes.at));

  const passThrough: OutsideEditInterpreter = async (edit) => ({ record: edit.after, outbox: [] });
  const conflictOn = (kind: RecordKind, id: string, expectedVersion: number | null) => (error: unknown) => {
    assert.ok(error instanceof ConcurrencyConflict, `a ConcurrencyConflict, not ${String(error)}`);
    assert.deepEqual([error.kind, error.id, error.expectedVersion], [kind, id, expectedVersion]);
    return true;
  };

  describe('an item edited in SharePoint meanwhile', () => {
    it('refuses the update (If-Match → 412) without touching the mirror or the outbox; after a delta read the retry succeeds', async () => {
      await homeAndPlace();
      editInSharePoint('place', place.id, { Note: 'Soitettu omaiselle' });

      await assert.rejects(
        s().records.commit({ at, writes: [{ kind: 'place', record: freed(place, 2), expectedVersion: 1 }], outbox: [draft('first try')] }),
        conflictOn('place', place.id, 1),
      );
      assert.deepEqual(await s().records.get('place', place.id), place, 'the mirror still holds version 1');
      assert.deepEqual(await s().outbox.list(), [], 'no card is queued for a refused change');
      assert.equal(itemOf('place', place.id).fields.Status, 'kaytossa', 'the list kept the person’s version');
      assert.equal(itemOf('place', place.id).fields.Note, 'Soitettu omaiselle');
      assert.equal(journalRows(), 0);

      await s().deltaSync({ interpret: passThrough }).syncNow();
      const current = (await s().records.get('place', place.id))!;
      assert.equal(current.note, 'Soitettu omaiselle', 'the mirror shows the person’s edit');
      assert.equal(current.version, 2);

      const retry = { ...freed(current, 3) };
      assert.deepEqual(await s().records.commit({ at, writes: [{ kind: 'place', record: retry, expectedVersion: 2 }], outbox: [draft('retry')] }), { applied: true });
      assert.deepEqual(await s().records.get('place', place.id), retry);
      const item = itemOf('place', place.id);
      assert.equal(item.fields.Status, 'vapaa');
      assert.equal(item.fields.HoivaVersion, 3);
      assert.equal(item.fields.Note, 'Soitettu omaiselle', 'the retry kept the person’s note');
      assert.deepEqual((await s().outbox.list()).map((o) => o.eventId), [draft('retry').eventId]);
    });
  });

  describe('a create retried after its first POST landed', () => {
    // The double answers an injected 503 instead of the route, never after applying it, so "the SDK sent
    // the POST twice and the first one landed" is set up by putting the item into the list beforehand.
    it('is accepted once: the 409 of the unique HoivaId is read back, one item holds the record, and it can be updated', async () => {
      double().lists.writeItem(siteId, listName('careHome'), fieldsOf('careHome', home));

      assert.deepEqual(await s().records.commit({ at, writes: [create('careHome', home)], outbox: [draft('home created')] }), { applied: true });
      assert.deepEqual(
        inBatch('POST').map((r) => r.status),
        [409],
        'the create was answered 409 (duplicate HoivaId), not stored twice',
      );
      assert.equal(itemsHolding('careHome', home.id).length, 1);
      assert.deepEqual(await s().records.get('careHome', home.id), home);
      assert.equal((await s().outbox.list()).length, 1);

      // The eTag read back with the item is the current one: the next update goes through.
      const renamed = { ...home, version: 2, name: 'Koivukoti II' };
      await s().records.commit({ at, writes: [{ kind: 'careHome', record: renamed, expectedVersion: 1 }], outbox: [] });
      assert.equal(itemOf('careHome', home.id).fields.Name, 'Koivukoti II');
    });

    // Graph documents no status for a unique column's existing value: settle by reading back, whatever it is.
    for (const status of [400, 500]) {
      it(`is accepted once when the duplicate is answered ${status} with SharePoint's 0x810200bf text, and a taken id is still a conflict`, async () => {
        double().lists.duplicateAnswer = {
          status,
          code: status === 400 ? 'invalidRequest' : 'generalException',
          message: 'The list item could not be added or updated because duplicate values were found in one or more fields in the list. (0x810200bf)',
        };
        double().lists.writeItem(siteId, listName('careHome'), fieldsOf('careHome', home));
        assert.deepEqual(await s().records.commit({ at, writes: [create('careHome', home)], outbox: [draft('home created')] }), { applied: true });
        assert.deepEqual(inBatch('POST').map((r) => r.status), [status]);
        assert.equal(itemsHolding('careHome', home.id).length, 1);
        assert.deepEqual(await s().records.get('careHome', home.id), home);

        const other = { ...home, ...meta('home-taken') };
        double().lists.writeItem(siteId, listName('careHome'), fieldsOf('careHome', { ...other, version: 4 }));
        await assert.rejects(s().records.commit({ at, writes: [create('careHome', other)], outbox: [] }), conflictOn('careHome', other.id, null));
      });
    }

    it('is a ConcurrencyConflict when the item holding that HoivaId has another version, and that item is left alone', async () => {
      const theirs = { ...home, version: 2, name: 'Toinen koti' };
      double().lists.writeItem(siteId, listName('careHome'), fieldsOf('careHome', theirs));

      await assert.rejects(s().records.commit({ at, writes: [create('careHome', home)], outbox: [draft('home created')] }), conflictOn('careHome', home.id, null));
      assert.equal(await s().records.get('careHome', home.id), undefined);
      assert.deepEqual(await s().outbox.list(), []);
      const item = itemOf('careHome', home.id);
      assert.equal(item.fields.Name, 'Toinen koti');
      assert.equal(item.fields.HoivaVersion, 2);
    });
  });

  describe('a change set of several writes refused in a later round', () => {
    it('deletes the customer created in the first round again: nothing in the lists, the mirror or the outbox', async () => {
      await homeAndPlace();
      editInSharePoint('place', place.id, { Note: 'Soitettu omaiselle' });

      await assert.rejects(
        s().records.commit({
          at,
          writes: [create('customer', customer), { kind: 'place', record: freed(place, 2), expectedVersion: 1 }],
          outbox: [draft('freed')],
        }),
        conflictOn('place', place.id, 1),
      );
      assert.deepEqual(items('customer'), [], 'the customer created in round one was deleted again');
      assert.deepEqual(
        inBatch('DELETE').map((r) => r.status),
        [204],
      );
      assert.equal(await s().records.get('customer', customer.id), undefined);
      assert.deepEqual(await s().records.get('place', place.id), place);
      assert.deepEqual(await s().outbox.list(), []);
      assert.equal(journalRows(), 0);
      assert.equal(itemOf('place', place.id).fields.Note, 'Soitettu omaiselle', 'the person’s edit is not overwritten');
    });

    it('writes an update of an earlier round back, and the record can be updated again at once', async () => {
      await homeAndPlace();
      // Another item already holds the id of the place to be created, with another version: round 3 fails.
      const other = { ...place, ...meta('place-b'), label: 'B7' };
      double().lists.writeItem(siteId, listName('place'), fieldsOf('place', { ...other, version: 5 }));

      await assert.rejects(
        s().records.commit({
          at,
          writes: [{ kind: 'place', record: freed(place, 2), expectedVersion: 1 }, create('place', other)],
          outbox: [draft('freed')],
        }),
        conflictOn('place', other.id, null),
      );
      const item = itemOf('place', place.id);
      assert.equal(item.fields.Status, 'kaytossa', 'the update of round two was written back');
      assert.equal(item.fields.HoivaVersion, 1);
      assert.equal(item.fields.FreeFrom ?? null, null);
      assert.deepEqual(await s().records.get('place', place.id), place);
      assert.deepEqual(await s().outbox.list(), []);

      // Nobody else touched the place: a user retrying the status change must not get a conflict.
      assert.deepEqual(await s().records.commit({ at, writes: [{ kind: 'place', record: freed(place, 2), expectedVersion: 1 }], outbox: [] }), { applied: true });
      assert.equal(itemOf('place', place.id).fields.Status, 'vapaa');
    });
  });

  describe('throttling inside a $batch', () => {
    // JSON batching: each inner request is throttled on its own; the $batch answers 200 with an inner 429 +
    // Retry-After, which the Graph SDK does not retry (learn.microsoft.com/graph/json-batching, "Throttling").
    it('sends the throttled create again after Retry-After and commits once', async () => {
      double().failNext(1, { status: 429, retryAfterSeconds: 1, where: 'inside', method: 'POST' });

      assert.deepEqual(await s().records.commit({ at, writes: [create('careHome', home)], outbox: [draft('home')] }), { applied: true });
      assert.deepEqual(
        inBatch('POST').map((r) => [r.status, !!r.injected]),
        [
          [429, true],
          [201, false],
        ],
      );
      assert.equal(double().log.filter((r) => r.kind === 'batch').length, 2, 'the throttled request went out in a second $batch');
      assert.equal(itemsHolding('careHome', home.id).length, 1);
      assert.deepEqual(await s().records.get('careHome', home.id), home);
      assert.equal((await s().outbox.list()).length, 1);
    });
  });

  describe('the commit journal, finished at the next open', () => {
    it('writes a journaled create a stopped run never sent: list, mirror and outbox rows, journal emptied', async () => {
      await s().close();
      store = undefined;
      journal({ at, writes: [create('careHome', home)], outbox: [draft('journaled')], idempotencyKey: 'journaled-create' });

      await reopen();
      itemOf('careHome', home.id);
      assert.deepEqual(await s().records.get('careHome', home.id), home);
      assert.deepEqual((await s().outbox.list()).map((o) => o.eventId), [draft('journaled').eventId]);
      assert.equal(journalRows(), 0);
      assert.ok(logs.some((l) => l.level === 'info' && /finished a change set journaled/.test(l.message)));
      // The idempotency key was stored with it: the client's retry of the same request changes nothing.
      assert.equal((await s().records.commit({ at, idempotencyKey: 'journaled-create', writes: [create('careHome', home)], outbox: [] })).applied, false);
    });

    it('does not write a journaled create twice when it had already landed in SharePoint', async () => {
      await s().close();
      store = undefined;
      double().lists.writeItem(siteId, listName('careHome'), fieldsOf('careHome', home));
      journal({ at, writes: [create('careHome', home)], outbox: [draft('journaled')] });
      double().clearLog();

      await reopen();
      assert.equal(itemsHolding('careHome', home.id).length, 1);
      assert.deepEqual(inBatch('POST'), [], 'no second create was sent');
      assert.deepEqual(await s().records.get('careHome', home.id), home);
      assert.equal((await s().outbox.list()).length, 1);
      assert.equal(journalRows(), 0);
    });

    it('drops a journaled update someone overtook in SharePoint, logs it, and queues nothing', async () => {
      await s().records.commit({ at, writes: [create('careHome', home)], outbox: [] });
      await s().close();
      store = undefined;
      editInSharePoint('careHome', home.id, { City: 'Kauniainen' });
      journal({ at, writes: [{ kind: 'careHome', record: { ...home, version: 2, name: 'Koivukoti II' }, expectedVersion: 1 }], outbox: [draft('journaled update')] });

      await reopen();
      assert.equal(journalRows(), 0);
      assert.deepEqual(await s().outbox.list(), []);
      assert.deepEqual(await s().records.get('careHome', home.id), home);
      const item = itemOf('careHome', home.id);
      assert.deepEqual([item.fields.Name, item.fields.City], ['Koivukoti', 'Kauniainen'], 'the person’s edit stays, nothing of the dropped update');
      assert.ok(logs.some((l) => l.level === 'error' && /dropped a journaled change set/.test(l.message)));
    });

    it('a journaled update that landed and was then edited in SharePoint before the restart: the person’s edit reaches the mirror', async () => {
      await s().records.commit({ at, writes: [create('careHome', home)], outbox: [] });
      await s().deltaSync({ interpret: passThrough }).syncNow();
      await s().close();
      store = undefined;
      // The stopped run's PATCH landed …
      const renamed = { ...home, version: 2, name: 'Koivukoti II' };
      editInSharePoint('careHome', home.id, fieldsOf('careHome', renamed));
      journal({ at, writes: [{ kind: 'careHome', record: renamed, expectedVersion: 1 }], outbox: [] });
      // … and while HoivaCRM was down, a home director changed the city in the list view.
      editInSharePoint('careHome', home.id, { City: 'Kauniainen' });

      await reopen();
      await s().deltaSync({ interpret: passThrough }).syncNow();
      const mirrored = (await s().records.get('careHome', home.id))!;
      assert.equal(mirrored.name, 'Koivukoti II');
      assert.equal(mirrored.city, 'Kauniainen', 'the mirror shows what the list holds');
    });
  });

  describe('Graph request counts', () => {
    const graphRequests = () => double().log.filter((r) => r.kind === 'graph' || r.kind === 'batch');

    it('a create (with a lookup too) and an update are one $batch each; get, list and a repeated request cost none', async () => {
      await s().records.commit({ at, writes: [create('careHome', home)], outbox: [] });
      assert.deepEqual(
        graphRequests().map((r) => [r.kind, r.method, r.size]),
        [['batch', 'POST', 1]],
      );

      double().clearLog();
      await s().records.commit({ at, idempotencyKey: 'place-a', writes: [create('place', place)], outbox: [draft('new place')] });
      assert.deepEqual(
        graphRequests().map((r) => [r.kind, r.size]),
        [['batch', 1]],
        'the care home lookup came from the item index',
      );

      double().clearLog();
      await s().records.commit({ at, writes: [{ kind: 'place', record: freed(place, 2), expectedVersion: 1 }], outbox: [] });
      assert.deepEqual(
        graphRequests().map((r) => [r.kind, r.size]),
        [['batch', 1]],
      );

      double().clearLog();
      assert.equal((await s().records.get('place', place.id))?.status, 'vapaa');
      assert.equal((await s().records.list('place', { careHomeId: home.id })).length, 1);
      assert.equal((await s().records.list('careHome')).length, 1);
      assert.equal((await s().records.commit({ at, idempotencyKey: 'place-a', writes: [create('place', place)], outbox: [] })).applied, false);
      assert.deepEqual(
        double().log.filter((r) => r.kind !== 'token' && r.kind !== 'openid'),
        [],
        'reads come from the mirror and a repeated request from SQLite',
      );
    });
  });
});
