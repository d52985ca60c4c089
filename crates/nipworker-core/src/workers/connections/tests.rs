//! The worker end to end over the mock transport: reconnection and its backoff schedule,
//! resubscription with `since`, backpressure, NIP-42 AUTH, hostile frames, queue limits, the pool.

use std::time::Duration;

use serde_json::Value;

use super::requests::{self, PublishOptions, SubscribeOptions};
use super::*;
use crate::ipc::{CryptoEndpoints, IpcChannels, IpcConfig, ParserEndpoints, StatusReceiver};
use crate::protocol::flatbuffers::write_event;
use crate::protocol::messages::RelayMessage;
use crate::protocol::{EventBuilder, EventId, Keys, Kind, Tag, Timestamp};
use crate::transport::mock::{GARBAGE_FRAMES, MockHandle, MockRelay, MockTransport};

const WAIT: Duration = Duration::from_secs(10);
const RELAY: &str = "ws://relay.test";

struct Harness {
    parser: ParserEndpoints,
    crypto: CryptoEndpoints,
    status: StatusReceiver,
    mock: MockHandle,
    stats: Arc<ConnectionStats>,
}

fn fast_config() -> ConnectionsConfig {
    ConnectionsConfig {
        backoff: BackoffConfig {
            base: Duration::from_millis(10),
            factor: 2.0,
            cap: Duration::from_millis(40),
            jitter: 0.0,
            max_attempts: None,
        },
        ..ConnectionsConfig::default()
    }
}

fn start(config: ConnectionsConfig, ipc: IpcConfig) -> Harness {
    let (transport, mock) = MockTransport::new();
    let ipc = IpcChannels::new(&ipc).unwrap();
    let worker = ConnectionsWorker::new(config, ipc.connections, Arc::new(transport)).unwrap();
    let stats = worker.spawn();
    Harness {
        parser: ipc.parser,
        crypto: ipc.crypto,
        status: ipc.status,
        mock,
        stats,
    }
}

impl Harness {
    async fn request(&self, message: ChannelMessage<fb::ConnectionsRequest>) {
        self.parser.connections.tx.send(message).await.unwrap();
    }

    async fn next(&mut self) -> fb::ConnectionsMessage {
        let message = runtime::timeout(WAIT, self.parser.connections.rx.recv())
            .await
            .expect("no message from the worker in time")
            .expect("worker gone");
        message.to_table().unwrap()
    }

    async fn relay(&mut self) -> MockRelay {
        runtime::timeout(WAIT, self.mock.next_connection())
            .await
            .expect("no connection in time")
            .unwrap()
    }

    async fn status(&mut self) -> fb::RelayStatus {
        runtime::timeout(WAIT, self.status.recv())
            .await
            .expect("no status in time")
            .unwrap()
            .to_table()
            .unwrap()
    }

    async fn status_until(&mut self, state: fb::RelayState) -> fb::RelayStatus {
        for _ in 0..100 {
            let status = self.status().await;
            if status.state == state {
                return status;
            }
        }
        panic!("no {state:?} status");
    }
}

async fn sent_json(relay: &mut MockRelay) -> Value {
    let frame = runtime::timeout(WAIT, relay.recv_sent())
        .await
        .expect("client sent nothing in time")
        .expect("client closed");
    serde_json::from_str(&frame).unwrap()
}

fn note(keys: &Keys, at: u64, text: &str) -> Event {
    EventBuilder::new(Kind::TEXT_NOTE, text)
        .created_at(Timestamp(at))
        .sign(keys)
}

fn event_frame(sub: &str, event: &Event) -> String {
    RelayMessage::event(sub, event).to_json()
}

fn two_filters() -> Vec<Filter> {
    vec![
        Filter::new().kind(Kind::TEXT_NOTE),
        Filter::new().kind(Kind::REACTION),
    ]
}

