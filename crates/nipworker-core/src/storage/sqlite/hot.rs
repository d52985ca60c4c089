//! The SQLite store's hot layer: a bounded in-memory copy of the newest stored events, kept in
//! step with every commit, that answers a query only when it can prove it holds every event the
//! query returns (otherwise the query goes to SQLite, the store of record).
//!
//! # What it proves
//! The layer holds *every* stored event with `created_at >= floor` and nothing older. So a
//! filter's answer from the layer is the store's answer when
//! - the layer holds everything (`floor` is 0), or
//! - the filter's `since` is at or after `floor` (every match is in the window), or
//! - the filter has a `limit` and the layer found that many matches: every event the layer lacks
//!   is older than all of them, so none of them belongs to the newest `limit`, or
//! - the filter lists `ids` and the layer holds every one of them (an id is stored once).
//!
//! When the layer grows past its bounds it drops its oldest second of events at a time and raises
//! `floor`; events older than `floor` arriving later go to SQLite only.

use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::protocol::{Event, EventId, Filter, Timestamp};
use crate::storage::memory::{Entry, State};

/// Bounds of the hot layer (see [`super::SqliteConfig::hot`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HotLayerConfig {
    /// Most events held; 0 turns the layer off (every query goes to SQLite).
    pub max_events: usize,
    /// Most bytes held, counted as each event's JSON length like `StoreLimits::max_bytes` (the
    /// heap it takes is about 2-3x that: parsed tags and the indices).
    pub max_bytes: u64,
}

impl HotLayerConfig {
    /// No hot layer: every query reads SQLite.
    pub const OFF: Self = Self {
        max_events: 0,
        max_bytes: 0,
    };
}

impl Default for HotLayerConfig {
    /// 20,000 events or 16 MiB of event JSON, whichever is reached first: about 50 MiB of heap
    /// (measured ~3.2x the JSON, see BENCHMARKS.md) and ~0.2 s to fill at open; enough for every
    /// limit-20 feed and notification query of a typical client cache. A layer sized to the whole
    /// cache answers every query shape from memory (the anchor bench's 100,000 events: 64 MiB of
    /// JSON, ~200 MiB of heap).
    fn default() -> Self {
        Self {
            max_events: 20_000,
            max_bytes: 16 * 1024 * 1024,
        }
    }
}

/// What the hot layer holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HotLayerStats {
    /// Events held.
    pub events: u64,
    /// Their JSON bytes.
    pub bytes: u64,
    /// Every stored event with `created_at` at or after this is held (0: every stored event).
    pub floor: Timestamp,
}

#[derive(Debug, Default)]
struct Layer {
    state: State,
    /// Every stored event with `created_at >= floor` is held, none older.
    floor: Timestamp,
}

/// The hot layer. Written only under the store's writer lock, after each commit, so it follows
/// SQLite commit by commit; read concurrently by queries.
#[derive(Debug)]
pub(crate) struct HotLayer {
    config: HotLayerConfig,
    layer: RwLock<Layer>,
}

impl HotLayer {
    pub(crate) fn new(config: HotLayerConfig) -> Self {
        Self {
            config,
            layer: RwLock::new(Layer::default()),
        }
    }

    pub(crate) fn enabled(&self) -> bool {
        self.config.max_events > 0 && self.config.max_bytes > 0
    }

