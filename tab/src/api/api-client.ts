import type { z } from 'zod';
import { apiErrorSchema, type ApiErrorBody, type ApiErrorCode } from '../../../src/api/schemas/errors';
import type { Credentials } from '../auth/token-source';

/** A refusal from the API, as its typed body says it: the page shows `message` and each field's message. */
export class TabApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | 'network',
    message: string,
    readonly fields: { field: string; message: string }[] = [],
    readonly changedFirst?: ApiErrorBody['error']['changedFirst'],
  ) {
    super(message);
    this.name = 'TabApiError';
  }
}

export interface ApiClient {
  get<S extends z.ZodType>(schema: S, path: string, query?: Record<string, string | number | undefined>): Promise<z.infer<S>>;
  send<S extends z.ZodType>(schema: S, method: 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<z.infer<S>>;
}

/**
 * The only way the tab talks to the server: /api/v1 with the caller's credentials and language; every answer is
 * checked against the same zod schema the server answers through, every refusal becomes a TabApiError.
 */
export function apiClient(credentials: Credentials, locale: () => string, networkMessage: () => string): ApiClient {
  async function call<S extends z.ZodType>(schema: S, method: string, path: string, body?: unknown): Promise<z.infer<S>> {
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': locale(), ...(await credentials()) };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(`/api/v1${path}`, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    } catch {
      throw new TabApiError(0, 'network', networkMessage());
    }
    const json: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const refusal = apiErrorSchema.safeParse(json);
      if (refusal.success) {
        const { code, message, fields, changedFirst } = refusal.data.error;
        throw new TabApiError(response.status, code, message, fields ?? [], changedFirst);
      }
      throw new TabApiError(response.status, 'internal', `${networkMessage()} (HTTP ${response.status})`);
    }
    return schema.parse(json);
  }
  return {
    get(schema, path, query) {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== '') search.set(key, String(value));
      const suffix = search.size > 0 ? `?${search.toString()}` : '';
      return call(schema, 'GET', `${path}${suffix}`);
    },
    send(schema, method, path, body) {
      return call(schema, method, path, body);
    },
  };
}
