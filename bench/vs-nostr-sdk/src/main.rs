//! NostrClient (nipworker-core) against nostr-sdk's `Client` on local relays.
//!
//! The parent process signs the events, starts nostr-relay-builder `LocalRelay`s on 127.0.0.1 with
//! in-memory databases, seeds them, measures the machine's signature-verification limit, and runs
//! each client in its own child process (this binary re-executed with `child ...`), so peak RSS and
//! CPU time are each client's own. It prints a markdown table.
//!
//! `cargo run --release --manifest-path bench/vs-nostr-sdk/Cargo.toml -- [--quick] [--runs N]`

use std::collections::HashSet;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use futures::StreamExt;
use nipworker_core as nw;
use nostr_relay_builder::prelude as nr;
use nostr_sdk as ns;
use nr::{JsonUtil, NostrDatabase};

/// Versions the bench is pinned to (Cargo.toml uses `=` requirements).
const NOSTR_SDK: &str = "0.44.1";
const NOSTR_LMDB: &str = "0.44.0";
const RELAY_BUILDER: &str = "0.44.1";

/// Upper bound for a whole client run (a child is killed after it).
const CHILD_LIMIT: Duration = Duration::from_secs(600);
/// Upper bound for one subscription / stream to finish.
const FETCH_LIMIT: Duration = Duration::from_secs(300);
/// A kind no seeded event has: used to open the connections before the timed request.
const WARM_KIND: u16 = 30_999;

#[derive(Debug, Clone)]
struct Scenario {
    name: String,
    relays: usize,
    per_relay: usize,
    /// Share of each relay's events that every relay holds.
    overlap: f64,
    /// nostr-sdk with LMDB is run too (skipped for 100,000 events: about 6 minutes at its pace).
    with_lmdb: bool,
}

impl Scenario {
    fn new(relays: usize, per_relay: usize, overlap: f64) -> Self {
        let name = if relays == 1 {
            format!("1 relay × {per_relay}")
        } else {
            format!(
                "{relays} relays × {per_relay}, {:.0}% overlap",
                overlap * 100.0
            )
        };
        Self {
            name,
            relays,
            per_relay,
            overlap,
            with_lmdb: true,
        }
    }

    /// Events held by every relay, and events each relay holds alone.
    fn split(&self) -> (usize, usize) {
        if self.relays == 1 {
            return (self.per_relay, 0);
        }
        let common = (self.per_relay as f64 * self.overlap).round() as usize;
        (common, self.per_relay - common)
    }

    fn unique(&self) -> usize {
        let (common, own) = self.split();
        common + own * self.relays
    }
}

/// One child's measurements.
#[derive(Debug, Clone, Default)]
struct Measured {
    unique: usize,
    received: usize,
    stored: usize,
    secs: f64,
    ttfe_ms: f64,
    probe_ms: f64,
    hwm_kb: u64,
    hwm_after_read_kb: u64,
    cpu_s: f64,
}

impl Measured {
    fn line(&self) -> String {
        format!(
            "RESULT unique={} received={} stored={} secs={} ttfe_ms={} probe_ms={} hwm_kb={} hwm_after_read_kb={} cpu_s={}",
            self.unique,
            self.received,
            self.stored,
            self.secs,
            self.ttfe_ms,
            self.probe_ms,
            self.hwm_kb,
            self.hwm_after_read_kb,
            self.cpu_s
        )
    }

    fn parse(line: &str) -> Option<Self> {
        let rest = line.strip_prefix("RESULT ")?;
        let mut m = Self::default();
        for kv in rest.split_whitespace() {
            let (k, v) = kv.split_once('=')?;
            match k {
                "unique" => m.unique = v.parse().ok()?,
                "received" => m.received = v.parse().ok()?,
                "stored" => m.stored = v.parse().ok()?,
                "secs" => m.secs = v.parse().ok()?,
                "ttfe_ms" => m.ttfe_ms = v.parse().ok()?,
                "probe_ms" => m.probe_ms = v.parse().ok()?,
                "hwm_kb" => m.hwm_kb = v.parse().ok()?,
                "hwm_after_read_kb" => m.hwm_after_read_kb = v.parse().ok()?,
                "cpu_s" => m.cpu_s = v.parse().ok()?,
                _ => {}
            }
        }
        Some(m)
    }

