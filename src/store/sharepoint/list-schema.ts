import type { z } from 'zod';
import { indexedFields } from '../indexed-fields.js';
import { recordKinds, storedSchemas, type RecordKind } from '../record-kinds.js';
import { unwrap } from '../schema-columns.js';
import { fieldLabel, listDisplayNames } from './column-labels.js';

/**
 * The SharePoint list behind each record kind (issue 4), derived from the record's zod schema — the single
 * source of truth, as for the SQLite tables (src/store/schema-columns.ts). One list per kind, one column per
 * field, with these decisions (evidence in the comments where SharePoint or Graph forced them):
 *
 * - **Key and version.** `HoivaId` holds the record id: indexed and `enforceUniqueValues`, because the Graph
 *   client's RetryHandler may send a create twice and the unique column turns the second into a 409 instead of
 *   a duplicate item (issue 4, "Facts"). `HoivaVersion` is the record's optimistic-concurrency version. Both,
 *   and the other record-meta columns, are NOT required in SharePoint: an item created in the list view has
 *   none yet, and the delta reader completes it (issue 4: "an item created in the SharePoint UI").
 *   Meta columns carry the `Hoiva` prefix so nobody takes them for SharePoint's own Created/Modified.
 * - **Strings.** `text` with maxLength = the zod max when it is ≤ 255 (a single line of text holds at most
 *   255 characters; uuid 36, otherwise 255); longer strings become plain multi-line `note` columns, whose
 *   length zod enforces (SharePoint does not index or limit notes).
 * - **Required** follows zod (a field that is not optional), except the record-meta columns (above) and Yes/No
 *   columns, which always hold a value in SharePoint.
 * - **Enums** become `choice` columns (drop-down, no fill-in values): zod rejects anything else anyway.
 * - **Arrays** (of enums, of ids, of objects) are JSON in a `note` column. A multi-choice column would suit
 *   arrays of enums, but Graph cannot be relied on for it: creating a choice column with `displayAs:
 *   checkBoxes` fails (microsoftgraph/microsoft-graph-docs#21021), and writing multi-choice values through
 *   listItem fields fails in several reported ways (microsoft-graph-docs#2745, microsoft-graph-explorer-v4#3247,
 *   microsoft-graph-docs-contrib#8971). Multi-value lookups have the same write problem, so arrays of ids
 *   (homeEvent.customerIds) are JSON too.
 * - **Dates.** `isoDate` → `dateTime` with format `dateOnly`; `isoDateTime` → format `dateTime`. See
 *   field-mapping.ts for how values cross the time zone and the seconds SharePoint keeps.
 * - **References.** customerId / careHomeId / reservedForCustomerId are `lookup` columns to the customer and
 *   care-home lists (`lookup: { listId, columnName: 'Title' }`), so the list view shows the name and links to
 *   it; Graph writes them as `<Column>LookupId` = the target's SharePoint item id (issue 4, "Facts"). A list
 *   has at most three lookups, well under the 12 per query.
 * - **Who did something (ActorRef {id, name}).** Two text columns, `<Field>UserId` and `<Field>Name`, not a
 *   person column: a person column stores the user's id in the site's User Information List (not the Entra
 *   object id), which exists only once the user has been added to the site (SharePoint REST `ensureuser`;
 *   Graph has no call for it — microsoft-graph-docs#15695), and ActorRef.id may be a Bot Framework id no
 *   site knows. The name column reads well in a view and round-trips exactly. A person column can be added
 *   beside them later; it must not be called `<Field>` with a text column `<Field>Id` next to it, because Graph
 *   then writes `<Field>LookupId` into the wrong column (microsoft-graph-docs#19901) — hence `UserId`.
 * - **Names.** Internal names are the field's PascalCase; a name SharePoint already uses in every list
 *   (`Title`, `ID`, `Created`, …) gets the `Hoiva` prefix (`title` → `HoivaTitle`). `Title` itself holds a
 *   readable label of the record (titleOf), written by HoivaCRM and never read back.
 * - **Indexes.** Every field in `indexedFields` gets `indexed: true` (a list beyond 5,000 items can only be
 *   filtered on indexed columns), plus HoivaId.
 */

export type LookupTarget = 'customer' | 'careHome';

/** Record fields that point at another record and become lookup columns. */
export const referenceFields: Readonly<Record<string, LookupTarget>> = {
  customerId: 'customer',
  careHomeId: 'careHome',
  reservedForCustomerId: 'customer',
};

