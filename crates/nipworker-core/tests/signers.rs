//! Signers behind `Arc<dyn Signer>`: the private-key signer signs events that verify, NIP-04
//! and NIP-44 round trips between two signers, secrets never show in Debug, Display or error
//! strings, and NIP-07 outside a browser is a typed error.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on bad fixtures

use std::sync::Arc;

use async_trait::async_trait;
use nipworker_core::crypto::nip44::{self, ConversationKey};
use nipworker_core::protocol::{Event, EventBuilder, Keys, Kind, PublicKey, Tag, UnsignedEvent};
use nipworker_core::signer::{
    Nip07Error, Nip07Provider, Nip07Signer, PrivateKeySigner, Signer, SignerError,
    nip07_from_window,
};

// NIP-19's example key pair.
const NSEC: &str = "nsec1vl029mgpspedva04g90vltkh6fvh240zqtv9k0t9af8935ke9laqsnlfe5";
const SECRET_HEX: &str = "67dea2ed018072d675f5415ecfaed7d2597555e202d85b3d65ea4e58d2d92ffa";
const PUBLIC_HEX: &str = "7e7e9c42a91bfef19fa929e5fda1b72e0ebc1a4c1141673e2794234d86addf4e";

fn signers() -> (Arc<dyn Signer>, Arc<dyn Signer>) {
    (
        Arc::new(PrivateKeySigner::parse(NSEC).unwrap()),
        Arc::new(PrivateKeySigner::generate()),
    )
}

#[tokio::test]
async fn signs_events_that_verify() {
    let (alice, _) = signers();
    let pk = alice.public_key().await.unwrap();
    assert_eq!(pk.to_hex(), PUBLIC_HEX);
    let unsigned = EventBuilder::new(Kind::TEXT_NOTE, "hello from a dyn Signer")
        .tag(Tag::new(["t", "nostr"]))
        .build(pk);
    let event = alice.sign_event(unsigned.clone()).await.unwrap();
    assert_eq!(event.verify(), Ok(()));
    assert_eq!(event.id, unsigned.id());
    let back = Event::from_json(&event.to_json()).unwrap();
    assert_eq!(back.verify(), Ok(()));

    // Someone else's event is refused, not signed with the wrong key.
    let other = EventBuilder::new(Kind::TEXT_NOTE, "x").build(Keys::generate().public_key());
    assert_eq!(alice.sign_event(other).await, Err(SignerError::WrongAuthor));
}

#[tokio::test]
async fn encryption_round_trips_between_two_signers() {
    let (alice, bob) = signers();
    let (a, b) = (
        alice.public_key().await.unwrap(),
        bob.public_key().await.unwrap(),
    );
    for text in ["hi", "multi\nline ✓", &"x".repeat(70_000)] {
        let c44 = alice.nip44_encrypt(&b, text).await.unwrap();
        assert_eq!(bob.nip44_decrypt(&a, &c44).await.unwrap(), text);
        let c04 = bob.nip04_encrypt(&a, text).await.unwrap();
        assert_eq!(alice.nip04_decrypt(&b, &c04).await.unwrap(), text);
    }
    // Payloads meant for someone else fail with typed errors.
    let c44 = alice.nip44_encrypt(&b, "secret").await.unwrap();
    let eve = PrivateKeySigner::generate();
    assert!(matches!(
        eve.nip44_decrypt(&a, &c44).await,
        Err(SignerError::Nip44(nip44::Nip44Error::InvalidMac))
    ));
    assert!(matches!(
        alice.nip44_encrypt(&b, "").await,
        Err(SignerError::Nip44(nip44::Nip44Error::MessageEmpty))
    ));
}

