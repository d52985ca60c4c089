//! Unix timestamps in seconds, as NIP-01 `created_at`, `since` and `until` use them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Seconds since the Unix epoch.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(transparent)]
pub struct Timestamp(pub u64);

impl Timestamp {
    /// The current time.
    pub fn now() -> Self {
        #[cfg(all(target_arch = "wasm32", feature = "wasm-runtime"))]
        {
            Timestamp((js_sys::Date::now() / 1000.0) as u64)
        }
        #[cfg(not(all(target_arch = "wasm32", feature = "wasm-runtime")))]
        {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0);
            Timestamp(secs)
        }
    }

    /// The raw number of seconds.
    pub const fn as_u64(self) -> u64 {
        self.0
    }

    /// `self - secs`, stopping at zero.
    pub const fn saturating_sub(self, secs: u64) -> Self {
        Timestamp(self.0.saturating_sub(secs))
    }
}

impl From<u64> for Timestamp {
    fn from(v: u64) -> Self {
        Timestamp(v)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({})", self.0)
    }
}
