-- The SharePoint-lists store (STORE=sharepoint, issue 4) keeps its records in SharePoint and uses this file
-- as the mirror (read model: the record tables above) and for its own bookkeeping. Unused by STORE=sqlite.

-- Which SharePoint item holds each mirrored record, and the eTag the mirror matches: an update sends it as
-- If-Match, and a delta item with the same eTag is our own write echoing back.
CREATE TABLE sharepoint_item (
  kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  list_id TEXT NOT NULL,
  item_id TEXT NOT NULL,
  etag TEXT NOT NULL,
  PRIMARY KEY (kind, record_id),
  UNIQUE (list_id, item_id)
);

-- A change set accepted but not yet fully applied: written before the first Graph request and deleted in
-- the same SQLite transaction that stores the mirror and outbox rows, so a crash in between is finished at
-- the next start.
CREATE TABLE sharepoint_journal (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  change_set TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- The list delta feed: the @odata.deltaLink to continue from, per list.
CREATE TABLE sharepoint_delta (
  list_id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  delta_link TEXT NOT NULL,
  synced_at TEXT NOT NULL
);
