//! NIP-65 kind 10002 relay lists: `r` tags with optional `read`/`write` markers, URLs
//! normalized so the outbox model can compare them.

use serde::Serialize;

use super::error::{SkipReason, Skipped};
use crate::protocol::Event;
use crate::protocol::normalize_relay_url;

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
    /// Relays in tag order; a URL listed twice is merged into its first entry.
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
        if let Some(existing) = relays.iter_mut().find(|r| r.url == url) {
            existing.read |= read;
            existing.write |= write;
            skipped.push(Skipped::tag(i, SkipReason::Duplicate));
        } else {
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
}
