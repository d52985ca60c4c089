//! NIP-01 messages between clients and relays, in both directions, and the scanner that reads
//! incoming frames into them without building a JSON tree.
//!
//! Relay frames are the hot path of every subscription: see `benches/event_pipeline.rs`.

mod client;
mod relay;
mod scanner;

pub use client::ClientMessage;
pub use relay::{ReasonPrefix, RelayMessage};
pub use scanner::{EventField, FieldProblem, FrameError, ScanLimits};
