import assert from 'node:assert/strict';
import { z } from 'zod';
import { complaintSchema, complaintStatuses } from '../../../src/domain/records/complaint.js';
import { placeSchema } from '../../../src/domain/records/place.js';
import { recordKinds, type RecordKind } from '../../../src/store/record-kinds.js';
import { fieldsToRecord, recordToFields } from '../../../src/store/sharepoint/field-mapping.js';
import { listDefinitionFor, listDefinitions, type ListDefinition, type LookupTarget } from '../../../src/store/sharepoint/list-schema.js';
import { listViews } from '../../../src/store/sharepoint/list-views.js';
import { listIdPlaceholder, type ExistingList } from '../../../src/store/sharepoint/provision-plan.js';
import { provision, ProvisionError } from '../../../src/store/sharepoint/provision.js';
import { sharePointRestUnavailable, type SharePointRestClient } from '../../../src/store/sharepoint/sharepoint-rest.js';
import { mapResolver } from './map-resolver.js';
import { startProvisioningBed, type ProvisioningBed } from './provisioning-bed.js';
import { fullRecords, ids, minimalRecords } from './sample-records.js';
import { assertColumnsMatchZod, type GraphColumn } from './zod-oracle.js';

/**
 * `npm run provision` against the Graph double over HTTPS, through the real Graph client and the real
 * SharePoint REST client (msal tokens): what it creates, that a second run writes nothing, what a dry run
 * prints, how a schema change reaches the lists, and how a missing grant is named.
 */
