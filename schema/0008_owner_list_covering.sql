-- 0008: one officer's list (`/api/actions?owner=X&status=open`, the officer's own view and issue
-- 5's benchmark) read from a single b-tree. With 0004's actions_owner_status_due_key, each row of
-- a page cost an index probe and then a lookup of the action's row in a table of a million
-- rows scattered over the file: about half the page's SQLite time. This index carries every
-- column the list shows, so a page is one range scan of adjacent index entries and the table is
-- never read. The price is disk: roughly the size of the actions table again.
-- Forward-only: once released, never edit this file; add a later migration instead.

-- It starts as actions_owner_status_due_key did (so it serves every query that index served)
-- and continues with id, so that (due key, id), the list's whole sort order, is the index's
-- order: with any column between the two, SQLite would sort each run of equal due dates. The
-- due key is spelled as store/action_reads.cpp spells it (an index on an expression is used only
-- for the same expression). The columns after id are the ones the list reads.
DROP INDEX actions_owner_status_due_key;
CREATE INDEX actions_owner_list
    ON actions (owner, status, COALESCE(due_date, '9999-12-31'), id, reference, meeting_id,
                item, text, due_date, due_text, rag_override, resolution_id, version,
                created_at, updated_at);
