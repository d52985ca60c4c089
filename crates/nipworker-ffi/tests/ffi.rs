//! The FFI layer as the bindings call it (the exported Rust functions and objects), against a
//! real relay (the core tests' `TestRelay`, nostr-relay-builder) on 127.0.0.1: bad arguments give typed
//! errors, publish/subscribe/query round-trip with parsed forms and raw bytes, a slow reader lags
//! instead of growing memory, and closing the client ends pending reads.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../nipworker-core/tests/relay_support/mod.rs"]
mod relay_support;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use nipworker_ffi::*;
use relay_support::TestRelay;

const SECRET: &str = "b7e151628aed2a6abf7158809cf4f3c762e7160f38b4da56a784d9045190cfef";
const WAIT: Duration = Duration::from_secs(20);

/// A relay on 127.0.0.1 (nostr-relay-builder, as in the core's tests) and its URL.
async fn relay() -> (TestRelay, String) {
    let relay = TestRelay::start().await;
    let url = relay.url();
    (relay, url)
}

fn config(relays: &[&str]) -> ClientConfig {
    let relays: Vec<String> = relays.iter().map(|r| (*r).to_owned()).collect();
    ClientConfig {
        read_relays: relays.clone(),
        write_relays: relays,
        indexer_relays: vec![],
        store: Some(Store::Memory),
        verify: true,
        max_connections: None,
        publish_timeout_ms: Some(5_000),
        eose_timeout_ms: Some(5_000),
    }
}

fn options() -> SubscribeOptions {
    SubscribeOptions {
        relays: None,
        cache: Some(CacheMode::NoCache),
        close_on_eose: false,
        preset: None,
        buffer: None,
        eose_timeout_ms: None,
        include_raw: false,
    }
}

fn kind_filter(kind: u16, author: Option<&str>) -> Filter {
    Filter {
        kinds: Some(vec![kind]),
        authors: author.map(|a| vec![a.to_owned()]),
        ..Filter::default()
    }
}

fn note(content: &str) -> UnsignedEvent {
    UnsignedEvent {
        kind: 1,
        content: content.to_owned(),
        tags: vec![],
        created_at: None,
    }
}

/// Items until every relay sent its stored events.
async fn until_eose(sub: &Subscription) {
    let scan = async {
        for _ in 0..10_000 {
            match sub.next().await.unwrap() {
                Some(SubscriptionItem::EndOfStoredEvents {
                    relay: Some(_),
                    pending_relays: 0,
                    ..
                })
                | None => return,
                Some(_) => {}
            }
        }
    };
    tokio::time::timeout(WAIT, scan)
        .await
        .expect("no end of stored events");
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_arguments_are_typed_errors() {
    let (mut relay, url) = relay().await;
    assert!(matches!(
        SignerSpec::private_key("nsec1notakey".into()),
        Err(NipworkerError::InvalidSigner { reason }) if !reason.contains("nsec1notakey")
    ));
    let bunker = format!(
        "bunker://{}?relay=wss://r.example&secret=hunter2",
        "ab".repeat(32)
    );
    assert!(matches!(
        SignerSpec::bunker(bunker.clone(), 0),
        Err(NipworkerError::InvalidArgument { .. })
    ));
    assert!(SignerSpec::bunker(bunker, 1_000).is_ok());
    match SignerSpec::bunker("bunker://zz?secret=hunter2".into(), 1_000) {
        Err(NipworkerError::InvalidSigner { reason }) => assert!(!reason.contains("hunter2")),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        filter_from_json("[1,2]".into()),
        Err(NipworkerError::InvalidFilter { .. })
    ));
    assert!(matches!(
        event_from_json("{}".into()),
        Err(NipworkerError::InvalidEvent { .. })
    ));
    assert!(matches!(
        NostrClient::create(config(&["https://example.com"])).await,
        Err(NipworkerError::InvalidRelayUrl { url, .. }) if url == "https://example.com"
    ));
    let mut bad_timeout = config(&[&url]);
    bad_timeout.publish_timeout_ms = Some(0);
    assert!(matches!(
        NostrClient::create(bad_timeout).await,
        Err(NipworkerError::InvalidArgument { .. })
    ));

    let client = NostrClient::create(config(&[&url])).await.unwrap();
    let bad_id = Filter {
        ids: Some(vec!["00".into()]),
        ..Filter::default()
    };
    assert!(matches!(
        client.subscribe(vec![bad_id], options()).await,
        Err(NipworkerError::InvalidHex { field, .. }) if field == "ids"
    ));
    let bad_tag = Filter {
        tags: HashMap::from([("tt".to_owned(), vec!["x".to_owned()])]),
        ..Filter::default()
    };
    assert!(matches!(
        client.subscribe(vec![bad_tag], options()).await,
        Err(NipworkerError::InvalidFilter { .. })
    ));
    assert!(matches!(
        client.subscribe(vec![], options()).await,
        Err(NipworkerError::InvalidFilter { .. })
    ));
    let zero_buffer = SubscribeOptions {
        buffer: Some(0),
        ..options()
    };
    assert!(matches!(
        client
            .subscribe(vec![kind_filter(1, None)], zero_buffer)
            .await,
        Err(NipworkerError::InvalidArgument { .. })
    ));
    assert!(matches!(
        client.publish_unsigned(note("x"), None).await,
        Err(NipworkerError::NoSigner)
    ));
    assert!(matches!(
        client.nostrconnect(vec![], None, 1_000),
        Err(NipworkerError::InvalidArgument { .. })
    ));
    let pairing = client
        .nostrconnect(vec![url.clone()], Some("test".into()), 1_000)
        .unwrap();
    assert!(pairing.uri().starts_with("nostrconnect://"));

    // A signed event whose content was changed after signing is refused before it is sent.
    client
        .set_signer(Arc::new(SignerSpec::private_key(SECRET.into()).unwrap()))
        .await
        .unwrap();
    let published = client
        .publish_unsigned(note("original"), None)
        .await
        .unwrap();
    let mut found = client
        .query(
            vec![Filter {
                ids: Some(vec![published.event_id.clone()]),
                ..Filter::default()
            }],
            options(),
        )
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    let mut tampered = found.remove(0).event;
    tampered.content = "changed".into();
    assert!(matches!(
        client.publish(tampered, None).await,
        Err(NipworkerError::InvalidEvent { .. })
    ));

    client.close().await.unwrap();
    assert!(matches!(
        client.public_key().await,
        Err(NipworkerError::Closed)
    ));
    assert!(matches!(
        client
            .subscribe(vec![kind_filter(1, None)], options())
            .await,
        Err(NipworkerError::Closed)
    ));
    relay.stop();
}

