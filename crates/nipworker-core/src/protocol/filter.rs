//! NIP-01 filters: what a subscription asks for, and the rule deciding whether an event matches.
//!
//! A field left out constrains nothing; a list given empty matches nothing (as relays treat it).
//! Several filters in one request are OR-ed ([`matches_any`]).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{Event, EventId, Kind, PublicKey, Timestamp};

/// A NIP-01 filter.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Filter {
    /// Exact event ids.
    pub ids: Option<BTreeSet<EventId>>,
    /// Exact author public keys.
    pub authors: Option<BTreeSet<PublicKey>>,
    /// Kinds.
    pub kinds: Option<BTreeSet<Kind>>,
    /// Single-letter tag filters (`#e`, `#p`, `#t`...): the event needs one tag of that name whose
    /// first value is in the set.
    pub tags: BTreeMap<char, BTreeSet<String>>,
    /// Oldest `created_at` accepted (inclusive).
    pub since: Option<Timestamp>,
    /// Newest `created_at` accepted (inclusive).
    pub until: Option<Timestamp>,
    /// Most events to return from stored ones, newest first.
    pub limit: Option<usize>,
    /// NIP-50 full-text query. Relays evaluate it; [`Filter::matches`] does not (see there).
    pub search: Option<String>,
}

impl Filter {
    /// An empty filter (matches every event).
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one id.
    pub fn id(mut self, id: EventId) -> Self {
        self.ids.get_or_insert_with(BTreeSet::new).insert(id);
        self
    }

    /// Adds ids.
    pub fn ids(mut self, ids: impl IntoIterator<Item = EventId>) -> Self {
        self.ids.get_or_insert_with(BTreeSet::new).extend(ids);
        self
    }

    /// Adds one author.
    pub fn author(mut self, pk: PublicKey) -> Self {
        self.authors.get_or_insert_with(BTreeSet::new).insert(pk);
        self
    }

    /// Adds authors.
    pub fn authors(mut self, pks: impl IntoIterator<Item = PublicKey>) -> Self {
        self.authors.get_or_insert_with(BTreeSet::new).extend(pks);
        self
    }

    /// Adds one kind.
    pub fn kind(mut self, kind: Kind) -> Self {
        self.kinds.get_or_insert_with(BTreeSet::new).insert(kind);
        self
    }

    /// Adds kinds.
    pub fn kinds(mut self, kinds: impl IntoIterator<Item = Kind>) -> Self {
        self.kinds.get_or_insert_with(BTreeSet::new).extend(kinds);
        self
    }

    /// Adds values to a single-letter tag filter (`letter` must be ASCII alphabetic to ever match).
    pub fn tag<I, S>(mut self, letter: char, values: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.tags
            .entry(letter)
            .or_default()
            .extend(values.into_iter().map(Into::into));
        self
    }

    /// `#e` filter on one event id.
    pub fn event(self, id: EventId) -> Self {
        self.tag('e', [id.to_hex()])
    }

    /// `#p` filter on one public key.
    pub fn pubkey(self, pk: PublicKey) -> Self {
        self.tag('p', [pk.to_hex()])
    }

    /// `#t` filter on one hashtag.
    pub fn hashtag(self, tag: impl Into<String>) -> Self {
        self.tag('t', [tag.into()])
    }

    /// Sets `since`.
    pub fn since(mut self, at: Timestamp) -> Self {
        self.since = Some(at);
        self
    }

    /// Sets `until`.
    pub fn until(mut self, at: Timestamp) -> Self {
        self.until = Some(at);
        self
    }

    /// Sets `limit`.
    pub fn limit(mut self, limit: usize) -> Self {
        self.limit = Some(limit);
        self
    }

    /// Sets the NIP-50 `search` string.
    pub fn search(mut self, query: impl Into<String>) -> Self {
        self.search = Some(query.into());
        self
    }

    /// True if no event can match (an empty list was given, or `since > until`).
    pub fn is_unsatisfiable(&self) -> bool {
        self.ids.as_ref().is_some_and(BTreeSet::is_empty)
            || self.authors.as_ref().is_some_and(BTreeSet::is_empty)
            || self.kinds.as_ref().is_some_and(BTreeSet::is_empty)
            || self.tags.values().any(BTreeSet::is_empty)
            || matches!((self.since, self.until), (Some(s), Some(u)) if s > u)
    }

