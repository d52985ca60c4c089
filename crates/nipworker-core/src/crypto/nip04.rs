//! NIP-04 encrypted direct-message payloads: AES-256-CBC with PKCS#7 padding, keyed by the
//! raw ECDH x-coordinate, framed as `base64(ciphertext) + "?iv=" + base64(iv)`.
//!
//! NIP-04 has no MAC, so decryption is strict about framing: exactly one `?iv=`, a 16-byte IV,
//! canonical base64, whole AES blocks, valid padding and a bounded payload size.

use aes::Aes256;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockDecryptMut, BlockEncryptMut, KeyIvInit};
use thiserror::Error;
use zeroize::Zeroizing;

use super::{EcdhError, ecdh_x};
use crate::protocol::{Keys, PublicKey};

/// Longest payload [`decrypt`] accepts, in characters: 1 MiB. Relays refuse events far
/// smaller than this, so anything longer is junk and is refused before any decoding.
pub const MAX_PAYLOAD_LEN: usize = 1 << 20;
/// The separator between ciphertext and IV.
pub const IV_SEPARATOR: &str = "?iv=";

const IV_LEN: usize = 16;
const BLOCK_LEN: usize = 16;
/// Base64 length of a 16-byte IV (with its `==` padding).
const IV_B64_LEN: usize = 24;

type Encryptor = cbc::Encryptor<Aes256>;
type Decryptor = cbc::Decryptor<Aes256>;

/// Why a NIP-04 operation failed. Never carries key material or plaintext.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum Nip04Error {
    /// The payload is longer than [`MAX_PAYLOAD_LEN`].
    #[error("NIP-04 payload of {len} characters is longer than {max}")]
    PayloadTooLong {
        /// Characters in the payload.
        len: usize,
        /// Longest allowed.
        max: usize,
    },
    /// No `?iv=` separator.
    #[error("NIP-04 payload has no ?iv= part")]
    MissingIv,
    /// More than one `?iv=` separator.
    #[error("NIP-04 payload has more than one ?iv= part")]
    RepeatedSeparator,
    /// The IV does not decode to exactly 16 bytes.
    #[error("NIP-04 IV is not 16 bytes of base64")]
    InvalidIvLength,
    /// The ciphertext or IV is not standard padded base64.
    #[error("NIP-04 payload is not valid base64")]
    InvalidBase64,
    /// The ciphertext is empty or not whole 16-byte blocks.
    #[error("NIP-04 ciphertext is not whole AES blocks")]
    InvalidCiphertextLength,
    /// PKCS#7 padding is wrong: wrong key or tampered payload.
    #[error("NIP-04 padding is invalid")]
    InvalidPadding,
    /// The plaintext is not UTF-8.
    #[error("NIP-04 plaintext is not valid UTF-8")]
    InvalidUtf8,
    /// The plaintext would make a payload longer than [`MAX_PAYLOAD_LEN`].
    #[error("NIP-04 plaintext of {len} bytes is too long")]
    MessageTooLong {
        /// Plaintext bytes.
        len: usize,
    },
    /// The secret key is zero or not below the curve order.
    #[error("invalid secret key for NIP-04")]
    InvalidSecretKey,
    /// The peer's public key is not on the curve.
    #[error("invalid peer public key for NIP-04")]
    InvalidPublicKey,
    /// The operating system could not provide a random IV.
    #[error("no randomness available for a NIP-04 IV")]
    Randomness,
}

impl From<EcdhError> for Nip04Error {
    fn from(e: EcdhError) -> Self {
        match e {
            EcdhError::SecretKey => Nip04Error::InvalidSecretKey,
            EcdhError::PublicKey => Nip04Error::InvalidPublicKey,
        }
    }
}

/// Longest plaintext whose payload still fits in [`MAX_PAYLOAD_LEN`].
pub const MAX_PLAINTEXT_LEN: usize = {
    let ct_b64_max = MAX_PAYLOAD_LEN - IV_SEPARATOR.len() - IV_B64_LEN;
    // Whole base64 quanta, whole AES blocks, minus at least one byte of padding.
    let ct_max = (ct_b64_max / 4) * 3 / BLOCK_LEN * BLOCK_LEN;
    ct_max - 1
};

