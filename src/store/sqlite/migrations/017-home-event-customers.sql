-- A home event names its customers in a JSON list (customer_ids), which no index reaches: a customer's latest
-- events were found by walking every event newest first until enough of its own turned up, a walk that grew with
-- the number of customers sharing the events (0.1 ms at 1×, 0.7 ms at 10×, on every customer card and page).
-- This lookup holds one row per live event and customer it names, kept by the triggers below on every write of
-- home_event (the SQLite store and the SharePoint store's mirror both write through SQL), so a customer's events
-- are one range of its primary key, newest first. Written by hand: it serves SQL alone, no SharePoint column.
-- (014–016 belong to other changes of issue 13; the migrator runs the files in order, so a gap is harmless.)
CREATE TABLE home_event_customer (
  customer_id TEXT NOT NULL,
  date TEXT NOT NULL,
  home_event_id TEXT NOT NULL,
  PRIMARY KEY (customer_id, date, home_event_id)
) WITHOUT ROWID;

-- The events' customers, of the live events only (a withdrawn event is no entry of anyone's); a list that is not
-- valid JSON names nobody here, rather than refusing the write.
INSERT INTO home_event_customer (customer_id, date, home_event_id)
  SELECT DISTINCT j.value, e.date, e.id
  FROM home_event AS e, json_each(CASE WHEN json_valid(e.customer_ids) THEN e.customer_ids END) AS j
  WHERE e.withdrawn_at IS NULL AND j.type = 'text';

CREATE TRIGGER home_event_customer_insert AFTER INSERT ON home_event WHEN NEW.withdrawn_at IS NULL
BEGIN
  INSERT OR IGNORE INTO home_event_customer (customer_id, date, home_event_id)
    SELECT j.value, NEW.date, NEW.id FROM json_each(CASE WHEN json_valid(NEW.customer_ids) THEN NEW.customer_ids END) AS j WHERE j.type = 'text';
END;

-- An edit may change the date, the customers or withdraw the event: its rows (found by the old row's customers
-- and date, one key each) are written again from the new row.
CREATE TRIGGER home_event_customer_update AFTER UPDATE OF date, customer_ids, withdrawn_at, id ON home_event
BEGIN
  DELETE FROM home_event_customer
    WHERE customer_id IN (SELECT value FROM json_each(CASE WHEN json_valid(OLD.customer_ids) THEN OLD.customer_ids END)) AND date = OLD.date AND home_event_id = OLD.id;
  INSERT OR IGNORE INTO home_event_customer (customer_id, date, home_event_id)
    SELECT j.value, NEW.date, NEW.id FROM json_each(CASE WHEN json_valid(NEW.customer_ids) THEN NEW.customer_ids END) AS j
    WHERE NEW.withdrawn_at IS NULL AND j.type = 'text';
END;

CREATE TRIGGER home_event_customer_delete AFTER DELETE ON home_event
BEGIN
  DELETE FROM home_event_customer
    WHERE customer_id IN (SELECT value FROM json_each(CASE WHEN json_valid(OLD.customer_ids) THEN OLD.customer_ids END)) AND date = OLD.date AND home_event_id = OLD.id;
END;
