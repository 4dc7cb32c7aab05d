import type { z } from 'zod';

/**
 * Derives storage columns from a record's zod schema, so the schema stays the single source of truth.
 * The SQLite migrations are generated from this (scripts/generate-migration.ts) and a test checks that
 * the migrated tables match it; the SharePoint provisioning derives list columns the same way.
 */
export type ColumnType = 'text' | 'integer' | 'real' | 'boolean' | 'json';

export interface Column {
  /** The record field name (camelCase). */
  field: string;
  /** The storage column name (snake_case). */
  name: string;
  type: ColumnType;
  required: boolean;
  /** For enums: the allowed values (a SharePoint choice column; documentation for SQLite). */
  choices?: readonly string[];
  /** The string format zod knows (uuid, date, datetime, email), if any. */
  format?: string;
}

type AnySchema = z.core.$ZodType;

/** A schema without its optional/default/nullable/pipe wrappers, and whether a value may be absent. */
export function unwrap(schema: AnySchema): { inner: AnySchema; optional: boolean; type: string } {
  let current = schema;
  let optional = false;
  for (;;) {
    const def = current._zod.def as { type: string; innerType?: AnySchema; in?: AnySchema };
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable') && def.innerType) {
      optional = optional || def.type !== 'default';
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) {
      current = def.in;
    } else {
      return { inner: current, optional, type: (current._zod.def as { type: string }).type };
    }
  }
}

export function snakeCase(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}

export function columnFor(field: string, schema: AnySchema): Column {
  const { inner, optional } = unwrap(schema);
  const def = inner._zod.def as { type: string; entries?: Record<string, string>; format?: string };
  const base = { field, name: snakeCase(field), required: !optional };
  switch (def.type) {
    case 'string': {
      const format = (inner as unknown as { format?: string | null }).format ?? undefined;
      return format ? { ...base, type: 'text', format } : { ...base, type: 'text' };
    }
    case 'number': {
      const format = (inner as unknown as { format?: string | null }).format;
      return { ...base, type: format === 'safeint' || format === 'int32' ? 'integer' : 'real' };
    }
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'enum':
      return { ...base, type: 'text', choices: Object.values(def.entries ?? {}) };
    case 'array':
    case 'object':
      return { ...base, type: 'json' };
    default:
      throw new Error(`field ${field}: zod type ${def.type} has no storage column; use a plain type`);
  }
}

export function columnsFor(schema: z.ZodObject): Column[] {
  return Object.entries(schema.shape).map(([field, fieldSchema]) => columnFor(field, fieldSchema as AnySchema));
}
