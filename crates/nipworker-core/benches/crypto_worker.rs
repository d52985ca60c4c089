//! Signature verification through the crypto worker against the raw library rate, per execution
//! mode (inline, `spawn_blocking`, dedicated pool of 1 and of every core), and how long a small
//! request on the other service end waits while a big batch is verified (the stall).
//!
//! Run: `cargo bench -p nipworker-core --bench crypto_worker -- --warm-up-time 1 --measurement-time 3`
#![allow(clippy::unwrap_used, clippy::expect_used)] // fixtures are checked in; failing loudly is right

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group};
use nipworker_core::ipc::{ChannelMessage, CryptoClient, IpcChannels, IpcConfig};
use nipworker_core::protocol::Event;
use nipworker_core::protocol::flatbuffers::{fb, write_event};
use nipworker_core::workers::crypto::{
    CryptoWorker, CryptoWorkerConfig, ExecutionMode, available_cores,
};

fn testdata(path: &str) -> String {
    let full = format!("{}/../../testdata/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// The 501 genuine kind-0 events of the corpus.
fn corpus_events() -> Vec<Event> {
    testdata("corpus/profiles.json")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let msg: serde_json::Value = serde_json::from_str(l).unwrap();
            serde_json::from_value(msg.as_array().unwrap().last().unwrap().clone()).unwrap()
        })
        .collect()
}

fn verify_request(id: u64, events: &[Event], check_ids: bool) -> ChannelMessage<fb::CryptoRequest> {
    ChannelMessage::build(|b| {
        let offs: Vec<_> = events.iter().map(|e| write_event(b, e)).collect();
        let v = b.create_vector(offs.as_slice());
        let body = fb::VerifyEvents::create(b, v, check_ids);
        let body = fb::CryptoRequestBody::create_verify_events(b, body);
        fb::CryptoRequest::create(b, id, body)
    })
}

fn get_public_key(id: u64) -> ChannelMessage<fb::CryptoRequest> {
    ChannelMessage::from_table(&fb::CryptoRequest {
        request_id: id,
        body: fb::CryptoRequestBody::GetPublicKey(Box::new(fb::GetPublicKey {})),
    })
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(available_cores())
        .enable_all()
        .build()
        .unwrap()
}

/// A running worker in `mode` and both client ends.
fn worker(rt: &tokio::runtime::Runtime, mode: ExecutionMode) -> (CryptoClient, CryptoClient) {
    let mut channels = IpcChannels::new(&IpcConfig::default()).unwrap();
    let spare = IpcChannels::new(&IpcConfig::default()).unwrap();
    let endpoints = std::mem::replace(&mut channels.crypto, spare.crypto);
    let config = CryptoWorkerConfig {
        execution: mode,
        ..CryptoWorkerConfig::default()
    };
    let (worker, handle) = CryptoWorker::new(endpoints, config).unwrap();
    handle.signer().set_signer(std::sync::Arc::new(
        nipworker_core::signer::PrivateKeySigner::generate(),
    ));
    // Keep the handle alive with the worker.
    rt.spawn(async move {
        let _handle = handle;
        worker.run().await;
    });
    (channels.parser.crypto, channels.connections.crypto)
}

fn modes() -> Vec<(&'static str, ExecutionMode)> {
    let cores = available_cores();
    vec![
        ("inline", ExecutionMode::Inline),
        ("spawn_blocking", ExecutionMode::SpawnBlocking),
        ("pool_1", ExecutionMode::Pool { threads: 1 }),
        ("pool_cores", ExecutionMode::Pool { threads: cores }),
    ]
}

/// The raw single-core rate: BIP-340 verification with keys and signatures pre-parsed.
fn raw(c: &mut Criterion) {
    let events = corpus_events();
    let parsed: Vec<_> = events
        .iter()
        .map(|e| {
            (
                secp256k1::XOnlyPublicKey::from_byte_array(e.pubkey.0).unwrap(),
                secp256k1::schnorr::Signature::from_byte_array(e.sig.0),
                *e.id.as_bytes(),
            )
        })
        .collect();
    let mut g = c.benchmark_group("crypto_worker_raw");
    g.throughput(Throughput::Elements(events.len() as u64));
    g.bench_function("secp256k1_single_core", |b| {
        b.iter(|| {
            for (pk, sig, msg) in &parsed {
                secp256k1::schnorr::verify(black_box(sig), black_box(msg), pk).unwrap();
            }
        })
    });
    g.bench_function("event_verify_id_and_sig_single_core", |b| {
        b.iter(|| {
            for e in &events {
                black_box(e).verify().unwrap();
            }
        })
    });
    g.finish();
}

