import assert from 'node:assert/strict';
import type { z } from 'zod';
import { indexedFields } from '../../../src/store/indexed-fields.js';
import { storedSchemas, type RecordKind } from '../../../src/store/record-kinds.js';
import { columnsFor, type Column } from '../../../src/store/schema-columns.js';

/**
 * An independent check that SharePoint columns (as Graph shows them: columnDefinition JSON) hold exactly the
 * fields of a record's zod schema. The oracle is the storage-column derivation the SQLite migrations are
 * generated from and checked against (src/store/schema-columns.ts), not the list derivation under test; the
 * SharePoint-specific rules it applies are the documented decisions of list-schema.ts.
 */
const metaColumns: Record<string, string> = {
  id: 'HoivaId',
  version: 'HoivaVersion',
  createdAt: 'HoivaCreatedAt',
  createdBy: 'HoivaCreatedBy',
  updatedAt: 'HoivaUpdatedAt',
};
const references: Record<string, 'customer' | 'careHome'> = { customerId: 'customer', careHomeId: 'careHome', reservedForCustomerId: 'customer' };

export type GraphColumn = Record<string, unknown> & { name: string };

export function typeOfGraphColumn(c: GraphColumn): string {
  const text = c.text as { allowMultipleLines?: boolean } | undefined;
  if (text) return text.allowMultipleLines ? 'note' : 'text';
  return ['choice', 'number', 'dateTime', 'boolean', 'lookup', 'personOrGroup'].find((f) => c[f] !== undefined && c[f] !== null) ?? 'other';
}

function isActorRef(kind: RecordKind, field: string): boolean {
  const shape = (storedSchemas[kind] as unknown as z.ZodObject).shape as Record<string, z.ZodType>;
  let schema = shape[field] as unknown as { _zod: { def: { type: string; innerType?: unknown; shape?: Record<string, unknown> } } };
  while (schema._zod.def.type === 'optional') schema = schema._zod.def.innerType as typeof schema;
  return schema._zod.def.type === 'object' && Object.keys(schema._zod.def.shape ?? {}).sort().join() === 'id,name';
}

function zodMaxLength(kind: RecordKind, field: string): number | undefined {
  const shape = (storedSchemas[kind] as unknown as z.ZodObject).shape as Record<string, unknown>;
  let schema = shape[field] as { _zod: { def: { type: string; innerType?: unknown } }; maxLength?: number | null };
  while (schema._zod.def.type === 'optional') schema = schema._zod.def.innerType as typeof schema;
  return schema.maxLength ?? undefined;
}

/**
 * Asserts that `columns` (a list's columns as Graph shows them; SharePoint's own read-only columns and Title
 * are ignored) hold exactly the zod fields of `kind`: every field, its type, required, indexed, choices.
 */
export function assertColumnsMatchZod(kind: RecordKind, columns: GraphColumn[], listIdOf: (kind: 'customer' | 'careHome') => string): void {
  const own = columns.filter((c) => c.name !== 'Title' && c.readOnly !== true);
  const byName = new Map(own.map((c) => [c.name, c]));
  const used = new Set<string>();
  const take = (name: string, field: string): GraphColumn => {
    const column = byName.get(name);
    assert.ok(column, `${kind}.${field}: no column ${name}`);
    used.add(name);
    return column;
  };
  const indexed = new Set([...(indexedFields[kind] ?? []), 'id']);
  for (const zod of columnsFor(storedSchemas[kind] as unknown as z.ZodObject)) {
    const where = `${kind}.${zod.field}`;
    const meta = metaColumns[zod.field];
    const expectRequired = (column: GraphColumn, required: boolean) => assert.equal(!!column.required, required, `${where}: required`);
    const expectIndexed = (column: GraphColumn) => {
      assert.equal(!!column.indexed, indexed.has(zod.field), `${where}: indexed`);
      assert.equal(!!column.enforceUniqueValues, zod.field === 'id', `${where}: unique`);
    };
    if (meta) {
      const column = take(meta, zod.field);
      expectRequired(column, false);
      expectIndexed(column);
      assert.equal(typeOfGraphColumn(column), expectedType(zod, false), `${where}: type`);
      continue;
    }
    if (zod.type === 'json' && isActorRef(kind, zod.field)) {
      const base = zod.field.charAt(0).toUpperCase() + zod.field.slice(1);
      for (const part of [`${base}Name`, `${base}UserId`]) {
        const column = take(part, zod.field);
        assert.equal(typeOfGraphColumn(column), 'text', `${where}: ${part} type`);
        expectRequired(column, zod.required);
        expectIndexed(column);
      }
      continue;
    }
    const reference = references[zod.field];
    const name = reference ? zod.field.replace(/Id$/, '').replace(/^./, (c) => c.toUpperCase()) : pascalOrPrefixed(zod.field);
    const column = take(name, zod.field);
    const type = typeOfGraphColumn(column);
    assert.equal(type, expectedType(zod, !!reference, zodMaxLength(kind, zod.field)), `${where}: type`);
    expectRequired(column, zod.type === 'boolean' ? false : zod.required);
    expectIndexed(column);
    if (zod.choices) assert.deepEqual((column.choice as { choices: string[] }).choices, [...zod.choices], `${where}: choices`);
    if (type === 'choice') assert.ok(zod.choices, `${where}: a choice column for a field without choices`);
    if (type === 'text') {
      const max = zod.format === 'uuid' ? 36 : (zodMaxLength(kind, zod.field) ?? 255);
      assert.equal((column.text as { maxLength?: number }).maxLength, max, `${where}: maxLength`);
    }
    if (type === 'dateTime') assert.equal((column.dateTime as { format: string }).format, zod.format === 'date' ? 'dateOnly' : 'dateTime', `${where}: date format`);
    if (reference) assert.equal((column.lookup as { listId: string }).listId, listIdOf(reference), `${where}: lookup target`);
  }
  const extra = own.map((c) => c.name).filter((n) => !used.has(n));
  assert.deepEqual(extra, [], `${kind}: columns with no zod field`);
}

function pascalOrPrefixed(field: string): string {
  const pascal = field.charAt(0).toUpperCase() + field.slice(1);
  return pascal === 'Title' ? 'HoivaTitle' : pascal;
}

function expectedType(zod: Column, reference: boolean, maxLength?: number): string {
  if (reference) return 'lookup';
  switch (zod.type) {
    case 'integer':
    case 'real':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'json':
      return 'note';
    case 'text':
      if (zod.choices) return 'choice';
      if (zod.format === 'date' || zod.format === 'datetime') return 'dateTime';
      return maxLength !== undefined && maxLength > 255 ? 'note' : 'text';
  }
}
