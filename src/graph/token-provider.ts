import { X509Certificate, createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { AuthError, ConfidentialClientApplication, LogLevel, type Configuration } from '@azure/msal-node';
import type { Logger } from '../logger.js';
import { GraphAuthError } from './graph-errors.js';
import { graphEndpoints, graphSettingsEnv, type GraphSettings } from './graph-settings.js';
import type { HttpsTransport } from './https-transport.js';
import { MsalNetworkClient } from './msal-network-client.js';

/**
 * App-only tokens for Microsoft Graph (issue 4): msal-node's ConfidentialClientApplication with the client
 * credentials grant. A certificate is preferred — msal signs a client assertion (PS256, header x5t#S256 =
 * the certificate's SHA-256 thumbprint, x5c = the certificate so subject-name/issuer auth also works); a
 * client secret is accepted with a warning. msal's in-memory cache hands back the same token until it is
 * within five minutes of expiry (msal-common's DEFAULT_TOKEN_RENEWAL_OFFSET_SEC = 300), then fetches anew.
 */
export interface AccessTokenProvider {
  getAccessToken(): Promise<string>;
  readonly scope: string;
  readonly credential: 'certificate' | 'secret';
}

/** What msal's `clientCertificate` takes, read from one PEM file holding the certificate and its key. */
export interface CertificateCredential {
  thumbprintSha256: string;
  privateKey: string;
  /** The certificate chain in PEM; msal sends it as the x5c header. */
  x5c: string;
}

export function readCertificateCredential(path: string): CertificateCredential {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new GraphAuthError(`${graphSettingsEnv.certificatePath}: cannot read ${path}: ${(error as Error).message}`, undefined, error);
  }
  const certificates = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const key = pem.match(/-----BEGIN (?:RSA )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA )?PRIVATE KEY-----/)?.[0];
  if (certificates.length === 0 || !key) {
    const encrypted = /BEGIN ENCRYPTED PRIVATE KEY/.test(pem);
    throw new GraphAuthError(
      `${graphSettingsEnv.certificatePath}: ${path} must hold the certificate and its private key in PEM` +
        (encrypted ? ' (the key is encrypted: export it without a password)' : ''),
      undefined,
    );
  }
  const certificate = new X509Certificate(certificates[0]!);
  if (!certificate.checkPrivateKey(createPrivateKey(key))) {
    throw new GraphAuthError(`${graphSettingsEnv.certificatePath}: the private key in ${path} does not belong to its certificate`, undefined);
  }
  return {
    thumbprintSha256: certificate.fingerprint256.replaceAll(':', '').toLowerCase(),
    privateKey: key,
    x5c: certificates.join('\n'),
  };
}

export interface TokenProviderDeps {
  transport: HttpsTransport;
  logger?: Logger;
}

export function createTokenProvider(settings: GraphSettings, deps: TokenProviderDeps): AccessTokenProvider {
  const endpoints = graphEndpoints(settings);
  const credential = settings.certificatePath ? 'certificate' : 'secret';
  const certificate = settings.certificatePath ? readCertificateCredential(settings.certificatePath) : undefined;
  if (!certificate) {
    deps.logger?.warn('Microsoft Graph: authenticating with a client secret; a certificate is preferred (issue 4, README)', {
      setting: graphSettingsEnv.clientSecret,
    });
  }

  const networkClient = new MsalNetworkClient(deps.transport);
  const configuration: Configuration = {
    auth: {
      clientId: settings.clientId,
      authority: endpoints.authority,
      knownAuthorities: endpoints.knownAuthorities,
      ...(certificate ? { clientCertificate: certificate } : { clientSecret: settings.clientSecret! }),
    },
    system: {
      networkClient,
      loggerOptions: {
        logLevel: LogLevel.Warning,
        piiLoggingEnabled: false,
        loggerCallback: (level, message) => {
          if (level <= LogLevel.Error) deps.logger?.error('msal', { message });
          else if (level === LogLevel.Warning) deps.logger?.warn('msal', { message });
        },
      },
    },
  };
  const app = new ConfidentialClientApplication(configuration);
  const describe = `${endpoints.authority} (app ${settings.clientId}, ${
    certificate ? `certificate SHA-256 ${certificate.thumbprintSha256.slice(0, 12)}…` : 'client secret'
  })`;

  // Concurrent first calls share one token request instead of racing to the token endpoint.
  let inFlight: Promise<string> | undefined;
  const acquire = async (): Promise<string> => {
    networkClient.lastFailure = undefined;
    try {
      const result = await app.acquireTokenByClientCredential({ scopes: [endpoints.scope] });
      if (!result?.accessToken) throw new GraphAuthError(`No access token for ${endpoints.scope} from ${describe}`, undefined);
      return result.accessToken;
    } catch (error) {
      if (error instanceof GraphAuthError) throw error;
      const code = error instanceof AuthError ? error.errorCode : undefined;
      const detail = error instanceof AuthError ? [error.errorCode, error.errorMessage].filter(Boolean).join(': ') : String((error as Error)?.message ?? error);
      const network = networkClient.lastFailure ? ` (network: ${networkClient.lastFailure})` : '';
      throw new GraphAuthError(`Could not get a Microsoft Graph token from ${describe}: ${detail}${network}`, code, error);
    }
  };

  return {
    scope: endpoints.scope,
    credential,
    getAccessToken() {
      inFlight ??= acquire().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
  };
}
