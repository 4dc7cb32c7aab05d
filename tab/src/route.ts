import { useEffect, useState } from 'react';

/** The tab's pages; a channel tab's configuration saves one of these as its entityId. */
export const pages = ['occupancy', 'customers', 'complaints', 'figures'] as const;
export type PageName = (typeof pages)[number];

/** Where the tab is: `#/customers/<id>` → { page: 'customers', rest: ['<id>'] }. */
export interface Route {
  page: PageName;
  rest: string[];
}

export function routeOf(hash: string, fallback: PageName): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const page = (pages as readonly string[]).includes(parts[0] ?? '') ? (parts[0] as PageName) : fallback;
  return { page, rest: page === parts[0] ? parts.slice(1) : [] };
}

export function hrefOf(page: PageName, ...rest: string[]): string {
  return `#/${[page, ...rest].map(encodeURIComponent).join('/')}`;
}

export function navigate(page: PageName, ...rest: string[]): void {
  window.location.hash = hrefOf(page, ...rest);
}

/** The current route, following hash changes (back and forward work as in any web page). */
export function useRoute(fallback: PageName): Route {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const follow = () => setHash(window.location.hash);
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return routeOf(hash, fallback);
}
