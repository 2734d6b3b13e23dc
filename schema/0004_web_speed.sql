-- 0004: the officer's view at 1,000,000 actions (issue 5's benchmark). Indexes in the order the
-- action list sorts, the dashboard's counts kept by triggers instead of counted per request, and
-- the outstanding actions kept per committee so the home page reads a few rows per committee.
-- Forward-only: once released, never edit this file; add 0005_*.sql instead.

-- The list's default order is the due date with undated actions last, then the id:
-- COALESCE(due_date, '9999-12-31'), id. With that key in an index (every index ends with the
-- rowid, which is the id), "the 51 rows after the cursor" is a range scan that stops after 51
-- rows instead of a sort of every match. SQLite uses an index on an expression only where a
-- query spells the same expression, so store/action_reads.cpp writes it exactly like this.
CREATE INDEX actions_owner_status_due_key
    ON actions (owner, status, COALESCE(due_date, '9999-12-31'));
CREATE INDEX actions_status_due_key ON actions (status, COALESCE(due_date, '9999-12-31'));
CREATE INDEX actions_due_key ON actions (COALESCE(due_date, '9999-12-31'));
-- "Outstanding" is two statuses; an IN over the leading column of an index cannot return rows
-- in the order of the next one, so the outstanding actions get an index of their own.
CREATE INDEX actions_outstanding_due_key ON actions (COALESCE(due_date, '9999-12-31'))
    WHERE status IN ('open', 'in_progress');

-- How many actions there are per status and due date (outstanding ones) or month of their last
-- update (closed ones). The dashboard's counts (open, overdue, due this week, done this month)
-- and /metrics' counts by status become sums over a few hundred rows instead of counts over a
-- third of a million. Kept by the triggers below, like action_search, so every writer (ingest,
-- CLI, API, a hand-run sqlite3) keeps it right without knowing it exists.
CREATE TABLE action_tallies (
    status TEXT NOT NULL,
    -- For open and in_progress actions: the due date, '' when there is none. Otherwise ''.
    due_date TEXT NOT NULL,
    -- For done and dropped actions: the month of updated_at ('2026-11'), which is what "done
    -- this month" has always meant here. Otherwise ''.
    month TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (status, due_date, month)
) WITHOUT ROWID;

INSERT INTO action_tallies (status, due_date, month, n)
SELECT status,
       CASE WHEN status IN ('open', 'in_progress') THEN COALESCE(due_date, '') ELSE '' END,
       CASE WHEN status IN ('open', 'in_progress') THEN '' ELSE substr(updated_at, 1, 7) END,
       COUNT(*)
FROM actions GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;

CREATE TRIGGER action_tallies_insert AFTER INSERT ON actions
BEGIN
    INSERT INTO action_tallies (status, due_date, month, n)
    VALUES (NEW.status,
            CASE WHEN NEW.status IN ('open', 'in_progress') THEN COALESCE(NEW.due_date, '') ELSE '' END,
            CASE WHEN NEW.status IN ('open', 'in_progress') THEN '' ELSE substr(NEW.updated_at, 1, 7) END,
            1)
    ON CONFLICT (status, due_date, month) DO UPDATE SET n = n + 1;
END;
-- Only when the action moves to another tally row: a new status, a new due date of an
-- outstanding action, or a new month of a closed one.
CREATE TRIGGER action_tallies_update AFTER UPDATE OF status, due_date, updated_at ON actions
    WHEN NEW.status IS NOT OLD.status
      OR (NEW.status IN ('open', 'in_progress') AND NEW.due_date IS NOT OLD.due_date)
      OR (NEW.status NOT IN ('open', 'in_progress')
          AND substr(NEW.updated_at, 1, 7) IS NOT substr(OLD.updated_at, 1, 7))
BEGIN
    UPDATE action_tallies SET n = n - 1
    WHERE status = OLD.status
      AND due_date = CASE WHEN OLD.status IN ('open', 'in_progress') THEN COALESCE(OLD.due_date, '') ELSE '' END
      AND month = CASE WHEN OLD.status IN ('open', 'in_progress') THEN '' ELSE substr(OLD.updated_at, 1, 7) END;
    INSERT INTO action_tallies (status, due_date, month, n)
    VALUES (NEW.status,
            CASE WHEN NEW.status IN ('open', 'in_progress') THEN COALESCE(NEW.due_date, '') ELSE '' END,
            CASE WHEN NEW.status IN ('open', 'in_progress') THEN '' ELSE substr(NEW.updated_at, 1, 7) END,
            1)
    ON CONFLICT (status, due_date, month) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER action_tallies_delete AFTER DELETE ON actions
BEGIN
    UPDATE action_tallies SET n = n - 1
    WHERE status = OLD.status
      AND due_date = CASE WHEN OLD.status IN ('open', 'in_progress') THEN COALESCE(OLD.due_date, '') ELSE '' END
      AND month = CASE WHEN OLD.status IN ('open', 'in_progress') THEN '' ELSE substr(OLD.updated_at, 1, 7) END;
END;

-- The outstanding actions (open or in progress) of each committee in due-date order. The home
-- page shows the first few of every committee and pages through one committee on "show all".
-- An action knows its committee only through its meeting, so no index on actions can start
-- with the committee; this table is that index, kept by triggers on both tables.
CREATE TABLE outstanding_actions (
    action_id INTEGER PRIMARY KEY,  -- actions.id; a rowid, so a trigger finds its row at once
    committee TEXT NOT NULL COLLATE NOCASE,  -- the meeting's committee, '' when not named
    due_key TEXT NOT NULL                    -- COALESCE(due_date, '9999-12-31')
);
CREATE INDEX outstanding_actions_committee ON outstanding_actions (committee, due_key);

INSERT INTO outstanding_actions (action_id, committee, due_key)
SELECT a.id, COALESCE(m.committee, ''), COALESCE(a.due_date, '9999-12-31')
FROM actions AS a JOIN meetings AS m ON m.id = a.meeting_id
WHERE a.status IN ('open', 'in_progress')
ORDER BY a.id;

CREATE TRIGGER outstanding_actions_insert AFTER INSERT ON actions
    WHEN NEW.status IN ('open', 'in_progress')
BEGIN
    INSERT OR REPLACE INTO outstanding_actions (action_id, committee, due_key)
    SELECT NEW.id, COALESCE(m.committee, ''), COALESCE(NEW.due_date, '9999-12-31')
    FROM meetings AS m WHERE m.id = NEW.meeting_id;
END;
CREATE TRIGGER outstanding_actions_update AFTER UPDATE OF status, due_date, meeting_id ON actions
BEGIN
    DELETE FROM outstanding_actions
    WHERE action_id = OLD.id AND NEW.status NOT IN ('open', 'in_progress');
    INSERT OR REPLACE INTO outstanding_actions (action_id, committee, due_key)
    SELECT NEW.id, COALESCE(m.committee, ''), COALESCE(NEW.due_date, '9999-12-31')
    FROM meetings AS m WHERE m.id = NEW.meeting_id AND NEW.status IN ('open', 'in_progress');
END;
CREATE TRIGGER outstanding_actions_delete AFTER DELETE ON actions
BEGIN
    DELETE FROM outstanding_actions WHERE action_id = OLD.id;
END;
-- Corrected minutes may respell a meeting's committee.
CREATE TRIGGER outstanding_actions_committee AFTER UPDATE OF committee ON meetings
    WHEN NEW.committee IS NOT OLD.committee
BEGIN
    UPDATE outstanding_actions SET committee = COALESCE(NEW.committee, '')
    WHERE action_id IN (SELECT id FROM actions WHERE meeting_id = NEW.id);
END;
