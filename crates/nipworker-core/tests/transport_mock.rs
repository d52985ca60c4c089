//! The mock transport does what unit tests of the relay pool need: scripted replies, a record of
//! what the client sent, and each injected fault (refused connects, hangs, drops mid-stream,
//! stalls, garbage, slow reads on either side) showing up exactly as a real socket would report it.
// Helpers outside #[test] functions may unwrap too: a failure there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::time::Duration;

use futures::FutureExt;
use nipworker_core::transport::mock::{
    ConnectPlan, GARBAGE_FRAMES, MockError, MockHandle, MockTransport,
};
use nipworker_core::transport::{
    ConnectOptions, Incoming, RelayUrl, TimeoutPhase, TransportError, WebSocketConnection,
    WebSocketTransport,
};
use tokio::time::timeout;

const LIMIT: Duration = Duration::from_secs(10);

fn relay(s: &str) -> RelayUrl {
    RelayUrl::parse(s).unwrap()
}

fn setup() -> (Arc<dyn WebSocketTransport>, MockHandle) {
    let (transport, handle) = MockTransport::new();
    (Arc::new(transport), handle)
}

async fn connect(
    transport: &Arc<dyn WebSocketTransport>,
    url: &RelayUrl,
    options: &ConnectOptions,
) -> Result<WebSocketConnection, TransportError> {
    timeout(LIMIT, transport.connect(url, options))
        .await
        .unwrap()
}

async fn next(conn: &mut WebSocketConnection) -> Option<Incoming> {
    timeout(LIMIT, conn.receiver.recv()).await.unwrap()
}

#[tokio::test]
async fn scripted_relay_answers_and_records() {
    let (transport, mut handle) = setup();
    let url = relay("wss://relay.one");
    let mut conn = connect(&transport, &url, &ConnectOptions::default())
        .await
        .unwrap();
    let relay_side = handle.next_connection().await.unwrap();
    assert_eq!(relay_side.url(), &url);
    let script = tokio::spawn(relay_side.run(|frame| {
        if frame.starts_with("[\"REQ\"") {
            vec![
                "[\"EVENT\",\"s\",{\"kind\":1}]".to_owned(),
                "[\"EOSE\",\"s\"]".to_owned(),
            ]
        } else {
            vec!["[\"NOTICE\",\"unknown\"]".to_owned()]
        }
    }));
    conn.sender
        .send_text("[\"REQ\",\"s\",{\"kinds\":[1]}]".into())
        .await
        .unwrap();
    assert_eq!(
        next(&mut conn).await,
        Some(Incoming::Text("[\"EVENT\",\"s\",{\"kind\":1}]".into()))
    );
    assert_eq!(
        next(&mut conn).await,
        Some(Incoming::Text("[\"EOSE\",\"s\"]".into()))
    );
    conn.sender
        .send_text("[\"CLOSE\",\"s\"]".into())
        .await
        .unwrap();
    assert_eq!(
        next(&mut conn).await,
        Some(Incoming::Text("[\"NOTICE\",\"unknown\"]".into()))
    );
    conn.sender.close(1000, "done").await.unwrap();
    assert_eq!(
        next(&mut conn).await,
        Some(Incoming::Closed {
            code: 1000,
            reason: "done".into()
        })
    );
    let log = timeout(LIMIT, script).await.unwrap().unwrap();
    assert_eq!(
        log,
        vec![
            "[\"REQ\",\"s\",{\"kinds\":[1]}]".to_owned(),
            "[\"CLOSE\",\"s\"]".to_owned()
        ]
    );
    assert_eq!(handle.connect_count(), 1);
    assert_eq!(handle.accepted_count(), 1);
}

#[tokio::test]
async fn connection_refused_and_counted() {
    let (transport, mut handle) = setup();
    let a = relay("wss://a.example");
    let b = relay("wss://b.example");
    let options = ConnectOptions::default();

    handle.refuse_all(true);
    for _ in 0..3 {
        match connect(&transport, &a, &options).await {
            Err(TransportError::Connect { kind, .. }) => {
                assert_eq!(kind, std::io::ErrorKind::ConnectionRefused)
            }
            other => panic!("expected refusal, got {other:?}"),
        }
    }
    handle.refuse_all(false);

    handle.refuse(&a, true);
    assert!(connect(&transport, &a, &options).await.is_err());
    assert!(connect(&transport, &b, &options).await.is_ok());
    handle.refuse(&a, false);
    assert!(connect(&transport, &a, &options).await.is_ok());

    // One-shot failures, for any relay or for one.
    handle.fail_next_connect(TransportError::Timeout(TimeoutPhase::Connect));
    assert_eq!(
        connect(&transport, &b, &options).await.err(),
        Some(TransportError::Timeout(TimeoutPhase::Connect))
    );
    assert!(connect(&transport, &b, &options).await.is_ok());
    handle.plan_next_connect_to(
        &a,
        ConnectPlan::Fail(TransportError::HandshakeRejected { status: 503 }),
    );
    assert!(
        connect(&transport, &b, &options).await.is_ok(),
        "plan is for a"
    );
    assert_eq!(
        connect(&transport, &a, &options).await.err(),
        Some(TransportError::HandshakeRejected { status: 503 })
    );

    assert_eq!(handle.connect_count(), 10);
    assert_eq!(handle.accepted_count(), 4);
    let attempted = handle.attempted_urls();
    assert_eq!(attempted.len(), 10);
    assert_eq!(attempted[4], b);
    assert_eq!(attempted[5], a);
    // Every accepted connection was handed to the test, in order.
    let mut accepted = Vec::new();
    while let Some(relay_side) = handle.try_next_connection() {
        accepted.push(relay_side.url().clone());
    }
    assert_eq!(accepted, vec![b.clone(), a.clone(), b.clone(), b]);
}

