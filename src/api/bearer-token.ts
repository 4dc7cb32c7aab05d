import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

/**
 * The tab's sign-in token (Nested App Authentication, or `authentication.getAuthToken()`), checked the way Entra
 * issues it (issue 13): signed RS256 by a key of the tenant's JWKS (never `alg: none`, never HS256 with a
 * guessed secret), not expired and not before its time, from an allowed tenant, for this app's API, with the
 * scope `access_as_user` — in either of the two token forms Entra issues, depending on the registration's
 * `accessTokenAcceptedVersion`:
 * - v2: `aud` = the client id, `iss` = https://login.microsoftonline.com/{tid}/v2.0
 * - v1: `aud` = api://{host}/{clientId}, `iss` = https://sts.windows.net/{tid}/
 */
export interface TokenSettings {
  clientId: string;
  /** The exposed API's identifier: the audience of v1 tokens. */
  apiAudience: string | undefined;
  tenantIds: readonly string[];
  /** Where the tenant's signing keys are read (tests serve their own). */
  jwksUrl: string;
}

export const REQUIRED_SCOPE = 'access_as_user';

/** Who the token says signed in: the Entra object id (the people list's userId) and the display name. */
export interface TokenIdentity {
  oid: string;
  name: string;
  tid: string;
}

export class TokenRefused extends Error {
  override name = 'TokenRefused';
}

export function defaultJwksUrl(tenantId: string): string {
  return `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`;
}

export function tokenVerifier(settings: TokenSettings, keys: JWTVerifyGetKey = createRemoteJWKSet(new URL(settings.jwksUrl))) {
  const v2Issuer = (tid: string) => `https://login.microsoftonline.com/${tid}/v2.0`;
  const v1Issuer = (tid: string) => `https://sts.windows.net/${tid}/`;
  const issuers = settings.tenantIds.flatMap((tid) => [v2Issuer(tid), v1Issuer(tid)]);
  const audiences = [settings.clientId, ...(settings.apiAudience ? [settings.apiAudience] : [])];

  return async function verify(token: string): Promise<TokenIdentity> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, keys, { algorithms: ['RS256'], issuer: issuers, audience: audiences, clockTolerance: 60 }));
    } catch (error) {
      if (error instanceof errors.JOSEError || error instanceof TypeError) throw new TokenRefused(error.message);
      throw error;
    }
    const tid = typeof payload.tid === 'string' ? payload.tid : '';
    if (!settings.tenantIds.includes(tid)) throw new TokenRefused('tenant not allowed');
    // The form decides the audience: a v2 token is for the client id, a v1 token for the API's identifier.
    const expected = payload.iss === v2Issuer(tid) ? settings.clientId : payload.iss === v1Issuer(tid) ? settings.apiAudience : undefined;
    const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!expected || !aud.includes(expected)) throw new TokenRefused('issuer and audience do not match one token form of this tenant');
    const scopes = typeof payload.scp === 'string' ? payload.scp.split(' ') : [];
    if (!scopes.includes(REQUIRED_SCOPE)) throw new TokenRefused(`scope ${REQUIRED_SCOPE} missing`);
    if (typeof payload.oid !== 'string' || payload.oid === '') throw new TokenRefused('no oid');
    return { oid: payload.oid, name: typeof payload.name === 'string' ? payload.name : payload.oid, tid };
  };
}

export type TokenVerifier = ReturnType<typeof tokenVerifier>;
