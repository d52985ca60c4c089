//! What flows through a pipeline: one event, where it came from, and what the pipes added.

use crate::parser::content::PreviewSpan;
use crate::parser::kinds::{ParseError, ParsedKind};
use crate::protocol::Event;
use crate::protocol::flatbuffers::fb;

/// Where an event came from: cached events skip verify and save, live ones pass every pipe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// From a relay, not yet verified.
    Live,
    /// From the cache worker: it was verified before it was stored.
    Cached,
}

/// One event on its way through a pipeline.
#[derive(Debug, Clone)]
pub struct Item {
    /// The event.
    pub event: Event,
    /// The relay it came from (live events).
    pub relay: Option<String>,
    /// Live or cached.
    pub origin: Origin,
    /// Set by the parse pipe.
    pub parsed: Option<Result<ParsedKind, ParseError>>,
    /// Set by the proof pipe: one status per proof of `parsed`.
    pub proof_status: Vec<fb::ProofStatus>,
    /// Set by the preview pipe for kinds with content blocks.
    pub preview: Option<PreviewSpan>,
}

impl Item {
    /// A live event from `relay`.
    pub fn live(event: Event, relay: impl Into<String>) -> Self {
        Self {
            event,
            relay: Some(relay.into()),
            origin: Origin::Live,
            parsed: None,
            proof_status: Vec::new(),
            preview: None,
        }
    }

    /// An event read from the cache.
    pub fn cached(event: Event) -> Self {
        Self {
            event,
            relay: None,
            origin: Origin::Cached,
            parsed: None,
            proof_status: Vec::new(),
            preview: None,
        }
    }

    /// True for events from the cache.
    pub fn is_cached(&self) -> bool {
        self.origin == Origin::Cached
    }
}
