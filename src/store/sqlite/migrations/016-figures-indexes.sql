-- The tab's figures (issue 13, Luvut; sqlite-queries.ts, the "figures" block). Written by hand like 008: these
-- serve SQL alone (SQLite, and the SharePoint store's mirror), so they are no SharePoint indexed columns.
-- (014 and 015 belong to other changes of issue 13; the migrator runs the files in order, so a gap is harmless.)

-- The sales of places, from the audit trail (the record keeps only its latest status): a status change to
-- occupied, or a place created occupied for a customer (an import). The customer report's revenue and residents
-- start from these rows only: a period's sales by time, and a place's last sale before a period by place.
-- The query repeats this WHERE word for word: SQLite uses a partial index only when the query's WHERE implies it.
CREATE INDEX audit_place_sale ON audit (record_id, at)
  WHERE kind = 'place' AND status_to = 'kaytossa' AND (action = 'status' OR instr(changes, '"reservedForCustomerId"') > 0);
CREATE INDEX audit_place_sale_at ON audit (at)
  WHERE kind = 'place' AND status_to = 'kaytossa' AND (action = 'status' OR instr(changes, '"reservedForCustomerId"') > 0);

-- Each place's status changes in order, index-only (the change after a sale, which ends its stay), and by time
-- (the places whose status changed since a period began: a sale before it may have run into it).
CREATE INDEX audit_place_status ON audit (record_id, at) WHERE kind = 'place' AND status_to IS NOT NULL;
CREATE INDEX audit_place_changed ON audit (at) WHERE kind = 'place' AND status_to IS NOT NULL;

-- Free places taken (reserved or sold), by when: the median days a freed place stays free, over a period.
CREATE INDEX audit_place_taken ON audit (at)
  WHERE kind = 'place' AND status_from IN ('vapaa', 'vapautuu') AND status_to IN ('alustavasti-varattu', 'kaytossa');

-- Complaints received in a period (the response times per quarter), the withdrawn ones left out.
CREATE INDEX complaint_live_received ON complaint (received_date) WHERE withdrawn_at IS NULL;