/// Encrypts `plaintext` for `peer` with a fresh random IV.
pub fn encrypt(keys: &Keys, peer: &PublicKey, plaintext: &str) -> Result<String, Nip04Error> {
    let mut iv = [0u8; IV_LEN];
    getrandom::fill(&mut iv).map_err(|_| Nip04Error::Randomness)?;
    encrypt_with_iv(&keys.secret_bytes(), peer, plaintext, &iv)
}

/// Encrypts with a caller-chosen IV (for tests and deterministic tooling only).
pub fn encrypt_with_iv(
    secret: &[u8; 32],
    peer: &PublicKey,
    plaintext: &str,
    iv: &[u8; 16],
) -> Result<String, Nip04Error> {
    if plaintext.len() > MAX_PLAINTEXT_LEN {
        return Err(Nip04Error::MessageTooLong {
            len: plaintext.len(),
        });
    }
    let key = ecdh_x(secret, peer)?;
    let ciphertext = Encryptor::new(key.as_ref().into(), iv.into())
        .encrypt_padded_vec_mut::<Pkcs7>(plaintext.as_bytes());
    let mut out = BASE64.encode(&ciphertext);
    out.push_str(IV_SEPARATOR);
    out.push_str(&BASE64.encode(iv));
    Ok(out)
}

/// Decrypts a payload from `peer`.
pub fn decrypt(keys: &Keys, peer: &PublicKey, payload: &str) -> Result<String, Nip04Error> {
    decrypt_with_secret(&keys.secret_bytes(), peer, payload)
}

/// Decrypts a payload from `peer` with a raw secret key.
pub fn decrypt_with_secret(
    secret: &[u8; 32],
    peer: &PublicKey,
    payload: &str,
) -> Result<String, Nip04Error> {
    let (ciphertext, iv) = parse_payload(payload)?;
    let key = ecdh_x(secret, peer)?;
    let plaintext = Zeroizing::new(
        Decryptor::new(key.as_ref().into(), (&iv).into())
            .decrypt_padded_vec_mut::<Pkcs7>(&ciphertext)
            .map_err(|_| Nip04Error::InvalidPadding)?,
    );
    std::str::from_utf8(&plaintext)
        .map(str::to_owned)
        .map_err(|_| Nip04Error::InvalidUtf8)
}

/// Splits and decodes a payload, checking every length before decoding anything.
fn parse_payload(payload: &str) -> Result<(Vec<u8>, [u8; IV_LEN]), Nip04Error> {
    if payload.len() > MAX_PAYLOAD_LEN {
        return Err(Nip04Error::PayloadTooLong {
            len: payload.len(),
            max: MAX_PAYLOAD_LEN,
        });
    }
    let Some((ct_b64, iv_b64)) = payload.split_once(IV_SEPARATOR) else {
        return Err(Nip04Error::MissingIv);
    };
    if iv_b64.contains(IV_SEPARATOR) {
        return Err(Nip04Error::RepeatedSeparator);
    }
    if iv_b64.len() != IV_B64_LEN {
        return Err(Nip04Error::InvalidIvLength);
    }
    // A base64 ciphertext of whole blocks has a length that is a multiple of 4 and is non-empty.
    if ct_b64.is_empty() || ct_b64.len() % 4 != 0 {
        return Err(Nip04Error::InvalidCiphertextLength);
    }
    let iv_vec = BASE64
        .decode(iv_b64)
        .map_err(|_| Nip04Error::InvalidBase64)?;
    let iv: [u8; IV_LEN] = iv_vec.try_into().map_err(|_| Nip04Error::InvalidIvLength)?;
    let ciphertext = BASE64
        .decode(ct_b64)
        .map_err(|_| Nip04Error::InvalidBase64)?;
    if ciphertext.is_empty() || ciphertext.len() % BLOCK_LEN != 0 {
        return Err(Nip04Error::InvalidCiphertextLength);
    }
    Ok((ciphertext, iv))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_plaintext_fits_the_payload_bound() {
        let keys = Keys::generate();
        let peer = Keys::generate().public_key();
        let text = "a".repeat(MAX_PLAINTEXT_LEN);
        let payload = encrypt(&keys, &peer, &text).unwrap();
        assert!(payload.len() <= MAX_PAYLOAD_LEN);
        assert_eq!(decrypt(&keys, &peer, &payload).unwrap(), text);
        let longer = "a".repeat(MAX_PLAINTEXT_LEN + 1);
        assert_eq!(
            encrypt(&keys, &peer, &longer),
            Err(Nip04Error::MessageTooLong {
                len: MAX_PLAINTEXT_LEN + 1
            })
        );
    }
}
