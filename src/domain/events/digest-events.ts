import type { EventBase } from '../events.js';

/** SLOT: the Monday digest for the management channel (seed 002: "no entries for two weeks"). */
export interface WeeklyDigestData {
  week: string;
}

export type WeeklyDigestEvent = EventBase<'digest.weekly', WeeklyDigestData>;
