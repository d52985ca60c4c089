//! Secret keys and key pairs for BIP-340 signing.
//!
//! Secrets are wiped when dropped and never printed: `Debug` shows only the public key.

use std::fmt;

use zeroize::Zeroize;

use super::PublicKey;
use super::error::KeyError;
use super::hex_bytes::decode_lower_hex;

/// A secp256k1 key pair used to sign events. The secret is erased on drop.
pub struct Keys {
    keypair: secp256k1::Keypair,
    public: PublicKey,
}

impl Keys {
    /// Generates a fresh random key pair.
    pub fn generate() -> Self {
        let keypair = secp256k1::Keypair::new(&mut secp256k1::rand::rng());
        Self::from_keypair(keypair)
    }

    /// Reads a secret key from 32 raw bytes. The caller's copy is left to the caller to erase.
    pub fn from_secret_bytes(bytes: &[u8; 32]) -> Result<Self, KeyError> {
        let sk =
            secp256k1::SecretKey::from_secret_bytes(*bytes).map_err(|_| KeyError::OutOfRange)?;
        let mut sk = sk;
        let keypair = secp256k1::Keypair::from_secret_key(&sk);
        sk.non_secure_erase();
        Ok(Self::from_keypair(keypair))
    }

    /// Reads a secret key from 64 hex characters (either case).
    pub fn from_hex(hex: &str) -> Result<Self, KeyError> {
        let mut lower = hex.trim().to_ascii_lowercase();
        let parsed = decode_lower_hex::<32>(&lower);
        lower.zeroize();
        let mut bytes = parsed.map_err(|_| KeyError::Hex)?;
        let keys = Self::from_secret_bytes(&bytes);
        bytes.zeroize();
        keys
    }

    fn from_keypair(keypair: secp256k1::Keypair) -> Self {
        let (xonly, _) = keypair.x_only_public_key();
        Self {
            keypair,
            public: PublicKey(xonly.to_byte_array()),
        }
    }

    /// The x-only public key.
    pub fn public_key(&self) -> PublicKey {
        self.public
    }

    /// The secret key bytes, wrapped so they are erased when dropped.
    pub fn secret_bytes(&self) -> zeroize::Zeroizing<[u8; 32]> {
        zeroize::Zeroizing::new(self.keypair.to_secret_bytes())
    }

    /// BIP-340 signature over a 32-byte message with fresh auxiliary randomness.
    pub fn sign_schnorr(&self, msg: &[u8; 32]) -> super::Signature {
        super::Signature(secp256k1::schnorr::sign(msg, &self.keypair).to_byte_array())
    }

    /// BIP-340 signature over a message of any length with caller-chosen auxiliary randomness.
    ///
    /// Deterministic for a given `aux_rand`: what the BIP-340 test vectors pin down. Nostr ids are
    /// 32 bytes; other lengths are what BIP-340 allows for other protocols.
    pub fn sign_schnorr_with_aux(&self, msg: &[u8], aux_rand: &[u8; 32]) -> super::Signature {
        super::Signature(
            secp256k1::schnorr::sign_with_aux_rand(msg, &self.keypair, aux_rand).to_byte_array(),
        )
    }
}

impl Clone for Keys {
    fn clone(&self) -> Self {
        Self {
            keypair: self.keypair,
            public: self.public,
        }
    }
}

impl Drop for Keys {
    fn drop(&mut self) {
        self.keypair.non_secure_erase();
    }
}

impl fmt::Debug for Keys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Keys")
            .field("public", &self.public)
            .field("secret", &"<redacted>")
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_never_in_debug_or_errors() {
        let hex = "0000000000000000000000000000000000000000000000000000000000000003";
        let keys = Keys::from_hex(hex).unwrap();
        let dbg = format!("{keys:?}");
        assert!(!dbg.contains(&hex[40..]), "{dbg}");
        assert!(dbg.contains("redacted"));
        assert_eq!(
            keys.public_key().to_hex(),
            "f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9"
        );
        let bad = "zz".repeat(32);
        let err = Keys::from_hex(&bad).unwrap_err().to_string();
        assert!(!err.contains("zz"));
        assert_eq!(
            Keys::from_hex(&"00".repeat(32)).unwrap_err(),
            KeyError::OutOfRange
        );
    }
}
