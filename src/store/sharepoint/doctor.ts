import { X509Certificate } from 'node:crypto';
import { createGraphClient, type GraphClient } from '../../graph/graph-client.js';
import { GraphAuthError, GraphRequestError } from '../../graph/graph-errors.js';
import { GraphSettingsError, graphEndpoints, graphSettingsEnv, graphSettingsFromEnv, type GraphSettings } from '../../graph/graph-settings.js';
import { readCertificateCredential } from '../../graph/token-provider.js';
import { checkGraphCalendar } from '../../calendar/graph-calendar-doctor.js';
import { roleScopes, type PersonRole } from '../../domain/records/person.js';
import type { Logger } from '../../logger.js';
import { keyColumnName, listDefinitions, type ListDefinition } from './list-schema.js';
import { listViews, type ListViewDefinition } from './list-views.js';
import { legacyContactRoleValues, legacyServiceTypeValues } from '../../domain/records/legacy-values.js';
import { findList, planProvisioning, type ExistingColumn, type PlannedRequest, type SiteState } from './provision-plan.js';
import { explain, grantAdvice, readSiteState } from './provision.js';
import { createSharePointRest, listByTitlePath, sharePointRestUnavailable } from './sharepoint-rest.js';

/**
 * `npm run doctor` (issue 4): what an administrator runs before `STORE=sharepoint`. It checks, in order, the
 * settings, the credential, an app-only token, the site, every HoivaCRM list and column, the list views
 * (a warning only: views are optional), reading one item of each list, and that the people list names at
 * least one admin (tenant mode reads people and roles from it) — and stops at the first thing that
 * is wrong, naming it (the setting, the list, the column) and what to do about it.
 *
 * Read-only by design: only GET requests reach Graph and SharePoint (the one POST is the token request), so it
 * is safe to run against a site in use at any time. For the same reason it cannot prove the write grant.
 *
 * Everything it needs comes in through `DoctorOptions` (the environment as a plain object, where lines go);
 * the only other I/O is reading the certificate file the settings name, and the network.
 */
export interface DoctorOptions {
  env: NodeJS.ProcessEnv;
  /** One line per check: `✓`, `⚠` (a warning, not a failure) or `✗` followed by what to do. */
  out(line: string): void;
  /** The clock the certificate's validity is judged by. */
  now?: () => Date;
  /** The lists and views to check (tests pass modified ones); by default HoivaCRM's. */
  definitions?: readonly ListDefinition[];
  views?: readonly ListViewDefinition[];
}

export interface DoctorResult {
  ok: boolean;
  /** The check that failed, e.g. `Token` or `List "HoivaCRM Paikat"`. */
  failed?: string;
  warnings: number;
}

/** The first thing wrong: which check, what is wrong, what to do, and what the service said. */
class CheckFailed extends Error {
  constructor(
    readonly check: string,
    readonly problem: string,
    readonly fixes: readonly string[],
    readonly detail?: string,
  ) {
    super(`${check}: ${problem}`);
  }
}

/** A certificate this close to its end gets a warning: Entra ID refuses it from that day on. */
const expiryWarningDays = 30;

const provisionFix =
  'run `npm run provision` with the provisioning grant (Sites.Selected manage or fullcontrol on the site); `npm run provision -- --dry-run` shows every change first';

