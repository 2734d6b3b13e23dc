-- 0006: one-click unsubscribe (RFC 8058) from mailing lists such as the weekly digest.
-- Forward-only: once released, never edit this file; add 0007_*.sql instead.

-- One row per (list, address) that was ever sent a list message: a random token for the
-- message's List-Unsubscribe URL, and when the address opted out (NULL while subscribed).
-- The token is random rather than an HMAC of the address: the URL then names no address (it is
-- logged by proxies and mail scanners), there is no key to keep secret or rotate, and a token
-- could be revoked by deleting its row. The cost is this row per recipient, written by the
-- digest run that already writes the outbox.
CREATE TABLE unsubscribe_tokens (
    id INTEGER PRIMARY KEY,
    token TEXT NOT NULL UNIQUE,           -- 32 lowercase hex digits (128 random bits)
    list TEXT NOT NULL,                   -- 'digest'
    address TEXT NOT NULL COLLATE NOCASE, -- the recipient's e-mail address
    created_at TEXT NOT NULL,
    unsubscribed_at TEXT,                 -- UTC ISO 8601; NULL while subscribed
    UNIQUE (list, address)
);
