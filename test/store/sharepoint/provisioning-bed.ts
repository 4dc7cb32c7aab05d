import { randomUUID } from 'node:crypto';
import { provision } from '../../../src/store/sharepoint/provision.js';
import { createGraphClient, type GraphClient } from '../../../src/graph/graph-client.js';
import type { GraphSettingsInput } from '../../../src/graph/graph-settings.js';
import { createSharePointRest, type SharePointRestClient } from '../../../src/store/sharepoint/sharepoint-rest.js';
import type { LoggedRequest } from '../../support/graph-double/graph-double.js';
import { ListProvisioning } from '../../support/graph-double/list-provisioning.js';
import { SharePointRestViews } from '../../support/graph-double/sharepoint-rest-views.js';
import { startGraphTestbed, type GraphTestbed } from '../../support/graph-double/testbed.js';

/**
 * The Graph double with list/column provisioning and SharePoint REST views, the real Graph client and the
 * real SharePoint REST client (both over HTTPS with msal tokens), and empty sites to provision.
 */
export interface ProvisioningBed {
  bed: GraphTestbed;
  provisioning: ListProvisioning;
  views: SharePointRestViews;
  graph: GraphClient;
  clients: { close(): void }[];
  /** A new empty site: its Graph id, its URL, and a SharePoint REST client for it. */
  newSite(): { siteId: string; siteUrl: string; rest: SharePointRestClient };
  /** A new site with HoivaCRM's lists provisioned (no views: the store does not read them). */
  provisionedSite(): Promise<{ siteId: string }>;
  /** Requests that change something (non-GET Graph, $batch, SharePoint REST), since the log was cleared. */
  writes(): LoggedRequest[];
  stop(): Promise<void>;
}

export async function startProvisioningBed(overrides: Partial<GraphSettingsInput> = {}): Promise<ProvisioningBed> {
  const bed = await startGraphTestbed();
  const provisioning = ListProvisioning.on(bed.double);
  const views = SharePointRestViews.on(bed.double);
  const settings = bed.settings(overrides);
  const graph = createGraphClient(settings);
  const clients: { close(): void }[] = [graph];
  let n = 0;
  const testbed: ProvisioningBed = {
    bed,
    provisioning,
    views,
    graph,
    clients,
    newSite() {
      const siteId = `contoso.sharepoint.com,${randomUUID()},${randomUUID()}`;
      const siteUrl = `${bed.double.origin}/sites/hoivacrm-${++n}`;
      views.addSite(siteId, siteUrl, provisioning);
      const rest = createSharePointRest(settings, siteUrl);
      clients.push(rest);
      return { siteId, siteUrl, rest };
    },
    async provisionedSite() {
      const { siteId } = testbed.newSite();
      await provision({ graph, siteId, restUnavailable: 'views are not read by the store' });
      return { siteId };
    },
    writes: () =>
      bed.double.log.filter((r) => ['graph', 'batch', 'in-batch', 'sharepoint-rest'].includes(r.kind) && r.method !== 'GET'),
    async stop() {
      clients.forEach((c) => c.close());
      await bed.double.stop();
    },
  };
  return testbed;
}
