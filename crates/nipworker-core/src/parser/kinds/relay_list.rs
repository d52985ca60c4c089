//! NIP-65 kind 10002 relay lists: `r` tags with optional `read`/`write` markers, URLs
//! normalized so the outbox model can compare them.

use std::collections::HashMap;

use serde::Serialize;

use super::error::{SkipReason, Skipped};
use crate::protocol::Event;
use crate::protocol::normalize_relay_url;

/// Most relays a relay list (and a contact list's legacy relay map, and a nutzap info event) keeps.
/// NIP-65 asks for a few per direction and the outbox model may connect to each one, so 1,000 is
/// far past any real list while bounding that fan-out; the rest are skipped as
/// [`SkipReason::OverLimit`].
pub const MAX_RELAYS: usize = 1_000;

/// One relay and how its owner uses it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct RelayEntry {
    /// Normalized URL.
    pub url: String,
    /// The owner reads (receives mentions) here.
    pub read: bool,
    /// The owner writes (publishes) here.
    pub write: bool,
}

/// A parsed kind 10002 relay list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RelayList {
    /// Relays in tag order; a URL listed twice is merged into its first entry. At most
    /// [`MAX_RELAYS`].
    pub relays: Vec<RelayEntry>,
    /// Tags left out, with why.
    pub skipped: Vec<Skipped>,
}

impl RelayList {
    /// URLs the owner reads from.
    pub fn read_relays(&self) -> impl Iterator<Item = &str> {
        self.relays
            .iter()
            .filter(|r| r.read)
            .map(|r| r.url.as_str())
    }

    /// URLs the owner writes to.
    pub fn write_relays(&self) -> impl Iterator<Item = &str> {
        self.relays
            .iter()
            .filter(|r| r.write)
            .map(|r| r.url.as_str())
    }
}

/// Parses a kind 10002 event. Never fails: bad tags are skipped and counted.
pub fn parse_relay_list(event: &Event) -> RelayList {
    let mut relays: Vec<RelayEntry> = Vec::new();
    // URL to index in `relays`: a linear search per tag made 57,000 `r` tags quadratic.
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut skipped = Vec::new();
    for (i, tag) in event.tags.iter().enumerate() {
        if tag.name() != Some("r") {
            continue;
        }
        let Some(value) = tag.value() else {
            skipped.push(Skipped::tag(i, SkipReason::MissingValue));
            continue;
        };
        let Ok(url) = normalize_relay_url(value) else {
            skipped.push(Skipped::tag(i, SkipReason::InvalidRelayUrl));
            continue;
        };
        // No marker (or one we do not know) means both, as NIP-65 says.
        let (read, write) = match tag.get(2).map(str::trim) {
            Some(m) if m.eq_ignore_ascii_case("read") => (true, false),
            Some(m) if m.eq_ignore_ascii_case("write") => (false, true),
            _ => (true, true),
        };
        if let Some(existing) = index.get(&url).and_then(|&at| relays.get_mut(at)) {
            existing.read |= read;
            existing.write |= write;
            skipped.push(Skipped::tag(i, SkipReason::Duplicate));
        } else if relays.len() >= MAX_RELAYS {
            skipped.push(Skipped::tag(i, SkipReason::OverLimit));
        } else {
            index.insert(url.clone(), relays.len());
            relays.push(RelayEntry { url, read, write });
        }
    }
    RelayList { relays, skipped }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::kinds::error::EntryLocation;
    use crate::protocol::{EventBuilder, Keys, Kind, Tag};

    #[test]
    fn markers_normalization_and_skips() {
        let ev = EventBuilder::new(Kind::RELAY_LIST, "")
            .tags([
                Tag::new(["r", "wss://Both.io/"]),
                Tag::new(["r", "wss://reader.io", "read"]),
                Tag::new(["r", "wss://writer.io:443", "write"]),
                Tag::new(["r", "https://not-a-relay.io"]),
                Tag::new(["r", "wss://both.io", "read"]),
                Tag::new(["r", "wss://reader.io/", "write"]),
                Tag::new(["r"]),
                Tag::new(["p", "x"]),
            ])
            .sign(&Keys::generate());
        let list = parse_relay_list(&ev);
        let entry = |url: &str, read, write| RelayEntry {
            url: url.into(),
            read,
            write,
        };
        assert_eq!(
            list.relays,
            vec![
                entry("wss://both.io", true, true),
                entry("wss://reader.io", true, true),
                entry("wss://writer.io", false, true),
            ]
        );
        assert_eq!(
            list.read_relays().collect::<Vec<_>>(),
            vec!["wss://both.io", "wss://reader.io"]
        );
        assert_eq!(list.write_relays().count(), 3);
        let reasons: Vec<_> = list
            .skipped
            .iter()
            .map(|s| (s.location, s.reason))
            .collect();
        assert_eq!(
            reasons,
            vec![
                (EntryLocation::Tag(3), SkipReason::InvalidRelayUrl),
                (EntryLocation::Tag(4), SkipReason::Duplicate),
                (EntryLocation::Tag(5), SkipReason::Duplicate),
                (EntryLocation::Tag(6), SkipReason::MissingValue),
            ]
        );
    }

    /// 57,000 distinct `r` tags (about 1 MiB) once took a second in a linear search per tag: they
    /// now parse in one pass, keeping the first [`MAX_RELAYS`] in order and counting the rest.
    #[test]
    fn hostile_relay_list_is_capped_in_order() {
        let n = 57_000;
        let mut tags: Vec<Tag> = (0..n)
            .map(|i| Tag::new(["r".to_string(), format!("wss://r{i}.example")]))
            .collect();
        tags.push(Tag::new(["r", "wss://r0.example", "write"]));
        let ev = EventBuilder::new(Kind::RELAY_LIST, "")
            .tags(tags)
            .sign(&Keys::generate());
        let list = parse_relay_list(&ev);
        assert_eq!(list.relays.len(), MAX_RELAYS);
        assert_eq!(list.relays[0].url, "wss://r0.example");
        assert_eq!(list.relays[MAX_RELAYS - 1].url, "wss://r999.example");
        let over = list
            .skipped
            .iter()
            .filter(|s| s.reason == SkipReason::OverLimit)
            .count();
        assert_eq!(over, n - MAX_RELAYS);
        assert_eq!(
            list.skipped.last().map(|s| s.reason),
            Some(SkipReason::Duplicate)
        );
    }
}
