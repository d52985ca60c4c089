//! Turns verified events into typed results: `kinds` holds one parser per NIP or kind family,
//! `content` splits note text into typed blocks (links, media, mentions, invoices...), `serialize`
//! writes both as FlatBuffers for subscribers.

pub mod content;
pub mod kinds;
pub mod serialize;
