import express, { type Request, type RequestHandler, type Response } from 'express';
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { consoleLogger, type Logger } from '../logger.js';
import { listenError } from './startup-error.js';

export interface HttpServerOptions {
  host: string;
  port: number;
  /** The Bot Framework endpoint's handler (bot/). */
  handleMessages(req: Request, res: Response): Promise<void>;
  /** Folder with the tab's static files. */
  tabDir: string;
  health(): Record<string, unknown> | Promise<Record<string, unknown>>;
  /** STORE=sharepoint with change notifications: Graph's webhook (src/server/graph-notifications.ts). */
  graphNotifications?: RequestHandler;
  /**
   * Local mode (issue 12): a development meeting's stored iCalendar invitation, for GET /api/meetings/{id}.ics;
   * undefined for an unknown meeting (404). Absent: the route does not exist.
   */
  meetingIcs?: (meetingId: string) => Promise<string | undefined>;
  /** The tab's REST API (src/api, issue 13), mounted at /api/v1 with its own body parser and typed errors. */
  api?: RequestHandler;
  /** Where an unexpected failure is logged (console when not given). */
  logger?: Logger;
}

/** body-parser's error types, as short sentences that say what was wrong with the request and nothing more. */
const clientErrors: Record<string, string> = {
  'entity.parse.failed': 'malformed JSON',
  'entity.too.large': 'request too large',
  'encoding.unsupported': 'unsupported encoding',
  'charset.unsupported': 'unsupported charset',
};

/** A request from this machine (IPv4, IPv6 or IPv4-mapped loopback). */
export function isLoopback(address: string | undefined): boolean {
  return address === '::1' || /^(::ffff:)?127\./.test(address ?? '');
}

/** The one HTTP server: /api/messages for the bot, /tab for the Teams tab, /healthz for operations. */
export function createHttpServer(options: HttpServerOptions) {
  const app = express();
  app.disable('x-powered-by');
  // Before the shared body parser: the API answers a malformed body with its own typed error.
  if (options.api) app.use('/api/v1', options.api);
  app.use(express.json({ limit: '256kb' }));
  app.post('/api/messages', async (req, res) => {
    await options.handleMessages(req, res);
  });
  if (options.graphNotifications) app.post('/api/graph/notifications', options.graphNotifications);
  if (options.meetingIcs) {
    const meetingIcs = options.meetingIcs;
    // Loopback only: local mode has no sign-in, and a meeting's attendees and agenda are not for the network.
    app.get('/api/meetings/:file', async (req, res) => {
      if (!isLoopback(req.socket.remoteAddress)) {
        res.status(403).json({ error: 'loopback only' });
        return;
      }
      const match = /^([0-9a-f-]{36})\.ics$/i.exec(req.params.file ?? '');
      const ics = match ? await meetingIcs(match[1]!.toLowerCase()) : undefined;
      if (!ics) {
        res.status(404).json({ error: 'no such meeting' });
        return;
      }
      res.setHeader('Content-Type', 'text/calendar; charset=utf-8; method=' + (/^METHOD:CANCEL/m.test(ics) ? 'CANCEL' : 'REQUEST'));
      res.setHeader('Content-Disposition', `attachment; filename="kehityskokous-${match![1]}.ics"`);
      res.send(ics);
    });
  }
  app.get('/healthz', async (_req, res) => {
    res.json({ status: 'ok', ...(await options.health()) });
  });
  // The built tab (npm run build → tab/dist). Checked per request, so a build finished after start is served.
  const tabBuilt = express.static(options.tabDir);
  app.use('/tab', (req, res, next) => {
    if (existsSync(join(options.tabDir, 'index.html'))) return tabBuilt(req, res, next);
    res.status(503).type('text/plain; charset=utf-8').send('The tab is not built yet: run `npm run build` (npm start builds it too). / Välilehteä ei ole vielä koottu: aja `npm run build`.');
  });
  app.get('/', (_req, res) => res.redirect('/tab/'));
  // Malformed JSON and other body errors: a clear 4xx, never a stack trace or an internal message. An
  // unexpected failure is logged and answered generically: its message may name files, queries or secrets.
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: () => void) => {
    if (error.status && error.status >= 400 && error.status < 500) {
      res.status(error.status).json({ error: clientErrors[error.type ?? ''] ?? 'bad request' });
      return;
    }
    (options.logger ?? consoleLogger('error')).error('request failed', { error: error.stack ?? String(error) });
    res.status(500).json({ error: 'internal error' });
  });
  return {
    listen(): Promise<Server> {
      // node:http directly: express 5's app.listen hands a listen error to the callback as if it had started.
      return new Promise((resolve, reject) => {
        const server = createServer(app);
        server.once('error', (error) => reject(listenError(error, options.host, options.port)));
        server.listen(options.port, options.host, () => resolve(server));
      });
    },
    tabPath: join(options.tabDir),
  };
}
