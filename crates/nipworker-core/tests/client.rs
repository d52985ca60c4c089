//! `NostrClient`, the front door, against real relays on 127.0.0.1 (nostr-relay-builder, an
//! independent implementation, and the scriptable relay) and a real SQLite file.
#![cfg(all(
    feature = "tokio-runtime",
    feature = "sqlite",
    not(target_arch = "wasm32")
))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod client_support;
mod relay_support;

use std::collections::HashMap;
use std::time::Duration;

use client_support::{LIMIT, fast_backoff, next_item as next, nostr_client as client};
use futures::StreamExt;
use nipworker_core::client::{
    CacheMode, ClientConfig, ClientError, Preset, SignerSpec, SubscribeOptions, SubscriptionItem,
};
use nipworker_core::ipc::IpcConfig;
use nipworker_core::protocol::flatbuffers::fb;
use nipworker_core::{EventBuilder, EventId, Filter, Keys, Kind, NostrClient, Timestamp};
use relay_support::TestRelay;
use relay_support::scripted::ScriptedRelay;
use tokio::time::timeout;

#[tokio::test]
async fn every_setting_is_checked_at_new() {
    let bad_url = ClientConfig::builder()
        .read_relay("wss://ok.example")
        .write_relay("http://not-a-relay")
        .memory_store()
        .build();
    match NostrClient::new(bad_url).await {
        Err(ClientError::InvalidRelayUrl { setting, url, .. }) => {
            assert_eq!(
                (setting, url.as_str()),
                ("write_relays", "http://not-a-relay")
            );
        }
        other => panic!("{other:?}"),
    }
    let zero_channel = ClientConfig::builder()
        .channels(IpcConfig {
            relay_stream: 0,
            ..IpcConfig::default()
        })
        .memory_store()
        .build();
    let error = NostrClient::new(zero_channel).await.unwrap_err();
    assert!(matches!(error, ClientError::Workers(_)), "{error:?}");
    assert!(error.to_string().contains("relay_stream"), "{error}");
    let no_wait = ClientConfig::builder()
        .eose_timeout(Duration::ZERO)
        .memory_store()
        .build();
    assert!(matches!(
        NostrClient::new(no_wait).await,
        Err(ClientError::OutOfRange {
            setting: "eose_timeout",
            ..
        })
    ));
    let bad_connections = ClientConfig::builder()
        .max_connections(0)
        .memory_store()
        .build();
    let error = NostrClient::new(bad_connections).await.unwrap_err();
    assert!(error.to_string().contains("max_connections"), "{error}");
}

