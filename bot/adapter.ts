import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Config } from '../src/config.js';
import type { Logger } from '../src/logger.js';

/**
 * The Bot Framework adapter. Local mode has no app id, which turns botbuilder's authentication off
 * (so the server listens on loopback only); tenant mode is a SingleTenant registration authenticated
 * with a certificate (or a secret, with a warning).
 */
export function createAdapter(config: Config, logger: Logger): { adapter: CloudAdapter; appId: string; auth: ConfigurationBotFrameworkAuthentication } {
  let auth: ConfigurationBotFrameworkAuthentication;
  let appId = '';
  if (config.MODE === 'local') {
    auth = new ConfigurationBotFrameworkAuthentication({});
  } else {
    appId = config.MICROSOFT_APP_ID;
    const options: Record<string, string> = {
      MicrosoftAppId: config.MICROSOFT_APP_ID,
      MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
      MicrosoftAppType: config.MICROSOFT_APP_TYPE,
    };
    if (config.MICROSOFT_APP_CERTIFICATE_PATH) {
      const pem = readFileSync(config.MICROSOFT_APP_CERTIFICATE_PATH, 'utf8');
      const certificate = new X509Certificate(pem);
      options.CertificateThumbprint = certificate.fingerprint.replace(/:/g, '');
      options.CertificatePrivateKey = pem;
    } else if (config.MICROSOFT_APP_PASSWORD) {
      logger.warn('The bot authenticates with a client secret; a certificate (MICROSOFT_APP_CERTIFICATE_PATH) is preferred.');
      options.MicrosoftAppPassword = config.MICROSOFT_APP_PASSWORD;
    }
    auth = new ConfigurationBotFrameworkAuthentication(options);
  }
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error('bot turn failed', { error: error.stack ?? String(error), activityType: context.activity.type });
  };
  return { adapter, appId, auth };
}
