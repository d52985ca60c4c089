//! `TokioWebSocket` against real WebSocket servers started on 127.0.0.1 inside each test
//! (tokio-tungstenite on the server side): frames both ways, close codes, size limits, connect
//! timeouts, keepalive, and the way failures surface as typed errors.
#![cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
// Helpers outside #[test] functions may unwrap too: a failure there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use futures::{SinkExt, StreamExt};
use nipworker_core::transport::{
    ConnectOptions, Incoming, RelayUrl, TimeoutPhase, TlsOptions, TokioWebSocket, TransportError,
    WebSocketConnection, WebSocketTransport,
};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::time::timeout;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;

/// Upper bound for any single wait in these tests, so a bug fails instead of hanging.
const LIMIT: Duration = Duration::from_secs(10);

fn transport() -> Arc<dyn WebSocketTransport> {
    Arc::new(TokioWebSocket::new(TlsOptions::default()).unwrap())
}

fn url(addr: SocketAddr) -> RelayUrl {
    RelayUrl::parse(&format!("ws://{addr}")).unwrap()
}

/// Starts a WebSocket server on 127.0.0.1 that runs `handler` for each accepted connection.
async fn serve<F, Fut>(handler: F) -> SocketAddr
where
    F: Fn(WebSocketStream<TcpStream>) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let handler = Arc::new(handler);
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let handler = handler.clone();
            tokio::spawn(async move {
                if let Ok(ws) = tokio_tungstenite::accept_async(tcp).await {
                    handler(ws).await;
                }
            });
        }
    });
    addr
}

/// Echoes text frames; on "binary please" sends a 10-byte binary frame then "after binary".
async fn echo(mut ws: WebSocketStream<TcpStream>) {
    while let Some(Ok(msg)) = ws.next().await {
        match msg {
            Message::Text(t) if t.as_str() == "binary please" => {
                let _ = ws.send(Message::binary(vec![0u8; 10])).await;
                let _ = ws.send(Message::text("after binary")).await;
            }
            Message::Text(t) => {
                let _ = ws.send(Message::Text(t)).await;
            }
            Message::Close(_) => break,
            _ => {}
        }
    }
}

async fn connect(addr: SocketAddr, options: &ConnectOptions) -> WebSocketConnection {
    timeout(LIMIT, transport().connect(&url(addr), options))
        .await
        .unwrap()
        .unwrap()
}

async fn next(conn: &mut WebSocketConnection) -> Option<Incoming> {
    timeout(LIMIT, conn.receiver.recv()).await.unwrap()
}

#[tokio::test]
async fn connect_send_receive() {
    let addr = serve(echo).await;
    let mut conn = connect(addr, &ConnectOptions::default()).await;
    for i in 0..20 {
        let frame = format!("[\"REQ\",\"sub{i}\",{{}}]");
        conn.sender.send_text(frame.clone()).await.unwrap();
        assert_eq!(next(&mut conn).await, Some(Incoming::Text(frame)));
    }
    // Unicode survives both ways untouched.
    let text = "[\"EVENT\",\"s\",{\"content\":\"héllo 👋 \\u0000\"}]".to_owned();
    conn.sender.try_send_text(text.clone()).unwrap();
    assert_eq!(next(&mut conn).await, Some(Incoming::Text(text)));

    // Binary frames are reported by length only, and do not disturb the text that follows.
    conn.sender.send_text("binary please".into()).await.unwrap();
    assert_eq!(next(&mut conn).await, Some(Incoming::Binary { len: 10 }));
    assert_eq!(
        next(&mut conn).await,
        Some(Incoming::Text("after binary".into()))
    );
}

