//! The NIP-01 relay socket of the real server binary, in front of real relays on 127.0.0.1:
//! stored then live events, shared upstream subscriptions, publishing with and without write
//! access, forged events, bad input, limits and slow clients.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../nipworker-core/tests/relay_support/mod.rs"]
mod relay_support;
mod support;

use std::time::Duration;

use nipworker_core::protocol::{EventBuilder, Keys};
use nipworker_core::{Kind, Tag};
use relay_support::scripted::{Script, ScriptedRelay, event_for_sub};
use serde_json::json;
use support::{Client, Server, TOKEN, eventually, forged, note};

const WAIT: Duration = Duration::from_secs(10);

#[tokio::test]
async fn req_serves_stored_events_then_eose_then_live_events() {
    let relay = ScriptedRelay::start().await;
    let keys = Keys::generate();
    relay.store(&note(&keys, "stored upstream"));
    let server = Server::start(&[("NIPWORKER_RELAYS", &relay.url())]);

    let mut client = Client::connect(&server.ws_url(None)).await;
    client.send(json!(["REQ", "feed", {"kinds": [1]}])).await;
    let stored = client.until("EOSE", "feed").await;
    assert_eq!(Client::contents(&stored, "feed"), vec!["stored upstream"]);

    let live = note(&keys, "published live");
    assert!(
        relay
            .wait_until(WAIT, |r| r.open_subscriptions() >= 1)
            .await
    );
    relay.push(&live);
    let message = client.next_not_auth().await;
    assert_eq!(message[0], "EVENT");
    assert_eq!(message[1], "feed");
    assert_eq!(message[2]["id"], live.id.to_string());

    // A second client gets the stored events too (now also from the gateway's cache), once.
    let mut other = Client::connect(&server.ws_url(None)).await;
    other.send(json!(["REQ", "again", {"kinds": [1]}])).await;
    let again = other.until("EOSE", "again").await;
    let mut contents = Client::contents(&again, "again");
    contents.sort();
    assert_eq!(contents, vec!["published live", "stored upstream"]);
}

#[tokio::test]
async fn identical_live_filters_share_one_upstream_subscription() {
    let relay = ScriptedRelay::start().await;
    let keys = Keys::generate();
    let server = Server::start(&[("NIPWORKER_RELAYS", &relay.url())]);
    let filter = json!({"kinds": [1], "authors": [keys.public_key().to_string()]});
    let mut clients = Vec::new();
    for i in 0..5 {
        let mut client = Client::connect(&server.ws_url(None)).await;
        let sub = format!("s{i}");
        client.send(json!(["REQ", sub, filter])).await;
        client.until("EOSE", &sub).await;
        clients.push(client);
    }
    assert_eq!(
        server.metric("nipworker_live_upstream_subscriptions").await,
        Some(1.0)
    );
    // The stored phases ended (CLOSE after EOSE): one live REQ stays open upstream.
    assert!(
        relay
            .wait_until(WAIT, |r| r.open_subscriptions() == 1)
            .await,
        "open upstream subscriptions: {}",
        relay.open_subscriptions()
    );
    let live = note(&keys, "to everyone");
    relay.push(&live);
    for (i, client) in clients.iter_mut().enumerate() {
        let message = client.next_not_auth().await;
        assert_eq!(message[1], format!("s{i}"));
        assert_eq!(message[2]["id"], live.id.to_string());
    }
    // The last client leaving closes the upstream subscription.
    for (i, client) in clients.iter_mut().enumerate() {
        client.send(json!(["CLOSE", format!("s{i}")])).await;
    }
    assert!(
        relay
            .wait_until(WAIT, |r| r.open_subscriptions() == 0)
            .await
    );
    assert!(
        eventually(WAIT, async || server
            .metric("nipworker_live_upstream_subscriptions")
            .await
            == Some(0.0))
        .await
    );
}

