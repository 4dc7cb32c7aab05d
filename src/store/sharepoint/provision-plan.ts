import type { RecordKind } from '../record-kinds.js';
import { graphColumnDefinition, typeFacet, type ListColumn, type ListColumnType, type ListDefinition, type LookupTarget } from './list-schema.js';
import { unknownViewColumns, type ListViewDefinition } from './list-views.js';
import { listByTitlePath } from './sharepoint-rest.js';

/**
 * What provisioning must change on the site, computed from what is there (SiteState, read first) and what
 * the schemas want (list-schema.ts, list-views.ts). Pure: no I/O, so every decision is testable and a dry
 * run shows exactly the requests a real run sends. Idempotent by construction: a site that matches yields
 * an empty plan.
 *
 * Provisioning adds and adjusts, never removes: a list or column that is not HoivaCRM's, or a column the
 * schema dropped, stays (there may be data in it); a column whose type is wrong cannot be changed in place,
 * so it is a conflict an administrator resolves (nothing is written while there is one).
 */

/** A list as `GET /sites/{site}/lists` shows it. */
export interface ExistingList {
  id: string;
  displayName: string;
  name?: string;
}

/** A column as `GET /sites/{site}/lists/{list}/columns` shows it (columnDefinition). */
export interface ExistingColumn {
  id: string;
  name: string;
  displayName?: string;
  required?: boolean;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  readOnly?: boolean;
  hidden?: boolean;
  text?: { allowMultipleLines?: boolean; maxLength?: number };
  choice?: { choices?: string[] };
  number?: { minimum?: number; maximum?: number; decimalPlaces?: string };
  dateTime?: { format?: string };
  boolean?: object;
  lookup?: { listId?: string; columnName?: string };
  personOrGroup?: object;
  [facet: string]: unknown;
}

export interface SiteState {
  siteId: string;
  /** The site's URL (Graph's webUrl), for the SharePoint REST API. */
  webUrl?: string;
  lists: ExistingList[];
  /** Columns of the HoivaCRM lists that exist, by list id. */
  columns: Map<string, ExistingColumn[]>;
  /** View titles of the HoivaCRM lists that exist, by list id (absent when SharePoint REST is not available). */
  views: Map<string, string[]>;
}

export interface PlannedRequest {
  /** Graph (path under the version root) or SharePoint REST (path under the site URL). */
  api: 'graph' | 'sharepoint';
  method: 'POST' | 'PATCH';
  path: string;
  headers?: Record<string, string>;
  body: unknown;
  /** One line saying what the request does. */
  summary: string;
  /** For a list creation: the kind whose list id the answer holds (later requests may need it). */
  createsListOf?: RecordKind;
}

export interface ProvisionPlan {
  requests: PlannedRequest[];
  /** What provisioning cannot fix by itself; a plan with conflicts is not applied. */
  conflicts: string[];
  /** Things left as they are, said once (columns that are not HoivaCRM's, views skipped and why). */
  notes: string[];
  /** The ids of the HoivaCRM lists that exist already. */
  listIds: Map<RecordKind, string>;
}

export interface PlanOptions {
  definitions: readonly ListDefinition[];
  views: readonly ListViewDefinition[];
  /** Why views cannot be provisioned (no certificate, no site URL), or undefined when they can. */
  viewsUnavailable?: string;
}

/**
 * Stands for the id of a list created earlier in the same run; replaced when that list exists. No double
 * quotes in it, so it reads the same inside a JSON body.
 */
export function listIdPlaceholder(displayName: string): string {
  return `{id of the list '${displayName}'}`;
}

export function findList(state: SiteState, displayName: string): ExistingList | undefined {
  // The URL name survives a rename of the display name in SharePoint.
  return state.lists.find((l) => l.displayName === displayName) ?? state.lists.find((l) => l.name === displayName);
}

export function planProvisioning(state: SiteState, options: PlanOptions): ProvisionPlan {
  const plan: ProvisionPlan = { requests: [], conflicts: [], notes: [], listIds: new Map() };
  const byKind = new Map(options.definitions.map((d) => [d.kind, d]));
  for (const definition of options.definitions) {
    const existing = findList(state, definition.displayName);
    if (existing) plan.listIds.set(definition.kind, existing.id);
  }
  const listIdOf = (kind: LookupTarget): string => {
    const target = byKind.get(kind);
    if (!target) throw new Error(`a lookup points at ${kind}, whose list is not among the definitions`);
    return plan.listIds.get(kind) ?? listIdPlaceholder(target.displayName);
  };

  for (const definition of options.definitions) {
    const listId = plan.listIds.get(definition.kind);
    if (!listId) {
      plan.requests.push({
        api: 'graph',
        method: 'POST',
        path: `/sites/${state.siteId}/lists`,
        body: {
          displayName: definition.displayName,
          description: definition.description,
          list: { template: 'genericList' },
          columns: definition.columns.map((c) => graphColumnDefinition(c, listIdOf)),
        },
        summary: `create the list "${definition.displayName}" with ${definition.columns.length} columns`,
        createsListOf: definition.kind,
      });
      continue;
    }
    planColumns(plan, state, definition, listId, listIdOf);
  }

  planViews(plan, state, options);
  return plan;
}

