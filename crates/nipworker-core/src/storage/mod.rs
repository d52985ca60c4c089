//! The event cache: the [`EventStore`] trait the cache worker owns, the Nostr storage rules every
//! store applies (dedup, replaceable and addressable kinds, NIP-09 deletions, NIP-40 expiration,
//! size limits with eviction), and the stores: [`MemoryStore`] everywhere, `SqliteStore` natively.
//!
//! # Rules every store applies (in this order, per event of a batch, as if saved one by one)
//! 1. Ephemeral kinds (20000-29999) are never stored: `Rejected(Ephemeral)`.
//! 2. A `created_at` beyond `i64::MAX` cannot be ordered by SQLite: `Rejected(TimestampOutOfRange)`.
//! 3. An event whose NIP-40 `expiration` is at or before now: `Rejected(Expired)`.
//! 4. An event larger than `max_bytes` on its own: `Rejected(TooLarge)`.
//! 5. An id already stored: `Duplicate`.
//! 6. An event its author deleted (NIP-09 `e` tag, or `a` tag whose deletion is not older than the
//!    event), even when the deletion arrived first: `Deleted { removed: [] }`, not stored.
//! 7. Replaceable kinds (0, 3, 10000-19999) keep the newest per (pubkey, kind), addressable kinds
//!    (30000-39999) per (pubkey, kind, `d`); on equal `created_at` the lowest id wins. An older
//!    version is `Rejected(Superseded)`; a newer one is `Replaced { old }`.
//! 8. A kind-5 deletion is stored; it removes the author's own targets (never other kind-5
//!    events), and reports `Deleted { removed }` when it removed something.
//!
//! # Eviction (when `max_events` or `max_bytes` is exceeded after a batch)
//! Expired events go first. Then events are evicted oldest first (`created_at` ascending, the
//! higher id first on ties: the tail of the NIP-01 order) one class at a time: regular kinds,
//! then addressable, then replaceable kinds other than relay lists, then relay lists (kind 10002).
//! Events by an "own" pubkey ([`StoreConfig::own_pubkeys`]) are never evicted: when only those
//! are left the store stays over its limit and logs a warning. Deletion tombstones are kept.
//!
//! # Send bounds
//! Natively the trait and its streams are `Send + Sync` so a worker task can own an
//! `Arc<dyn EventStore>`. On `wasm32` they are not: IndexedDB handles are `!Send`, and the browser
//! runs everything on one thread, so the IndexedDB store will implement the same trait there.

mod memory;
mod rules;
#[cfg(all(feature = "sqlite", not(target_arch = "wasm32")))]
pub mod sqlite;

use std::collections::BTreeSet;
use std::fmt;

use thiserror::Error;

use crate::protocol::{Event, EventId, Filter, Kind, PublicKey, Timestamp};

pub use memory::MemoryStore;
pub use rules::{Address, RelayList};
#[cfg(all(feature = "sqlite", not(target_arch = "wasm32")))]
pub use sqlite::{Durability, HotLayerConfig, HotLayerStats, SqliteConfig, SqliteStore};

/// A stream of stored events, newest first (ties: lowest id first).
#[cfg(not(target_arch = "wasm32"))]
pub type EventStream = futures::stream::BoxStream<'static, Result<Event, StorageError>>;
/// A stream of stored events, newest first (ties: lowest id first).
#[cfg(target_arch = "wasm32")]
pub type EventStream = futures::stream::LocalBoxStream<'static, Result<Event, StorageError>>;

/// Errors of the storage layer.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum StorageError {
    /// A filter carried a NIP-50 `search`: stores cannot evaluate it and will not return a superset.
    #[error("NIP-50 search filters are not supported by the event store")]
    SearchUnsupported,
    /// A stored event could not be read back (the database was altered outside the store).
    #[error("stored event is corrupt: {0}")]
    Corrupt(#[source] serde_json::Error),
    /// A stored column holds a value the store never writes (the database was altered outside).
    #[error("stored column {column} holds an invalid value")]
    CorruptColumn {
        /// The column.
        column: &'static str,
    },
    /// The SQLite store was used outside a Tokio runtime.
    #[cfg(all(feature = "sqlite", not(target_arch = "wasm32")))]
    #[error("the SQLite store needs a Tokio runtime")]
    NoRuntime,
    /// The SQLite database failed.
    #[cfg(all(feature = "sqlite", not(target_arch = "wasm32")))]
    #[error("sqlite: {0}")]
    Sqlite(#[from] sqlx::Error),
    /// The schema migrations failed (for example a database written by a newer version).
    #[cfg(all(feature = "sqlite", not(target_arch = "wasm32")))]
    #[error("schema migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
}

/// Why an event was not stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RejectReason {
    /// Ephemeral kinds (20000-29999) are never stored.
    Ephemeral,
    /// The NIP-40 expiration has passed.
    Expired,
    /// A newer version of this replaceable or addressable event is stored.
    Superseded,
    /// The event alone is larger than the store's `max_bytes`.
    TooLarge,
    /// `created_at` is beyond what the store can order (`i64::MAX` seconds).
    TimestampOutOfRange,
}

impl fmt::Display for RejectReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RejectReason::Ephemeral => "ephemeral kind",
            RejectReason::Expired => "expired",
            RejectReason::Superseded => "a newer version is stored",
            RejectReason::TooLarge => "larger than the store",
            RejectReason::TimestampOutOfRange => "created_at out of range",
        })
    }
}

