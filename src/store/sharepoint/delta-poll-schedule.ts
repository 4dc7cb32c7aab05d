import type { RecordKind } from '../record-kinds.js';

/**
 * When to read which list's delta feed (issue 10). Every delta read costs SharePoint resource units whether
 * or not anything changed, so the lists are read in two groups: the ones people change often (by default
 * places and complaints) at `fastMs`, the rest at `slowMs`. A group's interval doubles after a read that
 * found nothing, up to `maxMs` (never below its own base), and drops back to its base after a read that
 * found a change, or when a Graph change notification arrives (`reset`). No timers here: the delta reader
 * asks `due(now)` and `msUntilNext(now)`, so the rules are tested without waiting.
 */
export interface DeltaPollSettings {
  /** The lists read often. */
  fastKinds: readonly RecordKind[];
  /** Base interval of the lists read often, ms. */
  fastMs: number;
  /** Base interval of the other lists, ms. */
  slowMs: number;
  /** Back-off cap, ms: an interval doubles after a read that found nothing, up to this. */
  maxMs: number;
}

interface Group {
  kinds: readonly RecordKind[];
  baseMs: number;
  capMs: number;
  intervalMs: number;
  dueAt: number;
}

export class DeltaPollSchedule {
  private readonly groups: Group[];

  constructor(settings: DeltaPollSettings, allKinds: readonly RecordKind[], now: number) {
    const fast = allKinds.filter((k) => settings.fastKinds.includes(k));
    const slow = allKinds.filter((k) => !settings.fastKinds.includes(k));
    this.groups = [
      { kinds: fast, baseMs: settings.fastMs },
      { kinds: slow, baseMs: settings.slowMs },
    ]
      .filter((g) => g.kinds.length > 0)
      .map((g) => ({ ...g, capMs: Math.max(settings.maxMs, g.baseMs), intervalMs: g.baseMs, dueAt: now + g.baseMs }));
  }

  /** The lists whose read is due at `now` (empty: nothing yet). */
  due(now: number): RecordKind[] {
    return this.groups.filter((g) => g.dueAt <= now).flatMap((g) => g.kinds);
  }

  msUntilNext(now: number): number {
    return Math.max(0, Math.min(...this.groups.map((g) => g.dueAt)) - now);
  }

  /** After a read of `read`: each group read in full moves on — its base interval if one of its lists changed, else doubled. */
  record(read: readonly RecordKind[], changed: ReadonlySet<RecordKind>, now: number): void {
    for (const g of this.groups) {
      if (!g.kinds.every((k) => read.includes(k))) continue;
      g.intervalMs = g.kinds.some((k) => changed.has(k)) ? g.baseMs : Math.min(g.capMs, g.intervalMs * 2);
      g.dueAt = now + g.intervalMs;
    }
  }

  /** A change notification: every group back to its base interval (the read it triggers then records itself). */
  reset(): void {
    for (const g of this.groups) g.intervalMs = g.baseMs;
  }

  /** For /healthz and the benchmark: each group's lists and current interval. */
  intervals(): { kinds: readonly RecordKind[]; intervalMs: number }[] {
    return this.groups.map((g) => ({ kinds: g.kinds, intervalMs: g.intervalMs }));
  }
}