export type ListColumnType = 'text' | 'note' | 'choice' | 'number' | 'dateTime' | 'boolean' | 'lookup';

/** How a record value is written into the column and read back (field-mapping.ts). */
export type ValueEncoding = 'text' | 'isoDate' | 'isoDateTime' | 'number' | 'boolean' | 'choice' | 'json' | 'lookup' | 'actorId' | 'actorName';

export interface ListColumn {
  /** The record field the column holds (part of, for an ActorRef). */
  field: string;
  /** Internal (API) name; never changes once provisioned. */
  name: string;
  /** The key in a listItem's `fields`: the name, or `<name>LookupId` for a lookup. */
  fieldKey: string;
  displayName: string;
  description?: string;
  type: ListColumnType;
  encoding: ValueEncoding;
  required: boolean;
  indexed: boolean;
  enforceUniqueValues: boolean;
  /** text: the most characters. */
  maxLength?: number;
  choices?: readonly string[];
  dateFormat?: 'dateOnly' | 'dateTime';
  /** number */
  integer?: boolean;
  minimum?: number;
  maximum?: number;
  lookupTo?: LookupTarget;
}

export interface ListDefinition {
  kind: RecordKind;
  displayName: string;
  description: string;
  columns: ListColumn[];
}

/** The column holding the record id, and the one holding its version. */
export const keyColumnName = 'HoivaId';
export const versionColumnName = 'HoivaVersion';

/** Record-meta fields (src/domain/records/common.ts recordMeta) and their columns. */
const metaColumnNames: Record<string, string> = {
  id: keyColumnName,
  version: versionColumnName,
  createdAt: 'HoivaCreatedAt',
  createdBy: 'HoivaCreatedBy',
  updatedAt: 'HoivaUpdatedAt',
};

/**
 * Internal names every SharePoint list already has (generic list template fields, hidden ones included),
 * lower-case: a field with one of these names is stored under `Hoiva<Name>` instead.
 */
export const builtInColumnNames: ReadonlySet<string> = new Set(
  [
    'ID', 'Title', 'ContentType', 'ContentTypeId', 'Created', 'Modified', 'Author', 'Editor', 'Attachments', 'Edit',
    'LinkTitle', 'LinkTitleNoMenu', 'LinkTitle2', 'SelectTitle', 'DocIcon', 'Order', 'GUID', 'UniqueId', 'FileRef',
    'FileDirRef', 'FileLeafRef', 'FSObjType', 'PermMask', 'ItemChildCount', 'FolderChildCount', 'InstanceID',
    'WorkflowVersion', 'WorkflowInstanceID', 'owshiddenversion', 'ServerUrl', 'EncodedAbsUrl', 'BaseName',
    'MetaInfo', 'ProgId', 'ScopeId', 'SortBehavior', 'SyncClientId', 'Restricted', 'OriginatorId', 'NoExecute',
    'ContentVersion', 'AppAuthor', 'AppEditor', 'ComplianceAssetId', 'Last_x0020_Modified', 'Created_x0020_Date',
    'File_x0020_Type', '_UIVersion', '_UIVersionString', '_ModerationStatus', '_ModerationComments', '_Level',
    '_IsCurrentVersion', '_HasCopyDestinations', '_CopySource', '_ComplianceFlags', '_ComplianceTag',
    '_ComplianceTagWrittenTime', '_ComplianceTagUserId', '_CommentCount', '_CommentFlags', '_ColorTag',
  ].map((n) => n.toLowerCase()),
);

/** Single line of text holds at most 255 characters in SharePoint. */
export const maxTextLength = 255;

export function pascalCase(field: string): string {
  return field.charAt(0).toUpperCase() + field.slice(1);
}

/** The internal name for a record field (not a reference: see lookupColumnName). */
export function columnNameFor(field: string): string {
  const meta = metaColumnNames[field];
  if (meta) return meta;
  const pascal = pascalCase(field);
  return builtInColumnNames.has(pascal.toLowerCase()) ? `Hoiva${pascal}` : pascal;
}

/** customerId → Customer, reservedForCustomerId → ReservedForCustomer. */
export function lookupColumnName(field: string): string {
  return pascalCase(field.replace(/Id$/, ''));
}

// --- zod introspection -----------------------------------------------------------------------------

