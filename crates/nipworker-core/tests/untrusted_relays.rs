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

use nipworker_core::workers::parser::SubscribeOptions;
use nipworker_core::{Event, EventBuilder, Filter, Keys, Kind, Timestamp};
use relay_support::scripted::{Script, ScriptedRelay, event_for_sub};

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
