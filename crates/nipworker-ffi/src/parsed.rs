//! Parsed events as records: the parser worker's typed form of each event (the FlatBuffers
//! `ParsedEvent` the core already built for the subscription; nothing is parsed twice), mapped for
//! profiles, notes with their content blocks, reactions, reposts, zap receipts, contact lists and
//! relay lists. Other kinds are `Other`; their full form is in the raw bytes.

#![deny(unsafe_code)]

use nipworker_core::protocol::flatbuffers::fb;
use nipworker_core::protocol::flatbuffers::fb::parsed as p;
use nipworker_core::{EventId, PublicKey};

use crate::types::Event;

/// The parsed form of an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParsedEvent {
    /// Kind 0.
    Profile {
        /// The profile.
        profile: ParsedProfile,
    },
    /// Kind 1.
    Note {
        /// The note.
        note: ParsedNote,
    },
    /// Kind 7.
    Reaction {
        /// The reaction.
        reaction: ParsedReaction,
    },
    /// Kinds 6 and 16.
    Repost {
        /// The repost.
        repost: ParsedRepost,
    },
    /// Kind 9735.
    ZapReceipt {
        /// The receipt.
        zap: ParsedZapReceipt,
    },
    /// Kind 3.
    Contacts {
        /// The list.
        contacts: ParsedContacts,
    },
    /// Kind 10002.
    RelayList {
        /// The list.
        relay_list: ParsedRelayList,
    },
    /// A kind not mapped here.
    Other {
        /// The kind.
        kind: u16,
    },
    /// The event breaks its kind's rules.
    Invalid {
        /// A stable label.
        code: String,
        /// Why.
        message: String,
    },
}

/// Kind 0.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct ParsedProfile {
    pub name: Option<String>,
    pub display_name: Option<String>,
    pub about: Option<String>,
    pub picture: Option<String>,
    pub banner: Option<String>,
    pub website: Option<String>,
    pub nip05: Option<String>,
    pub lud06: Option<String>,
    pub lud16: Option<String>,
    pub bot: Option<bool>,
}

/// An event id with hints.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct EventPointer {
    pub id: String,
    pub relay: Option<String>,
    pub author: Option<String>,
}

/// A coordinate.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct AddressPointer {
    pub kind: u16,
    pub pubkey: String,
    pub identifier: String,
    pub relay: Option<String>,
}

/// A public key with a relay hint.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct ProfilePointer {
    pub pubkey: String,
    pub relay: Option<String>,
}

/// Kind 1.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct ParsedNote {
    pub root: Option<EventPointer>,
    pub reply: Option<EventPointer>,
    pub mentions: Vec<EventPointer>,
    pub pubkeys: Vec<ProfilePointer>,
    pub hashtags: Vec<String>,
    pub blocks: Vec<ContentBlock>,
}

/// What a link points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum MediaType {
    Link,
    Image,
    Video,
    Audio,
}

/// A decoded `nostr:` reference.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct NostrMention {
    pub entity_type: String,
    pub event_id: Option<String>,
    pub pubkey: Option<String>,
    pub kind: Option<u16>,
    pub identifier: Option<String>,
    pub relays: Vec<String>,
}

/// One block of a note's text.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum ContentBlock {
    Text {
        text: String,
    },
    Hashtag {
        text: String,
        name: String,
    },
    Url {
        text: String,
        media: MediaType,
    },
    Mention {
        text: String,
        mention: NostrMention,
    },
    Emoji {
        text: String,
        shortcode: String,
        url: Option<String>,
    },
    Cashu {
        text: String,
        mint: Option<String>,
        amount: u64,
        error: Option<String>,
    },
    Invoice {
        text: String,
        amount_msat: Option<u64>,
        description: Option<String>,
    },
    Code {
        text: String,
        code: String,
        language: Option<String>,
    },
}

/// Like, dislike, emoji or custom emoji.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum ReactionType {
    Like,
    Dislike,
    Emoji,
    CustomEmoji,
}

/// Kind 7.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct ParsedReaction {
    pub reaction_type: ReactionType,
    pub content: String,
    pub url: Option<String>,
    pub target: Option<EventPointer>,
    pub target_address: Option<AddressPointer>,
    pub target_author: Option<String>,
    pub target_kind: Option<u16>,
}

