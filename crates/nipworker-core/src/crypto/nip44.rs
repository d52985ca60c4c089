//! NIP-44 v2 encrypted payloads: conversation keys, message keys, padding, ChaCha20 and
//! HMAC-SHA256, base64 framing, including the extended length prefix for plaintexts of
//! 65536 bytes and more (plaintexts up to `u32::MAX` bytes).
//!
//! Every length is checked before base64 decoding and before the MAC, so an oversized payload
//! costs nothing but a length comparison.

use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use chacha20::ChaCha20;
use chacha20::cipher::{KeyIvInit, StreamCipher};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use thiserror::Error;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::{EcdhError, ecdh_x};
use crate::protocol::{Keys, PublicKey};

/// The version byte of NIP-44 v2 payloads.
pub const VERSION: u8 = 2;
/// Shortest plaintext that can be encrypted, in bytes.
pub const MIN_PLAINTEXT_LEN: u64 = 1;
/// Longest plaintext that can be encrypted, in bytes (the extended prefix holds a `u32`).
pub const MAX_PLAINTEXT_LEN: u64 = u32::MAX as u64;
/// Plaintexts of this length and longer use the 6-byte extended length prefix.
pub const EXTENDED_PREFIX_THRESHOLD: u64 = 65_536;
/// Shortest valid payload in base64 characters (a 1-byte plaintext padded to 32 bytes).
pub const MIN_PAYLOAD_LEN: u64 = 132;
/// Shortest valid decoded payload in bytes.
pub const MIN_DATA_LEN: u64 = 99;

const SALT: &[u8] = b"nip44-v2";
const NONCE_LEN: usize = 32;
const MAC_LEN: usize = 32;
/// Version byte and nonce before the ciphertext.
const HEADER_LEN: usize = 1 + NONCE_LEN;

/// Why a NIP-44 operation failed. Never carries key material or plaintext.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum Nip44Error {
    /// The payload is empty, starts with `#`, or has a version byte other than 2.
    #[error("unknown NIP-44 encryption version")]
    UnknownVersion,
    /// The base64 payload length is outside what v2 (or the caller's limit) allows.
    #[error("NIP-44 payload of {len} base64 characters is outside {min}..={max}")]
    PayloadLength {
        /// Characters in the payload.
        len: u64,
        /// Shortest allowed.
        min: u64,
        /// Longest allowed.
        max: u64,
    },
    /// The payload is not standard padded base64.
    #[error("NIP-44 payload is not valid base64")]
    InvalidBase64,
    /// The decoded payload length is outside what v2 (or the caller's limit) allows.
    #[error("NIP-44 decoded payload of {len} bytes is outside {min}..={max}")]
    DataLength {
        /// Decoded bytes.
        len: u64,
        /// Shortest allowed.
        min: u64,
        /// Longest allowed.
        max: u64,
    },
    /// The HMAC does not match: wrong key or tampered payload.
    #[error("NIP-44 MAC does not match")]
    InvalidMac,
    /// The length prefix and padding disagree.
    #[error("NIP-44 padding is invalid")]
    InvalidPadding,
    /// The decrypted plaintext is not UTF-8.
    #[error("NIP-44 plaintext is not valid UTF-8")]
    InvalidUtf8,
    /// Plaintexts must hold at least one byte.
    #[error("NIP-44 plaintext is empty")]
    MessageEmpty,
    /// The plaintext is longer than v2 (or the caller's limit, or this platform) allows.
    #[error("NIP-44 plaintext of {len} bytes is longer than {max}")]
    MessageTooLong {
        /// Plaintext bytes.
        len: u64,
        /// Longest allowed.
        max: u64,
    },
    /// The secret key is zero or not below the curve order.
    #[error("invalid secret key for NIP-44")]
    InvalidSecretKey,
    /// The peer's public key is not on the curve.
    #[error("invalid peer public key for NIP-44")]
    InvalidPublicKey,
    /// The operating system could not provide a random nonce.
    #[error("no randomness available for a NIP-44 nonce")]
    Randomness,
}

impl From<EcdhError> for Nip44Error {
    fn from(e: EcdhError) -> Self {
        match e {
            EcdhError::SecretKey => Nip44Error::InvalidSecretKey,
            EcdhError::PublicKey => Nip44Error::InvalidPublicKey,
        }
    }
}

/// The long-lived key shared by two parties: HKDF-extract of their ECDH x-coordinate with the
/// salt `nip44-v2`. Erased on drop, never printed, and deliberately not `PartialEq` (a
/// plain comparison of secrets would leak timing).
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct ConversationKey([u8; 32]);