#[tokio::test]
async fn hanging_connect_never_completes() {
    let (transport, handle) = setup();
    handle.plan_next_connect(ConnectPlan::Hang);
    let url = relay("wss://slow.example");
    let options = ConnectOptions::default();
    let result = timeout(Duration::from_millis(50), transport.connect(&url, &options)).await;
    assert!(result.is_err(), "the caller's own timeout had to fire");
    assert!(connect(&transport, &url, &options).await.is_ok());
}

#[tokio::test]
async fn drop_mid_stream_delivers_queued_frames_then_dropped() {
    let (transport, mut handle) = setup();
    let mut conn = connect(
        &transport,
        &relay("wss://r.example"),
        &ConnectOptions::default(),
    )
    .await
    .unwrap();
    let relay_side = handle.next_connection().await.unwrap();
    relay_side.push_text("[\"EVENT\",\"s\",{}]").await.unwrap();
    relay_side.push_text("[\"EVENT\",\"s\",{}]").await.unwrap();
    relay_side.drop_connection();
    assert!(matches!(next(&mut conn).await, Some(Incoming::Text(_))));
    assert!(matches!(next(&mut conn).await, Some(Incoming::Text(_))));
    assert_eq!(
        next(&mut conn).await,
        Some(Incoming::Error(TransportError::Dropped))
    );
    assert_eq!(next(&mut conn).await, None);
    assert!(conn.sender.send_text("x".into()).await.is_err());
}

#[tokio::test]
async fn injected_errors_and_clean_close_are_terminal() {
    let (transport, mut handle) = setup();
    let url = relay("wss://r.example");
    let options = ConnectOptions::default();
    let reset = TransportError::Io {
        kind: std::io::ErrorKind::ConnectionReset,
        detail: "reset".into(),
    };
    for terminal in [
        Incoming::Error(reset.clone()),
        Incoming::Error(TransportError::Timeout(TimeoutPhase::Pong)),
        Incoming::Closed {
            code: 4000,
            reason: "restricted: go away".into(),
        },
    ] {
        let mut conn = connect(&transport, &url, &options).await.unwrap();
        let relay_side = handle.next_connection().await.unwrap();
        match terminal.clone() {
            Incoming::Error(e) => relay_side.fail(e).await,
            Incoming::Closed { code, reason } => relay_side.close(code, &reason).await,
            _ => unreachable!(),
        }
        assert_eq!(next(&mut conn).await, Some(terminal));
        assert_eq!(next(&mut conn).await, None);
    }
}

#[tokio::test]
async fn stall_then_resume() {
    let (transport, mut handle) = setup();
    let mut conn = connect(
        &transport,
        &relay("wss://r.example"),
        &ConnectOptions::default(),
    )
    .await
    .unwrap();
    let relay_side = handle.next_connection().await.unwrap();
    // Nothing arrives while the relay is silent...
    assert!(conn.receiver.recv().now_or_never().is_none());
    tokio::time::sleep(Duration::from_millis(20)).await;
    assert!(conn.receiver.recv().now_or_never().is_none());
    // ...and the connection is still usable afterwards.
    relay_side.push_text("late").await.unwrap();
    assert_eq!(next(&mut conn).await, Some(Incoming::Text("late".into())));
}

#[tokio::test]
async fn garbage_and_binary_frames_pass_through_untouched() {
    let (transport, mut handle) = setup();
    let options = ConnectOptions {
        receive_queue: GARBAGE_FRAMES.len() + 2,
        ..ConnectOptions::default()
    };
    let mut conn = connect(&transport, &relay("wss://r.example"), &options)
        .await
        .unwrap();
    let relay_side = handle.next_connection().await.unwrap();
    assert_eq!(
        relay_side.push_garbage().await.unwrap(),
        GARBAGE_FRAMES.len()
    );
    relay_side.push_binary(64).await.unwrap();
    for frame in GARBAGE_FRAMES {
        assert_eq!(next(&mut conn).await, Some(Incoming::Text((*frame).into())));
    }
    assert_eq!(next(&mut conn).await, Some(Incoming::Binary { len: 64 }));
    // Most of them are not even JSON: that is the parser's problem, counted and dropped there.
    let not_json = GARBAGE_FRAMES
        .iter()
        .filter(|f| serde_json::from_str::<serde_json::Value>(f).is_err())
        .count();
    assert!(not_json > 5);
}

