import { randomUUID } from 'node:crypto';
import { parseGraphSettings, type GraphSettings, type GraphSettingsInput } from '../../../src/graph/graph-settings.js';
import { GraphDouble } from './graph-double.js';
import { makeSelfSignedCertificate, type TestCertificate } from './test-certificates.js';

/**
 * A Graph double with one registered app (certificate and secret) and settings pointing the real
 * msal-node + Graph client at it. Retry limits are small so throttling tests take seconds.
 */
export interface GraphTestbed {
  double: GraphDouble;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The app's certificate + key (registered on the app in the double). */
  appCertificate: TestCertificate;
  /** Another certificate + key, not registered anywhere. */
  strangerCertificate: TestCertificate;
  siteId: string;
  /** Settings for the double, certificate credential unless overridden. */
  settings(overrides?: Partial<GraphSettingsInput>): GraphSettings;
}

export async function startGraphTestbed(): Promise<GraphTestbed> {
  const double = await GraphDouble.start();
  const [appCertificate, strangerCertificate] = await Promise.all([
    makeSelfSignedCertificate(double.tempDir, 'hoivacrm-app', '/CN=HoivaCRM test app'),
    makeSelfSignedCertificate(double.tempDir, 'stranger-app', '/CN=Not registered'),
  ]);
  const tenantId = randomUUID();
  const clientId = randomUUID();
  const clientSecret = `secret-${randomUUID()}`;
  double.tokens.register({ tenantId, clientId, certificatePem: appCertificate.certPem, clientSecret });
  const siteId = `contoso.sharepoint.com,${randomUUID()},${randomUUID()}`;
  double.lists.addSite(siteId);
  return {
    double,
    tenantId,
    clientId,
    clientSecret,
    appCertificate,
    strangerCertificate,
    siteId,
    settings: (overrides = {}) =>
      parseGraphSettings({
        tenantId,
        clientId,
        certificatePath: appCertificate.pemPath,
        graphBaseUrl: double.graphBaseUrl,
        authorityHost: double.origin,
        extraCaPath: double.caPath,
        company: 'Hoivatesti Oy',
        requestTimeoutMs: 10_000,
        retry: { maxAttempts: 4, totalBudgetMs: 8_000, baseDelayMs: 20, maxDelayMs: 200 },
        ...overrides,
      }),
  };
}
