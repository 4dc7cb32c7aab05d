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

export class ConnectorDouble {
  readonly calls: RecordedCall[] = [];
  /** Channels GET /v3/teams/{id}/conversations returns. */
  teamChannels: { id: string; name?: string }[] = [];
  private faults: Fault[] = [];
  private delayMs = 0;
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
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The next `count` matching activity posts fail with `status`. */
  failNext(count: number, fault: Fault): void {
    for (let i = 0; i < count; i++) this.faults.push(fault);
  }

  clearFaults(): void {
    this.faults = [];
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
      const faultIndex = this.faults.findIndex((f) => !f.conversationId || f.conversationId === conversationId);
      if (faultIndex >= 0 && method === 'POST') {
        const fault = this.faults.splice(faultIndex, 1)[0]!;
        this.calls.push({ method, conversationId, body, status: fault.status, at: Date.now() });
        const headers: Record<string, string> = fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
        return send(fault.status, { error: { code: fault.status === 429 ? 'TooManyRequests' : 'ServiceError', message: 'injected' } }, headers);
      }
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
