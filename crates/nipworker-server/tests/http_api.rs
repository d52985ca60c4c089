//! The HTTP API of the real server binary: publishing with and without the token, queries as
//! JSON and NDJSON, parsed subscriptions, NIP-11, readiness and metrics, bad input included.

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../nipworker-core/tests/relay_support/mod.rs"]
mod relay_support;
mod support;

use std::time::Duration;

use futures::{SinkExt, StreamExt};
use nipworker_core::protocol::{EventBuilder, Keys};
use nipworker_core::{Kind, Timestamp};
use relay_support::scripted::ScriptedRelay;
use serde_json::{Value, json};
use support::{Server, TOKEN, forged, note};
use tokio_tungstenite::tungstenite::Message;

const WAIT: Duration = Duration::from_secs(10);

async fn post(server: &Server, path: &str, token: Option<&str>, body: String) -> (u16, Value) {
    let client = reqwest::Client::new();
    let mut request = client.post(server.url(path)).body(body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

#[tokio::test]
async fn publish_needs_the_token_and_a_valid_event() {
    let relay = ScriptedRelay::start().await;
    let keys = Keys::generate();
    let event = note(&keys, "over http");

    let read_only = Server::start(&[("NIPWORKER_RELAYS", &relay.url())]);
    let (status, body) = post(&read_only, "/v1/events", Some(TOKEN), event.to_json()).await;
    assert_eq!(status, 403, "{body}");

    let server = Server::start(&[
        ("NIPWORKER_RELAYS", &relay.url()),
        ("NIPWORKER_API_TOKEN", TOKEN),
    ]);
    let (status, body) = post(&server, "/v1/events", None, event.to_json()).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (401, Some("unauthorized"))
    );
    let (status, _) = post(
        &server,
        "/v1/events",
        Some("wrong-token-0123456789"),
        event.to_json(),
    )
    .await;
    assert_eq!(status, 401);
    let (status, body) = post(&server, "/v1/events", Some(TOKEN), "{not json".into()).await;
    assert_eq!((status, body["error"].as_str()), (400, Some("bad_request")));
    let bad = note(&keys, "forged over http");
    let (status, body) = post(&server, "/v1/events", Some(TOKEN), forged(&bad).to_string()).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (422, Some("invalid_event"))
    );
    assert!(
        !relay
            .stored()
            .iter()
            .any(|e| e.contains(&bad.id.to_string()))
    );
    // Unsigned events need the server's signer, which is not configured here.
    let (status, _) = post(
        &server,
        "/v1/events",
        Some(TOKEN),
        json!({"kind": 1, "content": "x"}).to_string(),
    )
    .await;
    assert_eq!(status, 403);

    let (status, body) = post(&server, "/v1/events", Some(TOKEN), event.to_json()).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["id"], event.id.to_string());
    assert_eq!(body["accepted"], true);
    assert_eq!(body["relays"][0]["relay"], relay.url());
    assert_eq!(body["relays"][0]["status"], "accepted");
    assert!(
        relay
            .stored()
            .iter()
            .any(|e| e.contains(&event.id.to_string()))
    );

    // Too large a body: 413 before anything is read.
    let huge = "x".repeat(2 * 1024 * 1024);
    let (status, _) = post(&server, "/v1/events", Some(TOKEN), huge).await;
    assert_eq!(status, 413);
}

#[tokio::test]
async fn unsigned_events_are_signed_by_the_servers_signer() {
    let relay = ScriptedRelay::start().await;
    let signer = Keys::generate();
    let secret = hex::encode(*signer.secret_bytes());
    let server = Server::start(&[
        ("NIPWORKER_RELAYS", &relay.url()),
        ("NIPWORKER_API_TOKEN", TOKEN),
        ("NIPWORKER_SIGNER", secret.as_str()),
    ]);
    let body = json!({"kind": 1, "content": "signed by the gateway", "tags": [["t", "nostr"]]});
    let (status, answer) = post(&server, "/v1/events", Some(TOKEN), body.to_string()).await;
    assert_eq!(status, 200, "{answer}");
    let stored = relay.stored();
    let event: Value = serde_json::from_str(
        stored
            .iter()
            .find(|e| e.contains(answer["id"].as_str().unwrap()))
            .expect("published upstream"),
    )
    .unwrap();
    assert_eq!(event["pubkey"], signer.public_key().to_string());
    assert_eq!(event["tags"], json!([["t", "nostr"]]));
    let nip11: Value = reqwest::Client::new()
        .get(server.url("/"))
        .header("Accept", "application/nostr+json")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(nip11["pubkey"], signer.public_key().to_string());
}

