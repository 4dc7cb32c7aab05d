import { X509Certificate, constants, randomBytes, randomUUID, verify } from 'node:crypto';
import type { DoubleResponse } from './double-http.js';

/**
 * The Microsoft identity platform's part of the double: the OpenID configuration msal reads for an authority
 * it was told to trust (`knownAuthorities` skips instance discovery, so msal-node 7 GETs only
 * `/{tenant}/v2.0/.well-known/openid-configuration`, then POSTs the token request to its token_endpoint),
 * and the v2.0 token endpoint for the client credentials grant with a certificate (client_assertion) or a
 * secret. A client assertion is checked the way Entra ID checks it: a JWT whose x5t#S256 (or x5t) header
 * names a certificate registered on the app, signed RS256/PS256 with that certificate's key, with
 * aud = the token endpoint, iss = sub = the client id, and a current validity window. Errors have Entra's
 * shape (`error`, `error_description` starting with an AADSTS code, `error_codes`), which msal turns into
 * a ServerError.
 */
export interface RegisteredApp {
  tenantId: string;
  clientId: string;
  /** PEM certificates registered as the app's credentials. */
  certificates: string[];
  secrets: string[];
}

export interface IssuedToken {
  tenantId: string;
  clientId: string;
  scope: string;
  expiresAt: number;
}

export interface TokenRequestRecord {
  at: number;
  tenantId: string;
  clientId?: string;
  credential: 'certificate' | 'secret' | 'none';
  status: number;
  error?: string;
  /** Headers and claims of a verified client assertion. */
  assertion?: { alg: string; x5tS256?: string; x5c: boolean; aud: string; iss: string };
}

/** msal renews an app token this many seconds before it expires (msal-common DEFAULT_TOKEN_RENEWAL_OFFSET_SEC). */
export const msalRenewalOffsetSeconds = 300;

export class TokenEndpoint {
  readonly apps: RegisteredApp[] = [];
  readonly requests: TokenRequestRecord[] = [];
  private readonly tokens = new Map<string, IssuedToken>();
  /** `expires_in` of issued tokens. msal treats a token as usable until `msalRenewalOffsetSeconds` before this. */
  lifetimeSeconds = 3599;

  constructor(
    private readonly origin: () => string,
    /** The one resource this double serves: `${graphOrigin}/.default`. */
    private readonly graphScope: () => string,
  ) {}

  register(app: { tenantId: string; clientId: string; certificatePem?: string; clientSecret?: string }): void {
    this.apps.push({
      tenantId: app.tenantId,
      clientId: app.clientId,
      certificates: app.certificatePem ? [app.certificatePem] : [],
      secrets: app.clientSecret ? [app.clientSecret] : [],
    });
  }

  tokenEndpointUrl(tenantId: string): string {
    return `${this.origin()}/${tenantId}/oauth2/v2.0/token`;
  }

  openIdConfiguration(tenantId: string): DoubleResponse {
    if (!this.apps.some((a) => a.tenantId === tenantId)) {
      return aadError(400, 'invalid_tenant', 90002, `Tenant '${tenantId}' not found.`);
    }
    const base = `${this.origin()}/${tenantId}`;
    return {
      status: 200,
      body: {
        token_endpoint: this.tokenEndpointUrl(tenantId),
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
        subject_types_supported: ['pairwise'],
        id_token_signing_alg_values_supported: ['RS256'],
        response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
        scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
        issuer: `${base}/v2.0`,
        request_uri_parameter_supported: false,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        tenant_region_scope: 'EU',
        cloud_instance_name: 'microsoftonline.com',
      },
    };
  }

  token(tenantId: string, form: URLSearchParams): DoubleResponse {
    const record: TokenRequestRecord = { at: Date.now(), tenantId, clientId: form.get('client_id') ?? undefined, credential: 'none', status: 0 };
    const answer = this.issue(tenantId, form, record);
    record.status = answer.status;
    if (answer.status !== 200) record.error = (answer.body as { error_description?: string }).error_description;
    this.requests.push(record);
    return answer;
  }

  /** The token a Graph request's `Authorization: Bearer …` carries, if it is one of ours and still valid. */
  validate(authorization: string | undefined): IssuedToken | undefined {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    const issued = token ? this.tokens.get(token) : undefined;
    return issued && issued.expiresAt > Date.now() ? issued : undefined;
  }