#[tokio::test]
async fn identical_concurrent_reqs_share_one_upstream_stored_request() {
    // A relay that never answers REQs keeps the first request in flight while the others come.
    let relay = ScriptedRelay::start_with(Script::new().stall_req()).await;
    let server = Server::start(&[
        ("NIPWORKER_RELAYS", &relay.url()),
        ("NIPWORKER_QUERY_TIMEOUT_MS", "1500"),
    ]);
    let filter = json!({"kinds": [30023], "limit": 5});
    let mut clients = Vec::new();
    for i in 0..5 {
        let mut client = Client::connect(&server.ws_url(None)).await;
        client.send(json!(["REQ", format!("s{i}"), filter])).await;
        clients.push(client);
    }
    for (i, client) in clients.iter_mut().enumerate() {
        client.until("EOSE", &format!("s{i}")).await;
    }
    // Stored-event REQs carry the client's filter with its limit; the shared live one carries
    // `since` instead (the gateway's warm-up asks for an id no event has).
    let reqs = relay.reqs();
    let ours: Vec<_> = reqs
        .iter()
        .filter(|r| r[2].get("kinds").is_some())
        .collect();
    let stored = ours.iter().filter(|r| r[2].get("limit").is_some()).count();
    let live = ours.iter().filter(|r| r[2].get("since").is_some()).count();
    assert_eq!((stored, live), (1, 1), "{reqs:?}");
}

#[tokio::test]
async fn forged_upstream_copies_never_reach_clients() {
    let keys = Keys::generate();
    let genuine = note(&keys, "genuine");
    let forged_copy = forged(&genuine).to_string();
    let relay =
        ScriptedRelay::start_with(Script::new().prefix_frames([event_for_sub(&forged_copy)])).await;
    relay.store(&genuine);
    let server = Server::start(&[("NIPWORKER_RELAYS", &relay.url())]);
    let mut client = Client::connect(&server.ws_url(None)).await;
    client.send(json!(["REQ", "q", {"kinds": [1]}])).await;
    let messages = client.until("EOSE", "q").await;
    let events: Vec<_> = messages.iter().filter(|m| m[0] == "EVENT").collect();
    assert_eq!(events.len(), 1, "{messages:?}");
    assert_eq!(events[0][2]["sig"], genuine.sig.to_string());
}

#[tokio::test]
async fn publishing_needs_write_access_and_a_valid_event() {
    let relay = ScriptedRelay::start().await;
    let keys = Keys::generate();

    // Read-only by default.
    let read_only = Server::start(&[("NIPWORKER_RELAYS", &relay.url())]);
    let mut client = Client::connect(&read_only.ws_url(None)).await;
    let event = note(&keys, "hello");
    client.send(json!(["EVENT", event])).await;
    let ok = client.next_not_auth().await;
    assert_eq!(ok[0], "OK");
    assert_eq!(ok[2], false);
    assert!(ok[3].as_str().unwrap().starts_with("blocked:"), "{ok}");

    let server = Server::start(&[
        ("NIPWORKER_RELAYS", &relay.url()),
        ("NIPWORKER_API_TOKEN", TOKEN),
    ]);
    // Without the token.
    let mut anonymous = Client::connect(&server.ws_url(None)).await;
    anonymous.send(json!(["EVENT", event])).await;
    let ok = anonymous.next_not_auth().await;
    assert_eq!(ok[2], false);
    assert!(ok[3].as_str().unwrap().starts_with("restricted:"), "{ok}");
    // A wrong token is no token.
    let mut wrong = Client::connect(&server.ws_url(Some("wrong-token-0123456789"))).await;
    wrong.send(json!(["EVENT", event])).await;
    assert_eq!(wrong.next_not_auth().await[2], false);

    // With the token: verified, stored, published upstream; OK reflects the upstream OK.
    let mut writer = Client::connect(&server.ws_url(Some(TOKEN))).await;
    writer.send(json!(["EVENT", event])).await;
    let ok = writer.next_not_auth().await;
    assert_eq!(ok, json!(["OK", event.id.to_string(), true, ""]));
    assert!(
        relay
            .stored()
            .iter()
            .any(|e| e.contains(&event.id.to_string()))
    );

    // A forged event is refused before anything else, stored nowhere.
    let other = note(&keys, "forged");
    writer.send(json!(["EVENT", forged(&other)])).await;
    let ok = writer.next_not_auth().await;
    assert_eq!(ok[1], other.id.to_string());
    assert_eq!(ok[2], false);
    assert!(ok[3].as_str().unwrap().starts_with("invalid:"), "{ok}");
    assert!(
        !relay
            .stored()
            .iter()
            .any(|e| e.contains(&other.id.to_string()))
    );
    writer
        .send(json!(["REQ", "mine", {"ids": [other.id.to_string(), event.id.to_string()]}]))
        .await;
    let found = writer.until("EOSE", "mine").await;
    assert_eq!(Client::contents(&found, "mine"), vec!["hello"]);
}

