//! Event store benchmarks on a realistic 100,000-event database: ingest rate (store alone, and
//! through the cache worker's channels) and query latency
//! (limit 20 / 100 / 1000 by kind, author, #p (notification kinds), #e, time window, and a follow
//! feed of 100 authors) for the SQLite
//! store and the memory store.
//!
//! The data is generated from a seeded RNG (same events every run): 1,000 authors with Zipf-like
//! activity over one month; 1,000 profiles, 1,000 follow lists (20-300 `p` tags), 1,000 relay
//! lists, then notes, replies, reactions, reposts, DMs, zaps, comments, articles and deletions
//! whose `e`/`p` tags point at earlier events (popular notes and authors get most references).
//! Every event is really signed by its author's key (BIP-340), on two threads, once per run.
//!
//! Run: `cargo bench -p nipworker-core --bench storage -- --warm-up-time 0.5 --measurement-time 2`

// A bench aborts on setup failure: there is no caller to hand an error to.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use futures::StreamExt;
use nipworker_core::ipc::{CacheClient, ChannelMessage, IpcChannels, IpcConfig};
use nipworker_core::protocol::flatbuffers::{fb, write_event};
use nipworker_core::protocol::{Event, Filter, Keys, Kind, Timestamp};
use nipworker_core::storage::{EventStore, MemoryStore, SqliteConfig, SqliteStore, StoreConfig};
use nipworker_core::workers::cache::{CacheWorker, CacheWorkerConfig};

// Shared with the anchor bench, which uses fields this bench does not.
#[allow(dead_code)]
#[path = "support/storage_data.rs"]
mod storage_data;
use storage_data::{EVENTS, START, generate};

const BATCH: usize = 500;
/// Events per ingest run: the whole data set.
const INGEST_EVENTS: usize = EVENTS;

/// CPU time (user + system) of this process so far, all threads, from `/proc/self/stat` (0 where
/// that does not exist): on a shared machine it shows the work done, whatever the wall clock says.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the `(comm)`: state is field 3; utime and stime are fields 14 and 15.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Clock ticks are 100 per second on Linux.
    (ticks(11) + ticks(12)) / 100.0
}

async fn ingest(store: &dyn EventStore, events: &[Event], batch: usize) {
    for chunk in events.chunks(batch) {
        store.save_batch(chunk).await.expect("save");
    }
}

/// Sends every request to a fresh cache worker and waits for every reply; returns the time taken
/// and how many store transactions the worker used.
async fn ingest_through_worker(
    store: &SqliteStore,
    requests: &[ChannelMessage<fb::CacheRequest>],
) -> (Duration, u64) {
    let channels = IpcChannels::new(&IpcConfig::default()).expect("channels");
    let worker = CacheWorker::new(
        Arc::new(store.clone()),
        channels.cache,
        CacheWorkerConfig::default(),
    );
    let stats = worker.stats();
    let handle = tokio::spawn(worker.run());
    let CacheClient { tx, mut rx } = channels.parser.cache;
    let requests = requests.to_vec();
    let n = requests.len();
    let t = Instant::now();
    let sender = tokio::spawn(async move {
        for r in requests {
            tx.send(r).await.expect("send");
        }
    });
    for _ in 0..n {
        let reply = rx.recv().await.expect("reply");
        black_box(reply);
    }
    let took = t.elapsed();
    sender.await.expect("sender");
    handle.await.expect("worker");
    (took, stats.snapshot().save_transactions)
}

async fn run(store: &dyn EventStore, filter: &Filter) -> usize {
    let mut stream = store
        .query(std::slice::from_ref(filter))
        .await
        .expect("query");
    let mut n = 0;
    while let Some(e) = stream.next().await {
        black_box(e.expect("event"));
        n += 1;
    }
    n
}

