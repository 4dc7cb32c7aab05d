import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Audience, ChannelAudience } from '../../notify/audience.js';
import { storedSchemas, type RecordKind, type RecordOf } from '../record-kinds.js';
import {
  ConcurrencyConflict,
  type ChangeSet,
  type ChannelBinding,
  type CommitResult,
  type ConversationStore,
  type Filter,
  type NotificationVariant,
  type OutboxCounts,
  type OutboxEntry,
  type OutboxStatus,
  type OutboxStore,
  type RecordStore,
  type Store,
  type StoredConversation,
} from '../store-port.js';
import { auditOfWrite, customersOf, systemActor } from '../audit.js';
import { migrate } from './migrate.js';
import { ensureFiguresFacts, rederivePlaceFacts, rederiveSegments } from './figures-facts.js';
import { SqliteAuditStore } from './sqlite-audit.js';
import { prepared } from './prepared.js';
import { tableName, toSql } from './sql-columns.js';
import { readMeterOf, type ReadMeter } from './read-meter.js';
import { columnsOf, mappedRow, parsedRow } from './row-mapping.js';
import { SqliteRecordQueries } from './sqlite-queries.js';
import { bumpGeneration } from './write-generations.js';

/**
 * The embedded store: one SQLite file (WAL mode), migrated on open. better-sqlite3 is synchronous, which
 * is what makes `commit` one real transaction: records, outbox rows and the idempotency key together.
 */
export interface SqliteStore extends Store {
  /** Rows read per connection, for the tests that keep request paths narrow. */
  readonly readMeter: ReadMeter;
}

export function openSqliteStore(file: string): SqliteStore {
  const db = openSqliteDatabase(file);
  return {
    records: new SqliteRecordStore(db),
    queries: new SqliteRecordQueries(db),
    readMeter: readMeterOf(db),
    conversations: new SqliteConversationStore(db),
    outbox: new SqliteOutboxStore(db),
    audit: new SqliteAuditStore(db),
    close: async () => {
      db.close();
    },
  };
}

/** The SQLite file, in WAL mode and migrated: the store itself, or the SharePoint store's mirror. */
export function openSqliteDatabase(file: string): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  ensureFiguresFacts(db);
  return db;
}

export class SqliteRecordStore implements RecordStore {
  private readonly audit: SqliteAuditStore;
  private readonly meter: ReadMeter;

  constructor(private readonly db: Database.Database) {
    this.audit = new SqliteAuditStore(db);
    this.meter = readMeterOf(db);
  }

  async get<K extends RecordKind>(kind: K, id: string): Promise<RecordOf<K> | undefined> {
    const row = prepared(this.db, `SELECT * FROM "${tableName(kind)}" WHERE id = ?`).get(id) as
      | Record<string, unknown>
      | undefined;
    if (row) this.meter.read(1);
    return row ? parsedRow(kind, row) : undefined;
  }

  async list<K extends RecordKind>(kind: K, filter: Filter<K> = {}): Promise<RecordOf<K>[]> {
    const columns = columnsOf(kind);
    const where: string[] = [];
    const params: unknown[] = [];
    for (const [field, value] of Object.entries(filter)) {
      const column = columns.find((c) => c.field === field);
      if (!column) throw new Error(`${kind} has no field ${field}`);
      where.push(`"${column.name}" = ?`);
      params.push(toSql(column, value));
    }
    const sql = `SELECT * FROM "${tableName(kind)}"${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY rowid`;
    const rows = prepared(this.db, sql).all(...params) as Record<string, unknown>[];
    this.meter.read(rows.length);
    if (where.length === 0) this.meter.wholeTables.push(kind);
    return rows.map((row) => parsedRow(kind, row));
  }

  async commit(changes: ChangeSet): Promise<CommitResult> {
    return this.commitWith(changes);
  }

