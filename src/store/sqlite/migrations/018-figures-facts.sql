-- The figures' facts (issue 13, Luvut), kept by the store's commit (figures-facts.ts) so the customer report and
-- the free-place medians read narrow rows that follow the period asked, instead of walking the audit trail's
-- status history and its JSON, and every agreement, on each request. Derived from the records and the audit
-- trail alone (migration 007), by one SQL for one place or customer or for all: SQLite and the SharePoint
-- store's mirror — whose commit writes the same records and audit entries, people's list edits included — hold
-- the same facts. (The first derivation of a store's earlier history runs when the store is opened: it needs
-- the store's Helsinki-day function, which a migration has not.)

-- A stay: a sale of a place (its audit entry, as migration 016's audit_place_sale says it) not withdrawn; the
-- place's home and service type; the Helsinki day it began; its customer (the reservation its sale settled, or
-- for a running stay the place's reservation now); the place's next status change, which ended it, and the
-- day it ended (that change's free-from date, or its own day). A running stay has no end.
CREATE TABLE place_stay (
  sale_id INTEGER PRIMARY KEY,
  place_id TEXT NOT NULL,
  care_home_id TEXT NOT NULL,
  service_type TEXT NOT NULL,
  customer_id TEXT,
  start_day TEXT NOT NULL,
  end_id INTEGER,
  end_day TEXT
);
CREATE INDEX place_stay_place ON place_stay (place_id);
-- The stays that reach into a period: ended after it began, or running (the query repeats the expression).
CREATE INDEX place_stay_reach ON place_stay (coalesce(end_day, '9999-12-31'), start_day);

-- A free place taken (from free or freeing to reserved or occupied), not withdrawn: when, the home, and the days
-- it had been free (from the free-from date the latest change recorded to the day taken, at least 0; NULL without).
CREATE TABLE place_taking (
  audit_id INTEGER PRIMARY KEY,
  place_id TEXT NOT NULL,
  care_home_id TEXT NOT NULL,
  taken_at TEXT NOT NULL,
  days REAL
);
CREATE INDEX place_taking_place ON place_taking (place_id);
CREATE INDEX place_taking_at ON place_taking (taken_at, care_home_id, days);

-- A customer's prices by service type: each priced agreement from its start to its end, or to the start of the
-- customer's next agreement of that type (the one started later applies from its start), [a, b) as days.
CREATE TABLE agreement_segment (
  customer_id TEXT NOT NULL,
  service_type TEXT NOT NULL,
  agreement_id TEXT NOT NULL,
  price REAL NOT NULL,
  a TEXT NOT NULL,
  b TEXT NOT NULL
);
CREATE INDEX agreement_segment_customer ON agreement_segment (customer_id, service_type, a);

-- Whether the facts have been derived from what the store held before this migration (figures-facts.ts).
CREATE TABLE figures_facts_state (built INTEGER NOT NULL);
INSERT INTO figures_facts_state (built) VALUES (0);
