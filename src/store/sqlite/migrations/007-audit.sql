-- The audit trail (issue 9): every create, update and status change of a record, and every channel binding
-- change — who, when, what, and the values before and after. Written by the store in the same transaction as
-- the records (SQLite, and the SharePoint store's mirror), so a stored change always has its entry.
-- (006 belongs to another change; the migrator runs the files in order, so the gap is harmless.)

CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  -- A record kind ('place', 'complaint', …) or 'channelBinding'.
  kind TEXT NOT NULL,
  -- The record's id; for a binding its audience ('sales', 'management').
  record_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('create', 'update', 'status', 'binding')),
  status_from TEXT,
  status_to TEXT,
  -- JSON: [{ "field": …, "from": …, "to": … }], the fields the change set (null = absent).
  changes TEXT NOT NULL
);
CREATE INDEX audit_record ON audit (kind, record_id, at);

-- Which customers each entry belongs to (a home event has several; a care home none): `historia <asiakas>`
-- reads a customer's changes newest first straight off this key.
CREATE TABLE audit_customer (
  customer_id TEXT NOT NULL,
  at TEXT NOT NULL,
  audit_id INTEGER NOT NULL REFERENCES audit (id) ON DELETE CASCADE,
  PRIMARY KEY (customer_id, at, audit_id)
) WITHOUT ROWID;