/// Kinds 6 and 16.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct ParsedRepost {
    pub generic: bool,
    pub target: Option<EventPointer>,
    pub address: Option<AddressPointer>,
    pub target_author: Option<String>,
    pub target_kind: Option<u16>,
    pub embedded: Option<Event>,
}

/// Kind 9735.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct ParsedZapReceipt {
    pub bolt11: Option<String>,
    pub amount_msat: Option<u64>,
    pub sender: Option<String>,
    pub recipient: String,
    pub event: Option<EventPointer>,
    pub address: Option<AddressPointer>,
    pub comment: Option<String>,
    pub valid: bool,
    pub problems: Vec<String>,
}

/// A followed key.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct Contact {
    pub pubkey: String,
    pub relay: Option<String>,
    pub petname: Option<String>,
}

/// Kind 3.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct ParsedContacts {
    pub contacts: Vec<Contact>,
}

/// A relay with its markers.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct RelayEntry {
    pub url: String,
    pub read: bool,
    pub write: bool,
}

/// Kind 10002.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub struct ParsedRelayList {
    pub relays: Vec<RelayEntry>,
}

fn key(b: fb::Bytes32) -> String {
    PublicKey::from(b).to_hex()
}

fn id(b: fb::Bytes32) -> String {
    EventId::from(b).to_hex()
}

fn event_pointer(e: p::EventPointer) -> EventPointer {
    EventPointer {
        id: id(e.id),
        relay: e.relay,
        author: e.author.map(key),
    }
}

fn address_pointer(a: p::AddressPointer) -> AddressPointer {
    AddressPointer {
        kind: a.kind,
        pubkey: key(a.pubkey),
        identifier: a.identifier.unwrap_or_default(),
        relay: a.relay,
    }
}

fn media(m: p::MediaType) -> MediaType {
    match m {
        p::MediaType::Image => MediaType::Image,
        p::MediaType::Video => MediaType::Video,
        p::MediaType::Audio => MediaType::Audio,
        _ => MediaType::Link,
    }
}

fn mention(m: p::Mention) -> NostrMention {
    let entity_type = match m.mention_type {
        p::MentionType::Pubkey => "npub",
        p::MentionType::Note => "note",
        p::MentionType::Profile => "nprofile",
        p::MentionType::Event => "nevent",
        p::MentionType::Address => "naddr",
        _ => "nsec",
    };
    NostrMention {
        entity_type: entity_type.to_owned(),
        event_id: m.id.map(id),
        pubkey: m.pubkey.map(key),
        kind: m.kind,
        identifier: m.identifier,
        relays: m.relays.unwrap_or_default(),
    }
}

/// One block; `content` is the event's content, which the block's byte range indexes.
fn block(b: p::ContentBlock, content: &str) -> ContentBlock {
    let text = content
        .get(b.start as usize..b.end as usize)
        .unwrap_or("")
        .to_owned();
    let value = b.value.unwrap_or_default();
    match b.block_type {
        p::BlockType::Hashtag => ContentBlock::Hashtag { text, name: value },
        p::BlockType::Url => ContentBlock::Url {
            text,
            media: media(b.media),
        },
        p::BlockType::Mention => match b.mention {
            Some(m) => ContentBlock::Mention {
                text,
                mention: mention(*m),
            },
            None => ContentBlock::Text { text },
        },
        p::BlockType::Emoji => ContentBlock::Emoji {
            text,
            shortcode: value,
            url: b.url,
        },
        p::BlockType::Cashu => {
            let info = b.cashu.map(|c| *c);
            ContentBlock::Cashu {
                text,
                mint: info.as_ref().and_then(|c| c.mint.clone()),
                amount: info.as_ref().map_or(0, |c| c.amount),
                error: info.and_then(|c| c.error),
            }
        }
        p::BlockType::Invoice => {
            let info = b.invoice.map(|i| *i);
            ContentBlock::Invoice {
                text,
                amount_msat: info.as_ref().and_then(|i| i.amount_msat),
                description: info.and_then(|i| i.description),
            }
        }
        p::BlockType::Code => ContentBlock::Code {
            text,
            code: value,
            language: b.language,
        },
        _ => ContentBlock::Text { text },
    }
}

