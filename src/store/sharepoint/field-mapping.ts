import { COMPANY_TIME_ZONE, instantAt, localDate } from '../../domain/dates.js';
import { withCurrentValues } from '../../domain/records/legacy-values.js';
import { storedSchemas, type RecordKind, type RecordOf } from '../record-kinds.js';
import { listDefinitionOf, type ListColumn, type ListDefinition, type LookupTarget } from './list-schema.js';

/**
 * A record ↔ the `fields` of its SharePoint list item (Graph's fieldValueSet), column by column as
 * list-schema.ts derives them. The storage adapter writes `recordToFields(…)` as `{ fields }` and reads
 * items back with `fieldsToRecord(…)`; both directions are tested for every record kind.
 *
 * What crosses the boundary, and how:
 * - **Dates (`dateOnly`).** SharePoint keeps a date-only value as local midnight of the site's time zone and
 *   Graph returns it as that instant in UTC — a Helsinki site shows 2026-12-01 and Graph says
 *   `2026-11-30T22:00:00Z` (the time part moves with daylight saving; pnp/pnpjs#1890). So a date is written
 *   as Helsinki midnight (the same instant the list view stores when a person types the date) and read
 *   back as the Helsinki calendar day of the instant.
 * - **Instants (`dateTime`).** SharePoint keeps whole seconds: the milliseconds are dropped on write and an
 *   instant reads back in `toISOString()` form (`…:00.000Z`). A value with milliseconds does not survive
 *   exactly; HoivaCRM's timestamps are only compared at day or minute precision.
 * - **Empty values.** An absent optional field is written as `null` (so an update clears the column — "recording
 *   the place free again clears" the reservation) and Graph leaves empty columns out of `fields`: both an
 *   absent key and null read back as an absent field. `false` is a value, not empty.
 * - **Lookups.** Written as `<Column>LookupId` = the target item's SharePoint id and read back from it; the
 *   adapter knows which record id each item holds (ReferenceResolver).
 * - **JSON columns** hold `JSON.stringify(value)`.
 * - **Values of 2012.** An item written before the choice columns changed (issue 11: the 2026 service types
 *   and contact roles) still holds the old value, and a customer item of that time has no purchaser kind:
 *   reading translates them (src/domain/records/legacy-values.ts), so it reads with the new values; the
 *   delta reader then writes the new values back (column-repair.ts). Writing always writes the new ones.
 * Reading validates the result with the record's zod schema, so an edit in the list view that breaks a rule
 * (an unknown choice typed into a JSON column, a missing required value) is named, never stored silently.
 */
export interface ReferenceResolver {
  /** The SharePoint item id of record `recordId` in the list of `kind`, if the adapter knows it. */
  itemIdOf(kind: LookupTarget, recordId: string): string | undefined;
  /** The record id held by SharePoint item `itemId` of the list of `kind`. */
  recordIdOf(kind: LookupTarget, itemId: string): string | undefined;
}

export interface FieldMappingOptions {
  /** The site's regional time zone, in which SharePoint keeps date-only values. */
  timeZone?: string;
  /** Another definition of the list (tests of a modified schema); by default the kind's own. */
  definition?: ListDefinition;
}

export class ListItemMappingError extends Error {
  override name = 'ListItemMappingError';
  constructor(
    message: string,
    readonly kind: RecordKind,
    readonly problems: string[],
  ) {
    super(message);
  }
}

/** A readable label for the built-in Title column (what a list view shows first). Never read back. */
export function titleOf(kind: RecordKind, record: Record<string, unknown>): string {
  const s = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : '');
  const label = (() => {
    switch (kind) {
      case 'customer':
      case 'careHome':
      case 'contact':
      case 'person':
        return s('name');
      case 'place':
        return s('label');
      case 'agreement':
      case 'homeEvent':
        return s('title');
      case 'contactLogEntry':
        return `${s('date')} ${s('type')}`;
      case 'supervisionVisit':
        return `Valvontakäynti ${s('date')}`;
      case 'developmentMeeting':
        return `Kehityskokous ${s('startsAt').slice(0, 10)}`;
      case 'complaint':
        return `Reklamaatio ${s('receivedDate')}`;
      case 'customerPlan':
        return `Asiakkuussuunnitelma ${String(record.year ?? '')}`;
      case 'note':
        return s('matter').replace(/\s+/g, ' ');
    }
  })();
  const oneLine = label.trim() || String(record.id ?? '');
  return oneLine.length > 255 ? `${oneLine.slice(0, 254)}…` : oneLine;
}

