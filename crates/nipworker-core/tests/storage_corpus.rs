//! Real events captured from public relays (testdata/corpus) stored and queried in both stores.

// Helpers outside #[test] fns panic on failure too, like the tests.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod storage_support;

use std::collections::{BTreeMap, HashMap};

use nipworker_core::protocol::{Event, EventId, Filter, Kind, PublicKey};
use nipworker_core::storage::{RejectReason, SaveStatus, StoreConfig};
use storage_support::{STORES, collect, corpus, open, order_key};

const FILES: [&str; 7] = [
    "profiles.json",
    "random.json",
    "reactions.json",
    "search.json",
    "contacts.json",
    "old-new.json",
    "profile-updates.json",
];

/// What a store must hold after saving `events`: the newest per replaceable (pubkey, kind).
fn expected_survivors(events: &[Event]) -> Vec<Event> {
    let mut regular: BTreeMap<EventId, Event> = BTreeMap::new();
    let mut newest: HashMap<(PublicKey, Kind), Event> = HashMap::new();
    for e in events {
        assert!(
            e.kind.is_regular() || e.kind.is_replaceable(),
            "corpus kinds"
        );
        if e.kind.is_regular() {
            regular.insert(e.id, e.clone());
            continue;
        }
        let slot = newest
            .entry((e.pubkey, e.kind))
            .or_insert_with(|| e.clone());
        if order_key(e) < order_key(slot) {
            *slot = e.clone();
        }
    }
    regular.into_values().chain(newest.into_values()).collect()
}

fn reference(stored: &[Event], f: &Filter) -> Vec<EventId> {
    let mut m: Vec<&Event> = stored.iter().filter(|e| f.matches(e)).collect();
    m.sort_by_key(|e| order_key(e));
    m.truncate(f.limit.unwrap_or(usize::MAX));
    m.iter().map(|e| e.id).collect()
}

#[tokio::test]
async fn corpus_loads_and_queries() {
    let mut events = Vec::new();
    for f in FILES {
        events.extend(corpus(f));
    }
    assert_eq!(corpus("profiles.json").len(), 501);
    let survivors = expected_survivors(&events);
    let jb =
        PublicKey::from_hex("32e1827635450ebb3c5a7d12c1f8e7b2b514439ac10a67eef3d9fd9c5c68e245")
            .unwrap();
    let reacted =
        EventId::from_hex("1a4156303109bb4a660a6a9004b0cdce8d83c3991de7864f1876eb0f622c68e8")
            .unwrap();
    let filters = vec![
        Filter::new().kind(Kind(0)),
        Filter::new().kind(Kind(0)).limit(20),
        Filter::new().kinds([Kind(1), Kind(7)]).limit(100),
        Filter::new().author(jb),
        Filter::new().pubkey(
            PublicKey::from_hex("6cad545430904b84a8101c5783b65043f19ae29d2da1076b8fc3e64892736f03")
                .unwrap(),
        ),
        Filter::new().event(reacted).kind(Kind(7)),
        Filter::new().kind(Kind(3)),
        Filter::new().limit(1000),
    ];
    for which in STORES {
        let s = open(which, StoreConfig::default()).await;
        for chunk in events.chunks(100) {
            s.store.save_batch(chunk).await.unwrap();
        }
        let stats = s.store.stats().await.unwrap();
        assert_eq!(stats.events as usize, survivors.len(), "{which:?}");
        for f in &filters {
            let got: Vec<EventId> = collect(&*s.store, std::slice::from_ref(f))
                .await
                .iter()
                .map(|e| e.id)
                .collect();
            assert_eq!(got, reference(&survivors, f), "{which:?} {}", f.to_json());
            assert!(!got.is_empty(), "{}", f.to_json());
        }
        // The 501 profiles come back byte-identical.
        for e in corpus("profiles.json").iter().take(50) {
            if let Some(back) = s.store.get_by_id(&e.id).await.unwrap() {
                assert_eq!(&back, e);
                assert_eq!(back.verify(), Ok(()));
            }
        }
    }
}

#[tokio::test]
async fn replaceable_corpus_keeps_only_the_newest() {
    for which in STORES {
        for file in ["old-new.json", "profile-updates.json"] {
            let versions = corpus(file);
            let newest = versions
                .iter()
                .min_by_key(|e| order_key(e))
                .unwrap()
                .clone();
            // In order: each newer version replaces the previous one.
            let s = open(which, StoreConfig::default()).await;
            for (i, v) in versions.iter().enumerate() {
                let st = s.store.save_batch(std::slice::from_ref(v)).await.unwrap();
                let want = if i == 0 {
                    SaveStatus::Saved
                } else {
                    SaveStatus::Replaced {
                        old: vec![versions[i - 1].id],
                    }
                };
                assert_eq!(st, vec![want], "{which:?} {file} #{i}");
            }
            let all = collect(&*s.store, &[Filter::new()]).await;
            assert_eq!(all, vec![newest.clone()]);
            // Reversed: the newest first, every older one is superseded.
            let s = open(which, StoreConfig::default()).await;
            let mut reversed = versions.clone();
            reversed.reverse();
            let st = s.store.save_batch(&reversed).await.unwrap();
            assert_eq!(st[0], SaveStatus::Saved);
            for status in &st[1..] {
                assert_eq!(
                    status,
                    &SaveStatus::Rejected {
                        reason: RejectReason::Superseded
                    }
                );
            }
            assert_eq!(collect(&*s.store, &[Filter::new()]).await, vec![newest]);
        }
    }
}