/// The record form of the parser worker's `ParsedEvent` for `event`.
pub(crate) fn from_table(parsed: p::ParsedEvent, event: &Event) -> ParsedEvent {
    if let Some(failure) = parsed.failure {
        return ParsedEvent::Invalid {
            code: failure.code.unwrap_or_default(),
            message: failure.message.unwrap_or_default(),
        };
    }
    let other = ParsedEvent::Other { kind: event.kind };
    let Some(body) = parsed.body else {
        return other;
    };
    match body {
        p::ParsedBody::Profile(pr) => ParsedEvent::Profile {
            profile: ParsedProfile {
                name: pr.name,
                display_name: pr.display_name,
                about: pr.about,
                picture: pr.picture,
                banner: pr.banner,
                website: pr.website,
                nip05: pr.nip05,
                lud06: pr.lud06,
                lud16: pr.lud16,
                bot: pr.bot,
            },
        },
        p::ParsedBody::Note(n) => ParsedEvent::Note {
            note: ParsedNote {
                root: n.root.map(|e| event_pointer(*e)),
                reply: n.reply.map(|e| event_pointer(*e)),
                mentions: n
                    .mentions
                    .unwrap_or_default()
                    .into_iter()
                    .map(event_pointer)
                    .collect(),
                pubkeys: n
                    .pubkeys
                    .unwrap_or_default()
                    .into_iter()
                    .map(|p| ProfilePointer {
                        pubkey: key(p.pubkey),
                        relay: p.relay,
                    })
                    .collect(),
                hashtags: n.hashtags.unwrap_or_default(),
                blocks: n
                    .blocks
                    .unwrap_or_default()
                    .into_iter()
                    .map(|b| block(b, &event.content))
                    .collect(),
            },
        },
        p::ParsedBody::Reaction(r) => ParsedEvent::Reaction {
            reaction: ParsedReaction {
                reaction_type: match r.reaction_type {
                    p::ReactionType::Like => ReactionType::Like,
                    p::ReactionType::Dislike => ReactionType::Dislike,
                    p::ReactionType::Emoji => ReactionType::Emoji,
                    _ => ReactionType::CustomEmoji,
                },
                content: r.content.unwrap_or_default(),
                url: r.url,
                target: r.target.map(|e| event_pointer(*e)),
                target_address: r.target_address.map(|a| address_pointer(*a)),
                target_author: r.target_author.map(key),
                target_kind: r.target_kind,
            },
        },
        p::ParsedBody::Repost(r) => ParsedEvent::Repost {
            repost: ParsedRepost {
                generic: r.generic,
                target: r.target.map(|e| event_pointer(*e)),
                address: r.address.map(|a| address_pointer(*a)),
                target_author: r.target_author.map(key),
                target_kind: r.target_kind,
                embedded: r.embedded.and_then(|e| {
                    let event = fb::Event::clone(&e.event);
                    embedded_event(event)
                }),
            },
        },
        p::ParsedBody::ZapReceipt(z) => ParsedEvent::ZapReceipt {
            zap: ParsedZapReceipt {
                bolt11: z.bolt11,
                amount_msat: z.amount_msat,
                sender: z.sender.map(key),
                recipient: key(z.recipient),
                event: z.event.map(|e| event_pointer(*e)),
                address: z.address.map(|a| address_pointer(*a)),
                comment: z.request.and_then(|r| r.comment),
                valid: z.valid,
                problems: z.problems.unwrap_or_default(),
            },
        },
        p::ParsedBody::Contacts(c) => ParsedEvent::Contacts {
            contacts: ParsedContacts {
                contacts: c
                    .contacts
                    .unwrap_or_default()
                    .into_iter()
                    .map(|c| Contact {
                        pubkey: key(c.pubkey),
                        relay: c.relay,
                        petname: c.petname,
                    })
                    .collect(),
            },
        },
        p::ParsedBody::RelayList(l) => ParsedEvent::RelayList {
            relay_list: ParsedRelayList {
                relays: l
                    .relays
                    .unwrap_or_default()
                    .into_iter()
                    .map(|r| RelayEntry {
                        url: r.url.unwrap_or_default(),
                        read: r.read,
                        write: r.write,
                    })
                    .collect(),
            },
        },
        _ => other,
    }
}

/// An embedded event's record form.
fn embedded_event(e: fb::Event) -> Option<Event> {
    Some(Event {
        id: id(e.id),
        pubkey: key(e.pubkey),
        created_at: e.created_at,
        kind: e.kind,
        tags: e
            .tags
            .unwrap_or_default()
            .into_iter()
            .map(|t| t.items.unwrap_or_default())
            .collect(),
        content: e.content.unwrap_or_default(),
        sig: nipworker_core::Signature::from(e.sig).to_hex(),
    })
}
