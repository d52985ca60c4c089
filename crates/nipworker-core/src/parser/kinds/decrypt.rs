//! The decryption hook kind parsers use for private parts (NIP-04 DMs, NIP-51 private items,
//! NIP-60 wallet content), and the state of an encrypted part in a parsed result.
//!
//! Parsers never hold keys: they ask a [`Decryptor`] (the crypto worker, a NIP-46 or NIP-07
//! signer) and only when the signer is a party to the payload.

use std::future::Future;
use std::pin::Pin;

use serde::Serialize;
use thiserror::Error;
use zeroize::Zeroizing;

use crate::protocol::PublicKey;

/// Why a decryptor could not decrypt a payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecryptError {
    /// The signer does not support this scheme (for example a NIP-07 extension without nip44).
    #[error("the signer does not support this encryption scheme")]
    Unsupported,
    /// The payload is not well-formed for its scheme.
    #[error("malformed encrypted payload")]
    InvalidPayload,
    /// The MAC or padding check failed: wrong key or tampered payload.
    #[error("decryption failed")]
    Failed,
    /// The user or the remote signer refused.
    #[error("the signer refused to decrypt")]
    Rejected,
    /// The signer could not be reached (remote signer offline, timeout).
    #[error("the signer is unavailable")]
    Unavailable,
}

/// The future a [`Decryptor`] returns. `Send` on native targets so parsing can move across
/// Tokio threads; browser signers hold JS values, which are not `Send`.
#[cfg(not(target_arch = "wasm32"))]
pub type DecryptFuture<'a> =
    Pin<Box<dyn Future<Output = Result<String, DecryptError>> + Send + 'a>>;
/// The future a [`Decryptor`] returns (browser: not `Send`, JS values are single-threaded).
#[cfg(target_arch = "wasm32")]
pub type DecryptFuture<'a> = Pin<Box<dyn Future<Output = Result<String, DecryptError>> + 'a>>;

pub use crate::runtime::MaybeSendSync;

/// Decrypts payloads for the active signer.
pub trait Decryptor: MaybeSendSync {
    /// The signer's public key: parsers decrypt only payloads this key is a party to.
    fn public_key(&self) -> PublicKey;

    /// NIP-04 decryption of `ciphertext` (`base64?iv=base64`) exchanged with `peer`.
    fn nip04_decrypt<'a>(&'a self, peer: &'a PublicKey, ciphertext: &'a str) -> DecryptFuture<'a>;

    /// NIP-44 v2 decryption of `ciphertext` exchanged with `peer`.
    fn nip44_decrypt<'a>(&'a self, peer: &'a PublicKey, ciphertext: &'a str) -> DecryptFuture<'a>;
}

/// Which scheme produced a payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EncryptionScheme {
    /// NIP-04 (AES-CBC, `base64?iv=base64`).
    Nip04,
    /// NIP-44 v2.
    Nip44,
}

impl EncryptionScheme {
    /// NIP-04 payloads always carry `?iv=`; anything else is read as NIP-44.
    pub fn detect(payload: &str) -> Self {
        if payload.contains("?iv=") {
            Self::Nip04
        } else {
            Self::Nip44
        }
    }
}

/// Why an encrypted part was left encrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SealedReason {
    /// Parsed without a decryptor.
    NoDecryptor,
    /// The signer is neither the author nor a recipient.
    SignerNotParty,
}

/// Why decrypting an encrypted part did not yield a result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "failure", content = "error")]
pub enum DecryptFailure {
    /// The decryptor failed.
    Decrypt(DecryptError),
    /// The plaintext does not have the shape the kind defines.
    InvalidPlaintext,
}

/// The state of an encrypted part of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "state")]
pub enum Encrypted<T> {
    /// The event has no encrypted part.
    Empty,
    /// Still encrypted: the payload is the event content.
    Sealed {
        /// The detected scheme.
        scheme: EncryptionScheme,
        /// Why it was not decrypted.
        reason: SealedReason,
    },
    /// Decrypted and parsed.
    Decrypted {
        /// The scheme that decrypted it.
        scheme: EncryptionScheme,
        /// The parsed plaintext.
        value: T,
    },
    /// Decryption was tried and failed.
    Failed {
        /// The scheme tried.
        scheme: EncryptionScheme,
        /// What failed.
        failure: DecryptFailure,
    },
}

impl<T> Encrypted<T> {
    /// The state of a freshly parsed event's content: `Empty` when blank, else sealed.
    pub(crate) fn from_content(content: &str) -> Self {
        if content.trim().is_empty() {
            Self::Empty
        } else {
            Self::Sealed {
                scheme: EncryptionScheme::detect(content),
                reason: SealedReason::NoDecryptor,
            }
        }
    }

