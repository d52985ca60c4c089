//! The app-facing Nostr client and what it needs around the workers.
//!
//! [`nip11`]: relay information documents (limits, supported NIPs) fetched over HTTP.

pub mod nip11;
