//! Signed events, unsigned events and the builder that signs them.

use serde::{Deserialize, Serialize};

use super::canonical;
use super::error::VerifyError;
use super::messages::EventJsonError;
use super::{EventId, Keys, Kind, PublicKey, Signature, Tag, Timestamp};

/// A signed Nostr event (NIP-01).
///
/// Its `Deserialize` (in `messages/scanner.rs`) reads JSON objects only and refuses empty tags,
/// like the frame scanner.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Event {
    /// SHA-256 of the canonical serialization.
    pub id: EventId,
    /// Author's x-only public key.
    pub pubkey: PublicKey,
    /// Creation time claimed by the author.
    pub created_at: Timestamp,
    /// Event kind.
    pub kind: Kind,
    /// Tags.
    pub tags: Vec<Tag>,
    /// Content (arbitrary text; JSON for some kinds).
    pub content: String,
    /// BIP-340 signature of `id` by `pubkey`.
    pub sig: Signature,
}

impl Event {
    /// Recomputes the id from the other fields.
    pub fn compute_id(&self) -> EventId {
        canonical::compute_id(
            &self.pubkey,
            self.created_at,
            self.kind,
            &self.tags,
            &self.content,
        )
    }

    /// Checks that `id` is the hash of the event.
    ///
    /// Also accepts the id earlier versions of this crate computed
    /// ([`canonical::compute_legacy_id`]), which differs only for events holding a control
    /// character other than `\n \r \t \b \f`: events signed here before the fix stay valid. It
    /// is recomputed only after a mismatch, and only when such a character is present. Only the
    /// author can sign either id, so this admits no forgery; such an event just has two valid ids.
    pub fn verify_id(&self) -> Result<(), VerifyError> {
        if self.compute_id() == self.id {
            return Ok(());
        }
        let legacy = canonical::compute_legacy_id(
            &self.pubkey,
            self.created_at,
            self.kind,
            &self.tags,
            &self.content,
        );
        if legacy == Some(self.id) {
            Ok(())
        } else {
            Err(VerifyError::IdMismatch)
        }
    }

    /// Checks the Schnorr signature of `id` (without recomputing the id).
    pub fn verify_signature(&self) -> Result<(), VerifyError> {
        verify_schnorr(&self.pubkey, self.id.as_bytes(), &self.sig)
    }

    /// Full integrity check: id, then signature.
    pub fn verify(&self) -> Result<(), VerifyError> {
        self.verify_id()?;
        self.verify_signature()
    }

    /// Serializes as a JSON object.
    pub fn to_json(&self) -> String {
        // Serializing plain strings, integers and hex into a String cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Parses a JSON object (does not verify), with the frame scanner's checks: an array, an
    /// empty tag, or a missing or repeated field is refused.
    pub fn from_json(json: &str) -> Result<Self, EventJsonError> {
        super::messages::event_from_json(json)
    }

    /// Tags whose name is `name`.
    pub fn tags_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Tag> + 'a {
        self.tags.iter().filter(move |t| t.name() == Some(name))
    }

    /// The first value of the first tag named `name`.
    pub fn first_tag_value(&self, name: &str) -> Option<&str> {
        self.tags
            .iter()
            .filter(|t| t.name() == Some(name))
            .find_map(Tag::value)
    }

    /// The `d` tag value of addressable events ("" when absent, as NIP-01 says).
    pub fn d_tag(&self) -> &str {
        self.first_tag_value("d").unwrap_or("")
    }

    /// NIP-40 expiration time, if the event carries a valid one.
    pub fn expiration(&self) -> Option<Timestamp> {
        self.first_tag_value("expiration")?
            .parse::<u64>()
            .ok()
            .map(Timestamp)
    }

    /// True if a NIP-40 expiration is at or before `now`.
    pub fn is_expired(&self, now: Timestamp) -> bool {
        self.expiration().is_some_and(|exp| exp <= now)
    }
}

/// Verifies a BIP-340 signature over a 32-byte message.
pub fn verify_schnorr(
    pubkey: &PublicKey,
    msg: &[u8; 32],
    sig: &Signature,
) -> Result<(), VerifyError> {
    let pk = secp256k1::XOnlyPublicKey::from_byte_array(pubkey.0)
        .map_err(|_| VerifyError::InvalidPublicKey)?;
    let sig = secp256k1::schnorr::Signature::from_byte_array(sig.0);
    secp256k1::schnorr::verify(&sig, msg, &pk).map_err(|_| VerifyError::InvalidSignature)
}

/// Verifies a BIP-340 signature over a message of any length (BIP-340 allows it; Nostr ids use 32).
pub fn verify_schnorr_msg(
    pubkey: &PublicKey,
    msg: &[u8],
    sig: &Signature,
) -> Result<(), VerifyError> {
    let pk = secp256k1::XOnlyPublicKey::from_byte_array(pubkey.0)
        .map_err(|_| VerifyError::InvalidPublicKey)?;
    let sig = secp256k1::schnorr::Signature::from_byte_array(sig.0);
    secp256k1::schnorr::verify(&sig, msg, &pk).map_err(|_| VerifyError::InvalidSignature)
}