impl ConversationKey {
    /// Derives the key between a raw secret key and a peer's x-only public key.
    pub fn derive(secret: &[u8; 32], peer: &PublicKey) -> Result<Self, Nip44Error> {
        let shared_x = ecdh_x(secret, peer)?;
        let (mut prk, _) = Hkdf::<Sha256>::extract(Some(SALT), shared_x.as_slice());
        let mut key = [0u8; 32];
        key.copy_from_slice(&prk);
        prk.as_mut_slice().zeroize();
        Ok(Self(key))
    }

    /// Derives the key between local keys and a peer's x-only public key.
    pub fn from_keys(keys: &Keys, peer: &PublicKey) -> Result<Self, Nip44Error> {
        Self::derive(&keys.secret_bytes(), peer)
    }

    /// Wraps a key computed elsewhere.
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(bytes)
    }

    /// The raw key bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }
}

impl fmt::Debug for ConversationKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ConversationKey(<redacted>)")
    }
}

/// Per-message keys: HKDF-expand of the conversation key with the nonce as info.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct MessageKeys {
    chacha_key: [u8; 32],
    chacha_nonce: [u8; 12],
    hmac_key: [u8; 32],
}

impl MessageKeys {
    /// Expands the conversation key for one 32-byte nonce.
    pub fn derive(key: &ConversationKey, nonce: &[u8; 32]) -> Self {
        let mut okm = Zeroizing::new([0u8; 76]);
        // `from_prk` only fails for a PRK shorter than the hash output (ours is exactly 32
        // bytes) and `expand` only for outputs over 255 blocks (ours is 76 bytes).
        if let Ok(hk) = Hkdf::<Sha256>::from_prk(&key.0) {
            let _ = hk.expand(nonce, okm.as_mut_slice());
        }
        let mut keys = Self {
            chacha_key: [0; 32],
            chacha_nonce: [0; 12],
            hmac_key: [0; 32],
        };
        keys.chacha_key.copy_from_slice(&okm[..32]);
        keys.chacha_nonce.copy_from_slice(&okm[32..44]);
        keys.hmac_key.copy_from_slice(&okm[44..]);
        keys
    }

    /// The ChaCha20 key.
    pub fn chacha_key(&self) -> &[u8; 32] {
        &self.chacha_key
    }

    /// The ChaCha20 (IETF, 12-byte) nonce.
    pub fn chacha_nonce(&self) -> &[u8; 12] {
        &self.chacha_nonce
    }

    /// The HMAC-SHA256 key.
    pub fn hmac_key(&self) -> &[u8; 32] {
        &self.hmac_key
    }

    fn apply_keystream(&self, buf: &mut [u8]) {
        let mut cipher = ChaCha20::new(&self.chacha_key.into(), &self.chacha_nonce.into());
        cipher.apply_keystream(buf);
    }

    fn mac(&self, nonce: &[u8], ciphertext: &[u8]) -> Hmac<Sha256> {
        // HMAC zero-pads keys shorter than its 64-byte block, so keying it with the padded
        // block is the same MAC as keying it with the 32-byte key, without a fallible call.
        let mut block = Zeroizing::new([0u8; 64]);
        block[..32].copy_from_slice(&self.hmac_key);
        let mut mac = <Hmac<Sha256> as Mac>::new(&(*block).into());
        mac.update(nonce);
        mac.update(ciphertext);
        mac
    }
}

impl fmt::Debug for MessageKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("MessageKeys(<redacted>)")
    }
}

/// The padded length (without prefix) of a plaintext of `len` bytes: at least 32, then
/// rounded up to chunks of 32 bytes or one eighth of the next power of two.
pub fn calc_padded_len(len: u64) -> u64 {
    if len <= 32 {
        return 32;
    }
    let next_power = 1u64 << (64 - (len - 1).leading_zeros());
    let chunk = if next_power <= 256 {
        32
    } else {
        next_power / 8
    };
    chunk * ((len - 1) / chunk + 1)
}

/// Bytes of the length prefix for a plaintext of `len` bytes.
const fn prefix_len(len: u64) -> u64 {
    if len < EXTENDED_PREFIX_THRESHOLD {
        2
    } else {
        6
    }
}

/// Longest decoded payload for plaintexts of at most `max_plaintext` bytes.
fn max_data_len(max_plaintext: u64) -> u64 {
    HEADER_LEN as u64 + prefix_len(max_plaintext) + calc_padded_len(max_plaintext) + MAC_LEN as u64
}

