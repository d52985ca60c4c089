//! NIP-02 kind 3 follow lists: `p` tags with relay hints and petnames, plus the legacy relay
//! map some clients still write into the content (`{"wss://...": {"read": true, "write": true}}`).

use std::collections::{HashMap, HashSet};

use serde::Serialize;

use super::error::{SkipReason, Skipped};
use super::pointers::{hint, parse_pubkey};
use super::relay_list::{MAX_RELAYS, RelayEntry};

/// Most contacts a follow list keeps. A `p` tag is at least 73 bytes, so a 1 MiB event (the
/// largest most relays store) holds about 14,000: the cap never cuts a list a relay would keep,
/// yet bounds what a permissive one can make us hold. The rest are skipped as
/// [`SkipReason::OverLimit`].
pub const MAX_CONTACTS: usize = 50_000;
use crate::protocol::normalize_relay_url;
use crate::protocol::{Event, PublicKey};

/// One followed profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// The followed key.
    pub pubkey: PublicKey,
    /// Where to find their events, as written.
    pub relay: Option<String>,
    /// The local name given to them.
    pub petname: Option<String>,
}

/// A parsed kind 3 follow list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ContactList {
    /// Followed profiles in tag order, first occurrence kept.
    pub contacts: Vec<Contact>,
    /// Relays from the legacy content map (normalized, sorted by URL), empty when absent.
    pub relays: Vec<RelayEntry>,
    /// Entries left out, with why.
    pub skipped: Vec<Skipped>,
}

/// Parses a kind 3 event. Never fails: bad entries are skipped and counted.
pub fn parse_contacts(event: &Event) -> ContactList {
    let mut skipped = Vec::new();
    let mut contacts = Vec::with_capacity(event.tags.len().min(MAX_CONTACTS));
    let mut seen = HashSet::with_capacity(event.tags.len().min(MAX_CONTACTS));
    for (i, tag) in event.tags.iter().enumerate() {
        if tag.name() != Some("p") {
            continue;
        }
        let Some(value) = tag.value() else {
            skipped.push(Skipped::tag(i, SkipReason::MissingValue));
            continue;
        };
        let Some(pubkey) = parse_pubkey(value) else {
            skipped.push(Skipped::tag(i, SkipReason::InvalidPubkey));
            continue;
        };
        if seen.contains(&pubkey) {
            skipped.push(Skipped::tag(i, SkipReason::Duplicate));
            continue;
        }
        if contacts.len() >= MAX_CONTACTS {
            skipped.push(Skipped::tag(i, SkipReason::OverLimit));
            continue;
        }
        seen.insert(pubkey);
        contacts.push(Contact {
            pubkey,
            relay: hint(tag, 2),
            petname: hint(tag, 3),
        });
    }
    let relays = legacy_relay_map(&event.content, &mut skipped);
    ContactList {
        contacts,
        relays,
        skipped,
    }
}

