import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findRoute, graphError, splitRelativeUrl, type DoubleRequest, type DoubleResponse, type GraphRoute } from './double-http.js';
import { CalendarEvents } from './calendar-events.js';
import { ListDelta } from './list-delta.js';
import { SharePointLists } from './sharepoint-lists.js';
import { makeLoopbackServerCertificate, makeTempDir, removeDir, type TestCertificate } from './test-certificates.js';
import { TokenEndpoint } from './token-endpoint.js';

/**
 * A local Microsoft Graph + Microsoft identity platform that speaks the real protocol over HTTPS, so the real
 * msal-node and the real Graph client run against it (issue 4, "Must show"). HTTPS because msal refuses an
 * http: authority (authority_uri_insecure) and the Graph client attaches the bearer token to https hosts
 * only. The server certificate is a throwaway self-signed one made with openssl at start; the client side
 * trusts it through the `GRAPH_EXTRA_CA_PATH` setting (`caPath`), not NODE_EXTRA_CA_CERTS.
 *
 * One origin serves both: `/{tenant}/v2.0/.well-known/openid-configuration` and
 * `/{tenant}/oauth2/v2.0/token` (token-endpoint.ts), and Graph under `/v1.0` with bearer checking (401
 * without a valid token), the SharePoint list item routes (sharepoint-lists.ts) and their delta query
 * (list-delta.ts), `POST /$batch`, fault injection (the next N matching requests answer 429/503/504, inside a
 * batch too) and a request log.
 */
export interface Fault {
  status: number;
  retryAfterSeconds?: number;
  rateLimitResetSeconds?: number;
  method?: string;
  /** Matches the Graph path (under /v1.0, without query); a string matches as a substring. */
  path?: RegExp | string;
  /** 'top-level' requests, requests 'inside' a $batch, or 'any' (default). */
  where?: 'top-level' | 'inside' | 'any';
  /**
   * A lost answer: the route handles the request (the event is made, the item written) and the fault is
   * answered instead of its result — what a gateway timeout after the work was done looks like to the client.
   */
  afterHandling?: boolean;
}

export interface LoggedRequest {
  kind: 'openid' | 'token' | 'graph' | 'batch' | 'in-batch' | 'sharepoint-rest' | 'other';
  method: string;
  /** For Graph: the path under /v1.0 plus query; otherwise the URL path. */
  path: string;
  headers: Record<string, string>;
  body: unknown;
  status: number;
  /** performance.now() when the request arrived and when its answer was sent. */
  at: number;
  answeredAt: number;
  /** For 'in-batch': the index in `log` of the $batch request that carried it. */
  batch?: number;
  /** For 'batch': how many requests it carried. */
  size?: number;
  /** Set when a fault answered instead of the route. */
  injected?: boolean;
}

export interface GraphDoubleOptions {
  /** Graph version segment served. */
  version?: string;
}

export class GraphDouble {
  readonly log: LoggedRequest[] = [];
  readonly tokens: TokenEndpoint;
  readonly lists: SharePointLists;
  /** Outlook calendars: /users/{id}/events and /users/{id}/calendar (calendar-events.ts). */
  readonly calendars = new CalendarEvents();
  private readonly routes: GraphRoute[] = [];
  /** Routes outside the Graph version root, matched on the URL path: SharePoint REST (`/sites/{path}/_api/…`). */
  private readonly siteRoutes: GraphRoute[] = [];
  private faults: { fault: Fault; remaining: number }[] = [];
  private server: Server | undefined;
  private dir = '';
  private certificate: TestCertificate | undefined;
  readonly version: string;
  origin = '';

  constructor(options: GraphDoubleOptions = {}) {
    this.version = options.version ?? 'v1.0';
    this.tokens = new TokenEndpoint(
      () => this.origin,
      () => `${this.origin}/.default`,
    );
    this.lists = new SharePointLists(() => this.graphBaseUrl);
    // Delta first, so `…/items/delta` is never taken for an item id (the item route excludes it as well).
    this.addRoutes(new ListDelta(this.lists, () => this.graphBaseUrl).routes());
    this.addRoutes(this.lists.routes());
    this.addRoutes(this.calendars.routes());
  }

  static async start(options?: GraphDoubleOptions): Promise<GraphDouble> {
    return new GraphDouble(options).start();
  }