  private issue(tenantId: string, form: URLSearchParams, record: TokenRequestRecord): DoubleResponse {
    if (form.get('grant_type') !== 'client_credentials') {
      return aadError(400, 'unsupported_grant_type', 70003, 'The app requested an unsupported grant type.');
    }
    const clientId = form.get('client_id') ?? '';
    const app = this.apps.find((a) => a.tenantId === tenantId && a.clientId === clientId);
    if (!app) {
      return aadError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenantId}'.`);
    }
    const assertion = form.get('client_assertion');
    const secret = form.get('client_secret');
    if (assertion) {
      record.credential = 'certificate';
      if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer') {
        return aadError(400, 'invalid_request', 900144, "The request body must contain client_assertion_type 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'.");
      }
      const checked = verifyClientAssertion(assertion, app, this.tokenEndpointUrl(tenantId));
      if ('error' in checked) return checked.error;
      record.assertion = checked;
    } else if (secret) {
      record.credential = 'secret';
      if (!app.secrets.includes(secret)) {
        return aadError(401, 'invalid_client', 7000215, 'Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.');
      }
    } else {
      return aadError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    }
    const scope = form.get('scope') ?? '';
    const resourceScopes = scope.split(' ').filter((s) => s && !['openid', 'profile', 'offline_access'].includes(s));
    if (resourceScopes.length !== 1 || resourceScopes[0] !== this.graphScope()) {
      return aadError(400, 'invalid_scope', 1002012, `The provided value for scope '${scope}' is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI): ${this.graphScope()}.`);
    }
    const accessToken = randomBytes(32).toString('base64url');
    this.tokens.set(accessToken, { tenantId, clientId, scope: resourceScopes[0]!, expiresAt: Date.now() + this.lifetimeSeconds * 1000 });
    return {
      status: 200,
      body: { token_type: 'Bearer', expires_in: this.lifetimeSeconds, ext_expires_in: this.lifetimeSeconds, access_token: accessToken },
    };
  }
}

type VerifiedAssertion = NonNullable<TokenRequestRecord['assertion']>;

function verifyClientAssertion(jwt: string, app: RegisteredApp, audience: string): VerifiedAssertion | { error: DoubleResponse } {
  const fail = (description: string, code = 700027) => ({ error: aadError(401, 'invalid_client', code, description) });
  const parts = jwt.split('.');
  if (parts.length !== 3) return fail('Client assertion is not a JWT (three dot-separated parts).', 50027);
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return fail('Client assertion is not a JWT: header or payload is not JSON.', 50027);
  }
  const alg = String(header.alg);
  if (alg !== 'RS256' && alg !== 'PS256') return fail(`Client assertion uses unsupported algorithm '${alg}'.`, 5002738);

  const x5tS256 = typeof header['x5t#S256'] === 'string' ? Buffer.from(header['x5t#S256'], 'base64url').toString('hex') : undefined;
  const x5t = typeof header.x5t === 'string' ? Buffer.from(header.x5t, 'base64url').toString('hex') : undefined;
  const certificate = app.certificates
    .map((pem) => new X509Certificate(pem))
    .find((c) => (x5tS256 && norm(c.fingerprint256) === x5tS256) || (x5t && norm(c.fingerprint) === x5t));
  if (!certificate) {
    return fail(`The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${(x5tS256 ?? x5t ?? '').toUpperCase()}']`);
  }
  const signingInput = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2]!, 'base64url');
  const key = alg === 'PS256'
    ? { key: certificate.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }
    : certificate.publicKey;
  if (!verify('sha256', signingInput, key, signature)) return fail('Client assertion failed signature validation.');

  const now = Math.floor(Date.now() / 1000);
  if (claims.aud !== audience) return fail(`The audience claim '${String(claims.aud)}' does not match the token endpoint '${audience}'.`, 50027);
  if (claims.iss !== app.clientId || claims.sub !== app.clientId) return fail('The iss and sub claims of the client assertion must be the client id.', 50027);
  if (typeof claims.exp !== 'number' || claims.exp < now || (typeof claims.nbf === 'number' && claims.nbf > now + 300)) {
    return fail('Client assertion is not within its valid time range.', 700024);
  }
  return { alg, x5tS256, x5c: Array.isArray(header.x5c), aud: String(claims.aud), iss: String(claims.iss) };
}

const norm = (fingerprint: string) => fingerprint.replaceAll(':', '').toLowerCase();

function aadError(status: number, error: string, code: number, description: string): DoubleResponse {
  const traceId = randomUUID();
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description} Trace ID: ${traceId} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString()}`,
      error_codes: [code],
      timestamp: new Date().toISOString(),
      trace_id: traceId,
      correlation_id: randomUUID(),
    },
  };
}
