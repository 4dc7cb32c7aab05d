import { randomUUID } from 'node:crypto';

/**
 * The shapes every Graph double route works with. One route handles a request the same way whether it came
 * as its own HTTPS request or inside a `$batch` — as in Graph, where a batch is just a way of sending them.
 */
export interface DoubleRequest {
  method: string;
  /** Path under the version root, e.g. `/sites/s1/lists/l1/items` (no query). */
  path: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, if any. */
  body: unknown;
}

export interface DoubleResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface GraphRoute {
  method: string;
  /** Matched against DoubleRequest.path; capture groups become params (URI-decoded). */
  pattern: RegExp;
  handle(request: DoubleRequest, params: string[]): DoubleResponse;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): DoubleResponse {
  return { status, body, headers };
}

/** Graph's error body: `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`. */
export function graphError(status: number, code: string, message: string, headers: Record<string, string> = {}): DoubleResponse {
  const requestId = randomUUID();
  return {
    status,
    headers,
    body: {
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString().slice(0, 19), 'request-id': requestId, 'client-request-id': requestId },
      },
    },
  };
}

export function findRoute(routes: readonly GraphRoute[], request: DoubleRequest): { route: GraphRoute; params: string[] } | undefined {
  for (const route of routes) {
    if (route.method !== request.method) continue;
    const match = route.pattern.exec(request.path);
    if (match) return { route, params: match.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return undefined;
}

/** Splits a Graph-relative URL (`/sites/x/lists/y/items?expand=fields`) into path and query. */
export function splitRelativeUrl(url: string): { path: string; query: URLSearchParams } {
  const withSlash = url.startsWith('/') ? url : `/${url}`;
  const at = withSlash.indexOf('?');
  return at === -1
    ? { path: withSlash, query: new URLSearchParams() }
    : { path: withSlash.slice(0, at), query: new URLSearchParams(withSlash.slice(at + 1)) };
}
