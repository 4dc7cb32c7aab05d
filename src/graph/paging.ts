/**
 * Paging by `@odata.nextLink` (issue 4): Graph returns a collection a page at a time and the next page's
 * full URL in `@odata.nextLink` (opaque: follow it as given, never build it). The last page has none — or,
 * for a delta query, an `@odata.deltaLink` instead, which is why whole pages are yielded, not just items.
 */
export interface ODataPage<T> {
  value: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
  [key: string]: unknown;
}

export type PageFetcher = <T>(pathOrUrl: string) => Promise<ODataPage<T>>;

export class GraphPagingError extends Error {
  override name = 'GraphPagingError';
}

/**
 * Pages from `first` (a path under the Graph base URL, or a full URL) to the end. A nextLink must stay on
 * the Graph origin — the bearer token goes wherever it points — and must not repeat (a server bug would
 * otherwise loop forever).
 */
export async function* pagesOf<T>(fetchPage: PageFetcher, first: string, graphOrigin: string): AsyncGenerator<ODataPage<T>> {
  const seen = new Set<string>();
  let next: string | undefined = first;
  while (next !== undefined) {
    const page: ODataPage<T> = await fetchPage<T>(next);
    if (!Array.isArray(page?.value)) throw new GraphPagingError(`${next} did not answer a collection (no "value" array)`);
    yield page;
    const link = page['@odata.nextLink'];
    if (link === undefined) return;
    if (new URL(link).origin !== graphOrigin) throw new GraphPagingError(`@odata.nextLink leaves ${graphOrigin}: ${new URL(link).origin}`);
    if (seen.has(link)) throw new GraphPagingError(`@odata.nextLink repeats itself: ${link}`);
    seen.add(link);
    next = link;
  }
}

export async function* itemsOf<T>(pages: AsyncIterable<ODataPage<T>>): AsyncGenerator<T> {
  for await (const page of pages) yield* page.value;
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}
