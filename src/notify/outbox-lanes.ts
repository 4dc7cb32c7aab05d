import type { OutboxEntry } from '../store/store-port.js';
import { isChannelAudience } from './audience.js';

/**
 * The outbox in lanes (issue 9): one lane per conversation a row goes to, served strictly in order, while
 * the lanes run side by side, so a throttled or hung conversation holds up only itself.
 *
 * - A post to a channel: the channel's lane; a personal post: that person's lane.
 * - An update replaces the cards posted for one record: the record's lane, so a record's updates land in
 *   the order they happened (and an update waits for its record's post, see OutboxWorker.deliverUpdate).
 */
export function laneOf(entry: Pick<OutboxEntry, 'mode' | 'audience' | 'recipient' | 'recordKey'>): string {
  if (entry.mode === 'update') return `record:${entry.recordKey ?? ''}`;
  if (entry.audience === 'calendar') return `calendar:${entry.recipient}`;
  return isChannelAudience(entry.audience) ? `channel:${entry.audience}` : `person:${entry.recipient}`;
}

export type LaneState =
  /** The row to deliver now. */
  | { kind: 'due'; entry: OutboxEntry }
  /** The lane is blocked until `untilMs`: its first row is being sent, or waits for a retry or a conversation. */
  | { kind: 'blocked'; untilMs: number }
  | { kind: 'empty' };

/**
 * Which row of a lane (its unsent rows, oldest first) goes next. A row that has never been tried and is not
 * due yet (a reminder for next week) is scheduled, not queued: it does not hold up the rows behind it. Any
 * other row not due — leased by a post in flight, waiting for a retry or for a conversation — blocks the
 * lane, so no later card overtakes it.
 */
export function laneHead(rows: readonly OutboxEntry[], nowMs: number): LaneState {
  for (const entry of rows) {
    const dueMs = Date.parse(entry.nextAttemptAt);
    if (dueMs <= nowMs) return { kind: 'due', entry };
    const scheduled = entry.status === 'pending' && entry.attempts === 0 && !entry.lastError;
    if (!scheduled) return { kind: 'blocked', untilMs: dueMs };
  }
  return { kind: 'empty' };
}

/** The unsent rows grouped by lane, each lane oldest first (the rows come ordered by id). */
export function lanesOf(rows: readonly OutboxEntry[]): Map<string, OutboxEntry[]> {
  const lanes = new Map<string, OutboxEntry[]>();
  for (const row of rows) {
    const key = laneOf(row);
    const lane = lanes.get(key);
    if (lane) lane.push(row);
    else lanes.set(key, [row]);
  }
  return lanes;
}

/** When the next scheduled row (not blocking anyone) comes due, to wake the worker for it. */
export function nextScheduledMs(rows: readonly OutboxEntry[], nowMs: number): number | undefined {
  let soonest: number | undefined;
  for (const row of rows) {
    const dueMs = Date.parse(row.nextAttemptAt);
    if (dueMs > nowMs && (soonest === undefined || dueMs < soonest)) soonest = dueMs;
  }
  return soonest;
}
