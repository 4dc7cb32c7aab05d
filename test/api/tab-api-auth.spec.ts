import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { apiRouter } from '../../src/api/api-router.js';
import { LOCAL_USER_HEADER } from '../../src/api/caller.js';
import type { AppContext } from '../../src/app/app-context.js';
import { loadConfig } from '../../src/config.js';
import type { Person } from '../../src/domain/records/person.js';
import { stableIdFor } from '../../src/domain/stable-id.js';
import { consoleLogger } from '../../src/logger.js';
import { startApp, type RunningApp } from '../../src/server/start-app.js';
import { routesOf } from '../support/express-routes.js';
import { TENANT_ID } from '../support/teams-activities.js';

const CLIENT_ID = '3f0b8c1e-2d4a-4b6c-9e8f-0a1b2c3d4e5f';
const HOST = 'hoivacrm.contoso.example';
const OTHER_TENANT = '0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a';
const KAISA = '00000000-0000-0000-0000-0000000000020';

/**
 * The tab API's sign-in check in tenant mode (issue 13): tokens signed by a locally generated RS256 key set,
 * served as the tenant's JWKS by a small local server; every way a token can be wrong is a 401 on every
 * endpoint, both of Entra's token forms are accepted, and someone not on the people list gets 403.
 */
describe('tab API sign-in (tenant mode, bearer tokens)', () => {
  let app: RunningApp;
  let jwks: Server;
  let dataDir: string;
  let key: CryptoKey;
  let strangerKey: CryptoKey;

  before(async () => {
    const pair = await generateKeyPair('RS256');
    key = pair.privateKey;
    strangerKey = (await generateKeyPair('RS256')).privateKey;
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [publicJwk] }));
    });
    await new Promise<void>((done) => jwks.listen(0, '127.0.0.1', done));
    dataDir = mkdtempSync(join(tmpdir(), 'hoivacrm-api-tenant-'));
    app = await startApp(
      loadConfig({
        MODE: 'tenant',
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        WEEKLY_DIGEST: 'off',
        MICROSOFT_APP_ID: CLIENT_ID,
        MICROSOFT_APP_TENANT_ID: TENANT_ID,
        MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
        PUBLIC_HOSTNAME: HOST,
        TAB_API_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`,
      }),
      { logger: consoleLogger('silent') },
    );
    const at = new Date().toISOString();
    const kaisa: Person = { id: stableIdFor(`person:${KAISA}`), version: 1, createdAt: at, createdBy: 'test', updatedAt: at, userId: KAISA, name: 'Kaisa Kotijohtaja', roles: ['kotijohtaja'], careHomeIds: [stableIdFor('home:Koivukoti')] };
    await app.store.records.commit({ at, writes: [{ kind: 'person', record: kaisa, expectedVersion: null }], outbox: [] });
  });
  after(async () => {
    await app.stop();
    await new Promise((done) => jwks.close(done));
    rmSync(dataDir, { recursive: true, force: true });
  });

  const v2 = (claims: JWTPayload = {}) => ({ aud: CLIENT_ID, iss: `https://login.microsoftonline.com/${TENANT_ID}/v2.0`, tid: TENANT_ID, oid: KAISA, scp: 'access_as_user', name: 'Kaisa', ver: '2.0', ...claims });
  const v1 = (claims: JWTPayload = {}) => ({ aud: `api://${HOST}/${CLIENT_ID}`, iss: `https://sts.windows.net/${TENANT_ID}/`, tid: TENANT_ID, oid: KAISA, scp: 'access_as_user', name: 'Kaisa', ver: '1.0', ...claims });
  const sign = (claims: JWTPayload, options: { key?: CryptoKey; kid?: string; expiresIn?: string | number } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'test-key', typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '1h')
      .sign(options.key ?? key);
  const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

  const call = async (path: string, token: string | undefined, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const response = await fetch(`${app.url}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
      ...(init.body ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  const someId = '9fdfa16c-bdf3-53f6-b5f7-48ef565117ed';
  /**
   * Every endpoint the API router has, read from the router itself: an endpoint added later is covered here
   * without anyone remembering to list it. Path parameters get a well-formed id; writes get an empty body
   * (identity is checked before the body). /settings is public by design: it says how to sign in.
   */
  const endpoints: { path: string; method: string; body?: unknown }[] = routesOf(
    apiRouter({ ctx: {} as AppContext, identification: { mode: 'local' }, settings: { mode: 'local' }, defaultLocale: 'fi', logger: consoleLogger('silent') }),
  )
    .filter((r) => r.path !== '/settings' && r.path !== '/local/people')
    .map((r) => ({ path: r.path.replace(/:[A-Za-z]+/g, someId), method: r.method, ...(r.method === 'GET' ? {} : { body: {} }) }));

  it('knows every endpoint of the router (the list the checks below walk)', () => {
    const listed = endpoints.map((e) => `${e.method} ${e.path.replaceAll(someId, '{id}')}`);
    for (const expected of ['GET /me', 'GET /occupancy', 'GET /places', 'PATCH /places/{id}', 'GET /customers', 'GET /customers/{id}', 'GET /customers/{id}/timeline', 'GET /complaints']) {
      assert.ok(listed.includes(expected), `${expected} in ${listed.join(', ')}`);
    }
  });

  it('accepts a v2 token (aud = client id) and a v1 token (aud = api://host/client id): the person by oid', async () => {
    for (const claims of [v2(), v1()]) {
      const me = await call('/me', await sign(claims));
      assert.equal(me.status, 200, `${claims.ver}: ${JSON.stringify(me.body)}`);
      assert.deepEqual({ userId: me.body.userId, roles: me.body.roles, scope: me.body.scope }, { userId: KAISA, roles: ['kotijohtaja'], scope: 'home' });
    }
    assert.equal((await call('/occupancy', await sign(v1()))).status, 200);
  });

  it('401 on every endpoint without a token or with a bad one: wrong audience, issuer, tenant, form, scope; expired; alg none or HS256; unknown key', async () => {
    const now = Math.floor(Date.now() / 1000);
    const bad: Record<string, string> = {
      'wrong audience': await sign(v2({ aud: '11111111-2222-4333-8444-555555555555' })),
      'wrong issuer': await sign(v2({ iss: 'https://evil.example/v2.0' })),
      'other tenant': await sign(v2({ tid: OTHER_TENANT, iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` })),
      'tid not the issuer\'s': await sign(v2({ tid: OTHER_TENANT })),
      'v1 issuer with the v2 audience': await sign(v1({ aud: CLIENT_ID })),
      'no access_as_user scope': await sign(v2({ scp: 'User.Read' })),
      'app-only token (no scp)': await sign(v2({ scp: undefined, roles: ['access_as_user'] })),
      expired: await sign(v2({ iat: now - 7200 }), { expiresIn: now - 3600 }),
      'not yet valid': await sign(v2({ nbf: now + 3600 })),
      'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...v2(), exp: now + 3600 })}.`,
      HS256: await new SignJWT(v2()).setProtectedHeader({ alg: 'HS256', kid: 'test-key' }).setExpirationTime('1h').sign(new TextEncoder().encode('a-guessed-shared-secret-of-32-bytes!')),
      'unknown key': await sign(v2(), { key: strangerKey, kid: 'stranger' }),
      'known kid, other key': await sign(v2(), { key: strangerKey }),
      garbage: 'not.a.token',
    };
    for (const endpoint of endpoints) {
      const missing = await call(endpoint.path, undefined, endpoint);
      assert.equal(missing.status, 401, `${endpoint.method} ${endpoint.path} without a token: ${JSON.stringify(missing.body)}`);
      assert.equal(missing.body.error.code, 'unauthorized');
      // The local picker's header means nothing in tenant mode.
      assert.equal((await call(endpoint.path, undefined, { ...endpoint, headers: { [LOCAL_USER_HEADER]: KAISA } })).status, 401, `${endpoint.path} local header`);
      for (const [why, token] of Object.entries(bad)) {
        const refused = await call(endpoint.path, token, endpoint);
        assert.equal(refused.status, 401, `${endpoint.method} ${endpoint.path}: ${why}`);
        assert.equal(refused.body.error.code, 'unauthorized', `${endpoint.path}: ${why}`);
      }
    }
  });

  it('GET /settings tells the tab, without any identity, which app and API scope Nested App Authentication asks a token for', async () => {
    const settings = await call('/settings', undefined);
    assert.equal(settings.status, 200);
    assert.deepEqual(settings.body, { mode: 'tenant', clientId: CLIENT_ID, tenantId: TENANT_ID, apiScope: `api://${HOST}/${CLIENT_ID}/access_as_user` });
  });

  it('403 notInPeopleList for a valid token of someone not on the people list; /local/people does not exist (404)', async () => {
    const stranger = await call('/me', await sign(v2({ oid: '7d9e1f20-3a4b-4c5d-8e6f-1a2b3c4d5e6f' })), { headers: { 'accept-language': 'en-GB' } });
    assert.equal(stranger.status, 403);
    assert.equal(stranger.body.error.code, 'notInPeopleList');
    assert.match(stranger.body.error.message, /Ask an administrator/);
    assert.equal((await call('/local/people', undefined)).status, 404);
    assert.equal((await call('/local/people', await sign(v2()))).status, 404);
  });
});
