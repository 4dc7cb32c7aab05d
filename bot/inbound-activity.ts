import type { CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext } from 'botbuilder';
import type { Request, Response } from 'express';
import { z } from 'zod';
import type { Logger } from '../src/logger.js';

/**
 * The least a Bot Framework activity must be for the bot to handle it: a type, who sent it, to whom,
 * in which conversation, and where to answer. Teams always sends these; anything else is a forged or
 * broken request. Loose objects: Teams sends many more fields, and botbuilder reads them.
 */
const account = z.looseObject({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional(), role: z.string().optional() });
const conversation = account.extend({ conversationType: z.string().optional(), tenantId: z.string().optional(), isGroup: z.boolean().optional() });
// Fields botbuilder copies into its reply (and serializes with a type check) must have the type it expects,
// or the turn fails after the request was accepted.
export const inboundActivity = z.looseObject({
  type: z.string().min(1),
  id: z.string().optional(),
  channelId: z.string().min(1),
  // Where the reply goes: a URL, or the turn fails after the request was accepted.
  serviceUrl: z.url({ protocol: /^https?$/ }),
  timestamp: z.string().optional(),
  from: account,
  recipient: account,
  conversation,
  replyToId: z.string().optional(),
  text: z.string().optional(),
  textFormat: z.string().optional(),
  locale: z.string().optional(),
  entities: z.array(z.looseObject({ type: z.string() })).optional(),
  attachments: z.array(z.looseObject({ contentType: z.string() })).optional(),
  channelData: z.looseObject({}).optional(),
  value: z.unknown().optional(),
});

export interface InboundHandlerOptions {
  adapter: CloudAdapter;
  auth: ConfigurationBotFrameworkAuthentication;
  logger: Logger;
  logic: (turn: TurnContext) => Promise<void>;
}

/**
 * /api/messages: a malformed activity gets 400 and no internals, but only once the caller has proven who
 * it is — in tenant mode an unauthenticated request learns nothing about what a valid body looks like
 * (401 first). Local mode has authentication off, so there it is a plain 400. A failure inside botbuilder
 * is logged and answered with a generic 500: its message (a stack, a zod error) is no business of the caller.
 */
export function inboundActivityHandler(options: InboundHandlerOptions) {
  const { adapter, auth, logger, logic } = options;
  return async (req: Request, res: Response): Promise<void> => {
    if (!inboundActivity.safeParse(req.body).success) {
      const header = req.headers.authorization ?? '';
      const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
      const said = (key: string, fallback: string) => (typeof body[key] === 'string' ? (body[key] as string) : fallback);
      try {
        // Without a valid activity only the token can be checked, against the channel and service URL it names.
        await auth.authenticateRequest({ type: 'message', channelId: said('channelId', 'msteams'), serviceUrl: said('serviceUrl', '') } as never, header);
      } catch {
        res.status(401).json({ error: 'unauthorized' });
        return;
      }
      logger.warn('refused a malformed activity', { type: typeof (req.body as { type?: unknown } | undefined)?.type });
      res.status(400).json({ error: 'invalid activity' });
      return;
    }
    await adapter.process(req, withoutInternalErrors(res, logger), logic);
  };
}

/** botbuilder answers an unexpected failure with 500 and the error's message; this keeps the message in the log. */
function withoutInternalErrors(res: Response, logger: Logger) {
  let status = 200;
  const guarded = {
    status(code: number) {
      status = code;
      res.status(code);
      return guarded;
    },
    header(name: string, value: string) {
      res.header(name, value);
      return guarded;
    },
    send(body: unknown) {
      if (status >= 500) {
        logger.error('the bot adapter failed', { status, error: String(body) });
        res.json({ error: 'internal error' });
      } else {
        res.send(body);
      }
      return guarded;
    },
    end() {
      res.end();
      return guarded;
    },
  };
  return guarded as unknown as Response;
}
