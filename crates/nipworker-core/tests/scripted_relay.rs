//! Self-test of the scripted relay (tests/relay_support/scripted.rs) with a plain WebSocket client:
//! every scripted behaviour is checked on the wire.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod relay_support;

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use nipworker_core::{Event, EventBuilder, Keys, Kind, Tag, Timestamp};
use relay_support::scripted::{DropMode, Script, ScriptedRelay};
use serde_json::{Value, json};
use tokio::net::TcpStream;
use tokio::time::timeout;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;

const WAIT: Duration = Duration::from_secs(5);

type Ws = WebSocketStream<TcpStream>;

async fn connect(url: &str) -> Ws {
    let addr = url.trim_start_matches("ws://");
    let tcp = timeout(WAIT, TcpStream::connect(addr))
        .await
        .expect("connect timed out")
        .expect("connect failed");
    let config = WebSocketConfig::default()
        .max_message_size(None)
        .max_frame_size(None);
    let (ws, _) = timeout(
        WAIT,
        tokio_tungstenite::client_async_with_config(url, tcp, Some(config)),
    )
    .await
    .expect("handshake timed out")
    .expect("handshake failed");
    ws
}

async fn send(ws: &mut Ws, message: Value) {
    timeout(WAIT, ws.send(Message::text(message.to_string())))
        .await
        .expect("send timed out")
        .expect("send failed");
}

/// The next text frame within `within`: `Err` on timeout, `Ok(None)` once the connection ended.
async fn next_text(ws: &mut Ws, within: Duration) -> Result<Option<String>, ()> {
    let deadline = tokio::time::Instant::now() + within;
    loop {
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        match timeout(left, ws.next()).await {
            Err(_) => return Err(()),
            Ok(Some(Ok(Message::Text(text)))) => return Ok(Some(text.as_str().to_owned())),
            Ok(Some(Ok(Message::Close(_)))) | Ok(None) | Ok(Some(Err(_))) => return Ok(None),
            Ok(Some(Ok(_))) => {}
        }
    }
}

/// The next text frame, parsed; panics on timeout or end of connection.
async fn recv(ws: &mut Ws) -> Value {
    let text = next_text(ws, WAIT)
        .await
        .expect("no frame in time")
        .expect("connection ended");
    serde_json::from_str(&text).expect("frame is not JSON")
}

/// Frames up to and including the EOSE (or CLOSED) of `sub`.
async fn until_eose(ws: &mut Ws, sub: &str) -> Vec<Value> {
    let mut frames = Vec::new();
    for _ in 0..1000 {
        let frame = recv(ws).await;
        let end = (frame[0] == "EOSE" || frame[0] == "CLOSED") && frame[1] == sub;
        frames.push(frame);
        if end {
            return frames;
        }
    }
    panic!("no EOSE for {sub}");
}

fn note(keys: &Keys, at: u64, text: &str) -> Event {
    EventBuilder::new(Kind::TEXT_NOTE, text)
        .tag(Tag::new(["t", "scripted"]))
        .created_at(Timestamp(at))
        .sign(keys)
}

fn req(sub: &str, filter: Value) -> Value {
    json!(["REQ", sub, filter])
}

#[tokio::test]
async fn req_gets_matching_stored_events_then_eose_and_is_recorded() {
    let relay = ScriptedRelay::start().await;
    let keys = Keys::generate();
    let a = note(&keys, 1_000, "a");
    let b = note(&keys, 2_000, "b");
    relay.store(&a);
    relay.store(&b);
    let mut ws = connect(&relay.url()).await;
    send(&mut ws, req("s1", json!({"kinds": [1]}))).await;
    let frames = until_eose(&mut ws, "s1").await;
    assert_eq!(frames.len(), 3);
    assert_eq!(
        frames[0],
        json!([
            "EVENT",
            "s1",
            serde_json::from_str::<Value>(&a.to_json()).unwrap()
        ])
    );
    assert_eq!(frames[1][2]["id"], b.id.to_hex());
    assert_eq!(frames[2], json!(["EOSE", "s1"]));

    // Filters are applied: `since` keeps only the newer event.
    send(&mut ws, req("s2", json!({"since": 1_500}))).await;
    let frames = until_eose(&mut ws, "s2").await;
    assert_eq!(frames.len(), 2);
    assert_eq!(frames[0][2]["id"], b.id.to_hex());

    assert_eq!(relay.reqs().len(), 2);
    assert_eq!(relay.reqs()[1][2]["since"], 1_500);
    assert_eq!(relay.received_frames().len(), 2);
    assert!(relay.received_frames()[0].contains("\"s1\""));
    assert_eq!(relay.connections(), 1);
}