  /**
   * The commit, with `alsoInTransaction` run inside the same transaction after the writes: the SharePoint
   * store records item ids and eTags and clears its journal there, atomically with the mirror and outbox.
   * Each write's audit entry is stored in the same transaction too.
   */
  commitWith(changes: ChangeSet, alsoInTransaction: () => void = () => undefined): CommitResult {
    // Validate before the transaction: nothing half-written is ever stored.
    const writes = changes.writes.map((w) => ({ ...w, record: storedSchemas[w.kind].parse(w.record) as Record<string, unknown> }));
    const now = changes.at;
    return this.db.transaction((): CommitResult => {
      const seen = this.processedResult(changes.idempotencyKey);
      if (seen) return seen;
      for (const write of writes) {
        const columns = columnsOf(write.kind);
        const table = tableName(write.kind);
        const values = columns.map((c) => toSql(c, write.record[c.field]));
        let before: Record<string, unknown> | undefined;
        if (write.expectedVersion === null) {
          const exists = prepared(this.db, `SELECT 1 FROM "${table}" WHERE id = ?`).get(write.record.id);
          if (exists) throw new ConcurrencyConflict(write.kind, String(write.record.id), null);
          prepared(this.db, `INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`)
            .run(...values);
        } else {
          if (write.record.version !== write.expectedVersion + 1) {
            throw new Error(`${write.kind} ${String(write.record.id)}: an update must bump version to ${write.expectedVersion + 1}`);
          }
          // The version the update replaces, for the audit entry's "from" values.
          const row = prepared(this.db, `SELECT * FROM "${table}" WHERE id = ? AND version = ?`).get(write.record.id, write.expectedVersion) as Record<string, unknown> | undefined;
          before = row ? (parsedRow(write.kind, row) as Record<string, unknown>) : undefined;
          const result = prepared(this.db, `UPDATE "${table}" SET ${columns.map((c) => `"${c.name}" = ?`).join(', ')} WHERE id = ? AND version = ?`)
            .run(...values, write.record.id, write.expectedVersion);
          if (result.changes !== 1) throw new ConcurrencyConflict(write.kind, String(write.record.id), write.expectedVersion);
        }
        const entry = auditOfWrite(write.kind, before, write.record, changes.by ?? systemActor, now);
        this.audit.appendNow(entry);
        // Caches of the kind's rows (the queries' lists, the figures' aggregates) are stale from here, whatever the
        // outcome; the customers the write touched let a per-customer aggregate recompute only theirs.
        bumpGeneration(this.db, write.kind, entry.customerIds);
        this.rederiveFacts(write.kind, write.record, before);
      }
      const dropPending = prepared(this.db, `DELETE FROM outbox WHERE record_key = ? AND mode = 'post' AND status = 'pending'`);
      for (const key of changes.dropPendingPosts ?? []) dropPending.run(key);
      const insertOutbox = prepared(this.db, 
        `INSERT INTO outbox (event_id, event_type, mode, audience, recipient, variant, record_key, payload, status, attempts, next_attempt_at, created_at, retry_from)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?) ON CONFLICT (event_id, audience, recipient) DO NOTHING`,
      );
      for (const o of changes.outbox) {
        insertOutbox.run(o.eventId, o.eventType, o.mode, o.audience, o.recipient, o.variant, o.recordKey ?? null, JSON.stringify(o.payload), o.notBefore ?? now, now, o.notBefore ?? now);
      }
      if (changes.idempotencyKey) {
        prepared(this.db, 'INSERT INTO processed_request (key, result, created_at) VALUES (?, ?, ?)')
          .run(changes.idempotencyKey, changes.result === undefined ? null : JSON.stringify(changes.result), now);
      }
      alsoInTransaction();
      return { applied: true };
    })();
  }

  /** The first answer to a request already processed under this idempotency key. */
  processedResult(idempotencyKey: string | undefined): CommitResult | undefined {
    if (!idempotencyKey) return undefined;
    const seen = prepared(this.db, 'SELECT result FROM processed_request WHERE key = ?').get(idempotencyKey) as { result: string | null } | undefined;
    return seen ? { applied: false, duplicateOf: seen.result === null ? undefined : JSON.parse(seen.result) } : undefined;
  }