#[tokio::test]
async fn secrets_never_appear_in_debug_display_or_errors() {
    let signer = PrivateKeySigner::parse(SECRET_HEX).unwrap();
    let conv = ConversationKey::from_keys(
        &Keys::from_hex(SECRET_HEX).unwrap(),
        &Keys::generate().public_key(),
    )
    .unwrap();
    let conv_hex = hex::encode(conv.as_bytes());
    let mut texts = vec![
        format!("{signer:?}"),
        format!("{signer}"),
        format!("{signer:#?}"),
        format!("{conv:?}"),
    ];
    // Errors from bad secrets, including a near-miss of the real one.
    let near_miss = format!("{}zz", &SECRET_HEX[..62]);
    let mut nsec_typo = NSEC.to_owned();
    nsec_typo.insert(10, 'b');
    for bad in [near_miss.as_str(), nsec_typo.as_str(), "nsec1", ""] {
        let err = PrivateKeySigner::parse(bad).unwrap_err();
        texts.push(err.to_string());
        texts.push(format!("{err:?}"));
    }
    // Errors from operations with the real key.
    let dyn_signer: Arc<dyn Signer> = Arc::new(signer.clone());
    let peer = Keys::generate().public_key();
    for err in [
        dyn_signer.nip44_decrypt(&peer, "AAAA").await.unwrap_err(),
        dyn_signer
            .nip04_decrypt(&peer, "AAAA?iv=AAAA")
            .await
            .unwrap_err(),
        dyn_signer
            .sign_event(EventBuilder::new(Kind::TEXT_NOTE, "x").build(peer))
            .await
            .unwrap_err(),
    ] {
        texts.push(err.to_string());
        texts.push(format!("{err:?}"));
    }
    texts.push(format!("{dyn_signer:?}"));

    let nsec_body = &NSEC[5..];
    for text in &texts {
        for secret in [
            SECRET_HEX,
            &SECRET_HEX[..16],
            &SECRET_HEX[48..],
            nsec_body,
            &conv_hex,
        ] {
            assert!(!text.contains(secret), "{text:?} leaks a secret");
        }
    }
    assert!(texts[0].contains("redacted") && texts[0].contains(PUBLIC_HEX));
}

#[test]
fn nip07_is_unsupported_natively() {
    let err = nip07_from_window().unwrap_err();
    assert!(matches!(err, SignerError::Unsupported(_)), "{err:?}");
    assert!(err.to_string().contains("NIP-07"));
}

/// A stand-in for a browser extension: signs with local keys, optionally misbehaving.
#[derive(Debug)]
struct FakeExtension {
    keys: Keys,
    tamper: bool,
}

#[async_trait]
impl Nip07Provider for FakeExtension {
    async fn get_public_key(&self) -> Result<PublicKey, Nip07Error> {
        Ok(self.keys.public_key())
    }
    async fn sign_event(&self, unsigned: &UnsignedEvent) -> Result<Event, Nip07Error> {
        let mut unsigned = unsigned.clone();
        if self.tamper {
            unsigned.content.push_str(" (edited by extension)");
        }
        unsigned.sign(&self.keys).map_err(|_| Nip07Error::Rejected)
    }
    async fn nip04_encrypt(&self, _: &PublicKey, _: &str) -> Result<String, Nip07Error> {
        Err(Nip07Error::MethodMissing("nip04"))
    }
    async fn nip04_decrypt(&self, _: &PublicKey, _: &str) -> Result<String, Nip07Error> {
        Err(Nip07Error::MethodMissing("nip04"))
    }
    async fn nip44_encrypt(&self, _: &PublicKey, _: &str) -> Result<String, Nip07Error> {
        Err(Nip07Error::Rejected)
    }
    async fn nip44_decrypt(&self, _: &PublicKey, _: &str) -> Result<String, Nip07Error> {
        Err(Nip07Error::Unavailable)
    }
}

#[tokio::test]
async fn nip07_adapter_checks_what_the_extension_returns() {
    let keys = Keys::generate();
    let honest: Arc<dyn Signer> = Arc::new(Nip07Signer::new(FakeExtension {
        keys: keys.clone(),
        tamper: false,
    }));
    let pk = honest.public_key().await.unwrap();
    let unsigned = EventBuilder::new(Kind::TEXT_NOTE, "via extension").build(pk);
    assert_eq!(
        honest.sign_event(unsigned.clone()).await.unwrap().verify(),
        Ok(())
    );

    let tampering = Nip07Signer::new(FakeExtension { keys, tamper: true });
    assert_eq!(
        tampering.sign_event(unsigned).await,
        Err(SignerError::InvalidResponse)
    );
    assert!(matches!(
        honest.nip04_encrypt(&pk, "x").await,
        Err(SignerError::Unsupported(_))
    ));
    assert_eq!(
        honest.nip44_encrypt(&pk, "x").await,
        Err(SignerError::Rejected)
    );
    assert!(matches!(
        honest.nip44_decrypt(&pk, "x").await,
        Err(SignerError::Unsupported(_))
    ));
}
