//! Relays that lie, stall or misbehave (issue "trust nothing a relay says"), against the four real
//! workers: a `ScriptedRelay` produces each misbehaviour on demand on 127.0.0.1, an honest
//! nostr-relay-builder relay or a well-behaved scripted one stands beside it.
#![cfg(all(
    feature = "tokio-runtime",
    feature = "sqlite",
    not(target_arch = "wasm32")
))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod client_support;
mod relay_support;

use std::time::Duration;

use nipworker_core::protocol::flatbuffers::fb;
use nipworker_core::workers::parser::{CacheMode, SubscribeOptions, Subscription};
use nipworker_core::workers::set::WorkerSetConfig;
use nipworker_core::{Event, EventBuilder, Filter, Keys, Kind, Timestamp};
use relay_support::scripted::{Script, ScriptedRelay, event_for_sub};
use tokio::time::timeout;

use client_support::*;

fn note(keys: &Keys, content: &str, at: u64) -> Event {
    EventBuilder::new(Kind::TEXT_NOTE, content)
        .created_at(Timestamp(at))
        .sign(keys)
}

/// Copies of `genuine` a censoring relay sends first: the same id and signature over changed
/// content, and the same id and content under another event's signature.
fn forged_copies(genuine: &Event, other: &Event) -> [Event; 2] {
    let mut changed = genuine.clone();
    changed.content = "censored".into();
    let mut bad_sig = genuine.clone();
    bad_sig.sig = other.sig;
    [changed, bad_sig]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forged_copy_sent_first_never_shadows_the_genuine_event() {
    let alice = Keys::generate();
    let now = Timestamp::now().0;
    let genuine = note(&alice, "the real note", now - 30);
    let other = note(&alice, "another note", now - 20);
    let forged = forged_copies(&genuine, &other);
    // The censor sends both forged copies before anything else, and the genuine event after.
    let censor = ScriptedRelay::start_with(
        Script::new().prefix_frames(forged.iter().map(|e| event_for_sub(&e.to_json()))),
    )
    .await;
    censor.store(&genuine);
    censor.store(&other);
    let honest = ScriptedRelay::start().await;
    honest.store(&genuine);

    let c = client().await;
    let mut sub = c
        .set
        .parser
        .subscribe(
            vec![Filter::new().author(alice.public_key())],
            SubscribeOptions {
                relays: Some(vec![censor.url(), honest.url()]),
                close_on_eose: true,
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    let (events, _) = read_to_end(&mut sub).await;
    let mut ids: Vec<_> = events.iter().map(|d| d.id).collect();
    ids.sort();
    let mut want = vec![genuine.id, other.id];
    want.sort();
    assert_eq!(ids, want, "each genuine event exactly once");
    let stats = sub.stats();
    let conn = c.set.connection_stats.snapshot();
    // The changed copy is caught by the id check in the connections worker; the copy with a
    // bad signature by the verify pipe, or (if the genuine event was verified first) as a
    // conflicting copy. Neither counts as a duplicate.
    assert_eq!(conn.forged_dropped, 1, "{conn:?}");
    let p = &stats.pipeline;
    assert_eq!(p.bad_signatures + p.conflicting_copies, 1, "{stats:?}");
    assert_eq!((p.bad_ids, p.duplicates), (0, 0), "{stats:?}");
    drop(sub);
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_event_dated_ahead_does_not_move_the_resume_point_past_the_local_clock() {
    let alice = Keys::generate();
    let relay = ScriptedRelay::start().await;
    let c = client().await;
    let mut sub = c
        .set
        .parser
        .subscribe(
            vec![Filter::new().author(alice.public_key())],
            SubscribeOptions {
                relays: Some(vec![relay.url()]),
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    wait_relay_eose(&mut sub).await;
    // A validly signed event from 15 minutes in the future, live after EOSE.
    let ahead = note(&alice, "from the future", Timestamp::now().0 + 900);
    relay.push(&ahead);
    assert_eq!(wait_for(&mut sub, ahead.id).await.id, ahead.id);

    // The relay goes away; an event published during the outage is stored there.
    relay.stop();
    let fresh = note(&alice, "published during the outage", Timestamp::now().0);
    relay.store(&fresh);
    relay.restart().await;
    assert!(relay.wait_until(LIMIT, |r| r.reqs().len() >= 2).await);
    let resumed = relay.reqs()[1].clone();
    let since = resumed[2]["since"]
        .as_u64()
        .expect("a resumed REQ has since");
    let now = Timestamp::now().0;
    assert!(since <= now, "since {since} is past the local clock {now}");
    // Served by the resumed REQ (its since is before the event), not pushed.
    assert_eq!(wait_for(&mut sub, fresh.id).await.id, fresh.id);
    drop(sub);
    c.shutdown().await;
}

/// Reads until End, returning every message body (bounded in count and time).
async fn all_messages(sub: &mut Subscription) -> Vec<fb::parsed::SubscriptionBody> {
    let mut out = Vec::new();
    for _ in 0..1_000 {
        let body = next(sub).await;
        let end = matches!(body, fb::parsed::SubscriptionBody::End(_));
        out.push(body);
        if end {
            return out;
        }
    }
    panic!("no End after 1 000 messages");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_query_over_a_stalled_relay_ends_at_the_eose_timeout() {
    let alice = Keys::generate();
    let stored = note(&alice, "stored", Timestamp::now().0 - 10);
    let healthy = ScriptedRelay::start().await;
    healthy.store(&stored);
    // Keeps the socket open and never answers a REQ: half-open as far as we can tell.
    let stalled = ScriptedRelay::start_with(Script::new().stall_req()).await;
    let c = client().await;
    let urls = vec![healthy.url(), stalled.url()];
    let mut sub = c
        .set
        .parser
        .subscribe(
            vec![Filter::new().author(alice.public_key())],
            SubscribeOptions {
                relays: Some(urls.clone()),
                close_on_eose: true,
                eose_timeout: Some(Duration::from_millis(300)),
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    let messages = timeout(LIMIT, all_messages(&mut sub)).await.unwrap();
    let eoses: Vec<&fb::parsed::Eose> = messages
        .iter()
        .filter_map(|m| match m {
            fb::parsed::SubscriptionBody::Eose(e) => Some(&**e),
            _ => None,
        })
        .collect();
    // The cache's own marker first, telling the two relays still to come.
    assert!(eoses[0].from_cache, "{eoses:?}");
    assert_eq!(eoses[0].pending_relays, 2);
    let healthy_eose = eoses
        .iter()
        .find(|e| e.relay.as_deref() == Some(urls[0].as_str()))
        .unwrap();
    assert!(!healthy_eose.timed_out);
    let stalled_eose = eoses
        .iter()
        .find(|e| e.relay.as_deref() == Some(urls[1].as_str()))
        .unwrap();
    assert!(stalled_eose.timed_out, "{stalled_eose:?}");
    assert_eq!(stalled_eose.pending_relays, 0);
    let delivered = messages
        .iter()
        .filter(|m| matches!(m, fb::parsed::SubscriptionBody::ParsedEvent(_)))
        .count();
    assert_eq!(delivered, 1);
    assert_eq!(c.set.connection_stats.snapshot().eose_timeouts, 1);
    // The stalled relay was told to CLOSE the query.
    assert!(
        stalled
            .wait_until(LIMIT, |r| r
                .received_frames()
                .iter()
                .any(|f| f.starts_with("[\"CLOSE\"")))
            .await
    );
    drop(sub);
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_subscription_refused_for_a_hidden_limit_is_queued_then_served() {
    let alice = Keys::generate();
    let stored = note(&alice, "stored", Timestamp::now().0 - 10);
    // One subscription per connection, not announced anywhere.
    let relay = ScriptedRelay::start_with(Script::new().max_subscriptions(1)).await;
    relay.store(&stored);
    let c = client().await;
    let options = || SubscribeOptions {
        relays: Some(vec![relay.url()]),
        cache: CacheMode::NoCache,
        ..SubscribeOptions::default()
    };
    let filter = vec![Filter::new().author(alice.public_key())];
    let mut first = c
        .set
        .parser
        .subscribe(filter.clone(), options())
        .await
        .unwrap();
    wait_relay_eose(&mut first).await;
    let mut second = c.set.parser.subscribe(filter, options()).await.unwrap();
    let queued = loop {
        match next(&mut second).await {
            fb::parsed::SubscriptionBody::Queued(q) => break q,
            fb::parsed::SubscriptionBody::Closed(c) => panic!("refusal was final: {c:?}"),
            _ => {}
        }
    };
    assert_eq!(queued.relay.as_deref(), Some(relay.url().as_str()));
    // The slot frees: the waiting subscription is sent again and served.
    drop(first);
    assert_eq!(wait_for(&mut second, stored.id).await.id, stored.id);
    drop(second);
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auth_required_without_a_signer_says_so() {
    let relay = ScriptedRelay::start_with(Script::new().auth_required()).await;
    let c = client().await;
    let mut sub = c
        .set
        .parser
        .subscribe(
            vec![Filter::new().kind(Kind::TEXT_NOTE)],
            SubscribeOptions {
                relays: Some(vec![relay.url()]),
                cache: CacheMode::NoCache,
                close_on_eose: true,
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    let messages = timeout(LIMIT, all_messages(&mut sub)).await.unwrap();
    let closed = messages
        .iter()
        .find_map(|m| match m {
            fb::parsed::SubscriptionBody::Closed(c) => Some(c),
            _ => None,
        })
        .expect("a Closed for the refusal");
    assert_eq!(closed.cause, fb::ClosedCause::AuthNoSigner, "{closed:?}");
    assert!(
        closed
            .reason
            .as_deref()
            .unwrap()
            .starts_with("auth-required:")
    );
    drop(sub);
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_relay_that_keeps_sending_oversized_frames_is_given_up() {
    let alice = Keys::generate();
    // 5 MiB, over the transport's 4 MiB limit, after every REQ.
    let relay = ScriptedRelay::start_with(Script::new().oversized_after_req(5 << 20)).await;
    let mut c = client().await;
    let url = relay.url();
    let _sub = c
        .set
        .parser
        .subscribe(
            vec![Filter::new().author(alice.public_key())],
            SubscribeOptions {
                relays: Some(vec![url.clone()]),
                cache: CacheMode::NoCache,
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    wait_state(&mut c, &url, fb::RelayState::Failed).await;
    assert_eq!(relay.connections(), 3, "no more connections once given up");
    let stats = c.set.connection_stats.snapshot();
    assert_eq!(stats.oversize_disconnects, 3, "{stats:?}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(relay.connections(), 3);
    drop(_sub);
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publishing_to_an_unreachable_relay_fails_instead_of_timing_out() {
    let alice = Keys::generate();
    let dead_port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dead = format!("ws://127.0.0.1:{dead_port}");
    // Retries come every 0.1 s to 1 s (the test client's backoff): once an attempt has failed and
    // the next one would start after the 2 s wait for OK, nothing can land in time.
    let mut config = WorkerSetConfig::default();
    config.connections.publish_timeout = Duration::from_secs(2);
    config.parser.publish_relay_timeout = Duration::from_secs(2);
    let c = client_with(config).await;
    let event = note(&alice, "nobody listens", Timestamp::now().0);
    let outcome = timeout(LIMIT, c.set.parser.publish(event, Some(vec![dead])))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(outcome.relays.len(), 1);
    assert_eq!(
        outcome.relays[0].status,
        fb::RelayOkStatus::Failed,
        "{outcome:?}"
    );
    assert!(
        outcome.relays[0]
            .message
            .as_deref()
            .unwrap()
            .starts_with("could not connect")
    );
    c.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ok_with_trailing_elements_still_counts() {
    let alice = Keys::generate();
    // Answers EVENT with ["OK", id, true, "", 1], as a future NIP might.
    let relay = ScriptedRelay::start_with(Script::new().ok_extra_elements()).await;
    let c = client().await;
    let event = note(&alice, "published", Timestamp::now().0);
    let outcome = timeout(LIMIT, c.set.parser.publish(event, Some(vec![relay.url()])))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        outcome.relays[0].status,
        fb::RelayOkStatus::Accepted,
        "{outcome:?}"
    );
    c.shutdown().await;
}
