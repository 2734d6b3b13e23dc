-- 0005: the digest log (issue 4). Which weekly digest periods each digest recipient has had, so a
-- digest whose time passed while the daemon was down goes after start-up, and only once.
-- Forward-only: once released, never edit this file; add 0006_*.sql instead.

-- One row per recipient and period, written when the period's digest is dealt with: queued (in
-- the same transaction as its outbox row), found empty, or with no address to go to. No foreign
-- key to outbox: `outbox purge` deletes old rows, and the log must outlive them, or a purge
-- would make the notifier send a period's digest again.
CREATE TABLE digest_log (
    id INTEGER PRIMARY KEY,
    recipient TEXT NOT NULL,  -- the address, or 'no-address:' + name; ':' + committee key if any
    period TEXT NOT NULL,     -- ISO date of the period's first day (the digest weekday)
    logged_on TEXT NOT NULL,  -- the recipient's local date when it was dealt with (ISO)
    outbox_id INTEGER,        -- the e-mail that carried it; NULL when none was queued
    UNIQUE (recipient, period)
);
