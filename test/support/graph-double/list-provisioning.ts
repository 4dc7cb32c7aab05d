import { randomUUID } from 'node:crypto';
import { graphError, json, type DoubleRequest, type DoubleResponse, type GraphRoute } from './double-http.js';
import type { GraphDouble } from './graph-double.js';
import type { DoubleColumn, DoubleList, SharePointLists } from './sharepoint-lists.js';

/**
 * Sites, lists and columns as Microsoft Graph creates and shows them (issue 4, provisioning), on the same
 * model as the list items (sharepoint-lists.ts):
 *
 *   GET   /sites/{site}                          site { id, displayName, name, webUrl }
 *   GET   /sites/{site}/lists                    list collection { id, name, displayName, list { template } }
 *   POST  /sites/{site}/lists                    { displayName, list: { template }, columns: [columnDefinition] } → 201
 *   GET   /sites/{site}/lists/{list}             list (expand=columns)
 *   GET   /sites/{site}/lists/{list}/columns     columnDefinition collection (built-in columns included)
 *   POST  /sites/{site}/lists/{list}/columns     columnDefinition → 201
 *   PATCH /sites/{site}/lists/{list}/columns/{id}  changed properties → 200 columnDefinition
 *
 * Rules enforced, each a documented SharePoint/Graph rule or a reported behaviour (cited in the message):
 * exactly one type facet; a unique column name; `enforceUniqueValues` only on an indexed column; no index on a
 * multi-line text column; a single line of text at most 255 characters; a lookup's list and column exist; a
 * choice column with `displayAs: checkBoxes` is refused (microsoft-graph-docs#21021); a column's type cannot
 * change. And the grant: a site whose app role is `read` or `write` (Sites.Selected) answers 403 to list and
 * column writes — creating lists needs `manage` or `fullcontrol`.
 */
export type SiteRole = 'read' | 'write' | 'manage' | 'fullcontrol';

const typeFacets = ['text', 'choice', 'number', 'dateTime', 'boolean', 'lookup', 'personOrGroup', 'currency', 'calculated'] as const;

