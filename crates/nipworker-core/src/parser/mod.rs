//! Turns verified events into typed results: `kinds` holds one parser per NIP or kind family,
//! `content` splits note text into typed blocks (links, media, mentions, invoices...).

pub mod content;
pub mod kinds;
