import { addDays, instantAt } from '../../../domain/dates.js';
import type { ActorRef } from '../../../domain/records/common.js';
import { stableIdFor } from '../../../domain/stable-id.js';
import type { Prng } from './prng.js';

/** What every generator shares: the random stream, the day the data is "as of", and stable ids. */
export interface GenContext {
  prng: Prng;
  /** The demo's today (Helsinki date): recent entries, silent customers and overdue complaints count from it. */
  today: string;
  /** When the seed ran: the `at` of its change sets. */
  seededAt: string;
}

/** A stable id per generated record, so the same scale gives the same ids (links in a demo script stay valid). */
export function largeId(kind: string, n: number | string): string {
  return stableIdFor(`large:${kind}:${n}`);
}

/**
 * Helsinki midnight of each date in ms: `instantAt` builds a date formatter per call, too slow for two
 * million entries, so it runs once per distinct day (a few thousand) and the hour is added to that.
 */
const midnightMs = new Map<string, number>();
function helsinkiMidnight(date: string): number {
  let ms = midnightMs.get(date);
  if (ms === undefined) {
    // Noon is never inside a daylight-saving switch (03:00/04:00), so its offset holds for the working day.
    ms = instantAt(date, '12:00').getTime() - 12 * 3_600_000;
    midnightMs.set(date, ms);
  }
  return ms;
}

/** A working-hours instant (08–16 Helsinki time) on `date`, as ISO UTC. */
export function instantOn(ctx: GenContext, date: string): string {
  const minutes = ctx.prng.int(8 * 60, 16 * 60 - 1);
  return new Date(helsinkiMidnight(date) + minutes * 60_000).toISOString();
}

/** Meta fields of a record first written on `date` by `by` (its history starts when it happened). */
export function metaOn(ctx: GenContext, date: string, by: ActorRef | string) {
  // Today's entries are "typed in" no later than the seed ran.
  const at = [instantOn(ctx, date), ctx.seededAt].sort()[0]!;
  return { version: 1, createdAt: at, createdBy: typeof by === 'string' ? by : by.id, updatedAt: at };
}

/** A day `min`…`max` days before today. */
export function daysAgo(ctx: GenContext, min: number, max: number): string {
  return addDays(ctx.today, -ctx.prng.int(min, max));
}
