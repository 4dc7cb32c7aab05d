import { randomUUID } from 'node:crypto';
import { graphError, json, type DoubleRequest, type DoubleResponse, type GraphRoute } from './double-http.js';
import type { GraphDouble } from './graph-double.js';
import type { ListProvisioning } from './list-provisioning.js';
import type { DoubleList, SharePointLists } from './sharepoint-lists.js';

/**
 * List views through the SharePoint REST API (Graph has none), as provisioning uses it (issue 4), in OData
 * verbose JSON, on the same lists as the Graph routes:
 *
 *   GET  {site}/_api/web/lists/GetByTitle('{title}')/views        { d: { results: [SP.View] } }
 *   POST {site}/_api/web/lists/GetByTitle('{title}')/views/add    { parameters: SP.ViewCreationInformation } → { d: SP.View }
 *
 * Checked: the body's `__metadata.type`, a verbose Content-Type, that every column the view shows or its CAML
 * names exists in the list, and that the CAML is well-formed. The shapes follow the SharePoint REST reference
 * and PnPjs; like the client side, they are NOT verified against a real tenant.
 */
export interface DoubleView {
  Id: string;
  Title: string;
  ViewQuery: string;
  ViewFields: string[];
  RowLimit: number;
  PersonalView: boolean;
  DefaultView: boolean;
}

/** SharePoint's own columns a view may show. */
const builtInViewFields = new Set(['LinkTitle', 'LinkTitleNoMenu', 'Title', 'ID', 'Created', 'Modified', 'Author', 'Editor', 'Attachments']);

export class SharePointRestViews {
  /** Views by list id (the default view is implied). */
  readonly views = new Map<string, DoubleView[]>();
  /** Site path (`/sites/hoivacrm`) → Graph site id. */
  private readonly sitePaths = new Map<string, string>();

  constructor(private readonly lists: SharePointLists) {}

  static on(double: GraphDouble): SharePointRestViews {
    const views = new SharePointRestViews(double.lists);
    double.addSiteRoutes(views.routes());
    return views;
  }

  /** Serves SharePoint REST for the site at `webUrl` (its path) as the Graph site `siteId`. */
  addSite(siteId: string, webUrl: string, provisioning?: ListProvisioning): void {
    this.sitePaths.set(new URL(webUrl).pathname.replace(/\/+$/, ''), siteId);
    provisioning?.addSite(siteId, webUrl);
  }

  viewsOf(list: DoubleList): DoubleView[] {
    const defaultView: DoubleView = { Id: '00000000-0000-4000-8000-000000000001', Title: 'Kaikki kohteet', ViewQuery: '', ViewFields: ['LinkTitle'], RowLimit: 30, PersonalView: false, DefaultView: true };
    return [defaultView, ...(this.views.get(list.id) ?? [])];
  }

  routes(): GraphRoute[] {
    const views = /^(\/sites\/[^/]+)\/_api\/web\/lists\/GetByTitle\('(.+)'\)\/views$/i;
    const add = /^(\/sites\/[^/]+)\/_api\/web\/lists\/GetByTitle\('(.+)'\)\/views\/add$/i;
    return [
      { method: 'GET', pattern: views, handle: (_r, [site, title]) => this.withList(site!, title!, (list) => json(200, { d: { results: this.viewsOf(list).map(viewJson) } })) },
      { method: 'POST', pattern: add, handle: (r, [site, title]) => this.withList(site!, title!, (list) => this.addView(r, list)) },
    ];
  }

  private addView(request: DoubleRequest, list: DoubleList): DoubleResponse {
    const bad = (message: string) => spError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', message);
    if (!/odata=verbose/i.test(request.headers['content-type'] ?? '')) return bad('The request body is verbose JSON: send Content-Type application/json;odata=verbose.');
    const p = (request.body as { parameters?: Record<string, unknown> } | undefined)?.parameters;
    if (!p || (p.__metadata as { type?: string } | undefined)?.type !== 'SP.ViewCreationInformation') {
      return bad("The body must be { parameters: { __metadata: { type: 'SP.ViewCreationInformation' }, … } }.");
    }
    if (typeof p.Title !== 'string' || !p.Title.trim()) return bad('A view needs a Title.');
    const fields = (p.ViewFields as { results?: unknown } | undefined)?.results;
    if (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string')) return bad('ViewFields must be { results: [internal names] }.');
    const query = typeof p.Query === 'string' ? p.Query : '';
    const malformed = camlProblem(query);
    if (malformed) return bad(`The view query is not valid CAML: ${malformed}`);
    const named = [...(fields as string[]), ...[...query.matchAll(/FieldRef Name="([^"]+)"/g)].map((m) => m[1]!)];
    const missing = named.filter((n) => !builtInViewFields.has(n) && !list.columns.has(n));
    if (missing.length) return spError(400, '-2147024809, System.ArgumentException', `Column '${missing[0]}' does not exist. It may have been deleted by another user.`);
    const view: DoubleView = {
      Id: randomUUID(),
      Title: p.Title,
      ViewQuery: query,
      ViewFields: fields as string[],
      RowLimit: typeof p.RowLimit === 'number' ? p.RowLimit : 30,
      PersonalView: p.PersonalView === true,
      DefaultView: p.SetAsDefaultView === true,
    };
    this.views.set(list.id, [...(this.views.get(list.id) ?? []), view]);
    return json(200, { d: viewJson(view) });
  }

  private withList(sitePath: string, title: string, then: (list: DoubleList) => DoubleResponse): DoubleResponse {
    const siteId = this.sitePaths.get(sitePath);
    if (!siteId) return spError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
    const wanted = title.replace(/''/g, "'");
    const list = [...(this.lists.sites.get(siteId)?.lists.values() ?? [])].find((l) => l.displayName === wanted);
    return list ? then(list) : spError(404, '-1, System.ArgumentException', `List '${wanted}' does not exist at site with URL '${sitePath}'.`);
  }
}

function viewJson(view: DoubleView): Record<string, unknown> {
  return {
    __metadata: { type: 'SP.View' },
    Id: view.Id,
    Title: view.Title,
    ViewQuery: view.ViewQuery,
    RowLimit: view.RowLimit,
    PersonalView: view.PersonalView,
    DefaultView: view.DefaultView,
  };
}

/** SharePoint's verbose error body. */
function spError(status: number, code: string, message: string): DoubleResponse {
  return { status, body: { error: { code, message: { lang: 'en-US', value: message } } } };
}

/** Why a CAML fragment is not well-formed XML (tags balanced, attributes quoted), or undefined. */
export function camlProblem(caml: string): string | undefined {
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][A-Za-z0-9]*)((?:\s+[A-Za-z]+="[^"]*")*)\s*(\/?)>|<|>/g;
  for (const m of caml.matchAll(tag)) {
    if (m[0] === '<' || m[0] === '>') return `a stray '${m[0]}' at ${m.index}`;
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open !== name) return `</${name}> closes <${open ?? 'nothing'}>`;
    } else if (!selfClosing) {
      stack.push(name!);
    }
  }
  return stack.length ? `<${stack[stack.length - 1]}> is not closed` : undefined;
}