#[tokio::test]
async fn query_returns_cache_and_relay_events_as_json_or_ndjson() {
    let relay = ScriptedRelay::start().await;
    let keys = Keys::generate();
    let now = Timestamp::now().0;
    for (i, age) in [30u64, 10, 20].iter().enumerate() {
        let event = EventBuilder::new(Kind(1), format!("q{i}"))
            .created_at(Timestamp(now - age))
            .sign(&keys);
        relay.store(&event);
    }
    let server = Server::start(&[
        ("NIPWORKER_RELAYS", &relay.url()),
        ("NIPWORKER_MAX_FILTERS", "2"),
        ("NIPWORKER_MAX_QUERY_RESULTS", "2"),
    ]);
    let filter = json!({"authors": [keys.public_key().to_string()]});
    let (status, body) = post(&server, "/v1/query", None, json!([filter]).to_string()).await;
    assert_eq!(status, 200, "{body}");
    let contents: Vec<_> = body
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["content"].clone())
        .collect();
    // Newest first, capped at max_query_results.
    assert_eq!(contents, vec![json!("q1"), json!("q2")]);

    let response = reqwest::Client::new()
        .post(server.url("/v1/query"))
        .header("Accept", "application/x-ndjson")
        .body(json!({"filters": [filter], "max_results": 1, "timeout_ms": 2000}).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "application/x-ndjson"
    );
    let text = response.text().await.unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["content"], "q1");

    for bad in [
        "nope".to_owned(),
        json!([]).to_string(),
        json!([{}, {}, {}]).to_string(),
        json!([{"kinds": "x"}]).to_string(),
        json!({"filters": [{}], "bogus": 1}).to_string(),
    ] {
        let (status, body) = post(&server, "/v1/query", None, bad.clone()).await;
        assert_eq!(status, 400, "{bad} -> {body}");
        assert_eq!(body["error"], "bad_request");
    }
}

#[tokio::test]
async fn subscribe_streams_parsed_events_and_status() {
    let relay = ScriptedRelay::start().await;
    let keys = Keys::generate();
    relay.store(&note(&keys, "hello #nostr https://example.com/cat.png"));
    let server = Server::start(&[("NIPWORKER_RELAYS", &relay.url())]);
    let request = json!({"type": "subscribe", "id": "f", "filters": [{"kinds": [1]}]});
    let url = format!("ws://{}/v1/subscribe", server.addr);
    let (mut ws, _) = tokio_tungstenite::connect_async(url).await.unwrap();
    ws.send(Message::text(request.to_string())).await.unwrap();
    let mut got = Vec::new();
    for _ in 0..100 {
        let message = tokio::time::timeout(WAIT, ws.next())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        let value: Value = serde_json::from_str(message.to_text().unwrap()).unwrap();
        if value["type"] == "relay_status" {
            continue;
        }
        let done = value["type"] == "eose";
        got.push(value);
        if done {
            break;
        }
    }
    let event = &got[0];
    assert_eq!(event["type"], "event", "{got:?}");
    assert_eq!(event["subscription"], "f");
    assert_eq!(event["parsed"]["type"], "note", "{event}");
    let blocks = event["blocks"].as_array().unwrap();
    assert!(
        blocks.contains(&json!({"type": "hashtag", "text": "#nostr", "name": "nostr"})),
        "{event}"
    );
    assert!(
        blocks
            .iter()
            .any(|b| b["type"] == "url" && b["media"] == "image"),
        "{event}"
    );
    assert_eq!(got.last().unwrap()["type"], "eose");

    ws.send(Message::text(
        json!({"type": "subscribe", "id": "g", "filters": [{"kinds": "x"}]}).to_string(),
    ))
    .await
    .unwrap();
    ws.send(Message::text("garbage")).await.unwrap();
    let mut saw_closed = false;
    let mut saw_error = false;
    for _ in 0..20 {
        let message = tokio::time::timeout(WAIT, ws.next())
            .await
            .unwrap()
            .unwrap()
            .unwrap();
        let value: Value = serde_json::from_str(message.to_text().unwrap()).unwrap();
        saw_closed |= value["type"] == "closed" && value["subscription"] == "g";
        saw_error |= value["type"] == "error";
        if saw_closed && saw_error {
            break;
        }
    }
    assert!(saw_closed && saw_error);
}