/// Longest base64 payload for plaintexts of at most `max_plaintext` bytes.
fn max_payload_len(max_plaintext: u64) -> u64 {
    max_data_len(max_plaintext).div_ceil(3) * 4
}

/// Encrypts `plaintext` with a fresh random nonce.
pub fn encrypt(key: &ConversationKey, plaintext: &str) -> Result<String, Nip44Error> {
    let mut nonce = [0u8; NONCE_LEN];
    getrandom::fill(&mut nonce).map_err(|_| Nip44Error::Randomness)?;
    encrypt_with_nonce(key, plaintext, &nonce)
}

/// Encrypts `plaintext` with a caller-chosen nonce. A nonce must never be reused with the
/// same conversation key; this exists for test vectors and deterministic tooling.
pub fn encrypt_with_nonce(
    key: &ConversationKey,
    plaintext: &str,
    nonce: &[u8; 32],
) -> Result<String, Nip44Error> {
    let bytes = plaintext.as_bytes();
    let len = bytes.len() as u64;
    if len < MIN_PLAINTEXT_LEN {
        return Err(Nip44Error::MessageEmpty);
    }
    let too_long = Nip44Error::MessageTooLong {
        len,
        max: MAX_PLAINTEXT_LEN,
    };
    if len > MAX_PLAINTEXT_LEN {
        return Err(too_long);
    }
    let prefix = prefix_len(len);
    // On 32-bit targets the padded buffer of a multi-gigabyte plaintext does not fit in memory.
    let body_len = usize::try_from(prefix + calc_padded_len(len)).map_err(|_| too_long)?;
    let total = HEADER_LEN
        .checked_add(body_len)
        .and_then(|n| n.checked_add(MAC_LEN))
        .ok_or(too_long)?;

    let mut buf = Vec::with_capacity(total);
    buf.push(VERSION);
    buf.extend_from_slice(nonce);
    if prefix == 2 {
        buf.extend_from_slice(&(len as u16).to_be_bytes());
    } else {
        buf.extend_from_slice(&[0, 0]);
        buf.extend_from_slice(&(len as u32).to_be_bytes());
    }
    buf.extend_from_slice(bytes);
    buf.resize(HEADER_LEN + body_len, 0);

    let keys = MessageKeys::derive(key, nonce);
    keys.apply_keystream(&mut buf[HEADER_LEN..]);
    let mac = keys.mac(nonce, &buf[HEADER_LEN..]).finalize().into_bytes();
    buf.extend_from_slice(&mac);
    Ok(BASE64.encode(&buf))
}

/// Decrypts a payload, accepting any plaintext length v2 allows.
pub fn decrypt(key: &ConversationKey, payload: &str) -> Result<String, Nip44Error> {
    decrypt_bounded(key, payload, MAX_PLAINTEXT_LEN)
}

/// Decrypts a payload whose plaintext may be at most `max_plaintext_len` bytes; longer
/// payloads are refused from their length alone, before any decoding or hashing.
pub fn decrypt_bounded(
    key: &ConversationKey,
    payload: &str,
    max_plaintext_len: u64,
) -> Result<String, Nip44Error> {
    let max_plaintext = max_plaintext_len.clamp(MIN_PLAINTEXT_LEN, MAX_PLAINTEXT_LEN);
    let plen = payload.len() as u64;
    if payload.is_empty() || payload.as_bytes()[0] == b'#' {
        return Err(Nip44Error::UnknownVersion);
    }
    let max_payload = max_payload_len(max_plaintext);
    if !(MIN_PAYLOAD_LEN..=max_payload).contains(&plen) {
        return Err(Nip44Error::PayloadLength {
            len: plen,
            min: MIN_PAYLOAD_LEN,
            max: max_payload,
        });
    }
    let mut data = BASE64
        .decode(payload)
        .map_err(|_| Nip44Error::InvalidBase64)?;
    let dlen = data.len() as u64;
    let max_data = max_data_len(max_plaintext);
    if !(MIN_DATA_LEN..=max_data).contains(&dlen) {
        return Err(Nip44Error::DataLength {
            len: dlen,
            min: MIN_DATA_LEN,
            max: max_data,
        });
    }
    if data[0] != VERSION {
        return Err(Nip44Error::UnknownVersion);
    }
    let mut nonce = [0u8; NONCE_LEN];
    nonce.copy_from_slice(&data[1..HEADER_LEN]);
    let mac_start = data.len() - MAC_LEN;
    let keys = MessageKeys::derive(key, &nonce);
    keys.mac(&nonce, &data[HEADER_LEN..mac_start])
        .verify_slice(&data[mac_start..])
        .map_err(|_| Nip44Error::InvalidMac)?;

    let padded = &mut data[HEADER_LEN..mac_start];
    keys.apply_keystream(padded);
    let (start, len) = unpad(padded)?;
    if len > max_plaintext {
        return Err(Nip44Error::MessageTooLong {
            len,
            max: max_plaintext,
        });
    }
    // `unpad` checked that start + len lies inside the buffer.
    let end = start + len as usize;
    let plaintext = padded[start..end].to_vec();
    String::from_utf8(plaintext).map_err(|_| Nip44Error::InvalidUtf8)
}

