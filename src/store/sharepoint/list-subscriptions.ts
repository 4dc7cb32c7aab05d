import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { GraphClient } from '../../graph/graph-client.js';
import { GraphRequestError } from '../../graph/graph-errors.js';
import type { Logger } from '../../logger.js';
import { recordKinds, type RecordKind } from '../record-kinds.js';
import type { ListDirectory } from './list-directory.js';

/**
 * Optional Microsoft Graph change-notification subscriptions on the HoivaCRM lists (issue 4): a notification
 * only makes the delta read (delta-sync.ts) happen sooner. Delta polling stays on whatever happens here —
 * a subscription can be refused, dropped or late (list notifications: under a minute on average, up to
 * 6 hours; learn.microsoft.com/graph/api/resources/subscription, "Latency").
 *
 * One subscription per list, `resource: sites/{site-id}/lists/{list-id}`, `changeType: 'updated'` — the
 * only change type lists support (subscription resource, changeType note; `created` is refused with
 * "Invalid 'changeType' attribute", msgraph-sdk-dotnet#725). Lifetime at most 42,300 minutes for a list
 * (subscription resource, "Subscription lifetime"); renewed (PATCH expirationDateTime) on a timer before it
 * runs out; made again when Graph no longer knows it (404). Creating one needs Sites.ReadWrite.All
 * (subscription-post-subscriptions, Permissions) — more than the Sites.Selected grant the store needs — so a
 * 403 is a logged warning, never a failure (and is reported even with that permission:
 * microsoft-graph-docs#7786).
 *
 * All subscriptions share one `clientState` secret (at most 128 characters). GET /subscriptions does not
 * return it (subscription-list, note), so subscriptions left by an earlier run can be reused only when the
 * secret is configured (stable across starts); with a random one they are deleted and made anew.
 *
 * Graph validates `notificationUrl` while it creates a subscription (it POSTs `?validationToken=`), so the
 * HTTP server must already answer /api/graph/notifications when `start()` runs.
 */

/** The maximum lifetime of a SharePoint list subscription (subscription resource, "Subscription lifetime"). */
export const maxListSubscriptionMs = 42_300 * 60_000;
/** Graph moves any expiration under 45 minutes from the request to 45 minutes (same section). */
export const minSubscriptionMs = 45 * 60_000;
/** clientState's documented maximum length. */
export const maxClientStateLength = 128;

export interface ListSubscriptionsOptions {
  graph: Pick<GraphClient, 'post' | 'patch' | 'delete' | 'collect'>;
  lists: Pick<ListDirectory, 'siteId' | 'listId'>;
  /** Where Graph POSTs notifications: the public https URL of POST /api/graph/notifications. */
  notificationUrl: string;
  /**
   * The shared secret Graph echoes in each notification. Configured (stable) → subscriptions an earlier run
   * left are reused; absent → a random one per start, and earlier ones are replaced.
   */
  clientState?: string;
  /** Asked lifetime of a subscription; default: the documented maximum less an hour of clock skew. */
  lifetimeMs?: number;
  /** Renew when less than this is left; default 2 days. */
  renewBeforeMs?: number;
  /** How often expirations are checked (and failed creations tried again); default 1 hour. */
  checkIntervalMs?: number;
  /**
   * Tests only: accept an `http://` notification URL on a loopback host (127.0.0.1, ::1, localhost), which
   * is what the Graph double calls. Graph itself requires https, so production code never sets this.
   */
  allowLoopbackHttp?: boolean;
  /** The lists to subscribe to; default every record kind. */
  kinds?: readonly RecordKind[];
  now?: () => Date;
  logger?: Logger;
}

/**
 * starting: no pass finished yet · active: every list has a live subscription · degraded: some could not be
 * made or renewed (tried again at the next check) · forbidden: 403, off until restart · stopped.
 */
export type ListSubscriptionsState = 'starting' | 'active' | 'degraded' | 'forbidden' | 'stopped';

export interface ListSubscriptionsStatus {
  state: ListSubscriptionsState;
  /** One entry per list that has a subscription now. */
  subscriptions: { kind: RecordKind; id: string; expirationDateTime: string }[];
}

interface GraphSubscription {
  id: string;
  resource?: string;
  changeType?: string;
  notificationUrl?: string;
  expirationDateTime?: string;
}

interface Held {
  id: string;
  expiresAt: number;
}

/** Why a notification URL cannot be used, or undefined when it can. For config validation too. */
export function notificationUrlProblem(value: string, options: { allowLoopbackHttp?: boolean } = {}): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an absolute URL`;
  }
  if (url.protocol === 'https:') return undefined;
  // Graph only delivers to https (subscription resource, notificationUrl); plain http is for the local double.
  if (url.protocol === 'http:' && options.allowLoopbackHttp && isLoopbackHost(url.hostname)) return undefined;
  return `"${value}" must be an https:// URL that Microsoft Graph can reach (Graph delivers change notifications over HTTPS only)`;
}

export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

