import type { EventBase } from '../events.js';
import type { WeeklyDigestContent } from '../metrics/weekly-digest.js';

/** The Monday digest for the management channel (seed 002: "no entries for two weeks — what is wrong?"). */
export interface WeeklyDigestData extends WeeklyDigestContent {
  /** ISO week, e.g. 2026-W48. */
  week: string;
  weekNumber: number;
  /** The day the digest was made (Helsinki). */
  today: string;
}

export type WeeklyDigestEvent = EventBase<'digest.weekly', WeeklyDigestData>;