/// Reads the length prefix and checks it against the padded length; returns where the
/// plaintext starts and how long it is.
fn unpad(padded: &[u8]) -> Result<(usize, u64), Nip44Error> {
    let total = padded.len() as u64;
    let short = match padded {
        [a, b, ..] => u16::from_be_bytes([*a, *b]),
        _ => return Err(Nip44Error::InvalidPadding),
    };
    let (start, len) = if short != 0 {
        (2usize, u64::from(short))
    } else {
        let long = match padded {
            [_, _, a, b, c, d, ..] => u32::from_be_bytes([*a, *b, *c, *d]),
            _ => return Err(Nip44Error::InvalidPadding),
        };
        // The extended form is reserved for lengths the short form cannot hold.
        if u64::from(long) < EXTENDED_PREFIX_THRESHOLD {
            return Err(Nip44Error::InvalidPadding);
        }
        (6usize, u64::from(long))
    };
    if total != start as u64 + calc_padded_len(len) {
        return Err(Nip44Error::InvalidPadding);
    }
    Ok((start, len))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> ConversationKey {
        ConversationKey::from_bytes([7; 32])
    }

    #[test]
    fn padded_lengths_cover_both_prefixes() {
        assert_eq!(calc_padded_len(1), 32);
        assert_eq!(calc_padded_len(65_535), 65_536);
        assert_eq!(calc_padded_len(65_536), 65_536);
        assert_eq!(calc_padded_len(65_537), 81_920);
        assert_eq!(calc_padded_len(MAX_PLAINTEXT_LEN), 1 << 32);
        assert_eq!(max_data_len(MAX_PLAINTEXT_LEN), 33 + 6 + (1 << 32) + 32);
    }

    #[test]
    fn non_canonical_extended_prefix_is_rejected() {
        // A 6-byte prefix announcing 100 bytes, laid out as a 100-byte message would be.
        let mut padded = vec![0u8; 6 + calc_padded_len(100) as usize];
        padded[2..6].copy_from_slice(&100u32.to_be_bytes());
        assert_eq!(unpad(&padded), Err(Nip44Error::InvalidPadding));
        assert_eq!(unpad(&[0]), Err(Nip44Error::InvalidPadding));
        assert_eq!(unpad(&[0, 0, 1]), Err(Nip44Error::InvalidPadding));
    }

    #[test]
    fn bounded_decrypt_refuses_long_payloads_by_length() {
        let text = "x".repeat(1000);
        let payload = encrypt(&key(), &text).unwrap();
        assert_eq!(decrypt_bounded(&key(), &payload, 1000).unwrap(), text);
        assert!(matches!(
            decrypt_bounded(&key(), &payload, 100),
            Err(Nip44Error::PayloadLength { .. })
        ));
        // Same padded size (1024) but over the limit: refused after the MAC, by the prefix.
        assert_eq!(
            decrypt_bounded(&key(), &payload, 999),
            Err(Nip44Error::MessageTooLong {
                len: 1000,
                max: 999
            })
        );
    }

    #[test]
    fn an_oversized_payload_is_refused_before_decoding() {
        // Not base64 at all: only the length check can have rejected it.
        let junk = "!".repeat(max_payload_len(100) as usize + 1);
        assert!(matches!(
            decrypt_bounded(&key(), &junk, 100),
            Err(Nip44Error::PayloadLength { .. })
        ));
    }

    #[test]
    fn keys_are_redacted() {
        let k = ConversationKey::from_bytes([0xab; 32]);
        assert_eq!(format!("{k:?}"), "ConversationKey(<redacted>)");
        let mk = MessageKeys::derive(&k, &[1; 32]);
        assert!(!format!("{mk:?}").contains("ab"));
    }
}
