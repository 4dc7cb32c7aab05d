import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { Logger } from '../logger.js';
import { GraphThrottledError, describeStatus, graphErrorOf } from './graph-errors.js';
import { requestMethod, requestUrl } from './request-headers.js';
import {
  delayBeforeRetry,
  headerLookup,
  isRetryableStatus,
  mayRetry,
  realSleep,
  serverRequestedDelayMs,
  type RetryPolicy,
} from './retry-policy.js';

export interface RetryClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
}

export const realClock: RetryClock = { now: () => Date.now(), sleep: realSleep, random: Math.random };

/**
 * Pipeline plug-in: retries 429/503/504 per `RetryPolicy` (see retry-policy.ts for the why). It replaces the
 * SDK's RetryHandler, which reads only `Retry-After` (not SharePoint's `RateLimit-Reset`) and has no total time
 * budget. Like the SDK's it also retries POST and PATCH — a create may therefore land twice if the first one
 * was in fact processed; the storage adapter makes creates idempotent on a unique key column (issue 4).
 * When the attempts or the budget run out it throws GraphThrottledError naming the status, which the SDK's
 * GraphRequest passes through unchanged.
 */
export class ThrottlingRetryHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly clock: RetryClock = realClock,
    private readonly logger?: Logger,
  ) {}

  async execute(context: Context): Promise<void> {
    const started = this.clock.now();
    const method = requestMethod(context);
    const path = new URL(requestUrl(context)).pathname;
    for (let attempt = 1; ; attempt++) {
      await this.next!.execute(context);
      const response = context.response!;
      if (!isRetryableStatus(response.status)) return;

      const headers = headerLookup(response.headers);
      const { delayMs, source } = delayBeforeRetry(attempt, headers, this.policy, this.clock.now(), this.clock.random);
      const elapsedMs = this.clock.now() - started;
      const decision = mayRetry(attempt, elapsedMs, delayMs, this.policy);
      if (!decision.retry) {
        const body: unknown = await response.json().catch(() => undefined);
        const { code, message } = graphErrorOf(body);
        const asked = serverRequestedDelayMs(headers, this.clock.now());
        const limit =
          decision.reason === 'attempts'
            ? `after ${attempt} attempts (the limit) in ${(elapsedMs / 1000).toFixed(1)} s`
            : `after ${attempt} attempt${attempt === 1 ? '' : 's'}: waiting ${(delayMs / 1000).toFixed(1)} s more would pass the ${(this.policy.totalBudgetMs / 1000).toFixed(1)} s retry budget`;
        throw new GraphThrottledError(
          `Microsoft Graph ${method} ${path} still answered ${describeStatus(response.status)} ${limit}` +
            (asked !== undefined ? `; the server asked to wait ${(asked / 1000).toFixed(1)} s` : '') +
            (code || message ? ` — ${[code, message].filter(Boolean).join(': ')}` : ''),
          response.status,
          attempt,
          elapsedMs,
          decision.reason,
        );
      }
      this.logger?.warn('Microsoft Graph throttled; retrying', { method, path, status: response.status, attempt, delayMs, source });
      await response.arrayBuffer().catch(() => undefined);
      await this.clock.sleep(delayMs);
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