#[tokio::test]
async fn nip42_auth_grants_writing_to_allowed_keys() {
    let relay = ScriptedRelay::start().await;
    let keys = Keys::generate();
    let pubkey = keys.public_key().to_string();
    let server = Server::start(&[
        ("NIPWORKER_RELAYS", &relay.url()),
        ("NIPWORKER_WRITE_PUBKEYS", &pubkey),
    ]);
    let mut client = Client::connect(&server.ws_url(None)).await;
    let challenge = client.recv().await;
    assert_eq!(challenge[0], "AUTH");
    let challenge = challenge[1].as_str().unwrap().to_owned();

    let event = note(&keys, "after auth");
    client.send(json!(["EVENT", event])).await;
    let ok = client.recv().await;
    assert!(
        ok[3].as_str().unwrap().starts_with("auth-required:"),
        "{ok}"
    );

    let wrong = EventBuilder::new(Kind(22242), "")
        .tag(Tag::new(["relay", "ws://gateway"]))
        .tag(Tag::new(["challenge", "not-the-challenge"]))
        .sign(&keys);
    client.send(json!(["AUTH", wrong])).await;
    assert_eq!(client.recv().await[2], false);

    let auth = EventBuilder::new(Kind(22242), "")
        .tag(Tag::new(["relay", "ws://gateway"]))
        .tag(Tag::new(["challenge", challenge.as_str()]))
        .sign(&keys);
    client.send(json!(["AUTH", auth])).await;
    assert_eq!(
        client.recv().await,
        json!(["OK", auth.id.to_string(), true, ""])
    );
    client.send(json!(["EVENT", event])).await;
    assert_eq!(client.recv().await[2], true);
}

#[tokio::test]
async fn bad_input_is_answered_and_the_connection_survives() {
    let server = Server::start(&[
        ("NIPWORKER_MAX_FILTERS", "2"),
        ("NIPWORKER_MAX_MESSAGE_BYTES", "4096"),
    ]);
    let mut client = Client::connect(&server.ws_url(None)).await;
    client.recv().await; // AUTH challenge

    client.send_text("not json".into()).await;
    let notice = client.recv().await;
    assert_eq!(notice[0], "NOTICE");
    assert!(notice[1].as_str().unwrap().starts_with("invalid:"));

    client.send(json!(["HELLO"])).await;
    assert_eq!(client.recv().await[0], "NOTICE");

    client.send(json!(["REQ", "x", {}, {}, {}])).await;
    let closed = client.recv().await;
    assert_eq!(closed[0], "CLOSED");
    assert_eq!(closed[1], "x");
    assert!(
        closed[2].as_str().unwrap().contains("too many filters"),
        "{closed}"
    );

    client.send(json!(["REQ", "y", {"kinds": "one"}])).await;
    let closed = client.recv().await;
    assert_eq!(
        (closed[0].as_str(), closed[1].as_str()),
        (Some("CLOSED"), Some("y"))
    );

    client
        .send(json!(["EVENT", {"id": "00".repeat(32), "kind": "x"}]))
        .await;
    let ok = client.recv().await;
    assert_eq!(ok[0], "OK");
    assert_eq!(ok[2], false);

    // Over the size limit (but under the hard cap): a NOTICE, and the connection stays.
    let big = json!(["REQ", "big", {"search": "x".repeat(5000)}]).to_string();
    client.send_text(big).await;
    let notice = client.recv().await;
    assert!(
        notice[1].as_str().unwrap().contains("too large"),
        "{notice}"
    );

    client.send(json!(["REQ", "fine", {"kinds": [1]}])).await;
    client.until("EOSE", "fine").await;

    // Far over the hard cap: the connection is closed; the server goes on.
    client.send_text("x".repeat(20_000)).await;
    assert!(client.recv_within(WAIT).await.is_none());
    let mut fresh = Client::connect(&server.ws_url(None)).await;
    fresh.send(json!(["REQ", "ok", {"kinds": [1]}])).await;
    fresh.until("EOSE", "ok").await;
    assert!(
        server
            .metric("nipworker_client_messages_rejected_total{reason=\"malformed_message\"}")
            .await
            >= Some(3.0)
    );
}

