//! NIP-01 filters to parameterised SQL. Values are only ever bound, never spliced: the SQL text
//! depends on the filter's shape (which fields, how many values), so prepared statements cache.
//!
//! Long value lists (ids, authors, tag values) go in as one JSON array read with `json_each`, so
//! SQLite's bound-parameter limit never applies, however many ids a filter holds.

use std::fmt::Write as _;

use crate::protocol::{Filter, Timestamp};

/// Lists up to this long are bound as `IN (?, ?, ...)`, giving the planner the exact size;
/// longer ones as one JSON array.
const INLINE_LIST: usize = 16;

/// A bound value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Param {
    Int(i64),
    Text(String),
    Blob(Vec<u8>),
}

/// SQL text and its parameters in order.
#[derive(Debug, Default)]
pub(crate) struct Sql {
    pub text: String,
    pub params: Vec<Param>,
}

impl Sql {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    fn bind(&mut self, p: Param) {
        self.text.push('?');
        self.params.push(p);
    }
}

fn clamp(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// Appends `<column> IN (...)` for blob values given as raw bytes.
fn in_blobs<'a>(sql: &mut Sql, column: &str, values: impl ExactSizeIterator<Item = &'a [u8]>) {
    let _ = write!(sql.text, "{column} IN (");
    if values.len() <= INLINE_LIST {
        for (i, v) in values.enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.bind(Param::Blob(v.to_vec()));
        }
    } else {
        // One JSON array of hex strings, decoded by SQLite.
        let json = serde_json::Value::Array(
            values
                .map(|v| serde_json::Value::String(hex::encode(v)))
                .collect(),
        );
        sql.push("SELECT unhex(value) FROM json_each(");
        sql.bind(Param::Text(json.to_string()));
        sql.push(")");
    }
    sql.push(")");
}

/// How a tag value is stored: 64 lowercase hex characters (ids, pubkeys) as their 32 bytes, any
/// other value as text. One-to-one, so a lookup maps the value it looks for the same way.
pub(crate) fn tag_value(value: &str) -> Param {
    let b = value.as_bytes();
    if b.len() == 64 && b.iter().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f')) {
        let mut out = vec![0u8; 32];
        if hex::decode_to_slice(b, &mut out).is_ok() {
            return Param::Blob(out);
        }
    }
    Param::Text(value.to_owned())
}

/// [`tag_value`] in SQL, applied to the expression `v` (the migration's trigger uses the same).
fn tag_value_sql(v: &str) -> String {
    format!(
        "CASE WHEN length({v}) = 64 AND {v} NOT GLOB '*[^0-9a-f]*' THEN unhex({v}) ELSE {v} END"
    )
}

/// Appends `<column> IN (...)` for tag values, stored as [`tag_value`] says.
fn in_tag_values<'a>(
    sql: &mut Sql,
    column: &str,
    values: impl ExactSizeIterator<Item = &'a String>,
) {
    let _ = write!(sql.text, "{column} IN (");
    if values.len() <= INLINE_LIST {
        for (i, v) in values.enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.bind(tag_value(v));
        }
    } else {
        let json = serde_json::Value::Array(
            values
                .map(|v| serde_json::Value::String(v.clone()))
                .collect(),
        );
        let _ = write!(
            sql.text,
            "SELECT {} FROM json_each(",
            tag_value_sql("value")
        );
        sql.bind(Param::Text(json.to_string()));
        sql.push(")");
    }
    sql.push(")");
}

/// The conditions on `a` (an alias of `events`) for everything but the driving tag.
fn event_conditions(sql: &mut Sql, f: &Filter, a: &str, skip_tag: Option<char>, now: Timestamp) {
    let _ = write!(sql.text, "({a}.expires_at IS NULL OR {a}.expires_at > ");
    sql.bind(Param::Int(clamp(now.as_u64())));
    sql.push(")");
    if let Some(ids) = &f.ids {
        sql.push(" AND ");
        in_blobs(sql, &format!("{a}.id"), ids.iter().map(|i| &i.0[..]));
    }
    if let Some(authors) = &f.authors {
        sql.push(" AND ");
        in_blobs(
            sql,
            &format!("{a}.pubkey"),
            authors.iter().map(|p| &p.0[..]),
        );
    }
    if let Some(kinds) = &f.kinds {
        let _ = write!(sql.text, " AND {a}.kind IN (");
        if kinds.len() <= INLINE_LIST {
            for (i, k) in kinds.iter().enumerate() {
                if i > 0 {
                    sql.push(", ");
                }
                sql.bind(Param::Int(i64::from(k.as_u16())));
            }
        } else {
            let json = serde_json::to_string(kinds).unwrap_or_default();
            sql.push("SELECT value FROM json_each(");
            sql.bind(Param::Text(json));
            sql.push(")");
        }
        sql.push(")");
    }
    if let Some(since) = f.since {
        let _ = write!(sql.text, " AND {a}.created_at >= ");
        sql.bind(Param::Int(clamp(since.as_u64())));
    }
    if let Some(until) = f.until.filter(|u| i64::try_from(u.as_u64()).is_ok()) {
        let _ = write!(sql.text, " AND {a}.created_at <= ");
        sql.bind(Param::Int(clamp(until.as_u64())));
    }
    for (letter, values) in &f.tags {
        if Some(*letter) == skip_tag {
            continue;
        }
        let _ = write!(
            sql.text,
            " AND EXISTS (SELECT 1 FROM tags tg WHERE tg.event_seq = {a}.seq \
             AND tg.created_at = {a}.created_at AND tg.key = "
        );
        sql.bind(Param::Text(letter.to_string()));
        sql.push(" AND ");
        in_tag_values(sql, "tg.value", values.iter());
        sql.push(")");
    }
}

