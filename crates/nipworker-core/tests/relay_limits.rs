//! A relay's NIP-11 limits applied by `NostrClient`: `max_limit` clamps the `limit` of its REQs,
//! `max_message_length` splits REQs to fit and refuses locally an event the relay could not
//! read (instead of losing the connection), against a scripted relay on 127.0.0.1 that serves
//! its information document on the same port.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(feature = "tokio-runtime")]

mod relay_support;

use std::time::Duration;

use nipworker_core::client::{CacheMode, ClientConfig, Preset, SubscribeOptions};
use nipworker_core::protocol::flatbuffers::fb;
use nipworker_core::protocol::{EventBuilder, Keys};
use nipworker_core::{Filter, Kind, NostrClient};
use relay_support::scripted::{Script, ScriptedRelay};

#[tokio::test]
async fn nip11_limits_shape_reqs_and_publishes() {
    let relay = ScriptedRelay::start_with(Script::new().nip11(
        r#"{"name":"small relay","limitation":{"max_limit":10,"max_message_length":5000}}"#,
    ))
    .await;
    let client = NostrClient::new(
        ClientConfig::builder()
            .relay(relay.url())
            .memory_store()
            .eose_timeout(Duration::from_secs(3))
            .build(),
    )
    .await
    .unwrap();
    assert!(
        relay
            .wait_until(Duration::from_secs(10), |r| r.nip11_hits() >= 1)
            .await
    );

    // The document arrives asynchronously; each probe is a short query (bounded: 50 probes).
    let options = SubscribeOptions {
        cache: CacheMode::NoCache,
        preset: Preset::Raw,
        ..SubscribeOptions::default()
    };
    let mut clamped = false;
    for _ in 0..50 {
        let _ = client
            .fetch_events(
                vec![Filter::new().kind(Kind(1)).limit(50)],
                Duration::from_secs(2),
            )
            .await
            .unwrap();
        let last = relay.reqs().last().cloned().unwrap();
        if last[2]["limit"] == 10 {
            clamped = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(
        clamped,
        "REQs to the relay carry limit 10 once its NIP-11 is known"
    );

    // A REQ over 5,000 bytes goes out as several REQs that each fit.
    let wide: Vec<Filter> = (0..8)
        .map(|i| Filter::new().kinds((0..200u16).map(|k| Kind(10_000 + k + i * 200))))
        .collect();
    let whole = nipworker_core::protocol::ClientMessage::req("x".to_owned(), &wide).to_json();
    assert!(whole.len() > 5000, "the test needs a REQ over the limit");
    let before = relay.reqs().len();
    let _sub = client.subscribe(wide, options).await.unwrap();
    assert!(
        relay
            .wait_until(Duration::from_secs(10), |r| r.reqs().len() >= before + 2)
            .await
    );
    for frame in relay
        .received_frames()
        .iter()
        .filter(|f| f.starts_with("[\"REQ\""))
    {
        assert!(frame.len() <= 5000, "REQ of {} bytes", frame.len());
    }

    // An event the relay could not read is refused here, with the reason; a small one goes.
    let keys = Keys::generate();
    let big = EventBuilder::new(Kind(1), "x".repeat(6000)).sign(&keys);
    let outcome = client.publish(big.clone()).await.unwrap();
    assert_eq!(outcome.relays.len(), 1);
    assert_eq!(outcome.relays[0].status, fb::RelayOkStatus::Rejected);
    let message = outcome.relays[0].message.clone().unwrap_or_default();
    assert!(
        message.starts_with("invalid:") && message.contains("5000"),
        "{message}"
    );
    assert!(
        !relay
            .received_frames()
            .iter()
            .any(|f| f.contains(&big.id.to_string()))
    );
    let small = EventBuilder::new(Kind(1), "fits").sign(&keys);
    let outcome = client.publish(small).await.unwrap();
    assert_eq!(outcome.relays[0].status, fb::RelayOkStatus::Accepted);
    client.close().await.unwrap();
}

#[tokio::test]
async fn auth_required_relays_get_auth_before_reqs() {
    let relay = ScriptedRelay::start_with(
        Script::new()
            .auth_required()
            .nip11(r#"{"limitation":{"auth_required":true}}"#),
    )
    .await;
    let keys = Keys::generate();
    let client = NostrClient::new(
        ClientConfig::builder()
            .relay(relay.url())
            .memory_store()
            .build(),
    )
    .await
    .unwrap();
    client
        .set_signer(nipworker_core::client::SignerSpec::private_key(hex_secret(
            &keys,
        )))
        .await
        .unwrap();
    assert!(
        relay
            .wait_until(Duration::from_secs(10), |r| r.nip11_hits() >= 1)
            .await
    );
    // The limits reach the connections worker right after the document: give them a moment
    // (the assertion below does not depend on time, only on frame order).
    tokio::time::sleep(Duration::from_millis(300)).await;
    let events = client
        .fetch_events(vec![Filter::new().kind(Kind(1))], Duration::from_secs(5))
        .await
        .unwrap();
    assert!(events.is_empty());
    let frames = relay.received_frames();
    let auth = frames.iter().position(|f| f.starts_with("[\"AUTH\""));
    let req = frames.iter().position(|f| f.starts_with("[\"REQ\""));
    assert!(auth.is_some() && req.is_some(), "{frames:?}");
    assert!(auth < req, "AUTH went first: {frames:?}");
    client.close().await.unwrap();
}

fn hex_secret(keys: &Keys) -> String {
    keys.secret_bytes()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
