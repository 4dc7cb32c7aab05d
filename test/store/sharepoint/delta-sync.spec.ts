import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stableIdFor } from '../../../src/domain/stable-id.js';
import type { RecordKind, RecordOf } from '../../../src/store/record-kinds.js';
import type { DeltaReport, DeltaSync } from '../../../src/store/sharepoint/delta-sync.js';
import { recordToFields } from '../../../src/store/sharepoint/field-mapping.js';
import { listDefinitionOf } from '../../../src/store/sharepoint/list-schema.js';
import { openSharePointStore, type SharePointStore } from '../../../src/store/sharepoint/sharepoint-store.js';
import type { OutboxDraft, OutsideEdit, OutsideEditInterpreter } from '../../../src/store/store-port.js';
import type { DoubleItem } from '../../support/graph-double/sharepoint-lists.js';
import { mapResolver } from './map-resolver.js';
import { startProvisioningBed, type ProvisioningBed } from './provisioning-bed.js';

/**
 * The list delta reader (src/store/sharepoint/delta-sync.ts): people's edits made directly in the lists
 * reach the mirror and, through the app's interpreter, the outbox — each once. The interpreter here records
 * the edits it is given and queues one outbox row per edit, so a test sees exactly what the app would be
 * asked to announce. Edits are written straight into the Graph double (writeItem / deleteItemInUi: the list
 * view); the feed is read over HTTPS through the real Graph client.
 */
