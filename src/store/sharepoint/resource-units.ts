import type { DeltaPollSettings } from './delta-poll-schedule.js';

/**
 * SharePoint Online's resource-unit cost of Microsoft Graph requests, from "Avoid getting throttled or
 * blocked in SharePoint Online" (learn.microsoft.com/sharepoint/dev/general-development/
 * how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online): 1 RU for a single-item query (get item)
 * or a delta with a token; 2 RU for a multi-item query (list items, a delta without a token) and for a
 * create, update or delete; the requests inside a `$batch` are counted one by one. An application's
 * smallest budget (tenants of up to 1,000 licences) is 1,250 RU per minute. Microsoft may change these.
 */
export const smallestTierRuPerMinute = 1_250;

/** What one Graph request (a `$batch`'s inner request counted on its own; the envelope is 0) costs in RU. */
export function resourceUnitsOf(method: string, path: string): number {
  const m = method.toUpperCase();
  const [route, query = ''] = path.split('?');
  if (route === '/$batch') return 0;
  if (m !== 'GET') return 2;
  if (/\/items\/delta$/.test(route!)) return /(^|&)token=/.test(query) ? 1 : 2;
  if (/\/items\/[^/]+$/.test(route!)) return 1;
  return 2;
}

/**
 * Resource units per hour that delta polling alone costs at `settings` over `listCount` lists: `busy` when
 * every read finds a change (no back-off), `quiet` when nothing changes (every group at its cap). Each
 * list's read is one delta request with a token (1 RU) while its changes fit one page.
 */
export function pollingRuPerHour(settings: DeltaPollSettings, listCount: number): { busy: number; quiet: number } {
  const hour = 3_600_000;
  const fast = Math.min(settings.fastKinds.length, listCount);
  const slow = listCount - fast;
  const per = (lists: number, ms: number) => (lists * hour) / ms;
  return {
    busy: per(fast, settings.fastMs) + per(slow, settings.slowMs),
    quiet: per(fast, Math.max(settings.maxMs, settings.fastMs)) + per(slow, Math.max(settings.maxMs, settings.slowMs)),
  };
}
