//! The four workers (connections, cache, parser, crypto) and the orchestrator that starts them.
//!
//! Workers are async tasks that share no memory: each owns its state and talks to the others only
//! through the typed channels of [`crate::ipc`].

pub mod cache;
pub mod connections;
pub mod crypto;
pub mod parser;
pub mod set;