/// What saving one event did.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum SaveStatus {
    /// Stored.
    Saved,
    /// Already stored (same id).
    Duplicate,
    /// Stored, and these older versions of the same replaceable/addressable event were dropped.
    Replaced {
        /// Ids of the versions dropped.
        old: Vec<EventId>,
    },
    /// Either this kind-5 deletion was stored and removed `removed` (never empty then), or, with
    /// `removed` empty, this event had been deleted by its author earlier and was not stored.
    Deleted {
        /// Ids of the stored events this deletion removed.
        removed: Vec<EventId>,
    },
    /// Not stored.
    Rejected {
        /// Why.
        reason: RejectReason,
    },
}

impl SaveStatus {
    /// True if the event is in the store after the save (until later events or eviction remove it).
    pub fn is_stored(&self) -> bool {
        match self {
            SaveStatus::Saved | SaveStatus::Duplicate | SaveStatus::Replaced { .. } => true,
            SaveStatus::Deleted { removed } => !removed.is_empty(),
            SaveStatus::Rejected { .. } => false,
        }
    }
}

/// Size limits of a store. `None` means unlimited.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoreLimits {
    /// Most events kept.
    pub max_events: Option<u64>,
    /// Most bytes kept, counted as the length of each event's JSON (the SQLite file is larger:
    /// columns, tag rows and indices add roughly 1.5x to 3x).
    pub max_bytes: Option<u64>,
}

/// Settings shared by every store.
#[derive(Debug, Clone)]
pub struct StoreConfig {
    /// Size limits and so eviction.
    pub limits: StoreLimits,
    /// The user's own public keys: their events are never evicted.
    pub own_pubkeys: BTreeSet<PublicKey>,
    /// The clock for NIP-40 expiration (tests pin it).
    pub clock: fn() -> Timestamp,
}

impl Default for StoreConfig {
    fn default() -> Self {
        Self {
            limits: StoreLimits::default(),
            own_pubkeys: BTreeSet::new(),
            clock: Timestamp::now,
        }
    }
}

/// What a store holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StoreStats {
    /// Events stored (expired ones not yet purged included).
    pub events: u64,
    /// Bytes counted against `max_bytes`.
    pub bytes: u64,
}

pub use crate::runtime::MaybeSendSync;

/// An event cache. Object-safe: workers own it as `Arc<dyn EventStore>`.
///
/// Events handed to [`EventStore::save_batch`] must already be verified (id and signature):
/// stores trust them. Query methods fail with [`StorageError::SearchUnsupported`] on any filter
/// with a NIP-50 `search`, and skip filters that cannot match (empty lists, `limit: 0`).
#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
pub trait EventStore: MaybeSendSync + fmt::Debug {
    /// Saves verified events in one transaction; one status per event, in order.
    async fn save_batch(&self, events: &[Event]) -> Result<Vec<SaveStatus>, StorageError>;

    /// Stored events matching any filter, newest first (ties: lowest id first), each filter
    /// contributing at most its own `limit` newest matches, no event twice. Expired events are
    /// never returned.
    async fn query(&self, filters: &[Filter]) -> Result<EventStream, StorageError>;

    /// How many events [`EventStore::query`] would return.
    async fn count(&self, filters: &[Filter]) -> Result<u64, StorageError>;

    /// One stored, unexpired event by id.
    async fn get_by_id(&self, id: &EventId) -> Result<Option<Event>, StorageError>;

    /// Removes the events [`EventStore::query`] would return; returns their ids in the same
    /// order. Leaves no
    /// tombstone: the events are accepted again if they come back.
    async fn delete(&self, filters: &[Filter]) -> Result<Vec<EventId>, StorageError>;

    /// The newest stored NIP-65 relay list (kind 10002) of `pubkey`.
    async fn relay_list(&self, pubkey: &PublicKey) -> Result<Option<RelayList>, StorageError>;

    /// Relay lists of several authors (those that have one), for outbox relay selection.
    async fn relay_lists(
        &self,
        pubkeys: &[PublicKey],
    ) -> Result<Vec<(PublicKey, RelayList)>, StorageError> {
        let mut out = Vec::new();
        for pk in pubkeys {
            if let Some(list) = self.relay_list(pk).await? {
                out.push((*pk, list));
            }
        }
        Ok(out)
    }

    /// Removes events whose NIP-40 expiration has passed; returns how many.
    async fn purge_expired(&self) -> Result<u64, StorageError>;

    /// Number of events and bytes held.
    async fn stats(&self) -> Result<StoreStats, StorageError>;

    /// Removes every event and tombstone.
    async fn wipe(&self) -> Result<(), StorageError>;
}

/// Fails on `search` filters and drops the filters that cannot match anything.
pub(crate) fn usable_filters(filters: &[Filter]) -> Result<Vec<&Filter>, StorageError> {
    if filters.iter().any(|f| f.search.is_some()) {
        return Err(StorageError::SearchUnsupported);
    }
    Ok(filters
        .iter()
        .filter(|f| !f.is_unsatisfiable() && f.limit != Some(0))
        .filter(|f| {
            // Ephemeral kinds are never stored: a filter asking only for them matches nothing.
            f.kinds
                .as_ref()
                .is_none_or(|ks| ks.iter().any(|k| !k.is_ephemeral()))
        })
        .collect())
}

/// Kind 10002 (NIP-65).
pub(crate) const RELAY_LIST: Kind = Kind::RELAY_LIST;
