import assert from 'node:assert/strict';
import { GraphRequestError } from '../../../src/graph/graph-errors.js';
import { SharePointRestError } from '../../../src/store/sharepoint/sharepoint-rest.js';
import { startProvisioningBed, type ProvisioningBed } from './provisioning-bed.js';

/**
 * The Graph double's list and column provisioning and its SharePoint REST views: the SharePoint rules it holds
 * provisioning to, so a green provisioning test means the requests obey them.
 */
describe('Graph double: lists, columns and views as SharePoint creates them (issue 4)', () => {
  let p: ProvisioningBed;
  let siteId: string;
  let rest: ReturnType<ProvisioningBed['newSite']>['rest'];
  let listId: string;

  before(async () => {
    p = await startProvisioningBed();
    ({ siteId, rest } = p.newSite());
    listId = (await p.graph.post<{ id: string }>(`/sites/${siteId}/lists`, { displayName: 'Koe', list: { template: 'genericList' }, columns: [{ name: 'Key', text: {}, indexed: true, enforceUniqueValues: true }] })).id;
  });
  after(async () => {
    await p.stop();
  });

  const refused = (status: number, pattern: RegExp) => (error: unknown) => error instanceof GraphRequestError && error.status === status && pattern.test(error.message);
  const addColumn = (definition: Record<string, unknown>) => p.graph.post<{ id: string }>(`/sites/${siteId}/lists/${listId}/columns`, definition);

  it('creates a list with its columns and shows them, Title and SharePoint\'s read-only columns included', async () => {
    const columns = await p.graph.collect<{ name: string; readOnly?: boolean; indexed?: boolean }>(`/sites/${siteId}/lists/${listId}/columns`);
    assert.equal(columns[0]!.name, 'Title');
    assert.ok(columns.some((c) => c.name === 'Created' && c.readOnly));
    assert.deepEqual(columns.filter((c) => c.name === 'Key').map((c) => c.indexed), [true]);
    await assert.rejects(p.graph.post(`/sites/${siteId}/lists`, { displayName: 'koe' }), refused(409, /nameAlreadyExists/));
  });

  it('holds columns to SharePoint\'s rules', async () => {
    await assert.rejects(addColumn({ name: 'A', text: {}, enforceUniqueValues: true }), refused(400, /must be indexed to enforce unique values/));
    await assert.rejects(addColumn({ name: 'B', text: { allowMultipleLines: true }, indexed: true }), refused(400, /multiple lines of text, which cannot be indexed/));
    await assert.rejects(addColumn({ name: 'C', text: { maxLength: 300 } }), refused(400, /1 to 255 characters/));
    await assert.rejects(addColumn({ name: 'D', choice: { choices: ['x'], displayAs: 'checkBoxes' } }), refused(400, /checkBoxes/));
    await assert.rejects(addColumn({ name: 'E', lookup: { listId: 'nope', columnName: 'Title' } }), refused(400, /names list 'nope'/));
    await assert.rejects(addColumn({ name: 'F', text: {}, number: {} }), refused(400, /exactly one type/));
    await assert.rejects(addColumn({ name: 'key', text: {} }), refused(400, /duplicate field name/));
    await assert.rejects(addColumn({ name: 'Has space', text: {} }), refused(400, /Invalid column name/));
  });

  it('updates a column in place but never its type, and answers 403 to a site where the app may only write', async () => {
    const column = await addColumn({ name: 'Status', choice: { choices: ['a'] } });
    const patched = await p.graph.patch<{ indexed: boolean; choice: { choices: string[] } }>(`/sites/${siteId}/lists/${listId}/columns/${column.id}`, { indexed: true, choice: { choices: ['a', 'b'] } });
    assert.deepEqual([patched.indexed, patched.choice.choices], [true, ['a', 'b']]);
    await assert.rejects(p.graph.patch(`/sites/${siteId}/lists/${listId}/columns/${column.id}`, { number: {} }), refused(400, /type cannot be changed/));
    p.provisioning.roles.set(siteId, 'write');
    await assert.rejects(addColumn({ name: 'G', boolean: {} }), refused(403, /accessDenied/));
    p.provisioning.roles.delete(siteId);
  });

  it('writes a lookup as <Column>LookupId and refuses other unknown fields', async () => {
    const target = await p.graph.post<{ id: string }>(`/sites/${siteId}/lists`, { displayName: 'Kohde' });
    await addColumn({ name: 'Target', lookup: { listId: target.id, columnName: 'Title' } });
    const item = await p.graph.post<{ fields: Record<string, unknown> }>(`/sites/${siteId}/lists/${listId}/items`, { fields: { Key: 'k1', TargetLookupId: '1' } });
    assert.equal(item.fields.TargetLookupId, '1');
    await assert.rejects(p.graph.post(`/sites/${siteId}/lists/${listId}/items`, { fields: { Key: 'k2', KeyLookupId: '1' } }), refused(400, /Field 'KeyLookupId' is not recognized/));
  });

  it('creates views through SharePoint REST only on existing columns, in well-formed CAML', async () => {
    const add = (parameters: Record<string, unknown>) =>
      rest.post(`_api/web/lists/GetByTitle('Koe')/views/add`, { parameters: { __metadata: { type: 'SP.ViewCreationInformation' }, ViewFields: { results: ['LinkTitle'] }, ...parameters } });
    await add({ Title: 'Hyvä', Query: '<Where><Eq><FieldRef Name="Key" /><Value Type="Text">k</Value></Eq></Where>' });
    const refusedRest = (pattern: RegExp) => (error: unknown) => error instanceof SharePointRestError && error.status === 400 && pattern.test(error.message);
    await assert.rejects(add({ Title: 'Huono', Query: '<Where><Eq><FieldRef Name="Nope" /></Eq></Where>' }), refusedRest(/Column 'Nope' does not exist/));
    await assert.rejects(add({ Title: 'Rikki', Query: '<Where><Eq><FieldRef Name="Key" /></Where>' }), refusedRest(/not valid CAML: <\/Where> closes <Eq>/));
    const views = await rest.get<{ d: { results: { Title: string }[] } }>(`_api/web/lists/GetByTitle('Koe')/views`);
    assert.deepEqual(views.d.results.map((v) => v.Title), ['Kaikki kohteet', 'Hyvä']);
  });
});