    fn events_per_s(&self) -> f64 {
        if self.secs > 0.0 {
            self.unique as f64 / self.secs
        } else {
            0.0
        }
    }
}

/// A scenario with the medians of nipworker, nostr-sdk (LMDB) and nostr-sdk (memory).
type Row = (Scenario, Measured, Measured, Measured);

type Res<T> = Result<T, Box<dyn std::error::Error + Send + Sync>>;

fn main() -> Res<()> {
    let args: Vec<String> = std::env::args().collect();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    if args.get(1).map(String::as_str) == Some("child") {
        // child <client> <expected> <url>...
        let client = args.get(2).ok_or("child: client missing")?.clone();
        let expected: usize = args.get(3).ok_or("child: count missing")?.parse()?;
        let urls: Vec<String> = args[4..].to_vec();
        let m = runtime.block_on(async {
            match client.as_str() {
                "nipworker" => child_nipworker(expected, &urls).await,
                "nostr-sdk" => child_nostr_sdk(expected, &urls, true).await,
                "nostr-sdk-memory" => child_nostr_sdk(expected, &urls, false).await,
                "nipworker-cached" => {
                    child_nipworker_cached(expected, urls.first().ok_or("child: path missing")?)
                        .await
                }
                other => Err(format!("unknown client {other}").into()),
            }
        })?;
        println!("{}", m.line());
        // The clients' background tasks need not finish: the numbers are out.
        std::process::exit(0);
    }
    let quick = args.iter().any(|a| a == "--quick");
    let runs: usize = args
        .iter()
        .position(|a| a == "--runs")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .clamp(1, 10);
    runtime.block_on(parent(quick, runs))
}

// ---------------------------------------------------------------------------------------------
// Parent: events, relays, verification limit, children, table.

