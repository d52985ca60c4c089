//! Loopback numbers for `TokioWebSocket`: time from `connect` to the first text frame (the
//! product budget is 500 ms to first event; loopback shows the transport's own share), for ws://
//! and wss://, and text frames per second through one connection into the receive queue.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use futures::{SinkExt, StreamExt};
use nipworker_core::transport::{
    ConnectOptions, Incoming, RelayUrl, TlsOptions, TokioWebSocket, WebSocketTransport,
};
use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::net::TcpListener;
use tokio::runtime::Runtime;
use tokio_tungstenite::tungstenite::Message;

const EVENT: &str = r#"["EVENT","sub",{"id":"4376c65d2f232afbe9b882a35baa4f6fe8667c4e684749af565f981833ed6a65","pubkey":"6e468422dfb74a5738702a8823b9b28168abab8655faacb6853cd0ee15deee93","created_at":1673347337,"kind":1,"tags":[["e","3da979448d9ba263864c4d6f14984c423a3838364ec255f03c7904b1ae77f206"]],"content":"Walled gardens became prisons, and nostr is the first step towards tearing down the prison walls.","sig":"908a15e46fb4d8675bab026fc230a0e3542bfade63da02d542fb78b2a8513fcd0092619a2c8c1221e581946e0191f2af505dfdf8657a414dbca329186f009262"}]"#;

/// Frames sent per connection in the throughput bench.
const BURST: u64 = 10_000;

/// A relay stand-in: sends one event on accept; on "burst" sends `BURST` events.
async fn serve(tls: Option<tokio_rustls::TlsAcceptor>) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            // Like a real relay: without it, Nagle plus delayed ACKs add ~40 ms per handshake.
            let _ = tcp.set_nodelay(true);
            let tls = tls.clone();
            tokio::spawn(async move {
                match tls {
                    Some(acceptor) => {
                        if let Ok(stream) = acceptor.accept(tcp).await {
                            relay(stream).await;
                        }
                    }
                    None => relay(tcp).await,
                }
            });
        }
    });
    addr
}

async fn relay<S>(stream: S)
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin,
{
    let Ok(mut ws) = tokio_tungstenite::accept_async(stream).await else {
        return;
    };
    if ws.send(Message::text(EVENT)).await.is_err() {
        return;
    }
    while let Some(Ok(msg)) = ws.next().await {
        if msg.to_text().ok() == Some("burst") {
            for _ in 0..BURST {
                if ws.feed(Message::text(EVENT)).await.is_err() {
                    return;
                }
            }
            if ws.flush().await.is_err() {
                return;
            }
        }
    }
}

fn tls_acceptor() -> (tokio_rustls::TlsAcceptor, Vec<u8>) {
    let certified = rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_owned()]).unwrap();
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(
        vec![certified.cert.der().clone()],
        PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(
            certified.signing_key.serialize_der(),
        )),
    )
    .unwrap();
    (
        tokio_rustls::TlsAcceptor::from(Arc::new(config)),
        certified.cert.der().to_vec(),
    )
}

async fn first_frame(transport: &dyn WebSocketTransport, url: &RelayUrl, options: &ConnectOptions) {
    let mut conn = transport.connect(url, options).await.unwrap();
    match conn.receiver.recv().await {
        Some(Incoming::Text(_)) => {}
        other => panic!("unexpected {other:?}"),
    }
}

fn bench(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let options = ConnectOptions {
        ping_interval: None,
        receive_queue: 1024,
        ..ConnectOptions::default()
    };

    let plain_addr = rt.block_on(serve(None));
    let plain_url = RelayUrl::parse(&format!("ws://{plain_addr}")).unwrap();
    let (acceptor, cert) = tls_acceptor();
    let tls_addr = rt.block_on(serve(Some(acceptor)));
    let tls_url = RelayUrl::parse(&format!("wss://{tls_addr}")).unwrap();
    let mut tls = TlsOptions::default();
    tls.add_root_der(cert);
    let transport = TokioWebSocket::new(tls).unwrap();

    let mut group = c.benchmark_group("transport/connect_to_first_frame");
    // Every iteration is a new TCP connection; keep the count well below the ephemeral port range,
    // or TIME_WAIT collisions start resetting connects.
    group.warm_up_time(Duration::from_millis(300));
    group.measurement_time(Duration::from_secs(1));
    group.sample_size(20);
    group.bench_function("ws", |b| {
        b.iter(|| rt.block_on(first_frame(&transport, &plain_url, &options)))
    });
    group.bench_function("wss", |b| {
        b.iter(|| rt.block_on(first_frame(&transport, &tls_url, &options)))
    });
    group.finish();

    let mut group = c.benchmark_group("transport/receive");
    group.throughput(Throughput::Elements(BURST));
    group.sample_size(10);
    let mut conn = rt
        .block_on(transport.connect(&plain_url, &options))
        .unwrap();
    rt.block_on(conn.receiver.recv()).unwrap();
    group.bench_function("ws_frames", |b| {
        b.iter(|| {
            rt.block_on(async {
                conn.sender.send_text("burst".to_owned()).await.unwrap();
                for _ in 0..BURST {
                    match conn.receiver.recv().await {
                        Some(Incoming::Text(_)) => {}
                        other => panic!("unexpected {other:?}"),
                    }
                }
            })
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
