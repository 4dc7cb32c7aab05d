import { createNestablePublicClientApplication, InteractionRequiredAuthError, type IPublicClientApplication } from '@azure/msal-browser';
import { authentication, nestedAppAuth } from '@microsoft/teams-js';
import type { TabSettings } from '../api/tab-settings';

/** What the API client puts on each request to say who is asking. */
export type Credentials = () => Promise<Record<string, string>>;

/** The header the local-mode identity picker sends (src/api/caller.ts LOCAL_USER_HEADER). */
export const LOCAL_USER_HEADER = 'X-HoivaCRM-Local-User';

/** Local mode: no sign-in; the person chosen in the "Paikallinen tila" picker. */
export function localCredentials(userId: () => string | undefined): Credentials {
  return async (): Promise<Record<string, string>> => {
    const id = userId();
    return id ? { [LOCAL_USER_HEADER]: id } : {};
  };
}

/**
 * Tenant mode: Nested App Authentication — MSAL.js talks to the Teams host, which signs the user in and hands out a
 * token for the app's own API scope (api://{host}/{clientId}/access_as_user). Where the host does not recommend NAA,
 * TeamsJS's getAuthToken (the older SSO) gets the same kind of token.
 */
export function tenantCredentials(settings: Extract<TabSettings, { mode: 'tenant' }>): Credentials {
  let msal: Promise<IPublicClientApplication> | undefined;
  const naa = () =>
    (msal ??= createNestablePublicClientApplication({
      auth: { clientId: settings.clientId, authority: `https://login.microsoftonline.com/${settings.tenantId}` },
    }));
  const scopes = [settings.apiScope];
  return async () => {
    let token: string;
    if (nestedAppAuth.isNAAChannelRecommended()) {
      const client = await naa();
      try {
        token = (await client.acquireTokenSilent({ scopes })).accessToken;
      } catch (error) {
        if (!(error instanceof InteractionRequiredAuthError)) throw error;
        token = (await client.acquireTokenPopup({ scopes })).accessToken;
      }
    } else {
      token = await authentication.getAuthToken();
    }
    return { Authorization: `Bearer ${token}` };
  };
}
