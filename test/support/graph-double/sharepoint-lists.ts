import { randomUUID } from 'node:crypto';
import { graphError, json, type DoubleRequest, type DoubleResponse, type GraphRoute } from './double-http.js';
import { FilterSyntaxError, evaluateFilter, parseFilter } from './odata-filter.js';

/**
 * SharePoint lists as Microsoft Graph shows them (issue 4), kept deliberately simple: sites hold lists, a list
 * has columns {name, indexed, enforceUniqueValues} and items {id, eTag, fields}. The routes follow Graph's
 * listItem documentation:
 *
 *   GET    /sites/{site}/lists/{list}/items      expand=fields(select=…), $select, $filter, $orderby, $top,
 *                                                 paging by @odata.nextLink ($skiptoken)
 *   POST   /sites/{site}/lists/{list}/items      { fields: {…} } → 201 listItem
 *   GET    /sites/{site}/lists/{list}/items/{id}
 *   PATCH  /sites/{site}/lists/{list}/items/{id}         { fields: {…} } → listItem   (If-Match → 412)
 *   PATCH  /sites/{site}/lists/{list}/items/{id}/fields  { … } → fieldValueSet        (If-Match → 412)
 *   DELETE /sites/{site}/lists/{list}/items/{id}         → 204                        (If-Match → 412)
 *
 * SharePoint rules the double enforces: `$filter`/`$orderby` on a column that is not indexed answers 400
 * unless the request sends `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`; a field that is not a
 * column answers 400 (a lookup column is written as `<Column>LookupId`); a duplicate value in an
 * `enforceUniqueValues` column answers 409. List and column creation live in list-provisioning.ts, views in
 * sharepoint-rest-views.ts, the delta query (`GET …/items/delta`) in list-delta.ts. Every insert, update and
 * delete — through Graph, inside a `$batch`, or "in the UI" (writeItem, deleteItemInUi) — goes into the
 * list's change log, which is what delta reads.
 */
export interface ColumnSpec {
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  /** The columnDefinition it was created with through Graph (list-provisioning.ts), with its id. */
  definition?: Record<string, unknown>;
}

export interface DoubleColumn {
  name: string;
  indexed: boolean;
  enforceUniqueValues: boolean;
  definition?: Record<string, unknown>;
}

/** The column a `fields` key names: the column itself, or a lookup/person column written as `<Column>LookupId`. */
export function columnOfField(list: DoubleList, key: string): DoubleColumn | undefined {
  const direct = list.columns.get(key);
  if (direct || !key.endsWith('LookupId')) return direct;
  const column = list.columns.get(key.slice(0, -'LookupId'.length));
  return column?.definition?.lookup || column?.definition?.personOrGroup ? column : undefined;
}

export interface DoubleItem {
  id: string;
  /** The item's unique id; the eTag is `"{guid},{version}"` as in SharePoint. */
  guid: string;
  version: number;
  fields: Record<string, unknown>;
  createdDateTime: string;
  lastModifiedDateTime: string;
  /** Who made and last changed the item in the list view (a person); absent when HoivaCRM's app did. */
  createdByUser?: UiUser;
  modifiedByUser?: UiUser;
}

/** A SharePoint user as Graph's identitySet shows one. */
export interface UiUser {
  id: string;
  displayName: string;
  email?: string;
}

/** One entry of a list's change log. */
export interface ItemChange {
  /** Position in the log, from 1; a delta token remembers the last one it has seen. */
  seq: number;
  id: string;
  /** A copy of the item right after the change; undefined for a delete. */
  state?: DoubleItem;
}

/**
 * What a delta token answers once its list's tokens were expired (expireDeltaTokens). The two codes
 * listItem delta documents for `410 Gone` (learn.microsoft.com/graph/api/listitem-delta, "Response").
 */
export type ResyncCode = 'resyncChangesApplyDifferences' | 'resyncChangesUploadDifferences';

export interface DoubleList {
  id: string;
  displayName: string;
  columns: Map<string, DoubleColumn>;
  items: Map<string, DoubleItem>;
  nextItemId: number;
  /** Every insert, update and delete, oldest first. */
  changes: ItemChange[];
  /** Delta tokens issued before the current epoch answer 410 with `deltaResyncCode`. */
  deltaEpoch: number;
  deltaResyncCode: ResyncCode;
}

export interface DoubleSite {
  id: string;
  lists: Map<string, DoubleList>;
}

/** Graph's default page size for list items when no $top is given. */
export const defaultPageSize = 200;

