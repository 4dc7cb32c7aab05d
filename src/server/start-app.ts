import { calendarFor } from '../calendar/calendar-for.js';
import type { CalendarPort } from '../calendar/calendar-port.js';
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
import type { DeltaSync } from '../store/sharepoint/delta-sync.js';
import type { OutboxCounts, Store } from '../store/store-port.js';
import { outsideEditInterpreter } from '../app/interpret-outside-edit.js';
import { ListSubscriptions } from '../store/sharepoint/list-subscriptions.js';
import { graphNotificationsHandler } from './graph-notifications.js';
import { openConfiguredStore } from './open-store.js';
import { createHttpServer } from './http-server.js';
import { apiRouter } from '../api/api-router.js';
import { identificationFor, tabSettingsFor } from '../api/identification.js';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface RunningApp {
  url: string;
  store: Store;
  app: AppContext;
  worker: OutboxWorker;
  /** Absent when WEEKLY_DIGEST=off. */
  digest: DigestScheduler | undefined;
  /** STORE=sharepoint: the lists' delta feed (polled; `syncNow()` reads at once). */
  delta: DeltaSync | undefined;
  /**
   * Stops accepting connections, lets the requests in flight and the outbox's posts under way finish (up to
   * `graceMs`, then cuts what is left), and closes the store. Without `graceMs` (tests): connections are cut
   * at once, the outbox's posts under way still end before the store closes.
   */
  stop(graceMs?: number): Promise<void>;
}

/** /healthz: the outbox by state, and how long the oldest card not sent yet has waited (seconds). */
function outboxHealth(counts: OutboxCounts, now: Date) {
  const { oldestUnsentAt, ...byState } = counts;
  return { ...byState, oldestPendingAgeS: oldestUnsentAt ? Math.round((now.getTime() - Date.parse(oldestUnsentAt)) / 1000) : 0 };
}

/**
 * Stops listening and waits for the requests in flight: idle keep-alive connections are closed as they
 * become idle, and whatever is still open after `graceMs` is cut.
 */
async function closeGracefully(server: Server, graceMs: number): Promise<void> {
  const closed = new Promise<void>((done) => server.close(() => done()));
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  let cut: NodeJS.Timeout | undefined;
  const graceOver = new Promise<void>((done) => (cut = setTimeout(done, graceMs)));
  server.closeIdleConnections();
  await Promise.race([closed, graceOver]);
  clearInterval(idle);
  clearTimeout(cut);
  server.closeAllConnections();
  await closed;
}

/**
 * The composition root: store, use-case context, bot, outbox worker, HTTP server. Tests start the
 * same thing on a free port with their own data folder and clock.
 */
/**
 * `deps.calendar`: a calendar adapter instead of the one CALENDAR chooses — the seam the protocol tests use to put
 * the Graph adapter, talking to the Graph double, behind a local-mode server (tenant mode needs signed activities).
 */
