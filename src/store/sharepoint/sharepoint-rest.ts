import type { Logger } from '../../logger.js';
import { describeStatus } from '../../graph/graph-errors.js';
import { graphSettingsEnv, graphUserAgent, type GraphSettings } from '../../graph/graph-settings.js';
import { HttpsTransport, headerValue } from '../../graph/https-transport.js';
import { delayBeforeRetry, isRetryableStatus, mayRetry, realSleep } from '../../graph/retry-policy.js';
import { createTokenProvider, type AccessTokenProvider } from '../../graph/token-provider.js';

/**
 * The SharePoint REST API (`{siteUrl}/_api/…`), for what Microsoft Graph cannot do: list views (issue 4).
 * Used by provisioning only; everything else goes through Graph.
 *
 * - The token is app-only for the SharePoint resource — scope `https://<tenant>.sharepoint.com/.default`,
 *   not Graph's — from the same app and msal set-up as Graph (token-provider.ts).
 * - SharePoint REST accepts app-only tokens only from a **certificate** credential; a token got with a client
 *   secret is refused (SharePoint/sp-dev-docs#8480, #3711; the "Granting access via Azure AD App-Only" FAQ). So
 *   with a secret the REST part is unavailable and provisioning says so instead of failing half-way.
 * - With Sites.Selected, the grant for SharePoint REST is the SharePoint API permission Sites.Selected (the
 *   app registration's "SharePoint" API), granted on the site like the Graph one.
 * - OData verbose JSON, the form the SharePoint REST reference documents; OAuth bearer requests need no
 *   X-RequestDigest (the digest is for cookie-authenticated requests).
 * - Same traffic decoration (User-Agent) and the same throttling rules as Graph: 429/503 with Retry-After.
 *
 * UNVERIFIED against a real tenant: the request shapes follow the SharePoint REST reference and PnPjs
 * (packages/sp/views); the tests run them against the Graph double only.
 */
export interface SharePointRestClient {
  readonly siteUrl: string;
  /** Absolute URL of an API path under the site, e.g. `_api/web/lists/GetByTitle('X')/views`. */
  url(apiPath: string): string;
  get<T>(apiPath: string): Promise<T>;
  post<T>(apiPath: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  close(): void;
}

export class SharePointRestError extends Error {
  override name = 'SharePointRestError';
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly method: string,
    readonly url: string,
  ) {
    super(message);
  }
}

export const verboseJson = 'application/json;odata=verbose';

/** Why the SharePoint REST API cannot be used with these settings, or undefined when it can. */
export function sharePointRestUnavailable(settings: GraphSettings, siteUrl: string | undefined): string | undefined {
  if (!siteUrl) return 'no site URL (SHAREPOINT_SITE_URL, or the site\'s webUrl from Graph)';
  if (!settings.certificatePath) {
    return `SharePoint REST accepts app-only tokens from a certificate only, and ${graphSettingsEnv.clientSecret} is a client secret: set ${graphSettingsEnv.certificatePath}`;
  }
  if (new URL(siteUrl).protocol !== 'https:') return `the site URL ${siteUrl} is not https`;
  return undefined;
}

export interface SharePointRestDeps {
  logger?: Logger;
  /** A token provider for the SharePoint resource; by default one is made from the settings. */
  tokens?: AccessTokenProvider;
  sleep?: (ms: number) => Promise<void>;
}

export function createSharePointRest(settings: GraphSettings, siteUrl: string, deps: SharePointRestDeps = {}): SharePointRestClient {
  const site = siteUrl.replace(/\/+$/, '');
  const origin = new URL(site).origin;
  const userAgent = graphUserAgent(settings);
  const transport = HttpsTransport.withCaFile(settings.extraCaPath, { timeoutMs: settings.requestTimeoutMs, userAgent });
  // The token provider derives its scope from the resource origin (`<origin>/.default`); the SharePoint
  // resource is the site's origin, so the same provider is made with that origin in place of Graph's.
  const tokens =
    deps.tokens ?? createTokenProvider({ ...settings, graphBaseUrl: `${origin}/v1.0` }, { transport, logger: deps.logger });
  const sleep = deps.sleep ?? realSleep;

  const send = async <T>(method: string, apiPath: string, body?: unknown, extra: Record<string, string> = {}): Promise<T> => {
    const url = `${site}/${apiPath.replace(/^\/+/, '')}`;
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      const response = await transport.send({
        method,
        url,
        headers: {
          Authorization: `Bearer ${await tokens.getAccessToken()}`,
          Accept: verboseJson,
          ...(body !== undefined ? { 'Content-Type': verboseJson } : {}),
          ...extra,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = response.body.toString('utf8');
      const parsed = text ? safeJson(text) : undefined;
      if (response.status >= 200 && response.status < 300) return parsed as T;
      if (isRetryableStatus(response.status)) {
        const delay = delayBeforeRetry(attempt, (name) => headerValue(response, name), settings.retry, Date.now());
        if (mayRetry(attempt, Date.now() - started, delay.delayMs, settings.retry).retry) {
          deps.logger?.warn('SharePoint REST throttled; retrying', { url, status: response.status, delayMs: delay.delayMs });
          await sleep(delay.delayMs);
          continue;
        }
      }
      const { code, message } = sharePointErrorOf(parsed);
      throw new SharePointRestError(
        `SharePoint REST ${method} ${url} answered ${describeStatus(response.status)}${message ? ` — ${message}` : ''}`,
        response.status,
        code,
        method,
        url,
      );
    }
  };

  return {
    siteUrl: site,
    url: (apiPath) => `${site}/${apiPath.replace(/^\/+/, '')}`,
    get: (apiPath) => send('GET', apiPath),
    post: (apiPath, body, headers) => send('POST', apiPath, body, headers),
    close: () => transport.close(),
  };
}

/** A list's address in SharePoint REST by its title; a quote in the title is doubled (OData string literal). */
export function listByTitlePath(title: string): string {
  return `_api/web/lists/GetByTitle('${encodeURIComponent(title.replace(/'/g, "''"))}')`;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** SharePoint's error body: `{ error: { code, message: { value } } }` (verbose) or `{ "odata.error": … }`. */
function sharePointErrorOf(body: unknown): { code?: string; message?: string } {
  if (!body || typeof body !== 'object') return typeof body === 'string' && body ? { message: body.slice(0, 300) } : {};
  const error = ((body as Record<string, unknown>).error ?? (body as Record<string, unknown>)['odata.error']) as
    | { code?: unknown; message?: unknown }
    | undefined;
  if (!error) return {};
  const message = typeof error.message === 'string' ? error.message : (error.message as { value?: string } | undefined)?.value;
  return { code: typeof error.code === 'string' ? error.code : undefined, message };
}
