#!/usr/bin/env python3
"""Fill an actiontrack register with synthetic meetings and actions for the web benchmark.

Usage: bench/gen_actions.py ACTIONTRACK_BINARY DB [--actions N]

The binary creates the register (all migrations, via `actiontrack token create bench`, whose
token is printed on stdout); this script then adds 2,000 meetings of 20 committees and N actions
(default 1,000,000) spread over 1,000 owners ("Officer 0000".."Officer 0999"), with a mix of
statuses and due dates around today, in one transaction. The schema's triggers keep the
full-text index and the change feed in step, exactly as for real ingests.
"""
import argparse
import datetime
import random
import sqlite3
import subprocess
import sys


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("binary")
    parser.add_argument("db")
    parser.add_argument("--actions", type=int, default=1_000_000)
    args = parser.parse_args()

    token = subprocess.run([args.binary, "token", "create", "bench", "--db", args.db],
                           check=True, capture_output=True, text=True).stdout.strip()
    rng = random.Random(20261126)
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    today = datetime.date.today()
    db = sqlite3.connect(args.db)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = OFF")
    # A large page cache keeps the one big transaction from spilling pages to the WAL early.
    db.execute("PRAGMA cache_size = -1500000")
    db.execute("BEGIN")
    committees = [f"Committee {c:02d}" for c in range(20)]
    meetings = []
    for m in range(2000):
        # Distinct dates per committee: (committee, date) is a meeting's identity.
        date = today - datetime.timedelta(days=(m // 20) * 15 + m % 20)
        year = date.year if date.month >= 5 else date.year - 1
        cur = db.execute(
            "INSERT INTO meetings (committee, meeting_date, municipal_year, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (committees[m % 20], date.isoformat() if m % 1000 else None,
             f"{year % 100:02d}-{(year + 1) % 100:02d}" if m % 1000 else "undated", now, now))
        meetings.append((cur.lastrowid, m))
    words = ("report review briefing budget housing schools transport parks libraries care "
             "consultation survey figures plan strategy update panel members officers").split()
    statuses = ["open"] * 5 + ["in_progress"] * 2 + ["done"] * 12 + ["dropped"]

    def rows():
        for i in range(args.actions):
            meeting_id, _ = meetings[i % len(meetings)]
            due = today + datetime.timedelta(days=rng.randrange(-400, 200))
            text = "Provide a " + " ".join(rng.choice(words) for _ in range(8))
            yield (meeting_id, f"{i % 40}", text, f"Officer {rng.randrange(1000):04d}",
                   due.isoformat() if i % 10 else None, "day", 0, rng.choice(statuses),
                   f"BENCH/{i}", i, now, now)

    db.executemany(
        "INSERT INTO actions (meeting_id, item, text, owner, due_date, due_grain, derived, status,"
        " reference, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows())
    db.execute("COMMIT")
    db.execute("ANALYZE")
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    print(token)
    return 0


if __name__ == "__main__":
    sys.exit(main())