/** Graph's site id: `hostname,siteCollectionId,webId` (GET /sites/{hostname}:/sites/{path}?$select=id). */
const siteIdPattern = /^([a-z0-9-]+\.)+[a-z0-9-]+,[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12},[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i;

const findSiteId = 'GET https://graph.microsoft.com/v1.0/sites/{hostname}:/sites/{path}?$select=id (e.g. in Graph Explorer) answers it';

const silent: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export async function runDoctor(options: DoctorOptions): Promise<DoctorResult> {
  const { env, out } = options;
  const now = options.now ?? (() => new Date());
  const definitions = options.definitions ?? listDefinitions;
  const views = options.views ?? listViews;
  let warnings = 0;
  const ok = (check: string, text: string) => out(`✓ ${check}: ${text}`);
  const warn = (check: string, text: string) => {
    warnings++;
    out(`⚠ ${check}: ${text}`);
  };

  let graph: GraphClient | undefined;
  try {
    // 1. Settings.
    const settings = checkGraphSettings(env);
    ok('Settings', `${graphSettingsEnv.clientId} ${settings.clientId}, ${graphSettingsEnv.tenantId} ${settings.tenantId}, Graph ${graphEndpoints(settings).baseUrl}`);
    // CALENDAR=graph with the SQLite store (issue 12): only the calendar needs Graph, so no site is checked.
    const calendar = env.CALENDAR?.trim() === 'graph';
    const calendarOnly = calendar && env.STORE?.trim() !== 'sharepoint' && !env.SHAREPOINT_SITE_ID?.trim();
    const siteId = calendarOnly ? '' : checkSiteId(env);
    if (!calendarOnly) ok('SHAREPOINT_SITE_ID', siteId);
    const configuredSiteUrl = calendarOnly ? undefined : checkSiteUrl(env);
    const certificate = checkCredential(settings, now(), ok, warn);

    // 2. Token.
    graph = createGraphClient(settings, { logger: silent });
    try {
      await graph.tokens.getAccessToken();
    } catch (error) {
      throw tokenFailure(error, settings, certificate);
    }
    ok('Token', `app-only token for ${graph.tokens.scope} from ${graphEndpoints(settings).authority} (${graph.tokens.credential} credential)`);

    // 2b. The organizer mailbox (CALENDAR=graph): GET /users/{mailbox}/calendar; a 403 is the RBAC scope.
    if (calendar) {
      const check = await checkGraphCalendar(graph, env);
      if (!check.ok) throw new CheckFailed('Calendar', check.problem, check.fixes, check.detail);
      ok('Calendar', check.text);
      for (const warning of check.warnings) warn('Calendar', warning);
      if (calendarOnly) {
        out(`All checks passed${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}. doctor only reads: creating an event needs Calendars.ReadWrite on the mailbox.`);
        return { ok: true, warnings };
      }
    }

    // 3. Site.
    const site = await readSite(graph, siteId);
    ok('Site', `"${site.displayName ?? site.id}"${site.webUrl ? ` at ${site.webUrl}` : ''}`);
    const siteUrl = configuredSiteUrl ?? site.webUrl;
    if (configuredSiteUrl && site.webUrl && stripSlash(configuredSiteUrl) !== stripSlash(site.webUrl)) {
      warn('SHAREPOINT_SITE_URL', `${configuredSiteUrl} is not the site's webUrl ${site.webUrl}; the list views are read and made there — leave it empty to use the webUrl`);
    }

    // 4. Lists and columns, judged exactly as provisioning would (provision-plan.ts), views left out.
    let state: SiteState;
    try {
      state = await readSiteState(graph, siteId, definitions, [], undefined, []);
    } catch (error) {
      // explain() (provision.ts) already says which grant is missing.
      throw new CheckFailed('Lists', (error as Error).message, []);
    }
    const plan = planProvisioning(state, { definitions, views: [] });
    for (const definition of definitions) {
      ok(`List "${definition.displayName}"`, checkList(definition, state, plan.conflicts, plan.requests));
    }
    await checkViews({ settings, siteUrl, state, definitions, views, ok, warn });

    // 5. Reading items: proves the read grant on every list.
    let seen = 0;
    for (const definition of definitions) {
      const list = findList(state, definition.displayName)!;
      const path = `/sites/${siteId}/lists/${list.id}/items`;
      try {
        // One page of one item, not `collect`: the point is the grant, not the data.
        const page = await graph.get<{ value?: unknown[] }>(path, { query: { $top: 1, expand: `fields(select=${keyColumnName})` } });
        seen += page.value?.length ?? 0;
      } catch (error) {
        throw new CheckFailed(
          'Reading items',
          `the items of "${definition.displayName}" could not be read${statusOf(error) ? ` (${statusOf(error)})` : ''}`,
          statusOf(error) === 403
            ? [`grant the app Sites.Selected read, write, manage or fullcontrol on the site; if "${definition.displayName}" has its own (unique) permissions, they must keep the app's access`]
            : [],
          (error as Error).message,
        );
      }
    }
    ok('Reading items', `GET …/items?$top=1 answers for all ${definitions.length} lists (${seen} of them hold items): the read grant works`);

    // 6. People: someone must be able to administer HoivaCRM (bind the channels, keep the people list).
    const people = definitions.find((d) => d.kind === 'person');
    if (people) ok('People', await checkPeople(graph, siteId, findList(state, people.displayName)!.id, people.displayName, warn));

    out(
      `All checks passed${warnings ? ` (${warnings} warning${warnings === 1 ? '' : 's'})` : ''}. doctor only reads, so it cannot prove the write grant: day-to-day running needs Sites.Selected write on the site.`,
    );
    return { ok: true, warnings };
  } catch (error) {
    const failure =
      error instanceof CheckFailed ? error : new CheckFailed('Unexpected error', (error as Error)?.message ?? String(error), []);
    out(`✗ ${failure.check}: ${failure.problem}`);
    for (const fix of failure.fixes) out(`  → ${fix}`);
    if (failure.detail) out(`  (${failure.detail})`);
    return { ok: false, failed: failure.check, warnings };
  } finally {
    graph?.close();
  }
}

// --- 1. settings ---

function checkGraphSettings(env: NodeJS.ProcessEnv): GraphSettings {
  try {
    return graphSettingsFromEnv(env);
  } catch (error) {
    if (!(error instanceof GraphSettingsError)) throw error;
    // graphSettingsFromEnv names each variable on its own indented line.
    const [first = error.message, ...more] = error.message
      .split('\n')
      .slice(1)
      .map((l) => l.trim().replace(/Invalid input: expected \w+, received undefined$/, 'not set'));
    throw new CheckFailed('Settings', first, [...more.map((m) => `also ${m}`), 'set them in the environment or in .env (copy .env.example, which documents each one)']);
  }
}

function checkSiteId(env: NodeJS.ProcessEnv): string {
  const siteId = env.SHAREPOINT_SITE_ID?.trim();
  if (!siteId) {
    throw new CheckFailed('SHAREPOINT_SITE_ID', 'not set', [`set it to the Graph site id "hostname,siteCollectionId,webId" of the site that holds the lists: ${findSiteId}`]);
  }
  if (!siteIdPattern.test(siteId)) {
    const looksLikeUrl = /^https?:\/\//i.test(siteId);
    throw new CheckFailed('SHAREPOINT_SITE_ID', `"${siteId}" is not a Graph site id "hostname,siteCollectionId,webId"`, [
      ...(looksLikeUrl ? ['that is the site URL: it belongs in SHAREPOINT_SITE_URL (optional)'] : []),
      `put the site's id in SHAREPOINT_SITE_ID: ${findSiteId}`,
    ]);
  }
  return siteId;
}

function checkSiteUrl(env: NodeJS.ProcessEnv): string | undefined {
  const siteUrl = env.SHAREPOINT_SITE_URL?.trim();
  if (!siteUrl) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(siteUrl);
  } catch {
    url = undefined;
  }
  if (url?.protocol !== 'https:') {
    throw new CheckFailed('SHAREPOINT_SITE_URL', `"${siteUrl}" is not an https URL`, ['set the site URL, e.g. https://contoso.sharepoint.com/sites/hoivacrm, or leave it empty to use the site\'s webUrl from Graph']);
  }
  return siteUrl;
}

