import { LOCAL_USER_HEADER } from '../../src/api/caller.js';
import type { BotHarness } from './bot-harness.js';

export interface LocalApiCall {
  method?: string;
  /** A JSON body. */
  body?: unknown;
  /** A body sent as is (a malformed one). */
  raw?: string;
  /** Accept-Language. */
  lang?: string;
}

/**
 * The tab's API as the local-mode tab calls it: `/api/v1{path}` as the person the local picker names (their Entra
 * object id; undefined: nobody), with the answer's status and parsed body.
 */
export function localApi(h: BotHarness) {
  return async (path: string, as: string | undefined, init: LocalApiCall = {}): Promise<{ status: number; body: any }> => {
    const response = await fetch(`${h.app.url}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: {
        ...(as ? { [LOCAL_USER_HEADER]: as } : {}),
        ...(init.body !== undefined || init.raw !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.lang ? { 'accept-language': init.lang } : {}),
      },
      ...(init.raw !== undefined ? { body: init.raw } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
    return { status: response.status, body: (await response.json()) as any };
  };
}
