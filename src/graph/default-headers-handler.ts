import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { GraphRequestRefusedError } from './graph-errors.js';
import { requestHeaders, requestMethod, requestUrl, setRequestHeader } from './request-headers.js';

/**
 * Pipeline plug-in: decorates every Graph request with SharePoint's traffic decoration
 * (`User-Agent: NONISV|Company|HoivaCRM/version`, issue 4) and refuses the development-only
 * `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` header: a query that needs it filters a column that
 * is not indexed and will fail once the list passes 5,000 items, so the fix is an index, never the header.
 */
export const nonIndexedPreference = 'HonorNonIndexedQueriesWarningMayFailRandomly';

export function assertNoNonIndexedPreference(headers: Headers, what: string): void {
  if ((headers.get('prefer') ?? '').toLowerCase().includes(nonIndexedPreference.toLowerCase())) {
    throw new GraphRequestRefusedError(
      `${what}: the Prefer: ${nonIndexedPreference} header is for development only (issue 4); index the filtered column instead`,
    );
  }
}

export class DefaultHeadersHandler implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly userAgent: string) {}

  async execute(context: Context): Promise<void> {
    assertNoNonIndexedPreference(requestHeaders(context), `${requestMethod(context)} ${new URL(requestUrl(context)).pathname}`);
    setRequestHeader(context, 'User-Agent', this.userAgent);
    await this.next!.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
