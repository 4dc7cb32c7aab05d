-- Issue 11 left withdrawn entries in their tables (010) and every view asks `withdrawn_at IS NULL`. The read
-- indexes of 008 answered the digest's counts and last-entry days from the index alone; with the withdrawn
-- test each matched row was read from the table too (a month's count at 10× went from milliseconds to ~1 s).
-- These partial indexes hold the entries not withdrawn only, so the same queries are index-only again
-- (SQLite uses a partial index when the query's WHERE has the index's term). The indexes of 008 stay for the
-- lookups that do not ask about withdrawal (the record store's own filters, the audit trail).
CREATE INDEX contact_log_entry_live_customer_date ON contact_log_entry (customer_id, date) WHERE withdrawn_at IS NULL;
CREATE INDEX supervision_visit_live_customer_date ON supervision_visit (customer_id, date) WHERE withdrawn_at IS NULL;
CREATE INDEX complaint_live_customer_received ON complaint (customer_id, received_date) WHERE withdrawn_at IS NULL;
CREATE INDEX note_live_customer_created ON note (customer_id, created_at) WHERE withdrawn_at IS NULL;
CREATE INDEX development_meeting_live_customer_starts ON development_meeting (customer_id, starts_at) WHERE withdrawn_at IS NULL;

CREATE INDEX contact_log_entry_live_date ON contact_log_entry (date) WHERE withdrawn_at IS NULL;
CREATE INDEX supervision_visit_live_date ON supervision_visit (date) WHERE withdrawn_at IS NULL;
CREATE INDEX home_event_live_date ON home_event (date) WHERE withdrawn_at IS NULL;
