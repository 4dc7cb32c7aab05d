import type Database from 'better-sqlite3';
import type { RecordKind } from '../record-kinds.js';

/**
 * A counter per record kind and connection, bumped by every write of that kind (a commit, a record removed
 * from the mirror): a cache of a kind's rows is good while its counter is unchanged. Every record write of
 * both adapters goes through SqliteRecordStore (the SharePoint store's mirror included), which bumps it.
 */
const generations = new WeakMap<Database.Database, Map<RecordKind, number>>();

function of(db: Database.Database): Map<RecordKind, number> {
  let map = generations.get(db);
  if (!map) {
    map = new Map();
    generations.set(db, map);
  }
  return map;
}

export function bumpGeneration(db: Database.Database, kind: RecordKind): void {
  const map = of(db);
  map.set(kind, (map.get(kind) ?? 0) + 1);
}

export function generationOf(db: Database.Database, kind: RecordKind): number {
  return of(db).get(kind) ?? 0;
}

/** A value computed from a kind's rows, recomputed after the kind was written. */
export class KindCache<T> {
  private value: { generation: number; data: T } | undefined;

  constructor(private readonly db: Database.Database, private readonly kind: RecordKind, private readonly load: () => T) {}

  get(): T {
    const generation = generationOf(this.db, this.kind);
    if (this.value?.generation !== generation) this.value = { generation, data: this.load() };
    return this.value.data;
  }
}

/**
 * Values computed from several kinds' rows, one per key (a query's parameters), each good while none of those
 * kinds was written since — the figures' aggregates, which a page view asks again and again between writes. At
 * most `capacity` keys are kept (the oldest computed goes first): the keys are a day and a reader's homes, few.
 * A value is shared by every caller until it is recomputed: callers must not change it.
 */
export class KindsMemo<T> {
  private readonly entries = new Map<string, { stamp: string; data: T }>();

  constructor(private readonly db: Database.Database, private readonly kinds: readonly RecordKind[], private readonly capacity = 16) {}

  get(key: string, load: () => T): T {
    const stamp = this.kinds.map((kind) => generationOf(this.db, kind)).join(' ');
    const kept = this.entries.get(key);
    if (kept?.stamp === stamp) return kept.data;
    const data = load();
    this.entries.delete(key);
    this.entries.set(key, { stamp, data });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return data;
  }
}