fn on<'a>(relays: &'a [&'a str]) -> SubscribeOptions<'a> {
    SubscribeOptions {
        relays: Some(relays),
        ..SubscribeOptions::default()
    }
}

fn received(message: &fb::ConnectionsMessage) -> &fb::EventReceived {
    match &message.body {
        fb::ConnectionsMessageBody::EventReceived(e) => e,
        other => panic!("expected an event, got {other:?}"),
    }
}

#[tokio::test]
async fn backoff_schedule_then_failed() {
    let config = ConnectionsConfig {
        backoff: BackoffConfig {
            base: Duration::from_millis(50),
            factor: 2.0,
            cap: Duration::from_millis(200),
            jitter: 0.0,
            max_attempts: Some(5),
        },
        ..ConnectionsConfig::default()
    };
    let mut h = start(config.clone(), IpcConfig::default());
    h.mock.refuse_all(true);
    h.request(requests::subscribe(1, "s", &two_filters(), &on(&[RELAY])))
        .await;
    let mut delays = Vec::new();
    for attempt in 1..=4u32 {
        let status = h.status_until(fb::RelayState::BackingOff).await;
        let now_ms = web_time::SystemTime::now()
            .duration_since(web_time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as u64;
        assert_eq!(status.attempt, attempt);
        let retry_in = status.retry_at_ms.unwrap().saturating_sub(now_ms);
        let ceiling = config.backoff.ceiling(attempt).as_millis() as u64;
        // Announced when the wait starts: at most the delay ahead, and not much less.
        assert!(
            retry_in <= ceiling && retry_in + 40 >= ceiling,
            "{retry_in} vs {ceiling}"
        );
        delays.push(ceiling);
    }
    assert_eq!(delays, [50, 100, 200, 200]);
    let failed = h.status_until(fb::RelayState::Failed).await;
    assert_eq!(failed.attempt, 5);
    assert!(failed.reason.unwrap().contains("gave up after 5 attempts"));
    assert_eq!(h.mock.connect_count(), 5);
    // The subscription learns that its only relay is gone.
    let closed = h.next().await;
    let fb::ConnectionsMessageBody::Closed(closed) = closed.body else {
        panic!("expected Closed");
    };
    assert_eq!(closed.subscription_id, "s");
    assert!(closed.reason.unwrap().starts_with("error: relay failed"));
}

#[tokio::test]
async fn resubscribes_with_since_after_a_drop() {
    let keys = Keys::generate();
    let mut h = start(fast_config(), IpcConfig::default());
    h.request(requests::subscribe(
        7,
        "feed",
        &two_filters(),
        &on(&[RELAY]),
    ))
    .await;
    let mut relay = h.relay().await;
    let req = sent_json(&mut relay).await;
    assert_eq!(req[0], "REQ");
    assert_eq!(
        req.as_array().unwrap().len(),
        4,
        "one REQ with both filters"
    );
    let wire = req[1].as_str().unwrap().to_owned();
    assert!(wire.len() <= 8, "short wire id {wire}");
    assert!(req[2].get("since").is_none());

    let stored = note(&keys, 1_000, "stored");
    let live = note(&keys, 2_000, "live");
    relay.push_text(event_frame(&wire, &stored)).await.unwrap();
    relay
        .push_text(RelayMessage::eose(wire.as_str()).to_json())
        .await
        .unwrap();
    relay.push_text(event_frame(&wire, &live)).await.unwrap();
    let first = h.next().await;
    assert_eq!(first.request_id, 7);
    assert_eq!(received(&first).subscription_id, "feed");
    let eose = h.next().await;
    assert!(matches!(eose.body, fb::ConnectionsMessageBody::Eose(ref e) if e.pending_relays == 0));
    let second = h.next().await;
    assert_eq!(received(&second).event.created_at, 2_000);

    relay.drop_connection();
    let disconnected = h.status_until(fb::RelayState::Disconnected).await;
    assert!(disconnected.reason.is_some());
    let mut relay = h.relay().await;
    h.status_until(fb::RelayState::Connected).await;
    let again = sent_json(&mut relay).await;
    assert_eq!(again[0], "REQ");
    assert_eq!(again[1].as_str().unwrap(), wire, "same subscription id");
    // The local time of the last frame on the dropped connection minus the 10 s overlap, on every
    // filter; never an event's `created_at`.
    let since = again[2]["since"].as_u64().unwrap();
    let now = crate::protocol::Timestamp::now().as_u64();
    assert!(
        (now - 15..=now - 10).contains(&since),
        "since {since}, now {now}"
    );
    assert_eq!(again[3]["since"], since);

    // The overlap brings the live event again: dropped as a duplicate; the new one comes through.
    let newer = note(&keys, 2_100, "newer");
    relay.push_text(event_frame(&wire, &live)).await.unwrap();
    relay.push_text(event_frame(&wire, &newer)).await.unwrap();
    let third = h.next().await;
    assert_eq!(received(&third).event.created_at, 2_100);
    let stats = h.stats.snapshot();
    assert_eq!(stats.duplicates_dropped, 1);
    assert_eq!(stats.reconnects, 1);
    assert_eq!(stats.resubscribed, 1);
}

#[tokio::test]
async fn stalled_consumer_keeps_memory_bounded() {
    let keys = Keys::generate();
    let config = ConnectionsConfig {
        report_queue: 4,
        connect: ConnectOptions {
            receive_queue: 4,
            ..ConnectOptions::default()
        },
        ..fast_config()
    };
    let ipc = IpcConfig {
        relay_stream: 4,
        ..IpcConfig::default()
    };
    let mut h = start(config, ipc);
    h.request(requests::subscribe(1, "s", &two_filters(), &on(&[RELAY])))
        .await;
    let mut relay = h.relay().await;
    let wire = sent_json(&mut relay).await[1].as_str().unwrap().to_owned();

    // Nobody reads the relay stream: the relay can push only until every bounded queue between
    // it and the parser is full, then the socket stops taking frames.
    let events: Vec<Event> = (0..400).map(|i| note(&keys, 1_000 + i, "x")).collect();
    let mut pushed = 0;
    for event in &events {
        let mut accepted = false;
        for _ in 0..20 {
            if relay.try_push_text(event_frame(&wire, event)).is_ok() {
                accepted = true;
                break;
            }
            runtime::sleep(Duration::from_millis(5)).await;
        }
        if !accepted {
            break;
        }
        pushed += 1;
    }
    // Receive queue + relay task outbox + report queue + worker outbox + relay stream.
    let bound = 4 + 1 + 4 + OUTBOX_ROOM + 4 + 2;
    assert!(pushed < events.len(), "the relay was never slowed down");
    assert!(
        pushed <= bound,
        "{pushed} frames taken in with a stalled consumer"
    );
    let buffered = h.parser.connections.rx.len();
    assert!(buffered <= 4);

    // Once the consumer reads, everything arrives in order and nothing was lost.
    for (i, event) in events.iter().take(pushed).enumerate() {
        let message = h.next().await;
        assert_eq!(received(&message).event.id, event.id.into(), "event {i}");
    }
    assert_eq!(h.stats.snapshot().events_delivered, pushed as u64);
    relay
        .try_push_text(event_frame(&wire, &events[pushed]))
        .unwrap();
    assert_eq!(received(&h.next().await).event.id, events[pushed].id.into());
}

#[tokio::test]
async fn auth_challenge_is_signed_and_refusals_are_retried_once() {
    let user = Keys::generate();
    let author = Keys::generate();
    let mut h = start(fast_config(), IpcConfig::default());

    // The crypto worker's stand-in: signs each SignAuth with a real key.
    let mut crypto = std::mem::replace(
        &mut h.crypto.connections,
        crate::ipc::IpcChannels::new(&IpcConfig::default())
            .unwrap()
            .crypto
            .connections,
    );
    let signer = user.clone();
    let signer_task = tokio::spawn(async move {
        let mut signed = 0;
        while let Some(request) = crypto.rx.recv().await {
            let table = request.to_table().unwrap();
            let fb::CryptoRequestBody::SignAuth(auth) = table.body else {
                panic!("unexpected crypto request");
            };
            let event = EventBuilder::new(Kind::AUTH, "")
                .tag(Tag::new(["relay", auth.relay_url.as_str()]))
                .tag(Tag::new(["challenge", auth.challenge.as_str()]))
                .sign(&signer);
            let answer = ChannelMessage::build(|b| {
                let ev = write_event(b, &event);
                let body = fb::SignedEvent::create(b, ev);
                let body = fb::CryptoResponseBody::create_signed_event(b, body);
                fb::CryptoResponse::create(b, table.request_id, body)
            });
            crypto.tx.send(answer).await.unwrap();
            signed += 1;
        }
        signed
    });

    h.request(requests::subscribe(3, "dm", &two_filters(), &on(&[RELAY])))
        .await;
    let published = note(&user, 5_000, "needs auth");
    h.request(requests::publish(
        4,
        &published,
        &PublishOptions {
            relays: Some(&[RELAY]),
            ..PublishOptions::default()
        },
    ))
    .await;
    let mut relay = h.relay().await;
    let req = sent_json(&mut relay).await;
    let wire = req[1].as_str().unwrap().to_owned();
    let event = sent_json(&mut relay).await;
    assert_eq!(event[0], "EVENT");

    relay
        .push_text(RelayMessage::auth("challenge-123").to_json())
        .await
        .unwrap();
    relay
        .push_text(RelayMessage::closed(wire.as_str(), "auth-required: sign in").to_json())
        .await
        .unwrap();
    relay
        .push_text(RelayMessage::ok(published.id, false, "auth-required: sign in").to_json())
        .await
        .unwrap();

    let challenge = h.next().await;
    let fb::ConnectionsMessageBody::AuthChallenge(c) = challenge.body else {
        panic!("expected AuthChallenge");
    };
    assert_eq!(c.challenge, "challenge-123");
    assert_eq!(challenge.request_id, 0);

    let auth = sent_json(&mut relay).await;
    assert_eq!(auth[0], "AUTH");
    let auth_event: Event = serde_json::from_value(auth[1].clone()).unwrap();
    auth_event.verify().unwrap();
    assert_eq!(auth_event.kind, Kind::AUTH);
    assert_eq!(auth_event.pubkey, user.public_key());
    assert_eq!(
        auth_event.first_tag_value("challenge"),
        Some("challenge-123")
    );
    assert_eq!(auth_event.first_tag_value("relay"), Some(RELAY));
    relay
        .push_text(RelayMessage::ok(auth_event.id, true, "").to_json())
        .await
        .unwrap();

    // Both refused frames are sent again, once.
    let mut retried = [sent_json(&mut relay).await, sent_json(&mut relay).await];
    retried.sort_by_key(|v| v[0].as_str().unwrap().to_owned());
    assert_eq!(retried[0][0], "EVENT");
    assert_eq!(retried[1][0], "REQ");
    assert_eq!(retried[1][1].as_str().unwrap(), wire);

    let dm = note(&author, 6_000, "hello");
    relay.push_text(event_frame(&wire, &dm)).await.unwrap();
    relay
        .push_text(RelayMessage::ok(published.id, true, "").to_json())
        .await
        .unwrap();
    let got = h.next().await;
    assert_eq!(received(&got).event.id, dm.id.into());
    let result = h.next().await;
    assert_eq!(result.request_id, 4);
    let fb::ConnectionsMessageBody::PublishResult(result) = result.body else {
        panic!("expected PublishResult");
    };
    let results = result.results.unwrap();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0].status, fb::RelayOkStatus::Accepted);

    // A second refusal of the same subscription on this connection is final and surfaced.
    relay
        .push_text(RelayMessage::closed(wire.as_str(), "auth-required: still no").to_json())
        .await
        .unwrap();
    let closed = h.next().await;
    let fb::ConnectionsMessageBody::Closed(closed) = closed.body else {
        panic!("expected Closed");
    };
    assert_eq!(closed.reason.as_deref(), Some("auth-required: still no"));
    assert_eq!(h.stats.snapshot().auth_challenges, 1);
    drop(h);
    let signed = runtime::timeout(WAIT, signer_task).await.unwrap().unwrap();
    assert_eq!(signed, 1);
}