/** The `fields` to write for a record: every HoivaCRM column (null where empty) and Title. */
export function recordToFields<K extends RecordKind>(
  kind: K,
  record: RecordOf<K>,
  refs: ReferenceResolver,
  options: FieldMappingOptions = {},
): Record<string, unknown> {
  const definition = options.definition ?? listDefinitionOf(kind);
  const timeZone = options.timeZone ?? COMPANY_TIME_ZONE;
  const values = record as unknown as Record<string, unknown>;
  const fields: Record<string, unknown> = { Title: titleOf(kind, values) };
  for (const column of definition.columns) {
    const value = values[column.field];
    fields[column.fieldKey] = value === undefined || value === null ? null : encode(kind, column, value, refs, timeZone);
  }
  return fields;
}

/** The record an item's `fields` hold, validated by the record's zod schema. */
export function fieldsToRecord<K extends RecordKind>(
  kind: K,
  fields: Record<string, unknown>,
  refs: ReferenceResolver,
  options: FieldMappingOptions = {},
): RecordOf<K> {
  const definition = options.definition ?? listDefinitionOf(kind);
  const timeZone = options.timeZone ?? COMPANY_TIME_ZONE;
  const record: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const column of definition.columns) {
    const raw = fields[column.fieldKey];
    if (raw === undefined || raw === null || raw === '') continue;
    try {
      const value = decode(kind, column, raw, refs, timeZone);
      if (column.encoding === 'actorId' || column.encoding === 'actorName') {
        const actor = (record[column.field] ?? {}) as Record<string, unknown>;
        actor[column.encoding === 'actorId' ? 'id' : 'name'] = value;
        record[column.field] = actor;
      } else {
        record[column.field] = value;
      }
    } catch (error) {
      problems.push(`${column.name}: ${(error as Error).message}`);
    }
  }
  const parsed = storedSchemas[kind].safeParse(withCurrentValues(kind, record));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '');
      const columns = definition.columns.filter((c) => c.field === field).map((c) => c.name);
      problems.push(`${columns.join('/') || field || 'record'}: ${issue.message}`);
    }
  }
  if (problems.length) {
    const id = typeof fields.id === 'string' ? ` item ${fields.id}` : '';
    throw new ListItemMappingError(`${definition.displayName}${id} does not hold a valid ${kind}: ${problems.join('; ')}`, kind, problems);
  }
  return parsed.data as RecordOf<K>;
}

function encode(kind: RecordKind, column: ListColumn, value: unknown, refs: ReferenceResolver, timeZone: string): unknown {
  switch (column.encoding) {
    case 'isoDate':
      return wholeSeconds(instantAt(String(value), '00:00', timeZone));
    case 'isoDateTime':
      return wholeSeconds(new Date(String(value)));
    case 'json':
      return JSON.stringify(value);
    case 'lookup': {
      const itemId = refs.itemIdOf(column.lookupTo!, String(value));
      if (itemId === undefined) throw new Error(`${kind}.${column.field}: no ${column.lookupTo} item holds the record ${String(value)}`);
      return itemId;
    }
    case 'actorId':
      return (value as { id: string }).id;
    case 'actorName':
      return (value as { name: string }).name;
    default:
      return value;
  }
}

function decode(kind: RecordKind, column: ListColumn, raw: unknown, refs: ReferenceResolver, timeZone: string): unknown {
  switch (column.encoding) {
    case 'isoDate':
      return localDate(instant(raw), timeZone);
    case 'isoDateTime':
      return instant(raw).toISOString();
    case 'json':
      return typeof raw === 'string' ? JSON.parse(raw) : raw;
    case 'number':
      return typeof raw === 'string' ? Number(raw) : raw;
    case 'lookup': {
      const recordId = refs.recordIdOf(column.lookupTo!, String(raw));
      if (recordId === undefined) throw new Error(`${kind}: ${column.lookupTo} item ${String(raw)} is not a known record`);
      return recordId;
    }
    default:
      return raw;
  }
}

function instant(raw: unknown): Date {
  const date = new Date(String(raw));
  if (Number.isNaN(date.getTime())) throw new Error(`'${String(raw)}' is not a date`);
  return date;
}

/** `2026-11-22T10:15:00Z`: the form SharePoint keeps and Graph returns. */
function wholeSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}
