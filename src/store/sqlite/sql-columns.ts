import type { Column, ColumnType } from '../schema-columns.js';
import { snakeCase } from '../schema-columns.js';

/** How each derived column type is held in SQLite, and how values cross that boundary. */
const sqlTypes: Record<ColumnType, string> = {
  text: 'TEXT',
  integer: 'INTEGER',
  real: 'REAL',
  boolean: 'INTEGER',
  json: 'TEXT',
};

export function tableName(kind: string): string {
  return snakeCase(kind);
}

export function columnDdl(column: Column): string {
  const constraints = column.field === 'id' ? ' PRIMARY KEY' : column.required ? ' NOT NULL' : '';
  return `"${column.name}" ${sqlTypes[column.type]}${constraints}`;
}

export function sqlTypeOf(column: Column): string {
  return sqlTypes[column.type];
}

export function toSql(column: Column, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  switch (column.type) {
    case 'boolean':
      return value ? 1 : 0;
    case 'json':
      return JSON.stringify(value);
    default:
      return value;
  }
}

export function fromSql(column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  switch (column.type) {
    case 'boolean':
      return value === 1;
    case 'json':
      return JSON.parse(String(value));
    default:
      return value;
  }
}
