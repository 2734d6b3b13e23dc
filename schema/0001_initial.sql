-- 0001: the register as the first release knows it.
-- Forward-only: once released, never edit this file; add 0002_*.sql instead.
-- Columns are NOT NULL unless a comment says why the value can be unknown.

-- Every document the daemon or CLI was handed, including failures and duplicates, so the
-- log answers "what happened to this file?".
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    -- Empty when the bytes could not even be read (only possible for status 'failed').
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL CHECK (size >= 0),
    received_at TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('ingested', 'duplicate', 'failed')),
    -- The reason, set only for status 'failed'.
    error TEXT CHECK ((status = 'failed') = (error IS NOT NULL)),
    -- The meeting the bytes were stored in (or, for a duplicate, already belong to); NULL for
    -- failures.
    meeting_id INTEGER REFERENCES meetings (id),
    CHECK (status = 'failed' OR sha256 <> '')
);
-- The duplicate key: the same bytes may be logged many times (failed, duplicate) but are
-- stored once.
CREATE UNIQUE INDEX documents_ingested_sha256 ON documents (sha256) WHERE status = 'ingested';
CREATE INDEX documents_meeting ON documents (meeting_id);

CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    -- The six facts below are optional in real minutes; NULL means the document did not say.
    committee TEXT,
    meeting_date TEXT,
    time TEXT,
    venue TEXT,
    contact TEXT,
    next_meeting TEXT,
    -- "22-23" (May to April), or "undated" when meeting_date is NULL.
    municipal_year TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
-- A meeting's identity: a corrected document with the same committee (any case) and date
-- updates the meeting instead of adding one. Undated or unnamed meetings have no identity.
CREATE UNIQUE INDEX meetings_identity ON meetings (committee COLLATE NOCASE, meeting_date)
    WHERE committee IS NOT NULL AND meeting_date IS NOT NULL;

-- Items are replaced wholesale when corrected minutes arrive; nothing refers to them by id.
CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    number TEXT NOT NULL,  -- '' when unknown
    number_inferred INTEGER NOT NULL CHECK (number_inferred IN (0, 1)),
    title TEXT NOT NULL,   -- '' when the text gives none
    position INTEGER NOT NULL,
    UNIQUE (meeting_id, position)
);

-- Resolutions are replaced wholesale when corrected minutes arrive; their references are
-- recomputed deterministically, so unchanged minutes give unchanged references.
CREATE TABLE resolutions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    item TEXT NOT NULL,  -- '' when unknown
    kind TEXT NOT NULL CHECK (kind IN ('agreed', 'resolved', 'noted', 'recommended')),
    label TEXT NOT NULL,
    text TEXT NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    UNIQUE (meeting_id, position)
);

-- Actions outlive corrections: they keep their id, reference, status and history, and are
-- marked 'dropped' rather than deleted. No ON DELETE CASCADE here on purpose.
CREATE TABLE actions (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id),
    -- The resolution the action was read from, if any; corrected minutes re-link it.
    resolution_id INTEGER REFERENCES resolutions (id) ON DELETE SET NULL,
    item TEXT NOT NULL,  -- '' when unknown
    text TEXT NOT NULL,
    owner TEXT,     -- NULL when the minutes name nobody; never guessed
    due_date TEXT,  -- NULL when the minutes fix no date
    due_text TEXT,  -- the due phrase as written, NULL when there is none
    due_grain TEXT NOT NULL CHECK (due_grain IN ('day', 'month', 'quarter')),
    derived INTEGER NOT NULL CHECK (derived IN (0, 1)),
    status TEXT NOT NULL DEFAULT 'open'
        CHECK (status IN ('open', 'in_progress', 'done', 'dropped')),
    reference TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,  -- order within the meeting's latest document
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX actions_meeting ON actions (meeting_id, position);
CREATE INDEX actions_owner_status_due ON actions (owner, status, due_date);
CREATE INDEX actions_status_due ON actions (status, due_date);
CREATE INDEX actions_resolution ON actions (resolution_id);

-- The audit trail: one row per thing that happened to an action. Append-only (see triggers).
CREATE TABLE action_events (
    id INTEGER PRIMARY KEY,
    action_id INTEGER NOT NULL REFERENCES actions (id),
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('created', 'status', 'updated', 'carried_over')),
    -- The old and new value of what changed; NULL where there is none (e.g. before 'created').
    from_value TEXT,
    to_value TEXT,
    note TEXT NOT NULL
);
CREATE INDEX action_events_action ON action_events (action_id, id);

CREATE TRIGGER action_events_no_update BEFORE UPDATE ON action_events
BEGIN
    SELECT RAISE(ABORT, 'action_events is append-only');
END;
CREATE TRIGGER action_events_no_delete BEFORE DELETE ON action_events
BEGIN
    SELECT RAISE(ABORT, 'action_events is append-only');
END;
