//! Every real event of `testdata/corpus/` (captured from public relays) goes through the scanner,
//! keeps its id under NIP-01 canonical serialization, verifies, and stops verifying when one byte
//! of its id, content or signature is flipped.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod corpus_lines;

use corpus_lines::{Shape, corpus};
use nipworker_core::protocol::{
    Event, FrameError, RelayMessage, ScanLimits, VerifyError, canonical,
};
use sha2::{Digest, Sha256};

fn scan(frame: &str) -> Event {
    match RelayMessage::parse(frame, &ScanLimits::default()) {
        Ok(RelayMessage::Event { event, .. }) => event.into_owned(),
        other => panic!("not an EVENT: {other:?}"),
    }
}

#[test]
fn corpus_has_every_file_and_event() {
    let lines = corpus();
    let count = |f: &str| lines.iter().filter(|l| l.file == f).count();
    // The counts published with the corpus (testdata/README.md, shared corpus README).
    assert_eq!(count("profiles.json"), 501);
    assert_eq!(count("random.json"), 5);
    assert_eq!(count("reactions.json"), 3);
    assert_eq!(count("search.json"), 3);
    assert_eq!(count("contacts.json"), 1);
    assert_eq!(count("old-new.json"), 2);
    assert_eq!(count("profile-updates.json"), 3);
    assert_eq!(lines.len(), 518);
}

#[test]
fn every_event_parses_keeps_its_id_and_verifies() {
    let limits = ScanLimits::default();
    for line in corpus() {
        let at = line.at();
        let event = scan(&line.relay_frame());

        // The serde derive path agrees with the scanner.
        assert_eq!(Event::from_json(line.raw_event()).unwrap(), event, "{at}");

        // Canonical serialization hashes to the id the author signed.
        let canonical = canonical::serialize(
            &event.pubkey,
            event.created_at,
            event.kind,
            &event.tags,
            &event.content,
        );
        let digest: [u8; 32] = Sha256::digest(&canonical).into();
        assert_eq!(digest, event.id.0, "{at}: canonical id");
        assert_eq!(event.compute_id(), event.id, "{at}");
        assert_eq!(event.verify_signature(), Ok(()), "{at}: signature");
        assert_eq!(event.verify(), Ok(()), "{at}");

        // Relay messages as captured go through the scanner untouched, raw slice included.
        if line.shape == Shape::RelayMessage {
            let (msg, raw) = RelayMessage::parse_with_raw(&line.text, &limits).unwrap();
            assert_eq!(raw, Some(line.raw_event()), "{at}");
            let RelayMessage::Event { event: again, .. } = msg else {
                panic!("{at}: not an EVENT")
            };
            assert_eq!(*again, event, "{at}: parse_with_raw");
        }

        // Our serialization of the message reads back to the same event.
        let sub = "s";
        let json = RelayMessage::event(sub, &event).to_json();
        assert_eq!(scan(&json), event, "{at}: round trip");
    }
}

#[test]
fn capture_lines_are_not_relay_messages() {
    let limits = ScanLimits::default();
    let mut seen = 0;
    for line in corpus().into_iter().filter(|l| l.shape == Shape::Capture) {
        seen += 1;
        assert_eq!(
            RelayMessage::parse(&line.text, &limits),
            Err(FrameError::WrongType {
                message: "EVENT",
                index: 1,
                expected: "a subscription id string",
                reason: "invalid type: map, expected a string".into(),
            }),
            "{}",
            line.at()
        );
    }
    assert_eq!(seen, 9);
}

/// Flips one bit of the byte at `index % len` (never a no-op).
fn flip(bytes: &mut [u8], index: usize) {
    let i = index % bytes.len();
    bytes[i] ^= 0x01;
}

#[test]
fn one_flipped_byte_breaks_verification() {
    for (n, line) in corpus().into_iter().enumerate() {
        let at = line.at();
        let event = scan(&line.relay_frame());

        let mut bad = event.clone();
        flip(&mut bad.id.0, n);
        assert_eq!(bad.verify(), Err(VerifyError::IdMismatch), "{at}: id");
        // Even when the id is not rechecked, the signature no longer covers it.
        assert!(bad.verify_signature().is_err(), "{at}: id vs sig");

        let mut bad = event.clone();
        flip_content(&mut bad.content, n);
        assert_ne!(bad.content, event.content);
        assert_eq!(bad.verify(), Err(VerifyError::IdMismatch), "{at}: content");

        let mut bad = event.clone();
        flip(&mut bad.sig.0, n);
        assert_eq!(
            bad.verify(),
            Err(VerifyError::InvalidSignature),
            "{at}: sig"
        );
    }
}

/// Flips the low bit of one ASCII byte of the content (so it stays UTF-8); content without ASCII
/// gets its first character replaced, empty content becomes "x".
fn flip_content(content: &mut String, index: usize) {
    let ascii: Vec<usize> = content
        .bytes()
        .enumerate()
        .filter(|(_, b)| b.is_ascii())
        .map(|(i, _)| i)
        .collect();
    if ascii.is_empty() {
        let rest: String = content.chars().skip(1).collect();
        *content = format!("x{rest}");
        return;
    }
    let mut bytes = std::mem::take(content).into_bytes();
    bytes[ascii[index % ascii.len()]] ^= 0x01;
    *content = String::from_utf8(bytes).unwrap();
}
