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

fn in_texts<'a>(sql: &mut Sql, column: &str, values: impl ExactSizeIterator<Item = &'a String>) {
    let _ = write!(sql.text, "{column} IN (");
    if values.len() <= INLINE_LIST {
        for (i, v) in values.enumerate() {
            if i > 0 {
                sql.push(", ");
            }
            sql.bind(Param::Text(v.clone()));
        }
    } else {
        let json = serde_json::Value::Array(
            values
                .map(|v| serde_json::Value::String(v.clone()))
                .collect(),
        );
        sql.push("SELECT value FROM json_each(");
        sql.bind(Param::Text(json.to_string()));
        sql.push(")");
    }
    sql.push(")");
}

/// The conditions on `e` (an `events` row) for everything but the driving tag.
fn event_conditions(sql: &mut Sql, f: &Filter, skip_tag: Option<char>, now: Timestamp) {
    sql.push("(e.expires_at IS NULL OR e.expires_at > ");
    sql.bind(Param::Int(clamp(now.as_u64())));
    sql.push(")");
    if let Some(ids) = &f.ids {
        sql.push(" AND ");
        in_blobs(sql, "e.id", ids.iter().map(|i| &i.0[..]));
    }
    if let Some(authors) = &f.authors {
        sql.push(" AND ");
        in_blobs(sql, "e.pubkey", authors.iter().map(|a| &a.0[..]));
    }
    if let Some(kinds) = &f.kinds {
        sql.push(" AND e.kind IN (");
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
        sql.push(" AND e.created_at >= ");
        sql.bind(Param::Int(clamp(since.as_u64())));
    }
    if let Some(until) = f.until.filter(|u| i64::try_from(u.as_u64()).is_ok()) {
        sql.push(" AND e.created_at <= ");
        sql.bind(Param::Int(clamp(until.as_u64())));
    }
    for (letter, values) in &f.tags {
        if Some(*letter) == skip_tag {
            continue;
        }
        sql.push(" AND EXISTS (SELECT 1 FROM tags x WHERE x.event_seq = e.seq AND x.key = ");
        sql.bind(Param::Text(letter.to_string()));
        sql.push(" AND ");
        in_texts(sql, "x.value", values.iter());
        sql.push(")");
    }
}

fn limit(sql: &mut Sql, f: &Filter) {
    if let Some(n) = f.limit {
        sql.push(" LIMIT ");
        sql.bind(Param::Int(i64::try_from(n).unwrap_or(i64::MAX)));
    }
}

/// The tag that drives a filter's query: the one with the fewest values (likely most selective).
fn driving_tag(f: &Filter) -> Option<char> {
    if f.ids.is_some() {
        return None;
    }
    f.tags
        .iter()
        .min_by_key(|(_, values)| values.len())
        .map(|(letter, _)| *letter)
}

/// True if `since` is past anything storable: the filter can match nothing.
fn impossible(f: &Filter) -> bool {
    f.since.is_some_and(|s| i64::try_from(s.as_u64()).is_err())
}

/// A subquery selecting the `seq` of one filter's matches, newest first, limited.
fn filter_seqs(sql: &mut Sql, f: &Filter, now: Timestamp) {
    match driving_tag(f) {
        Some(letter) => {
            // Walk the tag index in time order; DISTINCT because an event may carry the same
            // tag value twice or several of the values.
            sql.push(
                "SELECT DISTINCT e.seq AS seq, t.created_at, e.id FROM tags t \
                 CROSS JOIN events e ON e.seq = t.event_seq WHERE t.key = ",
            );
            sql.bind(Param::Text(letter.to_string()));
            sql.push(" AND ");
            let values = f.tags.get(&letter).map(|v| v.iter().collect::<Vec<_>>());
            in_texts(sql, "t.value", values.unwrap_or_default().into_iter());
            sql.push(" AND ");
            event_conditions(sql, f, Some(letter), now);
            if f.limit.is_some() {
                sql.push(" ORDER BY t.created_at DESC, e.id");
            }
        }
        None => {
            sql.push("SELECT e.seq AS seq FROM events e WHERE ");
            event_conditions(sql, f, None, now);
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
        filter_seqs(&mut sql, f, now);
        sql.push(")");
    }
    sql.push(")");
    Some(sql)
}

/// `SELECT raw_json` of the events a query returns, in NIP-01 order.
pub(crate) fn select_json(filters: &[&Filter], now: Timestamp) -> Option<Sql> {
    if let [f] = filters
        && driving_tag(f).is_none()
    {
        if impossible(f) {
            return None;
        }
        let mut sql = Sql::default();
        sql.push("SELECT e.raw_json FROM events e WHERE ");
        event_conditions(&mut sql, f, None, now);
        sql.push(" ORDER BY e.created_at DESC, e.id");
        limit(&mut sql, f);
        return Some(sql);
    }
    let set = seq_set(filters, now)?;
    let mut sql = Sql::default();
    sql.push("SELECT raw_json FROM events WHERE ");
    sql.text.push_str(&set.text);
    sql.params = set.params;
    sql.push(" ORDER BY created_at DESC, id");
    Some(sql)
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
        let sql = select_json(&[&f], Timestamp(10)).unwrap();
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
        let sql = select_json(&[&f], Timestamp(10)).unwrap();
        assert!(sql.params.len() < 5, "{}", sql.params.len());
        assert!(sql.text.contains("json_each"));
    }
}
