//! The Nostr protocol: NIP-01 events, ids and signatures, filters, relay messages, NIP-19 entities,
//! and the FlatBuffers glue the workers exchange.
//!
//! Everything here is pure data and functions: no I/O, no runtime, usable on every target.

pub mod canonical;
mod error;
mod event;
mod filter;
mod hex_bytes;
mod keys;
mod kind;
pub mod messages;
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
    ClientMessage, EventField, FieldProblem, FrameError, ReasonPrefix, RelayMessage, ScanLimits,
};
pub use tag::Tag;
pub use timestamp::Timestamp;
