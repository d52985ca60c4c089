//! The content parser for kind 1 and friends: splits an event's text into typed blocks (text,
//! hashtags, URLs and media, `nostr:` mentions, custom emoji, Cashu tokens, Lightning invoices,
//! code), each with its byte range in the original string, in one pass over the bytes, and
//! shortens them into previews for timelines and notifications ([`preview`]).
//!
//! Blocks hold ranges into the content and indices into the tags rather than borrowed strings, so
//! a `Vec<Block>` has no lifetime and can be stored next to the event; only decoded values
//! (entities, tokens, invoices) are owned.

mod bolt11;
mod cashu;
mod media;
mod preview;
mod scan;

use std::ops::Range;

pub use bolt11::{
    Bolt11Error, Bolt11Invoice, Bolt11Network, MAX_BOLT11_LENGTH, strip_lightning_scheme,
};
pub use cashu::{
    CashuError, CashuProof, CashuToken, CashuVersion, Dleq, MAX_CASHU_TOKEN_LENGTH, ProofSecret,
};
pub use media::{MAX_MEDIA_ALTERNATIVES, MediaFile, MediaFileError, MediaKind, MediaMeta};
pub(crate) use media::{is_http_url as media_is_http_url, seconds_to_ms as media_seconds_to_ms};
pub use preview::{Preview, PreviewLimit, PreviewSpan, preview};

use crate::protocol::{Nip19Entity, Tag};

/// One piece of content. Blocks of a parse are contiguous: their ranges tile the whole string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Byte range in the content, on char boundaries.
    pub range: Range<usize>,
    /// What the range holds.
    pub kind: BlockKind,
}

impl Block {
    /// The block's text (empty if `content` is not the string this block came from).
    pub fn text<'a>(&self, content: &'a str) -> &'a str {
        content.get(self.range.clone()).unwrap_or("")
    }

    /// For a URL block with a matching NIP-92 `imeta` tag, what the tag says about the file
    /// (dimensions, blurhash, alt, MIME type, hash, fallbacks...); `tags` are the event's.
    pub fn media_file(&self, tags: &[Tag]) -> Option<MediaFile> {
        match self.kind {
            BlockKind::Url {
                imeta: Some(index), ..
            } => tags.get(index).and_then(|t| MediaFile::from_tag(t).ok()),
            _ => None,
        }
    }
}

/// The typed meaning of a block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// Plain text.
    Text,
    /// `#tag`; `name` excludes the `#`.
    Hashtag {
        /// Byte range of the tag name.
        name: Range<usize>,
    },
    /// An `http(s)://` URL (the block's text is the URL).
    Url {
        /// Image, video, audio or link, from the `imeta` MIME type or the file extension.
        media: MediaKind,
        /// Index into the event's tags of the NIP-92 `imeta` tag for this URL
        /// (read it with [`MediaMeta::from_tag`]).
        imeta: Option<usize>,
    },
    /// A reference to a profile, event or address.
    Mention(Mention),
    /// A NIP-30 `:shortcode:` with a matching `emoji` tag.
    Emoji {
        /// Byte range of the shortcode, without colons.
        shortcode: Range<usize>,
        /// Index of the `["emoji", shortcode, url]` tag (see [`emoji_url`]).
        tag: usize,
    },
    /// A `cashuA`/`cashuB` token; `Err` when it looked like one but did not decode.
    Cashu(Result<Box<CashuToken>, CashuError>),
    /// A BOLT11 invoice with a valid checksum (the text may start with `lightning:`).
    Invoice(Box<Bolt11Invoice>),
    /// Inline `` `code` `` or a fenced block; nothing inside is parsed.
    Code {
        /// Byte range of the code, without the backticks or fence lines.
        code: Range<usize>,
        /// Info string of a fenced block, trimmed.
        language: Option<Range<usize>>,
        /// True for a ``` fenced block.
        fenced: bool,
    },
}

/// A mention and how it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// The decoded entity (never an `nsec`).
    pub entity: Nip19Entity,
    /// How the content referred to it.
    pub source: MentionSource,
}

/// How a mention was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionSource {
    /// A NIP-21 `nostr:` URI.
    Uri,
    /// A bare NIP-19 string (`npub1...`, `note1...`...), as older clients wrote them.
    Bare,
    /// A deprecated NIP-08 `#[n]` reference to the event's `n`-th tag.
    TagIndex(usize),
}

/// Splits `content` into blocks. `tags` are the event's tags (for `emoji`, `imeta` and `t` tags
/// and NIP-08 references); pass `&[]` when there are none.
pub fn parse_content(content: &str, tags: &[Tag]) -> Vec<Block> {
    let mut out = Vec::new();
    parse_content_into(content, tags, &mut out);
    out
}

/// Like [`parse_content`], appending to `out` so a caller can reuse one vector across events.
pub fn parse_content_into(content: &str, tags: &[Tag], out: &mut Vec<Block>) {
    scan::scan(content, tags, out);
}

/// The image URL of emoji tag `tag` (the third element of `["emoji", shortcode, url]`).
pub fn emoji_url(tags: &[Tag], tag: usize) -> Option<&str> {
    tags.get(tag).and_then(|t| t.get(2))
}

#[cfg(test)]
mod tests;
