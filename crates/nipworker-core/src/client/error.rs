//! What can go wrong at the front door: each lower layer's typed error, converted at this
//! boundary, plus the client's own (a bad relay URL naming its setting, no signer, closed).

use thiserror::Error;

use crate::pipeline::PipeError;
use crate::protocol::{RelayUrlError, VerifyError};
use crate::signer::SignerError;
use crate::signer::nip46::Nip46Error;
use crate::storage::StorageError;
use crate::transport::TransportError;
use crate::workers::parser::ParserError;
use crate::workers::set::WorkerSetError;

/// A [`crate::NostrClient`] call failed.
#[derive(Debug, Error)]
pub enum ClientError {
    /// A relay URL in the configuration (or a call) is not a usable relay URL.
    #[error("{setting}: {url:?} is not a relay URL: {source}")]
    InvalidRelayUrl {
        /// Which setting (or argument) held it.
        setting: &'static str,
        /// The URL as given.
        url: String,
        /// Why it was refused.
        #[source]
        source: RelayUrlError,
    },
    /// A setting is out of range.
    #[error("{setting} must be {expected}, got {got}")]
    OutOfRange {
        /// Which setting.
        setting: &'static str,
        /// What is accepted.
        expected: &'static str,
        /// The configured value.
        got: u128,
    },
    /// The workers could not start (a channel capacity or worker setting is out of range; the
    /// error names it).
    #[error(transparent)]
    Workers(#[from] WorkerSetError),
    /// The event store could not be opened or answered with an error.
    #[error(transparent)]
    Store(#[from] StorageError),
    /// The default store's directory could not be created.
    #[error("cannot create the store directory {path}: {source}")]
    StoreDirectory {
        /// The directory.
        path: std::path::PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// This build cannot do it (e.g. SQLite or the native WebSocket in a browser build).
    #[error("not available in this build: {0}")]
    Unsupported(&'static str),
    /// The WebSocket transport could not be set up.
    #[error(transparent)]
    Transport(#[from] TransportError),
    /// The signer could not be set up (a bad key, a bad URI).
    #[error(transparent)]
    Signer(#[from] SignerError),
    /// The NIP-46 remote signer could not be reached or refused.
    #[error(transparent)]
    Nip46(#[from] Nip46Error),
    /// Signing needs a signer and none is set.
    #[error("no signer is set")]
    NoSigner,
    /// An event handed in for publishing does not verify.
    #[error("the event does not verify: {0}")]
    InvalidEvent(#[from] VerifyError),
    /// The parser worker refused or could not finish the request.
    #[error(transparent)]
    Parser(#[from] ParserError),
    /// The crypto or cache worker failed a request.
    #[error(transparent)]
    Worker(#[from] PipeError),
    /// The client was closed.
    #[error("the client is closed")]
    Closed,
}