    /// `None` once a writer panicked: the layer may then be half-updated, so from then on every
    /// query goes to SQLite (the poison flag stays set).
    fn read(&self) -> Option<RwLockReadGuard<'_, Layer>> {
        self.layer.read().ok()
    }

    fn write(&self) -> RwLockWriteGuard<'_, Layer> {
        // Writing on regardless is harmless: readers ignore a poisoned layer.
        self.layer.write().unwrap_or_else(|e| e.into_inner())
    }

    /// Fills the layer from the newest stored events, given newest first with their JSON sizes;
    /// `complete` says the list is every stored event (otherwise the oldest second in it may be
    /// partial and is dropped).
    pub(crate) fn load(&self, newest_first: Vec<(Event, u64)>, complete: bool) {
        let mut layer = self.write();
        *layer = Layer::default();
        if !self.enabled() {
            layer.floor = Timestamp(u64::MAX);
            return;
        }
        let last = newest_first.last().map(|(e, _)| e.created_at);
        for (event, size) in newest_first {
            layer.state.insert(event, size);
        }
        if !complete {
            // Nothing held proves nothing: an empty partial load holds no window at all.
            let floor = last.map_or(Timestamp(u64::MAX), |t| {
                Timestamp(t.as_u64().saturating_add(1))
            });
            layer.state.remove_older_than(floor);
            layer.floor = floor;
        }
        self.shrink(&mut layer);
    }

    /// Applies one commit in its order: `removed` left SQLite, then `inserted` (with their JSON
    /// sizes) entered it, then `evicted` left it.
    pub(crate) fn apply<'a>(
        &self,
        removed: impl IntoIterator<Item = &'a EventId>,
        inserted: impl IntoIterator<Item = (&'a Event, u64)>,
        evicted: &[EventId],
    ) {
        if !self.enabled() {
            return;
        }
        let mut layer = self.write();
        for id in removed {
            layer.state.remove(id);
        }
        let floor = layer.floor;
        for (event, size) in inserted {
            if event.created_at >= floor && layer.state.entry(&event.id).is_none() {
                layer.state.insert(event.clone(), size);
            }
        }
        for id in evicted {
            layer.state.remove(id);
        }
        self.shrink(&mut layer);
    }

    /// Empties the layer; it then holds every stored event (none).
    pub(crate) fn clear(&self) {
        let mut layer = self.write();
        *layer = Layer::default();
        if !self.enabled() {
            layer.floor = Timestamp(u64::MAX);
        }
    }

    /// Drops the oldest second of events until within bounds.
    fn shrink(&self, layer: &mut Layer) {
        while layer.state.len() > self.config.max_events
            || layer.state.bytes() > self.config.max_bytes
        {
            let Some(oldest) = layer.state.oldest() else {
                break;
            };
            let floor = Timestamp(oldest.as_u64().saturating_add(1));
            layer.state.remove_older_than(floor);
            layer.floor = floor;
        }
    }

    /// The events `filters` return, if the layer can prove it holds all of them; `None` means ask
    /// SQLite.
    pub(crate) fn query(&self, filters: &[&Filter], now: Timestamp) -> Option<Vec<Arc<Entry>>> {
        if !self.enabled() {
            return None;
        }
        let layer = self.read()?;
        let floor = layer.floor;
        let mut per_filter = Vec::with_capacity(filters.len());
        for f in filters {
            let window = floor.as_u64() == 0 || f.since.is_some_and(|s| s >= floor);
            if !window && f.until.is_some_and(|u| u < floor) {
                // Entirely older than the layer.
                return None;
            }
            let found = layer.state.select_one(f, now);
            // Cheapest proofs first: the ids check costs a lookup per id.
            let proven = window
                || f.limit.is_some_and(|n| found.len() >= n)
                || f.ids
                    .as_ref()
                    .is_some_and(|ids| ids.iter().all(|id| layer.state.entry(id).is_some()));
            if !proven {
                return None;
            }
            per_filter.push(found);
        }
        Some(State::merge(per_filter))
    }

    pub(crate) fn stats(&self) -> HotLayerStats {
        let layer = self.layer.read().unwrap_or_else(|e| e.into_inner());
        HotLayerStats {
            events: layer.state.len() as u64,
            bytes: layer.state.bytes(),
            floor: layer.floor,
        }
    }

    /// One event by id, if the layer can prove the answer: `Some(None)` means not stored.
    pub(crate) fn get(&self, id: &EventId, now: Timestamp) -> Option<Option<Event>> {
        if !self.enabled() {
            return None;
        }
        let layer = self.read()?;
        match layer.state.entry(id) {
            Some(e) => Some(
                e.expires_at
                    .is_none_or(|exp| exp > now)
                    .then(|| e.event.clone()),
            ),
            None if layer.floor.as_u64() == 0 => Some(None),
            None => None,
        }
    }
}
