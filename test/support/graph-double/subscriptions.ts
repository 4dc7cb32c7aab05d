import { randomUUID } from 'node:crypto';
import type { IncomingMessage, RequestListener, Server } from 'node:http';
import { Readable } from 'node:stream';
import { graphError, json, type DoubleRequest, type DoubleResponse, type GraphRoute } from './double-http.js';
import type { GraphDouble } from './graph-double.js';

/**
 * Microsoft Graph change-notification subscriptions on SharePoint lists (issue 4), as documented
 * (learn.microsoft.com/graph/api/resources/subscription, subscription-post-subscriptions, subscription-list,
 * subscription-update, subscription-delete, change-notifications-delivery-webhooks):
 *
 *   POST   /subscriptions        → Graph first POSTs `{notificationUrl}?validationToken=…` (text/plain) and creates
 *                                  the subscription only when the answer is 200, text/plain, the decoded token,
 *                                  within 10 s; otherwise 400. → 201 subscription
 *   GET    /subscriptions        → the live subscriptions, `clientState` withheld ("not returned for security
 *                                  purposes")
 *   GET    /subscriptions/{id}
 *   PATCH  /subscriptions/{id}   { expirationDateTime } → 200 subscription; 404 once expired or deleted
 *   DELETE /subscriptions/{id}   → 204
 *
 * Rules enforced: a relative `resource` `sites/{site}/lists/{list}` naming a list the double holds ("must be
 * a relative URI", sp-dev-docs#5622); `changeType` exactly `updated` (lists support only that; "Invalid
 * 'changeType' attribute", msgraph-sdk-dotnet#725); `notificationUrl` https — or http on a loopback host,
 * which only this double accepts so tests can run an http server; `expirationDateTime` in the future and at
 * most 42,300 minutes ahead, under 45 minutes moved to 45 (both documented); `clientState` at most 128
 * characters. An expired subscription is gone (404), as Graph deletes it. `forbidden = true` plays an app
 * without Sites.ReadWrite.All: creating and renewing answer 403.
 *
 * `notify(id)` POSTs a change notification collection to the subscription's URL, as Graph does.
 *
 * The double's routes answer synchronously, but validation is an HTTP round trip made before Graph answers
 * the POST. So `on(double)` wraps the double's server: a top-level `POST /subscriptions` is validated first
 * (when the request itself is acceptable) and then handed on, marked with the outcome, to the double's own
 * handling (bearer check, faults, log) and to the route here. Inside a `$batch` the route answers 400.
 */
export interface DoubleSubscription {
  id: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  expirationDateTime: string;
  clientState: string | null;
  applicationId: string;
  tenantId: string;
  latestSupportedTlsVersion: string;
}

export interface ValidationAttempt {
  notificationUrl: string;
  token: string;
  /** The answer's status (0: no answer in time, or no connection). */
  status: number;
  echoed: boolean;
  reason?: string;
}

export const maxListSubscriptionMinutes = 42_300;
const minimumMinutes = 45;
const validationMark = 'x-graph-double-validation';
const validationFailed = 'Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.';

export class GraphSubscriptions {
  readonly subscriptions = new Map<string, DoubleSubscription>();
  readonly validations: ValidationAttempt[] = [];
  /** The app lacks Sites.ReadWrite.All: creating and renewing list subscriptions answer 403. */
  forbidden = false;
  /** How long Graph waits for the validation answer (documented: 10 seconds). */
  validationTimeoutMs = 10_000;
  /** The double's clock for expirations; tests share theirs with the app to jump ahead. */
  now: () => Date = () => new Date();
  private readonly outcomes = new Map<string, ValidationAttempt>();

  constructor(private readonly double: GraphDouble) {}

  /** Registers the routes on a started double and validates notification URLs on creation. */
  static on(double: GraphDouble): GraphSubscriptions {
    const subscriptions = new GraphSubscriptions(double);
    double.addRoutes(subscriptions.routes());
    subscriptions.validateBeforeCreation();
    return subscriptions;
  }

  /** The live subscriptions (expired ones are removed, as Graph deletes them). */
  live(): DoubleSubscription[] {
    const now = this.now().getTime();
    for (const [id, s] of this.subscriptions) if (Date.parse(s.expirationDateTime) <= now) this.subscriptions.delete(id);
    return [...this.subscriptions.values()];
  }

  routes(): GraphRoute[] {
    const collection = /^\/subscriptions$/;
    const one = /^\/subscriptions\/([^/]+)$/;
    return [
      { method: 'POST', pattern: collection, handle: (r) => this.create(r) },
      { method: 'GET', pattern: collection, handle: () => json(200, { '@odata.context': `${this.double.graphBaseUrl}/$metadata#subscriptions`, value: this.live().map(listed) }) },
      { method: 'GET', pattern: one, handle: (_r, [id]) => this.withLive(id!, (s) => json(200, listed(s))) },
      { method: 'PATCH', pattern: one, handle: (r, [id]) => this.withLive(id!, (s) => this.renew(r, s)) },
      {
        method: 'DELETE',
        pattern: one,
        handle: (_r, [id]) =>
          this.withLive(id!, (s) => {
            this.subscriptions.delete(s.id);
            return { status: 204 };
          }),
      },
    ];
  }

