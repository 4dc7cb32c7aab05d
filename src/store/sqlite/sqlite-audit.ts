import type Database from 'better-sqlite3';
import type { AuditDraft, AuditEntry, AuditKind, AuditPage, AuditStore } from '../audit.js';
import { prepared } from './prepared.js';

interface AuditRow {
  id: number;
  at: string;
  actor_id: string;
  actor_name: string;
  kind: string;
  record_id: string;
  action: AuditEntry['action'];
  status_from: string | null;
  status_to: string | null;
  changes: string;
  customer_ids: string | null;
}

/**
 * The audit table (migration 007). `appendNow` is synchronous so the record store can call it inside its
 * commit transaction: the record and its entry are stored together or not at all.
 */
export class SqliteAuditStore implements AuditStore {
  constructor(private readonly db: Database.Database) {}

  appendNow(entry: AuditDraft): void {
    const { lastInsertRowid } = prepared(this.db, 
        `INSERT INTO audit (at, actor_id, actor_name, kind, record_id, action, status_from, status_to, changes)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(entry.at, entry.by.id, entry.by.name, entry.kind, entry.recordId, entry.action, entry.status?.from ?? null, entry.status?.to ?? null, JSON.stringify(entry.changes));
    const link = prepared(this.db, 'INSERT OR IGNORE INTO audit_customer (customer_id, at, audit_id) VALUES (?, ?, ?)');
    for (const customerId of entry.customerIds) link.run(customerId, entry.at, lastInsertRowid);
  }

  async append(entry: AuditDraft): Promise<void> {
    this.db.transaction(() => this.appendNow(entry))();
  }

  async forCustomer(customerId: string, limit: number): Promise<AuditPage> {
    const rows = prepared(this.db, 
        `SELECT a.*, (SELECT json_group_array(customer_id) FROM audit_customer WHERE audit_id = a.id) AS customer_ids
         FROM audit_customer c JOIN audit a ON a.id = c.audit_id
         WHERE c.customer_id = ? ORDER BY c.at DESC, c.audit_id DESC LIMIT ?`,
      )
      .all(customerId, limit) as AuditRow[];
    const { total } = prepared(this.db, 'SELECT count(*) AS total FROM audit_customer WHERE customer_id = ?').get(customerId) as { total: number };
    return { entries: rows.map(entryOf), total };
  }

  async list(filter: { kind?: AuditKind; recordId?: string } = {}): Promise<AuditEntry[]> {
    const rows = prepared(this.db, 
        `SELECT a.*, (SELECT json_group_array(customer_id) FROM audit_customer WHERE audit_id = a.id) AS customer_ids
         FROM audit a WHERE (? IS NULL OR kind = ?) AND (? IS NULL OR record_id = ?) ORDER BY at DESC, id DESC`,
      )
      .all(filter.kind ?? null, filter.kind ?? null, filter.recordId ?? null, filter.recordId ?? null) as AuditRow[];
    return rows.map(entryOf);
  }
}

function entryOf(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    by: { id: row.actor_id, name: row.actor_name },
    kind: row.kind as AuditKind,
    recordId: row.record_id,
    customerIds: row.customer_ids ? (JSON.parse(row.customer_ids) as string[]) : [],
    action: row.action,
    ...(row.status_to !== null ? { status: { from: row.status_from, to: row.status_to } } : {}),
    changes: JSON.parse(row.changes),
  };
}