#[tokio::test(flavor = "multi_thread")]
async fn publish_subscribe_parsed_and_raw() {
    let (mut relay, url) = relay().await;
    let client = NostrClient::create(config(&[&url])).await.unwrap();
    let me = client
        .set_signer(Arc::new(SignerSpec::private_key(SECRET.into()).unwrap()))
        .await
        .unwrap();
    assert_eq!(me, public_key_of(SECRET.into()).unwrap());
    let sub = client
        .subscribe(
            vec![kind_filter(1, Some(&me))],
            SubscribeOptions {
                include_raw: true,
                ..options()
            },
        )
        .await
        .unwrap();
    until_eose(&sub).await;
    let text = "gm #nostr see https://example.com/v.mp4";
    let result = client.publish_unsigned(note(text), None).await.unwrap();
    assert_eq!(result.relays.len(), 1);
    assert_eq!(result.relays[0].status, PublishStatus::Accepted);

    let item = tokio::time::timeout(WAIT, sub.next())
        .await
        .unwrap()
        .unwrap();
    let Some(SubscriptionItem::Event { item }) = item else {
        panic!("expected the note, got {item:?}");
    };
    assert_eq!(item.event.id, result.event_id);
    assert_eq!(item.relay.as_deref(), Some(url.as_str()));
    let Some(ParsedEvent::Note { note }) = &item.parsed else {
        panic!("not parsed as a note: {:?}", item.parsed);
    };
    assert_eq!(
        note.blocks,
        vec![
            ContentBlock::Text { text: "gm ".into() },
            ContentBlock::Hashtag {
                text: "#nostr".into(),
                name: "nostr".into()
            },
            ContentBlock::Text {
                text: " see ".into()
            },
            ContentBlock::Url {
                text: "https://example.com/v.mp4".into(),
                media: MediaType::Video
            },
        ]
    );
    // The raw bytes are the parser worker's FlatBuffers message for this very event.
    let raw = item.raw.clone().expect("raw bytes asked for");
    let message = nipworker_core::ipc::ChannelMessage::<
        nipworker_core::protocol::flatbuffers::fb::parsed::SubscriptionMessage,
    >::from_bytes(raw.into())
    .unwrap();
    assert!(message.to_table().is_ok());
    assert_eq!(
        event_from_json(event_to_json(item.event.clone()).unwrap()).unwrap(),
        item.event
    );

    sub.close().await;
    assert_eq!(sub.next().await.unwrap(), None);
    client.close().await.unwrap();
    relay.stop();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_slow_reader_lags_and_closing_ends_pending_reads() {
    let (mut relay, url) = relay().await;
    let client = NostrClient::create(config(&[&url])).await.unwrap();
    let me = client
        .set_signer(Arc::new(SignerSpec::private_key(SECRET.into()).unwrap()))
        .await
        .unwrap();
    let slow = client
        .subscribe(
            vec![kind_filter(1, Some(&me))],
            SubscribeOptions {
                buffer: Some(4),
                ..options()
            },
        )
        .await
        .unwrap();
    until_eose(&slow).await;
    // 40 events while nobody reads: the subscription holds at most its buffer.
    for i in 0..40 {
        client
            .publish_unsigned(note(&format!("n{i}")), None)
            .await
            .unwrap();
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    let (mut events, mut skipped) = (0u64, 0u64);
    let drain = async {
        for _ in 0..100 {
            match slow.next().await.unwrap() {
                Some(SubscriptionItem::Event { .. }) => events += 1,
                Some(SubscriptionItem::Lagged { skipped: s }) => skipped += s,
                Some(_) | None => {}
            }
            if events + skipped >= 40 {
                return;
            }
        }
    };
    tokio::time::timeout(WAIT, drain)
        .await
        .expect("items missing");
    assert!(skipped > 0, "a slow reader must lag, got {events} events");
    assert!(events < 40);
    assert_eq!(events + skipped, 40, "every event delivered or counted");

    // A read in flight when the client closes ends with None.
    let pending = {
        let sub = Arc::new(slow);
        let reader = sub.clone();
        tokio::spawn(async move { reader.next().await })
    };
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert!(!pending.is_finished());
    client.close().await.unwrap();
    let ended = tokio::time::timeout(WAIT, pending).await.unwrap().unwrap();
    assert_eq!(ended.unwrap(), None);
    relay.stop();
}

/// Records what the listener receives.
struct Recorder {
    items: Arc<Mutex<Vec<SubscriptionItem>>>,
    ended: Arc<Mutex<Option<Option<String>>>>,
}

impl SubscriptionListener for Recorder {
    fn on_item(&self, item: SubscriptionItem) {
        self.items.lock().unwrap().push(item);
    }

    fn on_end(&self, error: Option<String>) {
        *self.ended.lock().unwrap() = Some(error);
    }
}

/// A listener that fails on its first item.
struct Failing(Arc<Mutex<Option<Option<String>>>>);

impl SubscriptionListener for Failing {
    fn on_item(&self, _: SubscriptionItem) {
        panic!("the app's callback failed");
    }

    fn on_end(&self, error: Option<String>) {
        *self.0.lock().unwrap() = Some(error);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn listeners_get_items_and_a_failing_one_is_stopped() {
    let (mut relay, url) = relay().await;
    let client = NostrClient::create(config(&[&url])).await.unwrap();
    let me = client
        .set_signer(Arc::new(SignerSpec::private_key(SECRET.into()).unwrap()))
        .await
        .unwrap();
    let items = Arc::new(Mutex::new(Vec::new()));
    let ended = Arc::new(Mutex::new(None));
    let sub = client
        .subscribe_with_listener(
            vec![kind_filter(1, Some(&me))],
            options(),
            Box::new(Recorder {
                items: items.clone(),
                ended: ended.clone(),
            }),
        )
        .await
        .unwrap();
    let failed = Arc::new(Mutex::new(None));
    let failing = client
        .subscribe_with_listener(
            vec![kind_filter(1, Some(&me))],
            options(),
            Box::new(Failing(failed.clone())),
        )
        .await
        .unwrap();
    let published = client.publish_unsigned(note("pushed"), None).await.unwrap();
    let seen = |id: &str| {
        items
            .lock()
            .unwrap()
            .iter()
            .any(|i| matches!(i, SubscriptionItem::Event { item } if item.event.id == id))
    };
    for _ in 0..200 {
        if seen(&published.event_id) && failed.lock().unwrap().is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(seen(&published.event_id), "the listener never got the note");
    let failure = failed.lock().unwrap().clone();
    assert!(
        matches!(&failure, Some(Some(reason)) if reason.contains("on_item failed")),
        "{failure:?}"
    );
    sub.close().await;
    for _ in 0..100 {
        if ended.lock().unwrap().is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(*ended.lock().unwrap(), Some(None));
    drop(failing);
    client.close().await.unwrap();
    relay.stop();
}
