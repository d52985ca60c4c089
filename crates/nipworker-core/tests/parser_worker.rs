//! The parser worker end to end over the real ipc channels: subscribe (Subscribe/Close requests to
//! the connections worker), relay frames in, FlatBuffers messages out; cache-first reads from a
//! real SQLite file; a slow subscriber lags alone; bad signatures are dropped and counted; publish.
//! The crypto, cache and connections workers are STAND-INS (see `parser_support`) doing real work.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod parser_support;

use std::sync::Arc;
use std::time::Duration;

use nipworker_core::ipc::{ChannelMessage, ConnectionsService, IpcChannels, IpcConfig};
use nipworker_core::parser::serialize::SubscriptionMessage;
use nipworker_core::pipeline::{MuteSet, PipeConfig, PipelineConfig};
use nipworker_core::protocol::flatbuffers::fb;
use nipworker_core::protocol::{Event, EventBuilder, EventId, Filter, Keys, Kind};
use nipworker_core::storage::{EventStore, SqliteConfig, SqliteStore};
use nipworker_core::workers::parser::{
    CacheMode, ParserConfig, ParserError, ParserHandle, SubscribeOptions, Subscription,
    spawn_parser,
};
use parser_support::{
    CryptoCounters, eose_frame, event_frame, next_request, spawn_cache_standin,
    spawn_crypto_standin, subscribe_id,
};

const RELAY: &str = "wss://relay.example";

struct Env {
    handle: ParserHandle,
    signer: Keys,
    relays: ConnectionsService,
    store: Arc<SqliteStore>,
    _dir: tempfile::TempDir,
}

async fn env() -> Env {
    env_with(ParserConfig::default()).await
}

async fn env_with(config: ParserConfig) -> Env {
    let ch = IpcChannels::new(&IpcConfig::default()).unwrap();
    let signer = Keys::generate();
    spawn_crypto_standin(
        ch.crypto.parser,
        Some(signer.clone()),
        Arc::new(CryptoCounters::default()),
    );
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(
        SqliteStore::open(SqliteConfig::new(dir.path().join("cache.db")))
            .await
            .unwrap(),
    );
    spawn_cache_standin(ch.cache.parser, store.clone());
    let handle = spawn_parser(ch.parser, config);
    Env {
        handle,
        signer,
        relays: ch.connections.parser,
        store,
        _dir: dir,
    }
}

fn note(keys: &Keys, content: &str) -> Event {
    EventBuilder::new(Kind(1), content).sign(keys)
}

fn forged(keys: &Keys) -> Event {
    let mut e = note(keys, "forged");
    e.sig = note(keys, "other").sig;
    e
}

async fn next(sub: &mut Subscription) -> fb::parsed::SubscriptionBody {
    let msg: SubscriptionMessage = tokio::time::timeout(Duration::from_secs(10), sub.recv())
        .await
        .expect("no message within 10 s")
        .expect("stream ended");
    msg.to_table().unwrap().body
}

fn event_id(body: &fb::parsed::SubscriptionBody) -> Option<(EventId, bool)> {
    match body {
        fb::parsed::SubscriptionBody::ParsedEvent(p) => Some((p.event.id.into(), p.from_cache)),
        fb::parsed::SubscriptionBody::RawEvent(r) => Some((r.event.id.into(), r.from_cache)),
        _ => None,
    }
}

async fn send(relays: &ConnectionsService, frame: ChannelMessage<fb::ConnectionsMessage>) {
    tokio::time::timeout(Duration::from_secs(10), relays.tx.send(frame))
        .await
        .unwrap()
        .unwrap();
}

