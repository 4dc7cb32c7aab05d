import { storedSchemas, type RecordKind, type RecordOf } from '../record-kinds.js';
import { columnsFor, type Column } from '../schema-columns.js';
import { fromSql } from './sql-columns.js';

const columnCache = new Map<RecordKind, Column[]>();

/** A kind's columns, derived from its zod schema once. */
export function columnsOf(kind: RecordKind): Column[] {
  let columns = columnCache.get(kind);
  if (!columns) {
    columns = columnsFor(storedSchemas[kind]);
    columnCache.set(kind, columns);
  }
  return columns;
}

/**
 * A row as its record, columns mapped without the schema. Every row was parsed by the record's schema
 * when it was written (`commit`, the mirror's commit): parsing it again on every display read was most of
 * the read paths' time at real size (issue 10's profile: zod and the garbage it leaves). `get`/`list`
 * still parse (`parsedRow`), since a use case reads through them before it writes.
 */
export function mappedRow<K extends RecordKind>(kind: K, row: Record<string, unknown>): RecordOf<K> {
  const record: Record<string, unknown> = {};
  for (const column of columnsOf(kind)) {
    const value = fromSql(column, row[column.name]);
    if (value !== undefined) record[column.field] = value;
  }
  return record as RecordOf<K>;
}

export function parsedRow<K extends RecordKind>(kind: K, row: Record<string, unknown>): RecordOf<K> {
  return storedSchemas[kind].parse(mappedRow(kind, row)) as RecordOf<K>;
}
