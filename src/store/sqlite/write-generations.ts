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

/** A write of `kind`; `customerIds`: the customers it touched, when the writer knows them (see the journal below). */
export function bumpGeneration(db: Database.Database, kind: RecordKind, customerIds?: readonly string[]): void {
  const map = of(db);
  map.set(kind, (map.get(kind) ?? 0) + 1);
  const journal = journalOf(db);
  journal.touches.push({ seq: ++journal.seq, kind, customerIds: customerIds ?? null });
  if (journal.touches.length > JOURNAL_SIZE) journal.touches.splice(0, journal.touches.length - JOURNAL_SIZE);
}

/**
 * The latest writes per connection, with the customers each touched (the audit entry's customers: both versions'
 * of a moved entry): a kept aggregate per customer can recompute only those instead of every customer. Bounded;
 * a value kept from before the oldest write noted, or across a write whose customers were not given, is
 * recomputed in full.
 */
interface Touch {
  seq: number;
  kind: RecordKind;
  customerIds: readonly string[] | null;
}
const JOURNAL_SIZE = 1000;
const journals = new WeakMap<Database.Database, { seq: number; touches: Touch[] }>();

function journalOf(db: Database.Database): { seq: number; touches: Touch[] } {
  let journal = journals.get(db);
  if (!journal) {
    journal = { seq: 0, touches: [] };
    journals.set(db, journal);
  }
  return journal;
}

/** The sequence number of the latest write. */
export function touchSeq(db: Database.Database): number {
  return journalOf(db).seq;
}

/** The customers writes of `kinds` touched after `seq`, or undefined when the journal no longer reaches back that far. */
export function customersTouchedSince(db: Database.Database, kinds: readonly RecordKind[], seq: number): string[] | undefined {
  const { touches } = journalOf(db);
  if (touches.length && touches[0]!.seq > seq + 1) return undefined;
  const ids = new Set<string>();
  for (const t of touches) {
    if (t.seq <= seq || !kinds.includes(t.kind)) continue;
    if (!t.customerIds) return undefined;
    t.customerIds.forEach((id) => ids.add(id));
  }
  return [...ids];
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
  private readonly entries = new Map<string, { stamp: string; seq: number; data: T }>();

  constructor(private readonly db: Database.Database, private readonly kinds: readonly RecordKind[], private readonly capacity = 16) {}

  /**
   * The kept value, or `load()` when a kind was written since; with `patch`, a value kept from before a write is
   * instead recomputed for the customers the writes touched (bumpGeneration), when the journal still has them.
   */
  get(key: string, load: () => T, patch?: (kept: T, customerIds: string[]) => T): T {
    const stamp = this.kinds.map((kind) => generationOf(this.db, kind)).join(' ');
    const seq = touchSeq(this.db);
    const kept = this.entries.get(key);
    if (kept?.stamp === stamp) return kept.data;
    const touched = kept && patch ? customersTouchedSince(this.db, this.kinds, kept.seq) : undefined;
    const data = kept && touched ? patch!(kept.data, touched) : load();
    this.entries.delete(key);
    this.entries.set(key, { stamp, seq, data });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return data;
  }
}
