-- What the bot needs besides records: conversation references (personal chats and channels, for
-- proactive posts), channel bindings (which channel is "sales", which "management"), the outbox of
-- notifications and the idempotency keys of processed requests (a double-clicked submit stores once).

CREATE TABLE conversation (
  key TEXT PRIMARY KEY,
  reference TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE channel_binding (
  audience TEXT PRIMARY KEY,
  team_id TEXT NOT NULL,
  channel_id TEXT NOT NULL,
  channel_name TEXT NOT NULL,
  reference TEXT NOT NULL,
  bound_by TEXT NOT NULL,
  bound_at TEXT NOT NULL
);

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id TEXT NOT NULL,
  event_type TEXT NOT NULL,
  -- 'post' a new card, or 'update' the cards already posted for record_key in place.
  mode TEXT NOT NULL CHECK (mode IN ('post', 'update')),
  audience TEXT NOT NULL,
  -- For a personal audience: the user's id; '' for a channel.
  recipient TEXT NOT NULL DEFAULT '',
  -- 'full' or 'summary' (the sales channel gets a complaint without its free text).
  variant TEXT NOT NULL DEFAULT 'full',
  -- The record a card shows ('place:<id>'): updates find the posted cards through it.
  record_key TEXT,
  payload TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT NOT NULL,
  last_error TEXT,
  conversation_id TEXT,
  activity_id TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT,
  UNIQUE (event_id, audience, recipient)
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_record ON outbox (record_key, mode, status);

CREATE TABLE processed_request (
  key TEXT PRIMARY KEY,
  result TEXT,
  created_at TEXT NOT NULL
);
