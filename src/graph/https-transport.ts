import { readFileSync } from 'node:fs';
import { Agent, request as httpsRequest } from 'node:https';
import { rootCertificates } from 'node:tls';

/**
 * The one HTTPS transport under both msal (token requests) and the Graph client (everything else).
 *
 * Why our own and not the SDKs' global fetch: Node's fetch takes no CA option (undici's dispatcher is not
 * public in Node 20), so the only way to make it trust another CA is NODE_EXTRA_CA_CERTS, which Node reads
 * once at process start. node:https takes `ca` per agent, so an extra CA (a TLS-inspecting proxy in
 * production, the Graph double's throwaway certificate in tests) is trusted by exactly these requests and
 * nothing else, and tests run the very code production runs. Both SDKs expose the seam: msal-node's
 * `system.networkClient` and the Graph client's middleware chain (this is its last handler).
 */
export interface TransportRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

export interface TransportResponse {
  status: number;
  statusText: string;
  /** Header names lower-case; repeated headers joined with ", " (set-cookie kept as separate values). */
  headers: [string, string][];
  body: Buffer;
}

export interface HttpsTransportOptions {
  /** PEM of an extra CA to trust on top of the system roots. */
  extraCaPem?: string;
  timeoutMs: number;
  /** Sent when a request has no User-Agent of its own. */
  userAgent?: string;
}

export class HttpsTransport {
  private readonly agent: Agent;

  constructor(private readonly options: HttpsTransportOptions) {
    this.agent = new Agent({
      keepAlive: true,
      // `ca` replaces the default trust store, so keep the system roots and add the extra one.
      ...(options.extraCaPem ? { ca: [...rootCertificates, options.extraCaPem] } : {}),
    });
  }

  static withCaFile(path: string | undefined, options: Omit<HttpsTransportOptions, 'extraCaPem'>): HttpsTransport {
    return new HttpsTransport({ ...options, extraCaPem: path ? readFileSync(path, 'utf8') : undefined });
  }

  send(request: TransportRequest): Promise<TransportResponse> {
    const url = new URL(request.url);
    if (url.protocol !== 'https:') {
      return Promise.reject(new Error(`Refusing ${request.method} ${url.origin}: Microsoft Graph and the authority are https only`));
    }
    const headers: Record<string, string> = { ...request.headers };
    if (this.options.userAgent && !Object.keys(headers).some((h) => h.toLowerCase() === 'user-agent')) {
      headers['User-Agent'] = this.options.userAgent;
    }
    const body = request.body === undefined ? undefined : typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : Buffer.from(request.body);
    if (body && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) headers['Content-Length'] = String(body.length);

    return new Promise<TransportResponse>((resolve, reject) => {
      const req = httpsRequest(url, { method: request.method, headers, agent: this.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const pairs: [string, string][] = [];
          for (const [name, value] of Object.entries(res.headers)) {
            if (value === undefined) continue;
            if (Array.isArray(value)) {
              if (name === 'set-cookie') value.forEach((v) => pairs.push([name, v]));
              else pairs.push([name, value.join(', ')]);
            } else pairs.push([name, value]);
          }
          resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: pairs, body: Buffer.concat(chunks) });
        });
      });
      req.setTimeout(this.options.timeoutMs, () =>
        req.destroy(new Error(`${request.method} ${url.origin}${url.pathname} got no answer within ${this.options.timeoutMs} ms`)),
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Closes the kept-alive connections (tests; a clean shutdown). */
  close(): void {
    this.agent.destroy();
  }
}

export function headerValue(response: TransportResponse, name: string): string | undefined {
  const lower = name.toLowerCase();
  return response.headers.find(([n]) => n === lower)?.[1];
}