export class ListSubscriptions {
  private readonly held = new Map<RecordKind, Held>();
  /** Creations whose POST has not answered yet: Graph may deliver a notification before we learn the id. */
  private creating = 0;
  private readonly secretDigest: Buffer;
  private readonly secret: string;
  private readonly stableSecret: boolean;
  private readonly lifetimeMs: number;
  private readonly renewBeforeMs: number;
  private readonly checkIntervalMs: number;
  private readonly kinds: readonly RecordKind[];
  private timer: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  private adopted = false;
  private stopped = false;
  private state: ListSubscriptionsState = 'starting';

  constructor(private readonly options: ListSubscriptionsOptions) {
    const problem = notificationUrlProblem(options.notificationUrl, { allowLoopbackHttp: options.allowLoopbackHttp });
    if (problem) throw new Error(`Graph change notifications: the notification URL ${problem}.`);
    if (options.clientState !== undefined && (options.clientState.length === 0 || options.clientState.length > maxClientStateLength)) {
      throw new Error(`Graph change notifications: the clientState secret must be 1–${maxClientStateLength} characters.`);
    }
    this.stableSecret = options.clientState !== undefined;
    this.secret = options.clientState ?? randomBytes(32).toString('base64url');
    this.secretDigest = digest(this.secret);
    this.lifetimeMs = Math.min(options.lifetimeMs ?? maxListSubscriptionMs - 60 * 60_000, maxListSubscriptionMs);
    this.renewBeforeMs = options.renewBeforeMs ?? 2 * 24 * 60 * 60_000;
    this.checkIntervalMs = options.checkIntervalMs ?? 60 * 60_000;
    if (this.renewBeforeMs >= this.lifetimeMs) throw new Error('Graph change notifications: renewBeforeMs must be shorter than the subscription lifetime.');
    this.kinds = options.kinds ?? recordKinds;
  }

  /** Makes or adopts the subscriptions, then keeps them renewed. Never throws: problems are logged. */
  async start(): Promise<ListSubscriptionsStatus> {
    await this.check();
    this.schedule();
    return this.status();
  }

  /** One pass: adopt what an earlier run left (first time), create what is missing, renew what is due. */
  check(): Promise<void> {
    // One pass at a time: a timer tick during a slow start must not create a second set.
    this.pass ??= this.runPass().finally(() => {
      this.pass = undefined;
    });
    return this.pass;
  }

  /** Whether a notification is one of ours: the secret matches and the subscription is ours (or being made). */
  accepts(subscriptionId: string, clientState: string | null | undefined): boolean {
    if (typeof clientState !== 'string' || !timingSafeEqual(digest(clientState), this.secretDigest)) return false;
    return this.creating > 0 || [...this.held.values()].some((h) => h.id === subscriptionId);
  }

  status(): ListSubscriptionsStatus {
    return {
      state: this.stopped ? 'stopped' : this.state,
      subscriptions: [...this.held].map(([kind, h]) => ({ kind, id: h.id, expirationDateTime: new Date(h.expiresAt).toISOString() })),
    };
  }

