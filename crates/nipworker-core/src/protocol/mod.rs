//! The Nostr protocol: NIP-01 events, ids and signatures, filters, relay messages, NIP-19 entities,
//! and the FlatBuffers glue the workers exchange.
//!
//! Everything here is pure data and functions: no I/O, no runtime, usable on every target.

pub mod canonical;
mod error;
mod event;
mod filter;
pub mod flatbuffers;
mod hex_bytes;
mod keys;
mod kind;
pub mod messages;
pub mod nip19;
mod relay_url;
mod tag;
mod timestamp;

pub use error::{HexError, KeyError, VerifyError};
pub use event::verify_schnorr_msg;
pub use event::{Event, EventBuilder, UnsignedEvent, verify_schnorr};
pub use filter::{Filter, matches_any};
pub use hex_bytes::{EventId, PublicKey, Signature};
pub use keys::Keys;
pub use kind::{Kind, KindClass};
pub use messages::{
    ClientMessage, EventField, EventJsonError, FieldProblem, FrameError, ReasonPrefix,
    RelayMessage, ScanLimits,
};
pub use nip19::{
    Nip19Address, Nip19Entity, Nip19Error, Nip19Event, Nip19Prefix, Nip19Profile, SecretKeyBytes,
};
pub use relay_url::{
    MAX_RELAY_URL_LEN, RelayUrl, RelayUrlError, normalize_relay_url, normalize_user_relay_url,
};
pub use tag::Tag;
pub use timestamp::Timestamp;
