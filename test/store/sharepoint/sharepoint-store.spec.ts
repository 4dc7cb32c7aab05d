import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSharePointStore } from '../../../src/store/sharepoint/sharepoint-store.js';
import { recordQueriesContract } from '../record-queries.contract.js';
import { recordStoreContract } from '../record-store.contract.js';
import { startProvisioningBed, type ProvisioningBed } from './provisioning-bed.js';

/**
 * The storage port's contract against STORE=sharepoint: the real adapter, the real Graph client and msal,
 * over HTTPS to the Graph double, on a freshly provisioned site per test.
 */
let bed: ProvisioningBed | undefined;
after(async () => {
  await bed?.stop();
  bed = undefined;
});

const openSharePoint = async () => {
  bed ??= await startProvisioningBed();
  const { siteId } = await bed.provisionedSite();
  const dir = mkdtempSync(join(tmpdir(), 'hoivacrm-sp-store-'));
  const store = await openSharePointStore({ file: join(dir, 'mirror.sqlite'), graph: bed.graph, siteId });
  return {
    store,
    dispose: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};

recordStoreContract('sharepoint (Graph double)', openSharePoint);
recordQueriesContract('sharepoint (Graph double)', openSharePoint);
