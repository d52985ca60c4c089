//! NIP-07: signing through a browser extension's `window.nostr`. The browser build implements
//! [`Nip07Provider`] over the page's `window.nostr`; natively there is no such provider and
//! asking for one is [`SignerError::Unsupported`].

use async_trait::async_trait;
use thiserror::Error;

use super::{Signer, SignerError};
use crate::protocol::{Event, PublicKey, UnsignedEvent};

/// What a `window.nostr` call can report.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Nip07Error {
    /// The page has no `window.nostr`.
    #[error("no NIP-07 extension (window.nostr) available")]
    Unavailable,
    /// The extension lacks this optional method (`nip04`, `nip44`).
    #[error("NIP-07 extension does not offer {0}")]
    MethodMissing(&'static str),
    /// The user or extension refused.
    #[error("NIP-07 extension rejected the request")]
    Rejected,
    /// The extension answered with something that is not what the method returns.
    #[error("NIP-07 extension returned an invalid result")]
    InvalidResponse,
}

impl From<Nip07Error> for SignerError {
    fn from(e: Nip07Error) -> Self {
        match e {
            Nip07Error::Unavailable => {
                SignerError::Unsupported("no NIP-07 extension (window.nostr) available")
            }
            Nip07Error::MethodMissing(_) => {
                SignerError::Unsupported("the NIP-07 extension lacks this method")
            }
            Nip07Error::Rejected => SignerError::Rejected,
            Nip07Error::InvalidResponse => SignerError::InvalidResponse,
        }
    }
}

/// The methods of `window.nostr` (NIP-07). The wasm build implements it over JS promises,
/// bridging them to `Send` futures (the browser runs them on its single thread).
#[async_trait]
pub trait Nip07Provider: Send + Sync + std::fmt::Debug {
    /// `window.nostr.getPublicKey()`.
    async fn get_public_key(&self) -> Result<PublicKey, Nip07Error>;
    /// `window.nostr.signEvent(event)`.
    async fn sign_event(&self, unsigned: &UnsignedEvent) -> Result<Event, Nip07Error>;
    /// `window.nostr.nip04.encrypt(pubkey, plaintext)`.
    async fn nip04_encrypt(&self, peer: &PublicKey, plaintext: &str) -> Result<String, Nip07Error>;
    /// `window.nostr.nip04.decrypt(pubkey, ciphertext)`.
    async fn nip04_decrypt(&self, peer: &PublicKey, payload: &str) -> Result<String, Nip07Error>;
    /// `window.nostr.nip44.encrypt(pubkey, plaintext)`.
    async fn nip44_encrypt(&self, peer: &PublicKey, plaintext: &str) -> Result<String, Nip07Error>;
    /// `window.nostr.nip44.decrypt(pubkey, ciphertext)`.
    async fn nip44_decrypt(&self, peer: &PublicKey, payload: &str) -> Result<String, Nip07Error>;
}

/// A [`Signer`] over a NIP-07 provider. Extensions are outside code, so signed events are
/// checked (id, signature, unchanged fields) before they are returned.
#[derive(Debug)]
pub struct Nip07Signer<P> {
    provider: P,
}

impl<P: Nip07Provider> Nip07Signer<P> {
    /// Wraps a provider.
    pub fn new(provider: P) -> Self {
        Self { provider }
    }
}

#[async_trait]
impl<P: Nip07Provider> Signer for Nip07Signer<P> {
    async fn public_key(&self) -> Result<PublicKey, SignerError> {
        Ok(self.provider.get_public_key().await?)
    }

    async fn sign_event(&self, unsigned: UnsignedEvent) -> Result<Event, SignerError> {
        let event = self.provider.sign_event(&unsigned).await?;
        if event.pubkey != unsigned.pubkey {
            return Err(SignerError::WrongAuthor);
        }
        let unchanged = event.created_at == unsigned.created_at
            && event.kind == unsigned.kind
            && event.tags == unsigned.tags
            && event.content == unsigned.content;
        if !unchanged || event.verify().is_err() {
            return Err(SignerError::InvalidResponse);
        }
        Ok(event)
    }

    async fn nip04_encrypt(
        &self,
        peer: &PublicKey,
        plaintext: &str,
    ) -> Result<String, SignerError> {
        Ok(self.provider.nip04_encrypt(peer, plaintext).await?)
    }

    async fn nip04_decrypt(&self, peer: &PublicKey, payload: &str) -> Result<String, SignerError> {
        Ok(self.provider.nip04_decrypt(peer, payload).await?)
    }

    async fn nip44_encrypt(
        &self,
        peer: &PublicKey,
        plaintext: &str,
    ) -> Result<String, SignerError> {
        Ok(self.provider.nip44_encrypt(peer, plaintext).await?)
    }

    async fn nip44_decrypt(&self, peer: &PublicKey, payload: &str) -> Result<String, SignerError> {
        Ok(self.provider.nip44_decrypt(peer, payload).await?)
    }
}

/// Selects the page's NIP-07 extension. Outside a browser there is none: this always fails
/// with [`SignerError::Unsupported`]; the wasm build provides the working counterpart.
#[cfg(not(target_arch = "wasm32"))]
pub fn nip07_from_window() -> Result<std::sync::Arc<dyn Signer>, SignerError> {
    Err(SignerError::Unsupported(
        "NIP-07 needs a browser with window.nostr; use a private key or NIP-46 signer",
    ))
}
