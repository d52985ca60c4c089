//! The Nostr client layer on top of the runtime: relay selection and, later, the `NostrClient`.
//!
//! [`outbox`] plans which relays to read from and publish to (NIP-65 outbox model).

pub mod outbox;
