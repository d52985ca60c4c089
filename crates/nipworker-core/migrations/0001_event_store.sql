-- The event cache: events, their single-letter tags, and NIP-09 deletion tombstones.

CREATE TABLE events (
    -- Row number; tags point here (8 bytes per tag row instead of a 32-byte id).
    seq INTEGER PRIMARY KEY,
    id BLOB NOT NULL UNIQUE,
    pubkey BLOB NOT NULL,
    kind INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    content TEXT NOT NULL,
    sig BLOB NOT NULL,
    -- The event as JSON: what queries read back (one parse instead of a tags join).
    raw_json TEXT NOT NULL,
    -- Replace key: '' for replaceable kinds, the d tag for addressable kinds, NULL otherwise.
    d TEXT,
    -- NIP-40 expiration, NULL when none.
    expires_at INTEGER,
    -- Bytes counted against max_bytes (length of raw_json).
    size INTEGER NOT NULL,
    -- Eviction order: 0 regular, 1 addressable, 2 replaceable, 3 relay lists (kind 10002).
    -- Eviction walks events_time and filters on it: no index of its own, so ingest pays nothing.
    evict_class INTEGER NOT NULL
);

-- Kinds over time (and by kind alone); the ORDER BY id on ties is a small sort per timestamp.
CREATE INDEX events_kind_time ON events (kind, created_at);
-- Authors in time order (author+kind queries filter kinds along the walk; replaceable lookups by
-- author and kind use events_address).
CREATE INDEX events_author_time ON events (pubkey, created_at);
-- Time windows and filters with no better index.
CREATE INDEX events_time ON events (created_at);
-- One version per replaceable/addressable coordinate.
CREATE UNIQUE INDEX events_address ON events (pubkey, kind, d) WHERE d IS NOT NULL;
CREATE INDEX events_expiry ON events (expires_at) WHERE expires_at IS NOT NULL;

-- Every tag whose name is one ASCII letter and which has a value: what #x filters match.
CREATE TABLE tags (
    event_seq INTEGER NOT NULL,
    -- Position of the tag in the event's tag list.
    idx INTEGER NOT NULL,
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    -- The event's created_at, so a tag query walks one index in time order.
    created_at INTEGER NOT NULL,
    PRIMARY KEY (event_seq, idx)
) WITHOUT ROWID;

CREATE INDEX tags_key_value_time ON tags (key, value, created_at);

CREATE TRIGGER events_drop_tags AFTER DELETE ON events BEGIN
    DELETE FROM tags WHERE event_seq = old.seq;
END;

-- NIP-09 `e` deletions: target deleted by author, kept even before (and after) the target.
CREATE TABLE deleted_ids (
    target BLOB NOT NULL,
    author BLOB NOT NULL,
    deletion BLOB NOT NULL,
    PRIMARY KEY (target, author)
) WITHOUT ROWID;

-- NIP-09 `a` deletions: every version of the coordinate up to `until` is deleted.
CREATE TABLE deleted_addresses (
    pubkey BLOB NOT NULL,
    kind INTEGER NOT NULL,
    d TEXT NOT NULL,
    until INTEGER NOT NULL,
    deletion BLOB NOT NULL,
    PRIMARY KEY (pubkey, kind, d)
) WITHOUT ROWID;