#[tokio::test]
async fn nip11_ready_and_metrics() {
    let relay = ScriptedRelay::start().await;
    let keys = Keys::generate();
    relay.store(&note(&keys, "counted"));
    let server = Server::start(&[
        ("NIPWORKER_RELAYS", &relay.url()),
        ("NIPWORKER_MAX_FILTERS", "7"),
        ("NIPWORKER_API_TOKEN", TOKEN),
    ]);
    let response = reqwest::Client::new()
        .get(server.url("/"))
        .header("Accept", "application/nostr+json")
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["access-control-allow-origin"], "*");
    let nip11: Value = response.json().await.unwrap();
    assert_eq!(nip11["limitation"]["max_filters"], 7);
    assert!(
        nip11["supported_nips"]
            .as_array()
            .unwrap()
            .contains(&json!(11))
    );

    assert!(
        server.wait_ready(WAIT).await,
        "ready once the relay is connected"
    );
    let ready: Value = reqwest::get(server.url("/ready"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(ready["relays_connected"], 1);
    assert_eq!(ready["store"]["ok"], true);

    let (status, _) = post(
        &server,
        "/v1/query",
        None,
        json!([{"kinds": [1]}]).to_string(),
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = post(
        &server,
        "/v1/events",
        Some(TOKEN),
        note(&keys, "m").to_json(),
    )
    .await;
    assert_eq!(status, 200);
    let _socket = support::Client::connect(&server.ws_url(None)).await;
    let metrics = server.metrics().await;
    for series in [
        "nipworker_http_requests_total{route=\"/v1/query\",method=\"POST\",status=\"200\"} 1",
        "nipworker_relays{state=\"connected\"} 1",
        "nipworker_events_verified_total 1",
        "nipworker_cache_events 2",
    ] {
        assert!(metrics.contains(series), "{series} missing from\n{metrics}");
    }
    for name in [
        "nipworker_http_request_duration_seconds_bucket{route=\"/v1/query\",method=\"POST\",le=",
        &format!(
            "nipworker_relay_frames_received_total{{relay=\"{}\"}}",
            relay.url()
        ),
        &format!(
            "nipworker_publish_results_total{{relay=\"{}\",status=\"accepted\"}} 1",
            relay.url()
        ),
        "nipworker_events_rejected_total{reason=\"bad_signature\"} 0",
        "nipworker_websocket_clients{endpoint=\"relay\"} 1",
    ] {
        assert!(metrics.contains(name), "{name} missing from\n{metrics}");
    }
}

#[tokio::test]
async fn ready_is_503_while_no_upstream_relay_is_connected() {
    // A port nothing listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("ws://{}", closed.local_addr().unwrap());
    drop(closed);
    let server = Server::start(&[("NIPWORKER_RELAYS", &url)]);
    let response = reqwest::get(server.url("/ready")).await.unwrap();
    assert_eq!(response.status(), 503);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "not_ready");
    assert_eq!(body["relays_configured"], 1);
    let health = reqwest::get(server.url("/health")).await.unwrap();
    assert_eq!(health.status(), 200);
}

#[tokio::test]
async fn cors_allows_only_the_configured_origins() {
    let server = Server::start(&[("NIPWORKER_CORS_ORIGINS", "https://app.example.com")]);
    let preflight = |origin: &'static str| {
        reqwest::Client::new()
            .request(reqwest::Method::OPTIONS, server.url("/v1/query"))
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "POST")
            .send()
    };
    let allowed = preflight("https://app.example.com").await.unwrap();
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://app.example.com"
    );
    let other = preflight("https://evil.example.com").await.unwrap();
    assert!(other.headers().get("access-control-allow-origin").is_none());

    let off = Server::start(&[]);
    let response = reqwest::Client::new()
        .post(off.url("/v1/query"))
        .header("Origin", "https://app.example.com")
        .body(json!([{"kinds": [1]}]).to_string())
        .send()
        .await
        .unwrap();
    assert!(
        response
            .headers()
            .get("access-control-allow-origin")
            .is_none()
    );
}
