//! JSON forms of parsed events for `/v1/subscribe`: the kind's parsed form (the core's
//! `ParsedKind`, serialized as it is) and, for text kinds, the content split into typed blocks
//! (text, hashtags, links and media, mentions, custom emoji, invoices, Cashu tokens, code).

use nipworker_core::Event;
use nipworker_core::parser::content::{BlockKind, MediaKind, emoji_url, parse_content};
use nipworker_core::parser::kinds::parse_event;
use serde_json::{Value, json};

/// Kinds whose content is text with inline references (notes, comments, live chat).
fn has_text_content(kind: u16) -> bool {
    matches!(kind, 1 | 1111 | 1311)
}

/// `{"parsed": ..., "parse_error": ..., "blocks": [...]}` parts for `event`.
pub fn parsed_parts(event: &Event) -> (Value, Value, Value) {
    let (parsed, error) = match parse_event(event) {
        Ok(p) => (serde_json::to_value(p).unwrap_or(Value::Null), Value::Null),
        Err(e) => (Value::Null, Value::String(e.to_string())),
    };
    let blocks = if has_text_content(event.kind.0) {
        Value::Array(blocks(event))
    } else {
        Value::Null
    };
    (parsed, error, blocks)
}

fn media_label(media: MediaKind) -> &'static str {
    match media {
        MediaKind::Image => "image",
        MediaKind::Video => "video",
        MediaKind::Audio => "audio",
        MediaKind::Link => "link",
    }
}

/// The content's blocks, each with its text and what it means.
pub fn blocks(event: &Event) -> Vec<Value> {
    let content = event.content.as_str();
    let slice = |r: &std::ops::Range<usize>| content.get(r.clone()).unwrap_or("");
    parse_content(content, &event.tags)
        .iter()
        .map(|block| {
            let text = block.text(content);
            match &block.kind {
                BlockKind::Text => json!({"type": "text", "text": text}),
                BlockKind::Hashtag { name } => {
                    json!({"type": "hashtag", "text": text, "name": slice(name)})
                }
                BlockKind::Url { media, .. } => json!({
                    "type": "url",
                    "text": text,
                    "media": media_label(*media),
                    // Dimensions, blurhash, alt, MIME type and hash from the matching `imeta`.
                    "file": block.media_file(&event.tags),
                }),
                BlockKind::Mention(mention) => json!({
                    "type": "mention",
                    "text": text,
                    "entity": mention.entity.to_bech32().ok(),
                }),
                BlockKind::Emoji { shortcode, tag } => json!({
                    "type": "emoji",
                    "text": text,
                    "shortcode": slice(shortcode),
                    "url": emoji_url(&event.tags, *tag),
                }),
                BlockKind::Cashu(token) => json!({
                    "type": "cashu",
                    "text": text,
                    "valid": token.is_ok(),
                }),
                BlockKind::Invoice(invoice) => json!({
                    "type": "invoice",
                    "text": text,
                    "amount_msat": invoice.amount_msat,
                    "description": invoice.description,
                }),
                BlockKind::Code {
                    code,
                    language,
                    fenced,
                } => json!({
                    "type": "code",
                    "text": text,
                    "code": slice(code),
                    "language": language.as_ref().map(slice),
                    "fenced": fenced,
                }),
            }
        })
        .collect()
}
