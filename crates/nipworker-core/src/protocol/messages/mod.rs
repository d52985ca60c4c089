//! NIP-01 messages between clients and relays, in both directions, and the scanner that reads
//! incoming frames into them without building a JSON tree.
//!
//! Relay frames are the hot path of every subscription: see `benches/event_pipeline.rs`.

mod client;
mod relay;
mod scanner;

pub use client::ClientMessage;
pub use relay::{ReasonPrefix, RelayMessage};
pub(crate) use scanner::event_from_json;
pub use scanner::{EventField, EventJsonError, FieldProblem, FrameError, ScanLimits};
