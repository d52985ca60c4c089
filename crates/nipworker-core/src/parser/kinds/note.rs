//! NIP-01 kind 1 text notes: NIP-10 threading (marked and deprecated positional `e` tags),
//! `p` mentions, NIP-18 `q` quotes and `t` hashtags. The text itself goes to the content parser.

use serde::Serialize;

use super::content_hook::{ContentBlocks, content_blocks};
use super::error::{SkipReason, Skipped};
use super::pointers::{
    AddressPointer, Coordinate, EventPointer, ProfilePointer, event_pointer, hint, non_blank,
    parse_event_id, parse_pubkey, profile_pointer,
};
use crate::protocol::{Event, EventId, Tag};

/// A parsed kind 1 note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Note {
    /// How the thread position was written.
    pub threading: Threading,
    /// The thread root.
    pub root: Option<EventPointer>,
    /// The direct parent: the `reply` event, or the root for a direct reply to the root.
    pub reply: Option<EventPointer>,
    /// Events mentioned through `e` tags (NIP-10 `mention`, or the middle positional tags).
    pub mentions: Vec<EventPointer>,
    /// Profiles tagged with `p`.
    pub pubkeys: Vec<ProfilePointer>,
    /// Quoted events and addresses (`q` tags).
    pub quotes: Vec<Quote>,
    /// `t` hashtags, lowercased (NIP-24).
    pub hashtags: Vec<String>,
    /// The content split into blocks by `parser::content`.
    #[serde(skip)]
    pub content_blocks: ContentBlocks,
    /// Tags left out, with why.
    pub skipped: Vec<Skipped>,
}

impl Note {
    /// True when the note answers another note.
    pub fn is_reply(&self) -> bool {
        self.reply.is_some()
    }
}

/// How a note wrote its place in a thread.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Threading {
    /// No `e` tags: a top-level note.
    None,
    /// NIP-10 markers (`root`, `reply`, `mention`).
    Marked,
    /// The deprecated positional form: first `e` is the root, last the reply, the rest mentions.
    Positional,
}

/// What a `q` tag quotes.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum QuoteTarget {
    /// An event by id.
    Event {
        /// The quoted id.
        id: EventId,
    },
    /// An addressable event by coordinate.
    Address {
        /// The quoted coordinate.
        coordinate: Coordinate,
    },
}

/// A NIP-18 quote: `["q", id-or-address, relay?, pubkey?]`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Quote {
    /// The quoted event or address.
    pub target: QuoteTarget,
    /// A relay hint.
    pub relay: Option<String>,
    /// The quoted event's author.
    pub author: Option<crate::protocol::PublicKey>,
}

/// A NIP-10 marker on an `e` tag.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Marker {
    Root,
    Reply,
    Mention,
}

fn marker(tag: &Tag) -> Option<Marker> {
    match tag.get(3)? {
        "root" => Some(Marker::Root),
        "reply" => Some(Marker::Reply),
        "mention" => Some(Marker::Mention),
        _ => None,
    }
}

/// Parses a kind 1 note. Never fails: bad tags are skipped and counted.
pub fn parse_note(event: &Event) -> Note {
    let mut skipped = Vec::new();
    let mut e_tags: Vec<(EventPointer, Option<Marker>)> = Vec::new();
    let mut pubkeys = Vec::new();
    let mut quotes = Vec::new();
    let mut hashtags = Vec::new();

    for (i, tag) in event.tags.iter().enumerate() {
        match tag.name() {
            // NIP-10 puts the author at index 4 (index 3 is the marker).
            Some("e") => match event_pointer(tag, 4) {
                Ok(p) => e_tags.push((p, marker(tag))),
                Err(reason) => skipped.push(Skipped::tag(i, reason)),
            },
            Some("p") => match profile_pointer(tag) {
                Ok(p) => pubkeys.push(p),
                Err(reason) => skipped.push(Skipped::tag(i, reason)),
            },
            Some("q") => match quote(tag) {
                Ok(q) => quotes.push(q),
                Err(reason) => skipped.push(Skipped::tag(i, reason)),
            },
            Some("t") => match non_blank(tag, 1) {
                Some(t) => hashtags.push(t.trim_start_matches('#').to_lowercase()),
                None => skipped.push(Skipped::tag(i, SkipReason::MissingValue)),
            },
            _ => {}
        }
    }

    let (threading, root, reply, mentions) = thread(e_tags);
    Note {
        threading,
        root,
        reply,
        mentions,
        pubkeys,
        quotes,
        hashtags,
        content_blocks: content_blocks(event),
        skipped,
    }
}

