//! The one error type of the foreign interface: typed variants for bad arguments, and the
//! conversion of the core's `ClientError` (whose messages never hold a secret) into them.

#![deny(unsafe_code)]

use nipworker_core::ClientError;
use nipworker_core::protocol::{HexError, Nip19Error};

/// Every error a call can return (`NipworkerError` in the UDL).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NipworkerError {
    /// A hex string is not hex of the right length.
    #[error("{field}: {reason}")]
    InvalidHex {
        /// The argument or field.
        field: String,
        /// Why.
        reason: String,
    },
    /// A bech32 (NIP-19) string is malformed or of the wrong type.
    #[error("invalid bech32: {reason}")]
    InvalidBech32 {
        /// Why.
        reason: String,
    },
    /// A relay URL is not usable.
    #[error("{url:?} is not a relay URL: {reason}")]
    InvalidRelayUrl {
        /// The URL as given.
        url: String,
        /// Why.
        reason: String,
    },
    /// A filter is not a valid NIP-01 filter.
    #[error("invalid filter: {reason}")]
    InvalidFilter {
        /// Why.
        reason: String,
    },
    /// An event is malformed or does not verify.
    #[error("invalid event: {reason}")]
    InvalidEvent {
        /// Why.
        reason: String,
    },
    /// A private key or signer URI is not usable.
    #[error("invalid signer: {reason}")]
    InvalidSigner {
        /// Why (never the secret itself).
        reason: String,
    },
    /// Another argument or setting is out of range.
    #[error("invalid argument: {reason}")]
    InvalidArgument {
        /// Why.
        reason: String,
    },
    /// Signing needs a signer and none is set.
    #[error("no signer is set")]
    NoSigner,
    /// The remote signer refused, timed out or could not be reached.
    #[error("signer: {reason}")]
    Signer {
        /// Why.
        reason: String,
    },
    /// The event store failed.
    #[error("store: {reason}")]
    Store {
        /// Why.
        reason: String,
    },
    /// A worker, relay or transport failure.
    #[error("network: {reason}")]
    Network {
        /// Why.
        reason: String,
    },
    /// The client or subscription is closed.
    #[error("closed")]
    Closed,
    /// A panic inside nipworker was caught.
    #[error("internal panic: {reason}")]
    Panic {
        /// The panic's message.
        reason: String,
    },
    /// Anything else.
    #[error("{reason}")]
    Internal {
        /// Why.
        reason: String,
    },
}

impl NipworkerError {
    /// A bad hex argument named `field`.
    pub(crate) fn hex(field: &str, e: HexError) -> Self {
        Self::InvalidHex {
            field: field.to_owned(),
            reason: e.to_string(),
        }
    }

    /// A bad argument.
    pub(crate) fn argument(reason: impl Into<String>) -> Self {
        Self::InvalidArgument {
            reason: reason.into(),
        }
    }
}

impl From<Nip19Error> for NipworkerError {
    fn from(e: Nip19Error) -> Self {
        // Nip19Error never echoes its input (it may be an nsec).
        Self::InvalidBech32 {
            reason: e.to_string(),
        }
    }
}

impl From<ClientError> for NipworkerError {
    fn from(e: ClientError) -> Self {
        let reason = e.to_string();
        match e {
            ClientError::InvalidRelayUrl { url, source, .. } => Self::InvalidRelayUrl {
                url,
                reason: source.to_string(),
            },
            ClientError::OutOfRange { .. } | ClientError::Workers(_) => {
                Self::InvalidArgument { reason }
            }
            ClientError::Store(_) | ClientError::StoreDirectory { .. } => Self::Store { reason },
            ClientError::Signer(nipworker_core::SignerError::InvalidSecretKey) => {
                Self::InvalidSigner { reason }
            }
            ClientError::Signer(_) | ClientError::Nip46(_) => Self::Signer { reason },
            ClientError::NoSigner => Self::NoSigner,
            ClientError::InvalidEvent(_) => Self::InvalidEvent { reason },
            ClientError::Transport(_) | ClientError::Parser(_) | ClientError::Worker(_) => {
                Self::Network { reason }
            }
            ClientError::Closed => Self::Closed,
            // Exhaustive on purpose: a new core error needs a decision here.
            ClientError::Unsupported(_) => Self::Internal { reason },
        }
    }
}
