import type { Config } from '../config.js';
import { defaultJwksUrl, tokenVerifier } from './bearer-token.js';
import type { Identification } from './caller.js';
import type { TabSettings } from './schemas/settings.js';

/**
 * How the API identifies callers in this mode: tenant mode checks Entra tokens for this app (the client id is
 * MICROSOFT_APP_ID, the v1 audience TAB_API_AUDIENCE or api://{PUBLIC_HOSTNAME}/{MICROSOFT_APP_ID}); local
 * mode takes the person the local picker names.
 */
export function identificationFor(config: Config): Identification {
  if (config.MODE === 'local') return { mode: 'local' };
  const apiAudience = config.TAB_API_AUDIENCE ?? (config.PUBLIC_HOSTNAME ? `api://${config.PUBLIC_HOSTNAME}/${config.MICROSOFT_APP_ID}` : undefined);
  return {
    mode: 'tenant',
    verify: tokenVerifier({
      clientId: config.MICROSOFT_APP_ID,
      apiAudience,
      tenantIds: [config.MICROSOFT_APP_TENANT_ID],
      jwksUrl: config.TAB_API_JWKS_URL ?? defaultJwksUrl(config.MICROSOFT_APP_TENANT_ID),
    }),
  };
}

/** What the tab is told about signing in (GET /api/v1/settings): the client id and API scope NAA asks a token for. */
export function tabSettingsFor(config: Config): TabSettings {
  if (config.MODE === 'local') return { mode: 'local' };
  const resource = config.TAB_API_AUDIENCE ?? `api://${config.PUBLIC_HOSTNAME ?? 'localhost'}/${config.MICROSOFT_APP_ID}`;
  return { mode: 'tenant', clientId: config.MICROSOFT_APP_ID, tenantId: config.MICROSOFT_APP_TENANT_ID, apiScope: `${resource}/access_as_user` };
}
