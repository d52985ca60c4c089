//! NIP-22 kind 1111 comments: the root scope (uppercase `E`/`A`/`I`, `K`, `P`) and the parent
//! item (lowercase `e`/`a`/`i`, `k`, `p`). The text goes to the content parser.

use serde::Serialize;

use super::content_hook::{ContentBlocks, content_blocks};
use super::error::{ParseError, ParseErrorReason};
use super::pointers::{
    AddressPointer, EventPointer, ProfilePointer, address_pointer, event_pointer, hint, non_blank,
    profile_pointer,
};
use crate::protocol::{Event, Kind, Tag};

/// Kind 1111.
pub const COMMENT: Kind = Kind(1111);

/// An external thing a comment scope can be (NIP-73 `I`/`i` tags: URLs, podcasts, books...).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct ExternalId {
    /// The identifier, e.g. `https://example.com/page` or `isbn:9780765382030`.
    pub id: String,
    /// A URL hint for it.
    pub hint: Option<String>,
}

/// The kind of a scope: a Nostr kind number or a NIP-73 external kind (`web`, `podcast:guid`...).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "value")]
pub enum ScopeKind {
    /// A Nostr event kind.
    Nostr(Kind),
    /// A NIP-73 external content kind.
    External(String),
}

/// One end of a comment: what it is about (root) or what it answers (parent).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CommentScope {
    /// `E`/`e`: an event.
    pub event: Option<EventPointer>,
    /// `A`/`a`: an addressable event.
    pub address: Option<AddressPointer>,
    /// `I`/`i`: external content.
    pub external: Option<ExternalId>,
    /// `K`/`k`: its kind.
    pub kind: Option<ScopeKind>,
    /// `P`/`p`: its author.
    pub author: Option<ProfilePointer>,
}

impl CommentScope {
    /// True when the scope names something (an event, address or external id).
    pub fn is_set(&self) -> bool {
        self.event.is_some() || self.address.is_some() || self.external.is_some()
    }
}

/// A parsed kind 1111 comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Comment {
    /// What the thread is about.
    pub root: CommentScope,
    /// What this comment answers (the root itself for a top-level comment).
    pub parent: CommentScope,
    /// The content split into blocks by `parser::content`.
    #[serde(skip)]
    pub content_blocks: ContentBlocks,
}

impl Comment {
    /// True when the comment answers another comment rather than the root.
    pub fn is_reply_to_comment(&self) -> bool {
        self.parent.kind == Some(ScopeKind::Nostr(COMMENT))
    }
}

/// Parses a kind 1111 event. Both a root scope and a parent are required (NIP-22 MUSTs);
/// `K`/`k` and `P`/`p` are read when present.
pub fn parse_comment(event: &Event) -> Result<Comment, ParseError> {
    let root = scope(&event.tags, ["E", "A", "I", "K", "P"]);
    if !root.is_set() {
        return Err(ParseError::new(COMMENT, ParseErrorReason::MissingRootScope));
    }
    let parent = scope(&event.tags, ["e", "a", "i", "k", "p"]);
    if !parent.is_set() {
        return Err(ParseError::new(COMMENT, ParseErrorReason::MissingParent));
    }
    Ok(Comment {
        root,
        parent,
        content_blocks: content_blocks(event),
    })
}