/** Columns every list has: Title (not indexed), and the item id (always indexed, filterable as `id`). */
const builtInColumns: DoubleColumn[] = [{ name: 'Title', indexed: false, enforceUniqueValues: false }];

export const honorNonIndexed = 'honornonindexedquerieswarningmayfailrandomly';

export class SharePointLists {
  readonly sites = new Map<string, DoubleSite>();
  /**
   * listItem delta: "The same item might appear more than once in a delta feed, for various reasons. You
   * should use the last occurrence you see." When set, every delta round shows each item twice, on separate
   * pages: first an older state, later the current one — so a consumer that keeps the first one is caught.
   */
  deltaRepeats = false;
  /**
   * How a write that hits an enforced-unique column's existing value is answered. Graph documents no status
   * for it (SharePoint's own error is 0x810200bf, "duplicate values were found in one or more fields"); 409
   * is what the double answers by default, and tests set 400 or 500 with SharePoint's text to check that a
   * client does not count on one status.
   */
  duplicateAnswer: { status: number; code: string; message?: string } = { status: 409, code: 'nameAlreadyExists' };

  constructor(private readonly graphBaseUrl: () => string) {}

  addSite(id: string): DoubleSite {
    const site = this.sites.get(id) ?? { id, lists: new Map() };
    this.sites.set(id, site);
    return site;
  }

  addList(siteId: string, spec: { displayName: string; columns?: ColumnSpec[]; id?: string }): DoubleList {
    const site = this.addSite(siteId);
    const list: DoubleList = {
      id: spec.id ?? randomUUID(),
      displayName: spec.displayName,
      columns: new Map(
        [...builtInColumns, ...(spec.columns ?? []).map((c) => ({ name: c.name, indexed: !!c.indexed || !!c.enforceUniqueValues, enforceUniqueValues: !!c.enforceUniqueValues, definition: c.definition }))].map(
          (c) => [c.name, c],
        ),
      ),
      items: new Map(),
      nextItemId: 1,
      changes: [],
      deltaEpoch: 0,
      deltaResyncCode: 'resyncChangesApplyDifferences',
    };
    site.lists.set(list.id, list);
    return list;
  }

  /** A list by id or by display name (Graph accepts both in the URL). */
  list(siteId: string, idOrName: string): DoubleList | undefined {
    const lists = this.sites.get(siteId)?.lists;
    return lists?.get(idOrName) ?? [...(lists?.values() ?? [])].find((l) => l.displayName === idOrName);
  }

  /**
   * A write made "in SharePoint" (the list view), not through Graph: no eTag check, no column check.
   * With an id it updates that item (creating it if missing); the version moves on either way.
   */
  writeItem(siteId: string, listIdOrName: string, fields: Record<string, unknown>, id?: string, by?: UiUser): DoubleItem {
    const list = this.requireList(siteId, listIdOrName);
    const existing = id ? list.items.get(id) : undefined;
    if (existing) {
      existing.fields = { ...existing.fields, ...fields };
      existing.modifiedByUser = by;
      existing.version++;
      existing.lastModifiedDateTime = new Date().toISOString();
      logChange(list, existing.id, existing);
      return existing;
    }
    const created = this.insert(list, fields, id);
    created.createdByUser = created.modifiedByUser = by;
    return created;
  }

  /** A delete made "in SharePoint" (the list view): no eTag check. Throws if there is no such item. */
  deleteItemInUi(siteId: string, listIdOrName: string, id: string): void {
    const list = this.requireList(siteId, listIdOrName);
    if (!list.items.has(id)) throw new Error(`The Graph double's list ${listIdOrName} has no item ${id}`);
    this.remove(list, id);
  }

  /**
   * After this, every delta token issued so far for the list (deltaLinks and nextLinks alike) answers
   * `410 Gone` with `code` and a Location that starts a fresh enumeration — what Graph does "if a client
   * tries to reuse an old token after being disconnected for a long time, or if the server state has
   * changed and a new token is required" (listitem-delta).
   */
  expireDeltaTokens(siteId: string, listIdOrName: string, code: ResyncCode = 'resyncChangesApplyDifferences'): void {
    const list = this.requireList(siteId, listIdOrName);
    list.deltaEpoch++;
    list.deltaResyncCode = code;
  }

  items(siteId: string, listIdOrName: string): DoubleItem[] {
    return sortedItems(this.requireList(siteId, listIdOrName));
  }

