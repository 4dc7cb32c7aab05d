import { GraphClientError, GraphError } from '@microsoft/microsoft-graph-client';

/**
 * The errors the Graph layer raises, each with a message an administrator can act on. They extend the
 * SDK's GraphClientError because GraphRequest passes a GraphClientError thrown inside the middleware chain
 * through unchanged (anything else it re-wraps into a GraphError with an empty message).
 */
abstract class GraphLayerError extends GraphClientError {
  constructor(message: string) {
    super(message);
    // GraphClientError resets the prototype to its own; restore the subclass so `instanceof` works.
    Object.setPrototypeOf(this, new.target.prototype);
    this.name = new.target.name;
  }
}

/** A token could not be obtained (wrong certificate, unknown app, unreachable authority, …). */
export class GraphAuthError extends GraphLayerError {
  constructor(
    message: string,
    /** msal's error code, e.g. invalid_client */
    readonly code: string | undefined,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** Still throttled (429/503/504) when the attempts or the time budget ran out. */
export class GraphThrottledError extends GraphLayerError {
  constructor(
    message: string,
    readonly status: number,
    readonly attempts: number,
    readonly elapsedMs: number,
    readonly reason: 'attempts' | 'budget',
  ) {
    super(message);
  }
}

/** A request the pipeline refuses to send (e.g. the development-only Prefer header). */
export class GraphRequestRefusedError extends GraphLayerError {}

/** Graph answered with an error status; `code` is Graph's error code (itemNotFound, invalidRequest, …). */
export class GraphRequestError extends GraphLayerError {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string | undefined,
    readonly method: string,
    readonly path: string,
    readonly body?: unknown,
    /** Response headers, lower-case names (a 410 Gone from delta names where to restart in Location). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const statusTexts: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function describeStatus(status: number): string {
  return statusTexts[status] ? `${status} ${statusTexts[status]}` : String(status);
}

/** Graph's error body: `{ error: { code, message } }`. */
export function graphErrorOf(body: unknown): { code?: string; message?: string } {
  if (body && typeof body === 'object' && 'error' in body) {
    const error = (body as { error: unknown }).error;
    if (error && typeof error === 'object') {
      const { code, message } = error as { code?: unknown; message?: unknown };
      return { code: typeof code === 'string' ? code : undefined, message: typeof message === 'string' ? message : undefined };
    }
  }
  return {};
}

export function requestError(method: string, path: string, status: number, body: unknown, headers: Record<string, string> = {}): GraphRequestError {
  const { code, message } = graphErrorOf(body);
  const detail = [code, message].filter(Boolean).join(': ');
  return new GraphRequestError(
    `Microsoft Graph ${method} ${path} answered ${describeStatus(status)}${detail ? ` — ${detail}` : ''}`,
    status,
    code,
    method,
    path,
    body,
    headers,
  );
}

/** Turns what the SDK throws into our errors; our own errors pass through. */
export function toGraphLayerError(error: unknown, method: string, path: string): Error {
  if (error instanceof GraphLayerError) return error;
  if (error instanceof GraphError && error.statusCode === -1) {
    // No HTTP answer at all (connection refused, TLS failure, timeout): the SDK wraps it with status -1.
    return new Error(`Microsoft Graph ${method} ${path} failed: ${error.message}`, { cause: error });
  }
  if (error instanceof GraphError) {
    let body: unknown = undefined;
    try {
      body = typeof error.body === 'string' ? { error: JSON.parse(error.body) } : error.body;
    } catch {
      body = { error: { code: error.code ?? undefined, message: error.message } };
    }
    if (!graphErrorOf(body).message && error.message) body = { error: { code: error.code ?? undefined, message: error.message } };
    return requestError(method, path, error.statusCode, body, headersOf(error.headers));
  }
  return error instanceof Error ? error : new Error(String(error));
}

function headersOf(headers: Headers | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  headers?.forEach((value, name) => {
    out[name.toLowerCase()] = value;
  });
  return out;
}
