import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { retryPolicySchema } from './retry-policy.js';

/**
 * The settings for talking to Microsoft Graph as the app itself (issue 4): which Entra app, with which
 * credential, against which cloud. Validated once; a wrong value stops start-up with a message naming
 * the environment variable. The Graph base URL and the authority host are settings so national clouds
 * work — and so the tests can point both at the local Graph double.
 */

const httpsOnly = (what: string) =>
  z
    .url({ message: `${what} must be an absolute URL` })
    .refine((u) => new URL(u).protocol === 'https:', {
      message: `${what} must use https: (msal refuses an http: authority, authority_uri_insecure; the Graph client attaches the token only to https hosts)`,
    });

const tenantIdPattern = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+)$/i;

export const graphSettingsSchema = z
  .object({
    /** Entra tenant id (a GUID, or the tenant's domain such as contoso.onmicrosoft.com). */
    tenantId: z.string().regex(tenantIdPattern, { message: 'must be the Entra tenant id (GUID) or its domain' }),
    /** The Entra app (client) id the app authenticates as. */
    clientId: z.uuid({ message: 'must be the Entra app (client) id, a GUID' }),
    /** Preferred credential: a PEM file holding the certificate and its (unencrypted) private key. */
    certificatePath: z.string().min(1).optional(),
    /** Accepted with a warning: a client secret. */
    clientSecret: z.string().min(1).optional(),
    /** Graph root including the version segment; national clouds have their own host. */
    graphBaseUrl: httpsOnly('the Graph base URL')
      .refine((u) => new URL(u).pathname.split('/').filter(Boolean).length === 1, {
        message: 'the Graph base URL must end in the API version, e.g. https://graph.microsoft.com/v1.0',
      })
      .default('https://graph.microsoft.com/v1.0'),
    /** Where tokens come from: https://login.microsoftonline.com, or a national cloud's login host. */
    authorityHost: httpsOnly('the authority host')
      .refine((u) => ['', '/'].includes(new URL(u).pathname), { message: 'the authority host is an origin only, without a path' })
      .default('https://login.microsoftonline.com'),
    /** Company name in SharePoint's traffic decoration `NONISV|Company|App/Version`. */
    company: z
      .string()
      .trim()
      .min(1, { message: 'name the company for the User-Agent NONISV|<Company>|HoivaCRM/<version>' })
      .regex(/^[^|]+$/, { message: 'must not contain |' }),
    appVersion: z.string().min(1).default(() => hoivaCrmVersion()),
    /**
     * An extra CA certificate (PEM file) trusted for the authority and Graph hosts besides the system
     * roots: a TLS-inspecting proxy, or the local Graph double in tests.
     */
    extraCaPath: z.string().min(1).optional(),
    requestTimeoutMs: z.coerce.number().int().min(100).default(60_000),
    retry: retryPolicySchema.default(retryPolicySchema.parse({})),
  })
  .refine((s) => s.certificatePath || s.clientSecret, {
    message: 'set a certificate (preferred) or a client secret',
    path: ['certificatePath'],
  });

export type GraphSettings = z.infer<typeof graphSettingsSchema>;
export type GraphSettingsInput = z.input<typeof graphSettingsSchema>;

export class GraphSettingsError extends Error {
  override name = 'GraphSettingsError';
}

/** The environment variable behind each setting (documented in `.env.example`). */
export const graphSettingsEnv = {
  tenantId: 'MICROSOFT_APP_TENANT_ID',
  clientId: 'MICROSOFT_APP_ID',
  certificatePath: 'MICROSOFT_APP_CERTIFICATE_PATH',
  clientSecret: 'MICROSOFT_APP_PASSWORD',
  graphBaseUrl: 'GRAPH_BASE_URL',
  authorityHost: 'GRAPH_AUTHORITY_HOST',
  company: 'GRAPH_USER_AGENT_COMPANY',
  extraCaPath: 'GRAPH_EXTRA_CA_PATH',
  requestTimeoutMs: 'GRAPH_REQUEST_TIMEOUT_MS',
  'retry.maxAttempts': 'GRAPH_RETRY_MAX_ATTEMPTS',
  'retry.totalBudgetMs': 'GRAPH_RETRY_BUDGET_MS',
} as const;