#[tokio::test]
async fn hostile_frames_are_counted_and_dropped() {
    let keys = Keys::generate();
    let config = ConnectionsConfig {
        scan: ScanLimits {
            max_frame_bytes: 4096,
            ..ScanLimits::DEFAULT
        },
        ..fast_config()
    };
    let mut h = start(config.clone(), IpcConfig::default());
    h.request(requests::subscribe(1, "s", &two_filters(), &on(&[RELAY])))
        .await;
    let mut relay = h.relay().await;
    let wire = sent_json(&mut relay).await[1].as_str().unwrap().to_owned();

    let malformed = GARBAGE_FRAMES
        .iter()
        .filter(|f| RelayMessage::parse(f, &config.scan).is_err())
        .count();
    assert!(malformed >= 20);
    relay.push_garbage().await.unwrap();
    relay.push_binary(100).await.unwrap();
    relay
        .push_text(format!("[\"NOTICE\",\"{}\"]", "x".repeat(5000)))
        .await
        .unwrap();
    relay
        .push_text(event_frame("not-ours", &note(&keys, 1, "a")))
        .await
        .unwrap();
    let metadata = EventBuilder::new(Kind::METADATA, "{}").sign(&keys);
    relay
        .push_text(event_frame(&wire, &metadata))
        .await
        .unwrap();
    relay
        .push_text(RelayMessage::ok(EventId([9; 32]), true, "").to_json())
        .await
        .unwrap();
    // A forged event (bad id) still matches the filter: verification is the parser's job.
    let good = note(&keys, 2, "fine");
    relay.push_text(event_frame(&wire, &good)).await.unwrap();
    let message = h.next().await;
    assert_eq!(received(&message).event.id, good.id.into());

    let stats = h.stats.snapshot();
    assert_eq!(stats.malformed_dropped, malformed as u64);
    assert_eq!(stats.binary_dropped, 1);
    assert_eq!(stats.oversize_dropped, 1);
    assert_eq!(stats.unknown_subscription_dropped, 1);
    assert_eq!(stats.filter_mismatch_dropped, 1);
    assert_eq!(stats.unexpected_dropped, 1);
    assert_eq!(stats.events_delivered, 1);
    // The connection survived all of it.
    assert_eq!(h.mock.connect_count(), 1);
}