interface LocalCertificate {
  sha1: string;
  sha256: string;
}

/** The certificate file (or the secret's warning). Reads the same way the token provider does. */
function checkCredential(
  settings: GraphSettings,
  now: Date,
  ok: (check: string, text: string) => void,
  warn: (check: string, text: string) => void,
): LocalCertificate | undefined {
  if (!settings.certificatePath) {
    warn(
      'Credential',
      `${graphSettingsEnv.clientSecret} is a client secret: a certificate (${graphSettingsEnv.certificatePath}) is preferred, and SharePoint REST — the list views — accepts app-only tokens from a certificate only`,
    );
    return undefined;
  }
  let credential;
  try {
    credential = readCertificateCredential(settings.certificatePath);
  } catch (error) {
    throw new CheckFailed('Certificate', (error as Error).message, [
      `${graphSettingsEnv.certificatePath} must name one PEM file holding the certificate and its unencrypted private key, e.g. \`cat hoivacrm.crt hoivacrm.key > hoivacrm.pem\` (README)`,
    ]);
  }
  const certificate = new X509Certificate(credential.x5c.split(/(?<=-----END CERTIFICATE-----)/)[0]!);
  // Both thumbprints: msal sends the SHA-256 one (x5t#S256), while the app registration identifies a key
  // credential by the 40-hex-digit SHA-1 thumbprint (Graph keyCredential.customKeyIdentifier defaults to it).
  const local = { sha1: plainHex(certificate.fingerprint), sha256: plainHex(certificate.fingerprint256) };
  const validTo = new Date(certificate.validTo);
  const subject = certificate.subject.replace(/\n/g, ', ');
  if (validTo.getTime() <= now.getTime()) {
    throw new CheckFailed('Certificate', `${settings.certificatePath} (${subject}) expired on ${isoDay(validTo)}`, [
      'make a new certificate, upload its public part to the app registration (Certificates & secrets) and point MICROSOFT_APP_CERTIFICATE_PATH at the new PEM (README, step 1)',
    ]);
  }
  ok('Certificate', `${settings.certificatePath} holds a certificate (${subject}, SHA-1 thumbprint ${local.sha1}, valid until ${isoDay(validTo)}) and its private key`);
  const daysLeft = Math.floor((validTo.getTime() - now.getTime()) / 86_400_000);
  if (daysLeft < expiryWarningDays) {
    warn('Certificate', `expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'} (${isoDay(validTo)}): upload a new one to the app registration before then`);
  }
  return local;
}