#[tokio::test]
async fn prefix_frames_come_before_the_stored_events() {
    let relay = ScriptedRelay::start().await;
    let keys = Keys::generate();
    let real = note(&keys, 1_000, "real");
    let mut forged = real.clone();
    forged.content = "forged".into();
    relay.store(&real);
    let forged_frame = json!([
        "EVENT",
        "s",
        serde_json::from_str::<Value>(&forged.to_json()).unwrap()
    ]);
    relay.set_script(Script::new().prefix_frames([forged_frame.to_string()]));
    let mut ws = connect(&relay.url()).await;
    send(&mut ws, req("s", json!({}))).await;
    let frames = until_eose(&mut ws, "s").await;
    assert_eq!(frames.len(), 3);
    assert_eq!(frames[0][2]["content"], "forged");
    assert_eq!(frames[0][2]["id"], frames[1][2]["id"]);
    assert_eq!(frames[0][2]["sig"], frames[1][2]["sig"]);
    assert_eq!(frames[1][2]["content"], "real");
}

#[tokio::test]
async fn stall_req_sends_nothing_but_keeps_the_socket() {
    let relay = ScriptedRelay::start_with(Script::new().stall_req()).await;
    relay.store(&note(&Keys::generate(), 1_000, "x"));
    let mut ws = connect(&relay.url()).await;
    send(&mut ws, req("s", json!({}))).await;
    assert!(
        next_text(&mut ws, Duration::from_millis(300))
            .await
            .is_err()
    );
    // Still open: the relay records a later frame.
    send(&mut ws, json!(["CLOSE", "s"])).await;
    assert!(
        relay
            .wait_until(WAIT, |r| r.received_frames().len() == 2)
            .await
    );
    assert_eq!(relay.open_connections(), 1);
    // The script changes at once through the shared handle.
    relay.script().lock().unwrap().stall_req = false;
    send(&mut ws, req("t", json!({}))).await;
    assert_eq!(until_eose(&mut ws, "t").await.len(), 2);
}

#[tokio::test]
async fn closed_on_req_refuses_every_req() {
    let relay =
        ScriptedRelay::start_with(Script::new().closed_on_req("error: too many subscriptions"))
            .await;
    let mut ws = connect(&relay.url()).await;
    send(&mut ws, req("s", json!({}))).await;
    assert_eq!(
        recv(&mut ws).await,
        json!(["CLOSED", "s", "error: too many subscriptions"])
    );
    assert_eq!(relay.open_subscriptions(), 0);
}

#[tokio::test]
async fn max_subscriptions_refuses_beyond_the_limit() {
    let relay = ScriptedRelay::start_with(Script::new().max_subscriptions(2)).await;
    let mut ws = connect(&relay.url()).await;
    for sub in ["a", "b"] {
        send(&mut ws, req(sub, json!({}))).await;
        assert_eq!(until_eose(&mut ws, sub).await, vec![json!(["EOSE", sub])]);
    }
    send(&mut ws, req("c", json!({}))).await;
    assert_eq!(
        recv(&mut ws).await,
        json!(["CLOSED", "c", "error: too many subscriptions"])
    );
    // Replacing an open subscription is not a new one.
    send(&mut ws, req("a", json!({"kinds": [1]}))).await;
    assert_eq!(recv(&mut ws).await, json!(["EOSE", "a"]));
    // After a CLOSE there is room again.
    send(&mut ws, json!(["CLOSE", "b"])).await;
    send(&mut ws, req("c", json!({}))).await;
    assert_eq!(recv(&mut ws).await, json!(["EOSE", "c"]));
    assert_eq!(relay.open_subscriptions(), 2);
}

#[tokio::test]
async fn auth_required_challenges_and_refuses_until_auth() {
    let relay = ScriptedRelay::start_with(Script::new().auth_required()).await;
    let keys = Keys::generate();
    let mut ws = connect(&relay.url()).await;
    let challenge = recv(&mut ws).await;
    assert_eq!(challenge[0], "AUTH");
    let challenge = challenge[1].as_str().unwrap().to_owned();

    send(&mut ws, req("s", json!({}))).await;
    let closed = recv(&mut ws).await;
    assert_eq!(closed[0], "CLOSED");
    assert!(closed[2].as_str().unwrap().starts_with("auth-required:"));

    let event = note(&keys, 1_000, "hello");
    let event_json: Value = serde_json::from_str(&event.to_json()).unwrap();
    send(&mut ws, json!(["EVENT", event_json])).await;
    let ok = recv(&mut ws).await;
    assert_eq!(ok[0], "OK");
    assert_eq!(ok[2], false);
    assert!(ok[3].as_str().unwrap().starts_with("auth-required:"));
    assert!(relay.stored().is_empty());

    let auth = EventBuilder::new(Kind::AUTH, "")
        .tag(Tag::new(["relay", relay.url().as_str()]))
        .tag(Tag::new(["challenge", challenge.as_str()]))
        .sign(&keys);
    let auth_json: Value = serde_json::from_str(&auth.to_json()).unwrap();
    send(&mut ws, json!(["AUTH", auth_json])).await;
    assert_eq!(
        recv(&mut ws).await,
        json!(["OK", auth.id.to_hex(), true, ""])
    );

    send(&mut ws, json!(["EVENT", event_json])).await;
    assert_eq!(
        recv(&mut ws).await,
        json!(["OK", event.id.to_hex(), true, ""])
    );
    send(&mut ws, req("s", json!({}))).await;
    assert_eq!(until_eose(&mut ws, "s").await.len(), 2);
}

