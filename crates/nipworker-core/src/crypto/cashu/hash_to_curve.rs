//! NUT-00 `hash_to_curve`: maps a proof secret to the point `Y` the mint signed, and the
//! wallet-side blinding `B_ = Y + r*G`.

use sha2::{Digest, Sha256};

use super::{CashuError, Point, Scalar};

/// Domain separator prefixed to every message before hashing (NUT-00).
pub const DOMAIN_SEPARATOR: &[u8] = b"Secp256k1_HashToCurve_Cashu_";

/// `Y = hash_to_curve(message)`: the first `SHA256(SHA256(DST || message) || counter_le32)`
/// that is the x-coordinate of a point with even y, for counters below 2^16.
pub fn hash_to_curve(message: &[u8]) -> Result<Point, CashuError> {
    let msg_hash: [u8; 32] = Sha256::new()
        .chain_update(DOMAIN_SEPARATOR)
        .chain_update(message)
        .finalize()
        .into();
    let mut candidate = [0u8; 33];
    candidate[0] = 0x02;
    for counter in 0u32..(1 << 16) {
        let hash: [u8; 32] = Sha256::new()
            .chain_update(msg_hash)
            .chain_update(counter.to_le_bytes())
            .finalize()
            .into();
        candidate[1..].copy_from_slice(&hash);
        if let Ok(point) = Point::from_bytes(&candidate) {
            return Ok(point);
        }
    }
    Err(CashuError::HashToCurve)
}

/// The blinded message `B_ = hash_to_curve(secret) + r*G` a wallet sends to the mint.
pub fn blind_message(secret: &[u8], r: &Scalar) -> Result<Point, CashuError> {
    let y = hash_to_curve(secret)?;
    let r = secp256k1::SecretKey::from_secret_bytes(r.0).map_err(|_| CashuError::InvalidScalar)?;
    let r_g = r.public_key();
    y.as_secp()
        .combine(&r_g)
        .map(Point::from)
        .map_err(|_| CashuError::InvalidPoint)
}