// --- 2. token ---

/**
 * An AADSTS code, explained in the terms of the settings. Entra's reference-error-codes page warns that codes
 * and texts change over time, so the explanation is a hint next to what Entra said, never instead of it, and an
 * unknown code points at https://login.microsoftonline.com/error?code=… (the lookup that page documents).
 */
function tokenFailure(error: unknown, settings: GraphSettings, certificate: LocalCertificate | undefined): CheckFailed {
  const message = (error as Error)?.message ?? String(error);
  const code = error instanceof GraphAuthError ? error.code : undefined;
  const aadsts = /AADSTS(\d+)/.exec(message)?.[1];
  const network = /\(network: (.+)\)$/.exec(message)?.[1];
  const said = /(AADSTS\d+:.*?)(?: Trace ID:|$)/.exec(message)?.[1] ?? message;
  const app = `${graphSettingsEnv.clientId} ${settings.clientId}`;
  const tenant = `${graphSettingsEnv.tenantId} ${settings.tenantId}`;
  const fail = (problem: string, ...fixes: string[]) => new CheckFailed('Token', problem, fixes, said);

  if (network) {
    const untrusted = /certificate|self.signed|issuer/i.test(network);
    return new CheckFailed('Token', `the authority ${settings.authorityHost} cannot be reached`, [
      untrusted
        ? `its TLS certificate is not trusted: behind a TLS-inspecting proxy, set ${graphSettingsEnv.extraCaPath} to the proxy's CA certificate (PEM)`
        : `check the network, DNS and proxy from this machine, and ${graphSettingsEnv.authorityHost} (empty = https://login.microsoftonline.com)`,
    ], network);
  }
  switch (aadsts) {
    case '700016':
      return fail(
        `Entra ID has no app ${settings.clientId} in tenant ${settings.tenantId} (AADSTS700016)`,
        `${graphSettingsEnv.clientId} must be the "Application (client) ID" on the app registration's Overview page`,
        `${graphSettingsEnv.tenantId} must be the "Directory (tenant) ID" of the tenant the app is registered in`,
      );
    case '700027':
      return fail(
        `Entra ID refused the certificate (AADSTS700027): it is not registered on app ${settings.clientId}, or not the one whose key is in the PEM`,
        `upload the certificate's public part (the .crt, never the key) to the app registration → Certificates & secrets → Certificates${certificate ? `; the thumbprint listed there must be ${certificate.sha1} (SHA-1; SHA-256 ${certificate.sha256})` : ''}`,
        `or point ${graphSettingsEnv.certificatePath} at the PEM of the certificate that is registered`,
      );
    case '7000215':
      return fail(`Entra ID refused the client secret (AADSTS7000215)`, `${graphSettingsEnv.clientSecret} must be the secret's Value (shown once, when it was made), not its Secret ID`);
    case '7000222':
      return fail(`the client secret has expired (AADSTS7000222)`, `make a new one — or better, a certificate (README, step 1)`);
    case '7000112':
      return fail(`app ${settings.clientId} is disabled in Entra ID (AADSTS7000112)`, 'enable sign-in for its enterprise application (service principal)');
    case '90002':
      return fail(`Entra ID has no tenant ${settings.tenantId} (AADSTS90002)`, `${tenant} must be the Directory (tenant) ID, or the tenant's domain`);
    case '500011':
    case '1002012':
      return fail(
        `Entra ID does not know the resource ${graphEndpoints(settings).scope} in this tenant (AADSTS${aadsts})`,
        `${graphSettingsEnv.graphBaseUrl} must be the Graph of the tenant's cloud (empty = https://graph.microsoft.com/v1.0)`,
      );
    case '700024':
      return fail('the client assertion is outside its validity window (AADSTS700024)', "check this machine's clock");
    case '53003':
      return fail('a Conditional Access policy blocks the app (AADSTS53003)', 'ask the Entra administrator to exclude the app from the workload-identity policy, or run from an allowed location');
  }
  if (code === 'endpoints_resolution_error') {
    // msal reports only this when the authority answered but served no OpenID configuration for the tenant —
    // what Entra does for a tenant it does not know (AADSTS90002, which msal swallows).
    return new CheckFailed('Token', `the authority ${settings.authorityHost} has no tenant ${settings.tenantId}`, [
      `${tenant} must be the Directory (tenant) ID of the app's tenant`,
      `${graphSettingsEnv.authorityHost} must be the login host of the tenant's cloud (empty = https://login.microsoftonline.com)`,
    ], message);
  }
  return fail(
    `no token for ${app}`,
    aadsts ? `look AADSTS${aadsts} up at https://login.microsoftonline.com/error?code=${aadsts}` : `check ${app}, ${tenant} and the credential`,
  );
}

