import { randomBytes } from 'node:crypto';
import { graphError, json, type DoubleRequest, type DoubleResponse, type GraphRoute } from './double-http.js';
import { defaultPageSize, expandOf, param, type DoubleItem, type DoubleList, type SharePointLists } from './sharepoint-lists.js';

/**
 * `GET /sites/{site}/lists/{list}/items/delta` as learn.microsoft.com/graph/api/listitem-delta documents it,
 * on the change log sharepoint-lists.ts keeps for every list:
 *
 *   no token       every current item (deleted ones are not shown), a page at a time
 *   token=latest   no items, just a deltaLink from now ("returns an empty response with the latest delta token")
 *   token=<delta>  the items changed since the token, each once with its latest state ("If an item was renamed
 *                  twice, it only shows up once, with its latest name"); a deleted one as
 *                  `{ id, parentReference: { siteId }, contentType, deleted: { state: 'deleted' } }` (the
 *                  documented example; the deleted facet is `{ state: string }`, graph/api/resources/deleted)
 *
 * Every page but the last carries `@odata.nextLink`, the last `@odata.deltaLink`; both are
 * `…/items/delta?token=<opaque>`, as in the documented examples, so the token remembers the query the round
 * started with (`$select`, `expand=fields(select=…)`, `$top`) — a client follows the links as given. A token
 * issued before `lists.expireDeltaTokens(…)` answers `410 Gone` with `resyncChangesApplyDifferences` (or
 * `…UploadDifferences`) and a `Location` header holding "a new nextLink that starts a fresh delta
 * enumeration"; a token the double never issued (or issued for another list) answers 400 invalidRequest.
 * `lists.deltaRepeats` makes each item appear twice, older state first ("The same item might appear more
 * than once in a delta feed … You should use the last occurrence you see").
 *
 * A round is fixed when it starts (which items, in which pages); each page shows an item's state when the
 * page is read, and changes made during the round come again in the next one — so nothing is lost, at the
 * price of an item shown twice, which the documentation allows.
 */
interface Occurrence {
  id: string;
  /** Set for the older occurrence of a repeated item: the state to show (undefined: deleted). */
  older?: { state: DoubleItem | undefined };
}

interface Round {
  siteId: string;
  listId: string;
  epoch: number;
  query: URLSearchParams;
  pages: Occurrence[][];
  /** One token per page (page 0's is what a 410 Location points at). */
  pageTokens: string[];
  /** The deltaLink's token: changes after this round's start. */
  deltaToken: string;
}

type TokenState =
  | { kind: 'page'; round: Round; index: number }
  | { kind: 'delta'; siteId: string; listId: string; epoch: number; query: URLSearchParams; since: number };

/** The query options a round keeps; anything else on the first request (there should be nothing) is dropped. */
const keptOptions = ['select', 'expand', 'top'] as const;

export class ListDelta {
  private readonly tokens = new Map<string, TokenState>();

  constructor(
    private readonly lists: SharePointLists,
    private readonly graphBaseUrl: () => string,
  ) {}

  routes(): GraphRoute[] {
    const delta = /^\/sites\/([^/]+)\/lists\/([^/]+)\/items\/delta$/;
    return [{ method: 'GET', pattern: delta, handle: (r, [s, l]) => this.lists.withList(s!, l!, (list) => this.delta(r, s!, list)) }];
  }

  private delta(request: DoubleRequest, siteId: string, list: DoubleList): DoubleResponse {
    const token = request.query.get('token');
    if (token === null) return this.startRound(siteId, list, keptQuery(request.query, new URLSearchParams()), undefined);
    if (token === 'latest') {
      const deltaToken = this.issue({ kind: 'delta', siteId, listId: list.id, epoch: list.deltaEpoch, query: keptQuery(request.query, new URLSearchParams()), since: list.changes.length });
      return json(200, { '@odata.context': this.context(), value: [], '@odata.deltaLink': this.link(siteId, list, deltaToken) });
    }
    const state = this.tokens.get(token);
    const issuedFor = state?.kind === 'page' ? state.round : state;
    if (!state || issuedFor!.siteId !== siteId || issuedFor!.listId !== list.id) {
      return graphError(
        400,
        'invalidRequest',
        `Invalid delta token '${token.length > 40 ? `${token.slice(0, 40)}…` : token}': it is malformed, unknown or was issued for another list. Start again with GET /sites/{site}/lists/{list}/items/delta without a token.`,
      );
    }
    const query = keptQuery(request.query, issuedFor!.query);
    if (issuedFor!.epoch < list.deltaEpoch) return this.resync(siteId, list, query);
    return state.kind === 'delta' ? this.startRound(siteId, list, query, state.since) : this.page(list, state.round, state.index, query);
  }

  /** A round over the items changed after change `since` (every current item when undefined); answers its first page. */
  private startRound(siteId: string, list: DoubleList, query: URLSearchParams, since: number | undefined): DoubleResponse {
    const round = this.round(siteId, list, query, since);
    return 'status' in round ? round : this.page(list, round, 0, query);
  }