#[tokio::test]
async fn server_close_surfaces_code_and_reason() {
    let addr = serve(|mut ws: WebSocketStream<TcpStream>| async move {
        let _ = ws.send(Message::text("[\"NOTICE\",\"going away\"]")).await;
        let _ = ws
            .close(Some(CloseFrame {
                code: CloseCode::from(4001),
                reason: "rate limited".into(),
            }))
            .await;
        // Finish the closing handshake.
        while ws.next().await.is_some() {}
    })
    .await;
    let mut conn = connect(addr, &ConnectOptions::default()).await;
    assert_eq!(
        next(&mut conn).await,
        Some(Incoming::Text("[\"NOTICE\",\"going away\"]".into()))
    );
    assert_eq!(
        next(&mut conn).await,
        Some(Incoming::Closed {
            code: 4001,
            reason: "rate limited".into()
        })
    );
    assert_eq!(
        next(&mut conn).await,
        None,
        "nothing after the terminal item"
    );
    // Sending after the close is a typed error, not a panic or a silent drop.
    let mut refused = false;
    for _ in 0..100 {
        if conn.sender.send_text("late".into()).await.is_err() {
            refused = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert!(refused, "sender must report the closed connection");
}

#[tokio::test]
async fn client_close_reaches_the_server() {
    let (seen_tx, mut seen_rx) = tokio::sync::mpsc::unbounded_channel();
    let addr = serve(move |mut ws: WebSocketStream<TcpStream>| {
        let seen_tx = seen_tx.clone();
        async move {
            while let Some(Ok(msg)) = ws.next().await {
                if let Message::Close(Some(frame)) = msg {
                    let _ = seen_tx.send((u16::from(frame.code), frame.reason.to_string()));
                }
            }
        }
    })
    .await;
    let mut conn = connect(addr, &ConnectOptions::default()).await;
    conn.sender.close(1000, "bye").await.unwrap();
    assert_eq!(
        next(&mut conn).await,
        Some(Incoming::Closed {
            code: 1000,
            reason: "bye".into()
        })
    );
    let seen = timeout(LIMIT, seen_rx.recv()).await.unwrap();
    assert_eq!(seen, Some((1000, "bye".to_owned())));
}

#[tokio::test]
async fn oversized_frames_are_refused_both_ways() {
    let addr = serve(|mut ws: WebSocketStream<TcpStream>| async move {
        let _ = ws.send(Message::text("small")).await;
        let _ = ws.send(Message::text("x".repeat(4096))).await;
        let _ = ws.send(Message::text("never delivered")).await;
        while ws.next().await.is_some() {}
    })
    .await;
    let options = ConnectOptions {
        max_message_size: 1024,
        max_frame_size: 1024,
        ..ConnectOptions::default()
    };
    let mut conn = connect(addr, &options).await;

    // Outgoing: refused before it is queued.
    assert_eq!(
        conn.sender.send_text("y".repeat(1025)).await,
        Err(TransportError::FrameTooLarge {
            size: 1025,
            max: 1024
        })
    );

    assert_eq!(next(&mut conn).await, Some(Incoming::Text("small".into())));
    match next(&mut conn).await {
        Some(Incoming::Error(TransportError::FrameTooLarge { size, max })) => {
            assert_eq!(max, 1024);
            assert!(size > max, "reported size {size}");
        }
        other => panic!("expected FrameTooLarge, got {other:?}"),
    }
    assert_eq!(next(&mut conn).await, None);
}

#[tokio::test]
async fn connect_times_out_when_the_handshake_never_completes() {
    // Accepts TCP connections and then says nothing, holding them open.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let mut held = Vec::new();
        for _ in 0..4 {
            if let Ok((tcp, _)) = listener.accept().await {
                held.push(tcp);
            }
        }
        tokio::time::sleep(LIMIT).await;
    });
    let options = ConnectOptions {
        connect_timeout: Duration::from_millis(300),
        ..ConnectOptions::default()
    };
    let result = timeout(LIMIT, transport().connect(&url(addr), &options))
        .await
        .unwrap();
    assert_eq!(
        result.err(),
        Some(TransportError::Timeout(TimeoutPhase::Connect))
    );
}

#[tokio::test]
async fn refused_connection_is_a_connect_error() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let result = timeout(
        LIMIT,
        transport().connect(&url(addr), &ConnectOptions::default()),
    )
    .await
    .unwrap();
    match result {
        Err(TransportError::Connect { kind, .. }) => {
            assert_eq!(kind, std::io::ErrorKind::ConnectionRefused)
        }
        other => panic!("expected a refused connect, got {other:?}"),
    }
}

#[tokio::test]
async fn http_refusal_is_handshake_rejected() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        if let Ok((mut tcp, _)) = listener.accept().await {
            let mut buf = [0u8; 2048];
            let _ = tokio::io::AsyncReadExt::read(&mut tcp, &mut buf).await;
            let _ = tcp
                .write_all(b"HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n")
                .await;
        }
    });
    let result = timeout(
        LIMIT,
        transport().connect(&url(addr), &ConnectOptions::default()),
    )
    .await
    .unwrap();
    assert_eq!(
        result.err(),
        Some(TransportError::HandshakeRejected { status: 403 })
    );
}

