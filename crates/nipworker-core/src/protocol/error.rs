//! Typed errors of the protocol layer.

use thiserror::Error;

/// A hex string of a fixed-size value was malformed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum HexError {
    /// Wrong number of hex characters.
    #[error("expected {expected} hex characters, found {found}")]
    Length {
        /// Characters expected.
        expected: usize,
        /// Characters found.
        found: usize,
    },
    /// A character outside `0-9a-f`.
    #[error("invalid lowercase hex character at position {position}")]
    Char {
        /// Index of the offending character.
        position: usize,
    },
}

/// An event failed its integrity checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum VerifyError {
    /// The id is not the SHA-256 of the canonical serialization.
    #[error("event id does not match its content")]
    IdMismatch,
    /// The public key is not a valid x-only secp256k1 point.
    #[error("invalid public key")]
    InvalidPublicKey,
    /// The signature does not verify for the id and public key.
    #[error("invalid signature")]
    InvalidSignature,
}

/// A secret key could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum KeyError {
    /// Malformed hex (the input is never echoed back).
    #[error("secret key is not 64 hex characters")]
    Hex,
    /// Not a valid secp256k1 scalar (zero or above the curve order).
    #[error("secret key is out of range for secp256k1")]
    OutOfRange,
}
