import type { GraphClient } from '../../graph/graph-client.js';
import { GraphAuthError, GraphRequestError } from '../../graph/graph-errors.js';
import type { RecordKind } from '../record-kinds.js';
import { listDefinitions, type ListDefinition } from './list-schema.js';
import { listViews, type ListViewDefinition } from './list-views.js';
import {
  findList,
  listIdPlaceholder,
  planProvisioning,
  type ExistingColumn,
  type ExistingList,
  type PlannedRequest,
  type ProvisionPlan,
  type SiteState,
} from './provision-plan.js';
import { SharePointRestError, listByTitlePath, type SharePointRestClient } from './sharepoint-rest.js';

/**
 * `npm run provision` (issue 4): creates or updates, idempotently, one SharePoint list per record kind with
 * the columns derived from the zod schemas, and the list views. Three steps:
 *
 *   1. read the site — GET only: the site, its lists, the columns of HoivaCRM's lists, their views;
 *   2. plan (provision-plan.ts, pure) — the writes that would make the site match;
 *   3. apply them in order, or, with `dryRun`, print them and write nothing;
 *   4. read the site again and check nothing is left to do.
 *
 * A second run reads the same site and plans nothing, so it writes nothing. Creating lists and columns needs
 * more than the app's day-to-day grant: with Sites.Selected the `write` role cannot create lists, so
 * provisioning runs with `manage`/`fullcontrol` (or an admin grant) and day-to-day running with `write`
 * (issue 4, "Facts"); a 403 says exactly that.
 */
export interface ProvisionOptions {
  graph: GraphClient;
  /** The Graph site id: `hostname,siteCollectionId,webId`. */
  siteId: string;
  /** For views: the SharePoint REST client, or why there is none. */
  rest?: SharePointRestClient;
  restUnavailable?: string;
  dryRun?: boolean;
  /** The lists and views to provision (tests pass modified ones); by default HoivaCRM's. */
  definitions?: readonly ListDefinition[];
  views?: readonly ListViewDefinition[];
  /** Where progress lines go. */
  out?: (line: string) => void;
}

export interface ProvisionResult {
  plan: ProvisionPlan;
  /** The GET requests the reading took (method and path). */
  reads: string[];
  /** Write requests sent (0 in a dry run). */
  written: number;
}

export class ProvisionError extends Error {
  override name = 'ProvisionError';
}

/** The grant story, said the same way wherever a permission is missing. */
export const grantAdvice =
  'provisioning needs Sites.Selected with the manage or fullcontrol role on the site (or an admin grant such as Sites.Manage.All / Sites.FullControl.All); day-to-day running needs write';

export async function provision(options: ProvisionOptions): Promise<ProvisionResult> {
  const out = options.out ?? (() => undefined);
  const definitions = options.definitions ?? listDefinitions;
  const views = options.views ?? listViews;
  const reads: string[] = [];
  const state = await readSiteState(options.graph, options.siteId, definitions, views, options.rest, reads);
  const plan = planProvisioning(state, { definitions, views, viewsUnavailable: viewsUnavailable(options) });

  out(`Read ${options.siteId}${state.webUrl ? ` (${state.webUrl})` : ''} with ${reads.length} GET requests.`);
  if (options.dryRun) reads.forEach((r) => out(`  ${r}`));
  for (const note of plan.notes) out(`Note: ${note}`);
  if (plan.conflicts.length) {
    throw new ProvisionError(
      `Nothing was written: the site has ${plan.conflicts.length} conflict(s) provisioning cannot resolve by itself:\n${plan.conflicts.map((c) => `  - ${c}`).join('\n')}`,
    );
  }
  if (plan.requests.length === 0) {
    out('The site matches the schemas: nothing to do.');
    return { plan, reads, written: 0 };
  }
  if (options.dryRun) {
    out(`Dry run: ${plan.requests.length} request(s) would be sent; nothing is written.`);
    plan.requests.forEach((request, i) => out(formatRequest(request, i + 1, options.graph.endpoints.baseUrl, options.rest?.siteUrl ?? state.webUrl)));
    return { plan, reads, written: 0 };
  }
  const written = await applyPlan(plan, options, out);
  out(`Done: ${written} request(s) sent.`);
  await verifyApplied(options, definitions, views, out);
  return { plan, reads, written };
}

/**
 * Reads the site again and plans once more: the plan must now be empty. Not every property Graph accepts when
 * a list is created is documented to take effect (indexes and unique values set inside a list creation, for
 * one), so a run checks its own work instead of leaving the surprise to the next run.
 */
async function verifyApplied(options: ProvisionOptions, definitions: readonly ListDefinition[], views: readonly ListViewDefinition[], out: (line: string) => void): Promise<void> {
  const state = await readSiteState(options.graph, options.siteId, definitions, views, options.rest, []);
  const left = planProvisioning(state, { definitions, views, viewsUnavailable: viewsUnavailable(options) });
  if (left.requests.length || left.conflicts.length) {
    throw new ProvisionError(
      `SharePoint did not take every change; read back, the site still differs:\n${[...left.requests.map((r) => r.summary), ...left.conflicts].map((l) => `  - ${l}`).join('\n')}\nRun provisioning again; if the same lines come back, make those changes in the list settings.`,
    );
  }
  out('Checked: read back, the site matches the schemas.');
}

function viewsUnavailable(options: ProvisionOptions): string | undefined {
  return options.rest ? undefined : (options.restUnavailable ?? 'no SharePoint REST client');
}

