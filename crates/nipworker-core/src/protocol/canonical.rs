//! NIP-01 canonical serialization, the input of the event id hash.
//!
//! `[0,<pubkey>,<created_at>,<kind>,<tags>,<content>]` with no whitespace. Strings are written as
//! serde_json, `JSON.stringify` (nostr-tools, NDK) and go-nostr write them, which is what every
//! other implementation hashes: `"` and `\\` escaped, line feed, carriage return, tab, backspace
//! and form feed as `\n \r \t \b \f`, the other control characters U+0000..U+001F as `\u00xx`
//! with lowercase hex, and everything else verbatim (U+007F, `/`, non-ASCII).
//!
//! NIP-01 lists only the short escapes, and earlier versions of this crate wrote the other control
//! characters raw. [`compute_legacy_id`] gives that older id so verification can still accept
//! events signed that way (see [`crate::protocol::Event::verify_id`]).

use sha2::{Digest, Sha256};

use super::{EventId, Kind, PublicKey, Tag, Timestamp};

/// Lowercase hex digits, as serde_json and `JSON.stringify` write `\u00xx`.
const HEX_DIGITS: &[u8; 16] = b"0123456789abcdef";

/// How control characters without a short escape are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Controls {
    /// As `\u00xx`: what every other implementation hashes.
    Escaped,
    /// Verbatim: what earlier versions of this crate hashed.
    Raw,
}

/// Appends `s` as a NIP-01 JSON string (quotes included).
pub fn write_escaped(out: &mut Vec<u8>, s: &str) {
    write_string(out, s, Controls::Escaped);
}

fn write_string(out: &mut Vec<u8>, s: &str, controls: Controls) {
    out.reserve(s.len() + 2);
    out.push(b'"');
    let bytes = s.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escaped: &[u8] = match b {
            b'\n' => b"\\n",
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0x00..=0x1f if controls == Controls::Escaped => {
                out.extend_from_slice(&bytes[start..i]);
                out.extend_from_slice(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX_DIGITS[usize::from(b >> 4)],
                    HEX_DIGITS[usize::from(b & 0xf)],
                ]);
                start = i + 1;
                continue;
            }
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        out.extend_from_slice(escaped);
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// True for the control characters whose id differs between the current and the legacy form.
fn needs_unicode_escape(b: u8) -> bool {
    b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x08 | 0x0c)
}

/// True if some string of the event holds a control character written `\u00xx`, the only case
/// where [`compute_id`] and [`compute_legacy_id`] differ.
pub fn has_unicode_escaped_controls(tags: &[Tag], content: &str) -> bool {
    let any = |s: &str| s.bytes().any(needs_unicode_escape);
    any(content) || tags.iter().flat_map(Tag::as_slice).any(|s| any(s))
}

/// Writes the canonical array into `out` (cleared first), so callers can reuse one buffer.
pub fn serialize_into(
    out: &mut Vec<u8>,
    pubkey: &PublicKey,
    created_at: Timestamp,
    kind: Kind,
    tags: &[Tag],
    content: &str,
) {
    serialize_with(
        out,
        pubkey,
        created_at,
        kind,
        tags,
        content,
        Controls::Escaped,
    );
}

fn serialize_with(
    out: &mut Vec<u8>,
    pubkey: &PublicKey,
    created_at: Timestamp,
    kind: Kind,
    tags: &[Tag],
    content: &str,
    controls: Controls,
) {
    out.clear();
    out.extend_from_slice(b"[0,\"");
    let mut hex = [0u8; 64];
    // Infallible: 32 bytes always fit 64 hex characters.
    let _ = hex::encode_to_slice(pubkey.as_bytes(), &mut hex);
    out.extend_from_slice(&hex);
    out.extend_from_slice(b"\",");
    let mut num = itoa::Buffer::new();
    out.extend_from_slice(num.format(created_at.as_u64()).as_bytes());
    out.push(b',');
    out.extend_from_slice(num.format(kind.as_u16()).as_bytes());
    out.extend_from_slice(b",[");
    for (i, tag) in tags.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'[');
        for (j, part) in tag.as_slice().iter().enumerate() {
            if j > 0 {
                out.push(b',');
            }
            write_string(out, part, controls);
        }
        out.push(b']');
    }
    out.extend_from_slice(b"],");
    write_string(out, content, controls);
    out.push(b']');
}