#[tokio::test]
async fn full_relay_queue_refuses_no_wait_publishes() {
    let keys = Keys::generate();
    let config = ConnectionsConfig {
        relay_send_queue: 1,
        connect: ConnectOptions {
            send_queue: 1,
            write_timeout: Duration::from_secs(30),
            ..ConnectOptions::default()
        },
        ..fast_config()
    };
    let mut h = start(config, IpcConfig::default());
    h.request(requests::subscribe(1, "s", &two_filters(), &on(&[RELAY])))
        .await;
    let mut relay = h.relay().await;
    h.status_until(fb::RelayState::Connected).await;
    assert_eq!(sent_json(&mut relay).await[0], "REQ");

    // The relay stops reading: one frame fills the socket queue, one blocks the relay task, one
    // fills its command queue.
    let events: Vec<Event> = (0..4).map(|i| note(&keys, 10 + i, "p")).collect();
    let options = PublishOptions {
        relays: Some(&[RELAY]),
        ..PublishOptions::default()
    };
    for (i, event) in events.iter().take(3).enumerate() {
        h.request(requests::publish(10 + i as u64, event, &options))
            .await;
    }
    let no_wait = PublishOptions {
        no_wait: true,
        ..options.clone()
    };
    h.request(requests::publish(99, &events[3], &no_wait)).await;
    let refused = h.next().await;
    assert_eq!(refused.request_id, 99);
    let fb::ConnectionsMessageBody::ConnectionsError(error) = refused.body else {
        panic!("expected ConnectionsError");
    };
    assert_eq!(error.code, fb::ConnectionsErrorCode::QueueFull);
    assert_eq!(h.stats.snapshot().queue_full, 1);

    // The relay reads again: the three waiting publishes go out and are answered.
    for _ in 0..3 {
        let frame = sent_json(&mut relay).await;
        assert_eq!(frame[0], "EVENT");
        let id = EventId::from_hex(frame[1]["id"].as_str().unwrap()).unwrap();
        relay
            .push_text(RelayMessage::ok(id, true, "").to_json())
            .await
            .unwrap();
    }
    let mut answered = Vec::new();
    for _ in 0..3 {
        answered.push(h.next().await.request_id);
    }
    answered.sort();
    assert_eq!(answered, [10, 11, 12]);
}