#[tokio::test]
async fn keepalive_detects_a_peer_that_stops_answering() {
    // Completes the upgrade, then never reads again, so pings go unanswered.
    let addr = serve(|ws: WebSocketStream<TcpStream>| async move {
        tokio::time::sleep(LIMIT).await;
        drop(ws);
    })
    .await;
    let options = ConnectOptions {
        ping_interval: Some(Duration::from_millis(100)),
        pong_timeout: Duration::from_millis(200),
        ..ConnectOptions::default()
    };
    let mut conn = connect(addr, &options).await;
    assert_eq!(
        next(&mut conn).await,
        Some(Incoming::Error(TransportError::Timeout(TimeoutPhase::Pong)))
    );
    assert_eq!(next(&mut conn).await, None);
}

#[tokio::test]
async fn keepalive_keeps_a_live_peer() {
    let addr = serve(echo).await;
    let options = ConnectOptions {
        ping_interval: Some(Duration::from_millis(20)),
        // Generous, so a loaded machine cannot turn this into a false alarm.
        pong_timeout: Duration::from_secs(2),
        ..ConnectOptions::default()
    };
    let mut conn = connect(addr, &options).await;
    // Many ping rounds pass; the echo server's pongs keep the connection up.
    tokio::time::sleep(Duration::from_millis(400)).await;
    conn.sender.send_text("still here".into()).await.unwrap();
    assert_eq!(
        next(&mut conn).await,
        Some(Incoming::Text("still here".into()))
    );
}

#[tokio::test]
async fn a_stalled_consumer_is_not_mistaken_for_a_dead_peer() {
    const FRAMES: usize = 50;
    let addr = serve(|mut ws: WebSocketStream<TcpStream>| async move {
        for i in 0..FRAMES {
            if ws.send(Message::text(format!("frame {i}"))).await.is_err() {
                return;
            }
        }
        // Keep reading so pings are answered once the client reads again.
        while ws.next().await.is_some() {}
    })
    .await;
    let options = ConnectOptions {
        ping_interval: Some(Duration::from_millis(20)),
        pong_timeout: Duration::from_millis(50),
        receive_queue: 1,
        ..ConnectOptions::default()
    };
    let mut conn = connect(addr, &options).await;
    // The consumer stalls for several pong timeouts while frames are waiting.
    tokio::time::sleep(Duration::from_millis(300)).await;
    for i in 0..FRAMES {
        assert_eq!(
            next(&mut conn).await,
            Some(Incoming::Text(format!("frame {i}")))
        );
    }
    // Had the stall been taken for a dead peer, the driver would have hung up after frame 0.
}

#[tokio::test]
async fn peer_vanishing_mid_stream_is_an_io_error() {
    let addr = serve(|mut ws: WebSocketStream<TcpStream>| async move {
        let _ = ws.send(Message::text("one")).await;
        // Drop the TCP stream without a close frame.
        let tcp = ws.into_inner();
        drop(tcp);
    })
    .await;
    let mut conn = connect(addr, &ConnectOptions::default()).await;
    assert_eq!(next(&mut conn).await, Some(Incoming::Text("one".into())));
    match next(&mut conn).await {
        Some(Incoming::Error(TransportError::Io { .. })) => {}
        other => panic!("expected an i/o error, got {other:?}"),
    }
    assert_eq!(next(&mut conn).await, None);
}

#[tokio::test]
async fn dropping_the_receiver_hangs_up() {
    let (ended_tx, mut ended_rx) = tokio::sync::mpsc::unbounded_channel();
    let addr = serve(move |mut ws: WebSocketStream<TcpStream>| {
        let ended_tx = ended_tx.clone();
        async move {
            let mut close = None;
            while let Some(Ok(msg)) = ws.next().await {
                if let Message::Close(frame) = msg {
                    close = Some(frame.map(|f| u16::from(f.code)));
                }
            }
            let _ = ended_tx.send(close);
        }
    })
    .await;
    let conn = connect(addr, &ConnectOptions::default()).await;
    drop(conn.receiver);
    let ended = timeout(LIMIT, ended_rx.recv()).await.unwrap();
    assert_eq!(ended, Some(Some(None)), "a close frame without a code");
}
