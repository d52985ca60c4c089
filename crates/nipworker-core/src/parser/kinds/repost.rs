//! NIP-18 reposts: kind 6 (of a kind 1 note) and kind 16 (generic). The target comes from the
//! tags; the embedded event in the content is used only when its id and signature verify and
//! it is the event the tags point at.

use serde::Serialize;

use super::error::{ParseError, ParseErrorReason};
use super::pointers::{
    AddressPointer, EventPointer, address_pointer, event_pointer, kind_value, profile_pointer,
};
use super::{ParsedKind, parse_at_depth};
use crate::protocol::{Event, Kind, PublicKey};

/// How deep embedded events are parsed: a repost inside a repost is kept but not opened.
const MAX_EMBED_DEPTH: u8 = 1;

/// A parsed kind 6 or 16 repost.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Repost {
    /// True for a kind 16 generic repost.
    pub generic: bool,
    /// The reposted event (first valid `e` tag).
    pub target: Option<EventPointer>,
    /// The reposted address, for addressable events (`a` tag).
    pub address: Option<AddressPointer>,
    /// The reposted event's author (`p` tag).
    pub target_author: Option<PublicKey>,
    /// The reposted event's kind: the `k` tag, or 1 for kind 6.
    pub target_kind: Option<Kind>,
    /// The event carried in the content.
    pub embedded: Embedded,
}

/// What the content of a repost holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum Embedded {
    /// Empty content (allowed by NIP-18).
    Absent,
    /// Content that is not a usable event, with why.
    Invalid {
        /// Why it was rejected.
        reason: EmbeddedInvalid,
    },
    /// A verified event, kept but not parsed (nested deeper than one level).
    Unparsed {
        /// The verified event.
        event: Box<Event>,
    },
    /// A verified event and its parse.
    Valid {
        /// The verified event.
        event: Box<Event>,
        /// Its parse (it may fail its own kind's rules).
        parsed: Box<Result<ParsedKind, ParseError>>,
    },
}

/// Why an embedded event was not used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EmbeddedInvalid {
    /// The content is not an event object.
    NotAnEvent,
    /// Its id is not the hash of its fields.
    IdMismatch,
    /// Its signature does not verify.
    BadSignature,
    /// It is not the event the `e` tag names.
    TargetMismatch,
    /// Its kind is not the one the repost announces.
    KindMismatch,
}

impl Repost {
    /// The embedded event when it verified.
    pub fn embedded_event(&self) -> Option<&Event> {
        match &self.embedded {
            Embedded::Valid { event, .. } | Embedded::Unparsed { event } => Some(event),
            _ => None,
        }
    }
}

/// Parses a kind 6 or 16 event, verifying the embedded event if there is one.
pub fn parse_repost(event: &Event, depth: u8) -> Result<Repost, ParseError> {
    let generic = event.kind == Kind::GENERIC_REPOST;
    let target = event.tags_named("e").find_map(|t| event_pointer(t, 3).ok());
    let address = event.tags_named("a").find_map(|t| address_pointer(t).ok());
    if target.is_none() && address.is_none() {
        return Err(ParseError::new(event.kind, ParseErrorReason::MissingTarget));
    }
    let target_author = event
        .tags_named("p")
        .find_map(|t| profile_pointer(t).ok())
        .map(|p| p.pubkey)
        .or_else(|| target.as_ref().and_then(|t| t.author));
    let target_kind = event
        .tags_named("k")
        .find_map(kind_value)
        .or((!generic).then_some(Kind::TEXT_NOTE));
    let embedded = embedded(event, target.as_ref(), target_kind, depth);
    Ok(Repost {
        generic,
        target,
        address,
        target_author,
        target_kind,
        embedded,
    })
}

