import type Database from 'better-sqlite3';
import type { RecordKind } from '../record-kinds.js';

/** Where each list's delta feed continues (table sharepoint_delta): the last @odata.deltaLink. */
export class DeltaLinks {
  constructor(private readonly db: Database.Database) {}

  get(listId: string): string | undefined {
    return (this.db.prepare('SELECT delta_link FROM sharepoint_delta WHERE list_id = ?').get(listId) as { delta_link: string } | undefined)?.delta_link;
  }

  /** Call inside the transaction that applies the changes the link follows. */
  put(listId: string, kind: RecordKind, deltaLink: string, at: string): void {
    this.db
      .prepare(
        `INSERT INTO sharepoint_delta (list_id, kind, delta_link, synced_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (list_id) DO UPDATE SET delta_link = excluded.delta_link, synced_at = excluded.synced_at`,
      )
      .run(listId, kind, deltaLink, at);
  }

  forget(listId: string): void {
    this.db.prepare('DELETE FROM sharepoint_delta WHERE list_id = ?').run(listId);
  }
}