// --- 3. site ---

async function readSite(graph: GraphClient, siteId: string): Promise<{ id: string; displayName?: string; webUrl?: string }> {
  try {
    return await graph.get(`/sites/${siteId}`, { query: { $select: 'id,displayName,webUrl' } });
  } catch (error) {
    const status = statusOf(error);
    const detail = (error as Error).message;
    if (status === 403) {
      // With Sites.Selected, a site the app holds no role on answers 403. The grant is Graph's "Create
      // permission" on the site (site-post-permissions, v1.0; it needs Sites.FullControl.All).
      throw new CheckFailed('Site', `the app has no role on site ${siteId} (403 Forbidden)`, [
        `an administrator grants it one: POST ${graph.endpoints.baseUrl}/sites/${siteId}/permissions (README, step 3); ${grantAdvice}`,
        'and the app registration needs the application permission Sites.Selected with admin consent (README, step 2)',
      ], detail);
    }
    if (status === 404 || status === 400) {
      throw new CheckFailed('Site', `no site ${siteId} (${status})`, [
        `SHAREPOINT_SITE_ID must be the id of a site in this tenant (its host is the tenant's SharePoint host): ${findSiteId}`,
      ], detail);
    }
    if (status === 401) {
      throw new CheckFailed('Site', 'Graph refused the token (401)', [`${graphSettingsEnv.graphBaseUrl} and ${graphSettingsEnv.authorityHost} must belong to the same cloud as the tenant`], detail);
    }
    throw new CheckFailed('Site', `reading site ${siteId} failed`, [], detail);
  }
}

// --- 4. lists, columns, views ---