/// An event before it has an id and signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnsignedEvent {
    /// Author's public key.
    pub pubkey: PublicKey,
    /// Creation time.
    pub created_at: Timestamp,
    /// Event kind.
    pub kind: Kind,
    /// Tags.
    pub tags: Vec<Tag>,
    /// Content.
    pub content: String,
}

impl UnsignedEvent {
    /// The id this event will have.
    pub fn id(&self) -> EventId {
        canonical::compute_id(
            &self.pubkey,
            self.created_at,
            self.kind,
            &self.tags,
            &self.content,
        )
    }

    /// Attaches an id and a signature made elsewhere (a remote signer), checking both.
    pub fn into_signed(self, sig: Signature) -> Result<Event, VerifyError> {
        let id = self.id();
        verify_schnorr(&self.pubkey, id.as_bytes(), &sig)?;
        Ok(Event {
            id,
            pubkey: self.pubkey,
            created_at: self.created_at,
            kind: self.kind,
            tags: self.tags,
            content: self.content,
            sig,
        })
    }

    /// Signs with local keys. Fails if the keys are not the event's author.
    pub fn sign(self, keys: &Keys) -> Result<Event, VerifyError> {
        if keys.public_key() != self.pubkey {
            return Err(VerifyError::InvalidPublicKey);
        }
        let id = self.id();
        let sig = keys.sign_schnorr(id.as_bytes());
        Ok(Event {
            id,
            pubkey: self.pubkey,
            created_at: self.created_at,
            kind: self.kind,
            tags: self.tags,
            content: self.content,
            sig,
        })
    }
}

/// Builds events: kind, content, tags and an optional fixed timestamp.
///
/// ```
/// use nipworker_core::protocol::{EventBuilder, Keys, Kind, Tag};
/// let keys = Keys::generate();
/// let event = EventBuilder::new(Kind::TEXT_NOTE, "hello")
///     .tag(Tag::new(["t", "nostr"]))
///     .sign(&keys);
/// assert!(event.verify().is_ok());
/// ```
#[derive(Debug, Clone)]
pub struct EventBuilder {
    kind: Kind,
    content: String,
    tags: Vec<Tag>,
    created_at: Option<Timestamp>,
}

impl EventBuilder {
    /// Starts an event of `kind` with `content`.
    pub fn new(kind: Kind, content: impl Into<String>) -> Self {
        Self {
            kind,
            content: content.into(),
            tags: Vec::new(),
            created_at: None,
        }
    }

    /// Adds a tag. An empty tag is dropped when the event is built: NIP-01 tags hold one or more
    /// strings, and parsers (ours included) refuse an event with an empty one.
    pub fn tag(mut self, tag: Tag) -> Self {
        self.tags.push(tag);
        self
    }

    /// Adds several tags (empty ones are dropped when built, as in [`EventBuilder::tag`]).
    pub fn tags(mut self, tags: impl IntoIterator<Item = Tag>) -> Self {
        self.tags.extend(tags);
        self
    }

    /// Fixes `created_at` (defaults to now).
    pub fn created_at(mut self, at: Timestamp) -> Self {
        self.created_at = Some(at);
        self
    }

    /// The unsigned event for `pubkey`, without empty tags.
    pub fn build(mut self, pubkey: PublicKey) -> UnsignedEvent {
        self.tags.retain(|tag| !tag.as_slice().is_empty());
        UnsignedEvent {
            pubkey,
            created_at: self.created_at.unwrap_or_else(Timestamp::now),
            kind: self.kind,
            tags: self.tags,
            content: self.content,
        }
    }

