import type Database from 'better-sqlite3';

/**
 * Prepared statements, one per SQL string and database, kept for the connection's life: preparing parses
 * and plans the SQL, which on a hot read path (every card, every outbox poll) cost more than running it.
 * A WeakMap keyed by the connection lets a closed database's statements go with it.
 */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(db: Database.Database, sql: string): Database.Statement {
  let ofDb = statements.get(db);
  if (!ofDb) {
    ofDb = new Map();
    statements.set(db, ofDb);
  }
  let statement = ofDb.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    ofDb.set(sql, statement);
  }
  return statement;
}