export async function startApp(config: Config, deps: { clock?: Clock; logger?: Logger; calendar?: CalendarPort } = {}): Promise<RunningApp> {
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger ?? consoleLogger(config.LOG_LEVEL);
  const opened = await openConfiguredStore(config, join(resolve(projectRoot, config.DATA_DIR), 'hoivacrm.sqlite'), logger);
  const { store } = opened;
  let worker: OutboxWorker | undefined;
  const app = appContext(store, clock, () => worker?.poke(), { withdrawWindowHours: config.WITHDRAW_WINDOW_HOURS });
  // Local mode serves meeting invitations as .ics at this server's address, known once it listens.
  let listeningAt: string | undefined;
  const calendar = deps.calendar ? { port: deps.calendar, close: () => undefined } : calendarFor(config, { clock, graph: opened.graph, logger });
  const servesIcs = config.MODE === 'local' && calendar.port.kind === 'ics';
  const bot = createTeamsBot(config, app, logger, () => (servesIcs ? listeningAt : undefined));
  // STORE=sharepoint: people's edits in the lists reach the mirror (and the channels) through the delta feed;
  // the first read finishes before the server answers, so the mirror is current from the first request.
  const delta = opened.sharepoint?.deltaSync({
    interpret: outsideEditInterpreter(app),
    notificationsQueued: () => worker?.poke(),
    now: () => clock.now(),
    logger,
  });
  // If SharePoint cannot be read right now, start anyway on the mirror as it was; the poll tries again.
  // The mirror is only "empty" once the lists have been read: seeding an unread mirror re-creates what the lists hold.
  const listsRead = delta
    ? await delta.syncNow().then(
        () => true,
        (error: unknown) => {
          logger.warn('could not read the SharePoint lists at start; serving the mirror', { error: (error as Error).message });
          return false;
        },
      )
    : true;
  if (shouldSeedDemoData(config) && listsRead) {
    const seeded = await seedDemoData(store, clock);
    if (seeded) logger.info('seeded demo data', seeded);
  }
  worker = new OutboxWorker({
    store,
    sender: bot.sender,
    clock,
    logger,
    backoff: { baseMs: config.OUTBOX_RETRY_BASE_MS, maxMs: config.OUTBOX_RETRY_MAX_MS, giveUpAfterMs: config.OUTBOX_GIVE_UP_AFTER_MS },
    channelLocale: config.DEFAULT_LOCALE,
    calendar: calendar.port,
    pollIntervalMs: config.OUTBOX_POLL_MS,
    // Covers one call (aborted at the timeout) and its bookkeeping; the pacing wait comes before the lease.
    // After a crash a row is taken again when its lease runs out: short, so a card is not held up long.
    leaseMs: Math.max(60_000, 2 * config.OUTBOX_REQUEST_TIMEOUT_MS + 30_000),
  });
  // Optional Graph change notifications: they only make the delta read happen sooner; polling stays on.
  const subscriptions =
    delta && opened.sharepoint && opened.graph && config.GRAPH_NOTIFICATION_URL
      ? new ListSubscriptions({
          graph: opened.graph,
          lists: opened.sharepoint.lists,
          notificationUrl: config.GRAPH_NOTIFICATION_URL,
          clientState: config.GRAPH_NOTIFICATION_CLIENT_STATE || undefined,
          allowLoopbackHttp: config.MODE === 'local',
          now: () => clock.now(),
          logger,
        })
      : undefined;
  const http = createHttpServer({
    host: config.HOST,
    port: config.PORT,
    handleMessages: bot.handleMessages,
    // Local mode serves the meetings' iCalendar invitations (issue 12); a tenant's invitations are Outlook events.
    ...(config.MODE === 'local' ? { meetingIcs: async (id: string) => (await store.records.get('developmentMeeting', id))?.ics } : {}),
    tabDir: join(projectRoot, 'tab', 'dist'),
    api: apiRouter({ ctx: app, identification: identificationFor(config), settings: tabSettingsFor(config), defaultLocale: config.DEFAULT_LOCALE, logger }),
    health: async () => ({
      mode: config.MODE,
      store: config.STORE,
      outbox: outboxHealth(await store.outbox.counts(), clock.now()),
      ...(delta ? { sharepointDelta: delta.status() } : {}),
      ...(subscriptions ? { graphSubscriptions: subscriptions.status().state } : {}),
    }),
    graphNotifications: subscriptions
      ? graphNotificationsHandler({
          accepts: (id, clientState) => subscriptions.accepts(id, clientState),
          onChange: () => delta?.changeNotified().catch((error: unknown) => logger.warn('a delta read after a Graph notification failed', { error: (error as Error).message })),
          tenantId: config.graph?.tenantId,
          logger,
        })
      : undefined,
  });
  const digest = config.WEEKLY_DIGEST === 'on' ? new DigestScheduler({ app, logger, checkIntervalMs: config.DIGEST_CHECK_MS }) : undefined;
  let server: Server;
  try {
    server = await http.listen();
  } catch (error) {
    // Nothing started yet but the store: close it, so the error is the only thing that happens.
    await delta?.stop();
    await store.close();
    calendar.close();
    opened.close();
    throw error;
  }
  worker.start();
  digest?.start();
  delta?.start({
    fastKinds: config.SHAREPOINT_DELTA_FAST_LISTS,
    fastMs: config.SHAREPOINT_DELTA_POLL_MS,
    slowMs: config.SHAREPOINT_DELTA_SLOW_POLL_MS,
    maxMs: config.SHAREPOINT_DELTA_MAX_POLL_MS,
  });
  // After listen: Graph validates the notification URL while it creates each subscription.
  void subscriptions?.start();
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  listeningAt = `http://${host}:${address.port}`;
  return {
    url: listeningAt,
    store,
    app,
    worker,
    digest,
    delta,
    async stop(graceMs?: number) {
      const deadline = Date.now() + (graceMs ?? 0);
      await closeGracefully(server, graceMs ?? 0);
      await digest?.stop();
      // Without a grace (tests) the posts under way are waited for: each ends by the request timeout anyway.
      await worker?.stop(graceMs === undefined ? Infinity : Math.max(0, deadline - Date.now()));
      await subscriptions?.stop();
      await delta?.stop();
      await store.close();
      calendar.close();
      opened.close();
    },
  };
}