/** The first difference provisioning would fix (or cannot), in words; the ✓ text when there is none. */
function checkList(definition: ListDefinition, state: SiteState, conflicts: readonly string[], requests: readonly PlannedRequest[]): string {
  const check = `List "${definition.displayName}"`;
  const list = findList(state, definition.displayName);
  if (!list) throw new CheckFailed(check, `missing on the site`, [provisionFix]);
  // A conflict first: provisioning refuses to write anything while there is one.
  const conflict = conflicts.find((c) => c.startsWith(`"${definition.displayName}":`));
  if (conflict) throw new CheckFailed(check, conflict.slice(definition.displayName.length + 4), ['then run `npm run provision`']);
  const own = requests.filter((r) => r.path.includes(`/lists/${list.id}/`));
  const first = own[0];
  if (first) {
    const more = own.length > 1 ? ` (and ${own.length - 1} more difference${own.length > 2 ? 's' : ''} in this list)` : '';
    throw new CheckFailed(check, `${describeDifference(first, state.columns.get(list.id) ?? [])}${more}`, [provisionFix]);
  }
  return `${definition.columns.length} columns as the schema wants`;
}

function describeDifference(request: PlannedRequest, existing: readonly ExistingColumn[]): string {
  const body = (request.body ?? {}) as Record<string, unknown>;
  if (request.method === 'POST') return `the column ${String(body.name)} is missing`;
  const column = existing.find((c) => request.path.endsWith(`/columns/${c.id}`));
  const name = column?.name ?? request.path.split('/').pop();
  const old = oldChoicesOf(column);
  if (old.length && body.choice) {
    const wanted = ((body.choice as { choices?: string[] }).choices ?? []).join(', ');
    return `the column ${name} is still on the choices of 2012 (${old.join(', ')}); the schema's are ${wanted} — items holding an old value read as the new one and HoivaCRM writes the new value back`;
  }
  const says: Record<string, (v: unknown) => string> = {
    indexed: (v) => (v ? 'is not indexed' : 'is indexed but the schema does not index it'),
    enforceUniqueValues: (v) => (v ? 'does not enforce unique values' : 'enforces unique values the schema does not ask for'),
    required: (v) => (v ? 'is not required' : 'is required but the schema allows it empty'),
    choice: () => 'has other choices than the schema',
    text: () => 'has another maximum length than the schema',
    dateTime: () => 'has another date format than the schema',
    number: () => 'has other bounds than the schema',
  };
  return `the column ${name} ${Object.entries(body)
    .map(([key, value]) => says[key]?.(value) ?? `differs in ${key}`)
    .join(', ')}`;
}

/**
 * The choices of an existing column that are values of 2012 no longer current (issue 11: the old service
 * types and contact roles, src/domain/records/legacy-values.ts); `lyhytaikainen` kept its value.
 */
function oldChoicesOf(column: ExistingColumn | undefined): string[] {
  const old = new Map<string, string>([...Object.entries(legacyServiceTypeValues), ...Object.entries(legacyContactRoleValues)]);
  return (column?.choice?.choices ?? []).filter((c) => old.has(c) && old.get(c) !== c);
}

/** Views are optional (a warning at most): read over SharePoint REST, which needs the certificate. */
async function checkViews(input: {
  settings: GraphSettings;
  siteUrl: string | undefined;
  state: SiteState;
  definitions: readonly ListDefinition[];
  views: readonly ListViewDefinition[];
  ok: (check: string, text: string) => void;
  warn: (check: string, text: string) => void;
}): Promise<void> {
  const { settings, siteUrl, state, definitions, views, ok, warn } = input;
  const wanted = views.filter((v) => definitions.some((d) => d.kind === v.kind));
  if (wanted.length === 0) return;
  const unavailable = sharePointRestUnavailable(settings, siteUrl);
  if (unavailable || !siteUrl) {
    warn('Views', `not checked (they are optional): ${unavailable ?? 'no site URL'}`);
    return;
  }
  const rest = createSharePointRest(settings, siteUrl, { logger: silent });
  try {
    const missing: string[] = [];
    for (const view of wanted) {
      const list = findList(state, definitions.find((d) => d.kind === view.kind)!.displayName)!;
      const path = `${listByTitlePath(list.displayName)}/views?$select=Title`;
      let titles: string[];
      try {
        const answer = await rest.get<{ d?: { results?: { Title: string }[] } }>(path);
        titles = (answer?.d?.results ?? []).map((v) => v.Title);
      } catch (error) {
        warn('Views', `could not be read (they are optional): ${explain(error, 'read', `reading the views of "${list.displayName}"`, state.siteId).message.split('\n')[0]}`);
        return;
      }
      if (!titles.includes(view.title)) missing.push(`"${view.title}" of "${list.displayName}"`);
    }
    if (missing.length) warn('Views', `missing (they are optional): ${missing.join(', ')} — \`npm run provision\` makes them`);
    else ok('Views', `all ${wanted.length} views exist`);
  } finally {
    rest.close();
  }
}