#[tokio::test]
async fn slow_relay_reads_push_back_on_the_client() {
    let (transport, mut handle) = setup();
    let options = ConnectOptions {
        send_queue: 2,
        ..ConnectOptions::default()
    };
    let conn = connect(&transport, &relay("wss://r.example"), &options)
        .await
        .unwrap();
    let mut relay_side = handle.next_connection().await.unwrap();
    conn.sender.try_send_text("1".into()).unwrap();
    conn.sender.try_send_text("2".into()).unwrap();
    assert_eq!(
        conn.sender.try_send_text("3".into()),
        Err(TransportError::QueueFull)
    );
    // A waiting send stays pending until the relay reads.
    let mut pending = Box::pin(conn.sender.send_text("3".into()));
    assert!((&mut pending).now_or_never().is_none());
    assert_eq!(relay_side.recv_sent().await.as_deref(), Some("1"));
    timeout(LIMIT, pending).await.unwrap().unwrap();
    assert_eq!(relay_side.sent(), ["1", "2", "3"]);
    assert_eq!(conn.sender.capacity(), 2);
}

#[tokio::test]
async fn slow_client_reads_push_back_on_the_relay() {
    let (transport, mut handle) = setup();
    let options = ConnectOptions {
        receive_queue: 2,
        ..ConnectOptions::default()
    };
    let mut conn = connect(&transport, &relay("wss://r.example"), &options)
        .await
        .unwrap();
    let relay_side = handle.next_connection().await.unwrap();
    relay_side.try_push_text("a").unwrap();
    relay_side.try_push_text("b").unwrap();
    assert_eq!(relay_side.try_push_text("c"), Err(MockError::Full));
    assert_eq!(next(&mut conn).await, Some(Incoming::Text("a".into())));
    relay_side.try_push_text("c").unwrap();
    drop(conn.receiver);
    assert!(relay_side.is_client_gone());
    assert_eq!(relay_side.push_text("d").await, Err(MockError::ClientGone));
}

#[tokio::test]
async fn client_close_is_recorded_and_acknowledged() {
    let (transport, mut handle) = setup();
    let mut conn = connect(
        &transport,
        &relay("wss://r.example"),
        &ConnectOptions::default(),
    )
    .await
    .unwrap();
    let mut relay_side = handle.next_connection().await.unwrap();
    conn.sender.send_text("bye soon".into()).await.unwrap();
    // Reasons longer than a close frame allows are cut on a character boundary.
    let long_reason = "é".repeat(100);
    conn.sender.close(1001, &long_reason).await.unwrap();
    assert_eq!(relay_side.recv_sent().await.as_deref(), Some("bye soon"));
    assert_eq!(relay_side.recv_sent().await, None);
    let (code, reason) = relay_side.client_close().unwrap().clone();
    assert_eq!(code, 1001);
    assert_eq!(reason.len(), 122, "61 two-byte characters fit in 123 bytes");
    assert_eq!(
        next(&mut conn).await,
        Some(Incoming::Closed { code, reason })
    );
}

#[tokio::test]
async fn reserved_close_codes_are_not_sent() {
    let (transport, mut handle) = setup();
    let url = relay("wss://r.example");
    for (asked, sent) in [
        (1006, 1000),
        (1005, 1000),
        (999, 1000),
        (1001, 1001),
        (4000, 4000),
    ] {
        let conn = connect(&transport, &url, &ConnectOptions::default())
            .await
            .unwrap();
        let mut relay_side = handle.next_connection().await.unwrap();
        conn.sender.close(asked, "").await.unwrap();
        assert_eq!(relay_side.recv_sent().await, None);
        assert_eq!(relay_side.client_close().map(|c| c.0), Some(sent));
    }
}

#[tokio::test]
async fn oversized_send_is_refused_before_queueing() {
    let (transport, mut handle) = setup();
    let options = ConnectOptions {
        max_message_size: 16,
        ..ConnectOptions::default()
    };
    let conn = connect(&transport, &relay("wss://r.example"), &options)
        .await
        .unwrap();
    let mut relay_side = handle.next_connection().await.unwrap();
    assert_eq!(
        conn.sender.send_text("x".repeat(17)).await,
        Err(TransportError::FrameTooLarge { size: 17, max: 16 })
    );
    assert!(relay_side.sent().is_empty());
}

#[test]
fn transports_are_object_safe_and_send_sync() {
    fn assert_send_sync<T: Send + Sync + ?Sized>() {}
    assert_send_sync::<dyn WebSocketTransport>();
    assert_send_sync::<MockTransport>();
    assert_send_sync::<WebSocketConnection>();
}
