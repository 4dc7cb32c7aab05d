import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  GraphSettingsError,
  graphEndpoints,
  graphSettingsFromEnv,
  graphUserAgent,
  parseGraphSettings,
} from '../../src/graph/graph-settings.js';

const tenantId = '0f9e8d7c-6b5a-4321-8fed-cba987654321';
const clientId = '11111111-2222-4333-8444-555555555555';
const base = { tenantId, clientId, certificatePath: '/secure/hoivacrm.pem', company: 'Hoivayhtiö Oy' };

describe('Graph settings (issue 4)', () => {
  it('defaults to the public cloud: Graph v1.0, login.microsoftonline.com, scope <graph origin>/.default', () => {
    const settings = parseGraphSettings(base);
    const endpoints = graphEndpoints(settings);

    assert.equal(settings.graphBaseUrl, 'https://graph.microsoft.com/v1.0');
    assert.equal(endpoints.scope, 'https://graph.microsoft.com/.default');
    assert.equal(endpoints.authority, `https://login.microsoftonline.com/${tenantId}`);
    assert.equal(endpoints.version, 'v1.0');
    assert.deepEqual(endpoints.knownAuthorities, [], 'msal knows Microsoft’s own login hosts');
  });

  it('follows a national cloud or a local double: scope from the Graph origin, the authority host listed as known', () => {
    const us = graphEndpoints(parseGraphSettings({ ...base, graphBaseUrl: 'https://graph.microsoft.us/v1.0', authorityHost: 'https://login.microsoftonline.us' }));
    assert.equal(us.scope, 'https://graph.microsoft.us/.default');
    assert.deepEqual(us.knownAuthorities, []);

    const local = graphEndpoints(parseGraphSettings({ ...base, graphBaseUrl: 'https://127.0.0.1:4443/v1.0', authorityHost: 'https://127.0.0.1:4443' }));
    assert.equal(local.scope, 'https://127.0.0.1:4443/.default');
    assert.equal(local.hostname, '127.0.0.1', 'customHosts compares host names without port');
    assert.deepEqual(local.knownAuthorities, ['127.0.0.1:4443']);
    assert.equal(local.authority, `https://127.0.0.1:4443/${tenantId}`);
  });

  it('decorates traffic as NONISV|Company|HoivaCRM/<package version>', () => {
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    assert.equal(graphUserAgent(parseGraphSettings(base)), `NONISV|Hoivayhtiö Oy|HoivaCRM/${version}`);
  });

  it('refuses http: for the authority and Graph, saying why', () => {
    assert.throws(() => parseGraphSettings({ ...base, authorityHost: 'http://127.0.0.1:4443' }), /authorityHost: .*https:.*authority_uri_insecure/);
    assert.throws(() => parseGraphSettings({ ...base, graphBaseUrl: 'http://127.0.0.1:4443/v1.0' }), /graphBaseUrl: .*https:/);
    assert.throws(() => parseGraphSettings({ ...base, graphBaseUrl: 'https://graph.microsoft.com' }), /must end in the API version/);
  });

  it('from the environment, names the variable that is wrong', () => {
    const env = {
      MICROSOFT_APP_TENANT_ID: tenantId,
      MICROSOFT_APP_ID: clientId,
      MICROSOFT_APP_CERTIFICATE_PATH: '',
      MICROSOFT_APP_PASSWORD: '',
      GRAPH_USER_AGENT_COMPANY: 'Hoivayhtiö Oy',
    };
    assert.throws(
      () => graphSettingsFromEnv(env),
      (error: unknown) => error instanceof GraphSettingsError && /MICROSOFT_APP_CERTIFICATE_PATH: set a certificate \(preferred\) or a client secret/.test(error.message),
    );
    assert.throws(() => graphSettingsFromEnv({ ...env, MICROSOFT_APP_PASSWORD: 's', GRAPH_USER_AGENT_COMPANY: '' }), /GRAPH_USER_AGENT_COMPANY:/);
    assert.throws(() => graphSettingsFromEnv({ ...env, MICROSOFT_APP_PASSWORD: 's', MICROSOFT_APP_ID: 'bot' }), /MICROSOFT_APP_ID: must be the Entra app \(client\) id/);

    const settings = graphSettingsFromEnv({ ...env, MICROSOFT_APP_PASSWORD: 's', GRAPH_RETRY_MAX_ATTEMPTS: '3', GRAPH_RETRY_BUDGET_MS: '30000' });
    assert.equal(settings.clientSecret, 's');
    assert.equal(settings.retry.maxAttempts, 3);
    assert.equal(settings.retry.totalBudgetMs, 30_000);
  });
});
