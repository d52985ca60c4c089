//! Signers: who holds the user's key and how events get signed and payloads encrypted.
//!
//! [`Signer`] is the one interface the crypto worker talks to; implementations are a local
//! private key, a NIP-07 browser extension and a NIP-46 remote signer ([`nip46`]).

mod nip07;
pub mod nip46;
mod private_key;

use async_trait::async_trait;
use thiserror::Error;

use crate::crypto::nip04::Nip04Error;
use crate::crypto::nip44::Nip44Error;
use crate::protocol::{Event, PublicKey, UnsignedEvent};

#[cfg(not(target_arch = "wasm32"))]
pub use nip07::nip07_from_window;
pub use nip07::{Nip07Error, Nip07Provider, Nip07Signer};
pub use private_key::PrivateKeySigner;

/// Why a signer could not do what was asked. Never holds key material or plaintext.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SignerError {
    /// This kind of signer does not exist on this platform (e.g. NIP-07 outside a browser).
    #[error("signer unsupported here: {0}")]
    Unsupported(&'static str),
    /// The secret key text is neither 64 hex characters nor a valid `nsec` (input not echoed).
    #[error("secret key is not valid hex or nsec")]
    InvalidSecretKey,
    /// The event's `pubkey` is not this signer's key.
    #[error("event author is not the signer's public key")]
    WrongAuthor,
    /// The signer returned a public key, event or signature that does not check out.
    #[error("signer returned an invalid result")]
    InvalidResponse,
    /// The signer (user, extension or remote) refused the request.
    #[error("signer rejected the request")]
    Rejected,
    /// NIP-04 encryption or decryption failed.
    #[error(transparent)]
    Nip04(#[from] Nip04Error),
    /// NIP-44 encryption or decryption failed.
    #[error(transparent)]
    Nip44(#[from] Nip44Error),
    /// A remote signer did not answer in time.
    #[error("signer did not answer in time")]
    Timeout,
    /// A remote signer could not be reached (relay traffic failed or the session ended).
    #[error("signer unreachable: {0}")]
    Unreachable(&'static str),
}

/// Signs events and encrypts payloads for one identity.
///
/// Object-safe (`Arc<dyn Signer>`), `Send + Sync`, and every future is `Send`, so the crypto
/// worker can hold and swap signers on a multi-threaded runtime.
#[async_trait]
pub trait Signer: Send + Sync + std::fmt::Debug {
    /// The x-only public key of the identity.
    async fn public_key(&self) -> Result<PublicKey, SignerError>;

    /// Signs an event whose `pubkey` must be this signer's.
    async fn sign_event(&self, unsigned: UnsignedEvent) -> Result<Event, SignerError>;

    /// NIP-04 encrypts `plaintext` for `peer`.
    async fn nip04_encrypt(&self, peer: &PublicKey, plaintext: &str)
    -> Result<String, SignerError>;

    /// NIP-04 decrypts a payload from `peer`.
    async fn nip04_decrypt(&self, peer: &PublicKey, payload: &str) -> Result<String, SignerError>;

    /// NIP-44 v2 encrypts `plaintext` for `peer`.
    async fn nip44_encrypt(&self, peer: &PublicKey, plaintext: &str)
    -> Result<String, SignerError>;

    /// NIP-44 v2 decrypts a payload from `peer`.
    async fn nip44_decrypt(&self, peer: &PublicKey, payload: &str) -> Result<String, SignerError>;

    /// Approval URLs the signer asks the user to open (NIP-46 `auth_url`); `None` for signers
    /// that never ask. The crypto worker forwards them as `SignerAuthUrl` messages.
    fn auth_urls(&self) -> Option<tokio::sync::broadcast::Receiver<String>> {
        None
    }
}
