import { BotHarness } from './bot-harness.js';
import { homeDirector, installedInTeam } from './teams-activities.js';
import type { LoggedRequest } from './graph-double/graph-double.js';
import { startProvisioningBed, type ProvisioningBed } from '../store/sharepoint/provisioning-bed.js';

/**
 * A provisioned SharePoint site on the Graph double, and the environment that runs HoivaCRM on it
 * (STORE=sharepoint, the real msal + Graph client over HTTPS). The delta feed is read by the tests'
 * `app.delta.syncNow()` unless a test sets a short SHAREPOINT_DELTA_POLL_MS itself.
 */
export interface SharePointSite {
  bed: ProvisioningBed;
  siteId: string;
  env: Record<string, string>;
  /** Graph requests (each $batch counted once, its inner requests not) since `mark()`. */
  requestsSince(mark: number): LoggedRequest[];
  mark(): number;
  stop(): Promise<void>;
}

export async function startSharePointSite(): Promise<SharePointSite> {
  const bed = await startProvisioningBed();
  const { siteId } = await bed.provisionedSite();
  const settings = bed.bed;
  const log = bed.bed.double.log;
  return {
    bed,
    siteId,
    env: {
      STORE: 'sharepoint',
      SHAREPOINT_SITE_ID: siteId,
      SHAREPOINT_DELTA_POLL_MS: '600000',
      MICROSOFT_APP_TENANT_ID: settings.tenantId,
      MICROSOFT_APP_ID: settings.clientId,
      MICROSOFT_APP_CERTIFICATE_PATH: settings.appCertificate.pemPath,
      GRAPH_BASE_URL: settings.double.graphBaseUrl,
      GRAPH_AUTHORITY_HOST: settings.double.origin,
      GRAPH_EXTRA_CA_PATH: settings.double.caPath,
      GRAPH_USER_AGENT_COMPANY: 'Hoivatesti Oy',
      GRAPH_RETRY_MAX_ATTEMPTS: '4',
      GRAPH_RETRY_BUDGET_MS: '8000',
    },
    mark: () => log.length,
    requestsSince: (mark) => log.slice(mark).filter((r) => r.kind === 'graph' || r.kind === 'batch'),
    stop: () => bed.stop(),
  };
}

/** The whole server on the site, with the demo data seeded into its lists and the app installed in the team. */
export async function installedBotOn(site: SharePointSite): Promise<BotHarness> {
  const h = await new BotHarness().start({ ...site.env, SEED_DEMO_DATA: 'true' });
  await h.post(installedInTeam(h.connector.url, homeDirector));
  return h;
}