/// The product's success metric: 5 relays, one subscription, 1000 distinct signed events each on
/// at least two relays: each delivered once, verified and parsed, then the end of stored events,
/// then live events keep coming.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_relays_a_thousand_events_each_delivered_once_then_live() {
    let relays = [
        TestRelay::start().await,
        TestRelay::start().await,
        TestRelay::start().await,
        TestRelay::start().await,
        TestRelay::start().await,
    ];
    let authors: Vec<Keys> = (0..10).map(|_| Keys::generate()).collect();
    let base = Timestamp::now().0 - 5_000;
    let mut want = Vec::new();
    for i in 0..1000u64 {
        let event = EventBuilder::new(Kind::TEXT_NOTE, format!("note {i} #nostr"))
            .created_at(Timestamp(base + i))
            .sign(&authors[(i % 10) as usize]);
        for r in [i % 5, (i + 1) % 5] {
            assert!(relays[r as usize].store(&event).await);
        }
        want.push(event.id);
    }
    let urls: Vec<String> = relays.iter().map(TestRelay::url).collect();
    let dir = tempfile::tempdir().unwrap();
    let c = client(&dir, &urls).await;
    let filter = Filter::new().authors(authors.iter().map(|k| k.public_key()));
    let mut sub = c
        .subscribe(vec![filter], SubscribeOptions::default())
        .await
        .unwrap();

    let mut seen: HashMap<EventId, u32> = HashMap::new();
    let mut relay_ends = 0;
    let mut done = false;
    for _ in 0..5_000 {
        match next(&mut sub).await {
            SubscriptionItem::Event(e) => {
                assert!(
                    matches!(e.parsed(), Some(fb::parsed::ParsedBody::Note(_))),
                    "parsed as a note"
                );
                assert!(!e.from_cache());
                *seen.entry(e.id()).or_default() += 1;
            }
            SubscriptionItem::EndOfStoredEvents {
                relay: Some(_),
                pending_relays,
                ..
            } => {
                relay_ends += 1;
                if pending_relays == 0 {
                    done = true;
                    break;
                }
            }
            // The cache's marker comes first and counts the five relays still to come.
            SubscriptionItem::EndOfStoredEvents {
                relay: None,
                pending_relays,
                ..
            } => assert_eq!(pending_relays, 5),
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(done, "the end of stored events came");
    assert_eq!(relay_ends, 5);
    assert_eq!(seen.len(), 1000, "every event delivered");
    assert!(seen.values().all(|n| *n == 1), "none twice");
    let stats = sub.stats();
    assert_eq!(stats.pipeline.verified, 1000, "{stats:?}");

    // Live events keep coming.
    let live = EventBuilder::new(Kind::TEXT_NOTE, "live").sign(&authors[0]);
    let publish = c
        .publish_to(live.clone(), Some(vec![urls[2].clone()]))
        .await
        .unwrap();
    assert_eq!(publish.relays[0].status, fb::RelayOkStatus::Accepted);
    loop {
        if let SubscriptionItem::Event(e) = next(&mut sub).await {
            assert_eq!(e.id(), live.id);
            break;
        }
    }
    drop(sub);
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publish_with_a_private_key_comes_back_live_and_from_the_cache() {
    let relay = ScriptedRelay::start().await;
    let dir = tempfile::tempdir().unwrap();
    let c = client(&dir, &[relay.url()]).await;
    let keys = Keys::generate();

    // No signer: an unsigned event cannot be published.
    let unsigned = EventBuilder::new(Kind::TEXT_NOTE, "hello").build(keys.public_key());
    assert!(matches!(
        c.publish(unsigned.clone()).await,
        Err(ClientError::NoSigner)
    ));
    assert_eq!(c.public_key().await.unwrap(), None);

    let me = c
        .set_signer(SignerSpec::private_key(hex::encode(*keys.secret_bytes())))
        .await
        .unwrap();
    assert_eq!(me, keys.public_key());
    let mut live = c
        .subscribe(
            vec![Filter::new().author(me)],
            SubscribeOptions {
                cache: CacheMode::NoCache,
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    // Subscribed on the relay before publishing.
    loop {
        if let SubscriptionItem::EndOfStoredEvents { relay: Some(_), .. } = next(&mut live).await {
            break;
        }
    }
    let outcome = c.publish(unsigned).await.unwrap();
    assert_eq!(outcome.relays.len(), 1);
    assert_eq!(outcome.relays[0].status, fb::RelayOkStatus::Accepted);
    relay.push_json(relay.stored().last().unwrap().clone());
    loop {
        if let SubscriptionItem::Event(e) = next(&mut live).await {
            assert_eq!(e.id(), outcome.event_id);
            break;
        }
    }
    // Stored on publish: a cache-only query finds it.
    let cached: Vec<_> = c
        .query(
            vec![Filter::new().author(me)],
            SubscribeOptions {
                cache: CacheMode::CacheOnly,
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap()
        .collect()
        .await;
    assert_eq!(cached.len(), 1);
    assert!(cached[0].from_cache());
    assert_eq!(cached[0].id(), outcome.event_id);
    assert_eq!(
        c.count_cached(vec![Filter::new().author(me)])
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        c.count_cached(vec![Filter::new().kind(Kind::REACTION)])
            .await
            .unwrap(),
        0
    );

    // A forged event is refused before it is stored or sent.
    let mut forged = EventBuilder::new(Kind::TEXT_NOTE, "forged").sign(&keys);
    forged.content = "changed".into();
    assert!(matches!(
        c.publish(forged).await,
        Err(ClientError::InvalidEvent(_))
    ));
    c.clear_signer().unwrap();
    assert_eq!(c.public_key().await.unwrap(), None);
    drop(live);
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_identical_subscription_is_served_from_sqlite_and_asks_only_for_newer() {
    let relay = ScriptedRelay::start().await;
    let author = Keys::generate();
    let events: Vec<_> = (0..20)
        .map(|i| {
            EventBuilder::new(Kind::TEXT_NOTE, format!("n{i}"))
                .created_at(Timestamp(Timestamp::now().0 - 100 + i))
                .sign(&author)
        })
        .collect();
    for e in &events {
        relay.store(e);
    }
    let dir = tempfile::tempdir().unwrap();
    let c = client(&dir, &[relay.url()]).await;
    let filter = vec![Filter::new().author(author.public_key())];
    let started = Timestamp::now().0;
    let first = c
        .fetch_events(filter.clone(), Duration::from_secs(5))
        .await
        .unwrap();
    let first_req = relay.reqs().last().unwrap().clone();
    assert!(first_req[2].get("since").is_none(), "{first_req}");
    assert_eq!(first.len(), 20);
    // Saves are written in the background: wait (bounded) until they are in.
    let mut cached = 0;
    for _ in 0..100 {
        cached = c
            .query(
                filter.clone(),
                SubscribeOptions {
                    cache: CacheMode::CacheOnly,
                    preset: Preset::Raw,
                    ..SubscribeOptions::default()
                },
            )
            .await
            .unwrap()
            .count()
            .await;
        if cached == 20 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(cached, 20);
    let mut again = c
        .subscribe(filter, SubscribeOptions::default())
        .await
        .unwrap();
    let mut from_cache = 0;
    loop {
        match next(&mut again).await {
            SubscriptionItem::Event(e) => {
                assert!(
                    e.from_cache(),
                    "relay copies of cached events are duplicates"
                );
                from_cache += 1;
            }
            SubscriptionItem::EndOfStoredEvents {
                relay: Some(_),
                pending_relays: 0,
                ..
            } => break,
            _ => {}
        }
    }
    assert_eq!(from_cache, 20);
    // Only what is newer than the first subscription (minus an overlap) was asked of the relay,
    // so none of the stored events came again.
    let second_req = relay.reqs().last().unwrap().clone();
    let since = second_req[2]["since"]
        .as_u64()
        .expect("since on the second REQ");
    assert!(
        since + 10 >= started && since <= Timestamp::now().0,
        "{second_req}"
    );
    assert_eq!(again.stats().pipeline.duplicates, 0);
    drop(again);
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_ends_open_subscriptions_and_every_worker() {
    let relay = ScriptedRelay::start().await;
    let dir = tempfile::tempdir().unwrap();
    let c = client(&dir, &[relay.url()]).await;
    let mut sub = c
        .subscribe(
            vec![Filter::new().kind(Kind::TEXT_NOTE)],
            SubscribeOptions::default(),
        )
        .await
        .unwrap();
    loop {
        if let SubscriptionItem::EndOfStoredEvents { relay: Some(_), .. } = next(&mut sub).await {
            break;
        }
    }
    assert!(
        c.relays()
            .iter()
            .any(|r| r.state == fb::RelayState::Connected)
    );
    // Open subscriptions do not keep the workers alive: close ends them and waits for the rest.
    c.close().await.unwrap();
    let rest: Vec<_> = timeout(LIMIT, sub.collect::<Vec<_>>()).await.unwrap();
    assert!(
        rest.iter()
            .all(|i| !matches!(i, SubscriptionItem::Event(_))),
        "{rest:?}"
    );
    assert!(
        relay.wait_until(LIMIT, |r| r.open_connections() == 0).await,
        "the socket is closed"
    );
}

/// Tasks alive on this runtime, once they settle to `want` (bounded wait); the last count seen.
async fn settle_tasks(want: usize) -> usize {
    let metrics = tokio::runtime::Handle::current().metrics();
    let mut alive = metrics.num_alive_tasks();
    for _ in 0..200 {
        if alive <= want {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
        alive = metrics.num_alive_tasks();
    }
    alive
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn neither_close_nor_drop_leaks_a_task() {
    let relay = ScriptedRelay::start().await;
    let dir = tempfile::tempdir().unwrap();
    // The relay's own tasks are part of the baseline.
    let baseline = settle_tasks(0).await;
    for close in [true, false] {
        let c = client(&dir, &[relay.url()]).await;
        let mut sub = c
            .subscribe(
                vec![Filter::new().kind(Kind::TEXT_NOTE)],
                SubscribeOptions::default(),
            )
            .await
            .unwrap();
        loop {
            if let SubscriptionItem::EndOfStoredEvents { relay: Some(_), .. } = next(&mut sub).await
            {
                break;
            }
        }
        let _status = c.relay_status().unwrap();
        assert!(
            tokio::runtime::Handle::current()
                .metrics()
                .num_alive_tasks()
                > baseline
        );
        if close {
            c.close().await.unwrap();
        } else {
            drop(c);
        }
        drop(sub);
        drop(_status);
        // The relay's connection task ends with the socket, so the count returns to the baseline.
        assert_eq!(settle_tasks(baseline).await, baseline, "close: {close}");
    }
}

fn relay_list(keys: &Keys, write: &[&str], read: &[&str]) -> nipworker_core::Event {
    let mut builder = EventBuilder::new(Kind(10002), "");
    for url in write {
        builder = builder.tag(nipworker_core::Tag::new(["r", *url, "write"]));
    }
    for url in read {
        builder = builder.tag(nipworker_core::Tag::new(["r", *url, "read"]));
    }
    builder.sign(keys)
}

/// REQs a relay received so far.
fn req_count(relay: &ScriptedRelay) -> usize {
    relay.reqs().len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn outbox_reads_from_write_relays_and_publishes_to_the_right_set() {
    let (a, b, c, indexer) = (
        ScriptedRelay::start().await,
        ScriptedRelay::start().await,
        ScriptedRelay::start().await,
        ScriptedRelay::start().await,
    );
    let (x, y, z) = (Keys::generate(), Keys::generate(), Keys::generate());
    // X writes to A; Y writes to B and reads on C; Z writes to B (its list only on the indexer).
    let x_list = relay_list(&x, &[&a.url()], &[]);
    let y_list = relay_list(&y, &[&b.url()], &[&c.url()]);
    let z_list = relay_list(&z, &[&b.url()], &[]);
    indexer.store(&z_list);
    let dir = tempfile::tempdir().unwrap();
    let config = ClientConfig::builder()
        .sqlite(dir.path().join("client.db"))
        .relay(c.url())
        .indexer_relay(indexer.url())
        .backoff(fast_backoff())
        .build();
    let client = NostrClient::new(config).await.unwrap();
    // The lists known locally (stored on publish, sent only to C).
    for list in [&x_list, &y_list] {
        client
            .publish_to(list.clone(), Some(vec![c.url()]))
            .await
            .unwrap();
    }
    let reqs_before = (req_count(&a), req_count(&b), req_count(&c));

    // X's notes: read from A only.
    let notes = Filter::new().kind(Kind::TEXT_NOTE);
    client
        .fetch_events(
            vec![notes.clone().author(x.public_key())],
            Duration::from_secs(3),
        )
        .await
        .unwrap();
    assert_eq!(req_count(&a), reqs_before.0 + 1, "A serves X");
    assert_eq!(req_count(&b), reqs_before.1, "B is not X's");
    assert_eq!(
        req_count(&c),
        reqs_before.2,
        "the default is not asked for X"
    );

    // Z's list is missing: fetched from the indexer, then Z is read from B.
    client
        .fetch_events(
            vec![notes.clone().author(z.public_key())],
            Duration::from_secs(3),
        )
        .await
        .unwrap();
    assert!(
        req_count(&indexer) >= 1,
        "the indexer was asked for Z's list"
    );
    assert_eq!(req_count(&b), reqs_before.1 + 1, "B serves Z");

    // X publishes a note tagging Y: X's write relay (A), Y's read relay (C) and the default (C).
    client
        .set_signer(SignerSpec::private_key(hex::encode(*x.secret_bytes())))
        .await
        .unwrap();
    let note = EventBuilder::new(Kind::TEXT_NOTE, "hi Y")
        .tag(nipworker_core::Tag::new([
            "p",
            y.public_key().to_hex().as_str(),
        ]))
        .build(x.public_key());
    let outcome = client.publish(note).await.unwrap();
    let mut reached: Vec<&str> = outcome.relays.iter().map(|r| r.relay.as_str()).collect();
    reached.sort_unstable();
    let (a_url, c_url) = (a.url(), c.url());
    let mut want = vec![a_url.as_str(), c_url.as_str()];
    want.sort_unstable();
    assert_eq!(reached, want, "{outcome:?}");
    assert!(
        outcome
            .relays
            .iter()
            .all(|r| r.status == fb::RelayOkStatus::Accepted)
    );
    client.close().await.unwrap();
}

/// Approves every request, as a user who trusts the app would.
struct Approve;

impl nostr_connect::prelude::NostrConnectSignerActions for Approve {
    fn approve(
        &self,
        _public_key: &nostr_connect::prelude::PublicKey,
        _req: &nostr_connect::prelude::NostrConnectRequest,
    ) -> bool {
        true
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_nostrconnect_pairing_signs_and_publishes() {
    use nostr_connect::prelude as nc;
    let relay = TestRelay::start().await;
    let dir = tempfile::tempdir().unwrap();
    let c = client(&dir, &[relay.url()]).await;
    // The user's signer scans the URI and answers with its secret. Its answer is an ephemeral
    // event: if it reaches the relay before the client's listening subscription does, it is lost
    // (a person scanning a QR code is never that fast), so the pairing is retried, bounded.
    let user = nc::Keys::generate();
    let mut paired = None;
    for attempt in 0..4u64 {
        let pairing = c
            .nostrconnect(
                vec![relay.url()],
                Some("nipworker test".into()),
                Duration::from_secs(4),
            )
            .unwrap();
        assert!(pairing.uri().starts_with("nostrconnect://"));
        let keys = nc::NostrConnectKeys {
            signer: nc::Keys::generate(),
            user: user.clone(),
        };
        let scanned = nc::NostrConnectURI::parse(pairing.uri()).unwrap();
        let ours = nipworker_core::signer::nip46::NostrConnectUri::parse(pairing.uri()).unwrap();
        let secret = Some(ours.secret.expose().to_owned());
        let signer = nc::NostrConnectRemoteSigner::from_uri(scanned, keys, secret, None).unwrap();
        tokio::time::sleep(Duration::from_millis(100 * (attempt + 1))).await;
        let task = tokio::spawn(async move {
            let _ = signer.serve(Approve).await;
        });
        match timeout(LIMIT, c.finish_nostrconnect(pairing))
            .await
            .unwrap()
        {
            Ok(me) => {
                paired = Some((me, task));
                break;
            }
            Err(ClientError::Nip46(e)) => {
                eprintln!("pairing attempt {attempt}: {e}");
                task.abort();
            }
            Err(other) => panic!("{other:?}"),
        }
    }
    let (me, task) = paired.expect("paired within 4 attempts");
    assert_eq!(me.to_hex(), user.public_key().to_hex());
    let note = EventBuilder::new(Kind::TEXT_NOTE, "signed remotely").build(me);
    let outcome = timeout(LIMIT, c.publish(note)).await.unwrap().unwrap();
    assert_eq!(outcome.relays[0].status, fb::RelayOkStatus::Accepted);
    let cached = c
        .fetch_events(vec![Filter::new().author(me)], Duration::from_secs(3))
        .await
        .unwrap();
    assert_eq!(cached.len(), 1);
    assert_eq!(cached[0].id, outcome.event_id);
    task.abort();
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn count_asks_each_relay_and_says_why_one_has_no_count() {
    // nostr-relay-builder answers NIP-45 COUNT; the scripted relay does not (it answers NOTICE).
    let counting = TestRelay::start().await;
    let silent = ScriptedRelay::start().await;
    let author = Keys::generate();
    for i in 0..7 {
        let e = EventBuilder::new(Kind::TEXT_NOTE, format!("n{i}")).sign(&author);
        assert!(counting.store(&e).await);
    }
    let dir = tempfile::tempdir().unwrap();
    let c = client(&dir, &[counting.url(), silent.url()]).await;
    let counts = c
        .count(
            vec![Filter::new().author(author.public_key())],
            Duration::from_millis(800),
        )
        .await
        .unwrap();
    assert_eq!(counts.len(), 2, "{counts:?}");
    let of = |url: &str| counts.iter().find(|r| r.relay == url).unwrap();
    assert_eq!(of(&counting.url()).count, Ok(7));
    assert!(of(&silent.url()).count.is_err(), "{counts:?}");
    c.close().await.unwrap();
}

/// Without any relay (an offline app, a cache-only configuration) a one-shot read ends with the
/// cache's stored events instead of waiting forever for relays that do not exist.
#[tokio::test]
async fn without_relays_one_shot_reads_end_with_the_cache() {
    let client = NostrClient::new(ClientConfig::builder().memory_store().build())
        .await
        .unwrap();
    let keys = nipworker_core::protocol::Keys::generate();
    let note = nipworker_core::protocol::EventBuilder::new(Kind(1), "offline").sign(&keys);
    // Publishing with no relay is refused, after the event is stored (the user's own events are
    // always in the cache).
    assert!(client.publish(note.clone()).await.is_err());
    let read = tokio::time::timeout(
        Duration::from_secs(20),
        client.fetch_events(vec![Filter::new().kind(Kind(1))], Duration::from_secs(60)),
    )
    .await
    .expect("ends without waiting for relays")
    .unwrap();
    assert_eq!(read, vec![note]);
    client.close().await.unwrap();
}
