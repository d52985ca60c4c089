//! NIP-04 kind 4 encrypted direct messages: the recipient, the payload, and its plaintext when
//! the active signer is a party (author or recipient); otherwise it stays flagged as encrypted.

use serde::Serialize;

use super::decrypt::{Decryptor, Encrypted, EncryptionScheme};
use super::error::{ParseError, ParseErrorReason};
use super::pointers::{hint, non_blank, parse_event_id, parse_pubkey};
use crate::protocol::{Event, EventId, Kind, PublicKey};

/// A parsed kind 4 message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DirectMessage {
    /// The recipient (first `p` tag).
    pub recipient: PublicKey,
    /// A relay hint for the recipient.
    pub recipient_relay: Option<String>,
    /// The message this one answers (`e` tag), if any.
    pub reply_to: Option<EventId>,
    /// The encrypted payload, as sent.
    pub ciphertext: String,
    /// The scheme the payload uses (NIP-04 for conforming events).
    pub scheme: EncryptionScheme,
    /// The plaintext once decrypted; `is_encrypted()` is the "delivered encrypted" flag.
    pub plaintext: Encrypted<String>,
}

/// Parses a kind 4 event without decrypting it.
pub fn parse_direct_message(event: &Event) -> Result<DirectMessage, ParseError> {
    let err = |reason| ParseError::new(Kind::ENCRYPTED_DM, reason);
    let p = event
        .tags_named("p")
        .next()
        .ok_or(err(ParseErrorReason::MissingTag("p")))?;
    let recipient = p
        .value()
        .and_then(parse_pubkey)
        .ok_or(err(ParseErrorReason::InvalidTag("p")))?;
    let reply_to = event
        .tags_named("e")
        .find_map(|t| non_blank(t, 1).and_then(parse_event_id));
    Ok(DirectMessage {
        recipient,
        recipient_relay: hint(p, 2),
        reply_to,
        ciphertext: event.content.clone(),
        scheme: EncryptionScheme::detect(&event.content),
        plaintext: Encrypted::from_content(&event.content),
    })
}

impl DirectMessage {
    /// Decrypts when the signer is the author (peer: recipient) or the recipient (peer: author).
    pub async fn decrypt(&mut self, event: &Event, decryptor: &dyn Decryptor) {
        let me = decryptor.public_key();
        let peer = if me == event.pubkey {
            self.recipient
        } else if me == self.recipient {
            event.pubkey
        } else {
            self.plaintext.not_a_party();
            return;
        };
        self.plaintext
            .open(decryptor, &peer, &self.ciphertext, |s| Some(s.to_owned()))
            .await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::kinds::decrypt::testing::{FakeDecryptor, seal};
    use crate::parser::kinds::decrypt::{DecryptError, DecryptFailure, SealedReason};
    use crate::protocol::{EventBuilder, Keys, Tag};

    fn dm(author: &Keys, recipient: &PublicKey, content: &str) -> Event {
        EventBuilder::new(Kind::ENCRYPTED_DM, content)
            .tag(Tag::new(["p", &recipient.to_hex(), "wss://dm.relay"]))
            .tag(Tag::new(["e", &hex::encode([9u8; 32])]))
            .sign(author)
    }

    #[tokio::test]
    async fn parties_decrypt_others_see_it_sealed() {
        let alice = Keys::generate();
        let bob = Keys::generate();
        let ct = seal(EncryptionScheme::Nip04, "hi bob");
        let ev = dm(&alice, &bob.public_key(), &ct);
        let parsed = parse_direct_message(&ev).unwrap();
        assert_eq!(parsed.recipient, bob.public_key());
        assert_eq!(parsed.recipient_relay.as_deref(), Some("wss://dm.relay"));
        assert_eq!(parsed.reply_to.unwrap().to_hex(), hex::encode([9u8; 32]));
        assert_eq!(parsed.ciphertext, ct);
        assert_eq!(parsed.scheme, EncryptionScheme::Nip04);
        assert!(parsed.plaintext.is_encrypted());
        assert_eq!(
            parsed.plaintext,
            Encrypted::Sealed {
                scheme: EncryptionScheme::Nip04,
                reason: SealedReason::NoDecryptor
            }
        );

        // The recipient decrypts with the author as peer.
        let dec = FakeDecryptor::new(bob.public_key());
        let mut as_bob = parsed.clone();
        as_bob.decrypt(&ev, &dec).await;
        assert_eq!(as_bob.plaintext.value().map(String::as_str), Some("hi bob"));
        assert!(!as_bob.plaintext.is_encrypted());
        assert_eq!(
            dec.calls(),
            vec![(EncryptionScheme::Nip04, alice.public_key())]
        );

        // The author decrypts with the recipient as peer.
        let dec = FakeDecryptor::new(alice.public_key());
        let mut as_alice = parsed.clone();
        as_alice.decrypt(&ev, &dec).await;
        assert_eq!(
            as_alice.plaintext.value().map(String::as_str),
            Some("hi bob")
        );
        assert_eq!(
            dec.calls(),
            vec![(EncryptionScheme::Nip04, bob.public_key())]
        );

        // A third party is never asked.
        let dec = FakeDecryptor::new(Keys::generate().public_key());
        let mut as_eve = parsed.clone();
        as_eve.decrypt(&ev, &dec).await;
        assert!(dec.calls().is_empty());
        assert_eq!(
            as_eve.plaintext,
            Encrypted::Sealed {
                scheme: EncryptionScheme::Nip04,
                reason: SealedReason::SignerNotParty
            }
        );

        // A refusing signer leaves a typed failure.
        let mut dec = FakeDecryptor::new(bob.public_key());
        dec.refuse = true;
        let mut refused = parsed;
        refused.decrypt(&ev, &dec).await;
        assert_eq!(
            refused.plaintext,
            Encrypted::Failed {
                scheme: EncryptionScheme::Nip04,
                failure: DecryptFailure::Decrypt(DecryptError::Rejected)
            }
        );
        assert!(refused.plaintext.is_encrypted());
    }

    #[test]
    fn recipient_is_required() {
        let keys = Keys::generate();
        let ev = EventBuilder::new(Kind::ENCRYPTED_DM, "x?iv=y").sign(&keys);
        assert_eq!(
            parse_direct_message(&ev).unwrap_err().reason,
            ParseErrorReason::MissingTag("p")
        );
        let ev = EventBuilder::new(Kind::ENCRYPTED_DM, "x?iv=y")
            .tag(Tag::new(["p", "nope"]))
            .sign(&keys);
        assert_eq!(
            parse_direct_message(&ev).unwrap_err().reason,
            ParseErrorReason::InvalidTag("p")
        );
    }
}
