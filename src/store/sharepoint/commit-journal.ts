import type Database from 'better-sqlite3';
import type { ChangeSet } from '../store-port.js';

/**
 * Change sets accepted but not yet fully applied (table sharepoint_journal). SharePoint has no transaction
 * across items and our SQLite outbox, so the store writes the change set here first, then to the lists,
 * then — in one SQLite transaction — the mirror, the outbox rows and the deletion of the journal row. A
 * row still here at start belongs to a run that stopped in between, and is finished then.
 */
export class CommitJournal {
  constructor(private readonly db: Database.Database) {}

  add(changes: ChangeSet): number {
    return Number(this.db.prepare('INSERT INTO sharepoint_journal (change_set, created_at) VALUES (?, ?)').run(JSON.stringify(changes), changes.at).lastInsertRowid);
  }

  /** Call inside the transaction that stores the change set's result. */
  remove(id: number): void {
    this.db.prepare('DELETE FROM sharepoint_journal WHERE id = ?').run(id);
  }

  pending(): { id: number; changes: ChangeSet }[] {
    return (this.db.prepare('SELECT id, change_set FROM sharepoint_journal ORDER BY id').all() as { id: number; change_set: string }[]).map((r) => ({
      id: r.id,
      changes: JSON.parse(r.change_set) as ChangeSet,
    }));
  }
}
