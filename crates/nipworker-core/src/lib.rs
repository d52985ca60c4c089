//! nipworker: a portable Nostr client runtime.
//!
//! An app hands it relays, NIP-01 filters and a signer; four workers (connections, cache, parser,
//! crypto) keep relays connected, deduplicate, verify, parse, cache, sign and publish, and stream
//! typed results back. This crate is the portable core: platform code lives behind feature flags.

pub mod client;
pub mod crypto;
pub mod ipc;
pub mod parser;
pub mod pipeline;
pub mod protocol;
pub mod runtime;
pub mod seen;
pub mod signer;
pub mod storage;
pub mod transport;
pub mod workers;

pub use protocol::{
    Event, EventBuilder, EventId, Filter, Keys, Kind, PublicKey, Signature, Tag, Timestamp,
};
pub use signer::{Signer, SignerError};