type Thread = (
    Threading,
    Option<EventPointer>,
    Option<EventPointer>,
    Vec<EventPointer>,
);

/// Resolves NIP-10 threading. Markers win whenever any tag has one; positional reading is only
/// for notes that have none (as NIP-10 says of the deprecated form).
fn thread(e_tags: Vec<(EventPointer, Option<Marker>)>) -> Thread {
    if e_tags.is_empty() {
        return (Threading::None, None, None, Vec::new());
    }
    if e_tags.iter().any(|(_, m)| m.is_some()) {
        let mut root = None;
        let mut reply = None;
        let mut mentions = Vec::new();
        for (pointer, m) in e_tags {
            match m {
                Some(Marker::Root) if root.is_none() => root = Some(pointer),
                Some(Marker::Reply) if reply.is_none() => reply = Some(pointer),
                // Unmarked tags next to marked ones, and repeated roots/replies, are mentions.
                _ => mentions.push(pointer),
            }
        }
        // A direct reply to the root carries only the root marker.
        if reply.is_none() {
            reply.clone_from(&root);
        }
        return (Threading::Marked, root, reply, mentions);
    }
    let mut tags: Vec<EventPointer> = e_tags.into_iter().map(|(p, _)| p).collect();
    let root = tags.remove(0);
    let reply = tags.pop().unwrap_or_else(|| root.clone());
    (Threading::Positional, Some(root), Some(reply), tags)
}

/// Reads `["q", id-or-coordinate, relay?, pubkey?]`.
pub(crate) fn quote(tag: &Tag) -> Result<Quote, SkipReason> {
    let value = tag.value().ok_or(SkipReason::MissingValue)?;
    let target = if value.contains(':') {
        QuoteTarget::Address {
            coordinate: Coordinate::parse(value).ok_or(SkipReason::InvalidCoordinate)?,
        }
    } else {
        QuoteTarget::Event {
            id: parse_event_id(value).ok_or(SkipReason::InvalidEventId)?,
        }
    };
    Ok(Quote {
        target,
        relay: hint(tag, 2),
        author: non_blank(tag, 3).and_then(parse_pubkey),
    })
}