  /** Sends a change notification for the subscription to its URL, as Graph does; `clientState` may be forged. */
  async notify(subscriptionId: string, overrides: { clientState?: string | null } = {}): Promise<{ status: number; body: string }> {
    const s = this.subscriptions.get(subscriptionId);
    if (!s) throw new Error(`The double holds no subscription ${subscriptionId}`);
    const notification = {
      id: randomUUID(),
      subscriptionId: s.id,
      subscriptionExpirationDateTime: s.expirationDateTime,
      clientState: 'clientState' in overrides ? overrides.clientState : s.clientState,
      changeType: 'updated',
      resource: s.resource,
      tenantId: s.tenantId,
    };
    const answer = await fetch(s.notificationUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ value: [notification] }),
    });
    return { status: answer.status, body: await answer.text() };
  }

  // --- routes ---

  private create(request: DoubleRequest): DoubleResponse {
    const refused = this.refusal(request.body);
    if (refused) return refused;
    const outcome = this.outcomes.get(request.headers[validationMark] ?? '');
    this.outcomes.delete(request.headers[validationMark] ?? '');
    if (!outcome) return graphError(400, 'InvalidRequest', 'The Graph double validates notification URLs only for a top-level POST /subscriptions.');
    if (!outcome.echoed) return graphError(400, 'InvalidRequest', validationFailed);
    const body = request.body as Record<string, string>;
    const issued = this.double.tokens.validate(request.headers.authorization);
    const subscription: DoubleSubscription = {
      id: randomUUID(),
      resource: body.resource!,
      changeType: body.changeType!,
      notificationUrl: body.notificationUrl!,
      expirationDateTime: this.acceptedExpiration(body.expirationDateTime!),
      clientState: body.clientState ?? null,
      applicationId: issued?.clientId ?? '',
      tenantId: issued?.tenantId ?? '',
      latestSupportedTlsVersion: body.latestSupportedTlsVersion ?? 'v1_2',
    };
    this.subscriptions.set(subscription.id, subscription);
    return json(201, { '@odata.context': `${this.double.graphBaseUrl}/$metadata#subscriptions/$entity`, ...subscription });
  }

  private renew(request: DoubleRequest, subscription: DoubleSubscription): DoubleResponse {
    if (this.forbidden) return accessDenied('Update');
    const body = (request.body ?? {}) as Record<string, unknown>;
    const problem = this.expirationProblem(body.expirationDateTime);
    if (problem) return problem;
    subscription.expirationDateTime = this.acceptedExpiration(String(body.expirationDateTime));
    if (typeof body.notificationUrl === 'string') subscription.notificationUrl = body.notificationUrl;
    return json(200, { '@odata.context': `${this.double.graphBaseUrl}/$metadata#subscriptions/$entity`, ...subscription });
  }

  private withLive(id: string, then: (s: DoubleSubscription) => DoubleResponse): DoubleResponse {
    const found = this.live().find((s) => s.id === id);
    return found ? then(found) : graphError(404, 'ResourceNotFound', `The object was not found: subscription ${id}.`);
  }

  /** What Graph checks before it calls the notification URL. */
  private refusal(raw: unknown): DoubleResponse | undefined {
    if (this.forbidden) return accessDenied('Create');
    const body = (raw ?? {}) as Record<string, unknown>;
    for (const name of ['changeType', 'notificationUrl', 'resource', 'expirationDateTime']) {
      if (typeof body[name] !== 'string' || !body[name]) return graphError(400, 'InvalidRequest', `The property '${name}' is required.`);
    }
    const resource = String(body.resource);
    if (/^https?:/i.test(resource)) return graphError(400, 'BadRequest', `The value '${resource}' of property 'resource' must be a relative URI.`);
    const match = /^\/?sites\/([^/]+)\/lists\/([^/?]+)$/.exec(resource);
    if (!match) return graphError(400, 'InvalidRequest', `The Graph double subscribes to SharePoint lists only (sites/{site-id}/lists/{list-id}), not '${resource}'.`);
    if (!this.double.lists.list(decodeURIComponent(match[1]!), decodeURIComponent(match[2]!))) {
      return graphError(404, 'itemNotFound', `The list in '${resource}' was not found.`);
    }
    if (body.changeType !== 'updated') return graphError(400, 'InvalidRequest', `Invalid 'changeType' attribute: '${String(body.changeType)}'. Lists support only 'updated'.`);
    const url = String(body.notificationUrl);
    if (!acceptableUrl(url)) return graphError(400, 'InvalidRequest', `The notificationUrl '${url}' must use the HTTPS protocol.`);
    if (typeof body.clientState === 'string' && body.clientState.length > 128) return graphError(400, 'InvalidRequest', 'The clientState is longer than 128 characters.');
    return this.expirationProblem(body.expirationDateTime);
  }

  private expirationProblem(value: unknown): DoubleResponse | undefined {
    const at = typeof value === 'string' ? Date.parse(value) : NaN;
    if (Number.isNaN(at)) return graphError(400, 'InvalidRequest', "The property 'expirationDateTime' must be a date and time.");
    const now = this.now().getTime();
    if (at <= now) return graphError(400, 'InvalidRequest', 'Subscription expiration must be in the future.');
    if (at > now + maxListSubscriptionMinutes * 60_000) {
      return graphError(400, 'InvalidRequest', `Subscription expiration can only be ${maxListSubscriptionMinutes} minutes in the future.`);
    }
    return undefined;
  }

  /** "Any value under 45 minutes after the time of the request is automatically set to 45 minutes after." */
  private acceptedExpiration(value: string): string {
    const at = Date.parse(value);
    const floor = this.now().getTime() + minimumMinutes * 60_000;
    return new Date(Math.max(at, floor)).toISOString();
  }

  // --- validation of the notification URL ---

  private validateBeforeCreation(): void {
    const server = (this.double as unknown as { server?: Server }).server;
    if (!server) throw new Error('GraphSubscriptions.on(double) needs a started double');
    const [handler] = server.listeners('request') as RequestListener[];
    if (!handler) throw new Error('The Graph double has no request handler to wrap');
    server.removeAllListeners('request');
    server.on('request', (req: IncomingMessage, res) => {
      const path = new URL(req.url ?? '/', 'https://double').pathname;
      if (req.method !== 'POST' || path !== `/${this.double.version}/subscriptions`) {
        handler(req, res);
        return;
      }
      void this.validateThenHandOn(req, res, handler);
    });
  }

  private async validateThenHandOn(req: IncomingMessage, res: Parameters<RequestListener>[1], handler: RequestListener): Promise<void> {
    const raw = await readAll(req);
    const mark = randomUUID();
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      body = undefined;
    }
    // Graph authenticates and checks the request before it calls the notification URL.
    if (this.double.tokens.validate(req.headers.authorization) && !this.refusal(body)) {
      this.outcomes.set(mark, await this.validate(String((body as { notificationUrl: string }).notificationUrl)));
    }
    const replay = Object.assign(Readable.from(raw.length ? [raw] : []), {
      url: req.url,
      method: req.method,
      headers: { ...req.headers, [validationMark]: mark },
    }) as unknown as IncomingMessage;
    handler(replay, res);
  }

  private async validate(notificationUrl: string): Promise<ValidationAttempt> {
    // Shaped like Graph's: spaces and punctuation, so a client that does not decode the query fails.
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()} +/=&`;
    const attempt: ValidationAttempt = { notificationUrl, token, status: 0, echoed: false };
    try {
      const answer = await fetch(`${notificationUrl}${notificationUrl.includes('?') ? '&' : '?'}validationToken=${encodeURIComponent(token)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain; charset=utf-8' },
        signal: AbortSignal.timeout(this.validationTimeoutMs),
      });
      attempt.status = answer.status;
      const text = await answer.text();
      const plain = (answer.headers.get('content-type') ?? '').toLowerCase().startsWith('text/plain');
      attempt.echoed = answer.status === 200 && plain && text === token;
      if (!attempt.echoed) attempt.reason = `answered ${answer.status} ${answer.headers.get('content-type') ?? ''}: ${text.slice(0, 200)}`;
    } catch (error) {
      attempt.reason = (error as Error).message;
    }
    this.validations.push(attempt);
    return attempt;
  }
}

/** GET shows no clientState: "the clientState property value is not returned for security purposes". */
function listed(s: DoubleSubscription): Record<string, unknown> {
  return { ...s, clientState: null };
}

function accessDenied(operation: 'Create' | 'Update'): DoubleResponse {
  return graphError(403, 'ExtensionError', `Operation: ${operation}; Exception: [Status Code: Forbidden; Reason: Access denied. You do not have permission to perform this action or access this resource.]`);
}

/** https, or http on a loopback host (the double only; Graph itself requires https). */
function acceptableUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.protocol === 'https:') return true;
    const host = url.hostname.replace(/^\[|\]$/g, '');
    return url.protocol === 'http:' && (host === 'localhost' || host === '::1' || host.startsWith('127.'));
  } catch {
    return false;
  }
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
