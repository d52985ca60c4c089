//! `NostrClient` under faults, against real relays on 127.0.0.1 (nostr-relay-builder and the
//! scriptable relay), a real SQLite file and a real NIP-46 bunker (nostr-connect): a relay killed
//! and restarted mid-stream, a relay answering CLOSED, the signer switched while publishes are in
//! flight, close() with saves in flight, and a publish signed remotely.
#![cfg(all(
    feature = "tokio-runtime",
    feature = "sqlite",
    not(target_arch = "wasm32")
))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod client_support;
mod relay_support;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use client_support::{
    LIMIT, client_db, fast_backoff, nc_to_ours, next_item, nostr_client, start_bunker_uri,
};
use futures::{Stream, StreamExt};
use nipworker_core::client::{
    CacheMode, ClientConfig, ClientError, Preset, RelayStatus, SignerSpec, SubscribeOptions,
    Subscription, SubscriptionItem,
};
use nipworker_core::protocol::flatbuffers::fb;
use nipworker_core::signer::nip46::Nip46Error;
use nipworker_core::{Event, EventBuilder, EventId, Filter, Keys, Kind, NostrClient, Timestamp};
use relay_support::TestRelay;
use relay_support::scripted::{Script, ScriptedRelay};
use tokio::time::timeout;

/// Relay URLs as the client reports them may carry a trailing slash.
fn same_relay(a: &str, b: &str) -> bool {
    a.trim_end_matches('/') == b.trim_end_matches('/')
}

/// Options reading only `relays`, without the cache.
fn from_relays(relays: &[String]) -> SubscribeOptions {
    SubscribeOptions {
        relays: Some(relays.to_vec()),
        cache: CacheMode::NoCache,
        ..SubscribeOptions::default()
    }
}

/// Reads until every id of `want` was delivered, counting every delivered event in `seen`.
async fn read_until(sub: &mut Subscription, seen: &mut HashMap<EventId, u32>, want: &[EventId]) {
    for _ in 0..10_000 {
        if want.iter().all(|id| seen.contains_key(id)) {
            return;
        }
        if let SubscriptionItem::Event(e) = next_item(sub).await {
            *seen.entry(e.id()).or_default() += 1;
        }
    }
    panic!("not all of {want:?} arrived");
}

/// Reads until every relay sent its end of stored events.
async fn read_until_all_eose(sub: &mut Subscription) {
    for _ in 0..10_000 {
        if let SubscriptionItem::EndOfStoredEvents {
            relay: Some(_),
            pending_relays: 0,
            ..
        } = next_item(sub).await
        {
            return;
        }
    }
    panic!("no end of stored events");
}

/// Waits (bounded) for a status of `url` that `pred` accepts.
async fn wait_status(
    statuses: &mut (impl Stream<Item = RelayStatus> + Unpin),
    url: &str,
    pred: impl Fn(fb::RelayState) -> bool,
) {
    let deadline = tokio::time::Instant::now() + LIMIT;
    for _ in 0..10_000 {
        let status = timeout(deadline - tokio::time::Instant::now(), statuses.next())
            .await
            .unwrap_or_else(|_| panic!("no wanted state for {url} in time"))
            .expect("the status stream ended");
        if same_relay(&status.url, url) && pred(status.state) {
            return;
        }
    }
    panic!("no wanted state for {url}");
}

fn note(keys: &Keys, text: &str) -> Event {
    EventBuilder::new(Kind::TEXT_NOTE, text).sign(keys)
}

/// Publishes a signed event to `relays`; each must accept it.
async fn publish_accepted(c: &NostrClient, event: &Event, relays: &[String]) {
    let outcome = c
        .publish_to(event.clone(), Some(relays.to_vec()))
        .await
        .unwrap();
    assert_eq!(outcome.relays.len(), relays.len(), "{outcome:?}");
    assert!(
        outcome
            .relays
            .iter()
            .all(|r| r.status == fb::RelayOkStatus::Accepted),
        "{outcome:?}"
    );
}