  routes(): GraphRoute[] {
    const items = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items$/;
    // Not `delta`: that is the delta function (list-delta.ts), whatever order the routes are registered in.
    const item = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items\/(?!delta$)([^/]+)$/;
    const fields = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items\/([^/]+)\/fields$/;
    return [
      { method: 'GET', pattern: items, handle: (r, [s, l]) => this.withList(s!, l!, (list) => this.listItems(r, s!, list)) },
      { method: 'POST', pattern: items, handle: (r, [s, l]) => this.withList(s!, l!, (list) => this.createItem(r, s!, list)) },
      { method: 'GET', pattern: item, handle: (r, [s, l, id]) => this.withItem(s!, l!, id!, (list, it) => json(200, this.itemJson(s!, list, it, expandOf(r)))) },
      { method: 'PATCH', pattern: item, handle: (r, [s, l, id]) => this.withItem(s!, l!, id!, (list, it) => this.patchItem(r, s!, list, it)) },
      { method: 'DELETE', pattern: item, handle: (r, [s, l, id]) => this.withItem(s!, l!, id!, (list, it) => this.deleteItem(r, list, it)) },
      { method: 'PATCH', pattern: fields, handle: (r, [s, l, id]) => this.withItem(s!, l!, id!, (list, it) => this.patchFields(r, list, it)) },
    ];
  }

  // --- routes ---

