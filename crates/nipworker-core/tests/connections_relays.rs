//! The connections worker against five real relays (nostr-relay-builder, an independent relay
//! implementation) on 127.0.0.1: one REQ with two filters per relay, stored events delivered once
//! across relays, EOSE from each, OK from each for a publish, and a relay stopped and restarted on
//! the same port with the subscription resuming by itself and no event lost.
#![cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod relay_support;

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use nipworker_core::ipc::{
    ChannelMessage, IpcChannels, IpcConfig, ParserEndpoints, StatusReceiver,
};
use nipworker_core::protocol::flatbuffers::{fb, write_event};
use nipworker_core::transport::{TlsOptions, TokioWebSocket, WebSocketTransport};
use nipworker_core::workers::connections::requests::{self, PublishOptions, SubscribeOptions};
use nipworker_core::workers::connections::{
    BackoffConfig, ConnectionStats, ConnectionsConfig, ConnectionsWorker,
};
use nipworker_core::{Event, EventBuilder, EventId, Filter, Keys, Kind, Tag, Timestamp};
use nostr_relay_builder::prelude as nr;
use relay_support::TestRelay;
use tokio::time::timeout;

/// Upper bound for any single wait, so a bug fails instead of hanging.
const LIMIT: Duration = Duration::from_secs(15);

struct Client {
    parser: ParserEndpoints,
    status: StatusReceiver,
    stats: Arc<ConnectionStats>,
    crypto: Option<nipworker_core::ipc::CryptoEndpoints>,
    _cache: nipworker_core::ipc::CacheEndpoints,
}

impl Client {
    fn start() -> Self {
        let ipc = IpcChannels::new(&IpcConfig::default()).unwrap();
        let transport: Arc<dyn WebSocketTransport> =
            Arc::new(TokioWebSocket::new(TlsOptions::default()).unwrap());
        let config = ConnectionsConfig {
            backoff: BackoffConfig {
                base: Duration::from_millis(100),
                factor: 2.0,
                cap: Duration::from_secs(1),
                jitter: 0.2,
                max_attempts: None,
            },
            ..ConnectionsConfig::default()
        };
        let worker = ConnectionsWorker::new(config, ipc.connections, transport).unwrap();
        let stats = worker.spawn();
        Self {
            parser: ipc.parser,
            status: ipc.status,
            stats,
            crypto: Some(ipc.crypto),
            _cache: ipc.cache,
        }
    }

    async fn next(&mut self) -> fb::ConnectionsMessage {
        timeout(LIMIT, self.parser.connections.rx.recv())
            .await
            .expect("no message in time")
            .expect("worker gone")
            .to_table()
            .unwrap()
    }

    async fn wait_status(&mut self, url: &str, state: fb::RelayState) {
        let deadline = tokio::time::Instant::now() + LIMIT;
        loop {
            let status = timeout(deadline - tokio::time::Instant::now(), self.status.recv())
                .await
                .unwrap_or_else(|_| panic!("no {state:?} for {url} in time"))
                .unwrap()
                .to_table()
                .unwrap();
            if status.relay_url == url && status.state == state {
                return;
            }
        }
    }
}

fn note(keys: &Keys, kind: Kind, at: u64, text: &str) -> Event {
    EventBuilder::new(kind, text)
        .tag(Tag::new(["t", "nipworker-test"]))
        .created_at(Timestamp(at))
        .sign(keys)
}

