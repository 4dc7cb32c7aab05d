import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { createGraphClient, type GraphClient } from '../../src/graph/graph-client.js';
import { GraphAuthError } from '../../src/graph/graph-errors.js';
import { HttpsTransport } from '../../src/graph/https-transport.js';
import { createTokenProvider, readCertificateCredential } from '../../src/graph/token-provider.js';
import type { Logger } from '../../src/logger.js';
import { msalRenewalOffsetSeconds } from '../support/graph-double/token-endpoint.js';
import { startGraphTestbed, type GraphTestbed } from '../support/graph-double/testbed.js';

/**
 * App-only tokens from the real msal-node against the Graph double's identity endpoints (issue 4): the
 * certificate credential (a client assertion the double verifies against the registered certificate), the
 * secret with its warning, msal's cache (one token request while the token is fresh, a new one after), and
 * what an administrator sees when the certificate is the wrong one.
 */
describe('Graph: app-only tokens with msal-node (issue 4)', () => {
  let bed: GraphTestbed;
  const clients: GraphClient[] = [];
  const transports: HttpsTransport[] = [];

  before(async () => {
    bed = await startGraphTestbed();
  });
  after(async () => {
    clients.forEach((c) => c.close());
    transports.forEach((t) => t.close());
    await bed.double.stop();
  });
  beforeEach(() => {
    bed.double.clearLog();
    bed.double.tokens.requests.length = 0;
    bed.double.tokens.lifetimeSeconds = 3599;
  });

  const client = (overrides?: Parameters<GraphTestbed['settings']>[0], logger?: Logger) => {
    const graph = createGraphClient(bed.settings(overrides), { logger });
    clients.push(graph);
    return graph;
  };
  const transport = () => {
    const t = HttpsTransport.withCaFile(bed.double.caPath, { timeoutMs: 10_000 });
    transports.push(t);
    return t;
  };
  const capturingLogger = () => {
    const warnings: string[] = [];
    const logger: Logger = { info: () => {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) };
    return { logger, warnings };
  };
  const listPath = () => {
    const list = bed.double.lists.addList(bed.siteId, { displayName: `Tokens ${Math.random()}` });
    return `/sites/${bed.siteId}/lists/${list.id}/items`;
  };

  it('signs in with the certificate: a PS256 client assertion naming its SHA-256 thumbprint, for <graph origin>/.default', async () => {
    const tokens = createTokenProvider(bed.settings(), { transport: transport() });
    const token = await tokens.getAccessToken();

    assert.ok(token.length > 20);
    assert.equal(tokens.credential, 'certificate');
    assert.equal(tokens.scope, `${bed.double.origin}/.default`);
    const [request] = bed.double.tokens.requests;
    assert.equal(request?.status, 200);
    assert.equal(request?.credential, 'certificate');
    assert.equal(request?.assertion?.alg, 'PS256');
    assert.equal(request?.assertion?.x5tS256, bed.appCertificate.thumbprintSha256);
    assert.equal(request?.assertion?.x5c, true, 'the certificate travels as x5c');
    assert.equal(request?.assertion?.aud, `${bed.double.origin}/${bed.tenantId}/oauth2/v2.0/token`);
    assert.equal(request?.assertion?.iss, bed.clientId);
    // With knownAuthorities msal skips instance discovery: it reads the tenant's OpenID configuration, then the token.
    assert.deepEqual(
      bed.double.log.map((r) => `${r.kind} ${r.method} ${r.path.split('?')[0]}`),
      [`openid GET /${bed.tenantId}/v2.0/.well-known/openid-configuration`, `token POST /${bed.tenantId}/oauth2/v2.0/token`],
    );
  });

  it('reuses the token while it is fresh and fetches a new one once it is within msal’s renewal window', async () => {
    // msal renews 300 s before expiry, so a token that lives 302 s is fresh for about 2 s.
    bed.double.tokens.lifetimeSeconds = msalRenewalOffsetSeconds + 2;
    const graph = client();
    const path = listPath();

    await graph.get(path);
    await graph.get(path);
    assert.equal(bed.double.tokens.requests.length, 1, 'two calls within the lifetime: one token request');

    await new Promise((resolve) => setTimeout(resolve, 3_200));
    await graph.get(path);
    assert.equal(bed.double.tokens.requests.length, 2, 'after expiry: a new token');

    const bearers = bed.double.graphRequests().map((r) => r.headers.authorization);
    assert.equal(bearers.length, 3);
    assert.equal(bearers[0], bearers[1]);
    assert.notEqual(bearers[1], bearers[2], 'the renewed token is used');
    assert.ok(bed.double.graphRequests().every((r) => r.status === 200));
  });

  it('asks for one token when many requests start at once', async () => {
    const tokens = createTokenProvider(bed.settings(), { transport: transport() });
    const all = await Promise.all(Array.from({ length: 5 }, () => tokens.getAccessToken()));

    assert.equal(new Set(all).size, 1);
    assert.equal(bed.double.tokens.requests.length, 1);
  });

  it('accepts a client secret, with a warning that a certificate is preferred', async () => {
    const { logger, warnings } = capturingLogger();
    const graph = client({ certificatePath: undefined, clientSecret: bed.clientSecret }, logger);

    const page = await graph.get<{ value: unknown[] }>(listPath());

    assert.deepEqual(page.value, []);
    assert.equal(graph.tokens.credential, 'secret');
    assert.equal(bed.double.tokens.requests[0]?.credential, 'secret');
    assert.equal(bed.double.tokens.requests[0]?.status, 200);
    assert.ok(warnings.some((w) => /client secret/.test(w) && /certificate is preferred/.test(w)), warnings.join('\n'));
  });

  it('with a certificate that is not registered, the token endpoint answers 401 and Graph is never called', async () => {
    const graph = client({ certificatePath: bed.strangerCertificate.pemPath });

    await assert.rejects(graph.get(listPath()), (error: unknown) => {
      assert.ok(error instanceof GraphAuthError, String(error));
      assert.equal(error.code, 'invalid_client');
      assert.match(error.message, /Could not get a Microsoft Graph token/);
      assert.match(error.message, /AADSTS700027/);
      assert.ok(error.message.includes(`${bed.double.origin}/${bed.tenantId}`), 'names the authority');
      assert.ok(error.message.includes(bed.strangerCertificate.thumbprintSha256.slice(0, 12)), 'names the certificate');
      return true;
    });
    assert.equal(bed.double.tokens.requests.at(-1)?.status, 401);
    assert.deepEqual(bed.double.graphRequests(), []);
  });

  it('with a wrong secret, the error says invalid_client and AADSTS7000215', async () => {
    const graph = client({ certificatePath: undefined, clientSecret: 'not-the-secret' });

    await assert.rejects(graph.get(listPath()), (error: unknown) => {
      assert.ok(error instanceof GraphAuthError);
      assert.equal(error.code, 'invalid_client');
      assert.match(error.message, /AADSTS7000215/);
      return true;
    });
    assert.deepEqual(bed.double.graphRequests(), []);
  });

  it('trusts the double’s certificate only through the extra-CA setting: without it TLS fails, and the error says why', async () => {
    const graph = client({ extraCaPath: undefined });

    await assert.rejects(graph.get(listPath()), (error: unknown) => {
      assert.ok(error instanceof GraphAuthError);
      assert.match(error.message, /openid-configuration: self-signed certificate/);
      return true;
    });
    assert.equal(bed.double.log.length, 0, 'no request got past the TLS handshake');
  });

  it('reads the certificate, its key and thumbprint from one PEM file, and names the setting when the key is missing', async () => {
    const credential = readCertificateCredential(bed.appCertificate.pemPath);
    assert.equal(credential.thumbprintSha256, bed.appCertificate.thumbprintSha256);
    assert.match(credential.privateKey, /BEGIN PRIVATE KEY/);
    assert.match(credential.x5c, /BEGIN CERTIFICATE/);

    const certOnly = join(bed.double.tempDir, 'cert-only.pem');
    await writeFile(certOnly, bed.appCertificate.certPem);
    assert.throws(() => readCertificateCredential(certOnly), /MICROSOFT_APP_CERTIFICATE_PATH: .*certificate and its private key/);
    assert.throws(() => readCertificateCredential(join(bed.double.tempDir, 'missing.pem')), /MICROSOFT_APP_CERTIFICATE_PATH: cannot read/);
  });

  it('msal-node refuses an http: authority (authority_uri_insecure), which is why the double speaks HTTPS', async () => {
    const insecure = new URL(bed.double.origin);
    insecure.protocol = 'http:';
    const app = new ConfidentialClientApplication({
      auth: { clientId: bed.clientId, authority: `${insecure.origin}/${bed.tenantId}`, clientSecret: bed.clientSecret, knownAuthorities: [insecure.host] },
    });

    await assert.rejects(app.acquireTokenByClientCredential({ scopes: [`${bed.double.origin}/.default`] }), (error: { errorCode?: string }) => {
      assert.equal(error.errorCode, 'authority_uri_insecure');
      return true;
    });
    assert.deepEqual(bed.double.tokens.requests, []);
  });
});
