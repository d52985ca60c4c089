//! NIP-25 reactions: like, dislike, emoji, or a NIP-30 custom emoji, and what they react to:
//! kind 7 to Nostr events (`e`, `a`, `p`, `k`), kind 17 to websites and other external content
//! (NIP-73 `i` and `k`). Both have the same shape.

use serde::Serialize;

use super::comment::ExternalId;
use super::error::{ParseError, ParseErrorReason};
use super::pointers::{
    AddressPointer, EventPointer, address_pointer, event_pointer, hint, kind_value, non_blank,
    profile_pointer,
};
use crate::protocol::{Event, Kind, PublicKey, Tag};

/// Kind 17: a reaction to a website or other external content.
pub const EXTERNAL_REACTION: Kind = Kind(17);

/// What the reaction says.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum ReactionType {
    /// `+` or empty content.
    Like,
    /// `-`.
    Dislike,
    /// Any other content (usually a single emoji).
    Emoji {
        /// The content as written.
        content: String,
    },
    /// A NIP-30 `:shortcode:` with its image from an `emoji` tag.
    CustomEmoji {
        /// The shortcode without colons.
        shortcode: String,
        /// The image URL.
        url: String,
    },
}

/// A parsed kind 7 or kind 17 reaction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reaction {
    /// What the reaction says.
    pub reaction: ReactionType,
    /// The event reacted to: the last valid `e` tag (NIP-25).
    pub target: Option<EventPointer>,
    /// The address reacted to (`a` tag).
    pub target_address: Option<AddressPointer>,
    /// The reacted event's author: the last valid `p` tag, else the `e` tag's author hint.
    pub target_author: Option<PublicKey>,
    /// The reacted event's kind (`k` tag of a kind 7).
    pub target_kind: Option<Kind>,
    /// Kind 17: the external content reacted to (NIP-73 `i` tag, e.g. a URL).
    pub external: Option<ExternalId>,
    /// Kind 17: the external content's kind (NIP-73 `k` tag, e.g. `web`).
    pub external_kind: Option<String>,
}

/// Parses a kind 7 or 17 event. Fails when nothing names what is reacted to.
pub fn parse_reaction(event: &Event) -> Result<Reaction, ParseError> {
    if event.kind == EXTERNAL_REACTION {
        return parse_external_reaction(event);
    }
    let target = event
        .tags_named("e")
        .filter_map(|t| event_pointer(t, 3).ok())
        .last();
    let target_address = event
        .tags_named("a")
        .filter_map(|t| address_pointer(t).ok())
        .last();
    if target.is_none() && target_address.is_none() {
        return Err(ParseError::new(
            Kind::REACTION,
            ParseErrorReason::MissingTarget,
        ));
    }
    let target_author = event
        .tags_named("p")
        .filter_map(|t| profile_pointer(t).ok())
        .last()
        .map(|p| p.pubkey)
        .or_else(|| target.as_ref().and_then(|t| t.author));
    let target_kind = event.tags_named("k").find_map(kind_value);
    Ok(Reaction {
        reaction: reaction_type(&event.content, &event.tags),
        target,
        target_address,
        target_author,
        target_kind,
        external: None,
        external_kind: None,
    })
}

/// Kind 17: the first `i` tag names the content, the first `k` tag its kind.
fn parse_external_reaction(event: &Event) -> Result<Reaction, ParseError> {
    let external = event.tags_named("i").find_map(|t| {
        non_blank(t, 1).map(|id| ExternalId {
            id: id.to_owned(),
            hint: hint(t, 2),
        })
    });
    let Some(external) = external else {
        return Err(ParseError::new(
            EXTERNAL_REACTION,
            ParseErrorReason::MissingTag("i"),
        ));
    };
    let external_kind = event
        .tags_named("k")
        .find_map(|t| non_blank(t, 1))
        .map(str::to_owned);
    Ok(Reaction {
        reaction: reaction_type(&event.content, &event.tags),
        target: None,
        target_address: None,
        target_author: None,
        target_kind: None,
        external: Some(external),
        external_kind,
    })
}

fn reaction_type(content: &str, tags: &[Tag]) -> ReactionType {
    match content {
        "" | "+" => return ReactionType::Like,
        "-" => return ReactionType::Dislike,
        _ => {}
    }
    if let Some(code) = shortcode(content) {
        let url = tags
            .iter()
            .filter(|t| t.name() == Some("emoji") && t.value() == Some(code))
            .find_map(|t| t.get(2).filter(|u| !u.trim().is_empty()));
        if let Some(url) = url {
            return ReactionType::CustomEmoji {
                shortcode: code.to_owned(),
                url: url.trim().to_owned(),
            };
        }
    }
    ReactionType::Emoji {
        content: content.to_owned(),
    }
}

