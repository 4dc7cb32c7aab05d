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