async fn parent(quick: bool, runs: usize) -> Res<()> {
    let mut scenarios = vec![
        Scenario::new(1, 10_000, 1.0),
        Scenario::new(5, 10_000, 0.8),
        Scenario::new(20, 2_000, 0.8),
    ];
    if !quick {
        // For the memory target: 100,000 events fetched and cached.
        scenarios.push(Scenario {
            with_lmdb: false,
            ..Scenario::new(1, 100_000, 1.0)
        });
    }
    let needed = scenarios.iter().map(Scenario::unique).max().unwrap_or(0);
    let started = Instant::now();
    let events = sign_events(needed);
    eprintln!(
        "signed {} events in {:.1} s",
        events.len(),
        started.elapsed().as_secs_f64()
    );
    let relay_events: Vec<nr::Event> = events
        .iter()
        .map(|e| nr::Event::from_json(e.to_json()))
        .collect::<Result<_, _>>()?;

    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let verify_sample = &events[..events.len().min(20_000)];
    let limit = verify_limit(verify_sample, threads);
    eprintln!("verification limit: {limit:.0} events/s on {threads} threads");

    let mut rows: Vec<Row> = Vec::new();
    let mut cached: Option<(usize, Measured)> = None;
    for s in &scenarios {
        let (common, own) = s.split();
        let mut relays = Vec::with_capacity(s.relays);
        for r in 0..s.relays {
            let relay = BenchRelay::start().await?;
            let mine = common + r * own..common + (r + 1) * own;
            for e in relay_events[..common].iter().chain(&relay_events[mine]) {
                relay.store(e).await?;
            }
            relays.push(relay);
        }
        let urls: Vec<String> = relays.iter().map(|r| r.url.clone()).collect();
        let mut nws = Vec::new();
        let mut sdks = Vec::new();
        let mut mems = Vec::new();
        for run in 0..runs {
            // Alternate which client goes first.
            let order = if run % 2 == 0 {
                ["nipworker", "nostr-sdk", "nostr-sdk-memory"]
            } else {
                ["nostr-sdk-memory", "nostr-sdk", "nipworker"]
            };
            for client in order {
                if client == "nostr-sdk" && !s.with_lmdb {
                    continue;
                }
                let m = run_child(client, s.unique(), &urls, None).await?;
                eprintln!("{} / {client}: {m:?}", s.name);
                if m.unique != s.unique() || m.stored < s.unique() {
                    eprintln!(
                        "WARNING {} / {client}: {} unique delivered, {} stored, {} expected",
                        s.name,
                        m.unique,
                        m.stored,
                        s.unique()
                    );
                }
                match client {
                    "nipworker" => nws.push(m),
                    "nostr-sdk" => sdks.push(m),
                    _ => mems.push(m),
                }
            }
        }
        if !s.with_lmdb {
            // The memory target: a nipworker cache holding every event, opened by a fresh
            // process and read back.
            let dir = tempfile::tempdir()?;
            let db = dir.path().join("nipworker.sqlite");
            let filled = run_child("nipworker", s.unique(), &urls, Some(&db)).await?;
            let path = db.to_string_lossy().into_owned();
            let read = run_child("nipworker-cached", s.unique(), &[path], None).await?;
            eprintln!(
                "{} / cached read: {read:?} (filled {})",
                s.name, filled.stored
            );
            cached = Some((s.unique(), read));
        }
        for relay in relays {
            relay.relay.shutdown();
        }
        rows.push((s.clone(), median(nws), median(sdks), median(mems)));
    }
    print_report(&rows, limit, threads, runs, quick);
    if let Some((n, m)) = cached {
        println!(
            "\nnipworker, {n} events cached in SQLite, opened by a fresh process: peak RSS \
             **{:.1} MB** once open; all read back (cache-only subscription, default buffer): {} \
             events in {:.2} s, peak RSS **{:.1} MB**, {:.2} CPU s.",
            m.hwm_kb as f64 / 1024.0,
            m.stored,
            m.secs,
            m.hwm_after_read_kb as f64 / 1024.0,
            m.cpu_s
        );
    }
    Ok(())
}

/// The run with the median throughput.
fn median(mut runs: Vec<Measured>) -> Measured {
    runs.sort_by(|a, b| a.events_per_s().total_cmp(&b.events_per_s()));
    runs.get(runs.len() / 2).cloned().unwrap_or_default()
}

