-- Ingest speed: every byte a batch writes goes through the WAL and again into the file at the
-- checkpoint, and every index entry of a random key dirties its own page. So:
-- 1. `content` and `sig` are read from `raw_json` (virtual generated columns: still queryable,
--    no longer stored twice);
-- 2. `tags` is one b-tree keyed the way #x queries walk it, (key, value, created_at, event_seq),
--    instead of a table plus an index holding the same bytes again;
-- 3. tag values that are 64 lowercase hex characters (event ids, pubkeys: most `e`/`p` tags) are
--    stored as their 32 bytes. The mapping is one-to-one, and queries apply the same mapping to
--    the values they look for (see `tag_value` in the store and TAG_VALUE_SQL below).

DROP TRIGGER events_drop_tags;
DROP INDEX tags_key_value_time;

ALTER TABLE events DROP COLUMN content;
ALTER TABLE events DROP COLUMN sig;
ALTER TABLE events ADD COLUMN content TEXT GENERATED ALWAYS AS (raw_json ->> '$.content') VIRTUAL;
ALTER TABLE events ADD COLUMN sig BLOB GENERATED ALWAYS AS (unhex(raw_json ->> '$.sig')) VIRTUAL;

ALTER TABLE tags RENAME TO tags_old;

-- Every tag whose name is one ASCII letter and which has a value: what #x filters match. One row
-- per (event, key, value): an event repeating a tag value needs it only once.
CREATE TABLE tags (
    key TEXT NOT NULL,
    -- TEXT, or BLOB for 64-character lowercase hex values (declared BLOB: no type conversion).
    value BLOB NOT NULL,
    -- The event's created_at, so a tag query walks this b-tree in time order.
    created_at INTEGER NOT NULL,
    event_seq INTEGER NOT NULL,
    -- Position of the (first) tag in the event's tag list.
    idx INTEGER NOT NULL,
    PRIMARY KEY (key, value, created_at, event_seq)
) WITHOUT ROWID;

INSERT OR IGNORE INTO tags (key, value, created_at, event_seq, idx)
SELECT key,
       CASE WHEN length(value) = 64 AND value NOT GLOB '*[^0-9a-f]*' THEN unhex(value)
            ELSE value END,
       created_at, event_seq, idx
FROM tags_old ORDER BY event_seq, idx;

DROP TABLE tags_old;

-- The tags of a removed event are found again from its JSON (the same mapping as on insert):
-- superfluous keys (names longer than one letter) match no row and cost one probe each.
CREATE TRIGGER events_drop_tags AFTER DELETE ON events BEGIN
    DELETE FROM tags WHERE (key, value, created_at, event_seq) IN (
        SELECT t.value ->> 0,
               CASE WHEN length(t.value ->> 1) = 64 AND (t.value ->> 1) NOT GLOB '*[^0-9a-f]*'
                    THEN unhex(t.value ->> 1) ELSE t.value ->> 1 END,
               old.created_at, old.seq
        FROM json_each(old.raw_json, '$.tags') t
        WHERE json_array_length(t.value) >= 2 AND length(t.value ->> 0) = 1
    );
END;
