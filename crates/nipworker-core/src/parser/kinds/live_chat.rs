//! NIP-53 kind 1311 live chat messages: the live activity they belong to (`a`), the message they
//! answer (`e`), mentioned profiles (`p`) and quotes (`q`). The text goes to the content parser,
//! as for a note.

use serde::Serialize;

use super::content_hook::{ContentBlocks, content_blocks};
use super::error::{ParseError, ParseErrorReason, SkipReason, Skipped};
use super::note::{Quote, quote};
use super::pointers::{
    AddressPointer, EventPointer, ProfilePointer, address_pointer, event_pointer, profile_pointer,
};
use crate::protocol::{Event, Kind};

/// Kind 1311.
pub const LIVE_CHAT_MESSAGE: Kind = Kind(1311);

/// Kind 30311, the NIP-53 live event a chat belongs to.
pub const LIVE_EVENT: Kind = Kind(30311);

/// A parsed kind 1311 live chat message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LiveChatMessage {
    /// The live activity (the first `a` tag naming an addressable event, usually kind 30311).
    pub activity: AddressPointer,
    /// The chat message this one answers (the first valid `e` tag).
    pub reply: Option<EventPointer>,
    /// Profiles mentioned (`p`).
    pub mentions: Vec<ProfilePointer>,
    /// Quoted events and addresses (`q`).
    pub quotes: Vec<Quote>,
    /// The content split into blocks by `parser::content`.
    #[serde(skip)]
    pub content_blocks: ContentBlocks,
    /// Tags left out, with why.
    pub skipped: Vec<Skipped>,
}

/// Parses a kind 1311 event. Fails without an `a` tag naming the activity.
pub fn parse_live_chat_message(event: &Event) -> Result<LiveChatMessage, ParseError> {
    let mut activity = None;
    let mut reply = None;
    let mut mentions = Vec::new();
    let mut quotes = Vec::new();
    let mut skipped = Vec::new();
    for (i, tag) in event.tags.iter().enumerate() {
        match tag.name() {
            Some("a") if activity.is_none() => match address_pointer(tag) {
                Ok(a) if a.coordinate.kind.is_addressable() => activity = Some(a),
                Ok(_) => skipped.push(Skipped::tag(i, SkipReason::InvalidCoordinate)),
                Err(reason) => skipped.push(Skipped::tag(i, reason)),
            },
            // NIP-10 style: `["e", id, relay, marker, pubkey]`.
            Some("e") if reply.is_none() => match event_pointer(tag, 4) {
                Ok(e) => reply = Some(e),
                Err(reason) => skipped.push(Skipped::tag(i, reason)),
            },
            Some("p") => match profile_pointer(tag) {
                Ok(p) => mentions.push(p),
                Err(reason) => skipped.push(Skipped::tag(i, reason)),
            },
            Some("q") => match quote(tag) {
                Ok(q) => quotes.push(q),
                Err(reason) => skipped.push(Skipped::tag(i, reason)),
            },
            _ => {}
        }
    }
    let activity = activity.ok_or(ParseError::new(
        LIVE_CHAT_MESSAGE,
        ParseErrorReason::MissingTag("a"),
    ))?;
    Ok(LiveChatMessage {
        activity,
        reply,
        mentions,
        quotes,
        content_blocks: content_blocks(event),
        skipped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::content::BlockKind;
    use crate::protocol::{EventBuilder, Keys, Tag};

    #[test]
    fn reads_activity_reply_mentions_and_text() {
        let host = Keys::generate().public_key().to_hex();
        let parent = hex::encode([3u8; 32]);
        let ev = EventBuilder::new(LIVE_CHAT_MESSAGE, "gm https://x.io/a.gif #live")
            .tags([
                Tag::new([
                    "a",
                    &format!("30311:{host}:stream-1"),
                    "wss://live.io",
                    "root",
                ]),
                Tag::new(["e", &parent, "wss://r.io", "reply", &host]),
                Tag::new(["e", &hex::encode([4u8; 32])]),
                Tag::new(["p", &host]),
                Tag::new(["q", &hex::encode([5u8; 32])]),
                Tag::new(["p", "bad"]),
            ])
            .sign(&Keys::generate());
        let m = parse_live_chat_message(&ev).unwrap();
        assert_eq!(m.activity.coordinate.kind, LIVE_EVENT);
        assert_eq!(m.activity.coordinate.identifier, "stream-1");
        assert_eq!(m.activity.relay.as_deref(), Some("wss://live.io"));
        let reply = m.reply.unwrap();
        assert_eq!(reply.id.to_hex(), parent);
        assert_eq!(reply.author.map(|a| a.to_hex()), Some(host.clone()));
        assert_eq!(m.mentions.len(), 1);
        assert_eq!(m.quotes.len(), 1);
        assert_eq!(m.skipped, vec![Skipped::tag(5, SkipReason::InvalidPubkey)]);
        let kinds: Vec<_> = m
            .content_blocks
            .iter()
            .map(|b| std::mem::discriminant(&b.kind))
            .collect();
        assert_eq!(kinds.len(), 4);
        assert!(matches!(m.content_blocks[1].kind, BlockKind::Url { .. }));

        let lost = EventBuilder::new(LIVE_CHAT_MESSAGE, "hi")
            .tag(Tag::new(["e", &parent]))
            .sign(&Keys::generate());
        assert_eq!(
            parse_live_chat_message(&lost).unwrap_err().reason,
            ParseErrorReason::MissingTag("a")
        );
    }
}
