//! Writers for content blocks (kind 1 and 1111 text) and markdown blocks (long-form).
//!
//! Content blocks carry byte ranges into `Event.content` instead of copies of their text.

use planus::{Builder, Offset};

use super::pointers::{strings, vec_or_none};
use crate::parser::content::{Block, BlockKind, MediaFile, MediaKind, emoji_url};
use crate::parser::kinds::{MarkdownBlock, MarkdownLink};
use crate::protocol::flatbuffers::fb;
use crate::protocol::{Nip19Entity, Tag};

use fb::parsed as p;

fn u32_of(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn mention(builder: &mut Builder, entity: &Nip19Entity) -> Offset<p::Mention> {
    let none: Option<fb::Bytes32> = None;
    match entity {
        Nip19Entity::Pubkey(pk) => p::Mention::create(
            builder,
            p::MentionType::Pubkey,
            none,
            fb::Bytes32::from(*pk),
            None::<u16>,
            None::<&str>,
            None::<Offset<[Offset<str>]>>,
        ),
        Nip19Entity::Secret(_) => p::Mention::create(
            builder,
            p::MentionType::Secret,
            none,
            none,
            None::<u16>,
            None::<&str>,
            None::<Offset<[Offset<str>]>>,
        ),
        Nip19Entity::Note(id) => p::Mention::create(
            builder,
            p::MentionType::Note,
            fb::Bytes32::from(*id),
            none,
            None::<u16>,
            None::<&str>,
            None::<Offset<[Offset<str>]>>,
        ),
        Nip19Entity::Profile(prof) => {
            let relays = strings(builder, &prof.relays);
            p::Mention::create(
                builder,
                p::MentionType::Profile,
                none,
                fb::Bytes32::from(prof.public_key),
                None::<u16>,
                None::<&str>,
                relays,
            )
        }
        Nip19Entity::Event(ev) => {
            let relays = strings(builder, &ev.relays);
            p::Mention::create(
                builder,
                p::MentionType::Event,
                fb::Bytes32::from(ev.id),
                ev.author.map(fb::Bytes32::from),
                ev.kind.map(|k| k.0),
                None::<&str>,
                relays,
            )
        }
        Nip19Entity::Address(addr) => {
            let relays = strings(builder, &addr.relays);
            p::Mention::create(
                builder,
                p::MentionType::Address,
                none,
                fb::Bytes32::from(addr.public_key),
                Some(addr.kind.0),
                addr.identifier.as_str(),
                relays,
            )
        }
    }
}

fn media(kind: MediaKind) -> p::MediaType {
    match kind {
        MediaKind::Image => p::MediaType::Image,
        MediaKind::Video => p::MediaType::Video,
        MediaKind::Audio => p::MediaType::Audio,
        MediaKind::Link => p::MediaType::Link,
    }
}

/// Writes what an `imeta` tag says about a file.
pub(super) fn media_file(builder: &mut Builder, f: &MediaFile) -> Offset<p::MediaFile> {
    let fallbacks = strings(builder, &f.fallbacks);
    let thumbnails = strings(builder, &f.thumbnails);
    p::MediaFile::create(
        builder,
        f.url.as_str(),
        f.mime.as_deref(),
        f.dim.map(|d| d.0),
        f.dim.map(|d| d.1),
        f.blurhash.as_deref(),
        f.alt.as_deref(),
        f.sha256.as_deref(),
        f.size,
        fallbacks,
        thumbnails,
        f.duration_ms,
        f.bitrate,
        f.service.as_deref(),
    )
}

/// Writes a list of media files, or nothing when empty.
pub(super) fn media_files(
    builder: &mut Builder,
    files: &[MediaFile],
) -> Option<Offset<[Offset<p::MediaFile>]>> {
    let offsets: Vec<_> = files.iter().map(|f| media_file(builder, f)).collect();
    vec_or_none(builder, &offsets)
}

/// Writes one block; `content` and `tags` are the event's (blocks index into them).
fn block(builder: &mut Builder, b: &Block, content: &str, tags: &[Tag]) -> Offset<p::ContentBlock> {
    let text = |r: &std::ops::Range<usize>| content.get(r.clone()).unwrap_or("");
    let mut block_type = p::BlockType::Text;
    let mut media_type = p::MediaType::Link;
    let mut value = None;
    let mut url = None;
    let mut language = None;
    let mut mention_at = None;
    let mut cashu = None;
    let mut invoice = None;
    let mut file = None;
    match &b.kind {
        BlockKind::Text => {}
        BlockKind::Hashtag { name } => {
            block_type = p::BlockType::Hashtag;
            value = Some(text(name));
        }
        BlockKind::Url { media: m, .. } => {
            block_type = p::BlockType::Url;
            media_type = media(*m);
            file = b.media_file(tags).map(|f| media_file(builder, &f));
        }
        BlockKind::Mention(m) => {
            block_type = p::BlockType::Mention;
            mention_at = Some(mention(builder, &m.entity));
        }
        BlockKind::Emoji { shortcode, tag } => {
            block_type = p::BlockType::Emoji;
            value = Some(text(shortcode));
            url = emoji_url(tags, *tag);
        }
        BlockKind::Cashu(token) => {
            block_type = p::BlockType::Cashu;
            cashu = Some(match token {
                Ok(t) => p::CashuTokenInfo::create(
                    builder,
                    t.mint.as_str(),
                    t.unit.as_deref(),
                    t.memo.as_deref(),
                    t.proofs
                        .iter()
                        .fold(0u64, |sum, p| sum.saturating_add(p.amount)),
                    u32_of(t.proofs.len()),
                    None::<&str>,
                ),
                Err(e) => {
                    let msg = e.to_string();
                    p::CashuTokenInfo::create(
                        builder,
                        None::<&str>,
                        None::<&str>,
                        None::<&str>,
                        0u64,
                        0u32,
                        msg.as_str(),
                    )
                }
            });
        }
        BlockKind::Invoice(inv) => {
            block_type = p::BlockType::Invoice;
            invoice = Some(p::InvoiceInfo::create(
                builder,
                inv.amount_msat,
                inv.timestamp,
                inv.description.as_deref(),
                inv.expiry_secs,
            ));
        }
        BlockKind::Code {
            code, language: l, ..
        } => {
            block_type = p::BlockType::Code;
            value = Some(text(code));
            language = l.as_ref().map(text);
        }
    }
    p::ContentBlock::create(
        builder,
        block_type,
        u32_of(b.range.start),
        u32_of(b.range.end),
        media_type,
        value,
        url,
        language,
        mention_at,
        cashu,
        invoice,
        file,
    )
}

/// Writes an event's content blocks.
pub(super) fn content_blocks(
    builder: &mut Builder,
    blocks: &[Block],
    content: &str,
    tags: &[Tag],
) -> Option<Offset<[Offset<p::ContentBlock>]>> {
    let offsets: Vec<_> = blocks
        .iter()
        .map(|b| block(builder, b, content, tags))
        .collect();
    vec_or_none(builder, &offsets)
}

fn links(
    builder: &mut Builder,
    links: &[MarkdownLink],
) -> Option<Offset<[Offset<p::MarkdownLink>]>> {
    let offsets: Vec<_> = links
        .iter()
        .map(|l| p::MarkdownLink::create(builder, l.text.as_str(), l.url.as_str()))
        .collect();
    vec_or_none(builder, &offsets)
}

/// Writes long-form markdown blocks.
pub(super) fn markdown_blocks(
    builder: &mut Builder,
    blocks: &[MarkdownBlock],
) -> Option<Offset<[Offset<p::MarkdownBlock>]>> {
    let mut offsets = Vec::with_capacity(blocks.len());
    for b in blocks {
        let (ty, level, text, value, ordered, start) = match b {
            MarkdownBlock::Heading { level, text } => (
                p::MarkdownType::Heading,
                *level,
                Some(text.as_str()),
                None,
                false,
                None,
            ),
            MarkdownBlock::Paragraph { text, .. } => (
                p::MarkdownType::Paragraph,
                0,
                Some(text.as_str()),
                None,
                false,
                None,
            ),
            MarkdownBlock::Image(img) => (
                p::MarkdownType::Image,
                0,
                Some(img.alt.as_str()),
                Some(img.url.as_str()),
                false,
                None,
            ),
            MarkdownBlock::Code { language, code } => (
                p::MarkdownType::Code,
                0,
                Some(code.as_str()),
                language.as_deref(),
                false,
                None,
            ),
            MarkdownBlock::List { ordered, start, .. } => {
                (p::MarkdownType::List, 0, None, None, *ordered, *start)
            }
            MarkdownBlock::Quote { text, .. } => (
                p::MarkdownType::Quote,
                0,
                Some(text.as_str()),
                None,
                false,
                None,
            ),
            MarkdownBlock::Rule => (p::MarkdownType::Rule, 0, None, None, false, None),
            MarkdownBlock::Html { html } => (
                p::MarkdownType::Html,
                0,
                Some(html.as_str()),
                None,
                false,
                None,
            ),
        };
        let (items, link_list, images) = match b {
            MarkdownBlock::Paragraph {
                links: l, images, ..
            } => {
                let imgs: Vec<MarkdownLink> = images
                    .iter()
                    .map(|i| MarkdownLink {
                        text: i.alt.clone(),
                        url: i.url.clone(),
                    })
                    .collect();
                (None, links(builder, l), links(builder, &imgs))
            }
            MarkdownBlock::List {
                items, links: l, ..
            } => (strings(builder, items), links(builder, l), None),
            MarkdownBlock::Quote { links: l, .. } => (None, links(builder, l), None),
            _ => (None, None, None),
        };
        offsets.push(p::MarkdownBlock::create(
            builder, ty, level, text, value, ordered, start, items, link_list, images,
        ));
    }
    vec_or_none(builder, &offsets)
}