  private listItems(request: DoubleRequest, siteId: string, list: DoubleList): DoubleResponse {
    const filterText = param(request.query, 'filter');
    const orderBy = param(request.query, 'orderby');
    const mayUseNonIndexed = (request.headers.prefer ?? '').toLowerCase().includes(honorNonIndexed);
    let selected = sortedItems(list);

    const checkColumn = (path: string): DoubleResponse | undefined => {
      if (path === 'id') return undefined;
      const name = path.startsWith('fields/') ? path.slice('fields/'.length) : path;
      const column = columnOfField(list, name);
      if (!column) return graphError(400, 'invalidRequest', `Field '${name}' is not recognized`);
      if (!column.indexed && !mayUseNonIndexed) {
        return graphError(
          400,
          'invalidRequest',
          `Field '${name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
        );
      }
      return undefined;
    };
    const resolve = (it: DoubleItem) => (path: string) => (path === 'id' ? it.id : path.startsWith('fields/') ? it.fields[path.slice(7)] : undefined);

    if (filterText) {
      let parsed;
      try {
        parsed = parseFilter(filterText);
      } catch (error) {
        if (error instanceof FilterSyntaxError) return graphError(400, 'invalidRequest', `Invalid filter clause: ${error.message}`);
        throw error;
      }
      for (const path of parsed.paths) {
        const refused = checkColumn(path);
        if (refused) return refused;
      }
      selected = selected.filter((it) => evaluateFilter(parsed.root, resolve(it)));
    }
    if (orderBy) {
      const [path, direction] = orderBy.trim().split(/\s+/);
      const refused = checkColumn(path!);
      if (refused) return refused;
      const sign = direction?.toLowerCase() === 'desc' ? -1 : 1;
      selected = [...selected].sort((a, b) => {
        const [x, y] = [resolve(a)(path!), resolve(b)(path!)] as [string | number, string | number];
        return x === y ? Number(a.id) - Number(b.id) : x > y ? sign : -sign;
      });
    }

    // Paging: the skiptoken is SharePoint's "Paged=TRUE&p_ID=<last id>", base64 as Graph sends it.
    const top = Number(param(request.query, 'top') ?? defaultPageSize);
    if (!Number.isInteger(top) || top < 1) return graphError(400, 'invalidRequest', `Invalid $top value '${param(request.query, 'top')}'`);
    const skipToken = request.query.get('$skiptoken');
    let start = 0;
    if (skipToken) {
      const afterIndex = Number(/p_Index=(\d+)/.exec(Buffer.from(skipToken, 'base64').toString('utf8'))?.[1]);
      if (!Number.isInteger(afterIndex)) return graphError(400, 'invalidRequest', 'Invalid $skiptoken');
      start = afterIndex;
    }
    const page = selected.slice(start, start + top);
    const expand = expandOf(request);
    const body: Record<string, unknown> = {
      '@odata.context': `${this.graphBaseUrl()}/$metadata#sites('${siteId}')/lists('${list.id}')/items`,
      value: page.map((it) => this.itemJson(siteId, list, it, expand)),
    };
    if (start + top < selected.length) {
      const last = page[page.length - 1]!;
      const token = Buffer.from(`Paged=TRUE&p_ID=${last.id}&p_Index=${start + top}`).toString('base64');
      body['@odata.nextLink'] = `${this.graphBaseUrl()}${request.path}?${queryString(request.query, { $skiptoken: token })}`;
    }
    return json(200, body);
  }

  private createItem(request: DoubleRequest, siteId: string, list: DoubleList): DoubleResponse {
    const fields = (request.body as { fields?: Record<string, unknown> } | undefined)?.fields;
    if (!fields || typeof fields !== 'object') return graphError(400, 'invalidRequest', 'Invalid request: the body must have a fields object');
    const refused = this.checkWrite(list, fields);
    if (refused) return refused;
    const created = this.insert(list, fields);
    return json(201, this.itemJson(siteId, list, created, { fields: true }), { Location: `${this.graphBaseUrl()}${request.path}/${created.id}` });
  }

  private patchItem(request: DoubleRequest, siteId: string, list: DoubleList, item: DoubleItem): DoubleResponse {
    const refusedMatch = ifMatchRefusal(request, item);
    if (refusedMatch) return refusedMatch;
    const fields = (request.body as { fields?: Record<string, unknown> } | undefined)?.fields ?? {};
    const refused = this.checkWrite(list, fields, item.id);
    if (refused) return refused;
    this.update(list, item, fields);
    return json(200, this.itemJson(siteId, list, item, { fields: true }));
  }

  private patchFields(request: DoubleRequest, list: DoubleList, item: DoubleItem): DoubleResponse {
    const refusedMatch = ifMatchRefusal(request, item);
    if (refusedMatch) return refusedMatch;
    const fields = (request.body ?? {}) as Record<string, unknown>;
    const refused = this.checkWrite(list, fields, item.id);
    if (refused) return refused;
    this.update(list, item, fields);
    return json(200, fieldsJson(item, undefined));
  }

  private deleteItem(request: DoubleRequest, list: DoubleList, item: DoubleItem): DoubleResponse {
    const refusedMatch = ifMatchRefusal(request, item);
    if (refusedMatch) return refusedMatch;
    this.remove(list, item.id);
    return { status: 204 };
  }

  // --- model ---

  private checkWrite(list: DoubleList, fields: Record<string, unknown>, itemId?: string): DoubleResponse | undefined {
    for (const name of Object.keys(fields)) {
      if (name.startsWith('@odata.')) continue;
      if (!columnOfField(list, name)) return graphError(400, 'invalidRequest', `Field '${name}' is not recognized`);
    }
    const duplicates = [...list.columns.values()].filter(
      (c) =>
        c.enforceUniqueValues &&
        fields[c.name] !== undefined &&
        [...list.items.values()].some((other) => other.id !== itemId && other.fields[c.name] === fields[c.name]),
    );
    if (duplicates.length) {
      const { status, code, message } = this.duplicateAnswer;
      return graphError(status, code, message ?? `The list item could not be added or updated because duplicate values were found in the following field(s) in the list: [${duplicates.map((c) => c.name).join(', ')}].`);
    }
    return undefined;
  }

  private insert(list: DoubleList, fields: Record<string, unknown>, id?: string): DoubleItem {
    const now = new Date().toISOString();
    const itemId = id ?? String(list.nextItemId);
    list.nextItemId = Math.max(list.nextItemId, Number(itemId) + 1 || list.nextItemId + 1);
    const item: DoubleItem = { id: itemId, guid: randomUUID(), version: 1, fields: stripOData(fields), createdDateTime: now, lastModifiedDateTime: now };
    list.items.set(itemId, item);
    logChange(list, itemId, item);
    return item;
  }

  private update(list: DoubleList, item: DoubleItem, fields: Record<string, unknown>): void {
    item.fields = { ...item.fields, ...stripOData(fields) };
    // A write through Graph is the app's: "Modified by" shows the application, not the last person.
    item.modifiedByUser = undefined;
    item.version++;
    item.lastModifiedDateTime = new Date().toISOString();
    logChange(list, item.id, item);
  }

  private remove(list: DoubleList, id: string): void {
    list.items.delete(id);
    logChange(list, id, undefined);
  }

  private requireList(siteId: string, idOrName: string): DoubleList {
    const list = this.list(siteId, idOrName);
    if (!list) throw new Error(`The Graph double has no list ${idOrName} on site ${siteId}`);
    return list;
  }

  /** Answers 404 as Graph does for an unknown site or list; otherwise `then`. */
  withList(siteId: string, idOrName: string, then: (list: DoubleList) => DoubleResponse): DoubleResponse {
    if (!this.sites.has(siteId)) return graphError(404, 'itemNotFound', `Requested site could not be found`);
    const list = this.list(siteId, idOrName);
    return list ? then(list) : graphError(404, 'itemNotFound', `The specified list was not found`);
  }

  private withItem(siteId: string, listIdOrName: string, id: string, then: (list: DoubleList, item: DoubleItem) => DoubleResponse): DoubleResponse {
    return this.withList(siteId, listIdOrName, (list) => {
      const item = list.items.get(id);
      return item ? then(list, item) : graphError(404, 'itemNotFound', 'Item not found');
    });
  }

  /** The listItem JSON Graph shows, with `$select` and `expand=fields(select=…)` applied. */
  itemJson(siteId: string, list: DoubleList, item: DoubleItem, expand: Expand): Record<string, unknown> {
    const etag = eTagOf(item);
    const full: Record<string, unknown> = {
      '@odata.etag': etag,
      createdDateTime: item.createdDateTime,
      eTag: etag,
      id: item.id,
      lastModifiedDateTime: item.lastModifiedDateTime,
      webUrl: `https://contoso.sharepoint.com/sites/hoivacrm/Lists/${encodeURIComponent(list.displayName)}/${item.id}_.000`,
      createdBy: item.createdByUser ? { user: item.createdByUser } : { application: { displayName: 'HoivaCRM' } },
      lastModifiedBy: item.modifiedByUser ? { user: item.modifiedByUser } : { application: { displayName: 'HoivaCRM' } },
      parentReference: { id: list.id, siteId },
      contentType: { id: '0x0100', name: 'Item' },
    };
    const shown = expand.select ? Object.fromEntries(Object.entries(full).filter(([k]) => k === '@odata.etag' || expand.select!.includes(k))) : full;
    if (expand.fields) shown.fields = fieldsJson(item, expand.fieldSelect);
    return shown;
  }
}

export interface Expand {
  fields: boolean;
  /** expand=fields(select=A,B) */
  fieldSelect?: string[];
  /** $select on the listItem itself */
  select?: string[];
}

/** `expand=fields(select=…)` and `$select` of a request (only its query is read). */
export function expandOf(request: Pick<DoubleRequest, 'query'>): Expand {
  const expand = param(request.query, 'expand') ?? '';
  const match = /(?:^|,)\s*fields\s*(?:\(\s*\$?select\s*=\s*([^)]*)\))?/i.exec(expand);
  const select = param(request.query, 'select');
  return {
    fields: !!match,
    fieldSelect: match?.[1] ? match[1].split(',').map((s) => s.trim()).filter(Boolean) : undefined,
    select: select ? select.split(',').map((s) => s.trim()) : undefined,
  };
}

function fieldsJson(item: DoubleItem, select: string[] | undefined): Record<string, unknown> {
  const all: Record<string, unknown> = {
    '@odata.etag': eTagOf(item),
    ...item.fields,
    id: item.id,
    ContentType: 'Item',
    Modified: item.lastModifiedDateTime,
    Created: item.createdDateTime,
    _UIVersionString: `${item.version}.0`,
  };
  return select ? Object.fromEntries(Object.entries(all).filter(([k]) => k === '@odata.etag' || select.includes(k))) : all;
}

export function eTagOf(item: DoubleItem): string {
  return `"${item.guid},${item.version}"`;
}

function ifMatchRefusal(request: DoubleRequest, item: DoubleItem): DoubleResponse | undefined {
  const ifMatch = request.headers['if-match'];
  if (ifMatch === undefined || ifMatch.trim() === '*') return undefined;
  const norm = (tag: string) => tag.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  if (norm(ifMatch) === norm(eTagOf(item))) return undefined;
  return graphError(412, 'preconditionFailed', `The request ETag value '${ifMatch}' does not match the object's ETag value '${eTagOf(item)}'.`);
}

/** `$top` and `top` both work in Graph. */
export function param(query: URLSearchParams, name: string): string | undefined {
  return query.get(`$${name}`) ?? query.get(name) ?? undefined;
}

function logChange(list: DoubleList, id: string, item: DoubleItem | undefined): void {
  list.changes.push({ seq: list.changes.length + 1, id, state: item ? { ...item, fields: { ...item.fields } } : undefined });
}

function stripOData(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([k]) => !k.startsWith('@odata.')));
}

function sortedItems(list: DoubleList): DoubleItem[] {
  return [...list.items.values()].sort((a, b) => Number(a.id) - Number(b.id));
}

/** Like Graph's links: `$` and OData punctuation readable, everything else percent-encoded. */
export function queryString(query: URLSearchParams, replace: Record<string, string>): string {
  const pairs: [string, string][] = [...query.entries()].filter(([k]) => !(k in replace));
  pairs.push(...Object.entries(replace));
  return pairs
    .map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%24/g, '$').replace(/%2C/gi, ',').replace(/%2F/gi, '/').replace(/%3D/gi, '=')}`)
    .join('&');
}