/// `n` signed kind-1 notes from 50 authors, with distinct timestamps and a couple of tags; signed on
/// every core.
fn sign_events(n: usize) -> Vec<nw::Event> {
    let authors: Vec<nw::Keys> = (0..50).map(|_| nw::Keys::generate()).collect();
    let base = nw::Timestamp::now().0 - n as u64 - 10;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = n.div_ceil(threads).max(1);
    let mut out: Vec<nw::Event> = Vec::with_capacity(n);
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..n)
            .step_by(chunk)
            .map(|start| {
                let authors = &authors;
                scope.spawn(move || {
                    (start..(start + chunk).min(n))
                        .map(|i| {
                            let content = format!(
                                "benchmark note {i}: the quick brown fox jumps over the lazy dog, \
                                 nostr relays all the way down #bench"
                            );
                            nw::EventBuilder::new(nw::Kind::TEXT_NOTE, content)
                                .tag(nw::Tag::new(["t", "bench"]))
                                .tag(nw::Tag::new([
                                    "p".to_owned(),
                                    authors[(i + 1) % authors.len()].public_key().to_hex(),
                                ]))
                                .created_at(nw::Timestamp(base + i as u64))
                                .sign(&authors[i % authors.len()])
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            if let Ok(part) = h.join() {
                out.extend(part);
            }
        }
    });
    out
}

/// Events per second that `Event::verify` (id + BIP-340 signature) allows on `threads` threads:
/// the best of three passes over `events`.
fn verify_limit(events: &[nw::Event], threads: usize) -> f64 {
    let chunk = events.len().div_ceil(threads).max(1);
    let mut best = 0.0f64;
    for _ in 0..3 {
        let t = Instant::now();
        let ok: usize = std::thread::scope(|scope| {
            let handles: Vec<_> = events
                .chunks(chunk)
                .map(|part| scope.spawn(move || part.iter().filter(|e| e.verify().is_ok()).count()))
                .collect();
            handles.into_iter().filter_map(|h| h.join().ok()).sum()
        });
        let rate = ok as f64 / t.elapsed().as_secs_f64();
        best = best.max(rate);
    }
    best
}

/// A nostr-relay-builder relay on 127.0.0.1 with an in-memory database (as in
/// crates/nipworker-core/tests/relay_support).
struct BenchRelay {
    url: String,
    database: Arc<nr::MemoryDatabase>,
    relay: nr::LocalRelay,
}

impl BenchRelay {
    async fn start() -> Res<Self> {
        let database = Arc::new(nr::MemoryDatabase::with_opts(nr::MemoryDatabaseOptions {
            events: true,
            max_events: None,
        }));
        let builder = nr::RelayBuilder::default()
            .addr(IpAddr::V4(Ipv4Addr::LOCALHOST))
            .database(database.clone())
            // The default answers a REQ without a limit with 500 events at most.
            .default_filter_limit(1_000_000)
            .max_filter_limit(1_000_000);
        let relay = nr::LocalRelay::new(builder);
        relay.run().await?;
        let url = relay.url().await.to_string();
        let url = url.trim_end_matches('/').to_owned();
        Ok(Self {
            url,
            database,
            relay,
        })
    }

    async fn store(&self, event: &nr::Event) -> Res<()> {
        let status = self.database.save_event(event).await?;
        if status.is_success() {
            Ok(())
        } else {
            Err(format!("relay refused a seed event: {status:?}").into())
        }
    }
}

async fn run_child(
    client: &str,
    expected: usize,
    urls: &[String],
    db: Option<&std::path::Path>,
) -> Res<Measured> {
    let exe = std::env::current_exe()?;
    let mut cmd = tokio::process::Command::new(exe);
    if let Some(db) = db {
        cmd.env(DB_ENV, db);
    }
    cmd.arg("child")
        .arg(client)
        .arg(expected.to_string())
        .args(urls)
        .kill_on_drop(true);
    let out = tokio::time::timeout(CHILD_LIMIT, cmd.output())
        .await
        .map_err(|_| format!("{client}: no result in {CHILD_LIMIT:?}"))??;
    let stdout = String::from_utf8_lossy(&out.stdout);
    match stdout.lines().find_map(Measured::parse) {
        Some(m) => Ok(m),
        None => Err(format!(
            "{client} failed ({}): {}\n{}",
            out.status,
            stdout,
            String::from_utf8_lossy(&out.stderr)
        )
        .into()),
    }
}

// ---------------------------------------------------------------------------------------------
// Children.

/// Peak resident set size so far (VmHWM), in kB.
fn vm_hwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// User + system CPU seconds of this process so far.
fn cpu_seconds() -> f64 {
    // SAFETY: getrusage only writes the struct it is given.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: a valid pointer to a rusage.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    if rc != 0 {
        return 0.0;
    }
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

async fn child_nipworker(expected: usize, urls: &[String]) -> Res<Measured> {
    use nw::client::{CacheMode, Preset, SubscribeOptions, SubscriptionItem};
    let dir = tempfile::tempdir()?;
    // The parent may keep the file for the cached-read child.
    let path = std::env::var_os(DB_ENV)
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("nipworker.sqlite"));
    let mut builder = nw::ClientConfig::builder().sqlite(path);
    for url in urls {
        builder = builder.relay(url.clone());
    }
    let client = nw::NostrClient::new(builder.build()).await?;
    let raw = || SubscribeOptions {
        preset: Preset::Raw,
        ..SubscribeOptions::default()
    };

    // Open the connections (and fetch what the client fetches about relays) before timing.
    let warm = client
        .query(
            vec![nw::Filter::new().kind(nw::Kind(WARM_KIND)).limit(1)],
            raw(),
        )
        .await?;
    let _ = tokio::time::timeout(FETCH_LIMIT, warm.count()).await;

    let filter = nw::Filter::new().kind(nw::Kind::TEXT_NOTE);
    let cpu0 = cpu_seconds();
    let t0 = Instant::now();
    let mut sub = client
        .subscribe(
            vec![filter.clone()],
            SubscribeOptions {
                close_on_eose: true,
                buffer: 16_384,
                ..raw()
            },
        )
        .await?;
    let mut seen: HashSet<nw::EventId> = HashSet::with_capacity(expected);
    let mut received = 0usize;
    let mut first: Option<Duration> = None;
    let mut last_unique = Duration::ZERO;
    let deadline = Instant::now() + FETCH_LIMIT;
    // Bounded by the deadline: each round waits for one item at most until it.
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let Ok(item) = tokio::time::timeout(left, sub.next()).await else {
            return Err("nipworker: subscription did not end in time".into());
        };
        match item {
            Some(SubscriptionItem::Event(view)) => {
                received += 1;
                if first.is_none() {
                    first = Some(t0.elapsed());
                }
                if seen.insert(view.id()) {
                    last_unique = t0.elapsed();
                }
            }
            Some(SubscriptionItem::Lagged { skipped }) => {
                eprintln!("nipworker: lagged, {skipped} skipped");
            }
            Some(_) => {}
            None => break,
        }
    }
    // Delivered; now until the store holds them all (the save pipe's counter counts committed
    // writes), polled every millisecond for at most a minute.
    let mut saved_at = None;
    for _ in 0..60_000 {
        if sub.stats().saved as usize >= seen.len() {
            saved_at = Some(t0.elapsed());
            break;
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    let saved_at = saved_at.ok_or("nipworker: the store did not report every event saved")?;
    let secs = last_unique.max(saved_at).as_secs_f64();
    let cpu_s = cpu_seconds() - cpu0;
    let hwm_kb = vm_hwm_kb();
    drop(sub);

    // Check independently: read them back from the cache only.
    let stored = count_cached(&client, filter).await?;
    let hwm_after_read_kb = vm_hwm_kb();

    // Time to first event without the relay's work on a large result: `limit: 1`, relays only
    // (the cache is skipped, so the event comes over the socket).
    let mut probes = Vec::with_capacity(PROBES);
    for _ in 0..PROBES {
        let t = Instant::now();
        let mut sub = client
            .subscribe(
                vec![nw::Filter::new().kind(nw::Kind::TEXT_NOTE).limit(1)],
                SubscribeOptions {
                    close_on_eose: true,
                    cache: CacheMode::NoCache,
                    ..raw()
                },
            )
            .await?;
        for _ in 0..16 {
            match tokio::time::timeout(Duration::from_secs(10), sub.next()).await {
                Ok(Some(SubscriptionItem::Event(_))) => {
                    probes.push(t.elapsed().as_secs_f64() * 1e3);
                    break;
                }
                Ok(Some(_)) => {}
                Ok(None) | Err(_) => break,
            }
        }
    }
    Ok(Measured {
        unique: seen.len(),
        received,
        stored,
        secs,
        ttfe_ms: first.map_or(f64::NAN, |d| d.as_secs_f64() * 1e3),
        probe_ms: median_f64(probes),
        hwm_kb,
        hwm_after_read_kb,
        cpu_s,
    })
}

/// Environment variable naming the SQLite file of the nipworker child (default: a temp dir).
const DB_ENV: &str = "BENCH_NIPWORKER_DB";

/// Events the client's cache holds for `filter`: a cache-only subscription read to its end, with
/// the default buffer (messages skipped for a lagging reader were read from the store: counted).
async fn count_cached(client: &nw::NostrClient, filter: nw::Filter) -> Res<usize> {
    use nw::client::{CacheMode, Preset, SubscribeOptions, SubscriptionItem};
    let mut sub = client
        .subscribe(
            vec![filter],
            SubscribeOptions {
                cache: CacheMode::CacheOnly,
                close_on_eose: true,
                preset: Preset::Raw,
                ..SubscribeOptions::default()
            },
        )
        .await?;
    let mut n = 0usize;
    let deadline = Instant::now() + FETCH_LIMIT;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match tokio::time::timeout(left, sub.next()).await {
            Ok(Some(SubscriptionItem::Event(_))) => n += 1,
            Ok(Some(SubscriptionItem::Lagged { skipped })) => n += skipped as usize,
            Ok(Some(_)) => {}
            Ok(None) => return Ok(n),
            Err(_) => return Err("nipworker: cache read did not end in time".into()),
        }
    }
}

/// A fresh process opening a SQLite file that already holds the events and reading them all back
/// (cache only, no relays): the memory target's "RSS for N cached events".
async fn child_nipworker_cached(expected: usize, path: &str) -> Res<Measured> {
    let config = nw::ClientConfig::builder().sqlite(path).build();
    let client = nw::NostrClient::new(config).await?;
    let opened = vm_hwm_kb();
    let cpu0 = cpu_seconds();
    let t0 = Instant::now();
    let stored = count_cached(&client, nw::Filter::new().kind(nw::Kind::TEXT_NOTE)).await?;
    let secs = t0.elapsed().as_secs_f64();
    Ok(Measured {
        unique: stored.min(expected),
        stored,
        secs,
        hwm_kb: opened,
        hwm_after_read_kb: vm_hwm_kb(),
        cpu_s: cpu_seconds() - cpu0,
        ..Measured::default()
    })
}

/// Requests in the time-to-first-event probe.
const PROBES: usize = 21;

fn median_f64(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(f64::NAN)
}

async fn child_nostr_sdk(expected: usize, urls: &[String], lmdb: bool) -> Res<Measured> {
    let dir = tempfile::tempdir()?;
    let client = if lmdb {
        let database = nostr_lmdb::NostrLMDB::open(dir.path().join("lmdb"))?;
        ns::Client::builder().database(database).build()
    } else {
        let database = ns::prelude::MemoryDatabase::with_opts(ns::prelude::MemoryDatabaseOptions {
            events: true,
            max_events: None,
        });
        ns::Client::builder().database(database).build()
    };
    for url in urls {
        client.add_relay(url.as_str()).await?;
    }
    client.connect().await;
    client.wait_for_connection(Duration::from_secs(10)).await;
    // Same warm-up as for nipworker.
    let _ = client
        .fetch_events(
            ns::Filter::new().kind(ns::Kind::Custom(WARM_KIND)).limit(1),
            Duration::from_secs(10),
        )
        .await?;

    let filter = ns::Filter::new().kind(ns::Kind::TextNote);
    let cpu0 = cpu_seconds();
    let t0 = Instant::now();
    // The relay pool verifies each event and saves it in the database before it streams it.
    let mut stream = client.stream_events(filter.clone(), FETCH_LIMIT).await?;
    let mut seen: HashSet<ns::EventId> = HashSet::with_capacity(expected);
    let mut received = 0usize;
    let mut first: Option<Duration> = None;
    let mut last_unique = Duration::ZERO;
    let deadline = Instant::now() + FETCH_LIMIT + Duration::from_secs(10);
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        let Ok(item) = tokio::time::timeout(left, stream.next()).await else {
            return Err("nostr-sdk: stream did not end in time".into());
        };
        match item {
            Some(event) => {
                received += 1;
                if first.is_none() {
                    first = Some(t0.elapsed());
                }
                if seen.insert(event.id) {
                    last_unique = t0.elapsed();
                }
            }
            None => break,
        }
    }
    let secs = last_unique.as_secs_f64();
    let cpu_s = cpu_seconds() - cpu0;
    let hwm_kb = vm_hwm_kb();
    drop(stream);
    let stored = client.database().count(filter.clone()).await?;
    // Read them back, as the nipworker child does.
    let events = client.database().query(filter).await?;
    let hwm_after_read_kb = vm_hwm_kb();
    drop(events);

    // The same probe as for nipworker: `limit: 1`, first event over the socket.
    let mut probes = Vec::with_capacity(PROBES);
    for _ in 0..PROBES {
        let t = Instant::now();
        let mut stream = client
            .stream_events(
                ns::Filter::new().kind(ns::Kind::TextNote).limit(1),
                Duration::from_secs(10),
            )
            .await?;
        if let Ok(Some(_)) = tokio::time::timeout(Duration::from_secs(10), stream.next()).await {
            probes.push(t.elapsed().as_secs_f64() * 1e3);
        }
    }
    Ok(Measured {
        unique: seen.len(),
        received,
        stored,
        secs,
        ttfe_ms: first.map_or(f64::NAN, |d| d.as_secs_f64() * 1e3),
        probe_ms: median_f64(probes),
        hwm_kb,
        hwm_after_read_kb,
        cpu_s,
    })
}