fn id_of(event: &fb::EventReceived) -> EventId {
    EventId::from(event.event.id)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn five_relays_dedup_eose_ok_and_resume_after_restart() {
    let author = Keys::generate();
    let now = Timestamp::now().0;
    let mut relays = Vec::new();
    for _ in 0..5 {
        relays.push(TestRelay::start().await);
    }

    // Stored history: ten notes and five reactions on every relay, plus one note only on each
    // relay, and events of another kind that the filters must not bring.
    let mut expected: HashSet<EventId> = HashSet::new();
    let shared: Vec<Event> = (0..15)
        .map(|i| {
            let kind = if i < 10 {
                Kind::TEXT_NOTE
            } else {
                Kind::REACTION
            };
            note(&author, kind, now - 1_000 + i, &format!("shared {i}"))
        })
        .collect();
    for relay in &relays {
        for event in &shared {
            assert!(relay.store(event).await);
        }
    }
    expected.extend(shared.iter().map(|e| e.id));
    for (i, relay) in relays.iter().enumerate() {
        let own = note(
            &author,
            Kind::TEXT_NOTE,
            now - 500 + i as u64,
            &format!("own {i}"),
        );
        assert!(relay.store(&own).await);
        expected.insert(own.id);
        let other = note(&author, Kind::METADATA, now - 400, "{}");
        assert!(relay.store(&other).await);
    }

    let mut client = Client::start();
    let urls: Vec<String> = relays.iter().map(TestRelay::url).collect();
    let url_refs: Vec<&str> = urls.iter().map(String::as_str).collect();
    let filters = [
        Filter::new()
            .author(author.public_key())
            .kind(Kind::TEXT_NOTE),
        Filter::new()
            .author(author.public_key())
            .kind(Kind::REACTION),
    ];
    client
        .parser
        .connections
        .tx
        .send(requests::subscribe(
            1,
            "feed",
            &filters,
            &SubscribeOptions {
                relays: Some(&url_refs),
                ..SubscribeOptions::default()
            },
        ))
        .await
        .unwrap();

    // Every stored event exactly once, and one EOSE per relay.
    let mut got: Vec<EventId> = Vec::new();
    let mut eose_from: HashSet<String> = HashSet::new();
    let mut last_pending = u32::MAX;
    while eose_from.len() < 5 {
        let message = client.next().await;
        assert_eq!(message.request_id, 1);
        match message.body {
            fb::ConnectionsMessageBody::EventReceived(e) => {
                assert_eq!(e.subscription_id, "feed");
                got.push(id_of(&e));
            }
            fb::ConnectionsMessageBody::Eose(e) => {
                assert!(eose_from.insert(e.relay_url.clone()), "second EOSE");
                assert!(e.pending_relays < last_pending);
                last_pending = e.pending_relays;
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(last_pending, 0);
    assert_eq!(eose_from, urls.iter().cloned().collect());
    let unique: HashSet<EventId> = got.iter().copied().collect();
    assert_eq!(unique.len(), got.len(), "an event was delivered twice");
    // Each relay's EOSE only says that relay is done: events of slower relays may still be on
    // their way, so read until all are in.
    while got.len() < expected.len() {
        let message = client.next().await;
        let fb::ConnectionsMessageBody::EventReceived(e) = message.body else {
            panic!("unexpected {:?}", message.body);
        };
        got.push(id_of(&e));
    }
    let unique: HashSet<EventId> = got.iter().copied().collect();
    assert_eq!(unique, expected);
    assert_eq!(unique.len(), got.len());
    let stats = client.stats.snapshot();
    assert_eq!(stats.events_delivered, expected.len() as u64);
    // 15 shared events came from four more relays each and were dropped as duplicates.
    assert_eq!(stats.duplicates_dropped, 15 * 4);

    // Publish to all five: each relay's OK, and the live event once on the subscription.
    let published = note(&author, Kind::TEXT_NOTE, Timestamp::now().0, "published");
    client
        .parser
        .connections
        .tx
        .send(requests::publish(
            2,
            &published,
            &PublishOptions {
                relays: Some(&url_refs),
                timeout_ms: 5_000,
                ..PublishOptions::default()
            },
        ))
        .await
        .unwrap();
    let mut result = None;
    let mut live = 0;
    while result.is_none() || live == 0 {
        let message = client.next().await;
        match message.body {
            fb::ConnectionsMessageBody::PublishResult(r) => {
                assert_eq!(message.request_id, 2);
                result = Some(r);
            }
            fb::ConnectionsMessageBody::EventReceived(e) => {
                assert_eq!(id_of(&e), published.id);
                live += 1;
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    let result = result.unwrap();
    assert_eq!(EventId::from(result.event_id), published.id);
    let oks: HashMap<String, fb::RelayOkStatus> = result
        .results
        .unwrap()
        .into_iter()
        .map(|r| (r.relay_url.unwrap(), r.status))
        .collect();
    assert_eq!(oks.len(), 5);
    assert!(
        oks.values().all(|s| *s == fb::RelayOkStatus::Accepted),
        "{oks:?}"
    );

    // Stop one relay; while it is down, another client's event lands in its store. After the
    // restart on the same port the subscription resumes by itself and brings that event.
    let restarted = 2;
    let url = relays[restarted].url();
    relays[restarted].stop();
    client.wait_status(&url, fb::RelayState::Disconnected).await;
    let missed = note(&author, Kind::REACTION, Timestamp::now().0, "while away");
    assert!(relays[restarted].store(&missed).await);
    relays[restarted].restart().await;
    client.wait_status(&url, fb::RelayState::Connected).await;
    loop {
        let message = client.next().await;
        match message.body {
            fb::ConnectionsMessageBody::EventReceived(e) => {
                // The overlap may bring the published event again: it must not be delivered.
                assert_eq!(id_of(&e), missed.id, "only the missed event is new");
                assert_eq!(e.relay_url, url);
                break;
            }
            fb::ConnectionsMessageBody::Eose(_) => {}
            other => panic!("unexpected {other:?}"),
        }
    }
    let stats = client.stats.snapshot();
    assert!(stats.reconnects >= 1);
    assert_eq!(stats.resubscribed, stats.reconnects);
    assert_eq!(stats.malformed_dropped, 0);
    assert_eq!(stats.filter_mismatch_dropped, 0);

    for relay in &mut relays {
        relay.stop();
    }
}

/// The crypto worker's stand-in: signs every `SignAuth` with `keys`; returns how many it signed.
fn spawn_auth_signer(
    mut crypto: nipworker_core::ipc::CryptoService,
    keys: Keys,
) -> tokio::task::JoinHandle<usize> {
    tokio::spawn(async move {
        let mut signed = 0;
        while let Some(request) = crypto.rx.recv().await {
            let table = request.to_table().unwrap();
            let fb::CryptoRequestBody::SignAuth(auth) = table.body else {
                panic!("unexpected crypto request");
            };
            let event = EventBuilder::new(Kind::AUTH, "")
                .tag(Tag::new(["relay", auth.relay_url.as_str()]))
                .tag(Tag::new(["challenge", auth.challenge.as_str()]))
                .created_at(Timestamp::now())
                .sign(&keys);
            let answer = ChannelMessage::build(|b| {
                let ev = write_event(b, &event);
                let body = fb::SignedEvent::create(b, ev);
                let body = fb::CryptoResponseBody::create_signed_event(b, body);
                fb::CryptoResponse::create(b, table.request_id, body)
            });
            if crypto.tx.send(answer).await.is_err() {
                break;
            }
            signed += 1;
        }
        signed
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nip42_relay_requires_auth_for_reading_and_writing() {
    let user = Keys::generate();
    let relay = TestRelay::start_with(Some(nr::RelayBuilderNip42 {
        mode: nr::RelayBuilderNip42Mode::Both,
    }))
    .await;
    let stored = note(
        &user,
        Kind::TEXT_NOTE,
        Timestamp::now().0 - 60,
        "members only",
    );
    assert!(relay.store(&stored).await);

    let mut client = Client::start();
    let crypto = client.crypto.take().unwrap();
    let signer = spawn_auth_signer(crypto.connections, user.clone());
    let url = relay.url();
    let relays = [url.as_str()];
    client
        .parser
        .connections
        .tx
        .send(requests::subscribe(
            1,
            "private",
            &[Filter::new().author(user.public_key())],
            &SubscribeOptions {
                relays: Some(&relays),
                ..SubscribeOptions::default()
            },
        ))
        .await
        .unwrap();
    let published = note(&user, Kind::TEXT_NOTE, Timestamp::now().0, "after auth");
    client
        .parser
        .connections
        .tx
        .send(requests::publish(
            2,
            &published,
            &PublishOptions {
                relays: Some(&relays),
                timeout_ms: 5_000,
                ..PublishOptions::default()
            },
        ))
        .await
        .unwrap();

    // The relay refuses both until we authenticate; both are retried and succeed.
    let mut challenges = 0;
    let mut events = HashSet::new();
    let mut eose = false;
    let mut accepted = None;
    while !(eose && accepted.is_some() && events.contains(&published.id)) {
        let message = client.next().await;
        match message.body {
            fb::ConnectionsMessageBody::AuthChallenge(c) => {
                assert_eq!(c.relay_url, url);
                challenges += 1;
            }
            fb::ConnectionsMessageBody::EventReceived(e) => {
                events.insert(id_of(&e));
            }
            fb::ConnectionsMessageBody::Eose(_) => eose = true,
            fb::ConnectionsMessageBody::PublishResult(r) => {
                let results = r.results.unwrap();
                accepted = Some(results[0].status);
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert!(challenges >= 1);
    assert_eq!(accepted, Some(fb::RelayOkStatus::Accepted));
    assert!(events.contains(&stored.id));
    assert_eq!(client.stats.snapshot().auth_challenges, challenges);
    drop(client);
    let signed = timeout(LIMIT, signer).await.unwrap().unwrap();
    assert!(signed >= 1);
}
