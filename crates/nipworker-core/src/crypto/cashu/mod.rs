//! Cashu ecash checks for NIP-60 wallets and NIP-61 nutzaps: proof and blind-signature types
//! (NUT-00), hash-to-curve (NUT-00), DLEQ proofs (NUT-12) and mint keysets (NUT-01/02).
//!
//! Verification is offline once a mint's keys are known; keys come through [`MintKeySource`].

mod dleq;
mod hash_to_curve;
mod keys;
#[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
mod mint_http;
mod proof;

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use thiserror::Error;

pub use dleq::{DleqError, DleqVerdict, Unverifiable, hash_e, verify_blind_signature, verify_dleq};
pub use dleq::{verify_proof, verify_proof_with_keyset};
pub use hash_to_curve::{DOMAIN_SEPARATOR, blind_message, hash_to_curve};
pub use keys::{
    BackoffPolicy, KeysResponse, Keyset, KeysetId, KeysetIdVersion, MintKeyCache, MintKeyError,
    MintKeySource, MintUrl,
};
#[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
pub use mint_http::HttpMintKeySource;
pub use proof::{BlindSignature, BlindSignatureDleq, Proof, ProofDleq};

/// A value in Cashu JSON was malformed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CashuError {
    /// A point is not 66 hex characters of a compressed secp256k1 key on the curve.
    #[error("not a compressed secp256k1 point")]
    InvalidPoint,
    /// A scalar is not 64 hex characters.
    #[error("not a 32-byte hex scalar")]
    InvalidScalar,
    /// A keyset id is neither a v1, v2 nor legacy id.
    #[error("invalid keyset id")]
    InvalidKeysetId,
    /// A mint URL is not an absolute http(s) URL.
    #[error("invalid mint URL")]
    InvalidMintUrl,
    /// No point was found for the message within 2^16 tries (practically impossible).
    #[error("hash_to_curve found no point")]
    HashToCurve,
}

/// A secp256k1 point, written as 33-byte compressed hex as Cashu requires.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Point(secp256k1::PublicKey);

impl Point {
    /// Parses 66 hex characters of a compressed point (uncompressed keys are refused).
    pub fn from_hex(s: &str) -> Result<Self, CashuError> {
        let mut bytes = [0u8; 33];
        hex::decode_to_slice(s, &mut bytes).map_err(|_| CashuError::InvalidPoint)?;
        Self::from_bytes(&bytes)
    }

    /// Parses a 33-byte compressed point.
    pub fn from_bytes(bytes: &[u8; 33]) -> Result<Self, CashuError> {
        secp256k1::PublicKey::from_byte_array_compressed(*bytes)
            .map(Self)
            .map_err(|_| CashuError::InvalidPoint)
    }

    /// The compressed encoding.
    pub fn to_bytes(&self) -> [u8; 33] {
        self.0.serialize()
    }

    /// Lowercase hex of the compressed encoding.
    pub fn to_hex(&self) -> String {
        hex::encode(self.to_bytes())
    }

    /// The underlying secp256k1 key.
    pub fn as_secp(&self) -> &secp256k1::PublicKey {
        &self.0
    }
}

impl From<secp256k1::PublicKey> for Point {
    fn from(pk: secp256k1::PublicKey) -> Self {
        Self(pk)
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Point({self})")
    }
}

impl FromStr for Point {
    type Err = CashuError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_hex(s)
    }
}

/// A 32-byte big-endian scalar of a DLEQ proof (`e`, `s`) or a blinding factor (`r`), as hex.
/// Range checks happen when it is used, so a bad value reads fine and then fails to verify.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Scalar(pub [u8; 32]);

impl Scalar {
    /// Parses 64 hex characters.
    pub fn from_hex(s: &str) -> Result<Self, CashuError> {
        let mut bytes = [0u8; 32];
        hex::decode_to_slice(s, &mut bytes).map_err(|_| CashuError::InvalidScalar)?;
        Ok(Self(bytes))
    }

    /// Lowercase hex.
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }
}

impl fmt::Display for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for Scalar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Scalar({self})")
    }
}

impl FromStr for Scalar {
    type Err = CashuError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::from_hex(s)
    }
}

/// Serde through `FromStr`/`Display` for the hex newtypes above.
macro_rules! serde_via_str {
    ($ty:ty, $what:expr) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct StrVisitor;
                impl Visitor<'_> for StrVisitor {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$ty, E> {
                        v.parse().map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(StrVisitor)
            }
        }
    };
}

serde_via_str!(Point, "a compressed secp256k1 point as 66 hex characters");
serde_via_str!(Scalar, "a 32-byte scalar as 64 hex characters");
serde_via_str!(KeysetId, "a Cashu keyset id");
serde_via_str!(MintUrl, "an http(s) mint URL");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_must_be_compressed_and_on_curve() {
        let g = "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
        assert_eq!(Point::from_hex(g).unwrap().to_hex(), g);
        assert_eq!(Point::from_hex(&g[..64]), Err(CashuError::InvalidPoint));
        assert_eq!(
            Point::from_hex(&format!("05{}", &g[2..])),
            Err(CashuError::InvalidPoint)
        );
        assert!(serde_json::from_str::<Point>("\"zz\"").is_err());
        assert_eq!(Scalar::from_hex("00"), Err(CashuError::InvalidScalar));
    }
}