  async start(): Promise<this> {
    this.dir = await makeTempDir('hoivacrm-graph-double-');
    this.certificate = await makeLoopbackServerCertificate(this.dir);
    // No header or request deadline (Node's defaults are 60 s and 300 s): in a benchmark the double shares its
    // event loop with the app, whose long synchronous work (a large first read) would otherwise make the double
    // reset a waiting keep-alive connection (ECONNRESET) — a fault of the test set-up, not of Graph.
    this.server = createServer(
      { cert: this.certificate.certPem, key: this.certificate.keyPem, headersTimeout: 0, requestTimeout: 0, keepAliveTimeout: 0 },
      (req, res) => void this.handle(req, res),
    );
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.origin = `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    if (this.dir) await removeDir(this.dir);
  }

  /** The directory the double's throwaway files live in (removed by stop()); tests may put their own there. */
  get tempDir(): string {
    return this.dir;
  }

  /** The server certificate, to trust as a CA (GRAPH_EXTRA_CA_PATH). */
  get caPath(): string {
    return this.certificate!.certPath;
  }

  get graphBaseUrl(): string {
    return `${this.origin}/${this.version}`;
  }

  /** For msal's `knownAuthorities`: host and port. */
  get host(): string {
    return new URL(this.origin).host;
  }

  /** More Graph routes (list and column creation, delta, …) on the same server. Checked in order. */
  addRoutes(routes: GraphRoute[]): void {
    this.routes.push(...routes);
  }

  /** SharePoint REST routes (list views, which Graph has no API for), on the same server and bearer check. */
  addSiteRoutes(routes: GraphRoute[]): void {
    this.siteRoutes.push(...routes);
  }

  /** The next `count` requests that match answer with the fault instead of the route. */
  failNext(count: number, fault: Fault): void {
    this.faults.push({ fault, remaining: count });
  }

  clearFaults(): void {
    this.faults = [];
  }

  clearLog(): void {
    this.log.length = 0;
  }

  /** Calendar requests (`/users/…`), top-level and inside batches, in the order they arrived. */
  calendarRequests(): LoggedRequest[] {
    return this.graphRequests().filter((r) => r.path.replace(/^\/?/, '/').startsWith('/users/'));
  }

  /** Requests Graph answered (top-level and inside batches), without token traffic. */
  graphRequests(): LoggedRequest[] {
    return this.log.filter((r) => r.kind === 'graph' || r.kind === 'batch' || r.kind === 'in-batch');
  }

  // --- HTTP ---

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = performance.now();
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', this.origin);
    const headers = lowerHeaders(req.headers);
    const method = (req.method ?? 'GET').toUpperCase();
    const entry: LoggedRequest = { kind: 'other', method, path: url.pathname + url.search, headers, body: undefined, status: 0, at, answeredAt: 0 };
    this.log.push(entry);

    let answer: DoubleResponse;
    const openid = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(url.pathname);
    const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
    const versionRoot = `/${this.version}`;
    if (openid && method === 'GET') {
      entry.kind = 'openid';
      answer = this.tokens.openIdConfiguration(decodeURIComponent(openid[1]!));
    } else if (token && method === 'POST') {
      entry.kind = 'token';
      const form = new URLSearchParams(raw.toString('utf8'));
      entry.body = Object.fromEntries(form);
      answer = this.tokens.token(decodeURIComponent(token[1]!), form);
    } else if (url.pathname === versionRoot || url.pathname.startsWith(`${versionRoot}/`)) {
      const request: DoubleRequest = {
        method,
        path: url.pathname.slice(versionRoot.length) || '/',
        query: url.searchParams,
        headers,
        body: parseJson(raw),
      };
      entry.path = request.path + url.search;
      entry.body = request.body;
      if (!this.tokens.validate(headers.authorization)) {
        entry.kind = request.path === '/$batch' ? 'batch' : 'graph';
        answer = graphError(401, 'InvalidAuthenticationToken', headers.authorization ? 'Access token has expired or is not yet valid.' : 'Access token is empty.');
      } else if (request.path === '/$batch' && method === 'POST') {
        entry.kind = 'batch';
        answer = this.injectedFault(request, 'top-level', entry) ?? this.batch(request, this.log.indexOf(entry), entry);
      } else {
        entry.kind = 'graph';
        const lost = this.injectedFault(request, 'top-level', entry, true);
        answer = lost ? (this.dispatch(request), lost) : (this.injectedFault(request, 'top-level', entry) ?? this.dispatch(request));
      }
    } else if (findRoute(this.siteRoutes, { method, path: url.pathname, query: url.searchParams, headers, body: undefined })) {
      // SharePoint REST: same bearer check; SharePoint's own 401 body says little more than this.
      const request: DoubleRequest = { method, path: url.pathname, query: url.searchParams, headers, body: parseJson(raw) };
      const found = findRoute(this.siteRoutes, request)!;
      entry.kind = 'sharepoint-rest';
      entry.body = request.body;
      answer = this.tokens.validate(headers.authorization) ? found.route.handle(request, found.params) : graphError(401, 'Unauthorized', 'Invalid issuer or signature.');
    } else {
      answer = graphError(404, 'NotFound', `The double serves no ${method} ${url.pathname}`);
    }

    entry.status = answer.status;
    const body = answer.body === undefined ? undefined : Buffer.from(JSON.stringify(answer.body));
    const requestId = randomUUID();
    res.writeHead(answer.status, {
      ...(body ? { 'Content-Type': 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8' } : {}),
      'request-id': requestId,
      'client-request-id': headers['client-request-id'] ?? requestId,
      ...answer.headers,
    });
    entry.answeredAt = performance.now();
    res.end(body);
  }

  private dispatch(request: DoubleRequest): DoubleResponse {
    const found = findRoute(this.routes, request);
    if (!found) return graphError(400, 'BadRequest', `Resource not found for the segment '${request.path.split('/').filter(Boolean).pop() ?? ''}'.`);
    return found.route.handle(request, found.params);
  }

  /**
   * JSON batching as documented: at most 20 requests, ids unique (case-insensitive), a body needs a
   * Content-Type header, inner requests inherit the batch's authorization, each is answered (and may be
   * throttled) on its own. Answers come back in reverse order — allowed by the documentation, and a check
   * that clients match them by id.
   */
  private batch(request: DoubleRequest, batchIndex: number, entry: LoggedRequest): DoubleResponse {
    const requests = (request.body as { requests?: unknown } | undefined)?.requests;
    if (!Array.isArray(requests) || requests.length === 0) return graphError(400, 'BadRequest', 'Invalid batch payload format.');
    entry.size = requests.length;
    if (requests.length > 20) return graphError(400, 'BadRequest', 'The number of batch requests exceeds the limit of 20.');
    const ids = requests.map((r: { id?: unknown }) => String(r.id ?? '').toLowerCase());
    if (ids.some((id) => !id) || new Set(ids).size !== ids.length) return graphError(400, 'BadRequest', 'Batch request ids must be unique and present.');
    for (const inner of requests as { body?: unknown; headers?: Record<string, string> }[]) {
      if (inner.body !== undefined && !Object.keys(inner.headers ?? {}).some((h) => h.toLowerCase() === 'content-type')) {
        return graphError(400, 'BadRequest', 'Content-Type header must be specified for a request with a body.');
      }
    }
    const responses = (requests as { id: string; method: string; url: string; headers?: Record<string, string>; body?: unknown }[]).map((inner) => {
      const { path, query } = splitRelativeUrl(String(inner.url));
      const innerRequest: DoubleRequest = {
        method: String(inner.method).toUpperCase(),
        path,
        query,
        headers: { authorization: request.headers.authorization ?? '', ...lowerHeaders(inner.headers ?? {}) },
        body: inner.body,
      };
      const logged: LoggedRequest = {
        kind: 'in-batch',
        method: innerRequest.method,
        path: String(inner.url),
        headers: innerRequest.headers,
        body: inner.body,
        status: 0,
        at: performance.now(),
        answeredAt: 0,
        batch: batchIndex,
      };
      this.log.push(logged);
      const answer = this.injectedFault(innerRequest, 'inside', logged) ?? this.dispatch(innerRequest);
      logged.status = answer.status;
      logged.answeredAt = performance.now();
      return {
        id: inner.id,
        status: answer.status,
        headers: { ...(answer.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...answer.headers },
        ...(answer.body !== undefined ? { body: answer.body } : {}),
      };
    });
    return { status: 200, body: { responses: responses.reverse() } };
  }

  private injectedFault(request: DoubleRequest, where: 'top-level' | 'inside', entry: LoggedRequest, afterHandling = false): DoubleResponse | undefined {
    const slot = this.faults.find(({ fault, remaining }) => {
      if (remaining <= 0) return false;
      if (Boolean(fault.afterHandling) !== afterHandling) return false;
      if (fault.where && fault.where !== 'any' && fault.where !== where) return false;
      if (fault.method && fault.method.toUpperCase() !== request.method) return false;
      if (fault.path instanceof RegExp) return fault.path.test(request.path);
      if (typeof fault.path === 'string') return request.path.includes(fault.path);
      return true;
    });
    if (!slot) return undefined;
    slot.remaining--;
    entry.injected = true;
    const { fault } = slot;
    const headers: Record<string, string> = {};
    if (fault.retryAfterSeconds !== undefined) headers['Retry-After'] = String(fault.retryAfterSeconds);
    if (fault.rateLimitResetSeconds !== undefined) {
      headers['RateLimit-Limit'] = '1250';
      headers['RateLimit-Remaining'] = '0';
      headers['RateLimit-Reset'] = String(fault.rateLimitResetSeconds);
    }
    return fault.status === 429
      ? graphError(429, 'TooManyRequests', 'The request has been throttled', headers)
      : fault.status === 500
        ? graphError(500, 'generalException', 'An unexpected error occurred.', headers)
        : graphError(fault.status, fault.status === 503 ? 'serviceNotAvailable' : 'gatewayTimeout', 'The service is temporarily unavailable', headers);
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return raw.toString('utf8');
  }
}

function lowerHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