#[tokio::test]
async fn pool_closes_idle_relays_first_and_times_out_publishes() {
    let keys = Keys::generate();
    let config = ConnectionsConfig {
        max_connections: 1,
        ..fast_config()
    };
    let mut h = start(config, IpcConfig::default());
    let a = "ws://a.test";
    let b = "ws://b.test";
    h.request(requests::subscribe(1, "s", &two_filters(), &on(&[a])))
        .await;
    let mut relay_a = h.relay().await;
    sent_json(&mut relay_a).await;

    // A is busy (open subscription): B cannot get a connection.
    let event = note(&keys, 1, "x");
    let to_b = PublishOptions {
        relays: Some(&[b]),
        timeout_ms: 100,
        ..PublishOptions::default()
    };
    h.request(requests::publish(2, &event, &to_b)).await;
    let result = h.next().await;
    let fb::ConnectionsMessageBody::PublishResult(result) = result.body else {
        panic!("expected PublishResult");
    };
    let results = result.results.unwrap();
    assert_eq!(results[0].status, fb::RelayOkStatus::Failed);

    // Once A is idle it is closed to make room for B.
    h.request(requests::close(3, "s")).await;
    assert_eq!(sent_json(&mut relay_a).await[0], "CLOSE");
    h.request(requests::publish(4, &event, &to_b)).await;
    let mut relay_b = h.relay().await;
    assert_eq!(relay_b.url().as_str(), b);
    assert_eq!(sent_json(&mut relay_b).await[0], "EVENT");
    // A's connection was closed by the client.
    assert!(
        runtime::timeout(WAIT, relay_a.recv_sent())
            .await
            .unwrap()
            .is_none()
    );
    // B never answers: the publish times out.
    let result = h.next().await;
    assert_eq!(result.request_id, 4);
    let fb::ConnectionsMessageBody::PublishResult(result) = result.body else {
        panic!("expected PublishResult");
    };
    assert_eq!(
        result.results.unwrap()[0].status,
        fb::RelayOkStatus::Timeout
    );
    // Closing an unknown subscription is an error, not silence.
    h.request(requests::close(5, "nope")).await;
    let error = h.next().await;
    assert!(matches!(
        error.body,
        fb::ConnectionsMessageBody::ConnectionsError(ref e)
            if e.code == fb::ConnectionsErrorCode::UnknownSubscription
    ));
}

