/**
 * When a store began to be used, from its records: the earliest `createdAt`. A fresh install's seed (or the
 * first read of a site's lists, whose items keep their SharePoint creation time) dates it, and an install
 * upgraded with months of records is dated by them — no separate "installed at" to keep or migrate.
 */
export function inUseSince(...lists: readonly (readonly { createdAt: string }[])[]): string | undefined {
  let earliest: string | undefined;
  for (const list of lists) {
    for (const { createdAt } of list) if (earliest === undefined || Date.parse(createdAt) < Date.parse(earliest)) earliest = createdAt;
  }
  return earliest;
}

/** The Monday digest looks back over the week before it: it goes out once the store was in use all that week. */
export const WEEK_OF_USE_MS = 7 * 24 * 3_600_000;

export function usedForAWeekBefore(since: string | undefined, dueAt: Date): boolean {
  return since !== undefined && Date.parse(since) <= dueAt.getTime() - WEEK_OF_USE_MS;
}