    /// True while the part is still encrypted (sealed or failed): the "delivered encrypted" flag.
    pub fn is_encrypted(&self) -> bool {
        matches!(self, Self::Sealed { .. } | Self::Failed { .. })
    }

    /// The decrypted value, if any.
    pub fn value(&self) -> Option<&T> {
        match self {
            Self::Decrypted { value, .. } => Some(value),
            _ => None,
        }
    }

    /// True when decryption should still be attempted.
    pub(crate) fn is_sealed(&self) -> bool {
        matches!(self, Self::Sealed { .. })
    }

    /// Marks a sealed part as not for this signer.
    pub(crate) fn not_a_party(&mut self) {
        if let Self::Sealed { reason, .. } = self {
            *reason = SealedReason::SignerNotParty;
        }
    }

    /// Decrypts a sealed part with `peer`'s shared key and parses the plaintext with `parse`.
    /// The plaintext is wiped once parsed: it may hold wallet keys or Cashu secrets.
    pub(crate) async fn open(
        &mut self,
        decryptor: &dyn Decryptor,
        peer: &PublicKey,
        ciphertext: &str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) {
        let Self::Sealed { scheme, .. } = *self else {
            return;
        };
        let result = match scheme {
            EncryptionScheme::Nip04 => decryptor.nip04_decrypt(peer, ciphertext).await,
            EncryptionScheme::Nip44 => decryptor.nip44_decrypt(peer, ciphertext).await,
        };
        *self = match result {
            Ok(plaintext) => {
                let plaintext = Zeroizing::new(plaintext);
                match parse(&plaintext) {
                    Some(value) => Self::Decrypted { scheme, value },
                    None => Self::Failed {
                        scheme,
                        failure: DecryptFailure::InvalidPlaintext,
                    },
                }
            }
            Err(error) => Self::Failed {
                scheme,
                failure: DecryptFailure::Decrypt(error),
            },
        };
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! A stand-in decryptor for parser tests: "ciphertext" is the plaintext behind a scheme
    //! marker, so tests check routing (who may decrypt, which scheme, which peer), not crypto.

    use std::sync::Mutex;

    use super::*;

    /// Plaintexts "encrypted" for tests: `nip44:<text>` or `<text>?iv=nip04`.
    pub(crate) fn seal(scheme: EncryptionScheme, plaintext: &str) -> String {
        match scheme {
            EncryptionScheme::Nip44 => format!("nip44:{plaintext}"),
            EncryptionScheme::Nip04 => format!("{plaintext}?iv=nip04"),
        }
    }

    /// Records every call; decrypts [`seal`]ed text.
    #[derive(Debug)]
    pub(crate) struct FakeDecryptor {
        pub(crate) me: PublicKey,
        pub(crate) calls: Mutex<Vec<(EncryptionScheme, PublicKey)>>,
        pub(crate) refuse: bool,
    }

    impl FakeDecryptor {
        pub(crate) fn new(me: PublicKey) -> Self {
            Self {
                me,
                calls: Mutex::new(Vec::new()),
                refuse: false,
            }
        }

        pub(crate) fn calls(&self) -> Vec<(EncryptionScheme, PublicKey)> {
            self.calls.lock().unwrap().clone()
        }

        fn run(
            &self,
            scheme: EncryptionScheme,
            peer: &PublicKey,
            ct: &str,
        ) -> Result<String, DecryptError> {
            self.calls.lock().unwrap().push((scheme, *peer));
            if self.refuse {
                return Err(DecryptError::Rejected);
            }
            let plain = match scheme {
                EncryptionScheme::Nip44 => ct.strip_prefix("nip44:"),
                EncryptionScheme::Nip04 => ct.strip_suffix("?iv=nip04"),
            };
            plain.map(str::to_owned).ok_or(DecryptError::Failed)
        }
    }

    impl Decryptor for FakeDecryptor {
        fn public_key(&self) -> PublicKey {
            self.me
        }

        fn nip04_decrypt<'a>(
            &'a self,
            peer: &'a PublicKey,
            ciphertext: &'a str,
        ) -> DecryptFuture<'a> {
            let r = self.run(EncryptionScheme::Nip04, peer, ciphertext);
            Box::pin(async move { r })
        }

        fn nip44_decrypt<'a>(
            &'a self,
            peer: &'a PublicKey,
            ciphertext: &'a str,
        ) -> DecryptFuture<'a> {
            let r = self.run(EncryptionScheme::Nip44, peer, ciphertext);
            Box::pin(async move { r })
        }
    }
}
