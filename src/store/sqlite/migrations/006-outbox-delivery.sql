-- Delivery that never silently gives up (issue 9). A channel binding is marked broken when Teams answers
-- 403/404 for it (the app was removed from the team, or the channel deleted): the admins are told and its
-- cards wait for a new binding instead of being posted into nothing. An outbox row gets the instant its
-- retry budget (OUTBOX_GIVE_UP_AFTER_MS) counts from: its creation, or an admin's `tila uudelleen`.

ALTER TABLE channel_binding ADD COLUMN broken_at TEXT;
ALTER TABLE channel_binding ADD COLUMN broken_reason TEXT;

ALTER TABLE outbox ADD COLUMN retry_from TEXT;
UPDATE outbox SET retry_from = created_at;

CREATE INDEX outbox_unsent ON outbox (status, id);