    /// NIP-01 matching of everything but `limit` and `search`.
    ///
    /// `search` is NIP-50 and relay-defined: it is not evaluated here, so an event a relay returned
    /// for a search is not dropped for it. Stores refuse `search` filters instead of guessing.
    pub fn matches(&self, event: &Event) -> bool {
        if self
            .ids
            .as_ref()
            .is_some_and(|ids| !ids.contains(&event.id))
            || self
                .authors
                .as_ref()
                .is_some_and(|a| !a.contains(&event.pubkey))
            || self
                .kinds
                .as_ref()
                .is_some_and(|k| !k.contains(&event.kind))
        {
            return false;
        }
        if self.since.is_some_and(|s| event.created_at < s)
            || self.until.is_some_and(|u| event.created_at > u)
        {
            return false;
        }
        self.tags.iter().all(|(letter, values)| {
            event.tags.iter().any(|t| {
                t.single_letter() == Some(*letter) && t.value().is_some_and(|v| values.contains(v))
            })
        })
    }

    /// Serializes as a JSON object.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Parses a JSON object.
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }
}

/// True if any of `filters` matches (several filters in one request are OR-ed).
pub fn matches_any(filters: &[Filter], event: &Event) -> bool {
    filters.iter().any(|f| f.matches(event))
}