export function parseGraphSettings(input: GraphSettingsInput): GraphSettings {
  const parsed = graphSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || 'settings'}: ${i.message}`);
    throw new GraphSettingsError(`Invalid Microsoft Graph settings:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Reads the settings from the environment; an empty variable counts as unset (as in `.env.example`). */
export function graphSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): GraphSettings {
  const read = (name: string) => (env[name]?.trim() ? env[name]!.trim() : undefined);
  const retry = {
    maxAttempts: read(graphSettingsEnv['retry.maxAttempts']),
    totalBudgetMs: read(graphSettingsEnv['retry.totalBudgetMs']),
  };
  const input = {
    tenantId: read(graphSettingsEnv.tenantId),
    clientId: read(graphSettingsEnv.clientId),
    certificatePath: read(graphSettingsEnv.certificatePath),
    clientSecret: read(graphSettingsEnv.clientSecret),
    graphBaseUrl: read(graphSettingsEnv.graphBaseUrl),
    authorityHost: read(graphSettingsEnv.authorityHost),
    company: read(graphSettingsEnv.company),
    extraCaPath: read(graphSettingsEnv.extraCaPath),
    requestTimeoutMs: read(graphSettingsEnv.requestTimeoutMs),
    retry: Object.fromEntries(Object.entries(retry).filter(([, v]) => v !== undefined)),
  };
  const parsed = graphSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const key = i.path.join('.') as keyof typeof graphSettingsEnv;
      return `  ${graphSettingsEnv[key] ?? key}: ${i.message}`;
    });
    throw new GraphSettingsError(`Invalid Microsoft Graph settings (see .env.example):\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Where everything lives, derived once from the settings. */
export interface GraphEndpoints {
  /** e.g. https://graph.microsoft.com/v1.0 (no trailing slash) */
  baseUrl: string;
  /** e.g. https://graph.microsoft.com */
  origin: string;
  /** e.g. v1.0 */
  version: string;
  /** Host name without port: what the Graph client's `customHosts` compares. */
  hostname: string;
  /** App-only scope: the resource's origin + `/.default` (client credentials take no named scopes). */
  scope: string;
  /** `${authorityHost}/${tenantId}` */
  authority: string;
  /** Hosts msal must trust without instance discovery: the authority host unless it is Microsoft's own. */
  knownAuthorities: string[];
}

/** Login hosts msal already knows (public and national clouds); any other authority host must be listed. */
const microsoftLoginHosts = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
]);

export function graphEndpoints(settings: GraphSettings): GraphEndpoints {
  const base = new URL(settings.graphBaseUrl);
  const version = base.pathname.split('/').filter(Boolean)[0]!;
  const authorityUrl = new URL(settings.authorityHost);
  return {
    baseUrl: `${base.origin}/${version}`,
    origin: base.origin,
    version,
    hostname: base.hostname,
    scope: `${base.origin}/.default`,
    authority: `${authorityUrl.origin}/${settings.tenantId}`,
    knownAuthorities: microsoftLoginHosts.has(authorityUrl.hostname) ? [] : [authorityUrl.host],
  };
}

/** SharePoint's traffic decoration, so throttling treats us as a known app: `NONISV|Company|App/Version`. */
export function graphUserAgent(settings: GraphSettings): string {
  return `NONISV|${settings.company}|HoivaCRM/${settings.appVersion}`;
}

/** The version in the nearest package.json named hoivacrm (works from src/ under tsx and from dist/). */
export function hoivaCrmVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'hoivacrm' && pkg.version) return pkg.version;
    } catch {
      // no package.json here: look one level up
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}