/** Step 1: what the site has. Only GET requests; each one is recorded in `reads`. */
export async function readSiteState(
  graph: GraphClient,
  siteId: string,
  definitions: readonly ListDefinition[],
  views: readonly ListViewDefinition[],
  rest: SharePointRestClient | undefined,
  reads: string[],
): Promise<SiteState> {
  const read = async <T>(path: string, fetch: () => Promise<T>, what: string): Promise<T> => {
    reads.push(`GET ${path}`);
    try {
      return await fetch();
    } catch (error) {
      throw explain(error, 'read', what, siteId);
    }
  };
  const sitePath = `/sites/${siteId}`;
  const site = await read(sitePath, () => graph.get<{ id: string; webUrl?: string }>(sitePath, { query: { $select: 'id,displayName,webUrl' } }), 'reading the site');
  const listsPath = `${sitePath}/lists`;
  const lists = await read(listsPath, () => graph.collect<ExistingList>(listsPath, { query: { $select: 'id,displayName,name' } }), 'listing the site\'s lists');
  const state: SiteState = { siteId, webUrl: site.webUrl, lists, columns: new Map(), views: new Map() };

  for (const definition of definitions) {
    const list = findList(state, definition.displayName);
    if (!list) continue;
    const columnsPath = `${listsPath}/${list.id}/columns`;
    state.columns.set(list.id, await read(columnsPath, () => graph.collect<ExistingColumn>(columnsPath), `reading the columns of "${list.displayName}"`));
    if (rest && views.some((v) => v.kind === definition.kind)) {
      const viewsPath = `${listByTitlePath(list.displayName)}/views?$select=Title`;
      const answer = await read(rest.url(viewsPath), () => rest.get<{ d?: { results?: { Title: string }[] } }>(viewsPath), `reading the views of "${list.displayName}"`);
      state.views.set(list.id, (answer?.d?.results ?? []).map((v) => v.Title));
    }
  }
  return state;
}

/** Step 3: the writes, in plan order; a list created here lends its id to the lookups that follow. */
async function applyPlan(plan: ProvisionPlan, options: ProvisionOptions, out: (line: string) => void): Promise<number> {
  const ids = new Map<RecordKind, string>(plan.listIds);
  const definitions = options.definitions ?? listDefinitions;
  const resolve = (text: string): string => {
    let resolved = text;
    for (const d of definitions) {
      const id = ids.get(d.kind);
      if (id) resolved = resolved.split(listIdPlaceholder(d.displayName)).join(id);
    }
    return resolved;
  };
  let written = 0;
  for (const request of plan.requests) {
    const path = resolve(request.path);
    const body = JSON.parse(resolve(JSON.stringify(request.body))) as unknown;
    try {
      if (request.api === 'graph') {
        const answer =
          request.method === 'POST' ? await options.graph.post<{ id?: string }>(path, body) : await options.graph.patch<{ id?: string }>(path, body);
        if (request.createsListOf && answer?.id) ids.set(request.createsListOf, answer.id);
      } else {
        if (!options.rest) throw new ProvisionError(`no SharePoint REST client for: ${request.summary}`);
        await options.rest.post(path, body);
      }
    } catch (error) {
      throw explain(error, 'write', `${request.summary} (${written} request(s) were sent before it; running again continues from here)`, options.siteId);
    }
    written++;
    out(`✓ ${request.summary}`);
  }
  return written;
}

/** One request of a dry run: method, URL, JSON body. */
export function formatRequest(request: PlannedRequest, n: number, graphBaseUrl: string, siteUrl: string | undefined): string {
  const url = request.api === 'graph' ? `${graphBaseUrl}${request.path}` : `${siteUrl ?? '{site URL}'}/${request.path}`;
  const headers = request.api === 'sharepoint' ? '\n    Accept: application/json;odata=verbose\n    Content-Type: application/json;odata=verbose' : '';
  const body = JSON.stringify(request.body, null, 2).replace(/\n/g, '\n    ');
  return `${n}. ${request.summary}\n  ${request.method} ${url}${headers}\n    ${body}`;
}

/** Names the first thing wrong, in words an administrator can act on. */
export function explain(error: unknown, during: 'read' | 'write', what: string, siteId: string): Error {
  if (error instanceof ProvisionError || error instanceof GraphAuthError) return error;
  const status = error instanceof GraphRequestError || error instanceof SharePointRestError ? error.status : undefined;
  const via = error instanceof SharePointRestError ? ' (SharePoint REST: the grant is the SharePoint API permission Sites.Selected, and the credential must be a certificate)' : '';
  const detail = (error as Error)?.message ?? String(error);
  if (status === 403) {
    return new ProvisionError(
      during === 'write'
        ? `${what}: refused (403 Forbidden) — ${grantAdvice}${via}.\n  ${detail}`
        : `${what}: the app may not read the site (403 Forbidden) — grant it Sites.Selected on ${siteId}; ${grantAdvice}${via}.\n  ${detail}`,
      { cause: error },
    );
  }
  if (status === 401) {
    return new ProvisionError(`${what}: the token was refused (401) — check MICROSOFT_APP_ID, MICROSOFT_APP_TENANT_ID and the certificate${via}.\n  ${detail}`, { cause: error });
  }
  if (status === 404 && what === 'reading the site') {
    return new ProvisionError(
      `No site ${siteId} (404): SHAREPOINT_SITE_ID must be the Graph site id "hostname,siteCollectionId,webId", as GET https://graph.microsoft.com/v1.0/sites/{hostname}:/sites/{path}?$select=id answers.\n  ${detail}`,
      { cause: error },
    );
  }
  return new ProvisionError(`${what}: ${detail}`, { cause: error });
}
