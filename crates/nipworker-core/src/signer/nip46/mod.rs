//! NIP-46 remote signing ("Nostr Connect"): the connection URIs, the JSON-RPC messages, the
//! session with a remote signer (bunker:// and nostrconnect:// flows) and its [`Signer`] impl.
//!
//! Relay traffic goes through [`Nip46Relay`], which the crypto worker backs with its channel to
//! the connections worker; requests and responses are kind-24133 events encrypted with NIP-44
//! (NIP-04 replies from older signers are accepted).

mod relay;
mod rpc;
mod session;
mod uri;

use std::time::Duration;

use thiserror::Error;

#[cfg(doc)]
use super::Signer;
use super::SignerError;

pub use relay::{Nip46Relay, Nip46Subscription};
pub use rpc::{Message, Method, Request, Response, random_id};
pub use session::Nip46Signer;
pub use uri::{BunkerUri, Nip46Secret, NostrConnectUri};

/// Why a NIP-46 operation failed. Never holds secrets, plaintexts or the signer's error text.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Nip46Error {
    /// The URI is malformed (the input is not echoed back).
    #[error("invalid NIP-46 URI: {0}")]
    InvalidUri(&'static str),
    /// The signer did not answer in time.
    #[error("remote signer did not answer in time")]
    Timeout,
    /// The signer answered with an error (user refused, wrong secret, unsupported method).
    #[error("remote signer rejected the request")]
    Rejected,
    /// A signer answered the connection with a secret other than ours.
    #[error("remote signer answered with a wrong secret")]
    SecretMismatch,
    /// The signer's answer is not what the method returns.
    #[error("remote signer returned an invalid response")]
    InvalidResponse,
    /// Publishing or subscribing on the relays failed.
    #[error("relay traffic failed: {0}")]
    Relay(&'static str),
    /// The session was disconnected.
    #[error("NIP-46 session is closed")]
    Closed,
    /// Too many requests are waiting for the signer.
    #[error("too many NIP-46 requests in flight")]
    TooManyRequests,
    /// A request could not be encrypted.
    #[error("could not encrypt the NIP-46 request")]
    Encryption,
    /// The system had no randomness for an id or a secret.
    #[error("no randomness available")]
    Randomness,
}

impl From<Nip46Error> for SignerError {
    fn from(e: Nip46Error) -> Self {
        match e {
            Nip46Error::Timeout => SignerError::Timeout,
            Nip46Error::Rejected | Nip46Error::SecretMismatch => SignerError::Rejected,
            Nip46Error::InvalidResponse => SignerError::InvalidResponse,
            Nip46Error::InvalidUri(_) => SignerError::Unreachable("invalid NIP-46 URI"),
            Nip46Error::Relay(what) => SignerError::Unreachable(what),
            Nip46Error::Closed => SignerError::Unreachable("NIP-46 session is closed"),
            Nip46Error::TooManyRequests => SignerError::Unreachable("too many NIP-46 requests"),
            Nip46Error::Encryption | Nip46Error::Randomness => {
                SignerError::Unreachable("could not build the NIP-46 request")
            }
        }
    }
}

/// Timeouts and limits of a NIP-46 session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Nip46Options {
    /// Wait for the answer to one request (the user may have to approve it).
    pub request_timeout: Duration,
    /// Wait for the connection: the `connect` answer, or the signer of a nostrconnect URI.
    pub connect_timeout: Duration,
    /// Requests waiting for answers at once.
    pub max_pending: usize,
}

impl Default for Nip46Options {
    fn default() -> Self {
        Self {
            request_timeout: Duration::from_secs(60),
            connect_timeout: Duration::from_secs(120),
            max_pending: 64,
        }
    }
}