  /** Stops renewing; with `deleteSubscriptions`, also deletes them in Graph (best effort). */
  async stop(options: { deleteSubscriptions?: boolean } = {}): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.pass?.catch(() => undefined);
    if (options.deleteSubscriptions) {
      for (const [kind, held] of this.held) {
        await this.options.graph.delete(`/subscriptions/${held.id}`).catch((error: unknown) => {
          if (!isStatus(error, 404)) this.options.logger?.warn('deleting a Graph change-notification subscription failed', { kind, subscription: held.id, error: message(error) });
        });
      }
      this.held.clear();
    }
  }

  private schedule(): void {
    if (this.state === 'forbidden' || this.stopped) return;
    this.timer = setTimeout(() => {
      void this.check().finally(() => {
        if (this.timer) this.schedule();
      });
    }, this.checkIntervalMs);
    this.timer.unref?.();
  }

  private async runPass(): Promise<void> {
    if (this.state === 'forbidden' || this.stopped) return;
    let failed = false;
    try {
      if (!this.adopted) {
        await this.adoptExisting();
        this.adopted = true;
      }
      for (const kind of this.kinds) {
        try {
          await this.keep(kind);
        } catch (error) {
          if (isStatus(error, 403)) throw error;
          failed = true;
          this.options.logger?.warn(
            'a Graph change-notification subscription could not be made or renewed; trying again at the next check (delta polling continues)',
            { kind, notificationUrl: this.options.notificationUrl, error: message(error), hint: hintFor(error) },
          );
        }
      }
    } catch (error) {
      if (isStatus(error, 403)) {
        this.forbidden(error);
        return;
      }
      failed = true;
      this.options.logger?.warn('listing Graph change-notification subscriptions failed; trying again at the next check (delta polling continues)', {
        error: message(error),
      });
    }
    this.state = failed ? 'degraded' : 'active';
  }

  /** The subscription of one list: made when missing, renewed when due, made again when Graph dropped it. */
  private async keep(kind: RecordKind): Promise<void> {
    const held = this.held.get(kind);
    if (!held || held.expiresAt <= this.nowMs()) {
      await this.create(kind);
      return;
    }
    if (held.expiresAt - this.nowMs() > this.renewBeforeMs) return;
    try {
      const renewed = await this.options.graph.patch<GraphSubscription>(`/subscriptions/${held.id}`, { expirationDateTime: this.expiration() });
      this.held.set(kind, { id: held.id, expiresAt: this.expiresAtOf(renewed) });
      this.options.logger?.info('renewed a Graph change-notification subscription', { kind, subscription: held.id, until: renewed?.expirationDateTime });
    } catch (error) {
      // Expired or removed on Graph's side ("If you don't renew a subscription in time, Microsoft Graph deletes
      // the subscription", change-notifications-delivery-webhooks): make a new one.
      if (!isStatus(error, 404)) throw error;
      this.held.delete(kind);
      this.options.logger?.info('Graph no longer knows a change-notification subscription; making it again', { kind, subscription: held.id });
      await this.create(kind);
    }
  }

  private async create(kind: RecordKind): Promise<void> {
    this.creating++;
    try {
      const created = await this.options.graph.post<GraphSubscription>('/subscriptions', {
        changeType: 'updated',
        notificationUrl: this.options.notificationUrl,
        resource: this.resourceOf(kind),
        expirationDateTime: this.expiration(),
        clientState: this.secret,
      });
      this.held.set(kind, { id: created.id, expiresAt: this.expiresAtOf(created) });
      this.options.logger?.info('made a Graph change-notification subscription', { kind, subscription: created.id, until: created.expirationDateTime });
    } finally {
      this.creating--;
    }
  }

  /** Subscriptions an earlier run of this app left for our lists and URL: adopted (stable secret) or removed. */
  private async adoptExisting(): Promise<void> {
    const existing = await this.options.graph.collect<GraphSubscription>('/subscriptions');
    for (const kind of this.kinds) {
      const resource = normalizeResource(this.resourceOf(kind));
      const ours = existing.filter(
        (s) => normalizeResource(s.resource ?? '') === resource && s.notificationUrl === this.options.notificationUrl && this.expiresAtOf(s) > this.nowMs(),
      );
      const kept = this.stableSecret ? ours[0] : undefined;
      if (kept) {
        this.held.set(kind, { id: kept.id, expiresAt: this.expiresAtOf(kept) });
        this.options.logger?.info('reusing a Graph change-notification subscription', { kind, subscription: kept.id, until: kept.expirationDateTime });
      }
      // Extra ones would only duplicate notifications; with a random secret the old one's secret is unknown,
      // so every notification it sends would be ignored.
      for (const stale of ours.filter((s) => s !== kept)) {
        await this.options.graph.delete(`/subscriptions/${stale.id}`).catch((error: unknown) => {
          if (isStatus(error, 403)) throw error;
          this.options.logger?.warn('removing an old Graph change-notification subscription failed', { kind, subscription: stale.id, error: message(error) });
        });
      }
    }
  }

  private forbidden(error: unknown): void {
    this.state = 'forbidden';
    clearTimeout(this.timer);
    this.timer = undefined;
    this.options.logger?.warn(
      'Graph change notifications are off: Microsoft Graph refused the list subscriptions (403). Subscribing to a SharePoint list needs the application permission Sites.ReadWrite.All; the Sites.Selected grant the lists need is not enough. Delta polling continues (SHAREPOINT_DELTA_POLL_MS), so edits made in the lists still arrive. Grant Sites.ReadWrite.All and restart to enable notifications, or unset GRAPH_NOTIFICATION_URL to silence this warning.',
      { error: message(error) },
    );
  }

  private resourceOf(kind: RecordKind): string {
    return `sites/${this.options.lists.siteId}/lists/${this.options.lists.listId(kind)}`;
  }

  private expiration(): string {
    return new Date(this.nowMs() + this.lifetimeMs).toISOString();
  }

  /** Graph may set another expiration than the one asked for (45 minutes at least): hold what it answers. */
  private expiresAtOf(subscription: GraphSubscription | undefined): number {
    const at = Date.parse(subscription?.expirationDateTime ?? '');
    return Number.isNaN(at) ? this.nowMs() + this.lifetimeMs : at;
  }

  private nowMs(): number {
    return (this.options.now?.() ?? new Date()).getTime();
  }
}

function digest(value: string): Buffer {
  // Hashing first gives equal lengths, which timingSafeEqual needs, without revealing the secret's length.
  return createHash('sha256').update(value, 'utf8').digest();
}

function normalizeResource(resource: string): string {
  return resource.replace(/^\/+/, '').toLowerCase();
}

function isStatus(error: unknown, status: number): boolean {
  return error instanceof GraphRequestError && error.status === status;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function hintFor(error: unknown): string | undefined {
  if (isStatus(error, 400)) {
    return 'Graph checks the notification URL when it makes a subscription: it must be reachable from the internet over HTTPS and answer POST ?validationToken=… within 10 seconds (the app serves this at /api/graph/notifications).';
  }
  return undefined;
}
