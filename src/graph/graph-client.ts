import { AuthenticationHandler, Client, TelemetryHandler, type GraphRequest, type Middleware } from '@microsoft/microsoft-graph-client';
import type { Logger } from '../logger.js';
import { runBatch, type BatchRequest, type BatchResult, type BatchStep, type BatchResponseItem } from './batch.js';
import { DefaultHeadersHandler } from './default-headers-handler.js';
import { toGraphLayerError } from './graph-errors.js';
import { graphEndpoints, graphUserAgent, type GraphEndpoints, type GraphSettings } from './graph-settings.js';
import { HttpsTransport } from './https-transport.js';
import { collect, itemsOf, pagesOf, type ODataPage } from './paging.js';
import { ThrottlingRetryHandler, realClock, type RetryClock } from './throttling-retry-handler.js';
import { createTokenProvider, type AccessTokenProvider } from './token-provider.js';
import { TransportHandler } from './transport-handler.js';

/**
 * The one Microsoft Graph client of HoivaCRM (issue 4): a single `@microsoft/microsoft-graph-client`
 * instance built with `Client.initWithMiddleware` over one pipeline of plug-ins, in the spirit of PnPjs'
 * behaviours — cross-cutting concerns live in the pipeline, not at call sites:
 *
 *   DefaultHeadersHandler (User-Agent traffic decoration; refuses the non-indexed Prefer header, before
 *                          any token is fetched)
 *   → AuthenticationHandler (SDK; bearer token from msal, attached only to Graph hosts + `customHosts`)
 *   → TelemetryHandler (SDK; client-request-id, kept the same across retries)
 *   → ThrottlingRetryHandler (429/503/504, Retry-After vs RateLimit-Reset, bounded)
 *   → TransportHandler (HTTPS with the configured trust)
 *
 * The token is taken once per request, before the retries: msal hands out tokens with at least five
 * minutes left, so keep the retry budget (default 120 s) under that.
 *
 * Paging and batching are built on the same client, so each page and each `$batch` POST passes through
 * every plug-in. The SDK takes either an authProvider (its default chain) or a middleware chain, never
 * both, so the authProvider is handed to the AuthenticationHandler in ours.
 */
export interface GraphCallOptions {
  /** Query parameters, e.g. `{ expand: 'fields(select=Title,Status)', $filter: "fields/Status eq 'free'", $top: 50 }`. */
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
}

export interface GraphClientDeps {
  logger?: Logger;
  /** Time and randomness for retries (tests may shrink them; the defaults are real). */
  clock?: RetryClock;
  /** Share a token provider between clients; by default one is made from the settings. */
  tokens?: AccessTokenProvider;
}

export class GraphClient {
  readonly sdk: Client;
  readonly endpoints: GraphEndpoints;
  readonly tokens: AccessTokenProvider;
  readonly userAgent: string;
  private readonly transport: HttpsTransport;
  private readonly clock: RetryClock;

  constructor(
    private readonly settings: GraphSettings,
    private readonly deps: GraphClientDeps = {},
  ) {
    this.endpoints = graphEndpoints(settings);
    this.userAgent = graphUserAgent(settings);
    this.clock = deps.clock ?? realClock;
    this.transport = HttpsTransport.withCaFile(settings.extraCaPath, { timeoutMs: settings.requestTimeoutMs, userAgent: this.userAgent });
    this.tokens = deps.tokens ?? createTokenProvider(settings, { transport: this.transport, logger: deps.logger });
    const middleware: Middleware[] = [
      new DefaultHeadersHandler(this.userAgent),
      new AuthenticationHandler({ getAccessToken: () => this.tokens.getAccessToken() }),
      new TelemetryHandler(),
      new ThrottlingRetryHandler(settings.retry, this.clock, deps.logger),
      new TransportHandler(this.transport),
    ];
    this.sdk = Client.initWithMiddleware({
      middleware,
      baseUrl: `${this.endpoints.origin}/`,
      defaultVersion: this.endpoints.version,
      // The SDK attaches the token only to its list of Graph hosts; admit the configured one (a national
      // cloud, or the local double in tests). Host names only, without port.
      customHosts: new Set([this.endpoints.hostname]),
    });
  }