/// Scenario 1: one of two relays is shut down mid-stream and restarted on the same port. The
/// subscription keeps receiving from the other relay meanwhile, gets what the restarted relay
/// stored while it was away, stays live on both, and delivers every event once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn relay_restarted_mid_stream_keeps_the_subscription_live_each_event_once() {
    let mut flaky = TestRelay::start().await;
    let steady = TestRelay::start().await;
    let (flaky_url, steady_url) = (flaky.url(), steady.url());
    let both = vec![flaky_url.clone(), steady_url.clone()];
    let alice = Keys::generate();
    let before = note(&alice, "stored before");
    assert!(flaky.store(&before).await);
    assert!(steady.store(&before).await);

    let dir = tempfile::tempdir().unwrap();
    let c = nostr_client(&dir, &both).await;
    let mut statuses = Box::pin(c.relay_status().unwrap());
    let mut sub = c
        .subscribe(
            vec![
                Filter::new()
                    .author(alice.public_key())
                    .kind(Kind::TEXT_NOTE),
            ],
            from_relays(&both),
        )
        .await
        .unwrap();
    let mut seen = HashMap::new();
    read_until(&mut sub, &mut seen, &[before.id]).await;
    read_until_all_eose(&mut sub).await;

    let live = note(&alice, "live on both");
    publish_accepted(&c, &live, &both).await;
    read_until(&mut sub, &mut seen, &[live.id]).await;

    flaky.stop();
    wait_status(&mut statuses, &flaky_url, |s| {
        s != fb::RelayState::Connected
    })
    .await;
    // The other relay keeps serving while the first is away.
    let during = note(&alice, "on the steady relay during the outage");
    publish_accepted(&c, &during, std::slice::from_ref(&steady_url)).await;
    read_until(&mut sub, &mut seen, &[during.id]).await;
    // Another client's event lands on the flaky relay while we are away.
    let missed = note(&alice, "stored while away");
    assert!(flaky.store(&missed).await);

    flaky.restart().await;
    wait_status(&mut statuses, &flaky_url, |s| {
        s == fb::RelayState::Connected
    })
    .await;
    read_until(&mut sub, &mut seen, &[missed.id]).await;
    let after = note(&alice, "live on both after the restart");
    publish_accepted(&c, &after, &both).await;
    read_until(&mut sub, &mut seen, &[after.id]).await;

    // Markers, one relay at a time: each relay's stream is ordered, so once its marker is in,
    // every copy it sent before (a resent duplicate included) went through dedup.
    let marker_flaky = note(&alice, "marker via the flaky relay");
    publish_accepted(&c, &marker_flaky, std::slice::from_ref(&flaky_url)).await;
    read_until(&mut sub, &mut seen, &[marker_flaky.id]).await;
    let marker_steady = note(&alice, "marker via the steady relay");
    publish_accepted(&c, &marker_steady, std::slice::from_ref(&steady_url)).await;
    read_until(&mut sub, &mut seen, &[marker_steady.id]).await;

    let want: HashSet<EventId> = [
        before.id,
        live.id,
        during.id,
        missed.id,
        after.id,
        marker_flaky.id,
        marker_steady.id,
    ]
    .into();
    assert_eq!(seen.keys().copied().collect::<HashSet<_>>(), want);
    assert!(seen.values().all(|n| *n == 1), "each event once: {seen:?}");
    drop(sub);
    drop(statuses);
    c.close().await.unwrap();
}