  /** Removes a record (an item deleted in SharePoint leaves the mirror). */
  remove(kind: RecordKind, id: string): boolean {
    return this.db.transaction(() => {
      const row = prepared(this.db, `SELECT * FROM "${tableName(kind)}" WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
      // Mapped, not parsed: a row that no longer passes today's schema (an old value, a hand-made row) must still
      // leave the store when its item left SharePoint; only its customers and place are read from it.
      const record = row ? (mappedRow(kind, row) as Record<string, unknown>) : undefined;
      bumpGeneration(this.db, kind, customersOf(kind, record));
      const removed = prepared(this.db, `DELETE FROM "${tableName(kind)}" WHERE id = ?`).run(id).changes === 1;
      if (record) this.rederiveFacts(kind, undefined, record);
      return removed;
    })();
  }

  /**
   * The figures' facts (figures-facts.ts) follow a place's or an agreement's write in its transaction: the place's
   * stays and takings, the price segments of the agreement's customer (before and after, if it moved).
   */
  private rederiveFacts(kind: RecordKind, record: Record<string, unknown> | undefined, before: Record<string, unknown> | undefined): void {
    if (kind === 'place') rederivePlaceFacts(this.db, String((record ?? before)!.id));
    if (kind === 'agreement') {
      for (const customerId of new Set([record?.customerId, before?.customerId])) if (typeof customerId === 'string') rederiveSegments(this.db, customerId);
    }
  }
}

export class SqliteConversationStore implements ConversationStore {
  constructor(private readonly db: Database.Database) {}

  async saveConversation(c: StoredConversation): Promise<void> {
    prepared(this.db, 
        `INSERT INTO conversation (key, reference, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET reference = excluded.reference, updated_at = excluded.updated_at`,
      )
      .run(c.key, JSON.stringify(c.reference), c.updatedAt);
  }

  async getConversation(key: string): Promise<StoredConversation | undefined> {
    const row = prepared(this.db, 'SELECT * FROM conversation WHERE key = ?').get(key) as
      | { key: string; reference: string; updated_at: string }
      | undefined;
    return row ? { key: row.key, reference: JSON.parse(row.reference), updatedAt: row.updated_at } : undefined;
  }

  async bindChannel(b: ChannelBinding): Promise<void> {
    prepared(this.db, 
        `INSERT INTO channel_binding (audience, team_id, channel_id, channel_name, reference, bound_by, bound_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (audience) DO UPDATE SET team_id = excluded.team_id, channel_id = excluded.channel_id,
           channel_name = excluded.channel_name, reference = excluded.reference,
           bound_by = excluded.bound_by, bound_at = excluded.bound_at, broken_at = NULL, broken_reason = NULL`,
      )
      .run(b.audience, b.teamId, b.channelId, b.channelName, JSON.stringify(b.reference), b.boundBy, b.boundAt);
  }

  async getBinding(audience: ChannelAudience): Promise<ChannelBinding | undefined> {
    const row = prepared(this.db, 'SELECT * FROM channel_binding WHERE audience = ?').get(audience) as BindingRow | undefined;
    return row ? bindingFromRow(row) : undefined;
  }

  async listBindings(): Promise<ChannelBinding[]> {
    return (prepared(this.db, 'SELECT * FROM channel_binding ORDER BY audience').all() as BindingRow[]).map(bindingFromRow);
  }

  async markBindingBroken(audience: ChannelAudience, at: string, reason: string): Promise<void> {
    prepared(this.db, 'UPDATE channel_binding SET broken_at = ?, broken_reason = ? WHERE audience = ?').run(at, reason, audience);
  }

  async markBindingWorking(audience: ChannelAudience): Promise<void> {
    prepared(this.db, 'UPDATE channel_binding SET broken_at = NULL, broken_reason = NULL WHERE audience = ?').run(audience);
  }
}

interface BindingRow {
  audience: string;
  team_id: string;
  channel_id: string;
  channel_name: string;
  reference: string;
  bound_by: string;
  bound_at: string;
  broken_at: string | null;
  broken_reason: string | null;
}

function bindingFromRow(row: BindingRow): ChannelBinding {
  return {
    audience: row.audience as ChannelAudience,
    teamId: row.team_id,
    channelId: row.channel_id,
    channelName: row.channel_name,
    reference: JSON.parse(row.reference),
    boundBy: row.bound_by,
    boundAt: row.bound_at,
    ...(row.broken_at ? { brokenAt: row.broken_at, brokenReason: row.broken_reason ?? '' } : {}),
  };
}

interface OutboxRow {
  id: number;
  event_id: string;
  event_type: string;
  mode: 'post' | 'update';
  audience: string;
  recipient: string;
  variant: NotificationVariant;
  record_key: string | null;
  payload: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  conversation_id: string | null;
  activity_id: string | null;
  created_at: string;
  retry_from: string | null;
}

function outboxFromRow(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    mode: row.mode,
    audience: row.audience as Audience,
    recipient: row.recipient,
    variant: row.variant,
    recordKey: row.record_key ?? undefined,
    payload: JSON.parse(row.payload),
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error ?? undefined,
    conversationId: row.conversation_id ?? undefined,
    activityId: row.activity_id ?? undefined,
    createdAt: row.created_at,
    retryFrom: row.retry_from ?? row.created_at,
  };
}

export class SqliteOutboxStore implements OutboxStore {
  constructor(private readonly db: Database.Database) {}

  async claimDue(now: string, leaseUntil: string, limit: number): Promise<OutboxEntry[]> {
    // 'sending' rows whose lease ran out belong to a worker that died mid-post: take them again.
    return this.db.transaction(() => {
      const rows = prepared(this.db, 
          `SELECT * FROM outbox WHERE status IN ('pending', 'sending') AND next_attempt_at <= ?
           ORDER BY next_attempt_at, id LIMIT ?`,
        )
        .all(now, limit) as OutboxRow[];
      const lease = prepared(this.db, 
        `UPDATE outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = ? WHERE id = ?`,
      );
      for (const row of rows) lease.run(leaseUntil, row.id);
      return rows.map((row) => outboxFromRow({ ...row, status: 'sending', attempts: row.attempts + 1, next_attempt_at: leaseUntil }));
    })();
  }

  async markSent(id: number, d: { conversationId: string; activityId: string; at: string }): Promise<void> {
    prepared(this.db, `UPDATE outbox SET status = 'sent', conversation_id = ?, activity_id = ?, sent_at = ?, last_error = NULL WHERE id = ?`)
      .run(d.conversationId, d.activityId, d.at, id);
  }

  async reschedule(id: number, nextAttemptAt: string, error: string): Promise<void> {
    prepared(this.db, `UPDATE outbox SET status = 'pending', next_attempt_at = ?, last_error = ? WHERE id = ?`).run(nextAttemptAt, error, id);
  }

  async markDead(id: number, error: string): Promise<void> {
    prepared(this.db, `UPDATE outbox SET status = 'dead', last_error = ? WHERE id = ?`).run(error, id);
  }

  async defer(id: number, nextAttemptAt: string, reason: string): Promise<void> {
    prepared(this.db, `UPDATE outbox SET status = 'pending', attempts = attempts - 1, next_attempt_at = ?, last_error = ? WHERE id = ?`)
      .run(nextAttemptAt, reason, id);
  }

  async wake(audience: Audience, now: string, recipient?: string): Promise<number> {
    // Only rows that were deferred for want of a binding: a scheduled reminder keeps its date.
    return prepared(this.db, 
        `UPDATE outbox SET next_attempt_at = ? WHERE status = 'pending' AND audience = ? AND next_attempt_at > ? AND last_error LIKE 'waiting:%'
         AND (? IS NULL OR recipient = ?)`,
      )
      .run(now, audience, now, recipient ?? null, recipient ?? null).changes;
  }

  async postedFor(recordKey: string) {
    const posted = prepared(this.db, 
        `SELECT conversation_id AS conversationId, activity_id AS activityId, audience, recipient, variant FROM outbox
         WHERE record_key = ? AND mode = 'post' AND status = 'sent' ORDER BY id`,
      )
      .all(recordKey) as { conversationId: string; activityId: string; audience: Audience; recipient: string; variant: NotificationVariant }[];
    // A post waiting for a person who has never talked to the bot may wait for weeks: it is not "on its
    // way", so it must not hold back the updates of the cards already posted elsewhere.
    const { pending } = prepared(this.db, 
        `SELECT count(*) AS pending FROM outbox WHERE record_key = ? AND mode = 'post' AND status IN ('pending', 'sending')
         AND (last_error IS NULL OR last_error NOT LIKE 'waiting: no conversation%')`,
      )
      .get(recordKey) as { pending: number };
    return { posted, pending };
  }

  async refreshWaitingPosts(recordKey: string, payload: unknown): Promise<number> {
    return prepared(this.db, `UPDATE outbox SET payload = ? WHERE record_key = ? AND mode = 'post' AND status = 'pending'`)
      .run(JSON.stringify(payload), recordKey).changes;
  }

  async listUnsent(): Promise<OutboxEntry[]> {
    return (prepared(this.db, `SELECT * FROM outbox WHERE status IN ('pending', 'sending') ORDER BY id`).all() as OutboxRow[]).map(outboxFromRow);
  }

  async claim(id: number, now: string, leaseUntil: string): Promise<OutboxEntry | undefined> {
    return this.db.transaction(() => {
      const leased = prepared(this.db, 
          `UPDATE outbox SET status = 'sending', attempts = attempts + 1, next_attempt_at = ?
           WHERE id = ? AND status IN ('pending', 'sending') AND next_attempt_at <= ?`,
        )
        .run(leaseUntil, id, now);
      if (leased.changes !== 1) return undefined;
      return outboxFromRow(prepared(this.db, 'SELECT * FROM outbox WHERE id = ?').get(id) as OutboxRow);
    })();
  }

  async counts(): Promise<OutboxCounts> {
    const rows = prepared(this.db, 
        `SELECT CASE WHEN status IN ('pending', 'sending') AND last_error LIKE 'waiting:%' THEN 'waiting'
                     WHEN status = 'sending' THEN 'pending' ELSE status END AS state,
                count(*) AS n, min(created_at) AS oldest
         FROM outbox GROUP BY state`,
      )
      .all() as { state: string; n: number; oldest: string }[];
    const of = (state: string) => rows.find((r) => r.state === state);
    const unsent = [of('pending')?.oldest, of('waiting')?.oldest].filter((x): x is string => !!x).sort();
    return {
      pending: of('pending')?.n ?? 0,
      waiting: of('waiting')?.n ?? 0,
      dead: of('dead')?.n ?? 0,
      sent: of('sent')?.n ?? 0,
      ...(unsent[0] ? { oldestUnsentAt: unsent[0] } : {}),
    };
  }

  async retryDead(now: string): Promise<number> {
    return prepared(this.db, `UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = ?, retry_from = ? WHERE status = 'dead'`)
      .run(now, now).changes;
  }

  async list(filter: { status?: OutboxStatus } = {}): Promise<OutboxEntry[]> {
    const rows = filter.status
      ? (prepared(this.db, 'SELECT * FROM outbox WHERE status = ? ORDER BY id').all(filter.status) as OutboxRow[])
      : (prepared(this.db, 'SELECT * FROM outbox ORDER BY id').all() as OutboxRow[]);
    return rows.map(outboxFromRow);
  }
}