/// `:code:` where code is alphanumeric, `_` or `-` (NIP-30).
fn shortcode(content: &str) -> Option<&str> {
    let code = content.strip_prefix(':')?.strip_suffix(':')?;
    (!code.is_empty()
        && code
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))
    .then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{EventBuilder, Keys};

    fn react(content: &str, tags: Vec<Tag>) -> Result<Reaction, ParseError> {
        let ev = EventBuilder::new(Kind::REACTION, content)
            .tags(tags)
            .sign(&Keys::generate());
        parse_reaction(&ev)
    }

    #[test]
    fn every_reaction_type() {
        let author = Keys::generate().public_key();
        let e = || Tag::new(["e", &hex::encode([1u8; 32]), "wss://r.io", &author.to_hex()]);
        let emoji = Tag::new(["emoji", "soapbox", "https://x.io/soapbox.png"]);
        let cases = [
            ("+", ReactionType::Like),
            ("", ReactionType::Like),
            ("-", ReactionType::Dislike),
            (
                "🤙",
                ReactionType::Emoji {
                    content: "🤙".into(),
                },
            ),
            (
                ":soapbox:",
                ReactionType::CustomEmoji {
                    shortcode: "soapbox".into(),
                    url: "https://x.io/soapbox.png".into(),
                },
            ),
            (
                ":unknown:",
                ReactionType::Emoji {
                    content: ":unknown:".into(),
                },
            ),
        ];
        for (content, want) in cases {
            let r = react(content, vec![e(), emoji.clone()]).unwrap();
            assert_eq!(r.reaction, want, "{content:?}");
            assert_eq!(r.target_author, Some(author), "author from the e hint");
        }
    }

    #[test]
    fn targets_use_the_last_e_and_p() {
        let pk1 = Keys::generate().public_key();
        let pk2 = Keys::generate().public_key();
        let coord = format!("30023:{}:post", pk2);
        let r = react(
            "+",
            vec![
                Tag::new(["e", &hex::encode([1u8; 32])]),
                Tag::new(["p", &pk1.to_hex()]),
                Tag::new(["e", &hex::encode([2u8; 32]), "wss://last.io"]),
                Tag::new(["p", &pk2.to_hex()]),
                Tag::new(["e", "broken"]),
                Tag::new(["a", &coord]),
                Tag::new(["k", "30023"]),
            ],
        )
        .unwrap();
        let target = r.target.unwrap();
        assert_eq!(target.id.to_hex(), hex::encode([2u8; 32]));
        assert_eq!(target.relay.as_deref(), Some("wss://last.io"));
        assert_eq!(r.target_author, Some(pk2));
        assert_eq!(r.target_kind, Some(Kind(30023)));
        assert_eq!(r.target_address.unwrap().coordinate.identifier, "post");

        assert_eq!(
            react("+", vec![Tag::new(["p", &pk1.to_hex()])])
                .unwrap_err()
                .reason,
            ParseErrorReason::MissingTarget
        );
    }

    #[test]
    fn kind_17_reacts_to_external_content() {
        let ev = EventBuilder::new(EXTERNAL_REACTION, ":soapbox:")
            .tags([
                Tag::new(["k", "web"]),
                Tag::new(["i", "https://example.com/post", "https://example.com"]),
                Tag::new(["i", "https://ignored.example"]),
                Tag::new(["emoji", "soapbox", "https://x.io/soapbox.png"]),
            ])
            .sign(&Keys::generate());
        let r = parse_reaction(&ev).unwrap();
        assert_eq!(
            r.reaction,
            ReactionType::CustomEmoji {
                shortcode: "soapbox".into(),
                url: "https://x.io/soapbox.png".into(),
            }
        );
        let ext = r.external.unwrap();
        assert_eq!(ext.id, "https://example.com/post");
        assert_eq!(ext.hint.as_deref(), Some("https://example.com"));
        assert_eq!(r.external_kind.as_deref(), Some("web"));
        assert!(r.target.is_none() && r.target_kind.is_none());

        // An `e` tag does not make a kind 17 about a Nostr event: it needs `i`.
        let ev = EventBuilder::new(EXTERNAL_REACTION, "+")
            .tag(Tag::new(["e", &hex::encode([1u8; 32])]))
            .sign(&Keys::generate());
        assert_eq!(
            parse_reaction(&ev).unwrap_err(),
            ParseError::new(EXTERNAL_REACTION, ParseErrorReason::MissingTag("i"))
        );
    }
}
