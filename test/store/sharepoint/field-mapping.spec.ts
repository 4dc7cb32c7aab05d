import assert from 'node:assert/strict';
import { recordKinds, storedSchemas, type RecordKind } from '../../../src/store/record-kinds.js';
import { fieldsToRecord, ListItemMappingError, recordToFields, titleOf } from '../../../src/store/sharepoint/field-mapping.js';
import { listDefinitionOf } from '../../../src/store/sharepoint/list-schema.js';
import { mapResolver } from './map-resolver.js';
import { demoSeedRecords, fullRecords, ids, minimalRecords } from './sample-records.js';

const refs = mapResolver({
  customer: [
    [ids.customer, '1'],
    [ids.otherCustomer, '2'],
  ],
  careHome: [[ids.careHome, '7']],
});

describe('SharePoint list item fields ↔ records (issue 4)', () => {
  for (const kind of recordKinds) {
    it(`${kind}: a record with every field and one with only the required ones come back field for field`, () => {
      for (const record of [fullRecords[kind], minimalRecords[kind]]) {
        assert.ok(storedSchemas[kind].safeParse(record).success, `the sample ${kind} is valid`);
        const fields = recordToFields(kind, record, refs);
        assert.deepEqual(fieldsToRecord(kind, fields, refs), record);
      }
    });
  }

  it('round-trips the demo seed records a fresh install stores (homes, places, customers, contacts, people, customer plans)', async () => {
    const writes = await demoSeedRecords();
    const kinds = new Set(writes.map((w) => w.kind));
    assert.deepEqual([...kinds].sort(), ['careHome', 'contact', 'customer', 'customerPlan', 'person', 'place']);
    const homes = writes.filter((w) => w.kind === 'careHome').map((w, i) => [w.record.id, String(i + 1)] as [string, string]);
    const customers = writes.filter((w) => w.kind === 'customer').map((w, i) => [w.record.id, String(i + 1)] as [string, string]);
    const seedRefs = mapResolver({ careHome: homes, customer: customers });
    for (const { kind, record } of writes) {
      assert.deepEqual(fieldsToRecord(kind, recordToFields(kind, record, seedRefs), seedRefs), record, `${kind} ${record.id}`);
    }
  });

  it('writes every HoivaCRM column — null where a field is empty, so an update clears it — and a readable Title', () => {
    const fields = recordToFields('place', minimalRecords.place, refs);
    const columns = listDefinitionOf('place').columns;
    assert.deepEqual(Object.keys(fields).sort(), ['Title', ...columns.map((c) => c.fieldKey)].sort());
    assert.equal(fields.Title, 'Huone 4');
    assert.equal(fields.FreeFrom, null);
    assert.equal(fields.ReservedForCustomerLookupId, null);
    assert.equal(fields.StatusChangedByName, null);
    assert.equal(fields.HoivaId, minimalRecords.place.id);
    assert.equal(fields.HoivaVersion, 3);
  });

  it('writes lookups as <Column>LookupId = the target item id, actors as two text columns, arrays as JSON', () => {
    const place = recordToFields('place', fullRecords.place, refs);
    assert.equal(place.CareHomeLookupId, '7');
    assert.equal(place.ReservedForCustomerLookupId, '2');
    assert.equal(place.StatusChangedByName, 'Kaisa');
    assert.equal(place.StatusChangedByUserId, '29:1kaisa');
    assert.equal(place.ReservedByName, 'Mikko');
    const home = recordToFields('careHome', fullRecords.careHome, refs);
    assert.equal(home.ServiceTypes, '["ymparivuorokautinen","lyhytaikainen"]');
    const event = recordToFields('homeEvent', minimalRecords.homeEvent, refs);
    assert.equal(event.CustomerIds, '[]');
    assert.equal(event.SpecialMention, false, 'false is a value, not empty');
  });

  it('writes a date as Helsinki midnight (what the list view stores) and reads the Helsinki day back, across daylight saving', () => {
    const winter = recordToFields('contactLogEntry', fullRecords.contactLogEntry, refs);
    assert.equal(winter.NextContactDate, '2026-11-30T22:00:00Z');
    assert.equal(winter.Date, '2026-10-24T21:00:00Z', 'the day summer time ends: midnight is still +03:00');
    const summer = recordToFields('place', fullRecords.place, refs);
    assert.equal(summer.FreeFrom, '2026-03-28T22:00:00Z', 'the day summer time begins: midnight is still +02:00');
    // A date typed in the list view of a Helsinki site comes back from Graph the same way.
    const read = fieldsToRecord('place', { ...summer, FreeFrom: '2026-07-31T21:00:00Z' }, refs);
    assert.equal(read.freeFrom, '2026-08-01');
  });

  it('keeps whole seconds of an instant, as SharePoint does: milliseconds are dropped', () => {
    const record = { ...fullRecords.place, statusChangedAt: '2026-11-22T22:30:00.789Z' };
    const fields = recordToFields('place', record, refs);
    assert.equal(fields.StatusChangedAt, '2026-11-22T22:30:00Z');
    assert.equal(fieldsToRecord('place', fields, refs).statusChangedAt, '2026-11-22T22:30:00.000Z');
  });

  it('reads what Graph leaves out or sends as null as an absent field, and ignores SharePoint\'s own fields', () => {
    const fields = recordToFields('place', minimalRecords.place, refs);
    const asGraphSendsIt = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
    const read = fieldsToRecord('place', { ...asGraphSendsIt, '@odata.etag': '"x,1"', id: '12', ContentType: 'Item', Modified: '2026-11-23T08:00:00Z', _UIVersionString: '1.0' }, refs);
    assert.deepEqual(read, minimalRecords.place);
    assert.ok(!('freeFrom' in read));
  });

  it('names the columns of an item that breaks the schema (as an edit in the list view might)', () => {
    const fields = recordToFields('place', fullRecords.place, refs);
    const broken = { ...fields, Status: 'myyty', ReservedByName: null, ServiceType: null };
    assert.throws(
      () => fieldsToRecord('place', broken, refs),
      (error: unknown) =>
        error instanceof ListItemMappingError &&
        /HoivaCRM Paikat/.test(error.message) &&
        error.problems.some((p) => p.startsWith('Status:')) &&
        error.problems.some((p) => p.startsWith('ServiceType:')) &&
        error.problems.some((p) => p.startsWith('ReservedByName/ReservedByUserId:')),
    );
  });

  it('refuses to write a reference the adapter cannot resolve, and to read a lookup to an unknown item', () => {
    assert.throws(() => recordToFields('place', { ...minimalRecords.place, careHomeId: ids.contact }, refs), /place.careHomeId: no careHome item holds the record/);
    const fields = recordToFields('place', minimalRecords.place, refs);
    assert.throws(() => fieldsToRecord('place', { ...fields, CareHomeLookupId: '99' }, refs), /CareHome: place: careHome item 99 is not a known record/);
  });

  it('gives every kind a readable one-line Title of at most 255 characters', () => {
    const titles = Object.fromEntries(recordKinds.map((k: RecordKind) => [k, titleOf(k, fullRecords[k] as unknown as Record<string, unknown>)]));
    assert.equal(titles.customer, 'Espoon kaupunki');
    assert.equal(titles.contactLogEntry, '2026-10-25 hintaneuvottelu');
    assert.equal(titles.complaint, 'Reklamaatio 2026-01-31');
    assert.equal(titles.customerPlan, 'Asiakkuussuunnitelma 2027');
    for (const title of Object.values(titles)) assert.ok(title.length > 0 && title.length <= 255 && !title.includes('\n'), title);
    assert.equal(titleOf('note', { ...fullRecords.note, matter: 'x'.repeat(400) }).length, 255);
  });
});
