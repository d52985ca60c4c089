//! NIP-19 helpers: bech32 entities (npub, note, nprofile, nevent, naddr) to and from records over
//! the core's `protocol::nip19`. An nsec is refused here: secrets go to `SignerSpec`.

#![deny(unsafe_code)]

use nipworker_core::protocol::nip19::strip_nostr_scheme;
use nipworker_core::protocol::nip19::{
    Nip19Address, Nip19Entity as Core, Nip19Event, Nip19Profile,
};
use nipworker_core::{EventId, Kind, PublicKey};

use crate::error::NipworkerError;
use crate::runtime::guard;

/// A NIP-19 entity; keys and ids in hex.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Nip19Entity {
    Npub {
        pubkey: String,
    },
    Note {
        event_id: String,
    },
    Nprofile {
        pubkey: String,
        relays: Vec<String>,
    },
    Nevent {
        event_id: String,
        relays: Vec<String>,
        author: Option<String>,
        kind: Option<u16>,
    },
    Naddr {
        kind: u16,
        pubkey: String,
        identifier: String,
        relays: Vec<String>,
    },
}

/// Decodes an entity (a `nostr:` prefix is accepted).
pub fn nip19_decode(bech32: String) -> Result<Nip19Entity, NipworkerError> {
    guard(|| {
        let text = strip_nostr_scheme(&bech32).unwrap_or(&bech32);
        Ok(match Core::from_bech32(text)? {
            Core::Pubkey(pk) => Nip19Entity::Npub {
                pubkey: pk.to_hex(),
            },
            Core::Note(id) => Nip19Entity::Note {
                event_id: id.to_hex(),
            },
            Core::Profile(p) => Nip19Entity::Nprofile {
                pubkey: p.public_key.to_hex(),
                relays: p.relays,
            },
            Core::Event(e) => Nip19Entity::Nevent {
                event_id: e.id.to_hex(),
                relays: e.relays,
                author: e.author.map(|a| a.to_hex()),
                kind: e.kind.map(|k| k.0),
            },
            Core::Address(a) => Nip19Entity::Naddr {
                kind: a.kind.0,
                pubkey: a.public_key.to_hex(),
                identifier: a.identifier,
                relays: a.relays,
            },
            Core::Secret(_) => {
                return Err(NipworkerError::InvalidBech32 {
                    reason: "an nsec is a secret: give it to SignerSpec.private_key instead".into(),
                });
            }
        })
    })
}

fn pubkey(field: &str, hex: &str) -> Result<PublicKey, NipworkerError> {
    PublicKey::from_hex(hex).map_err(|e| NipworkerError::hex(field, e))
}

fn event_id(field: &str, hex: &str) -> Result<EventId, NipworkerError> {
    EventId::from_hex(hex).map_err(|e| NipworkerError::hex(field, e))
}

/// Encodes an entity as bech32.
pub fn nip19_encode(entity: Nip19Entity) -> Result<String, NipworkerError> {
    guard(|| {
        let core = match entity {
            Nip19Entity::Npub { pubkey: pk } => Core::Pubkey(pubkey("pubkey", &pk)?),
            Nip19Entity::Note { event_id: id } => Core::Note(event_id("event_id", &id)?),
            Nip19Entity::Nprofile { pubkey: pk, relays } => Core::Profile(Nip19Profile {
                public_key: pubkey("pubkey", &pk)?,
                relays,
            }),
            Nip19Entity::Nevent {
                event_id: id,
                relays,
                author,
                kind,
            } => Core::Event(Nip19Event {
                id: event_id("event_id", &id)?,
                relays,
                author: author.map(|a| pubkey("author", &a)).transpose()?,
                kind: kind.map(Kind),
            }),
            Nip19Entity::Naddr {
                kind,
                pubkey: pk,
                identifier,
                relays,
            } => Core::Address(Nip19Address {
                identifier,
                public_key: pubkey("pubkey", &pk)?,
                kind: Kind(kind),
                relays,
            }),
        };
        Ok(core.to_bech32()?)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PK: &str = "3bf0c63fcb93463407af97a5e5ee64fa883d107ef9e558472c4eb9aaaefa459d";

    #[test]
    fn round_trips_and_types_errors() {
        let npub = nip19_encode(Nip19Entity::Npub { pubkey: PK.into() }).unwrap();
        assert_eq!(
            npub,
            "npub180cvv07tjdrrgpa0j7j7tmnyl2yr6yr7l8j4s3evf6u64th6gkwsyjh6w6"
        );
        assert_eq!(
            nip19_decode(format!("nostr:{npub}")).unwrap(),
            Nip19Entity::Npub { pubkey: PK.into() }
        );
        let naddr = Nip19Entity::Naddr {
            kind: 30023,
            pubkey: PK.into(),
            identifier: "post".into(),
            relays: vec!["wss://relay.example.com".into()],
        };
        assert_eq!(
            nip19_decode(nip19_encode(naddr.clone()).unwrap()).unwrap(),
            naddr
        );

        assert!(matches!(
            nip19_decode("npub1notbech32".into()),
            Err(NipworkerError::InvalidBech32 { .. })
        ));
        assert!(matches!(
            nip19_encode(Nip19Entity::Note { event_id: "zz".into() }),
            Err(NipworkerError::InvalidHex { field, .. }) if field == "event_id"
        ));
        let nsec = "nsec1vl029mgpspedva04g90vltkh6fvh240zqtv9k0t9af8935ke9laqsnlfe5";
        match nip19_decode(nsec.into()) {
            Err(NipworkerError::InvalidBech32 { reason }) => assert!(!reason.contains(nsec)),
            other => panic!("nsec decoded: {other:?}"),
        }
    }
}