describe('SharePoint list delta feed → mirror and outsideEdit interpreter', function () {
  this.timeout(20_000);
  let bed: ProvisioningBed;
  let siteId: string;
  let dir: string;
  let store: SharePointStore;
  let delta: DeltaSync;
  let edits: OutsideEdit[];

  const recordingInterpreter: OutsideEditInterpreter = async (edit) => {
    edits.push(edit as OutsideEdit);
    const draft: OutboxDraft = {
      eventId: stableIdFor(`delta-spec:${edit.editKey}`),
      eventType: `${edit.kind}.edited-in-sharepoint`,
      mode: 'post',
      audience: 'sales',
      recipient: '',
      variant: 'full',
      recordKey: `${edit.kind}:${edit.after.id}`,
      payload: { id: edit.after.id, version: edit.after.version },
    };
    return { record: edit.after, outbox: [draft] };
  };

  before(async () => {
    bed = await startProvisioningBed();
  });
  after(async () => {
    await bed.stop();
  });
  beforeEach(async () => {
    ({ siteId } = await bed.provisionedSite());
    dir = mkdtempSync(join(tmpdir(), 'hoivacrm-sp-delta-'));
    store = await openSharePointStore({ file: join(dir, 'mirror.sqlite'), graph: bed.graph, siteId });
    delta = store.deltaSync({ interpret: recordingInterpreter });
    edits = [];
    double().clearFaults();
    double().clearLog();
  });
  afterEach(async () => {
    double().lists.deltaRepeats = false;
    double().clearFaults();
    await delta.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const double = () => bed.bed.double;
  const sync = async (): Promise<DeltaReport[]> => delta.syncNow();
  const reportOf = (reports: DeltaReport[], kind: RecordKind) => {
    const found = reports.filter((r) => r.kind === kind);
    assert.equal(found.length, 1, `one report for ${kind}`);
    return found[0]!;
  };

  // --- records and list items ----------------------------------------------------------------------
  const at = '2026-11-23T08:00:00.000Z';
  const meta = (name: string) => ({ id: stableIdFor(`delta:${name}`), version: 1, createdAt: at, createdBy: 'test', updatedAt: at });
  const home: RecordOf<'careHome'> = {
    ...meta('home'),
    name: 'Koivukoti',
    region: 'etela-suomi',
    city: 'Espoo',
    serviceTypes: ['ymparivuorokautinen'],
    customerGroups: ['ikaantyneet'],
  };
  const otherHome: RecordOf<'careHome'> = { ...home, ...meta('home-2'), name: 'Mäntykoti', city: 'Vantaa' };
  const place: RecordOf<'place'> = {
    ...meta('place'),
    careHomeId: home.id,
    label: 'A12',
    serviceType: 'ymparivuorokautinen',
    customerGroup: 'ikaantyneet',
    status: 'kaytossa',
  };
  /** What a person fills in when adding a care home in the list view: no HoivaCRM meta columns. */
  const homeTypedInUi = {
    Title: 'Vehkakoti',
    Name: 'Vehkakoti',
    Region: 'lounais-suomi',
    City: 'Raisio',
    ServiceTypes: '["yhteisollinen"]',
    CustomerGroups: '["mielenterveys"]',
  };
  const commitNew = (...records: [RecordKind, RecordOf<RecordKind>][]) =>
    store.records.commit({ at, writes: records.map(([kind, record]) => ({ kind, record, expectedVersion: null })), outbox: [] });

  const listName = (kind: RecordKind) => listDefinitionOf(kind).displayName;
  const items = (kind: RecordKind) => double().lists.items(siteId, listName(kind));
  const itemOf = (kind: RecordKind, id: string): DoubleItem => {
    const holding = items(kind).filter((i) => i.fields.HoivaId === id);
    assert.equal(holding.length, 1, `one ${kind} item holds ${id}`);
    return holding[0]!;
  };
  const itemById = (kind: RecordKind, itemId: string) => items(kind).find((i) => i.id === itemId)!;
  const editInUi = (kind: RecordKind, id: string, fields: Record<string, unknown>) => double().lists.writeItem(siteId, listName(kind), fields, itemOf(kind, id).id);
  const createInUi = (kind: RecordKind, fields: Record<string, unknown>) => double().lists.writeItem(siteId, listName(kind), fields);
  const outboxIds = async () => (await store.outbox.list()).map((o) => o.eventId);

  it('adopts the items already in the list on the first read, without asking the interpreter', async () => {
    // One typed in the list view, one HoivaCRM wrote before this mirror file existed (HoivaId and version 3).
    const typed = createInUi('careHome', homeTypedInUi);
    createInUi('careHome', recordToFields('careHome', { ...otherHome, version: 3 }, mapResolver({})));

    const report = reportOf(await sync(), 'careHome');
    assert.equal(edits.length, 0, 'a site’s history is not announced');
    assert.deepEqual(await store.outbox.list(), []);
    assert.equal(report.changed, 2);
    assert.equal(report.notifications, 0);

    assert.deepEqual({ ...(await store.records.get('careHome', otherHome.id)), updatedAt: otherHome.updatedAt }, { ...otherHome, version: 3 }, 'kept its id and version');
    const adopted = itemById('careHome', typed.id);
    assert.match(String(adopted.fields.HoivaId), /^[0-9a-f-]{36}$/, 'the typed item got a record id written back');
    const record = await store.records.get('careHome', String(adopted.fields.HoivaId));
    assert.equal(record?.name, 'Vehkakoti');
    assert.equal(record?.version, 1);
    assert.equal(adopted.fields.HoivaVersion, 1);

    const again = reportOf(await sync(), 'careHome');
    assert.deepEqual([again.changed, edits.length], [0, 0], 'our own write-back is not taken for an edit');
  });

  it('an item created in the list view: the interpreter is asked once, HoivaId and HoivaVersion are written back', async () => {
    await sync();
    const typed = createInUi('careHome', homeTypedInUi);
    // The double hands out its live item, which the write-back changes: keep when the person saved it.
    const savedAt = typed.lastModifiedDateTime;

    const report = reportOf(await sync(), 'careHome');
    assert.equal(edits.length, 1);
    const [edit] = edits as [OutsideEdit<'careHome'>];
    assert.equal(edit.kind, 'careHome');
    assert.equal(edit.before, undefined);
    assert.deepEqual([edit.after.name, edit.after.city, edit.after.version], ['Vehkakoti', 'Raisio', 1]);
    assert.ok(edit.editor.id && edit.editor.name, 'the editor is named');
    assert.equal(edit.at, new Date(savedAt).toISOString(), 'the edit is dated by SharePoint');
    assert.equal(report.notifications, 1);

    const item = itemById('careHome', typed.id);
    assert.equal(item.fields.HoivaId, edit.after.id);
    assert.equal(item.fields.HoivaVersion, 1);
    assert.deepEqual(await store.records.get('careHome', edit.after.id), edit.after);
    assert.equal((await store.outbox.list()).length, 1);

    await sync();
    assert.equal(edits.length, 1, 'reading the feed again (our write-back echoing) asks nothing');
    assert.equal((await store.outbox.list()).length, 1);
  });

  it('an edit of a record HoivaCRM wrote: before and after are given, the version moves on by one', async () => {
    await commitNew(['careHome', home]);
    await sync();
    assert.equal(edits.length, 0, 'our own create echoing back is no edit');

    editInUi('careHome', home.id, { City: 'Kauniainen' });
    await sync();
    assert.equal(edits.length, 1);
    const [edit] = edits as [OutsideEdit<'careHome'>];
    assert.deepEqual(edit.before, home);
    assert.equal(edit.after.city, 'Kauniainen');
    assert.equal(edit.after.version, home.version + 1);
    assert.equal(edit.after.id, home.id);

    assert.deepEqual(await store.records.get('careHome', home.id), edit.after);
    // Nothing is written back after a plain edit: the column keeps the version HoivaCRM last wrote.
    assert.equal(itemOf('careHome', home.id).fields.HoivaVersion, 1);
    assert.equal((await outboxIds()).length, 1);
  });

  it('an edit in the list view is in the audit trail with its editor and the values before and after', async () => {
    await commitNew(['careHome', home]);
    await sync();
    editInUi('careHome', home.id, { City: 'Kauniainen' });
    await sync();
    const [edit] = edits as [OutsideEdit<'careHome'>];
    const [entry, created] = await store.audit.list({ kind: 'careHome', recordId: home.id });
    assert.deepEqual(entry?.by, edit.editor, 'the person who edited the list');
    assert.notEqual(entry?.by.name, 'HoivaCRM');
    assert.equal(entry?.action, 'update');
    assert.deepEqual(entry?.changes, [{ field: 'city', from: 'Espoo', to: 'Kauniainen' }]);
    assert.equal(created?.action, 'create', 'HoivaCRM\'s own create is there once, not again when it echoes back');
    assert.equal((await store.audit.list({ kind: 'careHome' })).length, 2);
  });

  it('a change of Title only asks nothing and keeps the version, and the next update from HoivaCRM does not conflict', async () => {
    await commitNew(['careHome', home]);
    await sync();
    editInUi('careHome', home.id, { Title: 'Koivukoti (vanha nimi)' });

    await sync();
    assert.equal(edits.length, 0);
    assert.deepEqual(await store.records.get('careHome', home.id), home);
    assert.equal(itemOf('careHome', home.id).fields.HoivaVersion, 1);

    const renamed = { ...home, version: 2, name: 'Koivukoti II' };
    assert.deepEqual(await store.records.commit({ at, writes: [{ kind: 'careHome', record: renamed, expectedVersion: 1 }], outbox: [] }), { applied: true });
  });

  it('an item shown twice in one feed (older state first) is interpreted once, with its newest state', async () => {
    await commitNew(['careHome', home]);
    await sync();
    editInUi('careHome', home.id, { City: 'Vantaa' });
    editInUi('careHome', home.id, { City: 'Kauniainen' });
    double().lists.deltaRepeats = true;

    await sync();
    assert.equal(edits.length, 1);
    assert.equal((edits[0] as OutsideEdit<'careHome'>).after.city, 'Kauniainen');
    assert.equal((await store.records.get('careHome', home.id))?.city, 'Kauniainen');
    assert.equal((await store.records.get('careHome', home.id))?.version, 2);
  });

  it('an item deleted in the list view leaves the mirror, without asking the interpreter', async () => {
    await commitNew(['careHome', home], ['careHome', otherHome]);
    await sync();
    double().lists.deleteItemInUi(siteId, listName('careHome'), itemOf('careHome', home.id).id);

    const report = reportOf(await sync(), 'careHome');
    assert.equal(report.removed, 1);
    assert.equal(edits.length, 0);
    assert.equal(await store.records.get('careHome', home.id), undefined);
    assert.deepEqual(await store.records.get('careHome', otherHome.id), otherHome, 'the other home stays');
    assert.deepEqual(await store.outbox.list(), []);
  });

  it('an invalid edit is skipped and named, the mirror keeps the record, and the person’s correction is taken in later', async () => {
    await commitNew(['careHome', home], ['place', place]);
    await sync();
    const placeItem = itemOf('place', place.id);
    const homeItem = itemOf('careHome', home.id);
    editInUi('place', place.id, { Status: 'rikki' }); // not one of the choices
    editInUi('careHome', home.id, { City: null }); // a required column emptied

    const reports = await sync();
    const skipped = [...reportOf(reports, 'place').skipped, ...reportOf(reports, 'careHome').skipped];
    assert.equal(skipped.length, 2);
    assert.ok(
      skipped.some((s) => s.includes(`item ${placeItem.id}`) && /Status/.test(s)),
      `the place item and its Status column are named: ${skipped.join(' | ')}`,
    );
    assert.ok(
      skipped.some((s) => s.includes(`item ${homeItem.id}`) && /City/.test(s)),
      `the care home item and its City column are named: ${skipped.join(' | ')}`,
    );
    assert.equal(edits.length, 0, 'an invalid edit is never announced');
    assert.deepEqual(await store.records.get('place', place.id), place);
    assert.deepEqual(await store.records.get('careHome', home.id), home);
    assert.deepEqual(await store.outbox.list(), []);

    // The feed moves on: the same invalid state is not reported on every poll.
    const again = await sync();
    assert.deepEqual([...reportOf(again, 'place').skipped, ...reportOf(again, 'careHome').skipped], []);

    // The person fixes the value: that edit is taken in like any other.
    editInUi('place', place.id, { Status: 'vapaa' });
    await sync();
    assert.equal(edits.length, 1);
    const [edit] = edits as [OutsideEdit<'place'>];
    assert.deepEqual(edit.before, place);
    assert.equal(edit.after.status, 'vapaa');
    assert.equal((await store.records.get('place', place.id))?.status, 'vapaa');
  });

  describe('410 Gone: the delta token expired', () => {
    it('reads the list again from the Location link; an edit and a new item made before the expiry come exactly once', async () => {
      await commitNew(['careHome', home], ['careHome', otherHome]);
      await sync();
      editInUi('careHome', home.id, { City: 'Kauniainen' });
      const typed = createInUi('careHome', homeTypedInUi);
      double().lists.expireDeltaTokens(siteId, listName('careHome'));

      const report = reportOf(await sync(), 'careHome');
      assert.equal(report.restarted, true);
      assert.equal(report.complete, true);
      assert.ok(
        double().log.some((r) => r.kind === 'in-batch' && r.status === 410),
        'the feed really answered 410',
      );
      assert.deepEqual(
        edits.map((e) => [e.before?.id, e.after.id === home.id ? 'home' : (e.after as RecordOf<'careHome'>).name]).sort(),
        [
          [home.id, 'home'],
          [undefined, 'Vehkakoti'],
        ].sort(),
        'the edit and the new item, nothing about the untouched home',
      );
      assert.equal((await store.records.get('careHome', home.id))?.city, 'Kauniainen');
      assert.equal(itemById('careHome', typed.id).fields.HoivaVersion, 1);

      await sync();
      assert.equal(edits.length, 2, 'nothing is delivered twice');
      assert.equal((await store.outbox.list()).length, 2);
    });

    it('an item deleted before the expiry leaves the mirror too (the fresh enumeration does not show it)', async () => {
      // listitem-delta, 410 resyncChangesApplyDifferences: "Replace any local items with the server's
      // version (including deletes)"; a fresh enumeration returns only the items that exist.
      await commitNew(['careHome', home], ['careHome', otherHome]);
      await sync();
      double().lists.deleteItemInUi(siteId, listName('careHome'), itemOf('careHome', home.id).id);
      double().lists.expireDeltaTokens(siteId, listName('careHome'));

      const report = reportOf(await sync(), 'careHome');
      assert.equal(report.restarted, true);
      assert.equal(await store.records.get('careHome', home.id), undefined, 'the deleted home is gone from the mirror');
      assert.deepEqual(await store.records.get('careHome', otherHome.id), otherHome);
      assert.equal(edits.length, 0);
    });
  });

  it('a throttled delta page (429 inside the $batch, Retry-After: 1) is read again and the edit is delivered', async () => {
    await commitNew(['careHome', home]);
    await sync();
    editInUi('careHome', home.id, { City: 'Kauniainen' });
    const deltaPath = `/lists/${store.lists.listId('careHome')}/items/delta`;
    // The polls read every list's first page in one $batch: SharePoint throttles each inner request on its own.
    double().failNext(1, { status: 429, retryAfterSeconds: 1, where: 'inside', method: 'GET', path: deltaPath });
    double().clearLog();

    const report = reportOf(await sync(), 'careHome');
    assert.equal(report.complete, true);
    const deltaReads = double().log.filter((r) => r.kind === 'in-batch' && r.path.includes(deltaPath));
    assert.deepEqual(
      deltaReads.map((r) => r.status),
      [429, 200],
    );
    assert.equal(edits.length, 1);
    assert.equal((await store.records.get('careHome', home.id))?.city, 'Kauniainen');
  });
});
