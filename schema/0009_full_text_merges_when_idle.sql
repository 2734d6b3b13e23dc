-- 0009: the full-text indexes stop merging their segments inside the commits that write them.
-- Forward-only: once released, never edit this file; add a later migration instead.
--
-- Why: with FTS5's default (automerge = 4), a commit that leaves four segments on one level
-- merges them before it returns. Most commits merge nothing, but every 64th or so merges a
-- level of large segments, and the drop it belonged to waited 15-75 ms for its row: the tail
-- of the daemon's rename-to-row latency (bench/daemon_bench.py, p99 ~35 ms against ~1 ms p50).
-- With automerge off, segments are merged by Store::merge_full_text in small steps of their own
-- when the daemon has no file in hand. A writer that never does that (a CLI run, a hand-run
-- sqlite3) still gets FTS5's crisis merge, which keeps every level below 16 segments, so the
-- index stays bounded and searches stay correct either way.
--
-- crisismerge (default 16) is the number of segments on one level that makes the commit adding
-- the last of them merge the level at once. A burst of single drops adds one segment per index
-- per file; at 16 the merge may cascade into the levels a bulk ingest left, and one drop waited
-- 134 ms. At 64, the quiet spells between bursts leave the merging to Store::merge_full_text;
-- searches read up to 64 small segments a level in the meantime, still well under a millisecond.
INSERT INTO action_search (action_search, rank) VALUES ('automerge', 0);
INSERT INTO resolution_search (resolution_search, rank) VALUES ('automerge', 0);
INSERT INTO action_search (action_search, rank) VALUES ('crisismerge', 64);
INSERT INTO resolution_search (resolution_search, rank) VALUES ('crisismerge', 64);
