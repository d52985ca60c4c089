//! Event kinds and the storage classes NIP-01 derives from them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An event kind (NIP-01: an integer from 0 to 65535).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Kind(pub u16);

/// How relays and caches keep events of a kind (NIP-01 "Kinds").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KindClass {
    /// Every event is kept.
    Regular,
    /// Only the newest per (pubkey, kind) is kept.
    Replaceable,
    /// Never stored.
    Ephemeral,
    /// Only the newest per (pubkey, kind, `d` tag) is kept.
    Addressable,
}

impl Kind {
    /// Profile metadata.
    pub const METADATA: Kind = Kind(0);
    /// Short text note.
    pub const TEXT_NOTE: Kind = Kind(1);
    /// Follow list.
    pub const CONTACTS: Kind = Kind(3);
    /// NIP-04 encrypted direct message.
    pub const ENCRYPTED_DM: Kind = Kind(4);
    /// NIP-09 deletion request.
    pub const DELETION: Kind = Kind(5);
    /// NIP-18 repost of a kind-1 note.
    pub const REPOST: Kind = Kind(6);
    /// NIP-25 reaction.
    pub const REACTION: Kind = Kind(7);
    /// NIP-18 generic repost.
    pub const GENERIC_REPOST: Kind = Kind(16);
    /// NIP-65 relay list.
    pub const RELAY_LIST: Kind = Kind(10002);
    /// NIP-42 client authentication.
    pub const AUTH: Kind = Kind(22242);
    /// NIP-46 remote signing request/response.
    pub const NOSTR_CONNECT: Kind = Kind(24133);

    /// The numeric value.
    pub const fn as_u16(self) -> u16 {
        self.0
    }

    /// The storage class of this kind.
    pub const fn class(self) -> KindClass {
        match self.0 {
            0 | 3 | 10000..=19999 => KindClass::Replaceable,
            20000..=29999 => KindClass::Ephemeral,
            30000..=39999 => KindClass::Addressable,
            _ => KindClass::Regular,
        }
    }

    /// True for kinds where only the newest per (pubkey, kind) is kept.
    pub const fn is_replaceable(self) -> bool {
        matches!(self.class(), KindClass::Replaceable)
    }

    /// True for kinds that relays never store.
    pub const fn is_ephemeral(self) -> bool {
        matches!(self.class(), KindClass::Ephemeral)
    }

    /// True for kinds keyed by (pubkey, kind, `d` tag).
    pub const fn is_addressable(self) -> bool {
        matches!(self.class(), KindClass::Addressable)
    }

    /// True for kinds stored without replacement.
    pub const fn is_regular(self) -> bool {
        matches!(self.class(), KindClass::Regular)
    }
}

impl From<u16> for Kind {
    fn from(v: u16) -> Self {
        Kind(v)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Debug for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Kind({})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_follow_nip01_ranges() {
        let table = [
            (0, KindClass::Replaceable),
            (1, KindClass::Regular),
            (2, KindClass::Regular),
            (3, KindClass::Replaceable),
            (4, KindClass::Regular),
            (9999, KindClass::Regular),
            (10000, KindClass::Replaceable),
            (19999, KindClass::Replaceable),
            (20000, KindClass::Ephemeral),
            (29999, KindClass::Ephemeral),
            (30000, KindClass::Addressable),
            (39999, KindClass::Addressable),
            (40000, KindClass::Regular),
            (65535, KindClass::Regular),
        ];
        for (k, class) in table {
            assert_eq!(Kind(k).class(), class, "kind {k}");
        }
    }
}