type AnySchema = z.core.$ZodType;

interface FieldShape {
  inner: AnySchema;
  optional: boolean;
  type: string;
}

/** The SQLite columns and the SharePoint columns read a field's schema the same way. */
const shapeOf = (schema: AnySchema): FieldShape => unwrap(schema);

/** The object shape behind a (possibly refined) record schema. */
export function objectShape(schema: AnySchema): Record<string, AnySchema> {
  const { inner, type } = shapeOf(schema);
  if (type !== 'object') throw new Error(`a record schema must be a zod object, not ${type}`);
  return (inner._zod.def as unknown as { shape: Record<string, AnySchema> }).shape;
}

function isActorRef(shape: FieldShape): boolean {
  if (shape.type !== 'object') return false;
  const keys = Object.keys(objectShape(shape.inner)).sort();
  return keys.length === 2 && keys[0] === 'id' && keys[1] === 'name';
}

// --- derivation ------------------------------------------------------------------------------------

type ColumnBase = Pick<ListColumn, 'field' | 'required' | 'indexed' | 'enforceUniqueValues' | 'displayName'>;

function columnsForField(kind: RecordKind, field: string, schema: AnySchema, indexed: boolean): ListColumn[] {
  const shape = shapeOf(schema);
  const isMeta = field in metaColumnNames;
  const base: ColumnBase = {
    field,
    displayName: fieldLabel(kind, field),
    // Meta columns stay optional in SharePoint: an item made in the list view has none until the delta reader
    // fills them. A Yes/No column always holds a value (SharePoint offers no "require" for it), so it is not
    // marked required either; zod still requires the boolean when the item is read.
    required: !shape.optional && !isMeta && shape.type !== 'boolean',
    indexed: indexed || field === 'id',
    enforceUniqueValues: field === 'id',
  };
  const plain = (column: Omit<ListColumn, keyof ColumnBase | 'fieldKey' | 'name'> & { name?: string }): ListColumn => {
    const name = column.name ?? columnNameFor(field);
    return { ...base, ...column, name, fieldKey: name };
  };

  const target = referenceFields[field];
  if (target && shape.type === 'string') {
    const name = lookupColumnName(field);
    return [{ ...base, name, fieldKey: `${name}LookupId`, type: 'lookup', encoding: 'lookup', lookupTo: target }];
  }
  if (isActorRef(shape)) {
    const pascal = pascalCase(field);
    const part = (suffix: string, encoding: ValueEncoding, label: string): ListColumn => ({
      ...base,
      name: `${pascal}${suffix}`,
      fieldKey: `${pascal}${suffix}`,
      displayName: `${base.displayName} (${label})`,
      type: 'text',
      encoding,
      maxLength: maxTextLength,
    });
    return [part('Name', 'actorName', 'nimi'), part('UserId', 'actorId', 'käyttäjätunnus')];
  }
  switch (shape.type) {
    case 'string': {
      const inner = shape.inner as unknown as { format?: string | null; maxLength?: number | null };
      if (inner.format === 'date') return [plain({ type: 'dateTime', encoding: 'isoDate', dateFormat: 'dateOnly' })];
      if (inner.format === 'datetime') return [plain({ type: 'dateTime', encoding: 'isoDateTime', dateFormat: 'dateTime' })];
      const max = inner.format === 'uuid' ? 36 : (inner.maxLength ?? undefined);
      if (max !== undefined && max > maxTextLength) {
        return [plain({ type: 'note', encoding: 'text', description: `Enintään ${max} merkkiä.` })];
      }
      return [plain({ type: 'text', encoding: 'text', maxLength: max ?? maxTextLength })];
    }
    case 'number': {
      const inner = shape.inner as unknown as { isInt?: boolean; minValue?: number | null; maxValue?: number | null };
      const finite = (n: number | null | undefined) => (n !== null && n !== undefined && Math.abs(n) < Number.MAX_SAFE_INTEGER ? n : undefined);
      const minimum = finite(inner.minValue);
      const maximum = finite(inner.maxValue);
      return [
        plain({
          type: 'number',
          encoding: 'number',
          integer: !!inner.isInt,
          ...(minimum !== undefined ? { minimum } : {}),
          ...(maximum !== undefined ? { maximum } : {}),
        }),
      ];
    }
    case 'boolean':
      return [plain({ type: 'boolean', encoding: 'boolean' })];
    case 'enum': {
      const entries = (shape.inner._zod.def as unknown as { entries: Record<string, string> }).entries;
      return [plain({ type: 'choice', encoding: 'choice', choices: Object.values(entries) })];
    }
    case 'array':
    case 'object':
      return [plain({ type: 'note', encoding: 'json', description: 'JSON; HoivaCRM kirjoittaa ja lukee tämän sarakkeen.' })];
    default:
      throw new Error(`${kind}.${field}: zod type ${shape.type} has no SharePoint column; use a plain type`);
  }
}

