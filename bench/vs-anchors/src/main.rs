//! nipworker's event stores against the stores Nostr developers pick today, on the storage
//! bench's 100,000 generated events (`crates/nipworker-core/benches/support/storage_data.rs`):
//! `SqliteStore` (with its default hot layer, one holding the whole set, and none), `MemoryStore`, `nostr-lmdb` and
//! `nostr-ndb` (nostrdb), every store in one run.
//!
//! Ingest: the whole set once per store, batches of 500 (nostr-lmdb: 500 `save_event` calls in
//! flight, which its ingester commits as one transaction; nostrdb: 500 `process_event` calls, then
//! waiting until every note of the chunk can be read back, re-sending any it dropped).
//! Queries: for each shape and limit, 7 rounds; in each round every store runs the query
//! back-to-back enough times to fill ~20 ms and the mean is kept; the median of the rounds is
//! printed, with ours / anchor ratios (below 1 = ours faster). Every store's answer is counted,
//! and ours are checked against the memory store event for event.
//!
//! Run: `cd bench/vs-anchors && cargo run --release`

// A bench aborts on setup failure: there is no caller to hand an error to.
#![allow(clippy::expect_used, clippy::unwrap_used, unsafe_code)]

#[path = "../../../crates/nipworker-core/benches/support/storage_data.rs"]
mod storage_data;

use std::collections::BTreeSet;
use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::StreamExt;
use nipworker_core::ipc::{CacheClient, ChannelMessage, IpcChannels, IpcConfig};
use nipworker_core::protocol::flatbuffers::{fb, write_event};
use nipworker_core::protocol::{Event, EventId, Filter, Keys, Kind, Timestamp};
use nipworker_core::storage::{
    Durability, EventStore, HotLayerConfig, MemoryStore, SqliteConfig, SqliteStore, StoreConfig,
};
use nipworker_core::workers::cache::{CacheWorker, CacheWorkerConfig};
use nostr_lmdb::NostrLmdb;
use nostr_ndb::NdbDatabase;
use nostr_ndb::database::NostrDatabase;
use nostr_ndb::nostr::prelude as nostr;
use nostr_ndb::nostrdb;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use storage_data::{START, generate};

const BATCH: usize = 500;
const ROUNDS: usize = 7;
/// Ingest runs of each of our SQLite configurations (the anchors run once: nostr-lmdb alone
/// takes half a minute).
const INGEST_RUNS: usize = 3;
const ROUND_TARGET: Duration = Duration::from_millis(20);

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

