//! NUT-12 offline DLEQ verification: a mint proves that `C_ = a*B_` for the same `a` as its
//! published key `A = a*G`, on blind signatures and (with the blinding factor `r`) on proofs.
//!
//! A proof that carries no DLEQ is [`DleqVerdict::Unverifiable`], never valid.

use sha2::{Digest, Sha256};
use thiserror::Error;

use super::hash_to_curve::hash_to_curve;
use super::{BlindSignature, Keyset, Point, Proof, Scalar};

/// Why a DLEQ proof did not verify.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum DleqError {
    /// `e`, `s` or `r` is zero or not below the curve order.
    #[error("DLEQ scalar out of range")]
    ScalarOutOfRange,
    /// An intermediate point is the point at infinity.
    #[error("DLEQ point at infinity")]
    PointAtInfinity,
    /// `e` is not the hash of the recomputed commitments.
    #[error("DLEQ challenge does not match")]
    Mismatch,
    /// The proof's secret hashes to no curve point.
    #[error("proof secret does not hash to a curve point")]
    HashToCurve,
    /// The keyset has no key for the proof's amount.
    #[error("keyset has no key for amount {amount}")]
    UnknownAmount {
        /// The proof's amount.
        amount: u64,
    },
    /// The proof names another keyset than the one given.
    #[error("proof is from another keyset")]
    KeysetMismatch,
}

/// Why a proof could not be checked at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unverifiable {
    /// The object carries no `dleq` field.
    NoDleq,
    /// The proof's `dleq` lacks the blinding factor `r`.
    NoBlindingFactor,
}

/// Outcome of a DLEQ check. Only `Valid` means the mint's key signed the note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[must_use]
pub enum DleqVerdict {
    /// The DLEQ proof verifies against the mint key.
    Valid,
    /// There is nothing to verify: treat the proof as unchecked, not as valid.
    Unverifiable(Unverifiable),
    /// The DLEQ proof is wrong.
    Invalid(DleqError),
}

impl DleqVerdict {
    /// True only for [`DleqVerdict::Valid`].
    pub fn is_valid(&self) -> bool {
        matches!(self, DleqVerdict::Valid)
    }
}

impl From<Result<(), DleqError>> for DleqVerdict {
    fn from(r: Result<(), DleqError>) -> Self {
        match r {
            Ok(()) => DleqVerdict::Valid,
            Err(e) => DleqVerdict::Invalid(e),
        }
    }
}

/// NUT-12 `hash_e`: SHA-256 of the concatenated lowercase hex of the uncompressed points.
pub fn hash_e(points: &[&Point]) -> [u8; 32] {
    let mut hasher = Sha256::new();
    let mut buf = [0u8; 130];
    for p in points {
        // The buffer is exactly twice the 65-byte uncompressed encoding.
        let _ = hex::encode_to_slice(p.as_secp().serialize_uncompressed(), &mut buf);
        hasher.update(buf);
    }
    hasher.finalize().into()
}

fn scalar(s: &Scalar) -> Result<secp256k1::Scalar, DleqError> {
    if s.0 == [0u8; 32] {
        return Err(DleqError::ScalarOutOfRange);
    }
    secp256k1::Scalar::from_be_bytes(s.0).map_err(|_| DleqError::ScalarOutOfRange)
}

fn base_mul(s: &Scalar) -> Result<secp256k1::PublicKey, DleqError> {
    secp256k1::SecretKey::from_secret_bytes(s.0)
        .map(|k| k.public_key())
        .map_err(|_| DleqError::ScalarOutOfRange)
}

fn mul(p: &Point, s: &secp256k1::Scalar) -> Result<secp256k1::PublicKey, DleqError> {
    p.as_secp()
        .mul_tweak(s)
        .map_err(|_| DleqError::ScalarOutOfRange)
}

fn add(p: &secp256k1::PublicKey, q: &secp256k1::PublicKey) -> Result<Point, DleqError> {
    p.combine(q)
        .map(Point::from)
        .map_err(|_| DleqError::PointAtInfinity)
}

/// Verifies `(e, s)` for mint key `A`, blinded message `B_` and blinded signature `C_`:
/// `R1 = s*G - e*A`, `R2 = s*B_ - e*C_`, and `e == hash_e(R1, R2, A, C_)`.
pub fn verify_dleq(
    a: &Point,
    b_: &Point,
    c_: &Point,
    e: &Scalar,
    s: &Scalar,
) -> Result<(), DleqError> {
    let e_scalar = scalar(e)?;
    let s_scalar = scalar(s)?;
    let r1 = add(&base_mul(s)?, &mul(a, &e_scalar)?.negate())?;
    let r2 = add(&mul(b_, &s_scalar)?, &mul(c_, &e_scalar)?.negate())?;
    if hash_e(&[&r1, &r2, a, c_]) == e.0 {
        Ok(())
    } else {
        Err(DleqError::Mismatch)
    }
}

/// Checks the DLEQ of a blind signature against the blinded message it answers and the mint
/// key for its amount.
pub fn verify_blind_signature(sig: &BlindSignature, b_: &Point, a: &Point) -> DleqVerdict {
    match &sig.dleq {
        None => DleqVerdict::Unverifiable(Unverifiable::NoDleq),
        Some(d) => verify_dleq(a, b_, &sig.c_, &d.e, &d.s).into(),
    }
}

/// Checks the DLEQ of a proof against the mint key `A` for its amount: rebuilds
/// `B_ = Y + r*G` and `C_ = C + r*A`, then verifies as for a blind signature.
pub fn verify_proof(proof: &Proof, a: &Point) -> DleqVerdict {
    let Some(d) = &proof.dleq else {
        return DleqVerdict::Unverifiable(Unverifiable::NoDleq);
    };
    let Some(r) = &d.r else {
        return DleqVerdict::Unverifiable(Unverifiable::NoBlindingFactor);
    };
    let check = || -> Result<(), DleqError> {
        let y = hash_to_curve(proof.secret.as_bytes()).map_err(|_| DleqError::HashToCurve)?;
        let r_scalar = scalar(r)?;
        let b_ = add(y.as_secp(), &base_mul(r)?)?;
        let c_ = add(proof.c.as_secp(), &mul(a, &r_scalar)?)?;
        verify_dleq(a, &b_, &c_, &d.e, &d.s)
    };
    check().into()
}

/// [`verify_proof`] with the key the keyset holds for the proof's amount.
pub fn verify_proof_with_keyset(proof: &Proof, keyset: &Keyset) -> DleqVerdict {
    if proof.id != keyset.id {
        return DleqVerdict::Invalid(DleqError::KeysetMismatch);
    }
    match keyset.keys.get(&proof.amount) {
        Some(a) => verify_proof(proof, a),
        None => DleqVerdict::Invalid(DleqError::UnknownAmount {
            amount: proof.amount,
        }),
    }
}
