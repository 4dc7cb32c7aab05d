import type { Logger } from '../logger.js';
import { assertNoNonIndexedPreference } from './default-headers-handler.js';
import { GraphThrottledError, describeStatus, requestError } from './graph-errors.js';
import { delayBeforeRetry, headerLookup, isRetryableStatus, mayRetry, type RetryPolicy } from './retry-policy.js';
import type { RetryClock } from './throttling-retry-handler.js';

/**
 * JSON batching (`POST /$batch`, issue 4) where one use case writes several items. Facts from Microsoft's
 * "Combine multiple HTTP requests using JSON batching": at most 20 requests per batch; every request has an
 * id unique within the batch; a request with a body must carry its Content-Type header; responses may come
 * back in any order and are matched by id; and each inner request is throttled on its own — the batch
 * answers 200 with an inner 429 + Retry-After, which the Graph SDK does not retry. So here: split into
 * batches of 20, map responses back by id to the caller's order, and send the throttled ones again (only
 * those) after the largest wait they asked for, bounded by the same RetryPolicy as single requests. The
 * `$batch` POST itself goes through the pipeline, so a throttled batch as a whole is retried there.
 */
export const maxRequestsPerBatch = 20;

export type BatchMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface BatchRequest {
  method: BatchMethod;
  /** Relative to the version root, e.g. `/sites/{site}/lists/{list}/items` (a full Graph URL is accepted). */
  url: string;
  headers?: Record<string, string>;
  /** A JSON value; sent with `Content-Type: application/json` unless the headers name another. */
  body?: unknown;
}

export interface BatchResult<T = unknown> {
  /** Position in the caller's array. */
  index: number;
  request: BatchRequest;
  status: number;
  headers: Record<string, string>;
  body: T;
  ok: boolean;
  /** How many batches this request went out in (more than one after inner throttling). */
  attempts: number;
}

export interface BatchStep {
  id: string;
  method: BatchMethod;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchResponseItem {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchDeps {
  /** POST /$batch through the Graph pipeline. */
  post(payload: { requests: BatchStep[] }): Promise<{ responses?: BatchResponseItem[] }>;
  policy: RetryPolicy;
  clock: RetryClock;
  /** To turn full URLs into the relative ones a batch takes. */
  graphBaseUrl: string;
  logger?: Logger;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export function toBatchStep(id: string, request: BatchRequest, graphBaseUrl: string): BatchStep {
  let url = request.url;
  if (/^https:\/\//i.test(url)) {
    if (!url.startsWith(`${graphBaseUrl}/`)) throw new Error(`A batch request must address ${graphBaseUrl}, not ${url}`);
    url = url.slice(graphBaseUrl.length);
  }
  if (!url.startsWith('/')) url = `/${url}`;
  const headers: Record<string, string> = { ...(request.headers ?? {}) };
  assertNoNonIndexedPreference(new Headers(headers), `batch ${request.method} ${url}`);
  if (request.body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = 'application/json';
  }
  return {
    id,
    method: request.method,
    url,
    ...(Object.keys(headers).length ? { headers } : {}),
    ...(request.body !== undefined ? { body: request.body } : {}),
  };
}

export async function runBatch<T = unknown>(requests: readonly BatchRequest[], deps: BatchDeps): Promise<BatchResult<T>[]> {
  // Ids are the caller's positions (1-based): unique within each batch and across the whole call.
  const steps = requests.map((request, index) => toBatchStep(String(index + 1), request, deps.graphBaseUrl));
  const results: BatchResult<T>[] = new Array(requests.length);
  for (const indices of chunk([...requests.keys()], maxRequestsPerBatch)) {
    await runOneBatch(indices, requests, steps, results, deps);
  }
  return results;
}

async function runOneBatch<T>(
  indices: number[],
  requests: readonly BatchRequest[],
  steps: BatchStep[],
  results: BatchResult<T>[],
  deps: BatchDeps,
): Promise<void> {
  const started = deps.clock.now();
  let pending = indices;
  for (let round = 1; ; round++) {
    const answer = await deps.post({ requests: pending.map((i) => steps[i]!) });
    const byId = new Map((answer.responses ?? []).map((r) => [String(r.id).toLowerCase(), r]));
    const throttled: number[] = [];
    for (const i of pending) {
      const response = byId.get(steps[i]!.id.toLowerCase());
      if (!response) throw new Error(`The $batch answer has no response for request ${steps[i]!.id} (${steps[i]!.method} ${steps[i]!.url})`);
      const status = Number(response.status);
      results[i] = {
        index: i,
        request: requests[i]!,
        status,
        headers: response.headers ?? {},
        body: response.body as T,
        ok: status >= 200 && status < 300,
        attempts: round,
      };
      if (isRetryableStatus(status)) throttled.push(i);
    }
    if (throttled.length === 0) return;

    const now = deps.clock.now();
    const delayMs = Math.max(
      ...throttled.map((i) => delayBeforeRetry(round, headerLookup(results[i]!.headers), deps.policy, now, deps.clock.random).delayMs),
    );
    const decision = mayRetry(round, now - started, delayMs, deps.policy);
    if (!decision.retry) {
      deps.logger?.warn('Microsoft Graph batch: requests still throttled, giving up on them', {
        requests: throttled.map((i) => `${steps[i]!.method} ${steps[i]!.url}`),
        reason: decision.reason,
      });
      return;
    }
    deps.logger?.warn('Microsoft Graph batch: inner requests throttled; retrying them', { count: throttled.length, delayMs, round });
    await deps.clock.sleep(delayMs);
    pending = throttled;
  }
}

/** The error for a failed batch result: GraphThrottledError when it stayed throttled, else GraphRequestError. */
export function batchResultError(result: BatchResult): Error {
  const what = `${result.request.method} ${result.request.url}`;
  if (isRetryableStatus(result.status)) {
    return new GraphThrottledError(
      `Microsoft Graph batch request ${what} still answered ${describeStatus(result.status)} after ${result.attempts} attempts`,
      result.status,
      result.attempts,
      0,
      'attempts',
    );
  }
  return requestError(result.request.method, `${result.request.url} (in $batch)`, result.status, result.body);
}

/** Throws for the first request that did not succeed; otherwise returns the results unchanged. */
export function assertBatchOk<T>(results: BatchResult<T>[]): BatchResult<T>[] {
  const failed = results.find((r) => !r.ok);
  if (failed) throw batchResultError(failed);
  return results;
}
