//! A stored event that no longer parses (written before a parsing rule tightened: here an empty
//! tag, which NIP-01 forbids and the parser now refuses) is skipped, not a failure of every query
//! that touches it. Real SQLite file; the old row is written with SQL as an old version left it.
#![cfg(all(feature = "sqlite", not(target_arch = "wasm32")))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

use futures::StreamExt;
use nipworker_core::storage::{EventStore, SqliteConfig, SqliteStore};
use nipworker_core::{EventBuilder, Filter, Keys, Kind, Timestamp};

async fn ids_of(store: &SqliteStore, filter: Filter) -> Vec<nipworker_core::EventId> {
    let mut stream = store.query(&[filter]).await.unwrap();
    let mut ids = Vec::new();
    while let Some(event) = stream.next().await {
        ids.push(event.unwrap().id);
    }
    ids
}

#[tokio::test]
async fn an_unreadable_stored_event_is_skipped_by_queries() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    let keys = Keys::generate();
    let events: Vec<_> = (0..3)
        .map(|n| {
            EventBuilder::new(Kind::TEXT_NOTE, format!("note {n}"))
                .created_at(Timestamp(1_000 + n))
                .sign(&keys)
        })
        .collect();
    let store = SqliteStore::open(SqliteConfig::new(&path)).await.unwrap();
    store.save_batch(&events).await.unwrap();
    store.close().await.unwrap();

    // As an older version stored it: the middle event with an empty tag in its JSON.
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    let old_json = events[1].to_json().replace("\"tags\":[]", "\"tags\":[[]]");
    assert_ne!(old_json, events[1].to_json());
    sqlx::query("UPDATE events SET raw_json = ? WHERE id = ?")
        .bind(&old_json)
        .bind(events[1].id.as_bytes().as_slice())
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;

    let store = SqliteStore::open(SqliteConfig::new(&path)).await.unwrap();
    let want = vec![events[2].id, events[0].id];
    // Small limits take the one-statement JSON array path, large ones stream rows.
    assert_eq!(
        ids_of(&store, Filter::new().author(keys.public_key()).limit(10)).await,
        want
    );
    assert_eq!(
        ids_of(&store, Filter::new().author(keys.public_key())).await,
        want
    );
    store.close().await.unwrap();
}