impl Quote {
    /// The quote as an address pointer, when it quotes an address.
    pub fn address(&self) -> Option<AddressPointer> {
        match &self.target {
            QuoteTarget::Address { coordinate } => Some(AddressPointer {
                coordinate: coordinate.clone(),
                relay: self.relay.clone(),
            }),
            QuoteTarget::Event { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::kinds::error::EntryLocation;
    use crate::protocol::{EventBuilder, Keys, Kind};

    fn id(n: u8) -> String {
        hex::encode([n; 32])
    }

    fn note(tags: Vec<Tag>) -> Note {
        let ev = EventBuilder::new(Kind::TEXT_NOTE, "hello #Nostr")
            .tags(tags)
            .sign(&Keys::generate());
        parse_note(&ev)
    }

    #[test]
    fn top_level_note_has_no_thread() {
        let n = note(vec![]);
        assert_eq!(n.threading, Threading::None);
        assert!(n.root.is_none() && n.reply.is_none() && !n.is_reply());
        // The text reaches the content parser: "hello " then the hashtag.
        let hashtags: Vec<_> = n
            .content_blocks
            .iter()
            .filter_map(|b| match &b.kind {
                crate::parser::content::BlockKind::Hashtag { name } => {
                    Some(&"hello #Nostr"[name.clone()])
                }
                _ => None,
            })
            .collect();
        assert_eq!(hashtags, ["Nostr"]);
        assert_eq!(n.content_blocks.len(), 2);
    }

    #[test]
    fn marked_threading_reads_every_field() {
        let author = Keys::generate().public_key();
        let pk = author.to_hex();
        let coord = format!("30023:{pk}:article");
        let n = note(vec![
            Tag::new(["e", &id(1), "wss://root.relay", "root", &pk]),
            Tag::new(["e", &id(2), "", "mention"]),
            Tag::new(["e", &id(3), "wss://reply.relay", "reply"]),
            Tag::new(["p", &pk, "wss://p.relay"]),
            Tag::new(["q", &id(4), "wss://q.relay", &pk]),
            Tag::new(["q", &coord]),
            Tag::new(["t", "Nostr"]),
            Tag::new(["t", "#Zaps"]),
            Tag::new(["e", "not-hex"]),
            Tag::new(["t", ""]),
        ]);
        assert_eq!(n.threading, Threading::Marked);
        let root = n.root.unwrap();
        assert_eq!(root.id.to_hex(), id(1));
        assert_eq!(root.relay.as_deref(), Some("wss://root.relay"));
        assert_eq!(root.author, Some(author));
        let reply = n.reply.unwrap();
        assert_eq!(reply.id.to_hex(), id(3));
        assert_eq!(reply.relay.as_deref(), Some("wss://reply.relay"));
        assert_eq!(n.mentions.len(), 1);
        assert_eq!(n.mentions[0].id.to_hex(), id(2));
        assert_eq!(n.mentions[0].relay, None);
        assert_eq!(n.pubkeys[0].pubkey, author);
        assert_eq!(n.pubkeys[0].relay.as_deref(), Some("wss://p.relay"));
        assert_eq!(n.quotes.len(), 2);
        assert_eq!(
            n.quotes[0].target,
            QuoteTarget::Event {
                id: EventId::from_hex(&id(4)).unwrap()
            }
        );
        assert_eq!(n.quotes[0].author, Some(author));
        assert_eq!(n.quotes[0].address(), None);
        let addr = n.quotes[1].address().unwrap();
        assert_eq!(addr.coordinate.identifier, "article");
        assert_eq!(n.hashtags, vec!["nostr", "zaps"]);
        assert_eq!(n.skipped.len(), 2);
        assert_eq!(n.skipped[0].location, EntryLocation::Tag(8));
        assert_eq!(n.skipped[0].reason, SkipReason::InvalidEventId);
        assert_eq!(n.skipped[1].reason, SkipReason::MissingValue);
    }

    #[test]
    fn root_only_marker_is_a_direct_reply() {
        let n = note(vec![Tag::new(["e", &id(1), "", "root"])]);
        assert_eq!(n.root.as_ref().unwrap().id.to_hex(), id(1));
        assert_eq!(n.reply, n.root);
    }

    #[test]
    fn positional_form_only_without_markers() {
        let n = note(vec![
            Tag::new(["e", &id(1)]),
            Tag::new(["e", &id(2)]),
            Tag::new(["e", &id(3)]),
            Tag::new(["e", &id(4), "wss://r"]),
        ]);
        assert_eq!(n.threading, Threading::Positional);
        assert_eq!(n.root.unwrap().id.to_hex(), id(1));
        assert_eq!(n.reply.unwrap().id.to_hex(), id(4));
        let mentions: Vec<_> = n.mentions.iter().map(|m| m.id.to_hex()).collect();
        assert_eq!(mentions, vec![id(2), id(3)]);

        let n = note(vec![Tag::new(["e", &id(7)])]);
        assert_eq!(n.threading, Threading::Positional);
        assert_eq!(n.root, n.reply);

        // One marker anywhere switches the whole note to marked reading.
        let n = note(vec![
            Tag::new(["e", &id(1)]),
            Tag::new(["e", &id(2), "", "reply"]),
            Tag::new(["e", &id(3)]),
        ]);
        assert_eq!(n.threading, Threading::Marked);
        assert_eq!(n.root, None);
        assert_eq!(n.reply.unwrap().id.to_hex(), id(2));
        assert_eq!(n.mentions.len(), 2);
    }
}
