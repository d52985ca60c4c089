//! Loopback numbers for the connections worker:
//! - `frames_to_parser`: EVENT frames per second from one relay on 127.0.0.1 through the worker
//!   (transport, frame scanner, filter check, dedup, FlatBuffers encoding) into the parser channel.
//!   The relay is a minimal tokio-tungstenite server that answers each REQ with `BURST` stored
//!   events and EOSE, so the number is the worker's, not a relay database's.
//! - `connect_to_first_event`: from the Subscribe request to the first `EventReceived` on a fresh
//!   worker (TCP connect, WebSocket upgrade, REQ, answer), against a real relay
//!   (nostr-relay-builder) holding one matching event. Product budget 500 ms; aim < 20 ms.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use futures::{SinkExt, StreamExt};
use nipworker_core::ipc::{ChannelMessage, IpcChannels, IpcConfig, ParserEndpoints};
use nipworker_core::protocol::flatbuffers::fb;
use nipworker_core::transport::{TlsOptions, TokioWebSocket, WebSocketTransport};
use nipworker_core::workers::connections::requests::{self, SubscribeOptions};
use nipworker_core::workers::connections::{ConnectionsConfig, ConnectionsWorker};
use nipworker_core::{Event, EventBuilder, Filter, Keys, Kind, Tag, Timestamp};
use nostr_relay_builder::prelude as nr;
use nr::{JsonUtil, NostrDatabase};
use tokio::net::TcpListener;
use tokio::runtime::Runtime;
use tokio_tungstenite::tungstenite::Message;

/// Stored events sent for each subscription in the throughput bench.
const BURST: usize = 5_000;
/// Bound for any wait, so a bug fails the bench instead of hanging it.
const LIMIT: Duration = Duration::from_secs(30);

/// A relay stand-in answering every REQ with the events (as JSON objects) and EOSE.
async fn blast_relay(events: Arc<Vec<String>>) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let _ = tcp.set_nodelay(true);
            let events = events.clone();
            tokio::spawn(async move {
                let Ok(mut ws) = tokio_tungstenite::accept_async(tcp).await else {
                    return;
                };
                while let Some(Ok(message)) = ws.next().await {
                    let Message::Text(text) = message else {
                        continue;
                    };
                    let frame: serde_json::Value = serde_json::from_str(text.as_str()).unwrap();
                    if frame[0] != "REQ" {
                        continue;
                    }
                    let sub = frame[1].as_str().unwrap().to_owned();
                    for event in events.iter() {
                        let out = format!("[\"EVENT\",\"{sub}\",{event}]");
                        if ws.feed(Message::text(out)).await.is_err() {
                            return;
                        }
                    }
                    let _ = ws
                        .send(Message::text(format!("[\"EOSE\",\"{sub}\"]")))
                        .await;
                }
            });
        }
    });
    addr
}

fn transport() -> Arc<dyn WebSocketTransport> {
    Arc::new(TokioWebSocket::new(TlsOptions::default()).unwrap())
}

/// A running worker and the parser's ends of its channels.
fn worker() -> (ParserEndpoints, IpcChannels) {
    let mut ipc = IpcChannels::new(&IpcConfig::default()).unwrap();
    // Swap the connections ends out; keep the rest alive for the bench's lifetime.
    let spare = IpcChannels::new(&IpcConfig::default()).unwrap();
    let connections = std::mem::replace(&mut ipc.connections, spare.connections);
    let parser = std::mem::replace(&mut ipc.parser, spare.parser);
    ConnectionsWorker::new(ConnectionsConfig::default(), connections, transport())
        .unwrap()
        .spawn();
    (parser, ipc)
}

fn events(keys: &Keys, n: usize) -> Vec<Event> {
    (0..n)
        .map(|i| {
            EventBuilder::new(Kind::TEXT_NOTE, format!("bench event {i} with some text"))
                .tag(Tag::new(["t", "bench"]))
                .created_at(Timestamp(1_700_000_000 + i as u64))
                .sign(keys)
        })
        .collect()
}

async fn next(parser: &mut ParserEndpoints) -> ChannelMessage<fb::ConnectionsMessage> {
    tokio::time::timeout(LIMIT, parser.connections.rx.recv())
        .await
        .expect("no message in time")
        .expect("worker gone")
}

fn is_event(message: &ChannelMessage<fb::ConnectionsMessage>) -> Option<bool> {
    match message.root().ok()?.body().ok()? {
        fb::ConnectionsMessageBodyRef::EventReceived(_) => Some(true),
        fb::ConnectionsMessageBodyRef::Eose(_) => Some(false),
        _ => None,
    }
}

fn frames_to_parser(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let keys = Keys::generate();
    let json: Vec<String> = events(&keys, BURST).iter().map(Event::to_json).collect();
    let addr = rt.block_on(blast_relay(Arc::new(json)));
    let url = format!("ws://{addr}");
    let (mut parser, _rest) = rt.block_on(async { worker() });
    let filters = [Filter::new().kind(Kind::TEXT_NOTE)];
    let mut round = 0u64;

    let mut group = c.benchmark_group("connections");
    group.throughput(Throughput::Elements(BURST as u64));
    group.sample_size(10);
    group.bench_function("frames_to_parser", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    round += 1;
                    let sub = format!("b{round}");
                    let options = SubscribeOptions {
                        relays: Some(&[url.as_str()]),
                        ..SubscribeOptions::default()
                    };
                    let start = Instant::now();
                    parser
                        .connections
                        .tx
                        .send(requests::subscribe(round, &sub, &filters, &options))
                        .await
                        .unwrap();
                    let mut received = 0;
                    loop {
                        match is_event(&next(&mut parser).await) {
                            Some(true) => received += 1,
                            Some(false) => break,
                            None => panic!("unexpected message"),
                        }
                    }
                    total += start.elapsed();
                    assert_eq!(received, BURST);
                    parser
                        .connections
                        .tx
                        .send(requests::close(round, &sub))
                        .await
                        .unwrap();
                }
                total
            })
        });
    });
    group.finish();
}

fn connect_to_first_event(c: &mut Criterion) {
    let rt = Runtime::new().unwrap();
    let keys = Keys::generate();
    let stored = events(&keys, 1).remove(0);
    let relay = rt.block_on(async {
        let database = nr::MemoryDatabase::with_opts(nr::MemoryDatabaseOptions {
            events: true,
            max_events: None,
        });
        let event = nr::Event::from_json(stored.to_json()).unwrap();
        database.save_event(&event).await.unwrap();
        let relay = nr::LocalRelay::new(
            nr::RelayBuilder::default()
                .addr(IpAddr::V4(Ipv4Addr::LOCALHOST))
                .database(database),
        );
        relay.run().await.unwrap();
        relay
    });
    let url = rt.block_on(relay.url()).to_string();
    let filters = [Filter::new().author(keys.public_key())];

    let mut group = c.benchmark_group("connections");
    group.bench_function("connect_to_first_event", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    // A fresh worker each time: no connection to reuse.
                    let (mut parser, rest) = worker();
                    let options = SubscribeOptions {
                        relays: Some(&[url.as_str()]),
                        ..SubscribeOptions::default()
                    };
                    let start = Instant::now();
                    parser
                        .connections
                        .tx
                        .send(requests::subscribe(1, "first", &filters, &options))
                        .await
                        .unwrap();
                    assert_eq!(is_event(&next(&mut parser).await), Some(true));
                    total += start.elapsed();
                    drop((parser, rest));
                }
                total
            })
        });
    });
    group.finish();
    relay.shutdown();
}

criterion_group!(benches, frames_to_parser, connect_to_first_event);
criterion_main!(benches);