  /** The SDK's fluent request for a path under the base URL (or a full Graph URL), with query and headers. */
  api(pathOrUrl: string, options: GraphCallOptions = {}): GraphRequest {
    const request = this.sdk.api(withQuery(pathOrUrl, options.query));
    if (options.headers) request.headers(options.headers);
    return request;
  }

  get<T>(pathOrUrl: string, options?: GraphCallOptions): Promise<T> {
    return this.call('GET', pathOrUrl, () => this.api(pathOrUrl, options).get() as Promise<T>);
  }

  post<T>(path: string, body: unknown, options?: GraphCallOptions): Promise<T> {
    return this.call('POST', path, () => this.api(path, options).post(body) as Promise<T>);
  }

  patch<T>(path: string, body: unknown, options?: GraphCallOptions): Promise<T> {
    return this.call('PATCH', path, () => this.api(path, options).patch(body) as Promise<T>);
  }

  delete(path: string, options?: GraphCallOptions): Promise<void> {
    return this.call('DELETE', path, () => this.api(path, options).delete() as Promise<void>);
  }

  /** Every page of a collection, following `@odata.nextLink` to the end. */
  pages<T>(path: string, options: GraphCallOptions = {}): AsyncGenerator<ODataPage<T>> {
    let first = true;
    const fetchPage = <P>(pathOrUrl: string): Promise<ODataPage<P>> => {
      // The first request carries the caller's query; a nextLink already holds everything it needs.
      const call = first ? this.get<ODataPage<P>>(pathOrUrl, options) : this.get<ODataPage<P>>(pathOrUrl, { headers: options.headers });
      first = false;
      return call;
    };
    return pagesOf<T>(fetchPage, path, this.endpoints.origin);
  }

  /** Every item of a collection, page after page. */
  items<T>(path: string, options?: GraphCallOptions): AsyncGenerator<T> {
    return itemsOf(this.pages<T>(path, options));
  }

  /** All items of a collection in one array. */
  collect<T>(path: string, options?: GraphCallOptions): Promise<T[]> {
    return collect(this.items<T>(path, options));
  }

  /** Many requests in `$batch`es of up to 20, results in the caller's order (see batch.ts). */
  batch<T = unknown>(requests: readonly BatchRequest[]): Promise<BatchResult<T>[]> {
    return runBatch<T>(requests, {
      post: (payload: { requests: BatchStep[] }) => this.post<{ responses?: BatchResponseItem[] }>('/$batch', payload),
      policy: this.settings.retry,
      clock: this.clock,
      graphBaseUrl: this.endpoints.baseUrl,
      logger: this.deps.logger,
    });
  }

  /** Closes kept-alive connections. */
  close(): void {
    this.transport.close();
  }

  private async call<T>(method: string, pathOrUrl: string, send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw toGraphLayerError(error, method, displayPath(pathOrUrl, this.endpoints.baseUrl));
    }
  }
}

/** Builds the client from settings; the one place production code makes it. */
export function createGraphClient(settings: GraphSettings, deps?: GraphClientDeps): GraphClient {
  return new GraphClient(settings, deps);
}

/**
 * Appends query parameters, encoding each value (the SDK puts query values into the URL as given, so a
 * value holding `&`, `#` or `+` would otherwise break the URL). `$`, `,`, `/`, `=`, parentheses and quotes
 * stay readable, as in Graph's documentation.
 */
export function withQuery(pathOrUrl: string, query: GraphCallOptions['query']): string {
  const pairs = Object.entries(query ?? {}).filter(([, v]) => v !== undefined);
  if (pairs.length === 0) return pathOrUrl;
  const encoded = pairs.map(
    ([key, value]) =>
      `${key}=${encodeURIComponent(String(value))
        .replace(/%24/g, '$')
        .replace(/%2C/gi, ',')
        .replace(/%2F/gi, '/')
        .replace(/%3D/gi, '=')}`,
  );
  return `${pathOrUrl}${pathOrUrl.includes('?') ? '&' : '?'}${encoded.join('&')}`;
}

function displayPath(pathOrUrl: string, baseUrl: string): string {
  const withoutBase = pathOrUrl.startsWith(baseUrl) ? pathOrUrl.slice(baseUrl.length) : pathOrUrl;
  return withoutBase.split('?')[0]!;
}