    /// Builds and signs with local keys.
    pub fn sign(self, keys: &Keys) -> Event {
        let unsigned = self.build(keys.public_key());
        let id = unsigned.id();
        let sig = keys.sign_schnorr(id.as_bytes());
        Event {
            id,
            pubkey: unsigned.pubkey,
            created_at: unsigned.created_at,
            kind: unsigned.kind,
            tags: unsigned.tags,
            content: unsigned.content,
            sig,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{EventField, FieldProblem, FrameError, RelayMessage, ScanLimits};

    #[test]
    fn sign_then_verify_and_tamper() {
        let keys = Keys::generate();
        let ev = EventBuilder::new(Kind::TEXT_NOTE, "hi \"there\"\n")
            .tag(Tag::new(["e", "00"]))
            .created_at(Timestamp(1))
            .sign(&keys);
        assert_eq!(ev.verify(), Ok(()));
        let json = ev.to_json();
        let back = Event::from_json(&json).unwrap();
        assert_eq!(back, ev);

        let mut bad = ev.clone();
        bad.content.push('!');
        assert_eq!(bad.verify(), Err(VerifyError::IdMismatch));
        let mut bad = ev.clone();
        bad.sig.0[10] ^= 1;
        assert_eq!(bad.verify(), Err(VerifyError::InvalidSignature));
    }

    #[test]
    fn remote_signature_is_checked() {
        let keys = Keys::generate();
        let other = Keys::generate();
        let unsigned = EventBuilder::new(Kind::TEXT_NOTE, "x").build(keys.public_key());
        let sig = other.sign_schnorr(unsigned.id().as_bytes());
        assert!(unsigned.clone().into_signed(sig).is_err());
        let sig = keys.sign_schnorr(unsigned.id().as_bytes());
        assert!(unsigned.into_signed(sig).is_ok());
    }

    fn signed() -> Event {
        EventBuilder::new(Kind::TEXT_NOTE, "x")
            .tag(Tag::new(["t", "a"]))
            .created_at(Timestamp(1))
            .sign(&Keys::generate())
    }

    #[test]
    fn events_are_objects_only_wherever_they_are_read() {
        let ev = signed();
        let as_array = format!(
            r#"["{}","{}",1,1,[["t","a"]],"x","{}"]"#,
            ev.id.to_hex(),
            ev.pubkey.to_hex(),
            ev.sig.to_hex()
        );
        assert_eq!(
            Event::from_json(&as_array),
            Err(EventJsonError::NotAnObject)
        );
        assert!(serde_json::from_str::<Event>(&as_array).is_err());
        // Nested in other values too: serde's derive would read each of these from a sequence.
        assert!(serde_json::from_str::<Vec<Event>>(&format!("[{as_array}]")).is_err());
        let value: serde_json::Value = serde_json::from_str(&as_array).unwrap();
        assert!(serde_json::from_value::<Event>(value).is_err());
        assert_eq!(
            serde_json::from_str::<Vec<Event>>(&format!("[{}]", ev.to_json())).unwrap(),
            vec![ev.clone()]
        );
        for bad in ["5", "\"x\"", "null"] {
            assert_eq!(
                Event::from_json(bad),
                Err(EventJsonError::NotAnObject),
                "{bad}"
            );
        }
        assert!(matches!(
            Event::from_json(&format!("{} x", ev.to_json())),
            Err(EventJsonError::Malformed { .. })
        ));
        assert!(matches!(
            Event::from_json("{"),
            Err(EventJsonError::Malformed { .. })
        ));
    }

    #[test]
    fn from_json_gives_typed_field_errors() {
        let json = signed().to_json();
        let missing = json.replace("\"sig\":", "\"zig\":");
        assert_eq!(
            Event::from_json(&missing),
            Err(EventJsonError::InvalidEvent {
                field: EventField::Sig,
                problem: FieldProblem::Missing
            })
        );
        let twice = json.replacen('{', "{\"kind\":1,", 1);
        assert_eq!(
            Event::from_json(&twice),
            Err(EventJsonError::InvalidEvent {
                field: EventField::Kind,
                problem: FieldProblem::Duplicate
            })
        );
        assert!(matches!(
            Event::from_json(&json.replace("\"kind\":1", "\"kind\":70000")),
            Err(EventJsonError::InvalidEvent {
                field: EventField::Kind,
                problem: FieldProblem::Invalid(_)
            })
        ));
    }

    #[test]
    fn empty_tags_are_refused_by_every_parser() {
        let ev = signed();
        let json = ev
            .to_json()
            .replace(r#""tags":[["t","a"]]"#, r#""tags":[["t","a"],[]]"#);
        let empty = Err(EventJsonError::InvalidEvent {
            field: EventField::Tags,
            problem: FieldProblem::EmptyTag { index: 1 },
        });
        assert_eq!(Event::from_json(&json), empty);
        let err = serde_json::from_str::<Event>(&json).unwrap_err();
        assert!(err.to_string().contains("tag 1 is empty"), "{err}");
        let frame = format!(r#"["EVENT","s",{json}]"#);
        assert_eq!(
            RelayMessage::parse(&frame, &ScanLimits::DEFAULT),
            Err(FrameError::InvalidEvent {
                field: EventField::Tags,
                problem: FieldProblem::EmptyTag { index: 1 },
            })
        );
        // `[""]` holds one string: accepted.
        let one = ev
            .to_json()
            .replace(r#""tags":[["t","a"]]"#, r#""tags":[[""]]"#);
        assert_eq!(Event::from_json(&one).unwrap().tags, vec![Tag::new([""])]);
    }

    #[test]
    fn builder_drops_empty_tags() {
        let keys = Keys::generate();
        let ev = EventBuilder::new(Kind::TEXT_NOTE, "x")
            .tag(Tag::default())
            .tags([Tag::new(["t", "a"]), Tag::new(Vec::<String>::new())])
            .sign(&keys);
        assert_eq!(ev.tags, vec![Tag::new(["t", "a"])]);
        assert_eq!(Event::from_json(&ev.to_json()), Ok(ev));
    }
}
