//! Benchmarks of the nipworker-server gateway binary (a bench, never a test):
//!
//! 1. process start to `/ready` 200 in front of a local relay, and idle RSS (`VmRSS`), median
//!    of several runs;
//! 2. N concurrent WebSocket clients (1,000 by default) on loopback, each with one live REQ,
//!    while the upstream relay streams signed events at fixed rates: events/s delivered to all
//!    clients, latency from the relay's publish to the client's receipt (p50/p99/max, hdrhistogram),
//!    the server's RSS under load; then the same clients connected straight to the relay, in the
//!    same run, for comparison.
//!
//! The upstream relay is a nostr-relay-builder `LocalRelay` in this process; events are pushed to
//! its subscribers with `LocalRelay::notify_event`, and the publish instant of each is kept so
//! every client computes its latency against the same clock. See README.md beside this file.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, ExitCode, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use futures::{SinkExt, StreamExt};
use hdrhistogram::Histogram;
use nostr_relay_builder::prelude as nr;
use tokio::sync::watch;
use tokio_tungstenite::tungstenite::Message;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Padding that makes each event about the size of a real note (≈ 500 bytes on the wire).
const FILLER: &str = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod \
                      tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim \
                      veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip.";
/// Most warm-up events per phase (one every 50 ms until every client has received one).
const WARMUP: u64 = 200;
/// Marker the clients look for to find an event's sequence number without parsing JSON.
const MARK: &str = "\"content\":\"bench ";

#[derive(Debug, Clone)]
struct Args {
    server: PathBuf,
    clients: usize,
    rates: Vec<u64>,
    seconds: u64,
    runs: usize,
}