/** The list for one record kind. `schema` and `indexed` default to the real ones (tests pass modified ones). */
export function listDefinitionFor(
  kind: RecordKind,
  schema: AnySchema = storedSchemas[kind],
  indexed: readonly string[] = indexedFields[kind] ?? [],
): ListDefinition {
  const columns = Object.entries(objectShape(schema)).flatMap(([field, fieldSchema]) =>
    columnsForField(kind, field, fieldSchema, indexed.includes(field)),
  );
  const unknownIndexed = indexed.filter((f) => !columns.some((c) => c.field === f));
  if (unknownIndexed.length) throw new Error(`indexedFields.${kind} names fields the schema lacks: ${unknownIndexed.join(', ')}`);
  const names = new Set<string>();
  for (const c of columns) {
    if (names.has(c.name.toLowerCase())) throw new Error(`${kind}: two fields map to the column ${c.name}`);
    names.add(c.name.toLowerCase());
  }
  return {
    kind,
    displayName: listDisplayNames[kind],
    description: `HoivaCRM: ${kind}. Sarakkeet luodaan ohjelmasta (npm run provision); älä poista tai nimeä uudelleen HoivaCRM:n sarakkeita.`,
    columns,
  };
}

/** Lookup targets first: a lookup column needs the id of the list it points at when it is created. */
export function inDependencyOrder(kinds: readonly RecordKind[]): RecordKind[] {
  const targets = new Set<RecordKind>(Object.values(referenceFields));
  return [...kinds.filter((k) => targets.has(k)), ...kinds.filter((k) => !targets.has(k))];
}

/** Every list HoivaCRM keeps, in the order they can be created. */
export const listDefinitions: readonly ListDefinition[] = inDependencyOrder(recordKinds).map((kind) => listDefinitionFor(kind));

export function listDefinitionOf(kind: RecordKind): ListDefinition {
  return listDefinitions.find((d) => d.kind === kind)!;
}

/**
 * The Graph columnDefinition to create the column with
 * (https://learn.microsoft.com/graph/api/resources/columndefinition). `listIdOf` gives the id of a lookup's
 * target list (a placeholder in a dry run, before the list exists).
 */
export function graphColumnDefinition(column: ListColumn, listIdOf: (kind: LookupTarget) => string): Record<string, unknown> {
  return {
    name: column.name,
    displayName: column.displayName,
    ...(column.description ? { description: column.description } : {}),
    required: column.required,
    indexed: column.indexed,
    enforceUniqueValues: column.enforceUniqueValues,
    hidden: false,
    ...typeFacet(column, listIdOf),
  };
}

/** The one type-specific property of a columnDefinition (text, choice, number, …). */
export function typeFacet(column: ListColumn, listIdOf: (kind: LookupTarget) => string): Record<string, unknown> {
  switch (column.type) {
    case 'text':
      return { text: { allowMultipleLines: false, maxLength: column.maxLength ?? maxTextLength } };
    case 'note':
      return { text: { allowMultipleLines: true, appendChangesToExistingText: false, linesForEditing: 6, textType: 'plain' } };
    case 'choice':
      return { choice: { allowTextEntry: false, choices: [...(column.choices ?? [])], displayAs: 'dropDownMenu' } };
    case 'number':
      return {
        number: {
          decimalPlaces: column.integer ? 'none' : 'automatic',
          displayAs: 'number',
          ...(column.minimum !== undefined ? { minimum: column.minimum } : {}),
          ...(column.maximum !== undefined ? { maximum: column.maximum } : {}),
        },
      };
    case 'dateTime':
      return { dateTime: { format: column.dateFormat ?? 'dateTime', displayAs: 'standard' } };
    case 'boolean':
      return { boolean: {} };
    case 'lookup':
      return { lookup: { listId: listIdOf(column.lookupTo!), columnName: 'Title' } };
  }
}