#[tokio::test]
async fn relay_limits_and_nip46_traffic() {
    let keys = Keys::generate();
    let relay_url = RelayUrl::parse(RELAY).unwrap();
    let mut config = fast_config();
    config.relay_limits.insert(
        relay_url,
        RelayLimits {
            max_subscriptions: Some(2),
            max_filters: Some(1),
            ..RelayLimits::default()
        },
    );
    let mut h = start(config, IpcConfig::default());
    // Two filters for a relay taking one per REQ: two REQs, one filter each.
    h.request(requests::subscribe(
        1,
        "wide",
        &two_filters(),
        &on(&[RELAY]),
    ))
    .await;
    let mut relay = h.relay().await;
    let mut parts = Vec::new();
    for _ in 0..2 {
        let req = sent_json(&mut relay).await;
        assert_eq!(req[0], "REQ");
        assert_eq!(req.as_array().unwrap().len(), 3);
        parts.push(req[1].as_str().unwrap().to_owned());
    }
    parts.sort();
    let base = parts[0].strip_suffix(".0").unwrap().to_owned();
    assert_eq!(parts[1], format!("{base}.1"));

    // NIP-46: the crypto worker's subscription waits for a free slot on this relay.
    let one = [Filter::new().kind(Kind::NOSTR_CONNECT)];
    h.crypto
        .nip46
        .tx
        .send(requests::nip46_subscribe(8, "nip46", &one, &on(&[RELAY])))
        .await
        .unwrap();
    runtime::sleep(Duration::from_millis(50)).await;
    assert!(relay.try_recv_sent().is_none(), "both slots are taken");

    // Events of either part reach the parser under the one subscription; EOSE once both ended.
    let reaction = EventBuilder::new(Kind::REACTION, "+").sign(&keys);
    relay
        .push_text(event_frame(&parts[1], &reaction))
        .await
        .unwrap();
    relay
        .push_text(RelayMessage::eose(parts[0].as_str()).to_json())
        .await
        .unwrap();
    relay
        .push_text(RelayMessage::eose(parts[1].as_str()).to_json())
        .await
        .unwrap();
    let got = h.next().await;
    assert_eq!(received(&got).subscription_id, "wide");
    let eose = h.next().await;
    assert!(matches!(eose.body, fb::ConnectionsMessageBody::Eose(ref e) if e.pending_relays == 0));

    // The relay closes one part: the other is closed too, the parser learns why, and the
    // waiting NIP-46 subscription gets the slots.
    relay
        .push_text(RelayMessage::closed(parts[0].as_str(), "error: shutting down").to_json())
        .await
        .unwrap();
    let close = sent_json(&mut relay).await;
    assert_eq!(close[0], "CLOSE");
    assert_eq!(close[1].as_str().unwrap(), parts[1]);
    let closed = h.next().await;
    let fb::ConnectionsMessageBody::Closed(closed) = closed.body else {
        panic!("expected Closed");
    };
    assert_eq!(closed.subscription_id, "wide");
    assert_eq!(closed.reason.as_deref(), Some("error: shutting down"));
    let req = sent_json(&mut relay).await;
    assert_eq!(req[0], "REQ");
    let wire = req[1].as_str().unwrap().to_owned();

    let request = EventBuilder::new(Kind::NOSTR_CONNECT, "ciphertext").sign(&keys);
    relay.push_text(event_frame(&wire, &request)).await.unwrap();
    let answer = runtime::timeout(WAIT, h.crypto.nip46.rx.recv())
        .await
        .unwrap()
        .unwrap()
        .to_table()
        .unwrap();
    assert_eq!(answer.request_id, 8);
    let fb::Nip46MessageBody::EventReceived(got) = answer.body else {
        panic!("expected EventReceived");
    };
    assert_eq!(got.subscription_id, "nip46");

    // A NIP-46 publish: its OK goes back to the crypto worker, not to the parser.
    let reply = EventBuilder::new(Kind::NOSTR_CONNECT, "reply").sign(&keys);
    h.crypto
        .nip46
        .tx
        .send(requests::nip46_publish(
            9,
            &reply,
            &PublishOptions {
                relays: Some(&[RELAY]),
                ..PublishOptions::default()
            },
        ))
        .await
        .unwrap();
    let event = sent_json(&mut relay).await;
    assert_eq!(event[0], "EVENT");
    relay
        .push_text(RelayMessage::ok(reply.id, true, "").to_json())
        .await
        .unwrap();
    let answer = runtime::timeout(WAIT, h.crypto.nip46.rx.recv())
        .await
        .unwrap()
        .unwrap()
        .to_table()
        .unwrap();
    assert_eq!(answer.request_id, 9);
    let fb::Nip46MessageBody::PublishResult(result) = answer.body else {
        panic!("expected PublishResult");
    };
    assert_eq!(
        result.results.unwrap()[0].status,
        fb::RelayOkStatus::Accepted
    );
    assert!(h.parser.connections.rx.is_empty());
}

#[tokio::test]
async fn untrusted_certificate_fails_at_once() {
    let mut h = start(fast_config(), IpcConfig::default());
    h.mock
        .fail_next_connect(crate::transport::TransportError::Tls {
            kind: crate::transport::TlsFailure::UntrustedCertificate,
            detail: "self-signed".to_owned(),
        });
    let keys = Keys::generate();
    let event = note(&keys, 1, "x");
    h.request(requests::publish(
        5,
        &event,
        &PublishOptions {
            relays: Some(&["wss://self-signed.test"]),
            ..PublishOptions::default()
        },
    ))
    .await;
    let failed = h.status_until(fb::RelayState::Failed).await;
    assert!(failed.reason.unwrap().contains("untrusted certificate"));
    // No retry: a certificate does not become trusted by waiting.
    assert_eq!(h.mock.connect_count(), 1);
    let result = h.next().await;
    assert_eq!(result.request_id, 5);
    let fb::ConnectionsMessageBody::PublishResult(result) = result.body else {
        panic!("expected PublishResult");
    };
    let results = result.results.unwrap();
    assert_eq!(results[0].status, fb::RelayOkStatus::Failed);
    assert!(
        results[0]
            .message
            .as_deref()
            .unwrap()
            .contains("relay failed")
    );
}

#[tokio::test]
async fn silent_signer_makes_the_auth_refusal_final() {
    let config = ConnectionsConfig {
        auth_timeout: Duration::from_millis(100),
        ..fast_config()
    };
    let mut h = start(config, IpcConfig::default());
    h.request(requests::subscribe(1, "s", &two_filters(), &on(&[RELAY])))
        .await;
    let mut relay = h.relay().await;
    let wire = sent_json(&mut relay).await[1].as_str().unwrap().to_owned();
    relay
        .push_text(RelayMessage::auth("nobody signs this").to_json())
        .await
        .unwrap();
    relay
        .push_text(RelayMessage::closed(wire.as_str(), "auth-required: sign in").to_json())
        .await
        .unwrap();
    relay
        .push_text(RelayMessage::auth("and again").to_json())
        .await
        .unwrap();
    for _ in 0..2 {
        assert!(matches!(
            h.next().await.body,
            fb::ConnectionsMessageBody::AuthChallenge(_)
        ));
    }
    // The crypto worker gets one request (not one per challenge) and never answers.
    let request = runtime::timeout(WAIT, h.crypto.connections.rx.recv())
        .await
        .unwrap()
        .unwrap();
    assert!(matches!(
        request.to_table().unwrap().body,
        fb::CryptoRequestBody::SignAuth(_)
    ));
    assert!(h.crypto.connections.rx.try_recv().unwrap().is_none());
    let closed = h.next().await;
    let fb::ConnectionsMessageBody::Closed(closed) = closed.body else {
        panic!("expected Closed");
    };
    let reason = closed.reason.unwrap();
    assert!(reason.starts_with("auth-required:"), "{reason}");
    assert!(reason.contains("did not answer"), "{reason}");
}

