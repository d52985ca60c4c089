//! A signer holding the secret key in memory (hex or NIP-19 `nsec`), erased on drop and never
//! printed.

use std::fmt;

use async_trait::async_trait;
use bech32::primitives::decode::CheckedHrpstring;
use zeroize::Zeroizing;

use super::{Signer, SignerError};
use crate::crypto::{nip04, nip44};
use crate::protocol::{Event, Keys, PublicKey, UnsignedEvent};

/// Signs with a local secret key.
#[derive(Clone)]
pub struct PrivateKeySigner {
    keys: Keys,
}

impl PrivateKeySigner {
    /// Wraps existing keys.
    pub fn new(keys: Keys) -> Self {
        Self { keys }
    }

    /// A signer with a fresh random key.
    pub fn generate() -> Self {
        Self::new(Keys::generate())
    }

    /// Reads a secret key given as 64 hex characters or as an `nsec1...` string.
    pub fn parse(secret: &str) -> Result<Self, SignerError> {
        let trimmed = secret.trim();
        let is_nsec = trimmed
            .get(..5)
            .is_some_and(|p| p.eq_ignore_ascii_case("nsec1"));
        if is_nsec {
            Self::from_nsec(trimmed)
        } else {
            Self::from_hex(trimmed)
        }
    }

    /// Reads 64 hex characters.
    pub fn from_hex(hex: &str) -> Result<Self, SignerError> {
        Keys::from_hex(hex)
            .map(Self::new)
            .map_err(|_| SignerError::InvalidSecretKey)
    }

    /// Reads a NIP-19 `nsec` (bech32, 32 bytes).
    pub fn from_nsec(nsec: &str) -> Result<Self, SignerError> {
        let bytes = decode_nsec(nsec.trim()).ok_or(SignerError::InvalidSecretKey)?;
        Keys::from_secret_bytes(&bytes)
            .map(Self::new)
            .map_err(|_| SignerError::InvalidSecretKey)
    }

    /// The public key, without going through the async trait.
    pub fn public_key_now(&self) -> PublicKey {
        self.keys.public_key()
    }
}

/// Decodes the 32 secret bytes of an `nsec`. Kept private and minimal: NIP-19 proper lives
/// in `protocol`.
fn decode_nsec(s: &str) -> Option<Zeroizing<[u8; 32]>> {
    let checked = CheckedHrpstring::new::<bech32::Bech32>(s).ok()?;
    if checked.hrp().as_str() != "nsec" {
        return None;
    }
    let mut out = Zeroizing::new([0u8; 32]);
    let mut n = 0usize;
    for byte in checked.byte_iter() {
        *out.get_mut(n)? = byte;
        n += 1;
    }
    (n == 32).then_some(out)
}

impl fmt::Debug for PrivateKeySigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PrivateKeySigner")
            .field("public_key", &self.keys.public_key())
            .field("secret", &"<redacted>")
            .finish()
    }
}

impl fmt::Display for PrivateKeySigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "private key signer for {}", self.keys.public_key())
    }
}

#[async_trait]
impl Signer for PrivateKeySigner {
    async fn public_key(&self) -> Result<PublicKey, SignerError> {
        Ok(self.keys.public_key())
    }

    async fn sign_event(&self, unsigned: UnsignedEvent) -> Result<Event, SignerError> {
        unsigned
            .sign(&self.keys)
            .map_err(|_| SignerError::WrongAuthor)
    }

    async fn nip04_encrypt(
        &self,
        peer: &PublicKey,
        plaintext: &str,
    ) -> Result<String, SignerError> {
        Ok(nip04::encrypt(&self.keys, peer, plaintext)?)
    }

    async fn nip04_decrypt(&self, peer: &PublicKey, payload: &str) -> Result<String, SignerError> {
        Ok(nip04::decrypt(&self.keys, peer, payload)?)
    }

    async fn nip44_encrypt(
        &self,
        peer: &PublicKey,
        plaintext: &str,
    ) -> Result<String, SignerError> {
        let key = nip44::ConversationKey::from_keys(&self.keys, peer)?;
        Ok(nip44::encrypt(&key, plaintext)?)
    }

    async fn nip44_decrypt(&self, peer: &PublicKey, payload: &str) -> Result<String, SignerError> {
        let key = nip44::ConversationKey::from_keys(&self.keys, peer)?;
        Ok(nip44::decrypt(&key, payload)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // NIP-19's example pair.
    const NSEC: &str = "nsec1vl029mgpspedva04g90vltkh6fvh240zqtv9k0t9af8935ke9laqsnlfe5";
    const HEX: &str = "67dea2ed018072d675f5415ecfaed7d2597555e202d85b3d65ea4e58d2d92ffa";

    #[test]
    fn nsec_and_hex_give_one_key() {
        let a = PrivateKeySigner::parse(NSEC).unwrap();
        let b = PrivateKeySigner::parse(HEX).unwrap();
        assert_eq!(a.public_key_now(), b.public_key_now());
        assert_eq!(a.keys.secret_bytes().as_slice(), hex::decode(HEX).unwrap());
    }

    #[test]
    fn bad_nsec_is_a_typed_error() {
        let mut wrong_checksum = NSEC.to_owned();
        wrong_checksum.pop();
        wrong_checksum.push('q');
        let npub = "npub10elfcs4fr0l0r8af98jlmgdh9c8tcxjvz9qkw038js35mp4dma8qzvjptg";
        for bad in [wrong_checksum.as_str(), npub, "nsec1", "nsec1qqqq"] {
            assert_eq!(
                PrivateKeySigner::parse(bad).unwrap_err(),
                SignerError::InvalidSecretKey,
                "{bad}"
            );
        }
    }
}
