import { z } from 'zod';
import { GraphSettingsError, graphSettingsFromEnv, type GraphSettings } from './graph/graph-settings.js';
import { notificationUrlProblem } from './store/sharepoint/list-subscriptions.js';
import { recordKinds, type RecordKind } from './store/record-kinds.js';

/**
 * Configuration, read once from the environment at start and validated here, so a wrong setting stops
 * the server with a message naming it instead of failing later. `.env.example` documents each one.
 */
const base = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  DATA_DIR: z.string().min(1).default('data'),
  /** sqlite: the embedded store. sharepoint: records in SharePoint lists through Microsoft Graph (issue 4). */
  STORE: z.enum(['sqlite', 'sharepoint']).default('sqlite'),
  /** STORE=sharepoint: the Graph site id `hostname,siteCollectionId,webId` of the site holding the lists. */
  SHAREPOINT_SITE_ID: z
    .string()
    .trim()
    .regex(/^[^,\s]+,[0-9a-f-]{36},[0-9a-f-]{36}$/i, { message: 'must be the Graph site id "hostname,siteCollectionId,webId"' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * STORE=sharepoint: how often to read the delta feeds of the lists people change often
   * (SHAREPOINT_DELTA_FAST_LISTS) for edits made in SharePoint. Each read of a list costs a resource unit,
   * changed or not (issue 10).
   */
  SHAREPOINT_DELTA_POLL_MS: z.coerce.number().int().min(1_000).default(30_000),
  /** STORE=sharepoint: how often to read the other lists' delta feeds. */
  SHAREPOINT_DELTA_SLOW_POLL_MS: z.coerce.number().int().min(1_000).default(300_000),
  /** STORE=sharepoint: after reads that found nothing a list group's interval doubles, up to this (a change or a change notification resets it). */
  SHAREPOINT_DELTA_MAX_POLL_MS: z.coerce.number().int().min(1_000).default(300_000),
  /** STORE=sharepoint: the record kinds whose lists are read at SHAREPOINT_DELTA_POLL_MS, comma-separated. */
  SHAREPOINT_DELTA_FAST_LISTS: z
    .string()
    .default('place,complaint')
    .transform((s) => s.split(',').map((k) => k.trim()).filter(Boolean))
    .pipe(z.array(z.enum(recordKinds as [RecordKind, ...RecordKind[]]))),
  /**
   * STORE=sharepoint, optional: the public https URL of POST /api/graph/notifications. Set, HoivaCRM subscribes
   * to Graph change notifications on its lists (needs Sites.ReadWrite.All), which make the delta read happen
   * at once instead of at the next poll. Empty: polling only.
   */
  GRAPH_NOTIFICATION_URL: z.string().trim().optional(),
  /** The secret Graph echoes in each notification (1–128 characters); set it so a restart reuses the subscriptions. */
  GRAPH_NOTIFICATION_CLIENT_STATE: z.string().trim().max(128).optional(),
  DEFAULT_LOCALE: z.enum(['fi', 'en']).default('fi'),
  /**
   * Local mode only: the language of personal chats, whatever locale the client sends. The Agents
   * Playground always sends `en-US`; fi (default) makes the demo Finnish, en an English demo, and client
   * follows the locale each message carries, as in tenant mode.
   */
  LOCAL_LOCALE: z.enum(['fi', 'en', 'client']).default('fi'),
  /**
   * How a channel card's buttons reach people. user-specific (tenant default): the posted card shows the
   * status only, and each person who may act gets their own view with their buttons (Universal Actions
   * `refresh.userIds`). shared (local default): the posted card carries the buttons for everyone, because
   * the Agents Playground does not run `refresh` ("unsupported feature"); a press is answered privately either way.
   */
  CARD_VIEWS: z.enum(['user-specific', 'shared']).optional(),
  LOG_LEVEL: z.enum(['info', 'warn', 'error', 'silent']).default('info'),
  /** Seed demo homes, places and customers into an empty store (local mode default: yes). */
  SEED_DEMO_DATA: z.enum(['true', 'false']).optional(),
  OUTBOX_POLL_MS: z.coerce.number().int().min(10).default(2_000),
  OUTBOX_RETRY_BASE_MS: z.coerce.number().int().min(1).default(1_000),
  OUTBOX_RETRY_MAX_MS: z.coerce.number().int().min(1).default(5 * 60_000),
  /** Every call to the Bot Connector is aborted after this long and retried (in order). */
  OUTBOX_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(10).default(15_000),
  /** A card that could not be delivered for this long after it was queued is marked dead (listed by `tila`). */
  OUTBOX_GIVE_UP_AFTER_MS: z.coerce.number().int().min(1_000).default(24 * 3_600_000),
  /** SIGTERM: how long requests in flight and the outbox's posts under way may take before the process exits. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** The Monday digest to the management channel (customers without entries for 14 days, …). */
  WEEKLY_DIGEST: z.enum(['on', 'off']).default('on'),
  /** How often to check whether this week's digest is due. */
  DIGEST_CHECK_MS: z.coerce.number().int().min(1_000).default(60_000),
  /** How long after recording an entry its author may still withdraw it (`omat` → Peru); corrections have no limit. */
  WITHDRAW_WINDOW_HOURS: z.coerce.number().min(0).default(48),
  /**
   * Development-meeting invitations (issue 12). ics: an RFC 5545 invitation stored with the meeting and served
   * as .ics (local mode, and a tenant without the calendar grant). graph: an Outlook event in the organizer's
   * calendar through Microsoft Graph (tenant mode; needs the Graph settings and Calendars.ReadWrite limited with
   * Exchange RBAC for Applications, README "Outlook invitations").
   */
  CALENDAR: z.enum(['ics', 'graph']).default('ics'),
  /** CALENDAR=graph: whose calendar holds the event — the scheduling person's own (person) or one shared mailbox (mailbox). */
  CALENDAR_ORGANIZER_SOURCE: z.enum(['person', 'mailbox']).default('person'),
  /** CALENDAR_ORGANIZER_SOURCE=mailbox: the organizer mailbox, e.g. kehityskokoukset@contoso.fi. */
  CALENDAR_ORGANIZER_MAILBOX: z
    .email({ message: 'must be a mailbox address such as kehityskokoukset@contoso.fi' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

const local = base.extend({
  MODE: z.literal('local'),
  /** Local mode listens on loopback only: Bot Framework authentication is off. */
  HOST: z.enum(['127.0.0.1', 'localhost', '::1']).default('127.0.0.1'),
  /** In the Playground the team has only General besides Myynti: General stands in for Johto. */
  LOCAL_GENERAL_CHANNEL_AUDIENCE: z.enum(['management', 'none']).default('management'),
});

const tenant = base
  .extend({
    MODE: z.literal('tenant'),
    HOST: z.string().min(1).default('0.0.0.0'),
    MICROSOFT_APP_ID: z.uuid({ message: 'MICROSOFT_APP_ID must be the bot registration\'s app (client) id' }),
    MICROSOFT_APP_TENANT_ID: z.uuid({ message: 'MICROSOFT_APP_TENANT_ID must be your Entra tenant id' }),
    MICROSOFT_APP_TYPE: z.enum(['SingleTenant', 'UserAssignedMSI']).default('SingleTenant'),
    /** Preferred: a PEM file holding the certificate and its private key. */
    MICROSOFT_APP_CERTIFICATE_PATH: z.string().min(1).optional(),
    /** Accepted with a warning: a client secret. */
    MICROSOFT_APP_PASSWORD: z.string().min(1).optional(),
    /**
     * The tab's API (issue 13): the host the app is served at (e.g. hoivacrm.contoso.fi), which makes the
     * exposed API's identifier `api://{PUBLIC_HOSTNAME}/{MICROSOFT_APP_ID}` — the audience of v1 tokens.
     */
    PUBLIC_HOSTNAME: z
      .string()
      .trim()
      .regex(/^[a-z0-9.-]+(:\d+)?$/i, { message: 'must be a host name such as hoivacrm.contoso.fi (no scheme, no path)' })
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** The tab's API: the v1 token audience when it is not api://{PUBLIC_HOSTNAME}/{MICROSOFT_APP_ID}. */
    TAB_API_AUDIENCE: z.string().trim().min(1).optional().or(z.literal('').transform(() => undefined)),
    /** The tab's API: where the signing keys are read; default the tenant's Entra JWKS (tests point it at a local one). */
    TAB_API_JWKS_URL: z.url({ message: 'must be the URL of a JSON Web Key Set' }).optional().or(z.literal('').transform(() => undefined)),
  })
  .refine((c) => c.MICROSOFT_APP_TYPE === 'UserAssignedMSI' || c.MICROSOFT_APP_CERTIFICATE_PATH || c.MICROSOFT_APP_PASSWORD, {
    message: 'set MICROSOFT_APP_CERTIFICATE_PATH (preferred) or MICROSOFT_APP_PASSWORD',
    path: ['MICROSOFT_APP_CERTIFICATE_PATH'],
  });

export const configSchema = z.discriminatedUnion('MODE', [local, tenant]);
/** With STORE=sharepoint or CALENDAR=graph, also the Microsoft Graph settings (GRAPH_*, MICROSOFT_APP_*). */
export type Config = z.infer<typeof configSchema> & { graph?: GraphSettings };
export type LocalConfig = z.infer<typeof local>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Local mode unless MODE=tenant: `npm start` on a fresh machine needs no settings at all. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input = { ...env, MODE: env.MODE ?? 'local' };
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'MODE'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const calendarProblem = calendarSettingsProblem(parsed.data);
  if (calendarProblem) throw new ConfigError(`Invalid configuration (see .env.example):\n  ${calendarProblem}`);
  if (parsed.data.STORE !== 'sharepoint') return parsed.data.CALENDAR === 'graph' ? { ...parsed.data, graph: calendarGraphSettings(env) } : parsed.data;
  // Graph delivers only to https; local mode (loopback only, no real Graph calling) may use loopback http.
  const urlProblem = parsed.data.GRAPH_NOTIFICATION_URL
    ? notificationUrlProblem(parsed.data.GRAPH_NOTIFICATION_URL, { allowLoopbackHttp: parsed.data.MODE === 'local' })
    : undefined;
  if (urlProblem) throw new ConfigError(`Invalid configuration (see .env.example):\n  GRAPH_NOTIFICATION_URL: ${urlProblem}`);
  if (!parsed.data.SHAREPOINT_SITE_ID) {
    throw new ConfigError('Invalid configuration (see .env.example):\n  SHAREPOINT_SITE_ID: STORE=sharepoint needs the Graph site id of the site holding the lists');
  }
  try {
    return { ...parsed.data, graph: graphSettingsFromEnv(env) };
  } catch (error) {
    if (error instanceof GraphSettingsError) throw new ConfigError(`STORE=sharepoint: ${error.message}`);
    throw error;
  }
}

/** CALENDAR=graph makes Outlook events in real mailboxes: tenant mode only, and a shared organizer needs its address. */
function calendarSettingsProblem(config: z.infer<typeof configSchema>): string | undefined {
  if (config.CALENDAR !== 'graph') return undefined;
  if (config.MODE !== 'tenant') return 'CALENDAR: graph needs MODE=tenant (local mode makes .ics invitations: CALENDAR=ics)';
  if (config.CALENDAR_ORGANIZER_SOURCE === 'mailbox' && !config.CALENDAR_ORGANIZER_MAILBOX) {
    return 'CALENDAR_ORGANIZER_MAILBOX: CALENDAR_ORGANIZER_SOURCE=mailbox needs the organizer mailbox, e.g. kehityskokoukset@contoso.fi';
  }
  return undefined;
}

function calendarGraphSettings(env: NodeJS.ProcessEnv): GraphSettings {
  try {
    return graphSettingsFromEnv(env);
  } catch (error) {
    if (error instanceof GraphSettingsError) throw new ConfigError(`CALENDAR=graph: ${error.message}`);
    throw error;
  }
}

export function shouldSeedDemoData(config: Config): boolean {
  return config.SEED_DEMO_DATA ? config.SEED_DEMO_DATA === 'true' : config.MODE === 'local';
}
