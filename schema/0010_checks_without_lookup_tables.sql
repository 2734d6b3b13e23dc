-- 0010: the same CHECK constraints, spelled so that SQLite tests them without building a table.
-- Forward-only: once released, never edit this file; add a later migration instead.
--
-- Why: SQLite 3.40 (Debian 12) compiles `x IN ('a', 'b', 'c')` with three or more constants
-- into an in-memory b-tree that it builds and fills before testing the value, and in a CHECK
-- constraint it does that again for every row written (no "once" guard, unlike a query). A
-- 50 KB document writes ~190 rows that carry such a check (resolutions.kind, actions' three,
-- action_events.kind, change_events.type, documents.status): ~190 b-trees, each a zeroed 4 KiB
-- page and a dozen allocations. Measured with bench/ingest_overhead: 3.72 -> 3.02 billion
-- instructions for 320 documents (callgrind), the writer's store step ~1.3 -> ~1.1 ms per
-- document. `x = 'a' OR x = 'b' OR x = 'c'` is tested with three comparisons against constants
-- loaded once per statement, and admits exactly the same values (NULL included: a NULL
-- rag_override passes both spellings, as a CHECK passes when its expression is NULL).
--
-- How: the documented way to change a CHECK constraint without rebuilding the table (SQLite's
-- "ALTER TABLE", section "Making Other Kinds Of Table Schema Changes"): edit the CREATE TABLE
-- text in sqlite_schema. No stored row changes and every stored row satisfies the new text,
-- since it means the same. The texts replaced are exactly what 0001-0003 wrote (those files are
-- never edited); tests/store/migrations_test.cpp checks that no INSERT into these tables builds
-- a table any more, so a replace() that matched nothing would not go unnoticed.
PRAGMA writable_schema = ON;

UPDATE sqlite_schema
SET sql = replace(sql, 'status IN (''ingested'', ''duplicate'', ''failed'')',
                  'status = ''ingested'' OR status = ''duplicate'' OR status = ''failed''')
WHERE type = 'table' AND name = 'documents';

UPDATE sqlite_schema
SET sql = replace(sql, 'kind IN (''agreed'', ''resolved'', ''noted'', ''recommended'')',
                  'kind = ''agreed'' OR kind = ''resolved'' OR kind = ''noted'' OR kind = ''recommended''')
WHERE type = 'table' AND name = 'resolutions';

UPDATE sqlite_schema
SET sql = replace(replace(replace(sql,
        'due_grain IN (''day'', ''month'', ''quarter'')',
        'due_grain = ''day'' OR due_grain = ''month'' OR due_grain = ''quarter'''),
        'status IN (''open'', ''in_progress'', ''done'', ''dropped'')',
        'status = ''open'' OR status = ''in_progress'' OR status = ''done'' OR status = ''dropped'''),
        'rag_override IN (''red'', ''amber'', ''green'')',
        'rag_override = ''red'' OR rag_override = ''amber'' OR rag_override = ''green''')
WHERE type = 'table' AND name = 'actions';

UPDATE sqlite_schema
SET sql = replace(sql, 'kind IN (''created'', ''status'', ''updated'', ''carried_over'')',
                  'kind = ''created'' OR kind = ''status'' OR kind = ''updated'' OR kind = ''carried_over''')
WHERE type = 'table' AND name = 'action_events';

-- 0002 wrapped this list over two lines; the replaced text keeps its line break and indent.
UPDATE sqlite_schema
SET sql = replace(sql, 'type IN (''action.created'', ''action.updated'', ''action.completed'',
                                       ''resolution.created'')',
                  'type = ''action.created'' OR type = ''action.updated'' OR type = ''action.completed'' OR type = ''resolution.created''')
WHERE type = 'table' AND name = 'change_events';

UPDATE sqlite_schema
SET sql = replace(sql, 'status IN (''pending'', ''sent'', ''dead'')',
                  'status = ''pending'' OR status = ''sent'' OR status = ''dead''')
WHERE type = 'table' AND name = 'outbox';

-- RESET turns editing off again and makes this connection re-read the schema, so the daemon
-- that just migrated the file writes with the new checks at once.
PRAGMA writable_schema = RESET;

-- Editing sqlite_schema does not change the schema cookie, which is what tells other open
-- connections to re-read the schema; a real schema change does. (They would only go on testing
-- the old, equivalent spelling; this keeps every connection's view the same as the file's.)
CREATE TABLE schema_cookie_bump (unused INTEGER);
DROP TABLE schema_cookie_bump;
