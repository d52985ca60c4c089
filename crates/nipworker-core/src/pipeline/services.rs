//! What the pipes that need another worker ask of it: verification and proof checks (crypto
//! worker), storage (cache worker). The parser worker implements these over its ipc channels;
//! anything else (a bench, a server embedding the pipeline) may implement them directly.

use std::future::Future;
use std::pin::Pin;

use thiserror::Error;

use crate::parser::kinds::CashuProof;
use crate::protocol::Event;
use crate::protocol::flatbuffers::{FlatBufferError, fb};
pub use crate::runtime::MaybeSendSync;

/// A peer worker could not serve a pipe's request.
#[derive(Debug, Clone, Error)]
pub enum PipeError {
    /// The peer's channel is closed (the worker stopped).
    #[error("the {0} worker is not running")]
    PeerGone(&'static str),
    /// The crypto worker answered with an error.
    #[error("crypto worker error {code:?}: {message}")]
    Crypto {
        /// Its error code.
        code: fb::CryptoErrorCode,
        /// Its message (never secret).
        message: String,
    },
    /// The cache worker answered with an error.
    #[error("cache worker error {code:?}: {message}")]
    Cache {
        /// Its error code.
        code: fb::CacheErrorCode,
        /// Its message.
        message: String,
    },
    /// The answer does not fit the request (wrong variant or count).
    #[error("unexpected answer from the {0} worker")]
    UnexpectedAnswer(&'static str),
    /// The peer did not answer in time.
    #[error("the {0} worker did not answer in time")]
    Timeout(&'static str),
    /// The answer could not be read.
    #[error(transparent)]
    Frame(#[from] FlatBufferError),
}

impl From<planus::Error> for PipeError {
    fn from(e: planus::Error) -> Self {
        Self::Frame(FlatBufferError::Malformed(e))
    }
}

/// A boxed future that outlives the call (so a pipe can hand it to a background task).
#[cfg(not(target_arch = "wasm32"))]
pub type PeerFuture<T> = Pin<Box<dyn Future<Output = Result<T, PipeError>> + Send + 'static>>;
/// A boxed future that outlives the call (so a pipe can hand it to a background task).
#[cfg(target_arch = "wasm32")]
pub type PeerFuture<T> = Pin<Box<dyn Future<Output = Result<T, PipeError>> + 'static>>;

/// Checks ids and signatures of events in batches.
pub trait Verifier: MaybeSendSync {
    /// One status per event, in order. The request is built before the future is returned.
    fn verify(&self, events: &[&Event]) -> PeerFuture<Vec<fb::VerifyStatus>>;
}

/// Checks Cashu proofs (NUT-12 DLEQ) against their mint's keys.
pub trait ProofChecker: MaybeSendSync {
    /// One status per proof, in order; all proofs are from `mint`.
    fn check(&self, mint: &str, proofs: &[&CashuProof]) -> PeerFuture<Vec<fb::ProofStatus>>;
}

/// What the store did with a batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SaveSummary {
    /// Stored (new or replacing an older version).
    pub stored: u64,
    /// Already stored, superseded, deleted or rejected.
    pub not_stored: u64,
}

/// Stores verified events.
pub trait EventSink: MaybeSendSync {
    /// Saves a batch; the request is built before the future is returned.
    fn save(&self, events: &[&Event]) -> PeerFuture<SaveSummary>;
}