/// Throughput of `VerifyEvents` through the worker: one batch at a time, and 8 batches in flight.
fn through_worker(c: &mut Criterion) {
    let events = corpus_events();
    let rt = runtime();
    let mut g = c.benchmark_group("crypto_worker_verify");
    for (name, mode) in modes() {
        let (mut client, _conn) = worker(&rt, mode);
        for check_ids in [true, false] {
            let request = verify_request(1, &events, check_ids);
            let label = if check_ids { "id+sig" } else { "sig" };
            g.throughput(Throughput::Elements(events.len() as u64));
            g.bench_with_input(
                BenchmarkId::new(format!("{name}/{label}"), 1),
                &request,
                |b, r| {
                    b.iter(|| {
                        rt.block_on(async {
                            client.tx.send(r.clone()).await.unwrap();
                            client.rx.recv().await.unwrap()
                        })
                    })
                },
            );
        }
        let request = verify_request(1, &events, true);
        g.throughput(Throughput::Elements(8 * events.len() as u64));
        g.bench_with_input(
            BenchmarkId::new(format!("{name}/id+sig"), 8),
            &request,
            |b, r| {
                b.iter(|| {
                    rt.block_on(async {
                        for _ in 0..8 {
                            client.tx.send(r.clone()).await.unwrap();
                        }
                        for _ in 0..8 {
                            client.rx.recv().await.unwrap();
                        }
                    })
                })
            },
        );
    }
    g.finish();
}

/// How long a `GetPublicKey` on the connections end waits while the parser end's batch of 2004
/// events (the corpus four times) is being verified.
fn stall(c: &mut Criterion) {
    let events = corpus_events();
    let big: Vec<Event> = events
        .iter()
        .cycle()
        .take(events.len() * 4)
        .cloned()
        .collect();
    let rt = runtime();
    let mut g = c.benchmark_group("crypto_worker_stall");
    for (name, mode) in modes() {
        let (mut parser, mut conn) = worker(&rt, mode);
        let batch = verify_request(1, &big, true);
        g.bench_function(name, |b| {
            b.iter_custom(|iters| {
                rt.block_on(async {
                    let mut waited = Duration::ZERO;
                    for _ in 0..iters {
                        parser.tx.send(batch.clone()).await.unwrap();
                        // Let the worker pick the batch up first.
                        tokio::time::sleep(Duration::from_micros(200)).await;
                        let start = Instant::now();
                        conn.tx.send(get_public_key(2)).await.unwrap();
                        conn.rx.recv().await.unwrap();
                        waited += start.elapsed();
                        parser.rx.recv().await.unwrap();
                    }
                    waited
                })
            })
        });
    }
    g.finish();
}

/// Rounds that measure every mode and the raw rate back to back, so load from other processes
/// on a shared machine hits them alike; prints medians and the worker/raw ratio per mode.
fn interleaved_summary(rounds: usize) {
    let events = corpus_events();
    let parsed: Vec<_> = events
        .iter()
        .map(|e| {
            (
                secp256k1::XOnlyPublicKey::from_byte_array(e.pubkey.0).unwrap(),
                secp256k1::schnorr::Signature::from_byte_array(e.sig.0),
                *e.id.as_bytes(),
            )
        })
        .collect();
    let rt = runtime();
    let workers: Vec<_> = modes()
        .into_iter()
        .map(|(name, mode)| (name, worker(&rt, mode)))
        .collect();
    let request = verify_request(1, &events, true);
    const IN_FLIGHT: usize = 8;
    let per_round = (IN_FLIGHT * events.len()) as f64;
    let mut raw_rates = Vec::new();
    let mut rates: Vec<Vec<f64>> = vec![Vec::new(); workers.len()];
    let mut ratios: Vec<Vec<f64>> = vec![Vec::new(); workers.len()];
    let mut workers = workers;
    for _ in 0..rounds {
        let start = Instant::now();
        for _ in 0..IN_FLIGHT {
            for (pk, sig, msg) in &parsed {
                secp256k1::schnorr::verify(black_box(sig), black_box(msg), pk).unwrap();
            }
        }
        let raw = per_round / start.elapsed().as_secs_f64();
        raw_rates.push(raw);
        for (i, (_, (client, _))) in workers.iter_mut().enumerate() {
            let start = Instant::now();
            rt.block_on(async {
                for _ in 0..IN_FLIGHT {
                    client.tx.send(request.clone()).await.unwrap();
                }
                for _ in 0..IN_FLIGHT {
                    client.rx.recv().await.unwrap();
                }
            });
            let rate = per_round / start.elapsed().as_secs_f64();
            rates[i].push(rate);
            ratios[i].push(rate / raw);
        }
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(|a, b| a.total_cmp(b));
        v[v.len() / 2]
    };
    println!(
        "\ninterleaved summary: {rounds} rounds, {IN_FLIGHT} x {} events (id + signature) in flight, {} cores",
        events.len(),
        available_cores()
    );
    println!(
        "  raw secp256k1 single core (pre-parsed): {:.1} K/s",
        median(&mut raw_rates) / 1e3
    );
    for (i, (name, _)) in workers.iter().enumerate() {
        println!(
            "  {name:<15} {:>7.1} K/s   worker/raw median ratio {:.2}",
            median(&mut rates[i]) / 1e3,
            median(&mut ratios[i])
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = raw, through_worker, stall
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    // Only a real `cargo bench` run (criterion gets `--bench`) prints the summary; test mode
    // (`cargo test --benches`) and listing skip it.
    let args: Vec<String> = std::env::args().collect();
    let has = |flag: &str| args.iter().any(|a| a == flag);
    if has("--bench") && !has("--list") && !has("--profile-time") {
        interleaved_summary(9);
    }
}