fn usage() -> &'static str {
    "usage: bench-gateway --server PATH [--clients N] [--rates R1,R2,...] [--seconds S] [--runs N]\n\
     PATH: the release nipworker-server binary (cargo build --release -p nipworker-server)\n\
     defaults: --clients 1000 --rates 20,100,400 --seconds 8 --runs 7"
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        server: PathBuf::new(),
        clients: 1000,
        rates: vec![20, 100, 400],
        seconds: 8,
        runs: 7,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--server" => args.server = PathBuf::from(value()?),
            "--clients" => {
                args.clients = value()?.parse().map_err(|e| format!("--clients: {e}"))?
            }
            "--seconds" => {
                args.seconds = value()?.parse().map_err(|e| format!("--seconds: {e}"))?
            }
            "--runs" => args.runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--rates" => {
                args.rates = value()?
                    .split(',')
                    .map(|r| r.trim().parse().map_err(|e| format!("--rates: {e}")))
                    .collect::<Result<_, _>>()?;
            }
            "--help" | "-h" => return Err(String::new()),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if args.server.as_os_str().is_empty() {
        return Err("--server is required".into());
    }
    if args.clients == 0 || args.runs == 0 || args.seconds == 0 || args.rates.contains(&0) {
        return Err("--clients, --runs, --seconds and each rate must be > 0".into());
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            if !message.is_empty() {
                eprintln!("bench-gateway: {message}");
            }
            eprintln!("{}", usage());
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(err) => {
            eprintln!("bench-gateway: runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("bench-gateway: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Result<(), BoxError> {
    let needed = (args.clients * 2 + 256) as u64;
    let limit = open_files_limit()?;
    if limit < needed {
        return Err(format!(
            "open files limit {limit} < {needed}: raise it first (ulimit -n {})",
            needed.max(8192)
        )
        .into());
    }
    println!(
        "# nipworker-server gateway bench\n\nserver: {}\nclients: {}, rates: {:?} events/s, {} s each, startup runs: {}\nload average at start: {}\n",
        args.server.display(),
        args.clients,
        args.rates,
        args.seconds,
        args.runs,
        load_average()
    );
    let relay = start_relay().await?;
    let relay_url = relay.url().await.to_string();
    let relay_url = relay_url.trim_end_matches('/').to_owned();

    startup(&args, &relay_url).await?;
    load(&args, &relay, &relay_url).await?;
    relay.shutdown();
    println!("\nload average at end: {}", load_average());
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Startup and idle memory.

async fn startup(args: &Args, relay_url: &str) -> Result<(), BoxError> {
    let mut listening = Vec::new();
    let mut ready = Vec::new();
    let mut idle_rss = Vec::new();
    for run in 0..args.runs {
        let server = args.server.clone();
        let relay = relay_url.to_owned();
        let (to_listen, to_ready, rss) =
            tokio::task::spawn_blocking(move || -> Result<_, String> {
                let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
                let db = dir.path().join("gateway.sqlite");
                let start = Instant::now();
                let server = Server::spawn(&server, &relay, &db, &[])?;
                let to_listen = start.elapsed();
                let to_ready = wait_ready(server.addr, start, Duration::from_secs(10))?;
                // Idle: connected upstream, no client; let the start-up settle.
                std::thread::sleep(Duration::from_secs(1));
                let rss = proc_status_kb(server.child.id(), "VmRSS")?;
                server.stop()?;
                Ok((to_listen, to_ready, rss))
            })
            .await??;
        eprintln!(
            "startup run {}: listening after {:.1} ms, /ready 200 after {:.1} ms, idle VmRSS {:.1} MB",
            run + 1,
            ms(to_listen),
            ms(to_ready),
            rss as f64 / 1024.0
        );
        listening.push(to_listen);
        ready.push(to_ready);
        idle_rss.push(rss);
    }
    listening.sort();
    ready.sort();
    idle_rss.sort_unstable();
    println!(
        "## Start and idle memory ({} runs, SQLite file in a fresh temp dir, one local upstream relay)\n",
        args.runs
    );
    println!("| measure | median | min | max | budget | aim |");
    println!("|---|---|---|---|---|---|");
    println!(
        "| spawn → `listening on` line | {:.1} ms | {:.1} ms | {:.1} ms | | |",
        ms(listening[listening.len() / 2]),
        ms(listening[0]),
        ms(listening[listening.len() - 1])
    );
    println!(
        "| spawn → `/ready` 200 (relay connected) | {:.1} ms | {:.1} ms | {:.1} ms | 2 s: {} | < 100 ms: {} |",
        ms(ready[ready.len() / 2]),
        ms(ready[0]),
        ms(ready[ready.len() - 1]),
        met(ready[ready.len() / 2] < Duration::from_secs(2)),
        met(ready[ready.len() / 2] < Duration::from_millis(100)),
    );
    let median_rss = idle_rss[idle_rss.len() / 2] as f64 / 1024.0;
    println!(
        "| idle VmRSS 1 s after ready | {:.1} MB | {:.1} MB | {:.1} MB | 100 MB: {} | < 30 MB: {} |\n",
        median_rss,
        idle_rss[0] as f64 / 1024.0,
        idle_rss[idle_rss.len() - 1] as f64 / 1024.0,
        met(median_rss < 100.0),
        met(median_rss < 30.0),
    );
    Ok(())
}

fn met(ok: bool) -> &'static str {
    if ok { "met" } else { "**not met**" }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The server binary, started with a local relay and a SQLite file.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn spawn(
        path: &PathBuf,
        relay: &str,
        db: &std::path::Path,
        env: &[(&str, String)],
    ) -> Result<Self, String> {
        let stderr = File::create(db.with_extension("stderr")).map_err(|e| e.to_string())?;
        let mut child = Command::new(path)
            .env("NIPWORKER_LISTEN", "127.0.0.1:0")
            .env("NIPWORKER_RELAYS", relay)
            .env("NIPWORKER_DATABASE", db)
            .env("RUST_LOG", "warn")
            .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", path.display()))?;
        let mut line = String::new();
        let read = child
            .stdout
            .take()
            .map(|out| BufReader::new(out).read_line(&mut line));
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .and_then(|a| a.parse().ok());
        match (read, addr) {
            (Some(Ok(_)), Some(addr)) => Ok(Self { child, addr }),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                Err(format!(
                    "the server did not print its address (first line {line:?})"
                ))
            }
        }
    }

    /// SIGTERM, then waits (at most 15 s) for exit code 0.
    fn stop(mut self) -> Result<(), String> {
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(15) {
            if let Ok(Some(status)) = self.child.try_wait() {
                return if status.success() {
                    Ok(())
                } else {
                    Err(format!("the server exited with {status}"))
                };
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        Err("the server did not stop within 15 s of SIGTERM".into())
    }
}

/// Polls `/ready` (1 ms apart) until it answers 200; the time since `start`.
fn wait_ready(addr: SocketAddr, start: Instant, limit: Duration) -> Result<Duration, String> {
    while start.elapsed() < limit {
        if http_status(addr, "/ready") == Some(200) {
            return Ok(start.elapsed());
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    Err(format!("/ready not 200 within {limit:?}"))
}

fn http_status(addr: SocketAddr, path: &str) -> Option<u16> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(2)).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(2))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    response.split(' ').nth(1)?.parse().ok()
}

/// A field of `/proc/<pid>/status`, in kB.
fn proc_status_kb(pid: u32, field: &str) -> Result<u64, String> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .map_err(|e| format!("/proc/{pid}/status: {e}"))?;
    status
        .lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or_else(|| format!("no {field} in /proc/{pid}/status"))
}

fn open_files_limit() -> Result<u64, String> {
    let limits = std::fs::read_to_string("/proc/self/limits").map_err(|e| e.to_string())?;
    limits
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .and_then(|l| l.split_whitespace().nth(3))
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| "cannot read the open files limit".into())
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

// ---------------------------------------------------------------------------------------------
// Many live clients.

async fn start_relay() -> Result<nr::LocalRelay, BoxError> {
    let relay = nr::LocalRelay::new(
        nr::RelayBuilder::default()
            .addr(IpAddr::V4(Ipv4Addr::LOCALHOST))
            .database(nr::MemoryDatabase::with_opts(nr::MemoryDatabaseOptions {
                events: true,
                max_events: Some(100_000),
            }))
            // One REQ per gateway client's stored phase arrives on the gateway's one connection.
            .rate_limit(nr::RateLimit {
                max_reqs: 100_000,
                notes_per_minute: 1_000_000,
            }),
    );
    relay.run().await?;
    Ok(relay)
}

/// What the clients and the publisher share.
struct Shared {
    start: Instant,
    /// Publish time of each sequence number, ns since `start` (0: not published).
    published: Vec<AtomicU64>,
    /// First sequence number of the measured phase; lower ones are warm-up.
    measured_from: AtomicU64,
    /// Clients that received at least one event of the current warm-up.
    warmed: AtomicUsize,
    /// Latest receipt of a measured event, ns since `start`.
    last_receipt: AtomicU64,
}

impl Shared {
    fn now_ns(&self) -> u64 {
        self.start.elapsed().as_nanos() as u64
    }
}

/// One client's results for a phase, read when the phase ends.
#[derive(Default)]
struct ClientStats {
    received: u64,
    histogram: Option<Histogram<u64>>,
    closed: Option<String>,
}

type StatsSlot = Arc<std::sync::Mutex<ClientStats>>;

async fn load(args: &Args, relay: &nr::LocalRelay, relay_url: &str) -> Result<(), BoxError> {
    let keys = nr::Keys::generate();
    let total_events: u64 = args
        .rates
        .iter()
        .map(|r| r * args.seconds + WARMUP)
        .sum::<u64>()
        * 2;
    let shared = Arc::new(Shared {
        start: Instant::now(),
        published: (0..total_events + 1000)
            .map(|_| AtomicU64::new(0))
            .collect(),
        measured_from: AtomicU64::new(u64::MAX),
        warmed: AtomicUsize::new(0),
        last_receipt: AtomicU64::new(0),
    });
    let mut next_seq = 0u64;
    let filter = format!(
        "{{\"kinds\":[1],\"authors\":[\"{}\"],\"limit\":0}}",
        keys.public_key().to_hex()
    );

    // Through the gateway.
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("gateway.sqlite");
    let server = {
        let path = args.server.clone();
        let relay_url = relay_url.to_owned();
        let db = db.clone();
        let max = (args.clients * 2).to_string();
        tokio::task::spawn_blocking(move || -> Result<Server, String> {
            let server = Server::spawn(
                &path,
                &relay_url,
                &db,
                &[("NIPWORKER_MAX_CONNECTIONS_PER_IP", max)],
            )?;
            wait_ready(server.addr, Instant::now(), Duration::from_secs(10))?;
            Ok(server)
        })
        .await??
    };
    let pid = server.child.id();
    let gateway_url = format!("ws://{}/", server.addr);
    let mut gateway_rows = Vec::new();
    let rss_before = proc_status_kb(pid, "VmRSS")?;
    {
        let clients = Clients::connect(args.clients, &gateway_url, &filter, &shared).await?;
        let rss_connected = proc_status_kb(pid, "VmRSS")?;
        eprintln!(
            "gateway: {} clients connected with EOSE in {:.0} ms; server VmRSS {:.1} → {:.1} MB",
            args.clients,
            ms(clients.setup),
            rss_before as f64 / 1024.0,
            rss_connected as f64 / 1024.0
        );
        for &rate in &args.rates {
            let row = phase(
                args,
                &clients,
                relay,
                &keys,
                &shared,
                &mut next_seq,
                rate,
                Some(pid),
            )
            .await?;
            gateway_rows.push(row);
        }
        gateway_rows.push(PhaseRow::setup(clients.setup, rss_connected));
        clients.close().await;
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let rss_after = proc_status_kb(pid, "VmRSS")?;
    let hwm = proc_status_kb(pid, "VmHWM")?;
    let stopped = tokio::task::spawn_blocking(move || server.stop()).await?;

    // Straight to the relay.
    let mut direct_rows = Vec::new();
    {
        let clients = Clients::connect(args.clients, relay_url, &filter, &shared).await?;
        eprintln!(
            "direct: {} clients connected with EOSE in {:.0} ms",
            args.clients,
            ms(clients.setup)
        );
        for &rate in &args.rates {
            let row = phase(
                args,
                &clients,
                relay,
                &keys,
                &shared,
                &mut next_seq,
                rate,
                None,
            )
            .await?;
            direct_rows.push(row);
        }
        direct_rows.push(PhaseRow::setup(clients.setup, 0));
        clients.close().await;
    }

    println!(
        "## {} live clients, each with one REQ (same filter), events pushed by the upstream relay\n",
        args.clients
    );
    println!(
        "Each rate runs {} s after a warm-up (every client has received an event). Latency: relay \
         publish → client receipt, over all deliveries. delivered/s = deliveries ÷ (first \
         publish → last receipt). Server RSS: max of VmRSS sampled every 100 ms during the phase.\n",
        args.seconds
    );
    println!(
        "| path | rate (events/s) | expected deliveries | delivered | delivered/s | p50 | p99 | p99.9 | max | clients closed | server RSS |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|---|");
    for (name, rows) in [
        ("gateway", &gateway_rows),
        ("direct to relay", &direct_rows),
    ] {
        for row in rows.iter() {
            println!("{}", row.markdown(name));
        }
    }
    println!(
        "\nServer (gateway run): VmRSS {:.1} MB before the clients, {:.1} MB 1 s after they left; \
         peak VmHWM {:.1} MB; SIGTERM: {}",
        rss_before as f64 / 1024.0,
        rss_after as f64 / 1024.0,
        hwm as f64 / 1024.0,
        match stopped {
            Ok(()) => "exit 0".to_owned(),
            Err(e) => e,
        }
    );
    Ok(())
}

struct PhaseRow {
    rate: Option<u64>,
    expected: u64,
    delivered: u64,
    per_second: f64,
    histogram: Histogram<u64>,
    closed: usize,
    closed_reasons: Vec<String>,
    rss_kb: u64,
    setup: Option<Duration>,
}

impl PhaseRow {
    fn setup(setup: Duration, rss_kb: u64) -> Self {
        Self {
            rate: None,
            expected: 0,
            delivered: 0,
            per_second: 0.0,
            histogram: new_histogram(),
            closed: 0,
            closed_reasons: Vec::new(),
            rss_kb,
            setup: Some(setup),
        }
    }

    fn markdown(&self, path: &str) -> String {
        let rss = if self.rss_kb > 0 {
            format!("{:.1} MB", self.rss_kb as f64 / 1024.0)
        } else {
            "–".to_owned()
        };
        if let Some(setup) = self.setup {
            return format!(
                "| {path} | connect + REQ → EOSE, all clients: {:.0} ms | | | | | | | | | {rss} |",
                ms(setup)
            );
        }
        let q = |p: f64| self.histogram.value_at_quantile(p) as f64 / 1000.0;
        let closed = if self.closed == 0 {
            "0".to_owned()
        } else {
            format!("{} ({})", self.closed, self.closed_reasons.join("; "))
        };
        format!(
            "| {path} | {} | {} | {} ({:.1}%) | {:.0} | {:.2} ms | {:.2} ms | {:.2} ms | {:.2} ms | {closed} | {rss} |",
            self.rate.unwrap_or(0),
            self.expected,
            self.delivered,
            100.0 * self.delivered as f64 / self.expected.max(1) as f64,
            self.per_second,
            q(0.5),
            q(0.99),
            q(0.999),
            self.histogram.max() as f64 / 1000.0,
        )
    }
}

fn new_histogram() -> Histogram<u64> {
    // µs, up to 10 minutes, 3 significant figures.
    Histogram::new_with_bounds(1, 600_000_000, 3).expect("valid histogram bounds")
}

/// The connected clients of one path.
struct Clients {
    slots: Vec<StatsSlot>,
    tasks: Vec<tokio::task::JoinHandle<()>>,
    stop: watch::Sender<bool>,
    setup: Duration,
}

impl Clients {
    /// Connects `n` clients to `url` (100 at a time), each sends its REQ; returns once every one
    /// has its EOSE.
    async fn connect(
        n: usize,
        url: &str,
        filter: &str,
        shared: &Arc<Shared>,
    ) -> Result<Self, BoxError> {
        let start = Instant::now();
        let (stop, stop_rx) = watch::channel(false);
        let mut slots = Vec::with_capacity(n);
        let mut tasks = Vec::with_capacity(n);
        let mut pending = Vec::new();
        for i in 0..n {
            let slot = StatsSlot::default();
            slots.push(slot.clone());
            let (eose_tx, eose_rx) = tokio::sync::oneshot::channel();
            tasks.push(tokio::spawn(client(
                url.to_owned(),
                format!("[\"REQ\",\"live{i}\",{filter}]"),
                shared.clone(),
                slot,
                eose_tx,
                stop_rx.clone(),
            )));
            pending.push(eose_rx);
            if pending.len() == 100 || i + 1 == n {
                for rx in pending.drain(..) {
                    match tokio::time::timeout(Duration::from_secs(60), rx).await {
                        Ok(Ok(Ok(()))) => {}
                        Ok(Ok(Err(e))) => return Err(format!("client {i}: {e}").into()),
                        Ok(Err(_)) => return Err(format!("client near {i} ended early").into()),
                        Err(_) => return Err("no EOSE within 60 s".into()),
                    }
                }
            }
        }
        Ok(Self {
            slots,
            tasks,
            stop,
            setup: start.elapsed(),
        })
    }

    async fn close(self) {
        let _ = self.stop.send(true);
        for task in self.tasks {
            let _ = tokio::time::timeout(Duration::from_secs(5), task).await;
        }
    }

    /// Takes every client's stats of the phase (and resets them).
    fn take(&self) -> (u64, Histogram<u64>, usize, Vec<String>) {
        let mut histogram = new_histogram();
        let mut received = 0;
        let mut closed = 0;
        let mut reasons: HashMap<String, usize> = HashMap::new();
        for slot in &self.slots {
            let Ok(mut stats) = slot.lock() else { continue };
            received += stats.received;
            stats.received = 0;
            if let Some(h) = stats.histogram.take() {
                let _ = histogram.add(&h);
            }
            if let Some(reason) = &stats.closed {
                closed += 1;
                *reasons.entry(reason.clone()).or_default() += 1;
            }
        }
        let reasons = reasons
            .into_iter()
            .map(|(r, n)| format!("{n}× {r}"))
            .collect();
        (received, histogram, closed, reasons)
    }
}

/// One WebSocket client: REQ, EOSE, then counts events and their latency until told to stop.
async fn client(
    url: String,
    req: String,
    shared: Arc<Shared>,
    slot: StatsSlot,
    eose: tokio::sync::oneshot::Sender<Result<(), String>>,
    mut stop: watch::Receiver<bool>,
) {
    let (mut ws, _) = match tokio_tungstenite::connect_async(url.as_str()).await {
        Ok(ws) => ws,
        Err(err) => {
            let _ = eose.send(Err(format!("connect {url}: {err}")));
            return;
        }
    };
    if let Err(err) = ws.send(Message::text(req)).await {
        let _ = eose.send(Err(format!("REQ: {err}")));
        return;
    }
    let mut eose = Some(eose);
    let mut warm_seen = u64::MAX;
    // Bounded by the stop signal (sent at the end of the bench) or the socket's end.
    loop {
        let message = tokio::select! {
            m = ws.next() => m,
            _ = stop.changed() => break,
        };
        let text = match message {
            Some(Ok(Message::Text(text))) => text,
            Some(Ok(_)) => continue,
            Some(Err(_)) | None => break,
        };
        let text = text.as_str();
        if let Some(at) = text.find(MARK) {
            let digits: &str = &text[at + MARK.len()..];
            let end = digits
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(digits.len());
            let Ok(seq) = digits[..end].parse::<u64>() else {
                continue;
            };
            let now = shared.now_ns();
            let from = shared.measured_from.load(Ordering::Acquire);
            if seq >= from {
                let published = shared
                    .published
                    .get(seq as usize)
                    .map_or(0, |p| p.load(Ordering::Acquire));
                if published > 0
                    && let Ok(mut stats) = slot.lock()
                {
                    stats.received += 1;
                    let h = stats.histogram.get_or_insert_with(new_histogram);
                    let _ = h.record(now.saturating_sub(published).max(1000) / 1000);
                }
                shared.last_receipt.fetch_max(now, Ordering::AcqRel);
            } else if warm_seen != from {
                // First warm-up event of this phase for this client.
                warm_seen = from;
                shared.warmed.fetch_add(1, Ordering::AcqRel);
            }
        } else if text.starts_with("[\"EOSE\"") {
            if let Some(tx) = eose.take() {
                let _ = tx.send(Ok(()));
            }
        } else if text.starts_with("[\"CLOSED\"") {
            if let Ok(mut stats) = slot.lock() {
                stats.closed = Some(text.chars().take(120).collect());
            }
            if let Some(tx) = eose.take() {
                let _ = tx.send(Err(format!("CLOSED before EOSE: {text}")));
            }
        }
    }
    let _ = ws.close(None).await;
}

/// Pre-signed kind-1 events with sequence numbers `from..from+n`.
fn sign_events(keys: &nr::Keys, from: u64, n: u64) -> Result<Vec<nr::Event>, BoxError> {
    (from..from + n)
        .map(|seq| {
            nr::EventBuilder::text_note(format!("bench {seq} {FILLER}"))
                .sign_with_keys(keys)
                .map_err(BoxError::from)
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
async fn phase(
    args: &Args,
    clients: &Clients,
    relay: &nr::LocalRelay,
    keys: &nr::Keys,
    shared: &Arc<Shared>,
    next_seq: &mut u64,
    rate: u64,
    server_pid: Option<u32>,
) -> Result<PhaseRow, BoxError> {
    // Warm-up: one event every 50 ms until every open client has one (at most WARMUP).
    let open = clients.slots.len()
        - clients
            .slots
            .iter()
            .filter(|s| s.lock().map(|s| s.closed.is_some()).unwrap_or(true))
            .count();
    let warm_from = *next_seq;
    let warmup = sign_events(keys, warm_from, WARMUP)?;
    let measured_from = warm_from + WARMUP;
    shared.warmed.store(0, Ordering::Release);
    shared.measured_from.store(measured_from, Ordering::Release);
    for event in warmup {
        relay.notify_event(event);
        tokio::time::sleep(Duration::from_millis(50)).await;
        if shared.warmed.load(Ordering::Acquire) >= open {
            break;
        }
    }
    let warmed = shared.warmed.load(Ordering::Acquire);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let _ = clients.take();

    let n = rate * args.seconds;
    let events = sign_events(keys, measured_from, n)?;
    *next_seq = measured_from + n;
    let rss_max = Arc::new(AtomicU64::new(0));
    let sampler = server_pid.map(|pid| {
        let rss_max = rss_max.clone();
        tokio::spawn(async move {
            // Bounded: aborted at the end of the phase.
            loop {
                if let Ok(kb) = proc_status_kb(pid, "VmRSS") {
                    rss_max.fetch_max(kb, Ordering::Relaxed);
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
        })
    });
    let first_publish = shared.now_ns();
    let mut ticks = tokio::time::interval(Duration::from_nanos(1_000_000_000 / rate));
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
    for (i, event) in events.into_iter().enumerate() {
        ticks.tick().await;
        let seq = measured_from as usize + i;
        if let Some(slot) = shared.published.get(seq) {
            slot.store(shared.now_ns(), Ordering::Release);
        }
        relay.notify_event(event);
    }
    let expected = n * open as u64;
    // Drain: until everything arrived or nothing arrived for 3 s (at most 30 s).
    let drain_start = Instant::now();
    let mut last = (0u64, Instant::now());
    while drain_start.elapsed() < Duration::from_secs(30) {
        tokio::time::sleep(Duration::from_millis(100)).await;
        let received: u64 = clients
            .slots
            .iter()
            .map(|s| s.lock().map(|s| s.received).unwrap_or(0))
            .sum();
        if received >= expected {
            break;
        }
        if received != last.0 {
            last = (received, Instant::now());
        } else if last.1.elapsed() > Duration::from_secs(3) {
            break;
        }
    }
    if let Some(sampler) = sampler {
        sampler.abort();
    }
    let (delivered, histogram, closed, closed_reasons) = clients.take();
    let span = shared
        .last_receipt
        .load(Ordering::Acquire)
        .saturating_sub(first_publish)
        .max(1);
    let row = PhaseRow {
        rate: Some(rate),
        expected,
        delivered,
        per_second: delivered as f64 / (span as f64 / 1e9),
        histogram,
        closed,
        closed_reasons,
        rss_kb: rss_max.load(Ordering::Relaxed),
        setup: None,
    };
    eprintln!(
        "{}: rate {rate}/s: warmed {warmed}/{open}, {} of {expected} delivered, {:.0}/s, p99 {:.2} ms, closed {}",
        if server_pid.is_some() {
            "gateway"
        } else {
            "direct"
        },
        delivered,
        row.per_second,
        row.histogram.value_at_quantile(0.99) as f64 / 1000.0,
        closed
    );
    Ok(row)
}
