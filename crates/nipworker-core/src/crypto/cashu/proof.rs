//! Cashu `Proof` and `BlindSignature` objects with their DLEQ fields, in the JSON shape of
//! NUT-00/NUT-12 and of NIP-60 token events.

use serde::{Deserialize, Serialize};

use super::{KeysetId, Point, Scalar};

/// An unblinded ecash note (NUT-00), as NIP-60 wallets store and NIP-61 nutzaps carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proof {
    /// Value in the keyset's unit.
    pub amount: u64,
    /// Keyset the mint signed it with.
    pub id: KeysetId,
    /// The secret `x` (UTF-8 text; `Y = hash_to_curve(secret)`).
    pub secret: String,
    /// The unblinded signature `C = k*Y`.
    #[serde(rename = "C")]
    pub c: Point,
    /// Spending conditions' witness (NUT-10), kept verbatim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub witness: Option<String>,
    /// DLEQ proof with the blinding factor (NUT-12); without it the proof is unverifiable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dleq: Option<ProofDleq>,
}

/// The DLEQ fields of a [`Proof`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProofDleq {
    /// Challenge.
    pub e: Scalar,
    /// Response.
    pub s: Scalar,
    /// Blinding factor, needed to rebuild `B_` and `C_`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r: Option<Scalar>,
}

/// A mint's blinded signature on a blinded message (NUT-00).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlindSignature {
    /// Value in the keyset's unit.
    pub amount: u64,
    /// Keyset the mint signed with.
    pub id: KeysetId,
    /// The blinded signature `C_ = k*B_`.
    #[serde(rename = "C_")]
    pub c_: Point,
    /// DLEQ proof that `C_` was made with the key of `amount` (NUT-12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dleq: Option<BlindSignatureDleq>,
}

/// The DLEQ fields of a [`BlindSignature`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlindSignatureDleq {
    /// Challenge.
    pub e: Scalar,
    /// Response.
    pub s: Scalar,
}
