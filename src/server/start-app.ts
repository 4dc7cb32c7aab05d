import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTeamsBot } from '../../bot/index.js';
import { appContext, type AppContext } from '../app/app-context.js';
import { systemClock, type Clock } from '../clock.js';
import { shouldSeedDemoData, type Config } from '../config.js';
import { consoleLogger, type Logger } from '../logger.js';
import { DigestScheduler } from '../notify/digest-scheduler.js';
import { OutboxWorker } from '../notify/outbox-worker.js';
import { seedDemoData } from '../store/seed/demo-data.js';
import { openSqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store-port.js';
import { createHttpServer } from './http-server.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunningApp {
  url: string;
  store: Store;
  app: AppContext;
  worker: OutboxWorker;
  /** Absent when WEEKLY_DIGEST=off. */
  digest: DigestScheduler | undefined;
  stop(): Promise<void>;
}

/**
 * The composition root: store, use-case context, bot, outbox worker, HTTP server. Tests start the
 * same thing on a free port with their own data folder and clock.
 */
export async function startApp(config: Config, deps: { clock?: Clock; logger?: Logger } = {}): Promise<RunningApp> {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? consoleLogger(config.LOG_LEVEL);
  const store = openSqliteStore(join(resolve(projectRoot, config.DATA_DIR), 'hoivacrm.sqlite'));
  if (shouldSeedDemoData(config)) {
    const seeded = await seedDemoData(store, clock);
    if (seeded) logger.info('seeded demo data', seeded);
  }
  let worker: OutboxWorker | undefined;
  const app = appContext(store, clock, () => worker?.poke());
  const bot = createTeamsBot(config, app, logger);
  worker = new OutboxWorker({
    store,
    sender: bot.sender,
    clock,
    logger,
    backoff: { baseMs: config.OUTBOX_RETRY_BASE_MS, maxMs: config.OUTBOX_RETRY_MAX_MS, maxAttempts: config.OUTBOX_MAX_ATTEMPTS },
    channelLocale: config.DEFAULT_LOCALE,
    pollIntervalMs: config.OUTBOX_POLL_MS,
    leaseMs: 120_000,
  });
  const http = createHttpServer({
    host: config.HOST,
    port: config.PORT,
    handleMessages: bot.handleMessages,
    tabDir: join(projectRoot, 'tab'),
    health: () => ({ mode: config.MODE, store: config.STORE }),
  });
  const digest = config.WEEKLY_DIGEST === 'on' ? new DigestScheduler({ app, logger, checkIntervalMs: config.DIGEST_CHECK_MS }) : undefined;
  const server: Server = await http.listen();
  worker.start();
  digest?.start();
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    store,
    app,
    worker,
    digest,
    async stop() {
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
      await digest?.stop();
      await worker?.stop();
      await store.close();
    },
  };
}
