import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { HttpsTransport } from './https-transport.js';
import { requestHeaders, requestMethod, requestUrl } from './request-headers.js';

/**
 * The last handler of the Graph pipeline: sends the request over our HttpsTransport (see https-transport.ts
 * for why not the SDK's fetch-based HTTPMessageHandler) and hands a fetch `Response` back up the chain, which
 * is what the SDK's response handling and the other handlers expect.
 */
export class TransportHandler implements Middleware {
  constructor(private readonly transport: HttpsTransport) {}

  async execute(context: Context): Promise<void> {
    const headers: Record<string, string> = {};
    requestHeaders(context).forEach((value, name) => {
      headers[name] = value;
    });
    const result = await this.transport.send({
      method: requestMethod(context),
      url: requestUrl(context),
      headers,
      body: bodyOf(context.options?.body),
    });
    const nullBody = [101, 204, 205, 304].includes(result.status);
    context.response = new Response(nullBody ? null : new Uint8Array(result.body), {
      status: result.status,
      statusText: result.statusText,
      headers: result.headers,
    });
  }
}

function bodyOf(body: unknown): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError(`The Graph transport sends string and byte bodies only, not ${Object.prototype.toString.call(body)}`);
}