  private round(siteId: string, list: DoubleList, query: URLSearchParams, since: number | undefined): Round | DoubleResponse {
    const top = Number(param(query, 'top') ?? defaultPageSize);
    if (!Number.isInteger(top) || top < 1) return graphError(400, 'invalidRequest', `Invalid $top value '${param(query, 'top')}'`);

    let latest: Occurrence[];
    let older: Occurrence[];
    if (since === undefined) {
      // "Resources deleted before the initial delta query are not returned" (graph/delta-query-overview).
      latest = [...list.items.values()].sort((a, b) => Number(a.id) - Number(b.id)).map((it) => ({ id: it.id }));
      // Only when repeats are asked for: the search is quadratic, seconds on a list of 20,000 items.
      older = this.lists.deltaRepeats ? latest.map(({ id }) => ({ id, older: { state: list.changes.find((c) => c.id === id && c.state)?.state ?? list.items.get(id) } })) : [];
    } else {
      const window = list.changes.filter((c) => c.seq > since);
      const lastSeq = new Map<string, number>();
      for (const change of window) lastSeq.set(change.id, change.seq);
      latest = [...lastSeq.entries()].sort(([, a], [, b]) => a - b).map(([id]) => ({ id }));
      older = this.lists.deltaRepeats ? latest.map(({ id }) => ({ id, older: { state: window.find((c) => c.id === id)!.state } })) : [];
    }
    // Repeats on their own pages, so a consumer that keeps the first occurrence per page is caught too.
    const pages = [...(this.lists.deltaRepeats ? chunk(older, top) : []), ...chunk(latest, top)];
    if (pages.length === 0) pages.push([]);

    const round: Round = { siteId, listId: list.id, epoch: list.deltaEpoch, query, pages, pageTokens: [], deltaToken: '' };
    round.pageTokens = pages.map((_, index) => this.issue({ kind: 'page', round, index }));
    round.deltaToken = this.issue({ kind: 'delta', siteId, listId: list.id, epoch: list.deltaEpoch, query, since: list.changes.length });
    return round;
  }

  private page(list: DoubleList, round: Round, index: number, query: URLSearchParams): DoubleResponse {
    const expand = expandOf({ query });
    const value = round.pages[index]!.map((occurrence) => {
      const state = occurrence.older ? occurrence.older.state : list.items.get(occurrence.id);
      return state ? this.itemJson(round.siteId, list, state, expand) : deletedJson(round.siteId, occurrence.id);
    });
    const last = index === round.pages.length - 1;
    return json(200, {
      '@odata.context': this.context(),
      value,
      ...(last ? { '@odata.deltaLink': this.link(round.siteId, list, round.deltaToken) } : { '@odata.nextLink': this.link(round.siteId, list, round.pageTokens[index + 1]!) }),
    });
  }

  private resync(siteId: string, list: DoubleList, query: URLSearchParams): DoubleResponse {
    const fresh = this.round(siteId, list, query, undefined);
    if ('status' in fresh) return fresh;
    const code = list.deltaResyncCode;
    const what =
      code === 'resyncChangesApplyDifferences'
        ? "replace local items with the server's versions (deletes included) and upload local changes the server does not know about"
        : "upload local items the service did not return and items that differ from the server's versions; keep both copies when unsure which is newer";
    return graphError(410, code, `Resync required: the delta token can no longer be used. Enumerate the list again from the Location header, then ${what}.`, {
      Location: this.link(siteId, list, fresh.pageTokens[0]!),
    });
  }

  /**
   * The listItem as the items route shows it, less `lastModifiedBy`: Microsoft's answer on Q&A is that delta
   * does not return it (learn.microsoft.com/en-us/answers/questions/5768708), so a consumer must not count
   * on it from here.
   */
  private itemJson(siteId: string, list: DoubleList, item: DoubleItem, expand: ReturnType<typeof expandOf>): Record<string, unknown> {
    const { lastModifiedBy: _dropped, ...shown } = this.lists.itemJson(siteId, list, item, expand);
    return shown;
  }

  private issue(state: TokenState): string {
    const token = randomBytes(18).toString('base64url');
    this.tokens.set(token, state);
    return token;
  }

  private link(siteId: string, list: DoubleList, token: string): string {
    return `${this.graphBaseUrl()}/sites/${siteId}/lists/${list.id}/items/delta?token=${token}`;
  }

  private context(): string {
    return `${this.graphBaseUrl()}/$metadata#Collection(listItem)`;
  }
}

/** The documented shape of a deleted item in a listItem delta page. */
function deletedJson(siteId: string, id: string): Record<string, unknown> {
  return { id, parentReference: { siteId }, contentType: { id: '0x0100', name: 'Item' }, deleted: { state: 'deleted' } };
}

/** The kept options of `request`, each falling back to the one the token remembers. */
function keptQuery(request: URLSearchParams, remembered: URLSearchParams): URLSearchParams {
  const kept = new URLSearchParams();
  for (const name of keptOptions) {
    const value = param(request, name) ?? param(remembered, name);
    if (value !== undefined) kept.set(`$${name}`, value);
  }
  return kept;
}

function chunk<T>(items: T[], size: number): T[][] {
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages;
}
