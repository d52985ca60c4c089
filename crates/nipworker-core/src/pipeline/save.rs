//! Save pipe: hands verified live events to an [`EventSink`] (the cache worker) in one batch per
//! call. The write runs in the background so delivery never waits for the disk; its outcome is
//! counted in [`SaveCounters`]. Cached events are not saved again.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use super::item::Item;
use super::services::EventSink;
use crate::protocol::Event;
use crate::runtime;

/// Outcomes of background saves, shared with the tasks doing them.
#[derive(Debug, Default)]
pub struct SaveCounters {
    /// Batches sent.
    pub batches: AtomicU64,
    /// Events stored.
    pub stored: AtomicU64,
    /// Events the store did not keep (duplicates, superseded, deleted, rejected).
    pub not_stored: AtomicU64,
    /// Events whose batch failed.
    pub failed: AtomicU64,
}

/// Saves live events.
#[derive(Clone)]
pub struct Save {
    sink: Arc<dyn EventSink>,
    counters: Arc<SaveCounters>,
}

impl std::fmt::Debug for Save {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Save")
            .field("counters", &self.counters)
            .finish()
    }
}

impl Save {
    /// A save pipe writing to `sink`.
    pub fn new(sink: Arc<dyn EventSink>) -> Self {
        Self {
            sink,
            counters: Arc::default(),
        }
    }

    /// The outcome counters.
    pub fn counters(&self) -> Arc<SaveCounters> {
        self.counters.clone()
    }

    /// Starts saving the live events of `items` (they stay in the batch).
    pub fn apply(&self, items: &[Item]) {
        let live: Vec<&Event> = items
            .iter()
            .filter(|i| !i.is_cached())
            .map(|i| &i.event)
            .collect();
        if live.is_empty() {
            return;
        }
        let n = live.len() as u64;
        let fut = self.sink.save(&live);
        let counters = self.counters.clone();
        counters.batches.fetch_add(1, Ordering::Relaxed);
        runtime::spawn(async move {
            match fut.await {
                Ok(s) => {
                    counters.stored.fetch_add(s.stored, Ordering::Relaxed);
                    counters
                        .not_stored
                        .fetch_add(s.not_stored, Ordering::Relaxed);
                }
                Err(e) => {
                    tracing::warn!("saving {n} events failed: {e}");
                    counters.failed.fetch_add(n, Ordering::Relaxed);
                }
            }
        });
    }
}