/// Reads the legacy relay map; anything else in the content is ignored (NIP-02 says content
/// "can be anything"), but a map-looking content that fails to parse is counted.
fn legacy_relay_map(content: &str, skipped: &mut Vec<Skipped>) -> Vec<RelayEntry> {
    if !content.trim_start().starts_with('{') {
        return Vec::new();
    }
    let Ok(map) = serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(content)
    else {
        skipped.push(Skipped::content(SkipReason::InvalidJson));
        return Vec::new();
    };
    let mut relays: Vec<RelayEntry> = Vec::with_capacity(map.len().min(MAX_RELAYS));
    // Distinct keys can normalize to one URL: a set, not a search of `relays` per entry.
    let mut index: HashMap<String, usize> = HashMap::new();
    for (url, perms) in map {
        let Ok(url) = normalize_relay_url(&url) else {
            skipped.push(Skipped::content(SkipReason::InvalidRelayUrl));
            continue;
        };
        let flag = |name: &str| perms.get(name).and_then(serde_json::Value::as_bool);
        let (read, write) = match (flag("read"), flag("write")) {
            // A bare entry (`{}` or `true`) means both, as in NIP-65 without a marker.
            (None, None) => (true, true),
            (r, w) => (r.unwrap_or(false), w.unwrap_or(false)),
        };
        if let Some(existing) = index.get(&url).and_then(|&at| relays.get_mut(at)) {
            existing.read |= read;
            existing.write |= write;
            skipped.push(Skipped::content(SkipReason::Duplicate));
        } else if relays.len() >= MAX_RELAYS {
            skipped.push(Skipped::content(SkipReason::OverLimit));
        } else {
            index.insert(url.clone(), relays.len());
            relays.push(RelayEntry { url, read, write });
        }
    }
    relays.sort_unstable_by(|a, b| a.url.cmp(&b.url));
    relays
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::kinds::error::EntryLocation;
    use crate::protocol::{EventBuilder, Keys, Kind, Tag};

    #[test]
    fn reads_contacts_hints_petnames_and_relay_map() {
        let a = Keys::generate().public_key();
        let b = Keys::generate().public_key();
        let content = r#"{"wss://Relay.One/":{"read":true,"write":false},"wss://two.io":{"write":true},
            "ftp://nope":{"read":true},"wss://relay.one":{"write":true},"wss://three.io":{}}"#;
        let ev = EventBuilder::new(Kind::CONTACTS, content)
            .tags([
                Tag::new(["p", &a.to_hex(), "wss://alice.relay", "alice"]),
                Tag::new(["p", &b.to_hex()]),
                Tag::new(["p", &a.to_hex(), "", "again"]),
                Tag::new(["p", "bad"]),
                Tag::new(["p"]),
                Tag::new(["t", "ignored"]),
            ])
            .sign(&Keys::generate());
        let list = parse_contacts(&ev);
        assert_eq!(
            list.contacts,
            vec![
                Contact {
                    pubkey: a,
                    relay: Some("wss://alice.relay".into()),
                    petname: Some("alice".into())
                },
                Contact {
                    pubkey: b,
                    relay: None,
                    petname: None
                },
            ]
        );
        let entry = |url: &str, read, write| RelayEntry {
            url: url.into(),
            read,
            write,
        };
        assert_eq!(
            list.relays,
            vec![
                entry("wss://relay.one", true, true),
                entry("wss://three.io", true, true),
                entry("wss://two.io", false, true),
            ]
        );
        let reasons: Vec<_> = list
            .skipped
            .iter()
            .map(|s| (s.location, s.reason))
            .collect();
        assert_eq!(
            reasons,
            vec![
                (EntryLocation::Tag(2), SkipReason::Duplicate),
                (EntryLocation::Tag(3), SkipReason::InvalidPubkey),
                (EntryLocation::Tag(4), SkipReason::MissingValue),
                (EntryLocation::Content, SkipReason::InvalidRelayUrl),
                (EntryLocation::Content, SkipReason::Duplicate),
            ]
        );
    }

    #[test]
    fn free_text_content_is_ignored_and_broken_maps_counted() {
        let ev = EventBuilder::new(Kind::CONTACTS, "hello").sign(&Keys::generate());
        let list = parse_contacts(&ev);
        assert!(list.relays.is_empty() && list.skipped.is_empty());
        let ev = EventBuilder::new(Kind::CONTACTS, "{broken").sign(&Keys::generate());
        let list = parse_contacts(&ev);
        assert_eq!(
            list.skipped,
            vec![Skipped::content(SkipReason::InvalidJson)]
        );
    }

    /// A legacy relay map of 57,000 entries: one pass, capped at [`MAX_RELAYS`].
    #[test]
    fn hostile_legacy_relay_map_is_capped() {
        let n = 57_000;
        let entries: Vec<String> = (0..n)
            .map(|i| format!(r#""wss://r{i}.example":{{}}"#))
            .collect();
        let content = format!("{{{}}}", entries.join(","));
        let ev = EventBuilder::new(Kind::CONTACTS, content).sign(&Keys::generate());
        let list = parse_contacts(&ev);
        assert_eq!(list.relays.len(), MAX_RELAYS);
        assert_eq!(list.skipped.len(), n - MAX_RELAYS);
        assert!(
            list.skipped
                .iter()
                .all(|s| s.reason == SkipReason::OverLimit)
        );
    }
}
