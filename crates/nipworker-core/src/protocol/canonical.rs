//! NIP-01 canonical serialization, the input of the event id hash.
//!
//! `[0,<pubkey>,<created_at>,<kind>,<tags>,<content>]` with no whitespace. Strings escape exactly
//! line feed, double quote, backslash, carriage return, tab, backspace and form feed; every other
//! character (other control characters included) is written verbatim, which is where a generic
//! JSON encoder would differ from the spec.

use sha2::{Digest, Sha256};

use super::{EventId, Kind, PublicKey, Tag, Timestamp};

/// Appends `s` as a NIP-01 JSON string (quotes included).
pub fn write_escaped(out: &mut Vec<u8>, s: &str) {
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
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..i]);
        out.extend_from_slice(escaped);
        start = i + 1;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
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
            write_escaped(out, part);
        }
        out.push(b']');
    }
    out.extend_from_slice(b"],");
    write_escaped(out, content);
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
    CANONICAL_BUF.with(|buf| {
        let mut buf = buf.borrow_mut();
        serialize_into(&mut buf, pubkey, created_at, kind, tags, content);
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
    fn escapes_exactly_the_nip01_set() {
        let mut out = Vec::new();
        write_escaped(&mut out, "a\nb\"c\\d\re\tf\u{8}g\u{c}h\u{1}i\u{7f}é/<");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"a\\nb\\\"c\\\\d\\re\\tf\\bg\\fh\u{1}i\u{7f}é/<\""
        );
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