describe('SharePoint provisioning (issue 4)', () => {
  let p: ProvisioningBed;
  let site: { siteId: string; siteUrl: string; rest: SharePointRestClient };
  const lines: string[] = [];
  const out = (line: string) => lines.push(line);

  before(async () => {
    p = await startProvisioningBed();
    site = p.newSite();
  });
  after(async () => {
    await p.stop();
  });
  beforeEach(() => {
    p.bed.double.clearLog();
    lines.length = 0;
  });

  const listsOf = (siteId: string) => p.graph.collect<ExistingList>(`/sites/${siteId}/lists`);
  const idsOf = async (siteId: string) => {
    const lists = await listsOf(siteId);
    return (kind: RecordKind) => lists.find((l) => l.displayName === listDefinitions.find((d) => d.kind === kind)!.displayName)!.id;
  };
  const withReplaced = (...replacements: ListDefinition[]) => listDefinitions.map((d) => replacements.find((r) => r.kind === d.kind) ?? d);

  it('creates on an empty site one list per record kind, whose columns hold exactly the zod fields, and the four views', async () => {
    const result = await provision({ graph: p.graph, siteId: site.siteId, rest: site.rest, out });

    assert.equal(result.written, recordKinds.length + listViews.length);
    assert.equal(p.writes().length, recordKinds.length + listViews.length);
    const listIdOf = await idsOf(site.siteId);
    for (const { kind } of listDefinitions) {
      const columns = await p.graph.collect<GraphColumn>(`/sites/${site.siteId}/lists/${listIdOf(kind)}/columns`);
      assertColumnsMatchZod(kind, columns, (target: LookupTarget) => listIdOf(target));
    }
    for (const view of listViews) {
      const list = listDefinitions.find((d) => d.kind === view.kind)!;
      const answer = await site.rest.get<{ d: { results: { Title: string; ViewQuery: string }[] } }>(`_api/web/lists/GetByTitle('${encodeURIComponent(list.displayName)}')/views`);
      assert.equal(answer.d.results.find((v) => v.Title === view.title)?.ViewQuery, view.query, view.title);
    }
    assert.ok(lines.some((l) => l === '✓ create the list "HoivaCRM Paikat" with 22 columns'));
    assert.ok(lines.some((l) => l === '✓ create the view "Vapaat paikat" of "HoivaCRM Paikat" (SharePoint REST)'));
  });

  it('changes nothing the second time: it only reads, and writes zero requests', async () => {
    const result = await provision({ graph: p.graph, siteId: site.siteId, rest: site.rest, out });

    assert.equal(result.written, 0);
    assert.deepEqual(result.plan.requests, []);
    assert.deepEqual(p.writes(), []);
    assert.ok(p.bed.double.log.some((r) => r.kind === 'sharepoint-rest' && r.method === 'GET'), 'it did read the views');
    assert.ok(lines.includes('The site matches the schemas: nothing to do.'));
  });

  it('dry run prints every request (method, URL, JSON body) and writes nothing; a real run then sends exactly those', async () => {
    const fresh = p.newSite();
    const dry = await provision({ graph: p.graph, siteId: fresh.siteId, rest: fresh.rest, dryRun: true, out });

    assert.deepEqual(p.writes(), []);
    assert.equal(dry.written, 0);
    assert.deepEqual(await listsOf(fresh.siteId), []);
    const printed = lines.join('\n');
    assert.equal(printed.split(`POST ${p.bed.double.graphBaseUrl}/sites/${fresh.siteId}/lists\n`).length - 1, recordKinds.length);
    assert.equal(printed.split(`/views/add\n    Accept: application/json;odata=verbose`).length - 1, listViews.length);
    assert.match(printed, new RegExp(`POST ${fresh.siteUrl}/_api/web/lists/GetByTitle\\('HoivaCRM%20Paikat'\\)/views/add`));
    assert.match(printed, /"name": "HoivaId",\n\s+"displayName": "HoivaCRM-tunnus",\n\s+"required": false,\n\s+"indexed": true,\n\s+"enforceUniqueValues": true/);
    assert.ok(printed.includes(`"listId": "${listIdPlaceholder('HoivaCRM Palvelutalot')}"`), 'a lookup to a list created in the same run names it');
    assert.match(printed, /Dry run: 17 request\(s\) would be sent; nothing is written\./);
    assert.ok(lines.includes(`  GET /sites/${fresh.siteId}/lists`), 'the reads are listed too');

    p.bed.double.clearLog();
    await provision({ graph: p.graph, siteId: fresh.siteId, rest: fresh.rest });
    const sent = p.writes();
    const listIdOf = await idsOf(fresh.siteId);
    const resolve = (text: string) =>
      listDefinitions.reduce((t, d) => t.split(listIdPlaceholder(d.displayName)).join(listIdOf(d.kind)), text);
    assert.equal(sent.length, dry.plan.requests.length);
    dry.plan.requests.forEach((planned, i) => {
      assert.equal(sent[i]!.method, planned.method);
      assert.equal(sent[i]!.path, resolve(planned.api === 'graph' ? planned.path : `${new URL(fresh.siteUrl).pathname}/${planned.path}`));
      assert.deepEqual(sent[i]!.body, JSON.parse(resolve(JSON.stringify(planned.body))));
    });
  });

  it('adds a column added to a schema on the next run, and updates changed choices and indexes in place', async () => {
    const place = listDefinitionFor('place', placeSchema.extend({ floor: z.number().int().min(0).max(20).optional() }));
    const complaint = listDefinitionFor('complaint', complaintSchema.extend({ status: z.enum([...complaintStatuses, 'siirretty']) }));
    const contact = listDefinitionFor('contact', undefined, ['customerId', 'email']);
    const definitions = withReplaced(place, complaint, contact);

    const result = await provision({ graph: p.graph, siteId: site.siteId, rest: site.rest, definitions, out });

    assert.deepEqual(
      result.plan.requests.map((r) => r.summary),
      [
        'update the column Email of "HoivaCRM Yhteyshenkilöt": indexed',
        'add the column Floor (number) to "HoivaCRM Paikat"',
        'update the column Status of "HoivaCRM Reklamaatiot": choice',
      ],
    );
    assert.deepEqual(p.writes().map((w) => w.method), ['PATCH', 'POST', 'PATCH']);
    const listIdOf = await idsOf(site.siteId);
    const columns = async (kind: RecordKind) => p.graph.collect<GraphColumn>(`/sites/${site.siteId}/lists/${listIdOf(kind)}/columns`);
    const floor = (await columns('place')).find((c) => c.name === 'Floor')!;
    assert.deepEqual([floor.required, floor.number], [false, { decimalPlaces: 'none', displayAs: 'number', minimum: 0, maximum: 20 }]);
    assert.deepEqual(((await columns('complaint')).find((c) => c.name === 'Status')!.choice as { choices: string[] }).choices.at(-1), 'siirretty');
    assert.equal((await columns('contact')).find((c) => c.name === 'Email')!.indexed, true);

    p.bed.double.clearLog();
    const again = await provision({ graph: p.graph, siteId: site.siteId, rest: site.rest, definitions, out });
    assert.equal(again.written, 0);
    assert.deepEqual(p.writes(), []);
  });

  it('refuses a column whose type changed, naming the list and column, and writes nothing', async () => {
    const definitions = withReplaced(listDefinitionFor('place', placeSchema.extend({ label: z.number().int() })));
    await assert.rejects(provision({ graph: p.graph, siteId: site.siteId, rest: site.rest, definitions, out }), (error: unknown) => {
      assert.ok(error instanceof ProvisionError);
      assert.match(error.message, /Nothing was written/);
      assert.match(error.message, /"HoivaCRM Paikat": the column Label is text but the schema needs number; .*rename or delete it in SharePoint/);
      return true;
    });
    assert.deepEqual(p.writes(), []);
  });

  it('names the missing grant when the app has only the write role (403 on the first list)', async () => {
    const fresh = p.newSite();
    p.provisioning.roles.set(fresh.siteId, 'write');
    await assert.rejects(provision({ graph: p.graph, siteId: fresh.siteId, rest: fresh.rest, out }), (error: unknown) => {
      assert.ok(error instanceof ProvisionError);
      assert.match(error.message, /^create the list "HoivaCRM Asiakkaat" with 17 columns \(0 request\(s\) were sent before it; running again continues from here\): refused \(403 Forbidden\)/);
      assert.match(error.message, /provisioning needs Sites\.Selected with the manage or fullcontrol role on the site \(or an admin grant.*\); day-to-day running needs write/);
      return true;
    });
    assert.equal(p.writes().length, 1, 'it stops at the first refusal');
  });

  it('checks its own work: what SharePoint did not take is named, and the next run repairs it', async () => {
    const fresh = p.newSite();
    p.provisioning.dropIndexesOnListCreation = true;
    try {
      await assert.rejects(provision({ graph: p.graph, siteId: fresh.siteId, rest: fresh.rest, out }), (error: unknown) => {
        assert.ok(error instanceof ProvisionError);
        assert.match(error.message, /^SharePoint did not take every change; read back, the site still differs:\n  - update the column HoivaId of "HoivaCRM Asiakkaat": indexed, enforceUniqueValues\n/);
        assert.match(error.message, /  - update the column Status of "HoivaCRM Paikat": indexed\n/);
        return true;
      });
    } finally {
      p.provisioning.dropIndexesOnListCreation = false;
    }
    p.bed.double.clearLog();
    const repair = await provision({ graph: p.graph, siteId: fresh.siteId, rest: fresh.rest, out });
    assert.ok(repair.written > 0 && p.writes().every((w) => w.method === 'PATCH'), 'only column updates');
    assert.ok(lines.includes('Checked: read back, the site matches the schemas.'));
  });

  it('names a site id that does not exist', async () => {
    await assert.rejects(
      provision({ graph: p.graph, siteId: 'contoso.sharepoint.com,00000000-0000-4000-8000-000000000000,00000000-0000-4000-8000-000000000001', out }),
      /No site contoso\.sharepoint\.com,.* \(404\): SHAREPOINT_SITE_ID must be the Graph site id "hostname,siteCollectionId,webId"/,
    );
  });

  it('leaves the views out, saying why, when SharePoint REST is unavailable (a client secret instead of a certificate)', async () => {
    const fresh = p.newSite();
    const reason = sharePointRestUnavailable(p.bed.settings({ certificatePath: undefined, clientSecret: p.bed.clientSecret }), fresh.siteUrl);
    assert.match(reason!, /SharePoint REST accepts app-only tokens from a certificate only/);

    const result = await provision({ graph: p.graph, siteId: fresh.siteId, restUnavailable: reason, out });

    assert.equal(result.written, recordKinds.length);
    assert.ok(!p.bed.double.log.some((r) => r.kind === 'sharepoint-rest'));
    assert.ok(lines.some((l) => l.startsWith('Note: list views not provisioned (Vapaat paikat, ') && l.includes('from a certificate only')));
  });

  it('accepts every record kind written with recordToFields into the provisioned lists and reads it back unchanged', async () => {
    const listIdOf = await idsOf(site.siteId);
    const itemsPath = (kind: RecordKind) => `/sites/${site.siteId}/lists/${listIdOf(kind)}/items`;
    const refs0 = mapResolver({});
    const home = await p.graph.post<{ id: string }>(itemsPath('careHome'), { fields: recordToFields('careHome', fullRecords.careHome, refs0) });
    const customer = await p.graph.post<{ id: string }>(itemsPath('customer'), { fields: recordToFields('customer', fullRecords.customer, refs0) });
    const other = await p.graph.post<{ id: string }>(itemsPath('customer'), { fields: recordToFields('customer', { ...minimalRecords.customer, id: ids.otherCustomer }, refs0) });
    const refs = mapResolver({
      careHome: [[ids.careHome, home.id]],
      customer: [
        [ids.customer, customer.id],
        [ids.otherCustomer, other.id],
      ],
    });
    for (const kind of recordKinds) {
      for (const record of [fullRecords[kind], minimalRecords[kind]]) {
        if ([ids.careHome, ids.customer].includes(record.id)) continue;
        const created = await p.graph.post<{ id: string }>(itemsPath(kind), { fields: recordToFields(kind, record, refs) });
        const read = await p.graph.get<{ fields: Record<string, unknown> }>(`${itemsPath(kind)}/${created.id}`, { query: { expand: 'fields' } });
        assert.deepEqual(fieldsToRecord(kind, read.fields, refs), record, `${kind} ${record.id}`);
      }
    }
    // The unique key turns a create sent twice (a retried POST) into a 409, not a second item.
    await assert.rejects(p.graph.post(itemsPath('place'), { fields: recordToFields('place', fullRecords.place, refs) }), /409 Conflict .*HoivaId/);
  });
});
