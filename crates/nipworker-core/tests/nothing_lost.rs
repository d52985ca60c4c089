//! "Nothing lost on the way in": every event a relay delivers is verified and saved, even when
//! verification falls behind the relays and the subscriber reads slowly. Five scripted relays on
//! 127.0.0.1 serve distinct signed notes to one subscription over the four real workers (real
//! crypto worker, real SQLite file); the subscriber may lag (reported as `Lagged`), the cache may
//! not.
#![cfg(all(
    feature = "tokio-runtime",
    feature = "sqlite",
    not(target_arch = "wasm32")
))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod client_support;
mod relay_support;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use nipworker_core::protocol::flatbuffers::fb;
use nipworker_core::storage::EventStore;
use nipworker_core::workers::parser::{CacheMode, SubscribeOptions};
use nipworker_core::{Event, EventBuilder, EventId, Filter, Keys, Kind, Timestamp};
use relay_support::scripted::ScriptedRelay;

use client_support::*;

const RELAYS: usize = 5;

/// `per_relay` distinct notes for each relay, one author per relay, signed on one thread per
/// relay (signing dominates the setup in debug builds).
fn signed_notes(per_relay: usize) -> Vec<Vec<Event>> {
    let base = Timestamp::now().0 - 86_400;
    std::thread::scope(|s| {
        let signers: Vec<_> = (0..RELAYS)
            .map(|r| {
                s.spawn(move || {
                    let keys = Keys::generate();
                    (0..per_relay)
                        .map(|i| {
                            EventBuilder::new(Kind::TEXT_NOTE, format!("relay {r} note {i}"))
                                .created_at(Timestamp(base + i as u64))
                                .sign(&keys)
                        })
                        .collect()
                })
            })
            .collect();
        signers.into_iter().map(|h| h.join().unwrap()).collect()
    })
}

fn notes_filter() -> Filter {
    Filter {
        kinds: Some([Kind::TEXT_NOTE].into_iter().collect()),
        ..Filter::default()
    }
}

/// What the slow subscriber read.
#[derive(Debug, Default)]
struct Read {
    events: HashSet<EventId>,
    delivered_events: u64,
    skipped: u64,
    lagged_messages: u64,
    eoses: u64,
    ended: bool,
}

async fn nothing_lost(per_relay: usize) {
    let total = (RELAYS * per_relay) as u64;
    let t0 = Instant::now();
    let notes = signed_notes(per_relay);
    let signed = t0.elapsed();
    let mut relays = Vec::new();
    for batch in &notes {
        let relay = ScriptedRelay::start().await;
        for e in batch {
            relay.store(e);
        }
        relays.push(relay);
    }
    let urls: Vec<String> = relays.iter().map(ScriptedRelay::url).collect();

    let c = client().await;
    let t1 = Instant::now();
    let mut sub = c
        .set
        .parser
        .subscribe(
            vec![notes_filter()],
            SubscribeOptions {
                relays: Some(urls),
                cache: CacheMode::NoCache,
                close_on_eose: true,
                // Backpressure slows the relays down: their EOSE may come long after the REQ.
                eose_timeout: Some(Duration::from_secs(600)),
                buffer: 16,
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    let mut read = Read::default();
    // Bounded: every event, lag notice and EOSE is at most one message, plus the end.
    for n in 0..2 * total + 2 * RELAYS as u64 + 16 {
        // A slow reader: its queue of 16 overflows while it sleeps.
        if n % 64 == 63 {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        match next(&mut sub).await {
            fb::parsed::SubscriptionBody::ParsedEvent(p) => {
                read.delivered_events += 1;
                read.events.insert(EventId::from(p.event.id));
            }
            fb::parsed::SubscriptionBody::Lagged(l) => {
                read.lagged_messages += 1;
                read.skipped += l.skipped;
            }
            fb::parsed::SubscriptionBody::Eose(_) => read.eoses += 1,
            fb::parsed::SubscriptionBody::End(_) => {
                read.ended = true;
                break;
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    let streamed = t1.elapsed();
    assert!(read.ended, "the subscription ended at the last EOSE");
    assert_eq!(
        read.eoses, RELAYS as u64,
        "one EOSE per relay, none timed out"
    );

    // Saves run in the background: wait (bounded) until every batch has an outcome.
    let mut stats = sub.stats();
    for _ in 0..2_000 {
        if stats.saved + stats.save_failed >= total {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
        stats = sub.stats();
    }
    let saved = t1.elapsed();
    eprintln!(
        "{total} events: signed in {signed:?}, streamed in {streamed:?}, saved after {saved:?}; \
         delivered {}, skipped {} in {} Lagged messages",
        read.delivered_events, read.skipped, read.lagged_messages
    );

    // Every relay event went through verification, and none was lost before it.
    assert_eq!(stats.pipeline.received, total, "{stats:?}");
    assert_eq!(stats.pipeline.verified, total, "{stats:?}");
    assert_eq!(stats.unread, 0, "{stats:?}");
    // The subscriber got each event or a lag count for it, and nothing twice.
    assert_eq!(read.events.len() as u64, read.delivered_events);
    assert_eq!(read.delivered_events + read.skipped, total);
    assert!(read.skipped > 0 || read.delivered_events == total);
    assert_eq!(stats.lagged, read.skipped, "{stats:?}");
    assert_eq!(
        stats.delivered,
        read.delivered_events + read.lagged_messages + read.eoses + 1,
        "events, lag notices, EOSEs and the end: {stats:?}"
    );
    // Every event is in the SQLite file.
    assert_eq!(stats.saved, total, "{stats:?}");
    assert_eq!(stats.save_failed, 0, "{stats:?}");
    assert_eq!(c.store.count(&[notes_filter()]).await.unwrap(), total);

    drop(sub);
    c.shutdown().await;
}

/// The same shape at a size that stays quick in debug builds.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_relay_event_is_verified_and_saved_while_the_subscriber_lags() {
    nothing_lost(2_000).await;
}

/// 5 relays x 20,000 events: about 2 minutes in a debug build on 2 cores (signing 100,000
/// events takes a third of it), so it runs on request: `cargo test --test nothing_lost --
/// --ignored`.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "slow in debug builds (about 2 minutes); the 5 x 2,000 variant always runs"]
async fn a_hundred_thousand_relay_events_are_all_verified_and_saved() {
    nothing_lost(20_000).await;
}