impl Serialize for Filter {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        if let Some(ids) = &self.ids {
            map.serialize_entry("ids", ids)?;
        }
        if let Some(authors) = &self.authors {
            map.serialize_entry("authors", authors)?;
        }
        if let Some(kinds) = &self.kinds {
            map.serialize_entry("kinds", kinds)?;
        }
        for (letter, values) in &self.tags {
            let mut key = [0u8; 5];
            let key = {
                key[0] = b'#';
                let n = letter.encode_utf8(&mut key[1..]).len();
                std::str::from_utf8(&key[..=n]).map_err(serde::ser::Error::custom)?
            };
            map.serialize_entry(key, values)?;
        }
        if let Some(since) = self.since {
            map.serialize_entry("since", &since)?;
        }
        if let Some(until) = self.until {
            map.serialize_entry("until", &until)?;
        }
        if let Some(limit) = self.limit {
            map.serialize_entry("limit", &limit)?;
        }
        if let Some(search) = &self.search {
            map.serialize_entry("search", search)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Filter {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FilterVisitor;

        impl<'de> Visitor<'de> for FilterVisitor {
            type Value = Filter;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a NIP-01 filter object")
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Filter, A::Error> {
                read_filter_map(map, |key| {
                    de::Error::custom(format_args!("duplicate filter key {key:?}"))
                })
            }
        }

        deserializer.deserialize_map(FilterVisitor)
    }
}

/// Reads the keys of a filter object; `duplicate` makes the error for a key given twice.
///
/// A repeated key is refused rather than resolved: parsers disagree on whether the first copy,
/// the last, or their union counts, so a relay and this client could read different filters.
/// Unknown keys are not tracked (they are skipped whatever their number).
pub(crate) fn read_filter_map<'de, A: MapAccess<'de>>(
    mut map: A,
    duplicate: impl Fn(&str) -> A::Error,
) -> Result<Filter, A::Error> {
    /// The keys with one value each, tracked in a bit set (a key given `null` counts as given).
    const KEYS: [&str; 7] = [
        "ids", "authors", "kinds", "since", "until", "limit", "search",
    ];
    let mut seen = 0u8;
    let mut filter = Filter::default();
    while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
        let key = key.as_ref();
        if let Some(bit) = KEYS.iter().position(|k| *k == key) {
            if seen & (1 << bit) != 0 {
                return Err(duplicate(key));
            }
            seen |= 1 << bit;
        }
        match key {
            "ids" => filter.ids = Some(map.next_value()?),
            "authors" => filter.authors = Some(map.next_value()?),
            "kinds" => filter.kinds = Some(map.next_value()?),
            "since" => filter.since = map.next_value()?,
            "until" => filter.until = map.next_value()?,
            "limit" => filter.limit = map.next_value()?,
            "search" => filter.search = map.next_value()?,
            k if k.starts_with('#') => {
                let mut chars = k[1..].chars();
                match (chars.next(), chars.next()) {
                    (Some(c), None) if c.is_ascii_alphabetic() => {
                        if filter.tags.contains_key(&c) {
                            return Err(duplicate(key));
                        }
                        let values: BTreeSet<String> = map.next_value()?;
                        filter.tags.insert(c, values);
                    }
                    _ => {
                        return Err(de::Error::custom(format_args!(
                            "tag filter key {k:?} is not '#' and one letter"
                        )));
                    }
                }
            }
            // Unknown keys (extensions of other NIPs) are ignored as relays do.
            _ => {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
    }
    Ok(filter)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{EventBuilder, Keys, Tag};

    fn note(keys: &Keys, kind: u16, at: u64, tags: Vec<Tag>) -> Event {
        EventBuilder::new(Kind(kind), "x")
            .tags(tags)
            .created_at(Timestamp(at))
            .sign(keys)
    }

    #[test]
    fn matching_table() {
        let alice = Keys::generate();
        let bob = Keys::generate();
        let e = note(
            &alice,
            1,
            100,
            vec![
                Tag::new(["e", "aa", "wss://x"]),
                Tag::new(["t", "nostr"]),
                Tag::new(["p"]),
            ],
        );
        let table: Vec<(Filter, bool)> = vec![
            (Filter::new(), true),
            (Filter::new().id(e.id), true),
            (Filter::new().id(EventId([0; 32])), false),
            (Filter::new().author(alice.public_key()), true),
            (Filter::new().author(bob.public_key()), false),
            (Filter::new().kinds([Kind(0), Kind(1)]), true),
            (Filter::new().kind(Kind(7)), false),
            (
                Filter::new().since(Timestamp(100)).until(Timestamp(100)),
                true,
            ),
            (Filter::new().since(Timestamp(101)), false),
            (Filter::new().until(Timestamp(99)), false),
            (Filter::new().tag('e', ["aa"]), true),
            (Filter::new().tag('e', ["bb", "aa"]), true),
            (Filter::new().tag('e', ["wss://x"]), false),
            (Filter::new().tag('e', ["aa"]).hashtag("nostr"), true),
            (Filter::new().tag('e', ["aa"]).hashtag("bitcoin"), false),
            // A tag without a value never matches a tag filter.
            (Filter::new().tag('p', [""]), false),
            (Filter::new().limit(0), true),
            (
                Filter {
                    ids: Some(BTreeSet::new()),
                    ..Filter::default()
                },
                false,
            ),
            (
                Filter {
                    kinds: Some(BTreeSet::new()),
                    ..Filter::default()
                },
                false,
            ),
            (Filter::new().search("anything"), true),
        ];
        for (i, (f, want)) in table.iter().enumerate() {
            assert_eq!(f.matches(&e), *want, "row {i}: {}", f.to_json());
        }
        assert!(matches_any(
            &[Filter::new().kind(Kind(7)), Filter::new().kind(Kind(1))],
            &e
        ));
        assert!(!matches_any(&[Filter::new().kind(Kind(7))], &e));
        assert!(!matches_any(&[], &e));
    }

    #[test]
    fn json_round_trip_and_errors() {
        let json = r##"{"ids":["7464c4478ca40a562613f02d379a185a2272d25b1d06f3c509ca94cf57401e90"],"kinds":[1,0],"#e":["x"],"#t":["a","b"],"since":5,"until":6,"limit":10,"search":"q","x-ext":{"a":[1]}}"##;
        let f = Filter::from_json(json).unwrap();
        assert_eq!(f.kinds.as_ref().map(BTreeSet::len), Some(2));
        assert_eq!(f.tags[&'t'].len(), 2);
        assert_eq!(f.limit, Some(10));
        let back = Filter::from_json(&f.to_json()).unwrap();
        assert_eq!(back, f);
        assert!(f.to_json().contains("\"#e\":[\"x\"]"));

        for bad in [
            r##"{"#ee":["x"]}"##,
            r##"{"#1":["x"]}"##,
            r#"{"kinds":[70000]}"#,
            r#"{"kinds":[-1]}"#,
            r#"{"ids":["ABC"]}"#,
            r#"{"since":"yesterday"}"#,
            r#"{"limit":1e400}"#,
            r#"[]"#,
        ] {
            assert!(Filter::from_json(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn duplicate_keys_are_refused_with_their_name() {
        for (json, key) in [
            (r#"{"kinds":[1],"kinds":[7]}"#, "kinds"),
            (r##"{"#e":["a"],"#e":["b"]}"##, "#e"),
            (r#"{"limit":null,"limit":3}"#, "limit"),
            (r#"{"ids":[],"search":"a","search":"b"}"#, "search"),
        ] {
            let err = Filter::from_json(json).unwrap_err();
            assert!(
                err.to_string()
                    .contains(&format!("duplicate filter key {key:?}")),
                "{json}: {err}"
            );
        }
        // Different tag letters and repeated unknown keys are fine.
        let f = Filter::from_json(r##"{"#e":["a"],"#E":["b"],"x":1,"x":2}"##).unwrap();
        assert_eq!(f.tags.len(), 2);
    }

    #[test]
    fn unsatisfiable() {
        assert!(!Filter::new().is_unsatisfiable());
        assert!(
            Filter::new()
                .since(Timestamp(2))
                .until(Timestamp(1))
                .is_unsatisfiable()
        );
        assert!(
            Filter {
                authors: Some(BTreeSet::new()),
                ..Filter::default()
            }
            .is_unsatisfiable()
        );
    }
}
