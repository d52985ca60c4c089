//! Shared helpers of the storage tests: deterministic keys, signed events, both stores on demand
//! (SQLite on a real file in a temp dir), and a per-thread clock for NIP-40 tests.
// Helpers of tests: a failure should panic with its cause, as in the tests themselves.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::cell::Cell;

use futures::StreamExt;
use nipworker_core::protocol::{Event, EventBuilder, Filter, Keys, Kind, Tag, Timestamp};
use nipworker_core::storage::{
    EventStore, HotLayerConfig, MemoryStore, SqliteConfig, SqliteStore, StoreConfig,
};

thread_local! {
    static CLOCK: Cell<u64> = const { Cell::new(1_000_000) };
}

/// The test clock (per thread: `#[tokio::test]` runs each test on its own thread).
pub fn clock() -> Timestamp {
    CLOCK.with(|c| Timestamp(c.get()))
}

/// Moves the test clock.
pub fn set_clock(t: u64) {
    CLOCK.with(|c| c.set(t));
}

/// Which store a test runs against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// SQLite with its default hot layer (which holds every event of a test).
    Sqlite,
    /// SQLite alone: every query runs SQL.
    SqliteNoHot,
    /// SQLite with a hot layer of 3 events: queries are answered by the layer only when it can
    /// prove completeness, and fall through to SQL otherwise.
    SqliteTinyHot,
    Memory,
}

/// Every store configuration the shared suite runs against.
pub const STORES: [Which; 4] = [
    Which::Sqlite,
    Which::SqliteNoHot,
    Which::SqliteTinyHot,
    Which::Memory,
];

/// A store and the temp dir that holds its file (kept alive with it).
pub struct Opened {
    pub store: Box<dyn EventStore>,
    pub dir: Option<tempfile::TempDir>,
}

/// Opens a fresh store; the config's clock is replaced by [`clock`].
pub async fn open(which: Which, mut config: StoreConfig) -> Opened {
    config.clock = clock;
    match which {
        Which::Memory => Opened {
            store: Box::new(MemoryStore::new(config)),
            dir: None,
        },
        Which::Sqlite | Which::SqliteNoHot | Which::SqliteTinyHot => {
            let dir = tempfile::tempdir().unwrap();
            let mut c = SqliteConfig::new(dir.path().join("events.db"));
            c.store = config;
            c.hot = match which {
                Which::SqliteNoHot => HotLayerConfig::OFF,
                Which::SqliteTinyHot => HotLayerConfig {
                    max_events: 3,
                    max_bytes: u64::MAX,
                },
                _ => HotLayerConfig::default(),
            };
            Opened {
                store: Box::new(SqliteStore::open(c).await.unwrap()),
                dir: Some(dir),
            }
        }
    }
}

/// Deterministic keys `n` (1..=255).
pub fn keys(n: u8) -> Keys {
    Keys::from_secret_bytes(&[n; 32]).unwrap()
}

/// A signed event.
pub fn ev(keys: &Keys, kind: u16, at: u64, tags: Vec<Tag>, content: &str) -> Event {
    EventBuilder::new(Kind(kind), content)
        .tags(tags)
        .created_at(Timestamp(at))
        .sign(keys)
}

/// Runs a query and collects it.
pub async fn collect(store: &dyn EventStore, filters: &[Filter]) -> Vec<Event> {
    let stream = store.query(filters).await.unwrap();
    stream.map(|r| r.unwrap()).collect().await
}

/// Every stored (unexpired) event, in NIP-01 order.
pub async fn all(store: &dyn EventStore) -> Vec<Event> {
    collect(store, &[Filter::new()]).await
}

/// NIP-01 order key.
pub fn order_key(e: &Event) -> (std::cmp::Reverse<Timestamp>, [u8; 32]) {
    (std::cmp::Reverse(e.created_at), e.id.0)
}

/// Reads a corpus file from the repo's testdata: one event or relay message per line.
pub fn corpus(name: &str) -> Vec<Event> {
    let path = format!(
        "{}/../../testdata/corpus/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            let obj = match &v {
                serde_json::Value::Array(items) => items.last().unwrap().clone(),
                _ => v.clone(),
            };
            let e: Event = serde_json::from_value(obj).unwrap();
            e.verify().unwrap();
            e
        })
        .collect()
}
