import type Database from 'better-sqlite3';
import type { RecordKind } from '../record-kinds.js';
import type { ReferenceResolver } from './field-mapping.js';
import type { LookupTarget } from './list-schema.js';

/** Where a mirrored record lives in SharePoint, and the eTag the mirror matches. */
export interface ItemRef {
  kind: RecordKind;
  recordId: string;
  listId: string;
  itemId: string;
  etag: string;
}

interface ItemRow {
  kind: string;
  record_id: string;
  list_id: string;
  item_id: string;
  etag: string;
}

const fromRow = (r: ItemRow): ItemRef => ({ kind: r.kind as RecordKind, recordId: r.record_id, listId: r.list_id, itemId: r.item_id, etag: r.etag });

/**
 * The record id ↔ SharePoint item id map of the mirror (table sharepoint_item). Lookup columns are written
 * and read through it (it is the field mapping's ReferenceResolver), updates take their If-Match eTag from
 * it, and the delta reader tells our own writes from people's edits by it.
 */
export class ItemIndex implements ReferenceResolver {
  constructor(private readonly db: Database.Database) {}

  ofRecord(kind: RecordKind, recordId: string): ItemRef | undefined {
    const row = this.db.prepare('SELECT * FROM sharepoint_item WHERE kind = ? AND record_id = ?').get(kind, recordId) as ItemRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  ofItem(listId: string, itemId: string): ItemRef | undefined {
    const row = this.db.prepare('SELECT * FROM sharepoint_item WHERE list_id = ? AND item_id = ?').get(listId, itemId) as ItemRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** Every mirrored record held in list `listId`. */
  ofList(listId: string): ItemRef[] {
    return (this.db.prepare('SELECT * FROM sharepoint_item WHERE list_id = ?').all(listId) as ItemRow[]).map(fromRow);
  }

  /** Call inside the transaction that writes the mirror record. */
  put(ref: ItemRef): void {
    this.db
      .prepare(
        `INSERT INTO sharepoint_item (kind, record_id, list_id, item_id, etag) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (kind, record_id) DO UPDATE SET list_id = excluded.list_id, item_id = excluded.item_id, etag = excluded.etag`,
      )
      .run(ref.kind, ref.recordId, ref.listId, ref.itemId, ref.etag);
  }

  remove(kind: RecordKind, recordId: string): void {
    this.db.prepare('DELETE FROM sharepoint_item WHERE kind = ? AND record_id = ?').run(kind, recordId);
  }

  itemIdOf(kind: LookupTarget, recordId: string): string | undefined {
    return this.ofRecord(kind, recordId)?.itemId;
  }

  recordIdOf(kind: LookupTarget, itemId: string): string | undefined {
    const row = this.db.prepare('SELECT record_id FROM sharepoint_item WHERE kind = ? AND item_id = ?').get(kind, itemId) as { record_id: string } | undefined;
    return row?.record_id;
  }
}
