-- 0003: the officer's view (issue 5): API tokens, dashboard sessions, full-text search, the RAG
-- override and a version number for optimistic concurrency (ETag / If-Match).
-- Forward-only: once released, never edit this file; add 0004_*.sql instead.

-- Bearer tokens for writes (and for reads when the daemon requires it). Only the SHA-256 of a
-- token is stored; the token itself is shown once, by `actiontrack token create`. The name is
-- what the audit trail records as "who".
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (name <> ''),
    sha256 TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    -- NULL while the token is valid.
    revoked_at TEXT
);
-- One live token per name, so "who" is unambiguous; revoked names may be reused.
CREATE UNIQUE INDEX api_tokens_live_name ON api_tokens (name) WHERE revoked_at IS NULL;

-- Dashboard log-ins: the cookie value is random and only its SHA-256 is kept. Each session has
-- its own CSRF token, which every form post must echo.
CREATE TABLE web_sessions (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    token_id INTEGER NOT NULL REFERENCES api_tokens (id),
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX web_sessions_token ON web_sessions (token_id);

-- An officer's RAG judgement that overrides the one computed from the due date; NULL = computed.
ALTER TABLE actions ADD COLUMN rag_override TEXT CHECK (rag_override IN ('red', 'amber', 'green'));
-- Bumped by the trigger below on every change, whoever makes it (ingest, CLI, API): the ETag.
ALTER TABLE actions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE TRIGGER actions_version AFTER UPDATE ON actions
WHEN NEW.version = OLD.version
BEGIN
    UPDATE actions SET version = OLD.version + 1 WHERE id = NEW.id;
END;

CREATE INDEX meetings_committee ON meetings (committee COLLATE NOCASE, id);

-- Full-text search over each action's text and the text of the resolution it came from
-- (rowid = actions.id), and over resolutions (rowid = resolutions.id). Kept in sync by the
-- triggers below, so every writer (ingest, CLI, API) keeps them current without knowing.
CREATE VIRTUAL TABLE action_search USING fts5 (text, resolution, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE resolution_search USING fts5 (text, tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO action_search (rowid, text, resolution)
SELECT a.id, a.text, COALESCE(r.text, '')
FROM actions AS a LEFT JOIN resolutions AS r ON r.id = a.resolution_id
ORDER BY a.id;
INSERT INTO resolution_search (rowid, text) SELECT id, text FROM resolutions ORDER BY id;

CREATE TRIGGER action_search_insert AFTER INSERT ON actions
BEGIN
    INSERT INTO action_search (rowid, text, resolution)
    VALUES (NEW.id, NEW.text, COALESCE((SELECT text FROM resolutions WHERE id = NEW.resolution_id), ''));
END;
CREATE TRIGGER action_search_update AFTER UPDATE OF text, resolution_id ON actions
BEGIN
    DELETE FROM action_search WHERE rowid = OLD.id;
    INSERT INTO action_search (rowid, text, resolution)
    VALUES (NEW.id, NEW.text, COALESCE((SELECT text FROM resolutions WHERE id = NEW.resolution_id), ''));
END;
CREATE TRIGGER action_search_delete AFTER DELETE ON actions
BEGIN
    DELETE FROM action_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER resolution_search_insert AFTER INSERT ON resolutions
BEGIN
    INSERT INTO resolution_search (rowid, text) VALUES (NEW.id, NEW.text);
END;
CREATE TRIGGER resolution_search_update AFTER UPDATE OF text ON resolutions
BEGIN
    DELETE FROM resolution_search WHERE rowid = OLD.id;
    INSERT INTO resolution_search (rowid, text) VALUES (NEW.id, NEW.text);
END;
CREATE TRIGGER resolution_search_delete AFTER DELETE ON resolutions
BEGIN
    DELETE FROM resolution_search WHERE rowid = OLD.id;
END;

-- The filters the API offers most: committee listing and the open-actions-by-due-date view.
CREATE INDEX actions_due ON actions (due_date, id);
