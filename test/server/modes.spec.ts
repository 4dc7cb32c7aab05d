import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../../src/config.js';
import { consoleLogger } from '../../src/logger.js';
import { startApp } from '../../src/server/start-app.js';
import { personalMessage, homeDirector } from '../support/teams-activities.js';

describe('local and tenant mode', () => {
  it('runs local mode with no settings at all, on loopback', () => {
    const config = loadConfig({});
    assert.equal(config.MODE, 'local');
    assert.equal(config.HOST, '127.0.0.1');
    assert.equal(config.PORT, 3978);
  });

  it('refuses to expose local mode (authentication off) beyond loopback, naming the setting', () => {
    assert.throws(() => loadConfig({ HOST: '0.0.0.0' }), (e: unknown) => e instanceof ConfigError && /HOST/.test(e.message));
  });

  it('STORE=sharepoint names a missing site id, a malformed one, and the Graph setting that is missing', () => {
    assert.throws(() => loadConfig({ STORE: 'sharepoint' }), (e: unknown) => e instanceof ConfigError && /SHAREPOINT_SITE_ID/.test(e.message));
    assert.throws(
      () => loadConfig({ STORE: 'sharepoint', SHAREPOINT_SITE_ID: 'https://contoso.sharepoint.com/sites/hoivacrm' }),
      (e: unknown) => e instanceof ConfigError && /SHAREPOINT_SITE_ID: must be the Graph site id/.test(e.message),
    );
    const siteId = 'contoso.sharepoint.com,3f0b8c1e-2d4a-4b6c-9e8f-0a1b2c3d4e5f,5f2c1a4e-8b7d-4c3e-9a1f-2b6d8e0c4a71';
    assert.throws(
      () => loadConfig({ STORE: 'sharepoint', SHAREPOINT_SITE_ID: siteId, MICROSOFT_APP_ID: '3f0b8c1e-2d4a-4b6c-9e8f-0a1b2c3d4e5f', MICROSOFT_APP_TENANT_ID: '5f2c1a4e-8b7d-4c3e-9a1f-2b6d8e0c4a71', MICROSOFT_APP_CERTIFICATE_PATH: '/x.pem' }),
      (e: unknown) => e instanceof ConfigError && /GRAPH_USER_AGENT_COMPANY/.test(e.message),
    );
  });

  it('names each missing tenant setting', () => {
    assert.throws(
      () => loadConfig({ MODE: 'tenant' }),
      (e: unknown) => e instanceof ConfigError && /MICROSOFT_APP_ID/.test(e.message) && /MICROSOFT_APP_TENANT_ID/.test(e.message),
    );
    assert.throws(
      () => loadConfig({ MODE: 'tenant', MICROSOFT_APP_ID: '3f0b8c1e-2d4a-4b6c-9e8f-0a1b2c3d4e5f', MICROSOFT_APP_TENANT_ID: '5f2c1a4e-8b7d-4c3e-9a1f-2b6d8e0c4a71' }),
      (e: unknown) => e instanceof ConfigError && /MICROSOFT_APP_CERTIFICATE_PATH/.test(e.message),
    );
  });

  it('keeps Bot Framework authentication on in tenant mode: an unsigned activity, even a malformed one, gets 401 and no answer', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hoivacrm-tenant-'));
    const app = await startApp(
      loadConfig({
        MODE: 'tenant',
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        MICROSOFT_APP_ID: '3f0b8c1e-2d4a-4b6c-9e8f-0a1b2c3d4e5f',
        MICROSOFT_APP_TENANT_ID: '5f2c1a4e-8b7d-4c3e-9a1f-2b6d8e0c4a71',
        MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
      }),
      { logger: consoleLogger('silent') },
    );
    try {
      const response = await fetch(`${app.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(personalMessage('http://127.0.0.1:9/unused', homeDirector, 'ohje')),
      });
      assert.equal(response.status, 401);
      assert.equal((await app.store.records.list('careHome')).length, 0, 'tenant mode seeds no demo data');
      // A malformed activity is judged only after authentication: unsigned, it is a 401 like any other.
      for (const body of ['{}', '{"text":"ohje"}']) {
        const malformed = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        assert.equal(malformed.status, 401, body);
        assert.deepEqual(await malformed.json(), { error: 'unauthorized' });
      }
    } finally {
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
