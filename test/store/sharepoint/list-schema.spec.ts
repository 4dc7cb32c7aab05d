import assert from 'node:assert/strict';
import { z } from 'zod';
import { placeSchema } from '../../../src/domain/records/place.js';
import { objectShape } from '../../../src/store/sharepoint/list-schema.js';
import { recordKinds } from '../../../src/store/record-kinds.js';
import { hasFinnishLabel, listDisplayNames } from '../../../src/store/sharepoint/column-labels.js';
import {
  builtInColumnNames,
  graphColumnDefinition,
  inDependencyOrder,
  listDefinitionFor,
  listDefinitions,
  type LookupTarget,
} from '../../../src/store/sharepoint/list-schema.js';
import { listViews, unknownViewColumns } from '../../../src/store/sharepoint/list-views.js';
import { camlProblem } from '../../support/graph-double/sharepoint-rest-views.js';
import { assertColumnsMatchZod, type GraphColumn } from './zod-oracle.js';

const listIdOf = (kind: LookupTarget) => `list-of-${kind}`;

describe('SharePoint list schema derived from the zod record schemas (issue 4)', () => {
  it('has one list per record kind, Finnish display names, lookup targets created first', () => {
    assert.deepEqual(listDefinitions.map((d) => d.kind).sort(), [...recordKinds].sort());
    assert.deepEqual(listDefinitions.slice(0, 2).map((d) => d.kind), ['customer', 'careHome']);
    assert.equal(listDefinitions.find((d) => d.kind === 'place')!.displayName, 'HoivaCRM Paikat');
    assert.equal(new Set(Object.values(listDisplayNames)).size, recordKinds.length);
    assert.deepEqual(inDependencyOrder(['place', 'note', 'careHome', 'customer']), ['careHome', 'customer', 'place', 'note']);
  });

  for (const definition of listDefinitions) {
    it(`${definition.kind}: the columnDefinitions hold exactly the zod fields — type, required, indexed, choices, lengths, lookups`, () => {
      const columns = definition.columns.map((c) => graphColumnDefinition(c, listIdOf) as GraphColumn);
      assertColumnsMatchZod(definition.kind, columns, listIdOf);
    });
  }

  it('gives every list the unique, indexed key column HoivaId and the number column HoivaVersion', () => {
    for (const { kind, columns } of listDefinitions) {
      const key = graphColumnDefinition(columns.find((c) => c.name === 'HoivaId')!, listIdOf);
      assert.deepEqual(
        { indexed: key.indexed, unique: key.enforceUniqueValues, required: key.required, text: key.text },
        { indexed: true, unique: true, required: false, text: { allowMultipleLines: false, maxLength: 36 } },
        kind,
      );
      assert.deepEqual(graphColumnDefinition(columns.find((c) => c.name === 'HoivaVersion')!, listIdOf).number, { decimalPlaces: 'none', displayAs: 'number', minimum: 0 });
    }
  });

  it('writes the Graph shapes the documentation gives: note, choice, dateOnly, lookup, number bounds', () => {
    const place = listDefinitionFor('place').columns;
    const def = (name: string) => graphColumnDefinition(place.find((c) => c.name === name)!, listIdOf);
    assert.deepEqual(def('Note').text, { allowMultipleLines: true, appendChangesToExistingText: false, linesForEditing: 6, textType: 'plain' });
    assert.deepEqual(def('Status').choice, { allowTextEntry: false, choices: ['kaytossa', 'vapautuu', 'vapaa', 'alustavasti-varattu'], displayAs: 'dropDownMenu' });
    assert.deepEqual(def('FreeFrom').dateTime, { format: 'dateOnly', displayAs: 'standard' });
    assert.deepEqual(def('StatusChangedAt').dateTime, { format: 'dateTime', displayAs: 'standard' });
    assert.deepEqual(def('CareHome').lookup, { listId: 'list-of-careHome', columnName: 'Title' });
    assert.deepEqual(def('ReservedForCustomer').lookup, { listId: 'list-of-customer', columnName: 'Title' });
    const year = graphColumnDefinition(listDefinitionFor('customerPlan').columns.find((c) => c.name === 'Year')!, listIdOf);
    assert.deepEqual(year.number, { decimalPlaces: 'none', displayAs: 'number', minimum: 2000, maximum: 2100 });
    const price = graphColumnDefinition(listDefinitionFor('agreement').columns.find((c) => c.name === 'PricePerDay')!, listIdOf);
    assert.deepEqual(price.number, { decimalPlaces: 'automatic', displayAs: 'number', minimum: 0 });
  });

  it('uses names SharePoint accepts and does not already use, and never a text <X>Id beside a lookup or person column <X>', () => {
    for (const { kind, columns } of listDefinitions) {
      const names = columns.map((c) => c.name);
      assert.equal(new Set(names.map((n) => n.toLowerCase())).size, names.length, `${kind}: names unique`);
      for (const name of names) {
        assert.match(name, /^[A-Za-z][A-Za-z0-9]{0,31}$/, `${kind}.${name}`);
        assert.ok(!builtInColumnNames.has(name.toLowerCase()), `${kind}.${name} is a SharePoint built-in`);
      }
      // Graph writes `<X>LookupId` for a lookup or person column X; a text column `<X>Id` next to it takes the value
      // (microsoft-graph-docs#19901). Actors may get a person column `<Field>` later, so check those bases too.
      const lookupsAndFuturePersons = [...columns.filter((c) => c.type === 'lookup').map((c) => c.name), ...columns.filter((c) => c.encoding === 'actorName').map((c) => c.name.replace(/Name$/, ''))];
      for (const base of lookupsAndFuturePersons) assert.ok(!names.includes(`${base}Id`), `${kind}: ${base}Id beside ${base}`);
    }
    const contact = listDefinitionFor('contact').columns.map((c) => c.name);
    assert.ok(contact.includes('HoivaTitle') && !contact.includes('Title'), 'the field "title" is stored as HoivaTitle');
  });

  it('labels every column in Finnish, uniquely within its list', () => {
    for (const { kind, columns } of listDefinitions) {
      for (const c of columns) assert.ok(hasFinnishLabel(kind, c.field), `${kind}.${c.field} has no Finnish label`);
      const labels = columns.map((c) => c.displayName);
      assert.equal(new Set(labels).size, labels.length, `${kind}: ${labels.join(', ')}`);
    }
  });

  it('indexes exactly the fields queries filter on, and refuses an index on a field the schema lacks', () => {
    const place = listDefinitionFor('place').columns.filter((c) => c.indexed).map((c) => c.name);
    assert.deepEqual(place, ['HoivaId', 'CareHome', 'Status']);
    assert.throws(() => listDefinitionFor('place', placeSchema, ['careHomeId', 'colour']), /indexedFields.place names fields the schema lacks: colour/);
  });

  it('derives a new column from a changed schema (what the next provisioning run adds)', () => {
    const extended = placeSchema.extend({ floor: z.number().int().min(0).max(20).optional(), wing: z.enum(['A', 'B']) });
    const columns = listDefinitionFor('place', extended).columns;
    const floor = columns.find((c) => c.field === 'floor')!;
    const wing = columns.find((c) => c.field === 'wing')!;
    assert.deepEqual([floor.name, floor.type, floor.required, floor.minimum, floor.maximum], ['Floor', 'number', false, 0, 20]);
    assert.deepEqual([wing.name, wing.type, wing.required, wing.choices], ['Wing', 'choice', true, ['A', 'B']]);
    assert.equal(Object.keys(objectShape(extended)).length, Object.keys(objectShape(placeSchema)).length + 2);
  });

  it('defines the views on columns their lists have, in well-formed CAML that filters first on an indexed column', () => {
    assert.deepEqual(listViews.map((v) => v.title), ['Vapaat paikat', 'Avoimet reklamaatiot', 'Yhteydenotot tällä viikolla', 'Viimeisin yhteydenotto asiakkaittain']);
    for (const view of listViews) {
      assert.deepEqual(unknownViewColumns(view), [], view.title);
      assert.equal(camlProblem(view.query), undefined, view.title);
      const firstFiltered = /<Where>(?:<(?:And|Or)>)?<\w+><FieldRef Name="([^"]+)"/.exec(view.query)?.[1];
      if (firstFiltered) {
        const column = listDefinitionFor(view.kind).columns.find((c) => c.name === firstFiltered)!;
        assert.ok(column.indexed, `${view.title} filters first on ${firstFiltered}, which is not indexed`);
      }
    }
    assert.match(listViews[0]!.query, /<In><FieldRef Name="Status" \/><Values><Value Type="Choice">vapautuu<\/Value><Value Type="Choice">vapaa<\/Value><\/Values><\/In>/);
  });
});