/// Reads one scope from the tags named `[event, address, external, kind, author]`; the first
/// valid tag of each name wins.
fn scope(tags: &[Tag], names: [&str; 5]) -> CommentScope {
    let [e, a, i, k, p] = names;
    let mut s = CommentScope::default();
    for tag in tags {
        let Some(name) = tag.name() else { continue };
        if name == e && s.event.is_none() {
            // NIP-22 puts the author's pubkey at index 3 of E/e tags.
            s.event = event_pointer(tag, 3).ok();
        } else if name == a && s.address.is_none() {
            s.address = address_pointer(tag).ok();
        } else if name == i && s.external.is_none() {
            s.external = non_blank(tag, 1).map(|id| ExternalId {
                id: id.to_owned(),
                hint: hint(tag, 2),
            });
        } else if name == k && s.kind.is_none() {
            s.kind = non_blank(tag, 1).map(|v| match v.parse::<u16>() {
                Ok(n) => ScopeKind::Nostr(Kind(n)),
                Err(_) => ScopeKind::External(v.to_owned()),
            });
        } else if name == p && s.author.is_none() {
            s.author = profile_pointer(tag).ok();
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{EventBuilder, Keys};

    #[test]
    fn comment_on_an_article_replying_to_a_comment() {
        let author = Keys::generate().public_key();
        let commenter = Keys::generate().public_key();
        let coord = format!("30023:{author}:article");
        let root_id = hex::encode([1u8; 32]);
        let parent_id = hex::encode([2u8; 32]);
        let ev = EventBuilder::new(COMMENT, "agreed")
            .tags([
                Tag::new(["A", &coord, "wss://a.io"]),
                Tag::new(["E", &root_id, "wss://e.io", &author.to_hex()]),
                Tag::new(["K", "30023"]),
                Tag::new(["P", &author.to_hex(), "wss://p.io"]),
                Tag::new(["e", &parent_id, "", &commenter.to_hex()]),
                Tag::new(["k", "1111"]),
                Tag::new(["p", &commenter.to_hex()]),
            ])
            .sign(&Keys::generate());
        let c = parse_comment(&ev).unwrap();
        let root_addr = c.root.address.as_ref().unwrap();
        assert_eq!(root_addr.coordinate.identifier, "article");
        assert_eq!(root_addr.relay.as_deref(), Some("wss://a.io"));
        let root_ev = c.root.event.as_ref().unwrap();
        assert_eq!(root_ev.id.to_hex(), root_id);
        assert_eq!(root_ev.author, Some(author));
        assert_eq!(c.root.kind, Some(ScopeKind::Nostr(Kind(30023))));
        assert_eq!(c.root.author.as_ref().unwrap().pubkey, author);
        assert_eq!(
            c.root.author.as_ref().unwrap().relay.as_deref(),
            Some("wss://p.io")
        );
        assert_eq!(c.root.external, None);
        let parent = c.parent.event.as_ref().unwrap();
        assert_eq!(parent.id.to_hex(), parent_id);
        assert_eq!(parent.author, Some(commenter));
        assert_eq!(c.parent.author.as_ref().unwrap().pubkey, commenter);
        assert!(c.is_reply_to_comment());
        assert!(!c.content_blocks.is_empty());
    }

    #[test]
    fn external_roots_and_required_scopes() {
        let ev = EventBuilder::new(COMMENT, "nice site")
            .tags([
                Tag::new(["I", "https://abc.com/articles/1"]),
                Tag::new(["K", "web"]),
                Tag::new(["i", "https://abc.com/articles/1", "https://hint"]),
                Tag::new(["k", "web"]),
            ])
            .sign(&Keys::generate());
        let c = parse_comment(&ev).unwrap();
        assert_eq!(
            c.root.external.as_ref().unwrap().id,
            "https://abc.com/articles/1"
        );
        assert_eq!(c.root.kind, Some(ScopeKind::External("web".into())));
        assert_eq!(
            c.parent.external.as_ref().unwrap().hint.as_deref(),
            Some("https://hint")
        );
        assert!(!c.is_reply_to_comment());

        let no_root = EventBuilder::new(COMMENT, "")
            .tag(Tag::new(["e", &hex::encode([1u8; 32])]))
            .sign(&Keys::generate());
        assert_eq!(
            parse_comment(&no_root).unwrap_err().reason,
            ParseErrorReason::MissingRootScope
        );
        let no_parent = EventBuilder::new(COMMENT, "")
            .tag(Tag::new(["E", &hex::encode([1u8; 32])]))
            .sign(&Keys::generate());
        assert_eq!(
            parse_comment(&no_parent).unwrap_err().reason,
            ParseErrorReason::MissingParent
        );
    }
}