fn benches(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let data = generate();
    let dir = tempfile::tempdir().expect("tempdir");

    // Ingest: fresh stores, the 100,000 events in batches of 500 (and 5,000). One run per sample.
    let mut group = c.benchmark_group("ingest");
    group.sample_size(10);
    group.sampling_mode(criterion::SamplingMode::Flat);
    group.throughput(Throughput::Elements(INGEST_EVENTS as u64));
    let slice = &data.events[..INGEST_EVENTS];
    let mut round = 0;
    for batch in [BATCH, 5_000] {
        group.bench_function(format!("sqlite_batch_{batch}"), |b| {
            b.iter_custom(|iters| {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    round += 1;
                    let path = dir.path().join(format!("ingest-{round}.db"));
                    rt.block_on(async {
                        let store = SqliteStore::open(SqliteConfig::new(&path))
                            .await
                            .expect("open");
                        let t = Instant::now();
                        ingest(&store, slice, batch).await;
                        total += t.elapsed();
                        store.close().await.expect("close");
                    });
                    let _ = std::fs::remove_file(&path);
                }
                total
            })
        });
    }
    // Through the cache worker: the parser's side sends SaveEvents of 500 events as fast as the
    // channel takes them (messages built beforehand: building them is the parser's work) and
    // reads every SaveResult; queued saves coalesce into larger transactions.
    let requests: Vec<ChannelMessage<fb::CacheRequest>> = slice
        .chunks(BATCH)
        .enumerate()
        .map(|(i, chunk)| {
            ChannelMessage::build(|b| {
                let offsets: Vec<_> = chunk.iter().map(|e| write_event(b, e)).collect();
                let events = b.create_vector(offsets.as_slice());
                let body = fb::SaveEvents::create(b, events);
                let body = fb::CacheRequestBody::create_save_events(b, body);
                fb::CacheRequest::create(b, i as u64, body)
            })
        })
        .collect();
    let mut worker_transactions = 0;
    group.bench_function(format!("worker_sqlite_batch_{BATCH}"), |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                round += 1;
                let path = dir.path().join(format!("ingest-{round}.db"));
                rt.block_on(async {
                    let store = SqliteStore::open(SqliteConfig::new(&path))
                        .await
                        .expect("open");
                    let (took, transactions) = ingest_through_worker(&store, &requests).await;
                    total += took;
                    worker_transactions = transactions;
                    store.close().await.expect("close");
                });
                let _ = std::fs::remove_file(&path);
            }
            total
        })
    });
    if worker_transactions > 0 {
        println!(
            "worker: {} SaveEvents requests of {BATCH} saved in {worker_transactions} transactions",
            requests.len()
        );
    }
    let batch = BATCH;
    group.bench_function("memory", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                rt.block_on(async {
                    let store = MemoryStore::new(StoreConfig::default());
                    let t = Instant::now();
                    ingest(&store, slice, batch).await;
                    total += t.elapsed();
                });
            }
            total
        })
    });
    group.finish();

    // The 100,000-event databases, built once.
    let (sqlite, memory) = rt.block_on(async {
        let sqlite = SqliteStore::open(SqliteConfig::new(dir.path().join("bench.db")))
            .await
            .expect("open");
        let t = Instant::now();
        let cpu = cpu_seconds();
        ingest(&sqlite, &data.events, BATCH).await;
        let took = t.elapsed();
        let cpu = cpu_seconds() - cpu;
        let stats = sqlite.stats().await.expect("stats");
        println!(
            "sqlite: built {} events ({} kept) in {took:.2?} ({cpu:.2} s CPU, every thread): \
             {:.0} events/s",
            data.events.len(),
            stats.events,
            data.events.len() as f64 / took.as_secs_f64()
        );
        let memory = MemoryStore::new(StoreConfig::default());
        let t = Instant::now();
        ingest(&memory, &data.events, BATCH).await;
        let took = t.elapsed();
        println!(
            "memory: built in {took:.2?}: {:.0} events/s",
            data.events.len() as f64 / took.as_secs_f64()
        );
        (sqlite, memory)
    });

    let day = START + 15 * 24 * 3600;
    let shapes: Vec<(&str, Filter)> = vec![
        ("kind", Filter::new().kind(Kind(1))),
        ("author", Filter::new().author(data.top_author.public_key())),
        // Notifications: mentions, replies, reposts, reactions and zaps of the top author.
        (
            "p_tag",
            Filter::new().pubkey(data.top_author.public_key()).kinds([
                Kind(1),
                Kind(6),
                Kind(7),
                Kind(9735),
            ]),
        ),
        ("e_tag", Filter::new().event(data.popular_note)),
        (
            "time_window",
            Filter::new()
                .since(Timestamp(day))
                .until(Timestamp(day + 24 * 3600)),
        ),
        (
            "feed_100_authors",
            Filter::new()
                .authors(data.feed_authors.iter().map(Keys::public_key))
                .kinds([Kind(1), Kind(6)]),
        ),
    ];
    for (name, f) in &shapes {
        let f = f.clone().limit(20);
        let plan = rt
            .block_on(sqlite.explain(std::slice::from_ref(&f)))
            .expect("explain");
        println!("plan {name}: {}", plan.join(" | "));
    }
    for limit in [20usize, 100, 1000] {
        let mut group = c.benchmark_group(format!("query_limit_{limit}"));
        for (name, f) in &shapes {
            let f = f.clone().limit(limit);
            let n_sqlite = rt.block_on(run(&sqlite, &f));
            let n_memory = rt.block_on(run(&memory, &f));
            assert_eq!(n_sqlite, n_memory, "{name}");
            println!("query {name} limit {limit}: {n_sqlite} events");
            group.throughput(Throughput::Elements(n_sqlite as u64));
            group.bench_with_input(BenchmarkId::new("sqlite", name), &f, |b, f| {
                b.iter(|| rt.block_on(run(&sqlite, f)))
            });
            group.bench_with_input(BenchmarkId::new("memory", name), &f, |b, f| {
                b.iter(|| rt.block_on(run(&memory, f)))
            });
        }
        group.finish();
    }
}

criterion_group!(storage, benches);
criterion_main!(storage);
