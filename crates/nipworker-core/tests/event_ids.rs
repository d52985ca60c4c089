//! Event ids against an independent implementation (rust-nostr, reached through nostr-connect's
//! prelude) and serde_json: events holding control characters must get the same id everywhere,
//! and each side must accept the other's events.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on bad fixtures

use nipworker_core::protocol::{
    Event, EventBuilder, EventId, Keys, Kind, Tag, Timestamp, VerifyError, canonical,
};
use nostr_connect::prelude as nc;
use nostr_connect::prelude::JsonUtil as _;

/// Content and a tag value holding every kind of character the escaping rules distinguish.
const TRICKY: &str = "a\u{0}\u{1}\u{1f}\u{7f}\u{1b}[0m\n\r\t\u{8}\u{c}\"\\/é😀\u{2028}";

fn secret_hex() -> String {
    "01".repeat(32)
}

#[test]
fn our_ids_match_rust_nostr_and_serde_json() {
    let ours = Keys::from_hex(&secret_hex()).unwrap();
    let theirs = nc::Keys::parse(&secret_hex()).unwrap();
    assert_eq!(ours.public_key().to_hex(), theirs.public_key().to_hex());

    let our_event = EventBuilder::new(Kind::TEXT_NOTE, TRICKY)
        .tag(Tag::new(["t", TRICKY]))
        .created_at(Timestamp(1_700_000_000))
        .sign(&ours);
    let their_event = nc::EventBuilder::new(nc::Kind::TextNote, TRICKY)
        .tags([nc::Tag::parse(["t", TRICKY]).unwrap()])
        .custom_created_at(nc::Timestamp::from_secs(1_700_000_000))
        .sign_with_keys(&theirs)
        .unwrap();
    assert_eq!(our_event.id.to_hex(), their_event.id.to_hex());

    // The canonical bytes are serde_json's for the same array.
    let reference = serde_json::to_string(&serde_json::json!([
        0,
        our_event.pubkey.to_hex(),
        our_event.created_at.as_u64(),
        our_event.kind.as_u16(),
        [["t", TRICKY]],
        TRICKY,
    ]))
    .unwrap();
    let canonical = canonical::serialize(
        &our_event.pubkey,
        our_event.created_at,
        our_event.kind,
        &our_event.tags,
        &our_event.content,
    );
    assert_eq!(String::from_utf8(canonical).unwrap(), reference);
    assert!(reference.contains("a\\u0000\\u0001\\u001f\u{7f}\\u001b[0m"));
}

#[test]
fn each_side_accepts_the_others_events() {
    let ours = Keys::generate();
    let our_event = EventBuilder::new(Kind::TEXT_NOTE, "\u{1}\u{1f}\u{7f}")
        .tag(Tag::new(["x", "\u{2}"]))
        .sign(&ours);
    let parsed = nc::Event::from_json(our_event.to_json()).unwrap();
    parsed.verify().unwrap();
    assert_eq!(parsed.id.to_hex(), our_event.id.to_hex());

    let theirs = nc::Keys::generate();
    let their_event = nc::EventBuilder::text_note("\u{1}\u{1f}\u{7f}")
        .tags([nc::Tag::parse(["x", "\u{2}"]).unwrap()])
        .sign_with_keys(&theirs)
        .unwrap();
    let parsed = Event::from_json(&their_event.as_json()).unwrap();
    assert_eq!(parsed.verify(), Ok(()));
    assert_eq!(parsed.id.to_hex(), their_event.id.to_hex());
}

#[test]
fn legacy_raw_control_ids_still_verify() {
    let keys = Keys::generate();
    let unsigned = EventBuilder::new(Kind::TEXT_NOTE, "bell\u{7}")
        .created_at(Timestamp(1))
        .build(keys.public_key());
    let legacy = canonical::compute_legacy_id(
        &unsigned.pubkey,
        unsigned.created_at,
        unsigned.kind,
        &unsigned.tags,
        &unsigned.content,
    )
    .unwrap();
    assert_ne!(legacy, unsigned.id());
    // An event signed the old way, with the control character written raw.
    let old = Event {
        id: legacy,
        sig: keys.sign_schnorr(legacy.as_bytes()),
        pubkey: unsigned.pubkey,
        created_at: unsigned.created_at,
        kind: unsigned.kind,
        tags: unsigned.tags.clone(),
        content: unsigned.content.clone(),
    };
    assert_eq!(old.verify(), Ok(()));
    // New events get the interoperable id.
    assert_eq!(unsigned.clone().sign(&keys).unwrap().verify(), Ok(()));
    assert_ne!(unsigned.clone().sign(&keys).unwrap().id, legacy);

    // Without such a character there is only one valid id.
    let plain = EventBuilder::new(Kind::TEXT_NOTE, "tab\tnewline\n").sign(&keys);
    let mut tampered = plain.clone();
    tampered.id = EventId([7; 32]);
    assert_eq!(tampered.verify_id(), Err(VerifyError::IdMismatch));
    // Tampering with content still fails both ways.
    let mut tampered = old.clone();
    tampered.content.push('!');
    assert_eq!(tampered.verify_id(), Err(VerifyError::IdMismatch));
}