fn embedded(
    event: &Event,
    target: Option<&EventPointer>,
    target_kind: Option<Kind>,
    depth: u8,
) -> Embedded {
    let content = event.content.trim();
    if content.is_empty() {
        return Embedded::Absent;
    }
    let invalid = |reason| Embedded::Invalid { reason };
    let Ok(inner) = serde_json::from_str::<Event>(content) else {
        return invalid(EmbeddedInvalid::NotAnEvent);
    };
    if target.is_some_and(|t| t.id != inner.id) {
        return invalid(EmbeddedInvalid::TargetMismatch);
    }
    if target_kind.is_some_and(|k| k != inner.kind) {
        return invalid(EmbeddedInvalid::KindMismatch);
    }
    if inner.verify_id().is_err() {
        return invalid(EmbeddedInvalid::IdMismatch);
    }
    if inner.verify_signature().is_err() {
        return invalid(EmbeddedInvalid::BadSignature);
    }
    if depth >= MAX_EMBED_DEPTH {
        return Embedded::Unparsed {
            event: Box::new(inner),
        };
    }
    let parsed = parse_at_depth(&inner, depth + 1);
    Embedded::Valid {
        event: Box::new(inner),
        parsed: Box::new(parsed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{EventBuilder, Keys, Tag};

    fn original(keys: &Keys) -> Event {
        EventBuilder::new(Kind::TEXT_NOTE, "original")
            .tag(Tag::new(["t", "tag"]))
            .sign(keys)
    }

    fn repost_of(kind: Kind, inner: &Event, extra: Vec<Tag>, content: String) -> Event {
        EventBuilder::new(kind, content)
            .tag(Tag::new(["e", &inner.id.to_hex(), "wss://r.io"]))
            .tag(Tag::new(["p", &inner.pubkey.to_hex()]))
            .tags(extra)
            .sign(&Keys::generate())
    }

    #[test]
    fn kind6_with_valid_embedded_note() {
        let author = Keys::generate();
        let inner = original(&author);
        let ev = repost_of(Kind::REPOST, &inner, vec![], inner.to_json());
        let r = parse_repost(&ev, 0).unwrap();
        assert!(!r.generic);
        assert_eq!(r.target.as_ref().unwrap().id, inner.id);
        assert_eq!(
            r.target.as_ref().unwrap().relay.as_deref(),
            Some("wss://r.io")
        );
        assert_eq!(r.target_author, Some(author.public_key()));
        assert_eq!(r.target_kind, Some(Kind::TEXT_NOTE));
        assert_eq!(r.address, None);
        assert_eq!(r.embedded_event(), Some(&inner));
        match &r.embedded {
            Embedded::Valid { parsed, .. } => match parsed.as_ref() {
                Ok(ParsedKind::Note(n)) => assert_eq!(n.hashtags, vec!["tag"]),
                other => panic!("{other:?}"),
            },
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn tampered_or_foreign_embedded_events_are_rejected() {
        let inner = original(&Keys::generate());
        let mut forged = inner.clone();
        forged.sig.0[0] ^= 1;
        let r = parse_repost(
            &repost_of(Kind::REPOST, &inner, vec![], forged.to_json()),
            0,
        );
        assert_eq!(
            r.unwrap().embedded,
            Embedded::Invalid {
                reason: EmbeddedInvalid::BadSignature
            }
        );
        let mut edited = inner.clone();
        edited.content.push('!');
        let r = parse_repost(
            &repost_of(Kind::REPOST, &inner, vec![], edited.to_json()),
            0,
        );
        assert_eq!(
            r.unwrap().embedded,
            Embedded::Invalid {
                reason: EmbeddedInvalid::IdMismatch
            }
        );
        let other = original(&Keys::generate());
        let r = parse_repost(&repost_of(Kind::REPOST, &inner, vec![], other.to_json()), 0);
        assert_eq!(
            r.unwrap().embedded,
            Embedded::Invalid {
                reason: EmbeddedInvalid::TargetMismatch
            }
        );
        let r = parse_repost(&repost_of(Kind::REPOST, &inner, vec![], "{}".into()), 0);
        assert_eq!(
            r.unwrap().embedded,
            Embedded::Invalid {
                reason: EmbeddedInvalid::NotAnEvent
            }
        );
        let r = parse_repost(&repost_of(Kind::REPOST, &inner, vec![], String::new()), 0);
        assert_eq!(r.unwrap().embedded, Embedded::Absent);
    }

    #[test]
    fn kind16_reads_k_and_a_and_checks_kind() {
        let keys = Keys::generate();
        let article = EventBuilder::new(Kind(30023), "# Title")
            .tag(Tag::new(["d", "slug"]))
            .sign(&keys);
        let coord = format!("30023:{}:slug", keys.public_key());
        let ev = repost_of(
            Kind::GENERIC_REPOST,
            &article,
            vec![
                Tag::new(["k", "30023"]),
                Tag::new(["a", &coord, "wss://a.io"]),
            ],
            article.to_json(),
        );
        let r = parse_repost(&ev, 0).unwrap();
        assert!(r.generic);
        assert_eq!(r.target_kind, Some(Kind(30023)));
        let a = r.address.as_ref().unwrap();
        assert_eq!(a.coordinate.identifier, "slug");
        assert_eq!(a.relay.as_deref(), Some("wss://a.io"));
        assert!(matches!(r.embedded, Embedded::Valid { .. }));

        let ev = repost_of(
            Kind::GENERIC_REPOST,
            &article,
            vec![Tag::new(["k", "1"])],
            article.to_json(),
        );
        assert_eq!(
            parse_repost(&ev, 0).unwrap().embedded,
            Embedded::Invalid {
                reason: EmbeddedInvalid::KindMismatch
            }
        );
    }

    #[test]
    fn nested_reposts_stop_at_one_level_and_targets_are_required() {
        let inner = original(&Keys::generate());
        let middle = repost_of(Kind::REPOST, &inner, vec![], inner.to_json());
        let outer = repost_of(
            Kind::GENERIC_REPOST,
            &middle,
            vec![Tag::new(["k", "6"])],
            middle.to_json(),
        );
        let r = parse_repost(&outer, 0).unwrap();
        let Embedded::Valid { parsed, .. } = &r.embedded else {
            panic!("{:?}", r.embedded)
        };
        let Ok(ParsedKind::Repost(mid)) = parsed.as_ref() else {
            panic!("{parsed:?}")
        };
        assert!(matches!(mid.embedded, Embedded::Unparsed { .. }));

        let bare = EventBuilder::new(Kind::REPOST, "").sign(&Keys::generate());
        assert_eq!(
            parse_repost(&bare, 0).unwrap_err().reason,
            ParseErrorReason::MissingTarget
        );
    }
}