#[tokio::test]
async fn a_stalled_relay_does_not_stall_the_others() {
    let keys = Keys::generate();
    let config = ConnectionsConfig {
        relay_send_queue: 1,
        connect: ConnectOptions {
            send_queue: 1,
            write_timeout: Duration::from_secs(30),
            ..ConnectOptions::default()
        },
        ..fast_config()
    };
    let mut h = start(config, IpcConfig::default());
    let (a, b) = ("ws://a.test", "ws://b.test");
    h.request(requests::subscribe(1, "sa", &two_filters(), &on(&[a])))
        .await;
    let mut relay_a = h.relay().await;
    assert_eq!(sent_json(&mut relay_a).await[0], "REQ");
    h.request(requests::subscribe(2, "sb", &two_filters(), &on(&[b])))
        .await;
    let mut relay_b = h.relay().await;
    let wire_b = sent_json(&mut relay_b).await[1]
        .as_str()
        .unwrap()
        .to_owned();

    // A stops reading; more publishes to A than its queues hold, so the last ones wait.
    let events: Vec<Event> = (0..5).map(|i| note(&keys, 100 + i, "to a")).collect();
    let to_a = PublishOptions {
        relays: Some(&[a]),
        ..PublishOptions::default()
    };
    for (i, event) in events.iter().enumerate() {
        h.request(requests::publish(10 + i as u64, event, &to_a))
            .await;
    }
    // B's events still reach the parser meanwhile.
    let from_b = note(&keys, 500, "from b");
    relay_b
        .push_text(event_frame(&wire_b, &from_b))
        .await
        .unwrap();
    let got = h.next().await;
    assert_eq!(got.request_id, 2);
    assert_eq!(received(&got).event.id, from_b.id.into());

    // A reads again: every publish goes out, in order, and is answered.
    for event in &events {
        let frame = sent_json(&mut relay_a).await;
        assert_eq!(frame[0], "EVENT");
        assert_eq!(frame[1]["id"], event.id.to_hex());
        relay_a
            .push_text(RelayMessage::ok(event.id, true, "").to_json())
            .await
            .unwrap();
    }
    let mut answered = Vec::new();
    for _ in 0..events.len() {
        answered.push(h.next().await.request_id);
    }
    answered.sort();
    assert_eq!(answered, [10, 11, 12, 13, 14]);
}

#[tokio::test]
async fn a_relay_that_keeps_dropping_backs_off_further() {
    let mut h = start(fast_config(), IpcConfig::default());
    h.request(requests::subscribe(1, "s", &two_filters(), &on(&[RELAY])))
        .await;
    for attempt in 1..=3u32 {
        let mut relay = h.relay().await;
        // The REQ is re-sent on every connection.
        assert_eq!(sent_json(&mut relay).await[0], "REQ");
        relay.drop_connection();
        let status = h.status_until(fb::RelayState::BackingOff).await;
        assert_eq!(status.attempt, attempt, "short-lived connections escalate");
    }
}

#[tokio::test]
async fn relay_limits_learned_at_run_time() {
    let mut h = start(fast_config(), IpcConfig::default());
    h.request(requests::subscribe(
        1,
        "first",
        &two_filters(),
        &on(&[RELAY]),
    ))
    .await;
    let mut relay = h.relay().await;
    assert_eq!(sent_json(&mut relay).await.as_array().unwrap().len(), 4);
    // The relay's information document arrives: one filter per REQ, two REQs at a time.
    let limits = RelayLimits {
        max_subscriptions: Some(2),
        max_filters: Some(1),
        ..RelayLimits::default()
    };
    h.request(requests::set_relay_limits(2, RELAY, limits))
        .await;
    h.request(requests::subscribe(
        3,
        "second",
        &two_filters(),
        &on(&[RELAY]),
    ))
    .await;
    // "first" holds a slot; "second" needs two: it waits until "first" closes.
    runtime::sleep(Duration::from_millis(50)).await;
    assert!(relay.try_recv_sent().is_none());
    // ... and its subscriber hears that it waits for a slot.
    let queued = h.next().await;
    assert_eq!(queued.request_id, 3);
    assert!(matches!(
        queued.body,
        fb::ConnectionsMessageBody::Queued(ref q) if q.subscription_id == "second"
    ));
    h.request(requests::close(4, "first")).await;
    assert_eq!(sent_json(&mut relay).await[0], "CLOSE");
    for _ in 0..2 {
        let req = sent_json(&mut relay).await;
        assert_eq!(req[0], "REQ");
        assert_eq!(req.as_array().unwrap().len(), 3);
    }
    // A bad relay URL is refused with a typed error.
    h.request(requests::set_relay_limits(5, "http://nope", limits))
        .await;
    let error = h.next().await;
    assert_eq!(error.request_id, 5);
    assert!(matches!(
        error.body,
        fb::ConnectionsMessageBody::ConnectionsError(ref e)
            if e.code == fb::ConnectionsErrorCode::InvalidRelayUrl
    ));
}

