-- 0007: cheaper ingest. The ingest writer may take over, inside its own transaction, what four
-- row-by-row INSERT triggers do: the full-text rows of new actions and resolutions and their
-- change_events rows. Every other writer (CLI, API, a hand-run sqlite3) still gets the triggers.
-- Forward-only: once released, never edit this file; add 0008_*.sql instead.
--
-- Why: a 50 KB document adds ~43 resolutions and ~21 actions. Row by row, FTS5 flushed its
-- pending terms into a new segment (and merged segments) at every statement of the document
-- (its xSavepoint method runs for each statement that opens a statement journal), and each
-- change_events trigger run rebuilt the ephemeral table of `type IN (...)` (a trigger program
-- runs its once-only code again on every firing). The writer instead adds each table's rows
-- with one INSERT ... SELECT per document (events) or per transaction (full text): see
-- store/deferred_rows.hpp. Measured: 3.40 -> 2.97 ms per 50 KB document in a transaction of its
-- own, less again when several documents share one (Store::begin_batch).

-- The switch. The ingest writer inserts its one row right after BEGIN and deletes it before
-- COMMIT, so no other connection ever sees a row here (a crash rolls it back with the rest);
-- while it exists, the four triggers below do nothing and the writer owes their rows.
CREATE TABLE ingest_deferral (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);

DROP TRIGGER action_search_insert;
CREATE TRIGGER action_search_insert AFTER INSERT ON actions
    WHEN NOT EXISTS (SELECT 1 FROM ingest_deferral)
BEGIN
    INSERT INTO action_search (rowid, text, resolution)
    VALUES (NEW.id, NEW.text, COALESCE((SELECT text FROM resolutions WHERE id = NEW.resolution_id), ''));
END;

DROP TRIGGER resolution_search_insert;
CREATE TRIGGER resolution_search_insert AFTER INSERT ON resolutions
    WHEN NOT EXISTS (SELECT 1 FROM ingest_deferral)
BEGIN
    INSERT INTO resolution_search (rowid, text) VALUES (NEW.id, NEW.text);
END;

DROP TRIGGER change_events_action_created;
CREATE TRIGGER change_events_action_created AFTER INSERT ON actions
    WHEN NOT EXISTS (SELECT 1 FROM ingest_deferral)
BEGIN
    INSERT INTO change_events (type, action_id, at) VALUES ('action.created', NEW.id, NEW.created_at);
END;

DROP TRIGGER change_events_resolution_created;
CREATE TRIGGER change_events_resolution_created AFTER INSERT ON resolutions
    WHEN NOT EXISTS (SELECT 1 FROM ingest_deferral)
BEGIN
    INSERT INTO change_events (type, resolution_id, at)
    VALUES ('resolution.created', NEW.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;