function planColumns(
  plan: ProvisionPlan,
  state: SiteState,
  definition: ListDefinition,
  listId: string,
  listIdOf: (kind: LookupTarget) => string,
): void {
  const existing = state.columns.get(listId) ?? [];
  const byName = new Map(existing.map((c) => [c.name.toLowerCase(), c]));
  const columnsPath = `/sites/${state.siteId}/lists/${listId}/columns`;
  for (const column of definition.columns) {
    const found = byName.get(column.name.toLowerCase());
    if (!found) {
      plan.requests.push({
        api: 'graph',
        method: 'POST',
        path: columnsPath,
        body: graphColumnDefinition(column, listIdOf),
        summary: `add the column ${column.name} (${column.type}) to "${definition.displayName}"`,
      });
      continue;
    }
    const change = columnChange(column, found, listIdOf);
    if ('conflict' in change) {
      plan.conflicts.push(`"${definition.displayName}": ${change.conflict}`);
    } else if (change.patch) {
      plan.requests.push({
        api: 'graph',
        method: 'PATCH',
        path: `${columnsPath}/${found.id}`,
        body: change.patch,
        summary: `update the column ${column.name} of "${definition.displayName}": ${Object.keys(change.patch).join(', ')}`,
      });
    }
  }
  const managed = new Set(definition.columns.map((c) => c.name.toLowerCase()));
  const foreign = existing.filter((c) => !managed.has(c.name.toLowerCase()) && !c.readOnly && !c.hidden && c.name !== 'Title');
  if (foreign.length) {
    plan.notes.push(`"${definition.displayName}" has columns that are not HoivaCRM's, left as they are: ${foreign.map((c) => c.name).join(', ')}`);
  }
}

/** The type an existing column has, from the facet Graph shows. */
export function existingColumnType(column: ExistingColumn): ListColumnType | 'person' | 'other' {
  if (column.text) return column.text.allowMultipleLines ? 'note' : 'text';
  if (column.choice) return 'choice';
  if (column.number) return 'number';
  if (column.dateTime) return 'dateTime';
  if (column.boolean) return 'boolean';
  if (column.lookup) return 'lookup';
  if (column.personOrGroup) return 'person';
  return 'other';
}

type ColumnChange = { patch?: Record<string, unknown> } | { conflict: string };

/** The PATCH that brings an existing column to the definition, or why it cannot be done in place. */
export function columnChange(desired: ListColumn, existing: ExistingColumn, listIdOf: (kind: LookupTarget) => string): ColumnChange {
  const type = existingColumnType(existing);
  if (type !== desired.type) {
    return {
      conflict: `the column ${existing.name} is ${type} but the schema needs ${desired.type}; a column's type cannot be changed in place — rename or delete it in SharePoint (after saving its data), then run provisioning again`,
    };
  }
  if (desired.type === 'lookup' && existing.lookup?.listId !== listIdOf(desired.lookupTo!)) {
    return { conflict: `the lookup column ${existing.name} points at list ${existing.lookup?.listId ?? '(none)'}, not at the ${desired.lookupTo} list; delete it in SharePoint and run provisioning again` };
  }
  const patch: Record<string, unknown> = {};
  if (!!existing.indexed !== desired.indexed) patch.indexed = desired.indexed;
  if (!!existing.enforceUniqueValues !== desired.enforceUniqueValues) patch.enforceUniqueValues = desired.enforceUniqueValues;
  if (!!existing.required !== desired.required) patch.required = desired.required;
  const facet = typeFacet(desired, listIdOf);
  switch (desired.type) {
    case 'choice':
      if (!sameList(existing.choice?.choices ?? [], desired.choices ?? [])) patch.choice = facet.choice;
      break;
    case 'text':
      if (existing.text?.maxLength !== desired.maxLength) patch.text = facet.text;
      break;
    case 'dateTime':
      if (existing.dateTime?.format !== desired.dateFormat) patch.dateTime = facet.dateTime;
      break;
    case 'number': {
      const n = existing.number ?? {};
      const boundsDiffer =
        (desired.minimum !== undefined && n.minimum !== desired.minimum) || (desired.maximum !== undefined && n.maximum !== desired.maximum);
      if (boundsDiffer) patch.number = facet.number;
      break;
    }
  }
  return Object.keys(patch).length ? { patch } : {};
}

function planViews(plan: ProvisionPlan, state: SiteState, options: PlanOptions): void {
  const views = options.views.filter((v) => options.definitions.some((d) => d.kind === v.kind));
  if (views.length === 0) return;
  if (options.viewsUnavailable) {
    plan.notes.push(`list views not provisioned (${views.map((v) => v.title).join(', ')}): ${options.viewsUnavailable}`);
    return;
  }
  for (const view of views) {
    const definition = options.definitions.find((d) => d.kind === view.kind)!;
    const unknown = unknownViewColumns(view, definition);
    if (unknown.length) {
      plan.conflicts.push(`the view "${view.title}" names columns "${definition.displayName}" lacks: ${unknown.join(', ')}`);
      continue;
    }
    const list = findList(state, definition.displayName);
    const titles = list ? (state.views.get(list.id) ?? []) : [];
    if (titles.includes(view.title)) continue;
    plan.requests.push({
      api: 'sharepoint',
      method: 'POST',
      path: `${listByTitlePath(list?.displayName ?? definition.displayName)}/views/add`,
      body: viewCreationBody(view),
      summary: `create the view "${view.title}" of "${definition.displayName}" (SharePoint REST)`,
    });
  }
}

/**
 * `POST …/views/add` with SP.ViewCreationInformation (SharePoint REST reference, ViewCollection.add):
 * title, the columns shown, the CAML query, a standard (HTML) view, paged. UNVERIFIED against a tenant.
 */
export function viewCreationBody(view: ListViewDefinition): Record<string, unknown> {
  return {
    parameters: {
      __metadata: { type: 'SP.ViewCreationInformation' },
      Title: view.title,
      ViewFields: { __metadata: { type: 'Collection(Edm.String)' }, results: [...view.viewFields] },
      Query: view.query,
      RowLimit: view.rowLimit,
      Paged: true,
      PersonalView: false,
      SetAsDefaultView: false,
      ViewTypeKind: 1,
    },
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
