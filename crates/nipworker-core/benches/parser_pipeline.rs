//! Pipeline throughput in events/s: 2048 distinct signed kind-1 notes through a pipeline in
//! batches of 256 (the worker's batch size), with verification on (dedup → verify → parse →
//! serialize, verify going over the real ipc channel to a stand-in crypto worker that runs the real
//! `Event::verify`) and off (dedup → parse → serialize), next to the raw verify rate
//! (`Event::verify` in a loop on one thread). The save pipe is left out: it writes in the
//! background and measures the store, not the pipeline.
//!
//! Run: `cargo bench -p nipworker-core --bench parser_pipeline`

#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/parser_support/mod.rs"]
mod parser_support;

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use nipworker_core::ipc::{IpcChannels, IpcConfig};
use nipworker_core::pipeline::{Item, PipeConfig, Pipeline, PipelineConfig, Services};
use nipworker_core::protocol::{Event, EventBuilder, Keys, Kind, Tag};
use nipworker_core::storage::{MemoryStore, StoreConfig};
use nipworker_core::workers::parser::{ParserConfig, spawn_parser};
use parser_support::{CryptoCounters, spawn_cache_standin, spawn_crypto_standin};

const EVENTS: usize = 2048;
const BATCH: usize = 256;

fn events() -> Vec<Event> {
    let authors: Vec<Keys> = (0..16).map(|_| Keys::generate()).collect();
    (0..EVENTS)
        .map(|i| {
            EventBuilder::new(
                Kind(1),
                format!("note {i}: walking by the river #nostr https://example.com/{i}.jpg"),
            )
            .tag(Tag::new(["t", "nostr"]))
            .sign(&authors[i % authors.len()])
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let ch = IpcChannels::new(&IpcConfig::default()).unwrap();
    let services = rt.block_on(async {
        spawn_crypto_standin(ch.crypto.parser, None, Arc::new(CryptoCounters::default()));
        spawn_cache_standin(
            ch.cache.parser,
            Arc::new(MemoryStore::new(StoreConfig::default())),
        );
        let handle = spawn_parser(ch.parser, ParserConfig::default());
        Services {
            verifier: Some(Arc::new(handle.crypto().clone())),
            ..Services::default()
        }
    });
    let events = events();
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Elements(EVENTS as u64));
    group.sample_size(10);

    group.bench_function("raw_verify", |b| {
        b.iter(|| {
            events
                .iter()
                .filter(|e| black_box(e).verify().is_ok())
                .count()
        })
    });
    let configs = [
        (
            "verify_on",
            PipelineConfig {
                pipes: vec![
                    PipeConfig::Dedup(EVENTS),
                    PipeConfig::Verify,
                    PipeConfig::Parse { decrypt: false },
                    PipeConfig::Serialize,
                ],
            },
        ),
        (
            "verify_off",
            PipelineConfig {
                pipes: vec![
                    PipeConfig::Dedup(EVENTS),
                    PipeConfig::Parse { decrypt: false },
                    PipeConfig::Serialize,
                ],
            },
        ),
    ];
    for (name, config) in configs {
        group.bench_function(name, |b| {
            b.iter(|| {
                rt.block_on(async {
                    let mut p = Pipeline::new(&config, "bench", &services).unwrap();
                    let mut out = 0;
                    for chunk in events.chunks(BATCH) {
                        let items = chunk
                            .iter()
                            .cloned()
                            .map(|e| Item::live(e, "wss://r"))
                            .collect();
                        out += p.process(items).await.len();
                    }
                    assert_eq!(out, EVENTS);
                    out
                })
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
