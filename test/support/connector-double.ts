import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Bot Connector service (what Teams' serviceUrl points at), speaking its REST
 * API over HTTP: the bot's replies, proactive posts and card updates arrive here and are recorded.
 * It can fail on purpose (429 with Retry-After, 5xx) and answer slowly, like the real one.
 */
export interface RecordedCall {
  method: 'POST' | 'PUT' | 'GET';
  conversationId: string;
  /** For PUT: the activity updated; for a reply POST: the activity replied to. */
  activityId?: string;
  activityIdAssigned?: string;
  body: Record<string, unknown>;
  status: number;
  at: number;
}

interface Fault {
  status: number;
  retryAfterSeconds?: number;
  /** Only calls whose conversation id matches. */
  conversationId?: string;
}

/** A rate limit the double enforces like Teams: at most `limit` accepted calls in any `perMs`. */
export interface EnforcedLimit {
  limit: number;
  perMs: number;
}

/** Teams' documented limits for a bot: per conversation, and per app across all conversations. */
export const teamsLimits = {
  conversation: [
    { limit: 7, perMs: 1_000 },
    { limit: 8, perMs: 2_000 },
    { limit: 60, perMs: 30_000 },
    { limit: 1_800, perMs: 3_600_000 },
  ],
  app: [{ limit: 50, perMs: 1_000 }],
} as const satisfies Record<string, readonly EnforcedLimit[]>;

export class ConnectorDouble {
  readonly calls: RecordedCall[] = [];
  /** Posts and updates refused with 429 because a limit was exceeded (enforceTeamsLimits). */
  readonly throttled: RecordedCall[] = [];
  /** Channels GET /v3/teams/{id}/conversations returns. */
  teamChannels: { id: string; name?: string }[] = [];
  private faults: Fault[] = [];
  private delayMs = 0;
  private limits: typeof teamsLimits | undefined;
  /** Accepted posts and updates (ms), per conversation and for the whole app, for the limits. */
  private accepted = new Map<string, number[]>();
  private outage: { status: number; while: () => boolean; conversationId: string } | undefined;
  private hung = new Set<string>();
  private hanging: (() => void)[] = [];
  private server: Server | undefined;
  private nextId = 1;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.releaseHung();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The next `count` matching activity posts fail with `status`. */
  failNext(count: number, fault: Fault): void {
    for (let i = 0; i < count; i++) this.faults.push(fault);
  }

  clearFaults(): void {
    this.faults = [];
    this.outage = undefined;
  }

  /** Like Teams: a post or update beyond a limit gets 429 with Retry-After (seconds), and is not recorded as delivered. */
  enforceTeamsLimits(): void {
    this.limits = teamsLimits;
  }

  /** Every post into the conversation answers `status` as long as `while()` holds (an outage, e.g. on the app's clock). */
  failWhile(status: number, whileFn: () => boolean, conversationId: string): void {
    this.outage = { status, while: whileFn, conversationId };
  }

  /** Posts and updates to this conversation never get an answer (until `releaseHung`): a hung connection. */
  hang(conversationId: string): void {
    this.hung.add(conversationId);
  }

  releaseHung(): void {
    this.hung.clear();
    for (const release of this.hanging.splice(0)) release();
  }

  /** The wait until a call is within every limit again, or undefined when it is within them now. */
  private overLimit(conversationId: string, now: number): number | undefined {
    if (!this.limits) return undefined;
    let waitMs: number | undefined;
    const check = (key: string, limits: readonly EnforcedLimit[]) => {
      const times = this.accepted.get(key) ?? [];
      for (const { limit, perMs } of limits) {
        const inWindow = times.filter((t) => t > now - perMs);
        if (inWindow.length >= limit) waitMs = Math.max(waitMs ?? 0, inWindow[inWindow.length - limit]! + perMs - now);
      }
    };
    check(`conversation:${conversationId}`, this.limits.conversation);
    check('app', this.limits.app);
    return waitMs;
  }

  private countAccepted(conversationId: string, now: number): void {
    for (const key of [`conversation:${conversationId}`, 'app']) {
      const times = (this.accepted.get(key) ?? []).filter((t) => t > now - 3_600_000);
      times.push(now);
      this.accepted.set(key, times);
    }
  }

  /** Every answer waits this long first (a slow connector). */
  slowDown(ms: number): void {
    this.delayMs = ms;
  }

  /** Activities successfully posted into a conversation (new messages, not updates). */
  posted(conversationId?: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === 'POST' && c.status < 300 && (!conversationId || c.conversationId === conversationId));
  }

  updates(conversationId?: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === 'PUT' && c.status < 300 && (!conversationId || c.conversationId === conversationId));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    const url = new URL(req.url ?? '/', this.url);
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(payload));
    };

    // GET /v3/teams/{teamId}/conversations — TeamsInfo.getTeamChannels
    if (req.method === 'GET' && parts[0] === 'v3' && parts[1] === 'teams' && parts[3] === 'conversations') {
      this.calls.push({ method: 'GET', conversationId: parts[2]!, body: {}, status: 200, at: Date.now() });
      return send(200, { conversations: this.teamChannels });
    }
    // POST /v3/conversations/{id}/activities[/{replyToId}] and PUT /v3/conversations/{id}/activities/{activityId}
    if (parts[0] === 'v3' && parts[1] === 'conversations' && parts[3] === 'activities' && parts[2]) {
      const conversationId = parts[2];
      const method = req.method === 'PUT' ? 'PUT' : 'POST';
      if (this.hung.has(conversationId)) {
        // Never answered; the bot must give up on its own. Released (and closed) at releaseHung or stop.
        await new Promise<void>((release) => this.hanging.push(release));
        return void res.destroy();
      }
      const now = Date.now();
      const waitMs = this.overLimit(conversationId, now);
      if (waitMs !== undefined) {
        const call: RecordedCall = { method, conversationId, body, status: 429, at: now };
        this.calls.push(call);
        this.throttled.push(call);
        return send(429, { error: { code: 'TooManyRequests', message: 'limit exceeded' } }, { 'retry-after': String(Math.ceil(waitMs / 1000)) });
      }
      if (this.outage?.conversationId === conversationId && this.outage.while() && method === 'POST') {
        this.calls.push({ method, conversationId, body, status: this.outage.status, at: now });
        return send(this.outage.status, { error: { code: 'ServiceUnavailable', message: 'outage' } });
      }
      const faultIndex = this.faults.findIndex((f) => !f.conversationId || f.conversationId === conversationId);
      if (faultIndex >= 0 && method === 'POST') {
        const fault = this.faults.splice(faultIndex, 1)[0]!;
        this.calls.push({ method, conversationId, body, status: fault.status, at: Date.now() });
        const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
        return send(fault.status, { error: { code: fault.status === 429 ? 'TooManyRequests' : 'ServiceError', message: 'injected' } }, headers);
      }
      this.countAccepted(conversationId, now);
      const activityId = method === 'PUT' ? parts[4]! : `activity-${this.nextId++}`;
      this.calls.push({
        method,
        conversationId,
        ...(parts[4] ? { activityId: parts[4] } : {}),
        activityIdAssigned: activityId,
        body,
        status: 200,
        at: Date.now(),
      });
      return send(200, { id: activityId });
    }
    send(404, { error: { code: 'NotFound', message: `${req.method} ${url.pathname}` } });
  }
}
