//! References that tags carry to other events, addresses and profiles (`e`, `a`, `p`, `q`...),
//! and the small readers every kind parser shares to pull them out of tags.
//!
//! Readers are tolerant where it costs nothing (uppercase hex, blank hints) and strict otherwise.

use std::fmt;

use serde::Serialize;

use super::error::SkipReason;
use crate::protocol::{EventId, Kind, PublicKey, Tag};

/// A pointer to an event: its id, where to find it and who wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct EventPointer {
    /// The event id.
    pub id: EventId,
    /// A relay hint, as written (blank hints become `None`).
    pub relay: Option<String>,
    /// The author, when the tag names one.
    pub author: Option<PublicKey>,
}

/// The address of an addressable or replaceable event: `kind:pubkey:identifier`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Coordinate {
    /// The event kind.
    pub kind: Kind,
    /// The author.
    pub pubkey: PublicKey,
    /// The `d` tag value ("" for replaceable events).
    pub identifier: String,
}

impl Coordinate {
    /// Reads `kind:pubkey:identifier`; the identifier may itself contain `:`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut parts = s.splitn(3, ':');
        let kind = parts.next()?.parse::<u16>().ok()?;
        let pubkey = parse_pubkey(parts.next()?)?;
        let identifier = parts.next().unwrap_or("").to_owned();
        Some(Self {
            kind: Kind(kind),
            pubkey,
            identifier,
        })
    }
}

impl fmt::Display for Coordinate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.kind, self.pubkey, self.identifier)
    }
}

/// A pointer to an addressable event: its coordinate and where to find it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct AddressPointer {
    /// `kind:pubkey:identifier`.
    pub coordinate: Coordinate,
    /// A relay hint.
    pub relay: Option<String>,
}

/// A pointer to a profile: a public key and where to find its events.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ProfilePointer {
    /// The public key.
    pub pubkey: PublicKey,
    /// A relay hint.
    pub relay: Option<String>,
}

/// Reads a 64-hex public key, accepting uppercase hex that some clients still write.
pub(crate) fn parse_pubkey(s: &str) -> Option<PublicKey> {
    PublicKey::from_hex(s).ok().or_else(|| {
        (s.len() == 64)
            .then(|| PublicKey::from_hex(&s.to_ascii_lowercase()).ok())
            .flatten()
    })
}

/// Reads a 64-hex event id, accepting uppercase hex.
pub(crate) fn parse_event_id(s: &str) -> Option<EventId> {
    EventId::from_hex(s).ok().or_else(|| {
        (s.len() == 64)
            .then(|| EventId::from_hex(&s.to_ascii_lowercase()).ok())
            .flatten()
    })
}

/// A non-blank element of `tag` at `index`, trimmed.
pub(crate) fn non_blank(tag: &Tag, index: usize) -> Option<&str> {
    tag.get(index).map(str::trim).filter(|s| !s.is_empty())
}

/// A non-blank element of `tag` at `index`, owned.
pub(crate) fn hint(tag: &Tag, index: usize) -> Option<String> {
    non_blank(tag, index).map(str::to_owned)
}

/// Reads `["e", id, relay?, ...]` with the author at `author_index` when present.
pub(crate) fn event_pointer(tag: &Tag, author_index: usize) -> Result<EventPointer, SkipReason> {
    let id = tag.value().ok_or(SkipReason::MissingValue)?;
    let id = parse_event_id(id).ok_or(SkipReason::InvalidEventId)?;
    Ok(EventPointer {
        id,
        relay: hint(tag, 2),
        author: non_blank(tag, author_index).and_then(parse_pubkey),
    })
}

/// Reads `["a", "kind:pubkey:d", relay?]`.
pub(crate) fn address_pointer(tag: &Tag) -> Result<AddressPointer, SkipReason> {
    let value = tag.value().ok_or(SkipReason::MissingValue)?;
    let coordinate = Coordinate::parse(value).ok_or(SkipReason::InvalidCoordinate)?;
    Ok(AddressPointer {
        coordinate,
        relay: hint(tag, 2),
    })
}

/// Reads `["p", pubkey, relay?]`.
pub(crate) fn profile_pointer(tag: &Tag) -> Result<ProfilePointer, SkipReason> {
    let value = tag.value().ok_or(SkipReason::MissingValue)?;
    let pubkey = parse_pubkey(value).ok_or(SkipReason::InvalidPubkey)?;
    Ok(ProfilePointer {
        pubkey,
        relay: hint(tag, 2),
    })
}

/// Reads a `k` tag value: a decimal kind number.
pub(crate) fn kind_value(tag: &Tag) -> Option<Kind> {
    tag.value()?.trim().parse::<u16>().ok().map(Kind)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PK: &str = "32e1827635450ebb3c5a7d12c1f8e7b2b514439ac10a67eef3d9fd9c5c68e245";

    #[test]
    fn coordinates_keep_colons_in_identifier() {
        let c = Coordinate::parse(&format!("30023:{PK}:a:b")).unwrap();
        assert_eq!(c.kind, Kind(30023));
        assert_eq!(c.identifier, "a:b");
        assert_eq!(c.to_string(), format!("30023:{PK}:a:b"));
        let c = Coordinate::parse(&format!("10000:{PK}")).unwrap();
        assert_eq!(c.identifier, "");
        assert!(Coordinate::parse("x:y:z").is_none());
        assert!(Coordinate::parse(&format!("70000:{PK}:d")).is_none());
    }

    #[test]
    fn pointers_tolerate_uppercase_and_blank_hints() {
        let t = Tag::new(["p", &PK.to_uppercase(), " "]);
        let p = profile_pointer(&t).unwrap();
        assert_eq!(p.pubkey.to_hex(), PK);
        assert_eq!(p.relay, None);
        assert_eq!(
            profile_pointer(&Tag::new(["p", "zz"])),
            Err(SkipReason::InvalidPubkey)
        );
        assert_eq!(
            event_pointer(&Tag::new(["e"]), 3),
            Err(SkipReason::MissingValue)
        );
        let e = event_pointer(&Tag::new(["e", PK, "wss://r", PK]), 3).unwrap();
        assert_eq!(e.relay.as_deref(), Some("wss://r"));
        assert_eq!(e.author.map(|a| a.to_hex()).as_deref(), Some(PK));
    }
}
