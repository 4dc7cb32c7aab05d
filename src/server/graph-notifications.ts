import type { Request, RequestHandler, Response } from 'express';
import { z } from 'zod';
import type { Logger } from '../logger.js';

/**
 * POST /api/graph/notifications: Microsoft Graph's change notifications for the SharePoint lists (issue 4).
 * A notification names no item — it only makes the delta read happen now instead of at the next poll.
 *
 * Two kinds of request arrive here (learn.microsoft.com/graph/change-notifications-delivery-webhooks):
 *
 * - Validation, while Graph creates a subscription: `POST ?validationToken=…` (Content-Type text/plain).
 *   Answer within 10 seconds: 200, `text/plain`, the URL-decoded token as the whole body — or Graph does not
 *   create the subscription.
 * - A change notification collection `{ value: [changeNotification] }`. Answer 2xx within 3 seconds, else
 *   Graph resends for up to 4 hours and, when an endpoint is often slow, throttles or drops its notifications.
 *   So the delta read is started and not awaited, and the answer is 202 Accepted at once. `clientState` must
 *   match the secret the subscription was made with; one that does not is not from Graph (or is stale) and is
 *   ignored.
 *
 * Mount it before the app's `express.json()` or after it: it reads the body itself when no parser did.
 */
export interface GraphNotificationsOptions {
  /** Whether a notification is one of ours: its subscription and secret match (ListSubscriptions.accepts). */
  accepts(subscriptionId: string, clientState: string | null | undefined): boolean;
  /** Started, never awaited, once per request holding a genuine notification, e.g. `() => delta.syncNow()`. */
  onChange(): unknown;
  /** When set, a notification from another tenant is ignored. */
  tenantId?: string;
  logger?: Logger;
  /** The largest body read; default 1 MB (Graph batches notifications, each a few hundred bytes). */
  limitBytes?: number;
}

/**
 * The fields used are subscriptionId and clientState. changeNotification documents changeType, resource,
 * tenantId and subscriptionExpirationDateTime as required too; they are typed when present but not demanded,
 * because refusing a genuine notification only makes Graph send it again for hours.
 */
const changeNotification = z.object({
  subscriptionId: z.string().min(1),
  clientState: z.string().nullish(),
  changeType: z.string().optional(),
  resource: z.string().optional(),
  tenantId: z.string().optional(),
  subscriptionExpirationDateTime: z.string().optional(),
  lifecycleEvent: z.string().optional(),
});

export const changeNotificationCollection = z.object({
  value: z.array(changeNotification).min(1),
});

export type ChangeNotification = z.infer<typeof changeNotification>;

export function graphNotificationsHandler(options: GraphNotificationsOptions): RequestHandler {
  const limit = options.limitBytes ?? 1024 * 1024;
  return (req, res) => {
    void handle(req, res, options, limit).catch((error: unknown) => {
      options.logger?.error('answering a Graph notification request failed', { error: (error as Error).message });
      if (!res.headersSent) res.status(500).json({ error: 'The notification could not be taken in.' });
    });
  };
}

async function handle(req: Request, res: Response, options: GraphNotificationsOptions, limit: number): Promise<void> {
  // Read from the raw URL: Express's query parser is configurable, the protocol is not (decode once, + is a space).
  const query = new URL(req.originalUrl || req.url, 'http://localhost').searchParams;
  if (query.has('validationToken')) {
    const token = query.get('validationToken') ?? '';
    if (!token) {
      res.status(400).json({ error: 'validationToken is empty.' });
      return;
    }
    // text/plain + nosniff: the token is echoed as is, and must not be taken for HTML (the docs warn of XSS).
    res.status(200).set({ 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' }).send(token);
    return;
  }

  const body = await bodyOf(req, limit);
  if (!body.ok) {
    res.status(body.status).json({ error: body.error });
    return;
  }
  const parsed = changeNotificationCollection.safeParse(body.value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'body'}: ${i.message}`);
    res.status(400).json({ error: `Not a Microsoft Graph change notification collection ({ value: [ { subscriptionId, clientState, … } ] }): ${problems.join('; ')}` });
    return;
  }

  const genuine = parsed.data.value.filter((n) => {
    const fromOurTenant = !options.tenantId || !n.tenantId || n.tenantId.toLowerCase() === options.tenantId.toLowerCase();
    if (fromOurTenant && options.accepts(n.subscriptionId, n.clientState)) return true;
    // Never log the clientState itself: it is the secret (or someone's guess at it).
    options.logger?.warn('ignored a Graph change notification whose clientState, subscription or tenant is not ours', {
      subscription: n.subscriptionId,
      tenant: n.tenantId,
      resource: n.resource,
    });
    return false;
  });
  if (genuine.length > 0) {
    // "Store, then 202": the delta sync notes the read (a read under way reads once more); it is not awaited.
    trigger(options);
  }
  // 202 for ignored ones too: an error status would only make Graph send the same notification again.
  res.status(202).end();
}

function trigger(options: GraphNotificationsOptions): void {
  try {
    Promise.resolve(options.onChange()).catch((error: unknown) => {
      options.logger?.warn('the delta read a Graph notification started failed; the next poll reads again', { error: (error as Error).message });
    });
  } catch (error) {
    options.logger?.warn('the delta read a Graph notification started failed; the next poll reads again', { error: (error as Error).message });
  }
}

type Body = { ok: true; value: unknown } | { ok: false; status: number; error: string };

/** The JSON body: the one express.json() parsed, or read and parsed here. */
async function bodyOf(req: Request, limit: number): Promise<Body> {
  if (req.body !== undefined) return { ok: true, value: req.body };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return { ok: false, status: 413, error: `The body is larger than ${limit} bytes.` };
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return { ok: false, status: 400, error: 'The body is empty: expected a change notification collection, or a validationToken in the query.' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, status: 400, error: `The body is not valid JSON: ${(error as Error).message}` };
  }
}
