-- 0002: reminders (issue 4): the owners directory, per-action reminder settings, the change feed
-- that webhooks are built from, the outbox and the send log.
-- Forward-only: once released, never edit this file; add a later NNNN_*.sql instead.

-- People who own actions. An owner string from minutes reaches a person through owner_aliases.
CREATE TABLE owners (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT,      -- NULL when nobody knows the address yet; reminders are then only reported
    time_zone TEXT,  -- IANA name; NULL means the configured default (Europe/London)
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL
);

-- Owner strings as they appear in minutes, keyed by their normalised form (lower case, no
-- punctuation, no leading "the", single spaces) so "The Democratic Services Officer." matches.
CREATE TABLE owner_aliases (
    alias_key TEXT PRIMARY KEY,
    alias TEXT NOT NULL,  -- as typed, for display
    owner_id INTEGER NOT NULL REFERENCES owners (id) ON DELETE CASCADE
);
CREATE INDEX owner_aliases_owner ON owner_aliases (owner_id);

-- `actiontrack snooze` / `silence`: one row per action that has either.
CREATE TABLE action_reminders (
    action_id INTEGER PRIMARY KEY REFERENCES actions (id),
    snoozed_until TEXT,  -- ISO date; no reminders before it. NULL when not snoozed
    silenced INTEGER NOT NULL DEFAULT 0 CHECK (silenced IN (0, 1)),
    updated_at TEXT NOT NULL
);

-- The change feed: triggers append a row in the same transaction as the change itself, so a
-- crash can never lose an event. The notifier turns each into webhook outbox rows, then marks
-- it fanned out (again in one transaction).
CREATE TABLE change_events (
    id INTEGER PRIMARY KEY,
    type TEXT NOT NULL CHECK (type IN ('action.created', 'action.updated', 'action.completed',
                                       'resolution.created')),
    action_id INTEGER,      -- for action.*
    resolution_id INTEGER,  -- for resolution.created
    at TEXT NOT NULL,
    fanned_out INTEGER NOT NULL DEFAULT 0 CHECK (fanned_out IN (0, 1))
);
CREATE INDEX change_events_pending ON change_events (fanned_out, id);

CREATE TRIGGER change_events_action_created AFTER INSERT ON actions
BEGIN
    INSERT INTO change_events (type, action_id, at) VALUES ('action.created', NEW.id, NEW.created_at);
END;
CREATE TRIGGER change_events_action_completed AFTER UPDATE OF status ON actions
    WHEN NEW.status = 'done' AND OLD.status <> 'done'
BEGIN
    INSERT INTO change_events (type, action_id, at)
    VALUES ('action.completed', NEW.id, NEW.updated_at);
END;
CREATE TRIGGER change_events_action_updated AFTER UPDATE ON actions
    WHEN NOT (NEW.status = 'done' AND OLD.status <> 'done')
     AND (NEW.status IS NOT OLD.status OR NEW.owner IS NOT OLD.owner
          OR NEW.due_date IS NOT OLD.due_date OR NEW.text IS NOT OLD.text)
BEGIN
    INSERT INTO change_events (type, action_id, at) VALUES ('action.updated', NEW.id, NEW.updated_at);
END;
CREATE TRIGGER change_events_resolution_created AFTER INSERT ON resolutions
BEGIN
    INSERT INTO change_events (type, resolution_id, at)
    VALUES ('resolution.created', NEW.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

-- Every message to send. A row is written in the same transaction as the send-log rows (or
-- change event) that caused it; the idempotency key makes a second attempt to queue it a no-op.
-- The payload is the exact bytes to deliver (an RFC 5322 message or a JSON body), so every retry
-- sends the same Message-ID / webhook-id.
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    idempotency_key TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL CHECK (channel IN ('email', 'webhook')),
    recipient TEXT NOT NULL,   -- email address(es), comma-separated, or the endpoint name
    kind TEXT NOT NULL,        -- 'reminder', 'escalation', 'digest', 'test' or an event type
    subject TEXT NOT NULL,     -- for `outbox list`; '' for webhooks
    message_id TEXT NOT NULL,  -- Message-ID (email) or webhook-id
    payload TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'dead')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,  -- UTC ISO 8601; not claimed before it
    lease_until TEXT,               -- a claim; expired leases are claimable again
    last_error TEXT,
    created_at TEXT NOT NULL,
    sent_at TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);

-- What has been queued per action: the policy reads it so each reminder goes once, and at most
-- one per action per channel per local day.
CREATE TABLE send_log (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL,
    kind TEXT NOT NULL,            -- 'before_7', 'before_1', 'due', 'overdue', 'escalation', 'ask_due_date'
    scheduled_date TEXT NOT NULL,  -- the milestone's date (ISO)
    channel TEXT NOT NULL,
    recipient TEXT NOT NULL,
    sent_on TEXT NOT NULL,         -- the recipient's local date when queued (ISO)
    -- The outbox row that carried it; no foreign key, since `outbox purge` deletes old rows and
    -- the log must outlive them.
    outbox_id INTEGER NOT NULL,
    UNIQUE (action_id, kind, scheduled_date, channel, recipient)
);
CREATE INDEX send_log_action ON send_log (action_id, channel, sent_on);

-- The ICS SEQUENCE per action: rises each time a calendar event goes out with a new due date.
CREATE TABLE calendar_sequences (
    action_id INTEGER PRIMARY KEY,
    due_date TEXT NOT NULL,
    sequence INTEGER NOT NULL
);

-- Webhook endpoints that answered 410 Gone stay disabled until re-enabled.
CREATE TABLE webhook_endpoint_state (
    name TEXT PRIMARY KEY,
    disabled_at TEXT NOT NULL,
    reason TEXT NOT NULL
);