fn limit(sql: &mut Sql, f: &Filter) {
    if let Some(n) = f.limit {
        sql.push(" LIMIT ");
        sql.bind(Param::Int(i64::try_from(n).unwrap_or(i64::MAX)));
    }
}

/// From this many authors on, a filter that also names kinds walks each kind's time index and
/// checks the author along the way instead of walking each author's: a follow feed's authors
/// write much of what a client caches, so the newest `limit` of the kinds are reached after a
/// short walk, whereas per-author walks cost `authors x limit` rows before the merge (anchor
/// bench, 1,000 authors, limit 20: 96-122 ms per author, 0.69 ms per kind). The price: many
/// listed authors who wrote little of the cache make the kind walk long.
const MANY_AUTHORS: usize = 32;

/// How a filter's query walks the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drive {
    /// Walk one tag's index in time order (the tag with the fewest values).
    Tag(char),
    /// Several authors and a limit: the newest `limit` of each author through the author-time
    /// index, merged; instead of sorting every event of every author.
    EachAuthor,
    /// Several kinds and a limit, or many authors with kinds: likewise per kind.
    EachKind,
    /// One walk of whatever index SQLite picks.
    Plain,
}

fn drive(f: &Filter) -> Drive {
    if f.ids.is_some() {
        return Drive::Plain;
    }
    if let Some((letter, _)) = f.tags.iter().min_by_key(|(_, values)| values.len()) {
        return Drive::Tag(*letter);
    }
    if f.limit.is_none() {
        return Drive::Plain;
    }
    match (&f.authors, &f.kinds) {
        (Some(a), Some(k)) if a.len() >= MANY_AUTHORS && !k.is_empty() => Drive::EachKind,
        (Some(a), _) if a.len() > 1 => Drive::EachAuthor,
        (None, Some(k)) if k.len() > 1 => Drive::EachKind,
        _ => Drive::Plain,
    }
}

/// True if `since` is past anything storable: the filter can match nothing.
fn impossible(f: &Filter) -> bool {
    f.since.is_some_and(|s| i64::try_from(s.as_u64()).is_err())
}

/// A subquery selecting `seq, created_at, id` of one filter's matches, newest first, limited.
fn filter_rows(sql: &mut Sql, f: &Filter, now: Timestamp) {
    match drive(f) {
        Drive::Tag(letter) => {
            // Walk the tag index in time order; DISTINCT because an event may carry the same
            // tag value twice or several of the values.
            sql.push(
                "SELECT DISTINCT e.seq AS seq, t.created_at AS created_at, e.id AS id FROM tags t \
                 CROSS JOIN events e ON e.seq = t.event_seq WHERE t.key = ",
            );
            sql.bind(Param::Text(letter.to_string()));
            sql.push(" AND ");
            let values = f.tags.get(&letter).map(|v| v.iter().collect::<Vec<_>>());
            in_tag_values(sql, "t.value", values.unwrap_or_default().into_iter());
            sql.push(" AND ");
            event_conditions(sql, f, "e", Some(letter), now);
            if f.limit.is_some() {
                sql.push(" ORDER BY t.created_at DESC, e.id");
            }
        }
        Drive::EachAuthor | Drive::EachKind => {
            let each_author = drive(f) == Drive::EachAuthor;
            let (list, inner, index, column) = if each_author {
                let hex: Vec<String> = f.authors.iter().flatten().map(|p| p.to_hex()).collect();
                let rest = Filter {
                    authors: None,
                    ..f.clone()
                };
                (
                    serde_json::to_string(&hex).unwrap_or_default(),
                    rest,
                    "events_author_time",
                    "x.pubkey = unhex(j.value)",
                )
            } else {
                let kinds = serde_json::to_string(&f.kinds).unwrap_or_default();
                let rest = Filter {
                    kinds: None,
                    ..f.clone()
                };
                (kinds, rest, "events_kind_time", "x.kind = j.value")
            };
            sql.push("SELECT e.seq AS seq, e.created_at AS created_at, e.id AS id FROM json_each(");
            sql.bind(Param::Text(list));
            let _ = write!(
                sql.text,
                ") j CROSS JOIN events e WHERE e.seq IN (SELECT x.seq FROM events x \
                 INDEXED BY {index} WHERE {column} AND "
            );
            event_conditions(sql, &inner, "x", None, now);
            sql.push(" ORDER BY x.created_at DESC, x.id");
            limit(sql, f);
            sql.push(") ORDER BY e.created_at DESC, e.id");
        }
        Drive::Plain => {
            sql.push("SELECT e.seq AS seq, e.created_at AS created_at, e.id AS id FROM events e ");
            if f.authors.as_ref().is_some_and(|a| a.len() == 1) && f.ids.is_none() {
                // One author: their events in time order beat any kind or time index.
                sql.push("INDEXED BY events_author_time ");
            }
            sql.push("WHERE ");
            event_conditions(sql, f, "e", None, now);
            if f.limit.is_some() {
                sql.push(" ORDER BY e.created_at DESC, e.id");
            }
        }
    }
    limit(sql, f);
}