fn dir_size(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .map(|rd| {
            rd.flatten()
                .map(|e| {
                    let m = e.metadata().map(|m| m.len()).unwrap_or(0);
                    if e.path().is_dir() {
                        dir_size(&e.path())
                    } else {
                        m
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}

/// Bytes of the files whose name starts with `prefix` in `dir` (a SQLite file and its WAL).
fn files_size(dir: &Path, prefix: &str) -> u64 {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .filter(|e| e.file_name().to_string_lossy().starts_with(prefix))
                .map(|e| e.metadata().map(|m| m.len()).unwrap_or(0))
                .sum()
        })
        .unwrap_or(0)
}

fn mb(b: u64) -> String {
    format!("{:.0} MB", b as f64 / 1e6)
}

async fn run_ours(store: &dyn EventStore, filter: &Filter) -> Vec<EventId> {
    let mut stream = store
        .query(std::slice::from_ref(filter))
        .await
        .expect("query");
    let mut out = Vec::new();
    while let Some(e) = stream.next().await {
        let e = e.expect("event");
        out.push(e.id);
        black_box(e);
    }
    out
}

/// nostr-ndb's own conversion of a note (private there), for the rows queried through nostrdb's
/// filter API.
fn note_to_event(note: &nostrdb::Note) -> Option<nostr::Event> {
    let tags: Vec<nostr::Tag> = note
        .tags()
        .iter()
        .filter_map(|tag| {
            let parts: Vec<String> = tag
                .into_iter()
                .map(|s| match s.variant() {
                    nostrdb::NdbStrVariant::Id(id) => nostr::EventId::from_byte_array(*id).to_hex(),
                    nostrdb::NdbStrVariant::Str(s) => s.to_owned(),
                })
                .collect();
            nostr::Tag::parse(parts).ok()
        })
        .collect();
    Some(nostr::Event::new(
        nostr::EventId::from_byte_array(*note.id()),
        nostr::PublicKey::from_byte_array(*note.pubkey()),
        nostr::Timestamp::from_secs(note.created_at()),
        nostr::Kind::from_u16(u16::try_from(note.kind()).ok()?),
        tags,
        note.content(),
        nostr::Signature::from_slice(note.sig()).ok()?,
    ))
}

/// How a shape is asked of nostrdb.
#[derive(Clone, Copy)]
enum NdbHow {
    /// Through nostr-ndb's `NostrDatabase::query`.
    Trait,
    /// `#e` of one note through nostrdb's filter API (nostr-ndb's `#e`/`#p` match nothing).
    EventTag(EventId),
    /// `#p` of one pubkey with kinds, through nostrdb's filter API.
    PubkeyTag([u8; 32]),
}

fn ndb_direct(db: &NdbDatabase, how: NdbHow, kinds: &[u16], limit: usize) -> usize {
    let mut b = nostrdb::Filter::new();
    b = match how {
        NdbHow::EventTag(id) => b.event(&id.0),
        NdbHow::PubkeyTag(pk) => b.pubkeys([&pk]),
        NdbHow::Trait => b,
    };
    if !kinds.is_empty() {
        b = b.kinds(kinds.iter().map(|k| u64::from(*k)));
    }
    let filter = b.limit(limit as u64).build();
    let txn = nostrdb::Transaction::new(db).expect("txn");
    let ndb: &nostrdb::Ndb = db;
    let results = ndb
        .query(&txn, &[filter], i32::try_from(limit).unwrap_or(i32::MAX))
        .expect("ndb query");
    let events: BTreeSet<nostr::Event> = results
        .iter()
        .filter_map(|r| note_to_event(&r.note))
        .collect();
    let n = events.len();
    black_box(events);
    n
}

struct Shape {
    name: &'static str,
    ours: Filter,
    anchor: nostr::Filter,
    ndb: NdbHow,
    kinds: Vec<u16>,
    /// What nostrdb gets wrong on this shape (printed in the table).
    ndb_note: &'static str,
}

fn to_nostr_filter(f: &Filter) -> nostr::Filter {
    nostr::Filter::from_json(f.to_json()).expect("filter converts")
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn fmt_t(secs: f64) -> String {
    if secs >= 1e-3 {
        format!("{:.2} ms", secs * 1e3)
    } else {
        format!("{:.1} µs", secs * 1e6)
    }
}

async fn ingest_ours(store: &SqliteStore, events: &[Event]) -> Duration {
    let t = Instant::now();
    for chunk in events.chunks(BATCH) {
        store.save_batch(chunk).await.expect("save");
    }
    t.elapsed()
}

/// The parser's path: SaveEvents of 500 sent to a cache worker, every reply read.
async fn ingest_worker(store: &SqliteStore, events: &[Event]) -> Duration {
    let requests: Vec<ChannelMessage<fb::CacheRequest>> = events
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
    let channels = IpcChannels::new(&IpcConfig::default()).expect("channels");
    let worker = CacheWorker::new(
        Arc::new(store.clone()),
        channels.cache,
        CacheWorkerConfig::default(),
    );
    let handle = tokio::spawn(worker.run());
    let CacheClient { tx, mut rx } = channels.parser.cache;
    let n = requests.len();
    let t = Instant::now();
    let sender = tokio::spawn(async move {
        for r in requests {
            tx.send(r).await.expect("send");
        }
    });
    for _ in 0..n {
        black_box(rx.recv().await.expect("reply"));
    }
    let took = t.elapsed();
    sender.await.expect("sender");
    handle.await.expect("worker");
    took
}

async fn open_sqlite(path: &Path, durability: Durability, hot: HotLayerConfig) -> SqliteStore {
    let mut c = SqliteConfig::new(path);
    c.durability = durability;
    c.hot = hot;
    SqliteStore::open(c).await.expect("open")
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    println!("load average at start: {}", load_average());
    let data = generate();
    let n_events = data.events.len();
    let anchor_events: Vec<nostr::Event> = data
        .events
        .iter()
        .map(|e| nostr::Event::from_json(e.to_json()).expect("event converts"))
        .collect();
    let dir = tempfile::tempdir().expect("tempdir");
    let rate = |d: Duration| format!("{:.1} K/s", n_events as f64 / d.as_secs_f64() / 1e3);
    // A layer sized to hold the whole data set.
    let whole_hot = HotLayerConfig {
        max_events: 100_000,
        max_bytes: 64 * 1024 * 1024,
    };

    // ---- Ingest: the whole set into fresh stores; ours INGEST_RUNS times (median), the round
    // robin spreading the machine's load over every configuration alike.
    println!(
        "\n## ingest ({n_events} events, batches of {BATCH}), load {}",
        load_average()
    );
    let mut ingest_rows: Vec<(String, Duration, u64)> = Vec::new();
    let mut times: [Vec<Duration>; 4] = Default::default();
    let mut sizes = [0u64; 4];
    let mut kept: Option<(SqliteStore, SqliteStore)> = None;
    let full_path = dir.path().join("full.db");
    for run in 0..INGEST_RUNS {
        let last = run + 1 == INGEST_RUNS;
        let name = |base: &str| {
            if last {
                format!("{base}.db")
            } else {
                format!("{base}-{run}.db")
            }
        };
        let p = dir.path().join(name("hot"));
        let hot = open_sqlite(&p, Durability::Normal, HotLayerConfig::default()).await;
        times[0].push(ingest_ours(&hot, &data.events).await);
        sizes[0] = files_size(dir.path(), &name("hot"));
        let p = dir.path().join(name("nohot"));
        let nohot = open_sqlite(&p, Durability::Normal, HotLayerConfig::OFF).await;
        times[1].push(ingest_ours(&nohot, &data.events).await);
        sizes[1] = files_size(dir.path(), &name("nohot"));
        let p = if last {
            full_path.clone()
        } else {
            dir.path().join(name("full"))
        };
        let full = open_sqlite(&p, Durability::Full, HotLayerConfig::default()).await;
        times[2].push(ingest_ours(&full, &data.events).await);
        sizes[2] = files_size(dir.path(), &name("full"));
        full.close().await.expect("close");
        let p = dir.path().join(name("worker"));
        let worker = open_sqlite(&p, Durability::Normal, HotLayerConfig::default()).await;
        times[3].push(ingest_worker(&worker, &data.events).await);
        sizes[3] = files_size(dir.path(), &name("worker"));
        worker.close().await.expect("close");
        if last {
            kept = Some((hot, nohot));
        } else {
            hot.close().await.expect("close");
            nohot.close().await.expect("close");
            for base in ["hot", "nohot", "full", "worker"] {
                for suffix in ["", "-wal", "-shm"] {
                    let _ =
                        std::fs::remove_file(dir.path().join(format!("{}{suffix}", name(base))));
                }
            }
        }
    }
    let (sqlite_hot, sqlite_nohot) = kept.expect("at least one run");
    for (i, label) in [
        "SqliteStore (hot layer), Durability::Normal, save_batch",
        "SqliteStore (no hot layer), Durability::Normal, save_batch",
        "SqliteStore (hot layer), Durability::Full, save_batch",
        "SqliteStore (hot layer), Normal, through the cache worker",
    ]
    .into_iter()
    .enumerate()
    {
        let mut t = times[i].clone();
        t.sort();
        ingest_rows.push((
            format!("{label} (median of {INGEST_RUNS})"),
            t[t.len() / 2],
            sizes[i],
        ));
    }
    let memory = MemoryStore::new(StoreConfig::default());
    let t = Instant::now();
    for chunk in data.events.chunks(BATCH) {
        memory.save_batch(chunk).await.expect("save");
    }
    ingest_rows.push(("MemoryStore".into(), t.elapsed(), 0));

    let lmdb_path = dir.path().join("lmdb");
    let lmdb = NostrLmdb::open(&lmdb_path).await.expect("lmdb");
    let t = Instant::now();
    for chunk in anchor_events.chunks(BATCH) {
        let saves = chunk.iter().map(|e| lmdb.save_event(e));
        for r in futures::future::join_all(saves).await {
            r.expect("lmdb save");
        }
    }
    ingest_rows.push((
        "nostr-lmdb (500 saves in flight per chunk)".into(),
        t.elapsed(),
        dir_size(&lmdb_path),
    ));

    let ndb_path = dir.path().join("ndb");
    std::fs::create_dir_all(&ndb_path).expect("ndb dir");
    // Signatures were checked when the events were made; our stores trust verified events too.
    let config = nostrdb::Config::new().skip_validation(true);
    let ndb = NdbDatabase::from(
        nostrdb::Ndb::new(ndb_path.to_str().expect("utf-8 path"), &config).expect("ndb"),
    );
    let t = Instant::now();
    let mut resent = 0usize;
    let mut missing_total = 0usize;
    for chunk in anchor_events.chunks(BATCH) {
        let jsons: Vec<String> = chunk
            .iter()
            .map(|e| format!("[\"EVENT\",\"ndb\",{}]", e.as_json()))
            .collect();
        for j in &jsons {
            ndb.process_event(j).expect("ndb ingest");
        }
        // nostrdb ingests on its own threads and drops what its queue cannot take: wait until
        // every note of the chunk reads back; re-send what is still missing only once nothing
        // has landed for 50 ms (bounded: 10 s per chunk).
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut missing: Vec<usize> = (0..chunk.len()).collect();
        let mut last_progress = Instant::now();
        loop {
            let before = missing.len();
            {
                let txn = nostrdb::Transaction::new(&ndb).expect("txn");
                missing.retain(|&i| ndb.get_note_by_id(&txn, chunk[i].id.as_bytes()).is_err());
            }
            if missing.is_empty() {
                break;
            }
            if Instant::now() > deadline {
                missing_total += missing.len();
                break;
            }
            if missing.len() < before {
                last_progress = Instant::now();
            } else if last_progress.elapsed() > Duration::from_millis(50) {
                for &i in &missing {
                    ndb.process_event(&jsons[i]).expect("ndb ingest");
                    resent += 1;
                }
                last_progress = Instant::now();
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    }
    ingest_rows.push((
        format!(
            "nostrdb (nostr-ndb; chunks of 500, waited until readable; {resent} re-sent, \
             {missing_total} never stored)"
        ),
        t.elapsed(),
        dir_size(&ndb_path),
    ));
    println!("| store | time | events/s | on disk |\n|---|---|---|---|");
    for (name, took, size) in &ingest_rows {
        println!(
            "| {name} | {:.2} s | {} | {} |",
            took.as_secs_f64(),
            rate(*took),
            if *size > 0 { mb(*size) } else { "-".into() }
        );
    }
    println!("load average after ingest: {}", load_average());

    // A second reading of the Full file with a hot layer that holds the whole set (the ingested
    // store keeps the default layer, which holds the newest part and falls through for the rest).
    let sqlite_whole = open_sqlite(&full_path, Durability::Normal, whole_hot).await;
    for (name, s) in [("default", &sqlite_hot), ("whole set", &sqlite_whole)] {
        let h = s.hot_layer_stats();
        println!(
            "hot layer ({name}): {} events, {} of JSON, holds everything since {}{}",
            h.events,
            mb(h.bytes),
            h.floor.as_u64(),
            if h.floor.as_u64() == 0 { " (all)" } else { "" }
        );
    }

    // Heap of the default hot layer: glibc's bytes in use before and after reopening the Full
    // file with it (SQLite's page cache for the new store included; its memory map is not heap).
    let rss = || -> u64 {
        // SAFETY: mallinfo2 only reads the allocator's counters.
        let info = unsafe { libc::mallinfo2() };
        (info.uordblks + info.hblkhd) as u64
    };
    for (name, config) in [
        ("default", HotLayerConfig::default()),
        ("whole-set", whole_hot),
        ("no", HotLayerConfig::OFF),
    ] {
        let before = rss();
        let t = Instant::now();
        let measured = open_sqlite(&full_path, Durability::Normal, config).await;
        let took = t.elapsed();
        let after = rss();
        println!(
            "reopening the file with the {name} hot layer ({} events, {} of JSON): {:.2} s, \
             heap +{}",
            measured.hot_layer_stats().events,
            mb(measured.hot_layer_stats().bytes),
            took.as_secs_f64(),
            mb(after.saturating_sub(before))
        );
        measured.close().await.expect("close");
    }

    // ---- Queries.
    let day = START + 15 * 24 * 3600;
    let mut rng = StdRng::seed_from_u64(11);
    let sample_ids = |n: usize, rng: &mut StdRng| -> Vec<EventId> {
        (0..n)
            .map(|_| data.events[rng.random_range(0..n_events)].id)
            .collect()
    };
    let ids20 = sample_ids(20, &mut rng);
    let ids1000 = sample_ids(1000, &mut rng);
    let top = data.top_author.public_key();
    let p_kinds = [1u16, 6, 7, 9735];
    let feed_kinds = [Kind(1), Kind(6)];
    let shapes = |limit: usize| -> Vec<Shape> {
        let mut v = vec![
            (
                "kind 1",
                Filter::new().kind(Kind(1)),
                NdbHow::Trait,
                vec![],
                "",
            ),
            (
                "one author (top)",
                Filter::new().author(top),
                NdbHow::Trait,
                vec![],
                "",
            ),
            (
                "#p top author, kinds 1/6/7/9735",
                Filter::new()
                    .pubkey(top)
                    .kinds(p_kinds.iter().map(|k| Kind(*k))),
                NdbHow::PubkeyTag(top.0),
                p_kinds.to_vec(),
                "several kinds + limit: not the newest N",
            ),
            (
                "#e most referenced note",
                Filter::new().event(data.popular_note),
                NdbHow::EventTag(data.popular_note),
                vec![],
                "",
            ),
            (
                "one-day window (since+until)",
                Filter::new()
                    .since(Timestamp(day))
                    .until(Timestamp(day + 24 * 3600)),
                NdbHow::Trait,
                vec![],
                "since/until only: returns nothing",
            ),
            (
                "feed 100 authors, kinds 1/6",
                Filter::new()
                    .authors(data.feed_authors.iter().map(Keys::public_key))
                    .kinds(feed_kinds),
                NdbHow::Trait,
                vec![],
                "several kinds + limit: not the newest N",
            ),
            (
                "feed 1000 authors, kinds 1/6",
                Filter::new()
                    .authors(data.all_authors.iter().map(Keys::public_key))
                    .kinds(feed_kinds),
                NdbHow::Trait,
                vec![],
                "several kinds + limit: not the newest N",
            ),
        ];
        let ids = if limit <= 20 { &ids20 } else { &ids1000 };
        v.push((
            "ids (N random ids, N = limit)",
            Filter::new().ids(ids.iter().copied()),
            NdbHow::Trait,
            vec![],
            "",
        ));
        v.into_iter()
            .map(|(name, f, ndb, kinds, ndb_note)| {
                let ours = f.limit(limit);
                Shape {
                    name,
                    anchor: to_nostr_filter(&ours),
                    ours,
                    ndb,
                    kinds,
                    ndb_note,
                }
            })
            .collect()
    };

    type Runner<'a> = Box<dyn Fn() -> futures::future::BoxFuture<'a, usize> + 'a>;
    println!(
        "\n## queries (median of {ROUNDS} rounds of ~{} ms each), load {}",
        ROUND_TARGET.as_millis(),
        load_average()
    );
    println!(
        "| shape | limit | n | SQLite + whole-set hot layer | SQLite + default hot layer | \
         SQLite only | MemoryStore | nostr-lmdb | nostrdb | whole/lmdb | whole/ndb | \
         default/lmdb | default/ndb | sqlite/lmdb | sqlite/ndb | ndb n | note |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    let mut misses = Vec::new();
    let mut default_misses = Vec::new();
    for limit in [20usize, 1000] {
        for shape in shapes(limit) {
            let want = run_ours(&memory, &shape.ours).await;
            for (name, s) in [
                ("whole", &sqlite_whole),
                ("default", &sqlite_hot),
                ("sqlite", &sqlite_nohot),
            ] {
                let got = run_ours(s, &shape.ours).await;
                assert_eq!(
                    got, want,
                    "{name} differs from the memory store on {}",
                    shape.name
                );
            }
            let f = &shape.ours;
            let af = &shape.anchor;
            let runners: Vec<Runner<'_>> = vec![
                Box::new(|| Box::pin(async { run_ours(&sqlite_whole, f).await.len() })),
                Box::new(|| Box::pin(async { run_ours(&sqlite_hot, f).await.len() })),
                Box::new(|| Box::pin(async { run_ours(&sqlite_nohot, f).await.len() })),
                Box::new(|| Box::pin(async { run_ours(&memory, f).await.len() })),
                Box::new(|| {
                    Box::pin(async {
                        let r = lmdb.query(af.clone()).await.expect("lmdb query");
                        let n = r.len();
                        black_box(r);
                        n
                    })
                }),
                match shape.ndb {
                    NdbHow::Trait => Box::new(|| {
                        Box::pin(async {
                            let r = ndb.query(af.clone()).await.expect("ndb query");
                            let n = r.len();
                            black_box(r);
                            n
                        })
                    }),
                    how => {
                        let ndb = &ndb;
                        let kinds = shape.kinds.clone();
                        Box::new(move || {
                            let kinds = kinds.clone();
                            Box::pin(async move { ndb_direct(ndb, how, &kinds, limit) })
                        })
                    }
                },
            ];
            // Warm-up and calibration: iterations per round from one timed call each.
            let mut counts = Vec::new();
            let mut iters = Vec::new();
            for r in &runners {
                r().await;
                let t = Instant::now();
                counts.push(r().await);
                let one = t.elapsed().as_secs_f64().max(1e-7);
                iters.push(((ROUND_TARGET.as_secs_f64() / one) as usize).clamp(1, 2_000));
            }
            let mut samples: Vec<Vec<f64>> = vec![Vec::new(); runners.len()];
            for _ in 0..ROUNDS {
                for (i, r) in runners.iter().enumerate() {
                    let t = Instant::now();
                    for _ in 0..iters[i] {
                        black_box(r().await);
                    }
                    samples[i].push(t.elapsed().as_secs_f64() / iters[i] as f64);
                }
            }
            let m: Vec<f64> = samples.into_iter().map(median).collect();
            let ratio = |a: f64, b: f64| format!("{:.2}", a / b);
            if m[0] > m[4] || m[0] > m[5] {
                misses.push(format!("{} limit {limit}", shape.name));
            }
            if m[1] > m[4] || m[1] > m[5] {
                default_misses.push(format!("{} limit {limit}", shape.name));
            }
            println!(
                "| {} | {limit} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                shape.name,
                counts[0],
                fmt_t(m[0]),
                fmt_t(m[1]),
                fmt_t(m[2]),
                fmt_t(m[3]),
                fmt_t(m[4]),
                fmt_t(m[5]),
                ratio(m[0], m[4]),
                ratio(m[0], m[5]),
                ratio(m[1], m[4]),
                ratio(m[1], m[5]),
                ratio(m[2], m[4]),
                ratio(m[2], m[5]),
                counts[5],
                shape.ndb_note,
            );
            if counts[4] != counts[0] {
                println!("  (nostr-lmdb returned {} events)", counts[4]);
            }
        }
    }
    println!("load average at end: {}", load_average());
    for (name, misses) in [("whole-set", misses), ("default", default_misses)] {
        if misses.is_empty() {
            println!(
                "SqliteStore with the {name} hot layer: at or below both anchors on every row"
            );
        } else {
            println!(
                "SqliteStore with the {name} hot layer: slower than an anchor on {}",
                misses.join(", ")
            );
        }
    }
    sqlite_whole.close().await.expect("close");
    sqlite_hot.close().await.expect("close");
    sqlite_nohot.close().await.expect("close");
}