#[tokio::test]
async fn live_subscription_delivers_parsed_events_then_eose_and_ends() {
    let mut env = env().await;
    let k = Keys::generate();
    let filter = Filter {
        kinds: Some([Kind(1)].into_iter().collect()),
        ..Filter::default()
    };
    let mut sub = env
        .handle
        .subscribe(
            vec![filter.clone()],
            SubscribeOptions {
                cache: CacheMode::NoCache,
                close_on_eose: true,
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    let req = next_request(&mut env.relays).await;
    assert_eq!(subscribe_id(&req), sub.id());
    let fb::ConnectionsRequestBody::Subscribe(s) = &req.body else {
        panic!()
    };
    assert!(s.close_on_eose);
    assert_eq!(s.filters.as_ref().map(Vec::len), Some(1));

    let (a, b) = (note(&k, "hello #nostr"), note(&k, "second"));
    for e in [&a, &forged(&k), &a, &b] {
        send(&env.relays, event_frame(sub.id(), RELAY, e)).await;
    }
    send(&env.relays, eose_frame(sub.id(), RELAY, 0)).await;

    let first = next(&mut sub).await;
    let fb::parsed::SubscriptionBody::ParsedEvent(p) = &first else {
        panic!("{first:?}")
    };
    assert_eq!(p.relay.as_deref(), Some(RELAY));
    assert!(matches!(p.body, Some(fb::parsed::ParsedBody::Note(_))));
    assert_eq!(event_id(&first), Some((a.id, false)));
    assert_eq!(event_id(&next(&mut sub).await), Some((b.id, false)));
    let fb::parsed::SubscriptionBody::Eose(e) = next(&mut sub).await else {
        panic!()
    };
    assert_eq!((e.relay.as_deref(), e.pending_relays), (Some(RELAY), 0));
    let fb::parsed::SubscriptionBody::End(end) = next(&mut sub).await else {
        panic!()
    };
    assert_eq!(end.reason.as_deref(), Some("eose"));
    // The worker closes the relay subscription it no longer needs.
    let close = next_request(&mut env.relays).await;
    assert!(
        matches!(&close.body, fb::ConnectionsRequestBody::Close(c) if c.subscription_id == sub.id())
    );
    let stats = sub.stats();
    assert_eq!(stats.pipeline.bad_signatures, 1);
    assert_eq!(stats.pipeline.duplicates, 1);
    assert_eq!(stats.pipeline.verified, 2);
    // Live events are saved (in the background) to the real SQLite file.
    for _ in 0..200 {
        if env.store.get_by_id(&b.id).await.unwrap().is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(env.store.get_by_id(&a.id).await.unwrap().is_some());
    assert!(env.store.get_by_id(&b.id).await.unwrap().is_some());
}

#[tokio::test]
async fn cache_first_then_live_with_dedup_and_mutes_on_both() {
    let mut env = env().await;
    let (k, muted) = (Keys::generate(), Keys::generate());
    let (old, muted_old) = (note(&k, "stored before"), note(&muted, "stored, muted"));
    env.store
        .save_batch(&[old.clone(), muted_old])
        .await
        .unwrap();
    let mut mutes = MuteSet::default();
    mutes.pubkeys.insert(muted.public_key());
    let mut sub = env
        .handle
        .subscribe(
            vec![Filter::default()],
            SubscribeOptions {
                pipeline: PipelineConfig::default().with_filter(PipeConfig::Mute(mutes)),
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    let id = subscribe_id(&next_request(&mut env.relays).await);
    // Cached first, marked as such, muted author removed.
    assert_eq!(event_id(&next(&mut sub).await), Some((old.id, true)));
    let fb::parsed::SubscriptionBody::Eose(e) = next(&mut sub).await else {
        panic!()
    };
    assert_eq!(e.relay, None, "the cache's EOSE has no relay");
    // Live: the stored event again (deduplicated), a muted one, a new one.
    let new = note(&k, "live");
    for e in [&old, &note(&muted, "live, muted"), &new] {
        send(&env.relays, event_frame(&id, RELAY, e)).await;
    }
    assert_eq!(event_id(&next(&mut sub).await), Some((new.id, false)));
    let stats = sub.stats();
    assert_eq!(stats.pipeline.muted, 2);
    assert_eq!(stats.pipeline.duplicates, 1);
    // Only the live event went through verification.
    assert_eq!(stats.pipeline.verified, 1);
}

#[tokio::test]
async fn cache_only_ends_after_stored_events_without_asking_relays() {
    let mut env = env().await;
    let k = Keys::generate();
    let stored: Vec<Event> = (0..600).map(|i| note(&k, &format!("n{i}"))).collect();
    env.store.save_batch(&stored).await.unwrap();
    let mut sub = env
        .handle
        .subscribe(
            vec![Filter::default()],
            SubscribeOptions {
                cache: CacheMode::CacheOnly,
                pipeline: PipelineConfig::raw(),
                buffer: 1000,
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    let mut got = 0;
    loop {
        match next(&mut sub).await {
            fb::parsed::SubscriptionBody::RawEvent(r) => {
                assert!(r.from_cache);
                got += 1;
            }
            fb::parsed::SubscriptionBody::Eose(_) => {}
            fb::parsed::SubscriptionBody::End(e) => {
                assert_eq!(e.reason.as_deref(), Some("cache_only"));
                break;
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(got, 600, "three query chunks of at most 256");
    assert!(
        tokio::time::timeout(Duration::from_millis(200), env.relays.rx.recv())
            .await
            .is_err(),
        "a cache-only subscription sends nothing to the relays"
    );
}

#[tokio::test]
async fn slow_subscriber_lags_alone() {
    let mut env = env().await;
    let k = Keys::generate();
    let opts = |id: &str, buffer| SubscribeOptions {
        id: Some(id.into()),
        cache: CacheMode::NoCache,
        pipeline: PipelineConfig::raw().without(&PipeConfig::Save),
        buffer,
        ..SubscribeOptions::default()
    };
    let mut fast = env
        .handle
        .subscribe(vec![Filter::default()], opts("fast", 1000))
        .await
        .unwrap();
    let mut slow = env
        .handle
        .subscribe(vec![Filter::default()], opts("slow", 4))
        .await
        .unwrap();
    next_request(&mut env.relays).await;
    next_request(&mut env.relays).await;
    let events: Vec<Event> = (0..200).map(|i| note(&k, &format!("e{i}"))).collect();
    for e in &events {
        send(&env.relays, event_frame("fast", RELAY, e)).await;
        send(&env.relays, event_frame("slow", RELAY, e)).await;
    }
    send(&env.relays, eose_frame("fast", RELAY, 0)).await;
    send(&env.relays, eose_frame("slow", RELAY, 0)).await;
    // The fast subscriber gets everything while the slow one reads nothing.
    for e in &events {
        assert_eq!(event_id(&next(&mut fast).await), Some((e.id, false)));
    }
    assert!(matches!(
        next(&mut fast).await,
        fb::parsed::SubscriptionBody::Eose(_)
    ));
    // The slow one: its first four, then a Lagged with the exact count, then what came after.
    let mut delivered = 0u64;
    let mut skipped = 0u64;
    loop {
        match next(&mut slow).await {
            fb::parsed::SubscriptionBody::RawEvent(_) => delivered += 1,
            fb::parsed::SubscriptionBody::Lagged(l) => skipped += l.skipped,
            fb::parsed::SubscriptionBody::Eose(_) => break,
            other => panic!("{other:?}"),
        }
    }
    assert!(skipped > 0, "the slow subscriber was told it lagged");
    assert_eq!(
        delivered + skipped,
        200,
        "every event is delivered or counted as skipped"
    );
    assert_eq!(slow.stats().lagged, skipped);
    assert_eq!(fast.stats().lagged, 0);
}

#[tokio::test]
async fn counter_pipeline_sends_counts_at_eose() {
    let mut env = env().await;
    let k = Keys::generate();
    let mut sub = env
        .handle
        .subscribe(
            vec![Filter::default()],
            SubscribeOptions {
                cache: CacheMode::NoCache,
                pipeline: PipelineConfig::counter(),
                close_on_eose: true,
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    let id = subscribe_id(&next_request(&mut env.relays).await);
    for e in [
        note(&k, "1"),
        note(&k, "2"),
        EventBuilder::new(Kind(7), "+").sign(&k),
        forged(&k),
    ] {
        send(&env.relays, event_frame(&id, RELAY, &e)).await;
    }
    send(&env.relays, eose_frame(&id, "wss://a.example", 1)).await;
    send(&env.relays, eose_frame(&id, RELAY, 0)).await;
    assert!(
        matches!(next(&mut sub).await, fb::parsed::SubscriptionBody::Eose(e) if e.pending_relays == 1)
    );
    assert!(
        matches!(next(&mut sub).await, fb::parsed::SubscriptionBody::Eose(e) if e.pending_relays == 0)
    );
    let fb::parsed::SubscriptionBody::Counts(c) = next(&mut sub).await else {
        panic!()
    };
    assert_eq!(
        c.counts.unwrap(),
        vec![
            fb::parsed::KindCount { kind: 1, count: 2 },
            fb::parsed::KindCount { kind: 7, count: 1 }
        ]
    );
    assert!(matches!(
        next(&mut sub).await,
        fb::parsed::SubscriptionBody::End(_)
    ));
}

#[tokio::test]
async fn dropping_a_subscription_closes_it_on_the_relays() {
    let mut env = env().await;
    let sub = env
        .handle
        .subscribe(
            vec![Filter::default()],
            SubscribeOptions {
                cache: CacheMode::NoCache,
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    let id = subscribe_id(&next_request(&mut env.relays).await);
    drop(sub);
    let close = next_request(&mut env.relays).await;
    assert!(matches!(&close.body, fb::ConnectionsRequestBody::Close(c) if c.subscription_id == id));
    // Frames for the closed subscription are ignored.
    send(
        &env.relays,
        event_frame(&id, RELAY, &note(&Keys::generate(), "late")),
    )
    .await;
}

#[tokio::test]
async fn publish_returns_each_relays_answer() {
    let mut env = env().await;
    let ev = note(&Keys::generate(), "publish me");
    let handle = env.handle.clone();
    let pending = tokio::spawn({
        let ev = ev.clone();
        async move { handle.publish(ev, Some(vec![RELAY.into()])).await }
    });
    let req = next_request(&mut env.relays).await;
    let fb::ConnectionsRequestBody::Publish(p) = &req.body else {
        panic!()
    };
    assert_eq!(EventId::from(p.event.id), ev.id);
    send(
        &env.relays,
        ChannelMessage::from_table(&fb::ConnectionsMessage {
            request_id: req.request_id,
            body: fb::ConnectionsMessageBody::PublishResult(Box::new(fb::PublishResult {
                event_id: ev.id.into(),
                results: Some(vec![fb::RelayOk {
                    relay_url: Some(RELAY.into()),
                    status: fb::RelayOkStatus::Accepted,
                    message: None,
                }]),
            })),
        }),
    )
    .await;
    let outcome = tokio::time::timeout(Duration::from_secs(10), pending)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(outcome.event_id, ev.id);
    assert_eq!(outcome.relays[0].status, fb::RelayOkStatus::Accepted);
}

#[tokio::test]
async fn publish_without_an_answer_ends_with_a_publish_timeout() {
    let mut env = env_with(ParserConfig {
        publish_relay_timeout: Duration::from_millis(150),
        publish_timeout: Some(Duration::from_millis(300)),
        ..ParserConfig::default()
    })
    .await;
    let ev = note(&Keys::generate(), "nobody answers");
    let handle = env.handle.clone();
    let pending = tokio::spawn({
        let ev = ev.clone();
        async move { handle.publish(ev, Some(vec![RELAY.into()])).await }
    });
    // The connections stand-in reads the request and never answers it.
    let req = next_request(&mut env.relays).await;
    let fb::ConnectionsRequestBody::Publish(p) = &req.body else {
        panic!("expected Publish, got {:?}", req.body)
    };
    assert_eq!(
        p.timeout_ms, 150,
        "the per-relay wait goes to the connections worker"
    );
    let err = tokio::time::timeout(Duration::from_secs(10), pending)
        .await
        .expect("publish must end on its own")
        .unwrap()
        .unwrap_err();
    match err {
        ParserError::PublishTimeout { event_id, waited } => {
            assert_eq!(event_id, ev.id);
            assert_eq!(waited, Duration::from_millis(300));
        }
        other => panic!("expected PublishTimeout, got {other:?}"),
    }
    // The worker still works: the next publish gets its answer.
    let handle = env.handle.clone();
    let ev2 = note(&Keys::generate(), "answered");
    let pending = tokio::spawn({
        let ev2 = ev2.clone();
        async move { handle.publish(ev2, None).await }
    });
    let req = next_request(&mut env.relays).await;
    send(
        &env.relays,
        ChannelMessage::from_table(&fb::ConnectionsMessage {
            request_id: req.request_id,
            body: fb::ConnectionsMessageBody::PublishResult(Box::new(fb::PublishResult {
                event_id: ev2.id.into(),
                results: Some(vec![]),
            })),
        }),
    )
    .await;
    let outcome = tokio::time::timeout(Duration::from_secs(10), pending)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(outcome.event_id, ev2.id);
}

#[test]
fn publish_wait_defaults_to_the_relay_timeout_plus_a_margin() {
    let c = ParserConfig {
        publish_relay_timeout: Duration::from_secs(7),
        ..ParserConfig::default()
    };
    assert_eq!(
        c.publish_wait(),
        Duration::from_secs(7) + nipworker_core::workers::parser::PUBLISH_MARGIN
    );
    let c = ParserConfig {
        publish_timeout: Some(Duration::from_secs(2)),
        ..c
    };
    assert_eq!(c.publish_wait(), Duration::from_secs(2));
}

#[tokio::test]
async fn duplicate_subscription_ids_are_refused() {
    let mut env = env().await;
    let opts = || SubscribeOptions {
        id: Some("same".into()),
        cache: CacheMode::NoCache,
        ..SubscribeOptions::default()
    };
    let _first = env
        .handle
        .subscribe(vec![Filter::default()], opts())
        .await
        .unwrap();
    next_request(&mut env.relays).await;
    let err = env
        .handle
        .subscribe(vec![Filter::default()], opts())
        .await
        .unwrap_err();
    assert!(
        matches!(err, nipworker_core::workers::parser::ParserError::DuplicateId(id) if id == "same")
    );
}

#[tokio::test]
async fn own_encrypted_mute_list_from_the_cache_mutes_cached_and_live_events() {
    use nipworker_core::crypto::nip44::{self, ConversationKey};
    use nipworker_core::protocol::Tag;
    let mut env = env().await;
    assert!(
        env.handle.own_mute_list().await.unwrap().is_none(),
        "nothing stored yet"
    );
    let me = env.signer.clone();
    let ck = ConversationKey::from_keys(&me, &me.public_key()).unwrap();
    let list = EventBuilder::new(
        Kind(10000),
        nip44::encrypt(&ck, r#"[["word","airdrop"]]"#).unwrap(),
    )
    .tag(Tag::new(["t", "spam"]))
    .sign(&me);
    let k = Keys::generate();
    let (muted_cached, kept) = (note(&k, "free AIRDROP now"), note(&k, "good morning"));
    env.store
        .save_batch(&[list, muted_cached, kept.clone()])
        .await
        .unwrap();
    let mutes = env.handle.own_mute_list().await.unwrap().unwrap();
    assert_eq!(mutes.words, vec!["airdrop".to_owned()]);
    assert!(mutes.hashtags.contains("spam"));
    let mut sub = env
        .handle
        .subscribe(
            vec![Filter {
                kinds: Some([Kind(1)].into_iter().collect()),
                ..Filter::default()
            }],
            SubscribeOptions {
                pipeline: PipelineConfig::default().with_filter(PipeConfig::Mute(mutes)),
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    let id = subscribe_id(&next_request(&mut env.relays).await);
    assert_eq!(event_id(&next(&mut sub).await), Some((kept.id, true)));
    assert!(matches!(
        next(&mut sub).await,
        fb::parsed::SubscriptionBody::Eose(_)
    ));
    let live_ok = note(&k, "hello");
    send(
        &env.relays,
        event_frame(&id, RELAY, &note(&k, "another airdrop")),
    )
    .await;
    send(&env.relays, event_frame(&id, RELAY, &live_ok)).await;
    assert_eq!(event_id(&next(&mut sub).await), Some((live_ok.id, false)));
    assert_eq!(sub.stats().pipeline.muted, 2);
}

#[tokio::test]
async fn a_full_input_holds_the_relay_stream_and_loses_nothing() {
    // A tiny input queue in front of a pipeline that verifies through the crypto worker: the
    // router waits for room (the frames below wait in the connections channel) instead of
    // dropping events.
    let mut env = env_with(ParserConfig {
        input_capacity: 2,
        batch_size: 2,
        ..ParserConfig::default()
    })
    .await;
    let k = Keys::generate();
    let mut sub = env
        .handle
        .subscribe(
            vec![Filter::default()],
            SubscribeOptions {
                cache: CacheMode::NoCache,
                close_on_eose: true,
                pipeline: PipelineConfig::raw().without(&PipeConfig::Save),
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    let id = subscribe_id(&next_request(&mut env.relays).await);
    let events: Vec<Event> = (0..300).map(|i| note(&k, &format!("e{i}"))).collect();
    for e in &events {
        send(&env.relays, event_frame(&id, RELAY, e)).await;
    }
    send(&env.relays, eose_frame(&id, RELAY, 0)).await;
    let (mut delivered, mut skipped) = (0u64, 0u64);
    loop {
        match next(&mut sub).await {
            fb::parsed::SubscriptionBody::RawEvent(_) => delivered += 1,
            fb::parsed::SubscriptionBody::Lagged(l) => skipped += l.skipped,
            fb::parsed::SubscriptionBody::Eose(_) => break,
            other => panic!("{other:?}"),
        }
    }
    // Nothing sent before the EOSE arrives after it: the next message is the end.
    assert!(matches!(
        next(&mut sub).await,
        fb::parsed::SubscriptionBody::End(_)
    ));
    assert_eq!(skipped, 0, "the subscriber's queue of 1024 never filled");
    assert_eq!(delivered, 300, "every event verified and delivered");
    assert_eq!(sub.stats().pipeline.verified, 300);
}

/// Regression (found end to end): a subscription ended by its last batch published its stats
/// only after the End was handed over, so a subscriber reading stats right after End could see
/// stale counts (a race: it needs two threads, and shows in a fraction of the rounds).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stats_are_final_when_the_end_arrives() {
    for _ in 0..100 {
        let mut env = env().await;
        let k = Keys::generate();
        let mut sub = env
            .handle
            .subscribe(
                vec![Filter::default()],
                SubscribeOptions {
                    cache: CacheMode::NoCache,
                    close_on_eose: true,
                    ..SubscribeOptions::default()
                },
            )
            .await
            .unwrap();
        let id = subscribe_id(&next_request(&mut env.relays).await);
        for e in [&note(&k, "good"), &forged(&k)] {
            send(&env.relays, event_frame(&id, RELAY, e)).await;
        }
        send(&env.relays, eose_frame(&id, RELAY, 0)).await;
        loop {
            if let fb::parsed::SubscriptionBody::End(_) = next(&mut sub).await {
                break;
            }
        }
        let stats = sub.stats();
        assert_eq!(stats.pipeline.verified, 1, "{stats:?}");
        assert_eq!(stats.pipeline.bad_signatures, 1, "{stats:?}");
    }
}
/// A kind 10000 list by `me` at `at`: public `p` tags for `public`, and `private` `p` items
/// NIP-44-encrypted to self.
fn mute_list(me: &Keys, at: u64, public: &[&Keys], private: &[&Keys]) -> Event {
    use nipworker_core::crypto::nip44::{self, ConversationKey};
    use nipworker_core::protocol::{Tag, Timestamp};
    let ck = ConversationKey::from_keys(me, &me.public_key()).unwrap();
    let items: Vec<[String; 2]> = private
        .iter()
        .map(|k| ["p".to_owned(), k.public_key().to_hex()])
        .collect();
    let content = if items.is_empty() {
        String::new()
    } else {
        nip44::encrypt(&ck, &serde_json::to_string(&items).unwrap()).unwrap()
    };
    EventBuilder::new(Kind(10000), content)
        .tags(
            public
                .iter()
                .map(|k| Tag::new(["p".to_owned(), k.public_key().to_hex()])),
        )
        .created_at(Timestamp(at))
        .sign(me)
}

/// Sends `events` on `id` and returns the ids `sub` delivers, up to the EOSE sent after them.
async fn delivered_ids(
    relays: &ConnectionsService,
    sub: &mut Subscription,
    id: &str,
    events: &[&Event],
) -> Vec<EventId> {
    for e in events {
        send(relays, event_frame(id, RELAY, e)).await;
    }
    send(relays, eose_frame(id, RELAY, 1)).await;
    let mut out = Vec::new();
    loop {
        let body = next(sub).await;
        if matches!(body, fb::parsed::SubscriptionBody::Eose(_)) {
            return out;
        }
        out.push(event_id(&body).expect("an event").0);
    }
}

#[tokio::test]
async fn a_newer_own_mute_list_applies_to_open_subscriptions() {
    let mut env = env().await;
    let me = env.signer.clone();
    let (x, y, z, w) = (
        Keys::generate(),
        Keys::generate(),
        Keys::generate(),
        Keys::generate(),
    );
    // The stored list (loaded at subscribe) mutes W only.
    env.store
        .save_batch(&[mute_list(&me, 1_000, &[&w], &[])])
        .await
        .unwrap();
    let opts = || SubscribeOptions {
        cache: CacheMode::NoCache,
        pipeline: PipelineConfig::default()
            .without(&PipeConfig::Save)
            .with_filter(PipeConfig::OwnMutes),
        ..SubscribeOptions::default()
    };
    let mut a = env
        .handle
        .subscribe(vec![Filter::default()], opts())
        .await
        .unwrap();
    let a_id = subscribe_id(&next_request(&mut env.relays).await);
    let mut b = env
        .handle
        .subscribe(vec![Filter::default()], opts())
        .await
        .unwrap();
    let b_id = subscribe_id(&next_request(&mut env.relays).await);
    let before = [note(&x, "x1"), note(&y, "y1"), note(&w, "w1")];
    let got = delivered_ids(
        &env.relays,
        &mut b,
        &b_id,
        &before.iter().collect::<Vec<_>>(),
    )
    .await;
    assert_eq!(
        got,
        vec![before[0].id, before[1].id],
        "only W muted at first"
    );

    // A newer list arrives on subscription A: X public, Z private (decrypted by the crypto
    // worker). X's event before it on the same stream is still delivered.
    let newer = mute_list(&me, 2_000, &[&x], &[&z]);
    let (x_before, x_after) = (note(&x, "x before the list"), note(&x, "x after the list"));
    let got = delivered_ids(&env.relays, &mut a, &a_id, &[&x_before, &newer, &x_after]).await;
    assert_eq!(
        got,
        vec![x_before.id, newer.id],
        "exact order on the list's own stream"
    );

    // Subscription B follows it too: X and Z are muted now, Y and W (unmuted) are not.
    let after = [
        note(&x, "x2"),
        note(&y, "y2"),
        note(&z, "z2"),
        note(&w, "w2"),
    ];
    let got = delivered_ids(
        &env.relays,
        &mut b,
        &b_id,
        &after.iter().collect::<Vec<_>>(),
    )
    .await;
    assert_eq!(got, vec![after[1].id, after[3].id]);
    // Counters are published right after the batch that carried the EOSE: wait for them.
    let muted = tokio::time::timeout(Duration::from_secs(10), async {
        loop {
            let m = b.stats().pipeline.muted;
            if m >= 3 {
                return m;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .unwrap();
    assert_eq!(muted, 3, "w1, x2, z2");

    // An older list (or a forged newer one) of the user changes nothing.
    let older = mute_list(&me, 1_500, &[&y], &[]);
    let mut forged = mute_list(&me, 3_000, &[&y], &[]);
    forged.sig = older.sig;
    // Nor does someone else's newer list.
    let theirs = mute_list(&w, 5_000, &[&y], &[]);
    let got = delivered_ids(&env.relays, &mut a, &a_id, &[&older, &forged, &theirs]).await;
    assert_eq!(
        got,
        vec![older.id, theirs.id],
        "the forged list fails verification"
    );
    let got = delivered_ids(&env.relays, &mut b, &b_id, &[&note(&y, "y3")]).await;
    assert_eq!(got.len(), 1, "Y is still not muted");

    // The user publishes a newest list that mutes nobody: X is delivered again.
    let cleared = mute_list(&me, 4_000, &[], &[]);
    let handle = env.handle.clone();
    let publish = tokio::spawn(async move { handle.publish(cleared, None).await });
    let req = next_request(&mut env.relays).await;
    assert!(matches!(req.body, fb::ConnectionsRequestBody::Publish(_)));
    let x3 = note(&x, "x3");
    let got = delivered_ids(&env.relays, &mut b, &b_id, &[&x3]).await;
    assert_eq!(got, vec![x3.id]);
    assert!(
        env.handle
            .own_mute_list()
            .await
            .unwrap()
            .unwrap()
            .is_empty(),
        "the tracked list is the published one"
    );
    publish.abort();
}

/// Reads `sub` to its end: events plus lag counts before the first EOSE, between the first and
/// second, and after the second; and the lag total.
async fn segments(sub: &mut Subscription) -> ([u64; 3], u64) {
    let mut seen = [0u64; 3];
    let mut lagged = 0u64;
    let mut segment = 0;
    loop {
        match next(sub).await {
            fb::parsed::SubscriptionBody::RawEvent(_) => seen[segment] += 1,
            fb::parsed::SubscriptionBody::Lagged(l) => {
                seen[segment] += l.skipped;
                lagged += l.skipped;
            }
            fb::parsed::SubscriptionBody::Eose(_) => {
                segment += 1;
                assert!(segment < 3, "two EOSEs only");
            }
            fb::parsed::SubscriptionBody::End(_) => return (seen, lagged),
            other => panic!("{other:?}"),
        }
    }
}

#[tokio::test]
async fn events_skipped_after_a_waiting_eose_are_reported_after_it() {
    // The subscriber reads nothing until the worker processed every event: its queue of 4 fills,
    // the first EOSE waits, and the events after it are skipped behind it.
    let mut env = env().await;
    let k = Keys::generate();
    let mut sub = env
        .handle
        .subscribe(
            vec![Filter::default()],
            SubscribeOptions {
                cache: CacheMode::NoCache,
                close_on_eose: true,
                buffer: 4,
                pipeline: PipelineConfig::raw()
                    .without(&PipeConfig::Save)
                    .without(&PipeConfig::Verify),
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    let id = subscribe_id(&next_request(&mut env.relays).await);
    for i in 0..50 {
        send(
            &env.relays,
            event_frame(&id, RELAY, &note(&k, &format!("a{i}"))),
        )
        .await;
    }
    send(&env.relays, eose_frame(&id, RELAY, 1)).await;
    for i in 0..250 {
        send(
            &env.relays,
            event_frame(&id, RELAY, &note(&k, &format!("b{i}"))),
        )
        .await;
    }
    tokio::time::timeout(Duration::from_secs(10), async {
        while sub.stats().pipeline.received < 300 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .expect("the worker processes every event");
    send(&env.relays, eose_frame(&id, "wss://other.example", 0)).await;
    let (seen, lagged) = segments(&mut sub).await;
    assert_eq!(lagged, 296, "4 delivered, the rest skipped");
    assert_eq!(seen, [50, 250, 0], "each lag count between the right EOSEs");
}

#[tokio::test]
async fn a_tiny_input_loses_nothing_and_lag_sits_between_the_right_eoses() {
    // A tiny input queue (the relay stream waits for it) and a tiny subscriber queue read only
    // at the end (events skipped on delivery): every event goes through the pipeline, and every
    // Lagged sits between the EOSEs around the events it stands for.
    let mut env = env_with(ParserConfig {
        input_capacity: 2,
        batch_size: 2,
        ..ParserConfig::default()
    })
    .await;
    let k = Keys::generate();
    let mut sub = env
        .handle
        .subscribe(
            vec![Filter::default()],
            SubscribeOptions {
                cache: CacheMode::NoCache,
                close_on_eose: true,
                buffer: 4,
                pipeline: PipelineConfig::raw().without(&PipeConfig::Save),
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    let id = subscribe_id(&next_request(&mut env.relays).await);
    let (first, second) = (50usize, 250usize);
    for i in 0..first {
        send(
            &env.relays,
            event_frame(&id, RELAY, &note(&k, &format!("a{i}"))),
        )
        .await;
    }
    send(&env.relays, eose_frame(&id, RELAY, 1)).await;
    for i in 0..second {
        send(
            &env.relays,
            event_frame(&id, RELAY, &note(&k, &format!("b{i}"))),
        )
        .await;
    }
    send(&env.relays, eose_frame(&id, "wss://other.example", 0)).await;
    let (seen, lagged) = segments(&mut sub).await;
    assert!(lagged > 0, "the tiny subscriber queue overflowed");
    assert_eq!(
        seen,
        [first as u64, second as u64, 0],
        "events and lag counts between the right EOSEs"
    );
    let stats = sub.stats();
    assert_eq!(
        stats.pipeline.verified,
        (first + second) as u64,
        "{stats:?}"
    );
    assert_eq!(stats.lagged, lagged, "{stats:?}");
}

#[tokio::test]
async fn closing_a_subscription_the_stream_waits_for_frees_the_others() {
    // Nobody answers the crypto worker's requests: subscription A's task sits in its first
    // verification (for the whole request timeout), its input of 1 fills, and the relay stream
    // waits for it. Closing A must free the stream for B at once, not after A's task wakes.
    let ch = IpcChannels::new(&IpcConfig::default()).unwrap();
    let mut silent_crypto = ch.crypto.parser;
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(
        SqliteStore::open(SqliteConfig::new(dir.path().join("cache.db")))
            .await
            .unwrap(),
    );
    spawn_cache_standin(ch.cache.parser, store);
    let handle = spawn_parser(
        ch.parser,
        ParserConfig {
            input_capacity: 1,
            batch_size: 1,
            request_timeout: Duration::from_secs(600),
            ..ParserConfig::default()
        },
    );
    let mut relays = ch.connections.parser;
    let k = Keys::generate();
    let a = handle
        .subscribe(
            vec![Filter::default()],
            SubscribeOptions {
                cache: CacheMode::NoCache,
                pipeline: PipelineConfig::raw().without(&PipeConfig::Save),
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    let a_id = subscribe_id(&next_request(&mut relays).await);
    let mut b = handle
        .subscribe(
            vec![Filter::default()],
            SubscribeOptions {
                cache: CacheMode::NoCache,
                close_on_eose: true,
                pipeline: PipelineConfig::raw()
                    .without(&PipeConfig::Save)
                    .without(&PipeConfig::Verify),
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    let b_id = subscribe_id(&next_request(&mut relays).await);
    send(&relays, event_frame(&a_id, RELAY, &note(&k, "a0"))).await;
    // A's task is in its verification now, and stays there.
    tokio::time::timeout(Duration::from_secs(10), silent_crypto.rx.recv())
        .await
        .unwrap()
        .unwrap();
    // a1 fills A's input, a2 waits in the router; B's frames queue behind it.
    for i in 1..3 {
        send(
            &relays,
            event_frame(&a_id, RELAY, &note(&k, &format!("a{i}"))),
        )
        .await;
    }
    let b_events: Vec<Event> = (0..3).map(|i| note(&k, &format!("b{i}"))).collect();
    for e in &b_events {
        send(&relays, event_frame(&b_id, RELAY, e)).await;
    }
    send(&relays, eose_frame(&b_id, RELAY, 0)).await;
    let queued_for_b = b_events.len() + 1;
    let mut stalled = false;
    for _ in 0..1_000 {
        // The router took a2 and nothing after it: exactly B's frames are left in the channel.
        if relays.tx.max_capacity() - relays.tx.capacity() == queued_for_b {
            stalled = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(stalled, "the relay stream waits for A's input");
    drop(a);
    let close = next_request(&mut relays).await;
    assert!(
        matches!(&close.body, fb::ConnectionsRequestBody::Close(c) if c.subscription_id == a_id)
    );
    for e in &b_events {
        assert_eq!(event_id(&next(&mut b).await), Some((e.id, false)));
    }
    assert!(matches!(
        next(&mut b).await,
        fb::parsed::SubscriptionBody::Eose(_)
    ));
    assert!(matches!(
        next(&mut b).await,
        fb::parsed::SubscriptionBody::End(_)
    ));
}
