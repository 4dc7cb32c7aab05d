import type Database from 'better-sqlite3';
import { indexedFields } from '../indexed-fields.js';
import { recordKinds, storedSchemas } from '../record-kinds.js';
import { columnsFor, snakeCase } from '../schema-columns.js';
import { columnDdl, sqlTypeOf, tableName } from './sql-columns.js';

/**
 * The SQL that would bring a migrated database in line with the zod schemas; empty when in sync.
 * Used by the migration generator and by the test that keeps migrations and schemas together.
 */
export function schemaDrift(db: Database.Database): string[] {
  const statements: string[] = [];
  for (const kind of recordKinds) {
    const table = tableName(kind);
    const columns = columnsFor(storedSchemas[kind]);
    const existing = db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string }[];
    if (existing.length === 0) {
      statements.push(`CREATE TABLE "${table}" (\n  ${columns.map(columnDdl).join(',\n  ')}\n);`);
    } else {
      const have = new Map(existing.map((c) => [c.name, c.type]));
      for (const column of columns) {
        if (!have.has(column.name)) {
          // SQLite cannot add a NOT NULL column without a default: new columns start nullable.
          statements.push(`ALTER TABLE "${table}" ADD COLUMN "${column.name}" ${sqlTypeOf(column)};`);
        } else if (have.get(column.name) !== sqlTypeOf(column)) {
          statements.push(`-- ${table}.${column.name} is ${have.get(column.name)} but the schema wants ${sqlTypeOf(column)}: write this migration by hand`);
        }
      }
    }
    const indexes = new Set(
      (db.prepare(`PRAGMA index_list("${table}")`).all() as { name: string }[]).map((i) => i.name),
    );
    for (const field of indexedFields[kind] ?? []) {
      const index = `${table}_${snakeCase(field)}`;
      if (!indexes.has(index)) statements.push(`CREATE INDEX "${index}" ON "${table}" ("${snakeCase(field)}");`);
    }
  }
  return statements;
}