/// `seq IN (...)`: the union of every filter's matches. `None` if no filter can match.
fn seq_set(filters: &[&Filter], now: Timestamp) -> Option<Sql> {
    let filters: Vec<&&Filter> = filters.iter().filter(|f| !impossible(f)).collect();
    if filters.is_empty() {
        return None;
    }
    let mut sql = Sql::default();
    sql.push("seq IN (");
    for (i, f) in filters.iter().enumerate() {
        if i > 0 {
            sql.push(" UNION ALL ");
        }
        sql.push("SELECT seq FROM (");
        filter_rows(&mut sql, f, now);
        sql.push(")");
    }
    sql.push(")");
    Some(sql)
}

/// Rows `raw_json, created_at, id` of the events a query returns, in NIP-01 order if `ordered`
/// (each filter's own limit is always applied to its newest matches).
pub(crate) fn select_rows(filters: &[&Filter], now: Timestamp, ordered: bool) -> Option<Sql> {
    if let [f] = filters
        && drive(f) == Drive::Plain
    {
        if impossible(f) {
            return None;
        }
        let mut sql = Sql::default();
        sql.push(
            "SELECT e.raw_json AS raw_json, e.created_at AS created_at, e.id AS id FROM events e ",
        );
        if f.authors.as_ref().is_some_and(|a| a.len() == 1) && f.ids.is_none() {
            sql.push("INDEXED BY events_author_time ");
        }
        sql.push("WHERE ");
        event_conditions(&mut sql, f, "e", None, now);
        if ordered || f.limit.is_some() {
            sql.push(" ORDER BY e.created_at DESC, e.id");
        }
        limit(&mut sql, f);
        return Some(sql);
    }
    let set = seq_set(filters, now)?;
    let mut sql = Sql::default();
    sql.push("SELECT raw_json, created_at, id FROM events WHERE ");
    sql.text.push_str(&set.text);
    sql.params = set.params;
    if ordered {
        sql.push(" ORDER BY created_at DESC, id");
    }
    Some(sql)
}

/// One row holding the whole result as a JSON array, in no particular order (the caller sorts):
/// one row crosses from SQLite to Rust instead of one per event (the per-row hand-off dominated
/// query time), and SQLite does not copy every event into a sorter.
pub(crate) fn select_array(filters: &[&Filter], now: Timestamp) -> Option<Sql> {
    let rows = select_rows(filters, now, false)?;
    Some(Sql {
        text: format!(
            "SELECT '[' || COALESCE(group_concat(raw_json, ','), '') || ']' FROM ({})",
            rows.text
        ),
        params: rows.params,
    })
}

/// The most events a query can return, if every filter has a limit.
pub(crate) fn bound(filters: &[&Filter]) -> Option<usize> {
    filters
        .iter()
        .try_fold(0usize, |acc, f| Some(acc.saturating_add(f.limit?)))
}

/// `SELECT COUNT(*)` of the events a query returns.
pub(crate) fn count(filters: &[&Filter], now: Timestamp) -> Option<Sql> {
    let set = seq_set(filters, now)?;
    Some(Sql {
        text: format!("SELECT COUNT(*) FROM events WHERE {}", set.text),
        params: set.params,
    })
}

/// `DELETE` of the events a query returns, returning their ids and sizes.
pub(crate) fn delete(filters: &[&Filter], now: Timestamp) -> Option<Sql> {
    let set = seq_set(filters, now)?;
    Some(Sql {
        text: format!(
            "DELETE FROM events WHERE {} RETURNING id, size, created_at",
            set.text
        ),
        params: set.params,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{EventId, Kind};

    #[test]
    fn values_are_bound_never_spliced() {
        let evil = "x') OR 1=1; DROP TABLE events; --".to_string();
        let f = Filter::new()
            .kind(Kind(1))
            .tag('t', [evil.clone()])
            .limit(5);
        let sql = select_rows(&[&f], Timestamp(10), true).unwrap();
        assert!(!sql.text.contains("DROP"));
        assert!(sql.params.contains(&Param::Text(evil)));
    }

    #[test]
    fn long_lists_use_one_json_parameter() {
        let ids = (0..10_000u32).map(|i| {
            let mut b = [0u8; 32];
            b[..4].copy_from_slice(&i.to_be_bytes());
            EventId(b)
        });
        let f = Filter::new().ids(ids);
        let sql = select_rows(&[&f], Timestamp(10), true).unwrap();
        assert!(sql.params.len() < 5, "{}", sql.params.len());
        assert!(sql.text.contains("json_each"));
    }
}
