//! Each Nostr storage rule, checked on both stores (SQLite on a real file, and memory).

// Helpers outside #[test] fns panic on failure too, like the tests.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod storage_support;

use std::collections::BTreeSet;

use nipworker_core::protocol::{Event, EventId, Filter, Kind, Tag, Timestamp};
use nipworker_core::storage::{RejectReason, SaveStatus, StorageError, StoreConfig, StoreLimits};
use storage_support::{STORES, all, collect, ev, keys, open, set_clock};

fn ids(events: &[Event]) -> Vec<EventId> {
    events.iter().map(|e| e.id).collect()
}

#[tokio::test]
async fn dedup_and_batch_statuses() {
    for which in STORES {
        let s = open(which, StoreConfig::default()).await;
        let k = keys(1);
        let a = ev(&k, 1, 10, vec![], "a");
        let b = ev(&k, 1, 11, vec![], "b");
        let st = s
            .store
            .save_batch(&[a.clone(), b.clone(), a.clone()])
            .await
            .unwrap();
        assert_eq!(
            st,
            vec![SaveStatus::Saved, SaveStatus::Saved, SaveStatus::Duplicate],
            "{which:?}"
        );
        let st = s.store.save_batch(std::slice::from_ref(&b)).await.unwrap();
        assert_eq!(st, vec![SaveStatus::Duplicate]);
        assert_eq!(ids(&all(&*s.store).await), vec![b.id, a.id]);
        assert_eq!(s.store.get_by_id(&a.id).await.unwrap(), Some(a.clone()));
        assert_eq!(s.store.stats().await.unwrap().events, 2);
        assert!(s.store.save_batch(&[]).await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn replaceable_keeps_newest_and_lowest_id_on_ties() {
    for which in STORES {
        let s = open(which, StoreConfig::default()).await;
        let k = keys(2);
        let v1 = ev(&k, 0, 100, vec![], "{\"name\":\"v1\"}");
        let v2 = ev(&k, 0, 200, vec![], "{\"name\":\"v2\"}");
        let old = ev(&k, 0, 50, vec![], "{\"name\":\"old\"}");
        assert_eq!(
            s.store.save_batch(std::slice::from_ref(&v1)).await.unwrap(),
            vec![SaveStatus::Saved]
        );
        assert_eq!(
            s.store
                .save_batch(&[v2.clone(), old.clone()])
                .await
                .unwrap(),
            vec![
                SaveStatus::Replaced { old: vec![v1.id] },
                SaveStatus::Rejected {
                    reason: RejectReason::Superseded
                }
            ],
            "{which:?}"
        );
        // Same second: the lowest id wins whichever arrives first.
        let t1 = ev(&k, 3, 300, vec![Tag::new(["p", "aa"])], "x");
        let t2 = ev(&k, 3, 300, vec![Tag::new(["p", "bb"])], "y");
        let (low, high) = if t1.id < t2.id { (t1, t2) } else { (t2, t1) };
        s.store
            .save_batch(std::slice::from_ref(&high))
            .await
            .unwrap();
        assert_eq!(
            s.store
                .save_batch(std::slice::from_ref(&low))
                .await
                .unwrap(),
            vec![SaveStatus::Replaced { old: vec![high.id] }]
        );
        assert_eq!(
            s.store
                .save_batch(std::slice::from_ref(&high))
                .await
                .unwrap(),
            vec![SaveStatus::Rejected {
                reason: RejectReason::Superseded
            }]
        );
        let got = all(&*s.store).await;
        assert_eq!(ids(&got), vec![low.id, v2.id], "{which:?}");
        // The replaced version's tags are gone too.
        let tagged = collect(&*s.store, &[Filter::new().tag('p', ["aa", "bb"])]).await;
        assert_eq!(ids(&tagged), vec![low.id]);
        // Other authors and other replaceable kinds are independent.
        let other = ev(&keys(3), 0, 10, vec![], "{}");
        let list = ev(&k, 10000, 10, vec![], "");
        assert_eq!(
            s.store.save_batch(&[other, list]).await.unwrap(),
            vec![SaveStatus::Saved, SaveStatus::Saved]
        );
    }
}

#[tokio::test]
async fn addressable_keyed_by_d_tag() {
    for which in STORES {
        let s = open(which, StoreConfig::default()).await;
        let k = keys(4);
        let d = |v: &str| Tag::new(["d", v]);
        let a1 = ev(&k, 30023, 10, vec![d("post")], "1");
        let b1 = ev(&k, 30023, 10, vec![d("other")], "2");
        let none = ev(&k, 30023, 10, vec![], "no d");
        let a2 = ev(&k, 30023, 20, vec![d("post")], "3");
        let empty_d = ev(&k, 30023, 30, vec![d("")], "empty d is the same as none");
        let st = s
            .store
            .save_batch(&[
                a1.clone(),
                b1.clone(),
                none.clone(),
                a2.clone(),
                empty_d.clone(),
            ])
            .await
            .unwrap();
        assert_eq!(
            st,
            vec![
                SaveStatus::Saved,
                SaveStatus::Saved,
                SaveStatus::Saved,
                SaveStatus::Replaced { old: vec![a1.id] },
                SaveStatus::Replaced { old: vec![none.id] },
            ],
            "{which:?}"
        );
        let got: BTreeSet<EventId> = ids(&all(&*s.store).await).into_iter().collect();
        assert_eq!(got, [b1.id, a2.id, empty_d.id].into_iter().collect());
        let by_d = collect(&*s.store, &[Filter::new().tag('d', ["post"])]).await;
        assert_eq!(ids(&by_d), vec![a2.id]);
    }
}

#[tokio::test]
async fn ephemeral_never_stored() {
    for which in STORES {
        let s = open(which, StoreConfig::default()).await;
        let e = ev(&keys(5), 20001, 10, vec![], "typing");
        let auth = ev(&keys(5), 22242, 10, vec![], "");
        assert_eq!(
            s.store.save_batch(&[e.clone(), auth]).await.unwrap(),
            vec![
                SaveStatus::Rejected {
                    reason: RejectReason::Ephemeral
                };
                2
            ]
        );
        assert!(all(&*s.store).await.is_empty());
        assert_eq!(s.store.get_by_id(&e.id).await.unwrap(), None);
        assert_eq!(
            s.store
                .count(&[Filter::new().kind(Kind(20001))])
                .await
                .unwrap(),
            0
        );
    }
}

#[tokio::test]
async fn deletion_by_e_tag_author_must_match() {
    for which in STORES {
        let s = open(which, StoreConfig::default()).await;
        let alice = keys(6);
        let mallory = keys(7);
        let note = ev(&alice, 1, 10, vec![], "note");
        let keep = ev(&alice, 1, 11, vec![], "keep");
        s.store
            .save_batch(&[note.clone(), keep.clone()])
            .await
            .unwrap();
        // Someone else's deletion is stored but removes nothing.
        let fake = ev(
            &mallory,
            5,
            20,
            vec![Tag::new(["e", &note.id.to_hex()])],
            "",
        );
        assert_eq!(
            s.store
                .save_batch(std::slice::from_ref(&fake))
                .await
                .unwrap(),
            vec![SaveStatus::Saved]
        );
        assert!(
            s.store.get_by_id(&note.id).await.unwrap().is_some(),
            "{which:?}"
        );
        let real = ev(
            &alice,
            5,
            21,
            vec![
                Tag::new(["e", &note.id.to_hex()]),
                Tag::new(["e", "not hex"]),
            ],
            "",
        );
        assert_eq!(
            s.store
                .save_batch(std::slice::from_ref(&real))
                .await
                .unwrap(),
            vec![SaveStatus::Deleted {
                removed: vec![note.id]
            }]
        );
        assert_eq!(s.store.get_by_id(&note.id).await.unwrap(), None);
        // Coming back later it stays deleted.
        assert_eq!(
            s.store
                .save_batch(std::slice::from_ref(&note))
                .await
                .unwrap(),
            vec![SaveStatus::Deleted { removed: vec![] }]
        );
        // Deleting a deletion has no effect.
        let undo = ev(&alice, 5, 22, vec![Tag::new(["e", &real.id.to_hex()])], "");
        assert_eq!(
            s.store
                .save_batch(std::slice::from_ref(&undo))
                .await
                .unwrap(),
            vec![SaveStatus::Saved]
        );
        let got: BTreeSet<EventId> = ids(&all(&*s.store).await).into_iter().collect();
        assert_eq!(
            got,
            [keep.id, fake.id, real.id, undo.id].into_iter().collect(),
            "{which:?}"
        );
    }
}

#[tokio::test]
async fn deletion_before_its_target() {
    for which in STORES {
        let s = open(which, StoreConfig::default()).await;
        let alice = keys(8);
        let bob = keys(9);
        let note = ev(&alice, 1, 10, vec![], "to be deleted");
        let del = ev(&alice, 5, 20, vec![Tag::new(["e", &note.id.to_hex()])], "");
        // The deletion first; and a different author claiming the same id does not matter.
        let bobs = ev(&bob, 5, 20, vec![Tag::new(["e", &note.id.to_hex()])], "");
        assert_eq!(
            s.store.save_batch(&[del.clone(), bobs]).await.unwrap(),
            vec![SaveStatus::Saved, SaveStatus::Saved]
        );
        assert_eq!(
            s.store
                .save_batch(std::slice::from_ref(&note))
                .await
                .unwrap(),
            vec![SaveStatus::Deleted { removed: vec![] }],
            "{which:?}"
        );
        // Within one batch, in either order.
        let n2 = ev(&alice, 1, 11, vec![], "second");
        let d2 = ev(&alice, 5, 21, vec![Tag::new(["e", &n2.id.to_hex()])], "");
        let n3 = ev(&alice, 1, 12, vec![], "third");
        let d3 = ev(&alice, 5, 22, vec![Tag::new(["e", &n3.id.to_hex()])], "");
        assert_eq!(
            s.store
                .save_batch(&[d2.clone(), n2.clone(), n3.clone(), d3.clone()])
                .await
                .unwrap(),
            vec![
                SaveStatus::Saved,
                SaveStatus::Deleted { removed: vec![] },
                SaveStatus::Saved,
                SaveStatus::Deleted {
                    removed: vec![n3.id]
                },
            ]
        );
        let kinds: Vec<Kind> = all(&*s.store).await.iter().map(|e| e.kind).collect();
        assert!(
            kinds.iter().all(|k| *k == Kind::DELETION),
            "{which:?}: {kinds:?}"
        );
    }
}

#[tokio::test]
async fn deletion_by_a_tag_bounded_by_created_at() {
    for which in STORES {
        let s = open(which, StoreConfig::default()).await;
        let alice = keys(10);
        let mallory = keys(11);
        let d = Tag::new(["d", "article"]);
        let v1 = ev(&alice, 30023, 100, vec![d.clone()], "v1");
        s.store.save_batch(std::slice::from_ref(&v1)).await.unwrap();
        let coord = format!("30023:{}:article", alice.public_key().to_hex());
        // Mallory names Alice's coordinate: ignored.
        let fake = ev(&mallory, 5, 150, vec![Tag::new(["a", coord.as_str()])], "");
        s.store.save_batch(&[fake]).await.unwrap();
        assert!(
            s.store.get_by_id(&v1.id).await.unwrap().is_some(),
            "{which:?}"
        );
        let del = ev(&alice, 5, 150, vec![Tag::new(["a", coord.as_str()])], "");
        assert_eq!(
            s.store.save_batch(&[del]).await.unwrap(),
            vec![SaveStatus::Deleted {
                removed: vec![v1.id]
            }],
            "{which:?}"
        );
        // Versions up to the deletion's time stay deleted; newer ones are accepted.
        let v_old = ev(&alice, 30023, 150, vec![d.clone()], "same second");
        let v_new = ev(&alice, 30023, 151, vec![d.clone()], "after");
        assert_eq!(
            s.store.save_batch(&[v_old, v_new.clone()]).await.unwrap(),
            vec![SaveStatus::Deleted { removed: vec![] }, SaveStatus::Saved]
        );
        // Replaceable kinds use "<kind>:<pubkey>:"; the deletion may arrive first.
        let profile_coord = format!("0:{}:", alice.public_key().to_hex());
        let del_profile = ev(
            &alice,
            5,
            500,
            vec![Tag::new(["a", profile_coord.as_str()])],
            "",
        );
        s.store.save_batch(&[del_profile]).await.unwrap();
        let p_old = ev(&alice, 0, 400, vec![], "{}");
        let p_new = ev(&alice, 0, 600, vec![], "{}");
        assert_eq!(
            s.store.save_batch(&[p_old, p_new.clone()]).await.unwrap(),
            vec![SaveStatus::Deleted { removed: vec![] }, SaveStatus::Saved],
            "{which:?}"
        );
        let live: Vec<EventId> = collect(&*s.store, &[Filter::new().kinds([Kind(0), Kind(30023)])])
            .await
            .iter()
            .map(|e| e.id)
            .collect();
        assert_eq!(live, vec![p_new.id, v_new.id]);
    }
}

#[tokio::test]
async fn expiration_rejects_hides_and_purges() {
    for which in STORES {
        set_clock(1_000);
        let s = open(which, StoreConfig::default()).await;
        let k = keys(12);
        let exp = |t: u64| Tag::new(["expiration", &t.to_string()]);
        let gone = ev(&k, 1, 900, vec![exp(1_000)], "expired at now");
        let soon = ev(&k, 1, 901, vec![exp(1_500)], "expires later");
        let bad = ev(
            &k,
            1,
            902,
            vec![Tag::new(["expiration", "soon"])],
            "unparsable: never",
        );
        let st = s
            .store
            .save_batch(&[gone.clone(), soon.clone(), bad.clone()])
            .await
            .unwrap();
        assert_eq!(
            st,
            vec![
                SaveStatus::Rejected {
                    reason: RejectReason::Expired
                },
                SaveStatus::Saved,
                SaveStatus::Saved
            ],
            "{which:?}"
        );
        assert_eq!(ids(&all(&*s.store).await), vec![bad.id, soon.id]);
        set_clock(1_500);
        assert_eq!(ids(&all(&*s.store).await), vec![bad.id], "{which:?}");
        assert_eq!(s.store.get_by_id(&soon.id).await.unwrap(), None);
        assert_eq!(s.store.count(&[Filter::new()]).await.unwrap(), 1);
        // Still on disk until purged.
        assert_eq!(s.store.stats().await.unwrap().events, 2);
        assert_eq!(s.store.purge_expired().await.unwrap(), 1);
        assert_eq!(s.store.stats().await.unwrap().events, 1);
    }
}

#[tokio::test]
async fn eviction_oldest_first_by_class_never_own_events() {
    for which in STORES {
        let me = keys(13);
        let them = keys(14);
        let config = StoreConfig {
            limits: StoreLimits {
                max_events: Some(6),
                max_bytes: None,
            },
            own_pubkeys: [me.public_key()].into_iter().collect(),
            ..StoreConfig::default()
        };
        let s = open(which, config).await;
        let mine_old = ev(&me, 1, 1, vec![], "my oldest note");
        let relay_list = ev(
            &them,
            10002,
            2,
            vec![Tag::new(["r", "wss://r.example"])],
            "",
        );
        let profile = ev(&them, 0, 3, vec![], "{}");
        let article = ev(&them, 30023, 4, vec![Tag::new(["d", "x"])], "");
        let n5 = ev(&them, 1, 5, vec![], "5");
        let n6 = ev(&them, 1, 6, vec![], "6");
        s.store
            .save_batch(&[
                mine_old.clone(),
                relay_list.clone(),
                profile.clone(),
                article.clone(),
                n5.clone(),
                n6.clone(),
            ])
            .await
            .unwrap();
        assert_eq!(s.store.stats().await.unwrap().events, 6);
        // Each new note of mine pushes out the oldest other regular event, then the addressable
        // one, then the profile, then the relay list; my old note stays.
        let mut expected_gone = vec![n5.id, n6.id, article.id, profile.id, relay_list.id];
        for (i, at) in (10..15u64).enumerate() {
            let n = ev(&me, 1, at, vec![], "new");
            s.store.save_batch(&[n]).await.unwrap();
            let gone = expected_gone[i];
            assert_eq!(
                s.store.get_by_id(&gone).await.unwrap(),
                None,
                "{which:?} step {i}"
            );
            assert_eq!(s.store.stats().await.unwrap().events, 6);
        }
        expected_gone.clear();
        assert!(s.store.get_by_id(&mine_old.id).await.unwrap().is_some());
        // Only my events left beyond the limit: the store keeps them all.
        let mine: Vec<Event> = (20..30u64).map(|t| ev(&me, 1, t, vec![], "mine")).collect();
        s.store.save_batch(&mine).await.unwrap();
        let stats = s.store.stats().await.unwrap();
        assert_eq!(stats.events, 16, "{which:?}");
        let left = all(&*s.store).await;
        assert!(left.iter().all(|e| e.pubkey == me.public_key()));
    }
}

#[tokio::test]
async fn eviction_by_bytes_and_too_large() {
    for which in STORES {
        let k = keys(15);
        let sample = ev(&k, 1, 1, vec![], "0123456789");
        let size = sample.to_json().len() as u64;
        let config = StoreConfig {
            limits: StoreLimits {
                max_events: None,
                max_bytes: Some(size * 3),
            },
            ..StoreConfig::default()
        };
        let s = open(which, config).await;
        let notes: Vec<Event> = (1..=5u64)
            .map(|t| ev(&k, 1, t, vec![], "0123456789"))
            .collect();
        s.store.save_batch(&notes).await.unwrap();
        let stats = s.store.stats().await.unwrap();
        assert_eq!(stats.events, 3, "{which:?}");
        assert!(stats.bytes <= size * 3);
        assert_eq!(
            ids(&all(&*s.store).await),
            vec![notes[4].id, notes[3].id, notes[2].id]
        );
        let huge = ev(&k, 1, 9, vec![], &"x".repeat(size as usize * 4));
        assert_eq!(
            s.store.save_batch(&[huge]).await.unwrap(),
            vec![SaveStatus::Rejected {
                reason: RejectReason::TooLarge
            }]
        );
    }
}

#[tokio::test]
async fn relay_lists_read_write() {
    for which in STORES {
        let s = open(which, StoreConfig::default()).await;
        let k = keys(16);
        let list = ev(
            &k,
            10002,
            10,
            vec![
                Tag::new(["r", "wss://both.example"]),
                Tag::new(["r", "wss://in.example", "read"]),
                Tag::new(["r", "wss://out.example", "write"]),
                Tag::new(["r", "https://not-a-relay.example"]),
                Tag::new(["r", "wss://both.example"]),
            ],
            "",
        );
        let newer = ev(
            &k,
            10002,
            20,
            vec![Tag::new(["r", "wss://new.example"])],
            "",
        );
        s.store.save_batch(&[list]).await.unwrap();
        let got = s.store.relay_list(&k.public_key()).await.unwrap().unwrap();
        assert_eq!(got.read, vec!["wss://both.example", "wss://in.example"]);
        assert_eq!(got.write, vec!["wss://both.example", "wss://out.example"]);
        s.store.save_batch(&[newer]).await.unwrap();
        let got = s.store.relay_list(&k.public_key()).await.unwrap().unwrap();
        assert_eq!(got.read, vec!["wss://new.example"], "{which:?}");
        assert_eq!(got.created_at, Timestamp(20));
        assert_eq!(
            s.store.relay_list(&keys(17).public_key()).await.unwrap(),
            None
        );
        let many = s
            .store
            .relay_lists(&[keys(17).public_key(), k.public_key()])
            .await
            .unwrap();
        assert_eq!(many.len(), 1);
        assert_eq!(many[0].0, k.public_key());
    }
}

#[tokio::test]
async fn search_is_refused_not_widened() {
    for which in STORES {
        let s = open(which, StoreConfig::default()).await;
        s.store
            .save_batch(&[ev(&keys(18), 1, 1, vec![], "fox")])
            .await
            .unwrap();
        let f = [Filter::new().kind(Kind(1)), Filter::new().search("fox")];
        assert!(matches!(
            s.store.query(&f).await,
            Err(StorageError::SearchUnsupported)
        ));
        assert!(matches!(
            s.store.count(&f).await,
            Err(StorageError::SearchUnsupported)
        ));
        assert!(matches!(
            s.store.delete(&f).await,
            Err(StorageError::SearchUnsupported)
        ));
    }
}

#[tokio::test]
async fn delete_by_filter_and_wipe() {
    for which in STORES {
        let s = open(which, StoreConfig::default()).await;
        let k = keys(19);
        let events: Vec<Event> = (1..=10u64)
            .map(|t| ev(&k, if t % 2 == 0 { 7 } else { 1 }, t, vec![], "x"))
            .collect();
        s.store.save_batch(&events).await.unwrap();
        let removed = s
            .store
            .delete(&[Filter::new().kind(Kind(7)).limit(2)])
            .await
            .unwrap();
        assert_eq!(removed, vec![events[9].id, events[7].id], "{which:?}");
        assert_eq!(s.store.stats().await.unwrap().events, 8);
        // No tombstone: a removed event can come back.
        assert_eq!(
            s.store.save_batch(&[events[9].clone()]).await.unwrap(),
            vec![SaveStatus::Saved]
        );
        s.store.wipe().await.unwrap();
        assert!(all(&*s.store).await.is_empty());
        assert_eq!(s.store.stats().await.unwrap().events, 0);
        assert_eq!(
            s.store.save_batch(&events[..1]).await.unwrap(),
            vec![SaveStatus::Saved]
        );
    }
}

#[tokio::test]
async fn many_ids_in_one_filter() {
    // Far more ids than SQLite's bound-parameter limit (32766).
    for which in STORES {
        let s = open(which, StoreConfig::default()).await;
        let k = keys(20);
        let events: Vec<Event> = (1..=50u64).map(|t| ev(&k, 1, t, vec![], "x")).collect();
        s.store.save_batch(&events).await.unwrap();
        let mut wanted: Vec<EventId> = (0..40_000u32)
            .map(|i| {
                let mut b = [0xee; 32];
                b[..4].copy_from_slice(&i.to_be_bytes());
                EventId(b)
            })
            .collect();
        wanted.push(events[3].id);
        wanted.push(events[7].id);
        let got = collect(&*s.store, &[Filter::new().ids(wanted)]).await;
        assert_eq!(ids(&got), vec![events[7].id, events[3].id], "{which:?}");
    }
}
