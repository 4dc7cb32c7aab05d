import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { HttpsTransport } from './https-transport.js';

/**
 * msal-node's network seam (`system.networkClient`) over our HTTPS transport. Behaves like msal-node 7's
 * own HttpClient (native fetch): GET/POST, JSON body parsed, headers as a plain object, non-2xx statuses
 * returned rather than thrown (msal turns an error body into a ServerError itself).
 */
export class MsalNetworkClient implements INetworkModule {
  /**
   * The last transport failure. msal swallows a failed OpenID-configuration GET and reports only
   * endpoints_resolution_error; the token provider adds this so the real cause (an untrusted certificate,
   * a refused connection) reaches the administrator.
   */
  lastFailure: string | undefined;

  constructor(private readonly transport: HttpsTransport) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    let response;
    try {
      response = await this.transport.send({
        method,
        url,
        headers: options?.headers ?? {},
        body: method === 'POST' ? (options?.body ?? '') : undefined,
      });
    } catch (error) {
      this.lastFailure = `${method} ${new URL(url).origin}${new URL(url).pathname}: ${error instanceof Error ? error.message : String(error)}`;
      throw new Error(`Network request to ${new URL(url).origin} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const text = response.body.toString('utf8');
    let body: T;
    try {
      body = JSON.parse(text) as T;
    } catch {
      throw new Error(`The authority answered ${method} ${new URL(url).pathname} with ${response.status} and a body that is not JSON`);
    }
    return { headers: Object.fromEntries(response.headers), body, status: response.status };
  }
}