/// Scenario 2: a relay answers CLOSED while a healthy one serves the subscription: the CLOSED is
/// reported with the relay's reason and cause `Relay`, and the healthy relay's stored events,
/// its end of stored events and its live events still come.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_relay_answering_closed_does_not_stop_the_healthy_one() {
    let shutting = ScriptedRelay::start_with(Script {
        closed_on_req: Some("error: shutting down".into()),
        ..Script::default()
    })
    .await;
    let healthy = ScriptedRelay::start().await;
    let alice = Keys::generate();
    let base = Timestamp::now().0 - 1_000;
    let stored: HashSet<EventId> = (0..50u64)
        .map(|i| {
            let e = EventBuilder::new(Kind::TEXT_NOTE, format!("n{i}"))
                .created_at(Timestamp(base + i))
                .sign(&alice);
            healthy.store(&e);
            shutting.store(&e);
            e.id
        })
        .collect();
    let urls = vec![shutting.url(), healthy.url()];
    let dir = tempfile::tempdir().unwrap();
    let c = nostr_client(&dir, &urls).await;
    let mut sub = c
        .subscribe(
            vec![Filter::new().author(alice.public_key())],
            from_relays(&urls),
        )
        .await
        .unwrap();

    let mut seen: HashMap<EventId, u32> = HashMap::new();
    let mut closed = Vec::new();
    let mut healthy_eose = None;
    let mut all_done = false;
    for _ in 0..1_000 {
        if !closed.is_empty() && all_done && seen.len() == stored.len() {
            break;
        }
        match next_item(&mut sub).await {
            SubscriptionItem::Event(e) => {
                assert!(same_relay(e.relay().unwrap(), &healthy.url()));
                *seen.entry(e.id()).or_default() += 1;
            }
            SubscriptionItem::Closed {
                relay,
                reason,
                cause,
            } => closed.push((relay, reason, cause)),
            SubscriptionItem::EndOfStoredEvents {
                relay: Some(relay),
                pending_relays,
                timed_out,
            } => {
                assert!(same_relay(&relay, &healthy.url()), "EOSE from {relay}");
                assert!(!timed_out);
                healthy_eose = Some(pending_relays);
                all_done |= pending_relays == 0;
            }
            SubscriptionItem::EndOfStoredEvents { relay: None, .. } => {}
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(closed.len(), 1, "{closed:?}");
    let (relay, reason, cause) = &closed[0];
    assert!(same_relay(relay, &shutting.url()), "{relay}");
    assert_eq!(reason.as_deref(), Some("error: shutting down"));
    assert_eq!(*cause, fb::ClosedCause::Relay);
    assert!(healthy_eose.is_some(), "the healthy relay's EOSE came");
    assert!(
        all_done,
        "the closed relay counts as done: EOSE pending {healthy_eose:?}"
    );
    assert_eq!(seen.keys().copied().collect::<HashSet<_>>(), stored);
    assert!(seen.values().all(|n| *n == 1));

    // Still live on the healthy relay.
    assert!(
        healthy
            .wait_until(LIMIT, |r| r.open_subscriptions() == 1)
            .await
    );
    let live = note(&alice, "live");
    healthy.push(&live);
    read_until(&mut sub, &mut seen, &[live.id]).await;
    assert_eq!(seen[&live.id], 1);
    drop(sub);
    c.close().await.unwrap();
}

/// Scenario 3: the signer is switched from A to B while 20 tasks publish 5 unsigned events each
/// (alternately naming A and B as author). Each publish either succeeds signed by the key it names
/// (a key that was set; read back from the relay and the cache) or fails with a typed error; none
/// hangs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signer_switched_while_publishes_are_in_flight() {
    const TASKS: u64 = 20;
    const EACH: u64 = 5;
    let relay = ScriptedRelay::start().await;
    let dir = tempfile::tempdir().unwrap();
    let c = Arc::new(nostr_client(&dir, &[relay.url()]).await);
    let (a, b) = (Keys::generate(), Keys::generate());
    let secret = |k: &Keys| SignerSpec::private_key(hex::encode(*k.secret_bytes()));
    assert_eq!(c.set_signer(secret(&a)).await.unwrap(), a.public_key());
    // One publish before the storm: the signer works.
    let first = c
        .publish(EventBuilder::new(Kind::TEXT_NOTE, "first").build(a.public_key()))
        .await
        .unwrap();

    let done = Arc::new(AtomicUsize::new(0));
    let tasks: Vec<_> = (0..TASKS)
        .map(|t| {
            let (c, done) = (c.clone(), done.clone());
            let (a, b) = (a.public_key(), b.public_key());
            tokio::spawn(async move {
                let mut results = Vec::new();
                for i in 0..EACH {
                    let author = if (t + i) % 2 == 0 { a } else { b };
                    let unsigned =
                        EventBuilder::new(Kind::TEXT_NOTE, format!("storm {t}.{i}")).build(author);
                    let result = timeout(LIMIT, c.publish(unsigned.clone()))
                        .await
                        .expect("a publish hung");
                    done.fetch_add(1, Ordering::SeqCst);
                    results.push((unsigned, result));
                }
                results
            })
        })
        .collect();
    // Switch once some are through (bounded wait; the switch is what matters, not the moment).
    for _ in 0..2_000 {
        if done.load(Ordering::SeqCst) >= (TASKS * EACH / 4) as usize {
            break;
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    assert_eq!(c.set_signer(secret(&b)).await.unwrap(), b.public_key());

    let mut published = vec![(first.event_id, a.public_key())];
    let mut failed = 0;
    for task in tasks {
        for (unsigned, result) in timeout(LIMIT, task).await.unwrap().unwrap() {
            match result {
                Ok(outcome) => {
                    assert_eq!(outcome.event_id, unsigned.id());
                    assert_eq!(outcome.relays.len(), 1);
                    assert_eq!(outcome.relays[0].status, fb::RelayOkStatus::Accepted);
                    published.push((outcome.event_id, unsigned.pubkey));
                }
                // A signer without the named key refuses (typed, from the crypto worker).
                Err(ClientError::Worker(_) | ClientError::NoSigner) => failed += 1,
                Err(other) => panic!("untyped failure: {other:?}"),
            }
        }
    }
    let by_b = published
        .iter()
        .filter(|(_, k)| *k == b.public_key())
        .count();
    eprintln!(
        "signer switch: {} signed by A, {by_b} by B, {failed} refused",
        published.len() - 1 - by_b
    );
    // After the switch, B signs.
    let last = c
        .publish(EventBuilder::new(Kind::TEXT_NOTE, "last").build(b.public_key()))
        .await
        .unwrap();
    published.push((last.event_id, b.public_key()));
    assert_eq!(published.len() + failed, (TASKS * EACH) as usize + 2);

    // Read back: from the relay (what was sent) and from the cache (what was stored).
    let on_relay: HashMap<EventId, Event> = relay
        .stored()
        .iter()
        .map(|json| Event::from_json(json).unwrap())
        .map(|e| (e.id, e))
        .collect();
    let ids: Vec<EventId> = published.iter().map(|(id, _)| *id).collect();
    let cached: HashMap<EventId, Event> = c
        .query(
            vec![Filter::new().ids(ids.clone())],
            SubscribeOptions {
                cache: CacheMode::CacheOnly,
                preset: Preset::Raw,
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap()
        .map(|v| (v.id(), v.into_event()))
        .collect()
        .await;
    let set_keys = [a.public_key(), b.public_key()];
    for (id, author) in &published {
        for (place, events) in [("relay", &on_relay), ("cache", &cached)] {
            let event = events
                .get(id)
                .unwrap_or_else(|| panic!("{id} not on the {place}"));
            event.verify().unwrap();
            assert_eq!(event.pubkey, *author, "{place}");
            assert!(
                set_keys.contains(&event.pubkey),
                "signed by a key never set"
            );
        }
    }
    // Nothing else was signed and sent.
    assert_eq!(on_relay.len(), published.len());
    assert!(on_relay.values().all(|e| set_keys.contains(&e.pubkey)));
    let c = Arc::try_unwrap(c).unwrap();
    c.close().await.unwrap();
}

const MANY: u64 = 2_000;

/// Subscribes to `MANY` events from one relay, closes the client after `close_after` delivered
/// events (`None`: after the end of stored events), then checks on a new client over the same
/// SQLite file that every delivered event was stored.
async fn close_loses_no_delivered_event(close_after: Option<usize>) {
    let relay = ScriptedRelay::start().await;
    let alice = Keys::generate();
    let base = Timestamp::now().0 - 10_000;
    for i in 0..MANY {
        relay.store(
            &EventBuilder::new(Kind::TEXT_NOTE, format!("bulk {i}"))
                .created_at(Timestamp(base + i))
                .sign(&alice),
        );
    }
    let urls = vec![relay.url()];
    let dir = tempfile::tempdir().unwrap();
    let c = nostr_client(&dir, &urls).await;
    let filter = Filter::new().author(alice.public_key());
    let mut sub = c
        .subscribe(
            vec![filter.clone()],
            SubscribeOptions {
                buffer: 2 * MANY as usize,
                ..from_relays(&urls)
            },
        )
        .await
        .unwrap();
    let mut delivered = HashSet::new();
    let mut eose = false;
    for _ in 0..2 * MANY {
        match next_item(&mut sub).await {
            SubscriptionItem::Event(e) => {
                delivered.insert(e.id());
                if close_after.is_some_and(|n| delivered.len() >= n) {
                    break;
                }
            }
            SubscriptionItem::EndOfStoredEvents { relay: Some(_), .. } => {
                eose = true;
                break;
            }
            SubscriptionItem::EndOfStoredEvents { relay: None, .. } => {}
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(eose || close_after.is_some());
    timeout(LIMIT, c.close()).await.unwrap().unwrap();
    // What the subscriber still had queued was delivered too.
    let rest: Vec<_> = timeout(LIMIT, sub.collect::<Vec<_>>()).await.unwrap();
    for item in rest {
        if let SubscriptionItem::Event(e) = item {
            delivered.insert(e.id());
        }
    }
    if close_after.is_none() {
        assert_eq!(delivered.len(), MANY as usize);
    }

    // A new client on the same file, reading only the cache.
    let config = ClientConfig::builder()
        .sqlite(client_db(&dir))
        .backoff(fast_backoff())
        .build();
    let reopened = NostrClient::new(config).await.unwrap();
    let stored: HashSet<EventId> = reopened
        .query(
            vec![filter],
            SubscribeOptions {
                cache: CacheMode::CacheOnly,
                preset: Preset::Raw,
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap()
        .map(|v| v.id())
        .collect()
        .await;
    let lost: Vec<_> = delivered.difference(&stored).collect();
    assert!(
        lost.is_empty(),
        "{} of {} delivered events were not stored (close_after {close_after:?})",
        lost.len(),
        delivered.len()
    );
    reopened.close().await.unwrap();
}

/// Scenario 4a: close() right after the end of stored events of 2,000 events.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_right_after_eose_loses_no_delivered_event() {
    close_loses_no_delivered_event(None).await;
}

/// Scenario 4b: close() in the middle of the stored events.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_mid_stream_loses_no_delivered_event() {
    close_loses_no_delivered_event(Some(300)).await;
}

/// Scenario 5: a NIP-46 bunker as the client's signer: the event is signed remotely, published,
/// and comes back from the cache and from the relay.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publish_signed_by_a_nip46_bunker_round_trip() {
    let bunker_relay = TestRelay::start().await;
    let notes = TestRelay::start().await;
    let (uri, user, task) = start_bunker_uri(&bunker_relay.url());
    let user = nc_to_ours(&user.public_key());
    let dir = tempfile::tempdir().unwrap();
    let c = nostr_client(&dir, &[notes.url()]).await;

    // Kind 24133 is ephemeral: a connect sent before the bunker listens is lost, so retry.
    let mut connected = Err(ClientError::Nip46(Nip46Error::Timeout));
    for _ in 0..5 {
        connected = c
            .set_signer(SignerSpec::Bunker {
                uri: uri.clone().into(),
                timeout: Duration::from_secs(3),
            })
            .await;
        if !matches!(connected, Err(ClientError::Nip46(Nip46Error::Timeout))) {
            break;
        }
    }
    assert_eq!(connected.unwrap(), user);
    assert_eq!(c.public_key().await.unwrap(), Some(user));

    let unsigned = EventBuilder::new(Kind::TEXT_NOTE, "signed by the bunker").build(user);
    let outcome = timeout(LIMIT, c.publish(unsigned.clone()))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(outcome.event_id, unsigned.id());
    assert_eq!(outcome.relays.len(), 1, "{outcome:?}");
    assert!(same_relay(&outcome.relays[0].relay, &notes.url()));
    assert_eq!(outcome.relays[0].status, fb::RelayOkStatus::Accepted);

    let by_id = vec![Filter::new().id(outcome.event_id)];
    let cached: Vec<_> = c
        .query(
            by_id.clone(),
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
    assert_eq!(cached[0].author(), user);
    assert_eq!(cached[0].content(), "signed by the bunker");
    cached[0].event().verify().unwrap();

    let on_relay: Vec<_> = c
        .query(by_id, from_relays(&[notes.url()]))
        .await
        .unwrap()
        .collect()
        .await;
    assert_eq!(on_relay.len(), 1);
    assert!(!on_relay[0].from_cache());
    assert_eq!(on_relay[0].id(), outcome.event_id);
    assert_eq!(on_relay[0].author(), user);
    c.close().await.unwrap();
    task.abort();
}