// --- helpers ---

function statusOf(error: unknown): number | undefined {
  return error instanceof GraphRequestError ? error.status : undefined;
}

const plainHex = (fingerprint: string) => fingerprint.replaceAll(':', '').toUpperCase();
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const stripSlash = (url: string) => url.replace(/\/+$/, '').toLowerCase();

// --- 6. people ---

interface PersonItem {
  id: string;
  fields?: { UserId?: unknown; Name?: unknown; Roles?: unknown; CareHomeIds?: unknown; Region?: unknown };
}

const addAdminFix = (list: string) =>
  `add yourself in the list view of "${list}": UserId = your Entra object id (Entra admin center → Users → you → Object ID), Name = your name, Roles = ["admin"] (JSON, with the quotes); add your other roles to the same list, e.g. ["admin","liiketoimintajohtaja"]`;

/**
 * Tenant mode has no seed: whoever is in "HoivaCRM Henkilöt" is everyone HoivaCRM knows, and only an admin
 * binds the channels. The roles are read as the mirror reads them (a JSON list), so a person whose Roles do
 * not parse is named with a warning — HoivaCRM would leave that item out.
 */
async function checkPeople(graph: GraphClient, siteId: string, listId: string, list: string, warn: (check: string, text: string) => void): Promise<string> {
  const items = await graph.collect<PersonItem>(`/sites/${siteId}/lists/${listId}/items`, { query: { expand: 'fields(select=UserId,Name,Roles,CareHomeIds,Region)' } });
  const admins: string[] = [];
  for (const item of items) {
    const name = typeof item.fields?.Name === 'string' ? item.fields.Name : `item ${item.id}`;
    const roles = parseRoles(item.fields?.Roles);
    if (!roles) {
      warn('People', `"${name}" in "${list}" has Roles that are not a JSON list such as ["admin"]: HoivaCRM leaves the person out`);
      continue;
    }
    if (typeof item.fields?.UserId !== 'string' || item.fields.UserId.trim() === '') {
      warn('People', `"${name}" in "${list}" has no UserId (the Entra object id): HoivaCRM cannot recognise them`);
      continue;
    }
    if (roles.includes('admin')) admins.push(name);
    // A role that acts for a home or a region reaches nothing without one (a list from before roles had
    // scopes kept a single home in "Palvelutalo"; CareHomeIds is the list of homes now).
    const scopes = roles.map((r) => roleScopes[r as PersonRole]).filter(Boolean);
    if (scopes.includes('home') && !hasJsonList(item.fields?.CareHomeIds)) {
      warn('People', `"${name}" in "${list}" has a home role but no CareHomeIds (a JSON list of care-home ids): the role reaches no home`);
    }
    if (scopes.includes('region') && (typeof item.fields?.Region !== 'string' || item.fields.Region === '')) {
      warn('People', `"${name}" in "${list}" is a regional director with no Region: the role reaches no region`);
    }
  }
  if (admins.length === 0) {
    throw new CheckFailed('People', items.length === 0 ? `"${list}" is empty: nobody can use HoivaCRM, and nobody can bind the channels` : `nobody in "${list}" has the admin role`, [addAdminFix(list)]);
  }
  return `${items.length} ${items.length === 1 ? 'person' : 'people'} in "${list}", admin: ${admins.join(', ')}`;
}

function hasJsonList(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) && parsed.length > 0;
  } catch {
    return false;
  }
}

function parseRoles(raw: unknown): string[] | undefined {
  try {
    const value: unknown = typeof raw === 'string' ? JSON.parse(raw) : raw;
    return Array.isArray(value) && value.every((r) => typeof r === 'string') ? value : undefined;
  } catch {
    return undefined;
  }
}