// ---------------------------------------------------------------------------------------------
// Report.

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

fn rustc_version() -> String {
    std::process::Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_else(|| "unknown".to_owned())
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn print_report(rows: &[Row], limit: f64, threads: usize, runs: usize, quick: bool) {
    let mb = |kb: u64| kb as f64 / 1024.0;
    println!("## NostrClient vs nostr-sdk\n");
    println!(
        "Command: `cargo run --release --manifest-path bench/vs-nostr-sdk/Cargo.toml --{}{}`\n",
        if quick { " --quick" } else { "" },
        if runs > 1 {
            format!(" --runs {runs}")
        } else {
            String::new()
        }
    );
    println!(
        "Machine: {threads} cores (nproc), {}, {}; load average at the end {}.",
        cpu_model(),
        rustc_version(),
        load_average()
    );
    println!(
        "Versions: nipworker-core (this tree), nostr-sdk {NOSTR_SDK} with nostr-lmdb {NOSTR_LMDB}, \
         relays nostr-relay-builder {RELAY_BUILDER} (MemoryDatabase). Median of {runs} run(s).\n"
    );
    println!(
        "Signature-verification limit (`Event::verify`, id + BIP-340, {threads} threads): **{limit:.0} events/s**\n"
    );
    println!(
        "| scenario | client | unique delivered / stored | events/s | first event (this request) | first event (`limit:1`, median of {PROBES}) | total | peak RSS | peak RSS after reading the cache back | CPU s |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for (s, a, b, c) in rows {
        for (name, m) in [
            ("nipworker NostrClient (SQLite)", a),
            ("nostr-sdk Client (LMDB)", b),
            ("nostr-sdk Client (memory)", c),
        ] {
            if m.unique == 0 {
                println!("| {} | {name} | not run | | | | | | | |", s.name);
                continue;
            }
            println!(
                "| {} | {} | {} / {} | {:.0} | {:.1} ms | {:.2} ms | {:.2} s | {:.1} MB | {:.1} MB | {:.2} |",
                s.name,
                name,
                m.unique,
                m.stored,
                m.events_per_s(),
                m.ttfe_ms,
                m.probe_ms,
                m.secs,
                mb(m.hwm_kb),
                mb(m.hwm_after_read_kb),
                m.cpu_s
            );
        }
    }
    println!();
    println!(
        "| scenario | nipworker ÷ nostr-sdk (LMDB) | nipworker ÷ nostr-sdk (memory) | nipworker share of the verification limit |"
    );
    println!("|---|---|---|---|");
    let ratio = |a: &Measured, b: &Measured| {
        if b.events_per_s() > 0.0 {
            format!("{:.1}×", a.events_per_s() / b.events_per_s())
        } else {
            "not run".to_owned()
        }
    };
    for (s, a, b, c) in rows {
        println!(
            "| {} | {} | {} | {:.0}% |",
            s.name,
            ratio(a, b),
            ratio(a, c),
            100.0 * a.events_per_s() / limit
        );
    }
}