#[tokio::test]
async fn oversized_frame_follows_the_eose() {
    const SIZE: usize = 5 * 1024 * 1024;
    let relay = ScriptedRelay::start_with(Script::new().oversized_after_req(SIZE)).await;
    let mut ws = connect(&relay.url()).await;
    send(&mut ws, req("s", json!({}))).await;
    assert_eq!(recv(&mut ws).await, json!(["EOSE", "s"]));
    let big = next_text(&mut ws, WAIT).await.unwrap().unwrap();
    assert_eq!(big.len(), SIZE);
    // Then the relay continues normally.
    relay.update_script(|s| s.oversized_after_req = None);
    send(&mut ws, req("t", json!({}))).await;
    assert_eq!(recv(&mut ws).await, json!(["EOSE", "t"]));
}

#[tokio::test]
async fn drop_after_eose_closes_the_connection() {
    for mode in [DropMode::Abrupt, DropMode::CloseFrame] {
        let relay = ScriptedRelay::start_with(Script::new().drop_after_eose(mode)).await;
        relay.store(&note(&Keys::generate(), 1_000, "x"));
        let mut ws = connect(&relay.url()).await;
        send(&mut ws, req("s", json!({}))).await;
        assert_eq!(until_eose(&mut ws, "s").await.len(), 2);
        assert_eq!(next_text(&mut ws, WAIT).await, Ok(None), "{mode:?}");
        assert!(relay.wait_until(WAIT, |r| r.open_connections() == 0).await);
    }
}

#[tokio::test]
async fn push_reaches_open_subscriptions_on_every_connection() {
    let relay = ScriptedRelay::start().await;
    let keys = Keys::generate();
    let mut one = connect(&relay.url()).await;
    let mut two = connect(&relay.url()).await;
    send(&mut one, req("a", json!({}))).await;
    send(&mut two, req("b", json!({}))).await;
    until_eose(&mut one, "a").await;
    until_eose(&mut two, "b").await;
    let live = note(&keys, 3_000, "live");
    relay.push(&live);
    let got = recv(&mut one).await;
    assert_eq!(
        (got[0].clone(), got[1].clone()),
        (json!("EVENT"), json!("a"))
    );
    assert_eq!(got[2]["id"], live.id.to_hex());
    assert_eq!(recv(&mut two).await[2]["id"], live.id.to_hex());
    // Pushed events are stored too.
    assert_eq!(relay.stored(), vec![live.to_json()]);
    assert_eq!(relay.connections(), 2);
}

#[tokio::test]
async fn client_events_are_acknowledged_and_stored() {
    let relay = ScriptedRelay::start().await;
    let event = note(&Keys::generate(), 1_000, "published");
    let event_json: Value = serde_json::from_str(&event.to_json()).unwrap();
    let mut ws = connect(&relay.url()).await;
    send(&mut ws, json!(["EVENT", event_json])).await;
    assert_eq!(
        recv(&mut ws).await,
        json!(["OK", event.id.to_hex(), true, ""])
    );
    relay.update_script(|s| s.ok_extra_elements = true);
    send(&mut ws, json!(["EVENT", event_json])).await;
    assert_eq!(
        recv(&mut ws).await,
        json!(["OK", event.id.to_hex(), true, "", 1])
    );
    assert_eq!(
        Event::from_json(&relay.stored()[0]).unwrap(),
        event,
        "stored as sent"
    );
}

#[tokio::test]
async fn restart_keeps_port_events_and_script_and_kill_keeps_listening() {
    let relay = ScriptedRelay::start_with(Script::new().max_subscriptions(5)).await;
    let url = relay.url();
    let event = note(&Keys::generate(), 1_000, "kept");
    relay.store(&event);

    let mut ws = connect(&url).await;
    relay.kill_connections();
    assert_eq!(next_text(&mut ws, WAIT).await, Ok(None));
    let mut ws = connect(&url).await;
    send(&mut ws, req("s", json!({}))).await;
    assert_eq!(until_eose(&mut ws, "s").await.len(), 2);

    relay.stop();
    assert_eq!(next_text(&mut ws, WAIT).await, Ok(None));
    // The listener goes with its task, which may need a moment to be dropped.
    let mut refused = false;
    for _ in 0..100 {
        if TcpStream::connect(url.trim_start_matches("ws://"))
            .await
            .is_err()
        {
            refused = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(refused, "still listening after stop()");

    relay.restart().await;
    assert_eq!(relay.url(), url);
    let mut ws = connect(&url).await;
    send(&mut ws, req("s", json!({}))).await;
    let frames = until_eose(&mut ws, "s").await;
    assert_eq!(frames[0][2]["id"], event.id.to_hex());
    assert_eq!(relay.script().lock().unwrap().max_subscriptions, Some(5));
    assert_eq!(relay.connections(), 3);
    assert_eq!(relay.reqs().len(), 2);
}
