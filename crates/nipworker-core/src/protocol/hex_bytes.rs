//! Fixed-size byte types of NIP-01 (event ids, x-only public keys, Schnorr signatures).
//!
//! Each is a plain array on the wire of FlatBuffers and SQLite, and lowercase hex in JSON.

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

use super::error::HexError;

/// Decodes exactly `N` bytes from lowercase hex (NIP-01 requires lowercase).
///
/// Every event carries 256 hex characters (id, pubkey, sig), so this is on the hot path of every
/// relay frame: a table lookup per character with one error check at the end, instead of a branch
/// per character. The error still names the first offending position.
pub(crate) fn decode_lower_hex<const N: usize>(s: &str) -> Result<[u8; N], HexError> {
    let bytes = s.as_bytes();
    if bytes.len() != N * 2 {
        return Err(HexError::Length {
            expected: N * 2,
            found: bytes.len(),
        });
    }
    let mut out = [0u8; N];
    let mut invalid = 0u8;
    for (byte, pair) in out.iter_mut().zip(bytes.chunks_exact(2)) {
        let hi = LOWER_HEX[usize::from(pair[0])];
        let lo = LOWER_HEX[usize::from(pair[1])];
        invalid |= hi | lo;
        *byte = (hi << 4) | (lo & 0x0f);
    }
    if invalid & INVALID != 0 {
        let position = bytes
            .iter()
            .position(|&c| LOWER_HEX[usize::from(c)] == INVALID)
            .unwrap_or(0);
        return Err(HexError::Char { position });
    }
    Ok(out)
}

/// Marks a byte that is not a lowercase hex digit in [`LOWER_HEX`] (valid entries are below 16).
const INVALID: u8 = 0xf0;

/// Nibble value of each byte, or [`INVALID`].
const LOWER_HEX: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < 10 {
        table[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        table[b'a' as usize + i] = 10 + i as u8;
        i += 1;
    }
    table
};

macro_rules! hex_bytes_type {
    ($(#[$doc:meta])* $name:ident, $len:expr, $what:expr) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(pub [u8; $len]);

        impl $name {
            /// Length in bytes.
            pub const LEN: usize = $len;

            /// Wraps raw bytes.
            pub const fn from_bytes(bytes: [u8; $len]) -> Self {
                Self(bytes)
            }

            /// The raw bytes.
            pub const fn as_bytes(&self) -> &[u8; $len] {
                &self.0
            }

            /// Parses lowercase hex of exactly the right length.
            pub fn from_hex(s: &str) -> Result<Self, HexError> {
                decode_lower_hex::<$len>(s).map(Self)
            }

            /// Copies from a slice of exactly the right length.
            pub fn from_slice(bytes: &[u8]) -> Result<Self, HexError> {
                <[u8; $len]>::try_from(bytes)
                    .map(Self)
                    .map_err(|_| HexError::Length { expected: $len * 2, found: bytes.len() * 2 })
            }

            /// Lowercase hex.
            pub fn to_hex(&self) -> String {
                hex::encode(self.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut buf = [0u8; $len * 2];
                // Infallible: the buffer is exactly twice the input length.
                let _ = hex::encode_to_slice(self.0, &mut buf);
                f.write_str(std::str::from_utf8(&buf).map_err(|_| fmt::Error)?)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "({})"), self)
            }
        }

        impl FromStr for $name {
            type Err = HexError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Self::from_hex(s)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut buf = [0u8; $len * 2];
                let _ = hex::encode_to_slice(self.0, &mut buf);
                serializer.serialize_str(std::str::from_utf8(&buf).map_err(serde::ser::Error::custom)?)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct HexVisitor;
                impl Visitor<'_> for HexVisitor {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        write!(f, "{} as {} lowercase hex characters", $what, $len * 2)
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$name, E> {
                        $name::from_hex(v).map_err(E::custom)
                    }
                }
                deserializer.deserialize_str(HexVisitor)
            }
        }
    };
}

hex_bytes_type!(
    /// A 32-byte event id: the SHA-256 of the event's canonical serialization.
    EventId, 32, "an event id"
);
hex_bytes_type!(
    /// A 32-byte BIP-340 x-only public key.
    PublicKey, 32, "a public key"
);
hex_bytes_type!(
    /// A 64-byte BIP-340 Schnorr signature.
    Signature, 64, "a signature"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip_and_strictness() {
        let hex = "7464c4478ca40a562613f02d379a185a2272d25b1d06f3c509ca94cf57401e90";
        let id = EventId::from_hex(hex).unwrap();
        assert_eq!(id.to_hex(), hex);
        assert_eq!(id.to_string(), hex);
        assert_eq!(serde_json::to_string(&id).unwrap(), format!("\"{hex}\""));
        assert_eq!(
            serde_json::from_str::<EventId>(&format!("\"{hex}\"")).unwrap(),
            id
        );
        assert_eq!(
            EventId::from_hex(&hex.to_uppercase()),
            Err(HexError::Char { position: 4 })
        );
        assert_eq!(
            EventId::from_hex(&hex[..62]),
            Err(HexError::Length {
                expected: 64,
                found: 62
            })
        );
        assert!(EventId::from_hex(&format!("{}zz", &hex[..62])).is_err());
        assert!(serde_json::from_str::<PublicKey>("12").is_err());
    }
}