/** Columns Graph lists for every generic list besides Title (read-only; a few of the many). */
const builtInColumnsShown = [
  { name: 'ID', displayName: 'ID', number: {} },
  { name: 'ContentType', displayName: 'Content Type', text: { allowMultipleLines: false, maxLength: 255 } },
  { name: 'Modified', displayName: 'Modified', dateTime: { format: 'dateTime', displayAs: 'default' } },
  { name: 'Created', displayName: 'Created', dateTime: { format: 'dateTime', displayAs: 'default' } },
  { name: 'Author', displayName: 'Created By', personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly' } },
  { name: 'Editor', displayName: 'Modified By', personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly' } },
  { name: 'Attachments', displayName: 'Attachments', boolean: {} },
];

const titleDefinition = {
  name: 'Title',
  displayName: 'Title',
  required: true,
  text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
};

export class ListProvisioning {
  /** The app's Sites.Selected role per site (default: manage). */
  readonly roles = new Map<string, SiteRole>();
  /**
   * Whether indexes and unique values asked for inside a list creation are dropped. Graph documents columns in
   * a list creation but not that every property of them takes effect; tests use this to show provisioning
   * notices and repairs it.
   */
  dropIndexesOnListCreation = false;
  private readonly webUrls = new Map<string, string>();

  constructor(
    private readonly lists: SharePointLists,
    private readonly graphBaseUrl: () => string,
  ) {}

  /** Registers the routes on the double; returns this for chaining. */
  static on(double: GraphDouble): ListProvisioning {
    const provisioning = new ListProvisioning(double.lists, () => double.graphBaseUrl);
    double.addRoutes(provisioning.routes());
    return provisioning;
  }

  /** A site with its URL (what SharePoint REST is called on). */
  addSite(siteId: string, webUrl: string): void {
    this.lists.addSite(siteId);
    this.webUrls.set(siteId, webUrl);
  }

  webUrlOf(siteId: string): string {
    return this.webUrls.get(siteId) ?? `https://contoso.sharepoint.com/sites/${siteId.split(',')[1] ?? 'hoivacrm'}`;
  }

  /** The columnDefinition Graph shows for a column. */
  columnJson(column: DoubleColumn): Record<string, unknown> {
    if (column.name === 'Title') return { id: 'fa564e0f-0c70-4ab9-b863-0177e6ddd247', ...baseColumnJson(), ...titleDefinition, ...(column.definition ?? {}), indexed: column.indexed };
    return { ...baseColumnJson(), ...(column.definition ?? {}), name: column.name, indexed: column.indexed, enforceUniqueValues: column.enforceUniqueValues };
  }

  routes(): GraphRoute[] {
    const site = /^\/sites\/([^/]+)$/;
    const lists = /^\/sites\/([^/]+)\/lists$/;
    const list = /^\/sites\/([^/]+)\/lists\/([^/]+)$/;
    const columns = /^\/sites\/([^/]+)\/lists\/([^/]+)\/columns$/;
    const column = /^\/sites\/([^/]+)\/lists\/([^/]+)\/columns\/([^/]+)$/;
    return [
      { method: 'GET', pattern: site, handle: (_r, [s]) => this.withSite(s!, () => this.siteJson(s!)) },
      { method: 'GET', pattern: lists, handle: (_r, [s]) => this.withSite(s!, () => json(200, { value: this.siteLists(s!).map((l) => this.listJson(s!, l)) })) },
      { method: 'POST', pattern: lists, handle: (r, [s]) => this.withSite(s!, () => this.writable(s!) ?? this.createList(r, s!)) },
      { method: 'GET', pattern: list, handle: (r, [s, l]) => this.withList(s!, l!, (it) => json(200, this.listJson(s!, it, /columns/.test(r.query.get('expand') ?? r.query.get('$expand') ?? '')))) },
      { method: 'GET', pattern: columns, handle: (_r, [s, l]) => this.withList(s!, l!, (it) => json(200, { value: this.columnsJson(it) })) },
      { method: 'POST', pattern: columns, handle: (r, [s, l]) => this.withList(s!, l!, (it) => this.writable(s!) ?? this.createColumn(r, s!, it)) },
      { method: 'PATCH', pattern: column, handle: (r, [s, l, c]) => this.withList(s!, l!, (it) => this.writable(s!) ?? this.patchColumn(r, s!, it, c!)) },
    ];
  }

  // --- routes ---

  private siteJson(siteId: string): DoubleResponse {
    const webUrl = this.webUrlOf(siteId);
    return json(200, { id: siteId, name: webUrl.split('/').pop(), displayName: 'HoivaCRM', webUrl });
  }

  private siteLists(siteId: string): DoubleList[] {
    return [...(this.lists.sites.get(siteId)?.lists.values() ?? [])];
  }

  private listJson(siteId: string, list: DoubleList, withColumns = false): Record<string, unknown> {
    return {
      id: list.id,
      name: list.displayName,
      displayName: list.displayName,
      webUrl: `${this.webUrlOf(siteId)}/Lists/${encodeURIComponent(list.displayName)}`,
      list: { contentTypesEnabled: false, hidden: false, template: 'genericList' },
      ...(withColumns ? { columns: this.columnsJson(list) } : {}),
    };
  }

  private columnsJson(list: DoubleList): Record<string, unknown>[] {
    const builtIns = builtInColumnsShown.map((c) => ({ ...baseColumnJson(), id: randomUUIDFor(`${list.id}:${c.name}`), readOnly: true, ...c }));
    const [title, ...own] = [...list.columns.values()].map((c) => this.columnJson(c));
    return [title!, ...builtIns, ...own];
  }

  private createList(request: DoubleRequest, siteId: string): DoubleResponse {
    const body = (request.body ?? {}) as { displayName?: unknown; list?: { template?: unknown }; columns?: unknown };
    if (typeof body.displayName !== 'string' || !body.displayName.trim()) return graphError(400, 'invalidRequest', 'The displayName of a list is required.');
    const template = body.list?.template ?? 'genericList';
    if (template !== 'genericList') return graphError(400, 'invalidRequest', `The double creates genericList lists only, not ${String(template)}.`);
    if (this.siteLists(siteId).some((l) => l.displayName.toLowerCase() === body.displayName!.toString().toLowerCase())) {
      return graphError(409, 'nameAlreadyExists', 'The specified list name is already in use.');
    }
    const definitions = Array.isArray(body.columns) ? (body.columns as Record<string, unknown>[]) : [];
    const list = this.lists.addList(siteId, { displayName: body.displayName });
    for (const asked of definitions) {
      const definition = this.dropIndexesOnListCreation ? { ...asked, indexed: false, enforceUniqueValues: false } : asked;
      const refused = this.addColumn(siteId, list, definition);
      if (refused) {
        this.lists.sites.get(siteId)!.lists.delete(list.id);
        return refused;
      }
    }
    return json(201, this.listJson(siteId, list), { Location: `${this.graphBaseUrl()}/sites/${siteId}/lists/${list.id}` });
  }

  private createColumn(request: DoubleRequest, siteId: string, list: DoubleList): DoubleResponse {
    const definition = (request.body ?? {}) as Record<string, unknown>;
    const refused = this.addColumn(siteId, list, definition);
    return refused ?? json(201, this.columnJson(list.columns.get(String(definition.name))!));
  }

  private patchColumn(request: DoubleRequest, siteId: string, list: DoubleList, columnId: string): DoubleResponse {
    const column = [...list.columns.values()].find((c) => c.definition?.id === columnId);
    if (!column) return graphError(404, 'itemNotFound', 'The specified column was not found.');
    const changes = (request.body ?? {}) as Record<string, unknown>;
    if ('id' in changes || ('name' in changes && changes.name !== column.name)) return graphError(400, 'invalidRequest', "A column's id and name cannot be changed.");
    const facet = facetOf(column.definition!);
    const newFacet = typeFacets.find((f) => f in changes && f !== facet);
    if (newFacet) return graphError(400, 'invalidRequest', `The column ${column.name} is ${facet}; a column's type cannot be changed to ${newFacet}.`);
    const merged = { ...column.definition!, ...changes };
    const refused = this.validate(siteId, list, merged, column.name);
    if (refused) return refused;
    column.definition = merged;
    column.indexed = !!merged.indexed;
    column.enforceUniqueValues = !!merged.enforceUniqueValues;
    return json(200, this.columnJson(column));
  }

  // --- model ---

  private addColumn(siteId: string, list: DoubleList, definition: Record<string, unknown>): DoubleResponse | undefined {
    const refused = this.validate(siteId, list, definition);
    if (refused) return refused;
    const stored = { ...definition, id: randomUUID() };
    list.columns.set(String(definition.name), {
      name: String(definition.name),
      indexed: !!definition.indexed,
      enforceUniqueValues: !!definition.enforceUniqueValues,
      definition: stored,
    });
    return undefined;
  }

  private validate(siteId: string, list: DoubleList, d: Record<string, unknown>, existingName?: string): DoubleResponse | undefined {
    const bad = (message: string) => graphError(400, 'invalidRequest', message);
    const name = d.name;
    if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) return bad(`Invalid column name '${String(name)}'.`);
    if (existingName === undefined && [...list.columns.keys()].some((n) => n.toLowerCase() === name.toLowerCase())) {
      return bad(`A duplicate field name "${name}" was found.`);
    }
    const facets = typeFacets.filter((f) => f in d && d[f] !== undefined && d[f] !== null);
    if (facets.length !== 1) return bad(`A column needs exactly one type (${typeFacets.join(', ')}); '${name}' has ${facets.length ? facets.join(', ') : 'none'}.`);
    const facet = facets[0]!;
    const body = (d[facet] ?? {}) as Record<string, unknown>;
    const multiLine = facet === 'text' && body.allowMultipleLines === true;
    if (d.enforceUniqueValues && !d.indexed) return bad(`The column '${name}' must be indexed to enforce unique values.`);
    if (multiLine && d.indexed) return bad(`The column '${name}' is multiple lines of text, which cannot be indexed.`);
    if (facet === 'text' && !multiLine && body.maxLength !== undefined && (typeof body.maxLength !== 'number' || body.maxLength < 1 || body.maxLength > 255)) {
      return bad(`A single line of text holds 1 to 255 characters; '${name}' asks for ${String(body.maxLength)}.`);
    }
    if (facet === 'choice') {
      const choices = body.choices;
      if (!Array.isArray(choices) || choices.length === 0 || choices.some((c) => typeof c !== 'string' || !c)) return bad(`The choice column '${name}' needs a list of choices.`);
      if (body.displayAs === 'checkBoxes') return bad(`displayAs 'checkBoxes' cannot be set when creating '${name}' (as reported in microsoft-graph-docs#21021).`);
    }
    if (facet === 'dateTime' && body.format !== undefined && body.format !== 'dateOnly' && body.format !== 'dateTime') return bad(`Invalid dateTime format '${String(body.format)}'.`);
    if (facet === 'number' && typeof body.minimum === 'number' && typeof body.maximum === 'number' && body.minimum > body.maximum) return bad(`'${name}': minimum is above maximum.`);
    if (facet === 'lookup') {
      const target = typeof body.listId === 'string' ? this.lists.sites.get(siteId)?.lists.get(body.listId) : undefined;
      if (!target) return bad(`The lookup column '${name}' names list '${String(body.listId)}', which the site does not have.`);
      if (!target.columns.has(String(body.columnName ?? ''))) return bad(`The lookup column '${name}' names column '${String(body.columnName)}', which "${target.displayName}" does not have.`);
    }
    return undefined;
  }

  private writable(siteId: string): DoubleResponse | undefined {
    const role = this.roles.get(siteId) ?? 'manage';
    return role === 'manage' || role === 'fullcontrol' ? undefined : graphError(403, 'accessDenied', 'Access denied');
  }

  private withSite(siteId: string, then: () => DoubleResponse): DoubleResponse {
    return this.lists.sites.has(siteId) ? then() : graphError(404, 'itemNotFound', 'Requested site could not be found');
  }

  private withList(siteId: string, idOrName: string, then: (list: DoubleList) => DoubleResponse): DoubleResponse {
    return this.withSite(siteId, () => {
      const list = this.lists.list(siteId, idOrName);
      return list ? then(list) : graphError(404, 'itemNotFound', 'The specified list was not found');
    });
  }
}

function baseColumnJson(): Record<string, unknown> {
  return { columnGroup: 'Custom Columns', description: '', enforceUniqueValues: false, hidden: false, indexed: false, readOnly: false, required: false };
}

function facetOf(definition: Record<string, unknown>): string | undefined {
  return typeFacets.find((f) => f in definition && definition[f] !== undefined && definition[f] !== null);
}

/** A stable id for a built-in column of a list, so two reads show the same ids. */
function randomUUIDFor(seed: string): string {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const hex = h.toString(16).padStart(8, '0');
  return `${hex}-0000-4000-8000-${hex}${hex.slice(0, 4)}`;
}
