import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { contactSchema } from '../../../src/domain/records/contact.js';
import { customerSchema } from '../../../src/domain/records/customer.js';
import { placeSchema } from '../../../src/domain/records/place.js';
import { stableIdFor } from '../../../src/domain/stable-id.js';
import type { RecordKind } from '../../../src/store/record-kinds.js';
import { recordToFields } from '../../../src/store/sharepoint/field-mapping.js';
import { listDefinitionFor, listDefinitionOf, listDefinitions, type ListDefinition } from '../../../src/store/sharepoint/list-schema.js';
import { provision } from '../../../src/store/sharepoint/provision.js';
import { openSharePointStore } from '../../../src/store/sharepoint/sharepoint-store.js';
import type { GraphColumn } from './zod-oracle.js';
import { mapResolver } from './map-resolver.js';
import { startProvisioningBed, type ProvisioningBed } from './provisioning-bed.js';

/**
 * A SharePoint site provisioned before issue 11 (the 2012 choices: tehostettu / palveluasuminen, the
 * municipality's roles, customers without a purchaser kind), its items holding the old values, carried over:
 * provisioning PATCHes the choice columns' definitions and adds the purchaser-kind column, and the store reads
 * every item with the values of 2026 and writes them back once.
 */
describe('SharePoint lists of 2012 carried over to the customers and services of 2026 (issue 11)', function () {
  this.timeout(30_000);
  let p: ProvisioningBed;
  let dir: string;
  before(async () => {
    p = await startProvisioningBed();
    dir = mkdtempSync(join(tmpdir(), 'hoivacrm-sp-2026-'));
  });
  after(async () => {
    await p.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const oldServiceTypes = ['tehostettu', 'palveluasuminen', 'lyhytaikainen'] as const;
  const oldRoles = ['sote-johtaja', 'vanhustyon-paallikko', 'sosiaalityontekija', 'muu'] as const;
  /** The lists as the provisioning of 2025 made them. */
  const oldDefinitions: ListDefinition[] = listDefinitions.map((d) => {
    switch (d.kind) {
      case 'customer':
        return listDefinitionFor('customer', customerSchema.omit({ kind: true }));
      case 'place':
        return listDefinitionFor('place', placeSchema.extend({ serviceType: z.enum(oldServiceTypes) }));
      case 'contact':
        return listDefinitionFor('contact', contactSchema.extend({ role: z.enum(oldRoles) }));
      default:
        return d;
    }
  });
  const oldDefinitionOf = (kind: RecordKind) => oldDefinitions.find((d) => d.kind === kind)!;

  const at = '2026-11-01T08:00:00.000Z';
  const meta = (name: string) => ({ id: stableIdFor(`sp-2026:${name}`), version: 1, createdAt: at, createdBy: 'test', updatedAt: at });
  const espoo = { ...meta('espoo'), name: 'Espoon kaupunki', region: 'etela-suomi', segment: 'ostopalvelu', lifecyclePhase: 'pysyvyys' };
  const county = { ...meta('county'), name: 'Pirkanmaan hyvinvointialue', region: 'sisa-suomi', segment: 'palveluseteli', lifecyclePhase: 'kasvu' };
  const home = { ...meta('home'), name: 'Koivukoti', region: 'etela-suomi', city: 'Espoo', serviceTypes: ['tehostettu', 'palveluasuminen'], customerGroups: ['ikaantyneet'] };
  const place = { ...meta('a1'), careHomeId: home.id, label: 'A1', serviceType: 'tehostettu', customerGroup: 'ikaantyneet', status: 'vapaa', freeFrom: '2026-12-01' };
  const shortTerm = { ...meta('l1'), careHomeId: home.id, label: 'L1', serviceType: 'lyhytaikainen', customerGroup: 'ikaantyneet', status: 'kaytossa' };
  const sari = { ...meta('sari'), customerId: espoo.id, name: 'Sari Salminen', role: 'sote-johtaja', title: 'Sosiaali- ja terveysjohtaja' };
  const timo = { ...meta('timo'), customerId: espoo.id, name: 'Timo Toivonen', role: 'vanhustyon-paallikko' };
  const agreement = { ...meta('sopimus'), customerId: espoo.id, kind: 'ostopalvelu', title: 'Puitesopimus', serviceTypes: ['tehostettu'], startDate: '2025-01-01', paymentCommitment: true };
  const plan = { ...meta('plan'), customerId: espoo.id, year: 2026, goal: 'Kasvu', plannedEncounters: [{ month: 3, kind: 'kehityskokous', withRole: 'sote-johtaja' }] };

  it('PATCHes the choice columns, adds the purchaser kind, and the store reads every item with the new values', async () => {
    const { siteId } = p.newSite();
    await provision({ graph: p.graph, siteId, restUnavailable: 'not in this test', definitions: oldDefinitions });

    // Items as the store of 2025 wrote them, through the old column definitions.
    const name = (kind: RecordKind) => listDefinitionOf(kind).displayName;
    const write = (kind: RecordKind, record: Record<string, unknown>, refs = mapResolver({})) =>
      p.bed.double.lists.writeItem(siteId, name(kind), recordToFields(kind, record as never, refs, { definition: oldDefinitionOf(kind) }));
    const espooItem = write('customer', espoo);
    write('customer', county);
    const homeItem = write('careHome', home);
    const refs = mapResolver({ customer: [[espoo.id, espooItem.id]], careHome: [[home.id, homeItem.id]] });
    write('place', place, refs);
    write('place', shortTerm, refs);
    write('contact', sari, refs);
    write('contact', timo, refs);
    write('agreement', agreement, refs);
    write('customerPlan', plan, refs);
    assert.equal(p.bed.double.lists.items(siteId, name('place'))[0]!.fields.ServiceType, 'tehostettu');

    p.bed.double.clearLog();
    const result = await provision({ graph: p.graph, siteId, restUnavailable: 'not in this test' });
    assert.deepEqual(result.plan.conflicts, []);
    assert.deepEqual(result.plan.requests.map((r) => r.summary).sort(), [
      'add the column Kind (choice) to "HoivaCRM Asiakkaat"',
      'update the column Role of "HoivaCRM Yhteyshenkilöt": choice',
      'update the column ServiceType of "HoivaCRM Paikat": choice',
    ]);
    // The real Graph shapes: PATCH /sites/{site}/lists/{list}/columns/{column} with the choice facet.
    const patches = p.writes().filter((w) => w.method === 'PATCH');
    assert.equal(patches.length, 2);
    for (const patch of patches) assert.match(patch.path, new RegExp(`^/sites/${siteId.replace(/[.]/g, '\\.')}/lists/[^/]+/columns/[^/]+$`));
    const bodies = patches.map((w) => w.body as { choice: { choices: string[]; allowTextEntry: boolean; displayAs: string } });
    assert.deepEqual(
      bodies.map((b) => b.choice.choices).sort(),
      [
        ['palvelujohtaja', 'vanhuspalvelujen-johtaja', 'sosiaalityontekija', 'valvontaviranhaltija', 'muu'],
        ['ymparivuorokautinen', 'yhteisollinen', 'lyhytaikainen'],
      ].sort(),
    );
    for (const b of bodies) assert.deepEqual([Object.keys(b), b.choice.allowTextEntry, b.choice.displayAs], [['choice'], false, 'dropDownMenu']);
    const lists = await p.graph.collect<{ id: string; displayName: string }>(`/sites/${siteId}/lists`);
    const columnsOf = async (kind: RecordKind) =>
      p.graph.collect<GraphColumn>(`/sites/${siteId}/lists/${lists.find((l) => l.displayName === name(kind))!.id}/columns`);
    assert.deepEqual(((await columnsOf('place')).find((c) => c.name === 'ServiceType')!.choice as { choices: string[] }).choices, ['ymparivuorokautinen', 'yhteisollinen', 'lyhytaikainen']);

    const store = await openSharePointStore({ file: join(dir, 'mirror.sqlite'), graph: p.graph, siteId });
    const delta = store.deltaSync({ interpret: async (edit) => ({ record: edit.after, outbox: [] }) });
    try {
      await delta.syncNow();
      const customers = await store.records.list('customer');
      assert.deepEqual(Object.fromEntries(customers.map((c) => [c.name, c.kind])), { 'Espoon kaupunki': 'kunta', 'Pirkanmaan hyvinvointialue': 'hyvinvointialue' });
      const places = await store.records.list('place');
      assert.deepEqual(Object.fromEntries(places.map((x) => [x.label, x.serviceType])), { A1: 'ymparivuorokautinen', L1: 'lyhytaikainen' });
      assert.deepEqual((await store.records.get('careHome', home.id))?.serviceTypes, ['ymparivuorokautinen', 'yhteisollinen']);
      assert.deepEqual(Object.fromEntries((await store.records.list('contact')).map((c) => [c.name, c.role])), { 'Sari Salminen': 'palvelujohtaja', 'Timo Toivonen': 'vanhuspalvelujen-johtaja' });
      assert.deepEqual((await store.records.get('agreement', agreement.id))?.serviceTypes, ['ymparivuorokautinen']);
      assert.equal((await store.records.get('customerPlan', plan.id))?.plannedEncounters[0]?.withRole, 'palvelujohtaja');
      assert.equal((await store.records.get('place', place.id))?.reservedForCustomerId, undefined);

      // The items now hold the new values: written back once, so the list view and its filters show them.
      const fieldsOf = (kind: RecordKind) => p.bed.double.lists.items(siteId, name(kind)).map((i) => i.fields);
      assert.deepEqual(fieldsOf('place').map((f) => f.ServiceType).sort(), ['lyhytaikainen', 'ymparivuorokautinen']);
      assert.deepEqual(fieldsOf('customer').map((f) => f.Kind).sort(), ['hyvinvointialue', 'kunta']);
      assert.deepEqual(fieldsOf('contact').map((f) => f.Role).sort(), ['palvelujohtaja', 'vanhuspalvelujen-johtaja']);
      assert.deepEqual(fieldsOf('careHome').map((f) => JSON.parse(String(f.ServiceTypes))), [['ymparivuorokautinen', 'yhteisollinen']]);
      assert.deepEqual(fieldsOf('agreement').map((f) => JSON.parse(String(f.ServiceTypes))), [['ymparivuorokautinen']]);
      assert.equal(JSON.parse(String(fieldsOf('customerPlan')[0]!.PlannedEncounters))[0].withRole, 'palvelujohtaja');

      // A second read finds nothing to repair: no item is written twice.
      p.bed.double.clearLog();
      await delta.syncNow();
      assert.deepEqual(p.writes().filter((w) => w.kind !== 'batch'), [], 'a $batch of GETs is a read');
    } finally {
      await delta.stop();
      await store.close();
    }
  });
});
