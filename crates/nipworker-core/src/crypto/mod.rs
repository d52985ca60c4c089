//! Cryptographic primitives the crypto worker builds on: NIP-44 v2 and NIP-04 payload
//! encryption, and Cashu (NUT-00/01/12) proof checks against mint keys.
//!
//! Pure functions and small types, plus the mint key cache and its HTTP source (the only I/O);
//! signers live in `signer/`, the worker in `workers/`.

pub mod cashu;
pub mod nip04;
pub mod nip44;

use zeroize::Zeroizing;

use crate::protocol::PublicKey;

/// Why an ECDH shared secret could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EcdhError {
    /// The secret is zero or not below the curve order.
    SecretKey,
    /// The peer's x-only key is not the x-coordinate of a curve point.
    PublicKey,
}

/// The x-coordinate of `secret * peer`, where `peer` is lifted to the point with even y.
///
/// NIP-04 uses it as the AES key as is and NIP-44 feeds it to HKDF; both ignore y, so the
/// parity chosen for the x-only key does not change the result.
pub(crate) fn ecdh_x(
    secret: &[u8; 32],
    peer: &PublicKey,
) -> Result<Zeroizing<[u8; 32]>, EcdhError> {
    let mut sk =
        secp256k1::SecretKey::from_secret_bytes(*secret).map_err(|_| EcdhError::SecretKey)?;
    let Ok(xonly) = secp256k1::XOnlyPublicKey::from_byte_array(peer.0) else {
        sk.non_secure_erase();
        return Err(EcdhError::PublicKey);
    };
    let point = xonly.public_key(secp256k1::Parity::Even);
    let xy = Zeroizing::new(secp256k1::ecdh::shared_secret_point(&point, &sk));
    sk.non_secure_erase();
    let mut x = Zeroizing::new([0u8; 32]);
    x.copy_from_slice(&xy[..32]);
    Ok(x)
}