#[tokio::test]
async fn limits_per_connection_and_per_address() {
    let server = Server::start(&[
        ("NIPWORKER_MAX_SUBSCRIPTIONS", "2"),
        ("NIPWORKER_MAX_CONNECTIONS_PER_IP", "2"),
        ("NIPWORKER_EVENTS_PER_SECOND", "1"),
        ("NIPWORKER_API_TOKEN", TOKEN),
    ]);
    let mut client = Client::connect(&server.ws_url(Some(TOKEN))).await;
    client.recv().await;
    for sub in ["a", "b"] {
        client.send(json!(["REQ", sub, {"kinds": [1]}])).await;
        client.until("EOSE", sub).await;
    }
    client.send(json!(["REQ", "c", {"kinds": [1]}])).await;
    let closed = client.recv().await;
    assert_eq!(closed[1], "c");
    assert!(
        closed[2].as_str().unwrap().starts_with("blocked:"),
        "{closed}"
    );
    // Replacing an open subscription is not a new one.
    client.send(json!(["REQ", "a", {"kinds": [7]}])).await;
    client.until("EOSE", "a").await;

    // Events beyond the rate (1/s, bursts of 2) are refused with `rate-limited:`.
    let keys = Keys::generate();
    let mut refused = 0;
    for i in 0..6 {
        client
            .send(json!(["EVENT", note(&keys, &format!("n{i}"))]))
            .await;
    }
    for _ in 0..6 {
        let ok = client.recv().await;
        if ok[3].as_str().unwrap_or("").starts_with("rate-limited:") {
            refused += 1;
        }
    }
    assert!(refused >= 3, "refused {refused} of 6");

    // A third connection from the same address is refused at the upgrade.
    let _second = Client::connect(&server.ws_url(None)).await;
    let third = tokio_tungstenite::connect_async(server.ws_url(None)).await;
    match third {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            assert_eq!(response.status(), 429)
        }
        other => panic!("expected 429, got {other:?}"),
    }
}

#[tokio::test]
async fn a_client_that_reads_nothing_does_not_hold_up_the_others() {
    let relay = ScriptedRelay::start().await;
    let keys = Keys::generate();
    let server = Server::start(&[
        ("NIPWORKER_RELAYS", &relay.url()),
        ("NIPWORKER_CLIENT_QUEUE", "8"),
    ]);
    let filter = json!({"kinds": [1], "authors": [keys.public_key().to_string()]});
    let mut stalled = Client::connect(&server.ws_url(None)).await;
    stalled.send(json!(["REQ", "s", filter])).await;
    stalled.until("EOSE", "s").await;
    let mut reader = Client::connect(&server.ws_url(None)).await;
    reader.send(json!(["REQ", "r", filter])).await;
    reader.until("EOSE", "r").await;

    // Enough bytes to fill the stalled client's socket buffers (a few MB on loopback), its
    // queue and the shared subscription's buffer (4 x the queue) several times over.
    const N: usize = 500;
    let body = "x".repeat(60_000);
    let events: Vec<_> = (0..N)
        .map(|i| EventBuilder::new(Kind(1), format!("{i} {body}")).sign(&keys))
        .collect();
    // In step with the reading client, so only the stalled one falls behind.
    let mut got = 0;
    for event in &events {
        relay.push(event);
        let message = reader
            .recv_within(Duration::from_secs(30))
            .await
            .expect("event");
        assert_eq!(message[0], "EVENT", "{message}");
        got += 1;
    }
    assert_eq!(got, N, "the reading client got every event");

    // The stalled client's subscription was closed with a reason (or the connection dropped).
    let mut closed = None;
    for _ in 0..N + 10 {
        match stalled.recv_within(Duration::from_secs(5)).await {
            Some(m) if m[0] == "CLOSED" => {
                closed = Some(m);
                break;
            }
            Some(_) => continue,
            None => break,
        }
    }
    let closed = closed.expect("the stalled subscription is closed with a reason");
    assert!(closed[2].as_str().unwrap().contains("too slow"), "{closed}");
    let health = reqwest::get(server.url("/health")).await.unwrap();
    assert_eq!(health.status(), 200);
}

#[tokio::test]
async fn count_answers_from_the_cache_and_relays() {
    let relay = ScriptedRelay::start().await;
    let keys = Keys::generate();
    for i in 0..3 {
        relay.store(&note(&keys, &format!("c{i}")));
    }
    let server = Server::start(&[("NIPWORKER_RELAYS", &relay.url())]);
    let mut client = Client::connect(&server.ws_url(None)).await;
    let filter = json!({"authors": [keys.public_key().to_string()]});
    client.send(json!(["REQ", "fill", filter])).await;
    client.until("EOSE", "fill").await;
    client.send(json!(["COUNT", "n", filter])).await;
    let count = client.until("COUNT", "n").await;
    let count = count.last().unwrap();
    assert_eq!(count[2]["count"], 3, "{count}");
}