#[tokio::test]
async fn a_full_held_queue_blocks_only_requests_for_its_relay() {
    let keys = Keys::generate();
    let config = ConnectionsConfig {
        relay_send_queue: 1,
        relay_held_commands: 2,
        connect: ConnectOptions {
            send_queue: 1,
            write_timeout: Duration::from_secs(30),
            ..ConnectOptions::default()
        },
        ..fast_config()
    };
    let mut h = start(config, IpcConfig::default());
    let (a, b) = ("ws://a.test", "ws://b.test");
    h.request(requests::subscribe(1, "sa", &two_filters(), &on(&[a])))
        .await;
    let mut relay_a = h.relay().await;
    assert_eq!(sent_json(&mut relay_a).await[0], "REQ");
    h.request(requests::subscribe(2, "sb", &two_filters(), &on(&[b])))
        .await;
    let mut relay_b = h.relay().await;
    assert_eq!(sent_json(&mut relay_b).await[0], "REQ");

    // A stops reading. Five publishes: one fills A's socket queue, one blocks its task, one
    // fills its command queue, and the last two fill A's held queue (capacity 2).
    let to_a = PublishOptions {
        relays: Some(&[a]),
        ..PublishOptions::default()
    };
    let to_b = PublishOptions {
        relays: Some(&[b]),
        ..PublishOptions::default()
    };
    let for_a: Vec<Event> = (0..6).map(|i| note(&keys, 100 + i, "to a")).collect();
    let for_b: Vec<Event> = (0..3).map(|i| note(&keys, 200 + i, "to b")).collect();
    for (i, event) in for_a.iter().take(5).enumerate() {
        h.request(requests::publish(10 + i as u64, event, &to_a))
            .await;
    }
    // A publish to B goes out and is answered while A stays stalled (A's write timeout is 30 s,
    // past every wait here, so this could not happen if B waited for A).
    h.request(requests::publish(20, &for_b[0], &to_b)).await;
    let frame = sent_json(&mut relay_b).await;
    assert_eq!(frame[0], "EVENT");
    assert_eq!(frame[1]["id"], for_b[0].id.to_hex());
    relay_b
        .push_text(RelayMessage::ok(for_b[0].id, true, "").to_json())
        .await
        .unwrap();
    let answer = h.next().await;
    assert_eq!(answer.request_id, 20);
    assert!(matches!(
        answer.body,
        fb::ConnectionsMessageBody::PublishResult(_)
    ));

    // A no-wait publish to A is refused (A's queues are full); one to B is served.
    let no_wait_a = PublishOptions {
        no_wait: true,
        ..to_a.clone()
    };
    let no_wait_b = PublishOptions {
        no_wait: true,
        ..to_b.clone()
    };
    h.request(requests::publish(30, &for_a[5], &no_wait_a))
        .await;
    let refused = h.next().await;
    assert_eq!(refused.request_id, 30);
    let fb::ConnectionsMessageBody::ConnectionsError(error) = refused.body else {
        panic!("expected ConnectionsError");
    };
    assert_eq!(error.code, fb::ConnectionsErrorCode::QueueFull);
    assert_eq!(h.stats.snapshot().queue_full, 1);
    h.request(requests::publish(31, &for_b[1], &no_wait_b))
        .await;
    let frame = sent_json(&mut relay_b).await;
    assert_eq!(frame[1]["id"], for_b[1].id.to_hex());

    // A waiting publish to A finds A's held queue full: the worker takes no new request until
    // it is held, so the publish to B sent after it waits behind it.
    h.request(requests::publish(15, &for_a[5], &to_a)).await;
    h.request(requests::publish(21, &for_b[2], &to_b)).await;

    // A reads again: all six publishes go out in the order they were asked for.
    for event in &for_a {
        let frame = sent_json(&mut relay_a).await;
        assert_eq!(frame[0], "EVENT");
        assert_eq!(frame[1]["id"], event.id.to_hex());
        relay_a
            .push_text(RelayMessage::ok(event.id, true, "").to_json())
            .await
            .unwrap();
    }
    // Then B gets the publish that waited.
    let frame = sent_json(&mut relay_b).await;
    assert_eq!(frame[1]["id"], for_b[2].id.to_hex());
    for event in &for_b[1..] {
        relay_b
            .push_text(RelayMessage::ok(event.id, true, "").to_json())
            .await
            .unwrap();
    }
    let mut answered = Vec::new();
    for _ in 0..8 {
        answered.push(h.next().await.request_id);
    }
    answered.sort();
    assert_eq!(answered, [10, 11, 12, 13, 14, 15, 21, 31]);
    // Nothing was dropped.
    assert_eq!(h.stats.snapshot().undeliverable, 0);
}