/// Returns the canonical serialization as a new buffer.
pub fn serialize(
    pubkey: &PublicKey,
    created_at: Timestamp,
    kind: Kind,
    tags: &[Tag],
    content: &str,
) -> Vec<u8> {
    let mut out = Vec::with_capacity(160 + content.len());
    serialize_into(&mut out, pubkey, created_at, kind, tags, content);
    out
}

/// SHA-256 of the canonical serialization: the event id.
pub fn compute_id(
    pubkey: &PublicKey,
    created_at: Timestamp,
    kind: Kind,
    tags: &[Tag],
    content: &str,
) -> EventId {
    hash_with(pubkey, created_at, kind, tags, content, Controls::Escaped)
}

/// The id earlier versions of this crate computed, with control characters other than
/// `\n \r \t \b \f` written raw; `None` when the event has none (the id would be the same).
pub fn compute_legacy_id(
    pubkey: &PublicKey,
    created_at: Timestamp,
    kind: Kind,
    tags: &[Tag],
    content: &str,
) -> Option<EventId> {
    has_unicode_escaped_controls(tags, content)
        .then(|| hash_with(pubkey, created_at, kind, tags, content, Controls::Raw))
}

fn hash_with(
    pubkey: &PublicKey,
    created_at: Timestamp,
    kind: Kind,
    tags: &[Tag],
    content: &str,
    controls: Controls,
) -> EventId {
    CANONICAL_BUF.with(|buf| {
        let mut buf = buf.borrow_mut();
        serialize_with(&mut buf, pubkey, created_at, kind, tags, content, controls);
        let id = EventId(Sha256::digest(&buf[..]).into());
        // Don't let one huge event pin a huge buffer for the thread's lifetime.
        if buf.capacity() > 64 * 1024 {
            *buf = Vec::new();
        }
        id
    })
}

thread_local! {
    static CANONICAL_BUF: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_serde_json_and_json_stringify() {
        let mut out = Vec::new();
        write_escaped(
            &mut out,
            "a\nb\"c\\d\re\tf\u{8}g\u{c}h\u{1}i\u{7f}é/<\u{0}\u{1f}\u{1b}",
        );
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"a\\nb\\\"c\\\\d\\re\\tf\\bg\\fh\\u0001i\u{7f}é/<\\u0000\\u001f\\u001b\""
        );
    }

    #[test]
    fn every_ascii_and_some_unicode_string_matches_serde_json() {
        let all_ascii: String = (0u8..=0x7f).map(char::from).collect();
        for s in [all_ascii.as_str(), "é😀\u{2028}\u{2029}\u{feff}", ""] {
            let mut ours = Vec::new();
            write_escaped(&mut ours, s);
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }

    #[test]
    fn legacy_id_only_differs_with_escaped_controls() {
        let pk = PublicKey([0xab; 32]);
        let plain = [Tag::new(["t", "a\nb"])];
        assert_eq!(
            compute_legacy_id(&pk, Timestamp(1), Kind(1), &plain, "x\ty"),
            None
        );
        let ctrl = [Tag::new(["t", "a\u{1}"])];
        let legacy = compute_legacy_id(&pk, Timestamp(1), Kind(1), &ctrl, "x");
        assert!(legacy.is_some());
        assert_ne!(
            legacy,
            Some(compute_id(&pk, Timestamp(1), Kind(1), &ctrl, "x"))
        );
        let mut raw = Vec::new();
        serialize_with(
            &mut raw,
            &pk,
            Timestamp(1),
            Kind(1),
            &ctrl,
            "x",
            Controls::Raw,
        );
        assert!(raw.windows(2).any(|w| w == b"a\x01"));
        assert_eq!(legacy, Some(EventId(Sha256::digest(&raw).into())));
    }

    #[test]
    fn layout_matches_spec() {
        let pk = PublicKey([0xab; 32]);
        let tags = vec![Tag::new(["e", "x"]), Tag::new(["p"])];
        let s = serialize(&pk, Timestamp(1700000000), Kind(1), &tags, "hi");
        assert_eq!(
            String::from_utf8(s).unwrap(),
            format!(
                "[0,\"{}\",1700000000,1,[[\"e\",\"x\"],[\"p\"]],\"hi\"]",
                "ab".repeat(32)
            )
        );
    }
}
