//! A real third-party Nostr client against the gateway: rust-nostr's `nostr-sdk` Python package
//! (version pinned in `tests/interop/requirements.txt`, installed by `scripts/setup.sh` in a venv)
//! runs `tests/interop/nostr_sdk_client.py` against the real server binary in front of a real
//! local relay: publish, query, live subscription, forged events refused.

// Test helpers may panic on setup failure: that is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../nipworker-core/tests/relay_support/mod.rs"]
mod relay_support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use relay_support::TestRelay;

/// Long enough for 32 random bytes of hex; the server wants 16 characters or more.
const TOKEN: &str = "interop-test-token-0123456789abcdef";
/// The pinned requirement, e.g. `nostr-sdk==0.45.1`.
const REQUIREMENTS: &str = include_str!("interop/requirements.txt");
/// Upper bound for the whole script (it bounds itself at 90 s).
const SCRIPT_LIMIT: Duration = Duration::from_secs(150);

/// The venv's interpreter: `$NIPWORKER_VENV`, else `$HOME/.cache/nipworker/venv`, as in
/// `scripts/setup.sh`.
fn venv_python() -> PathBuf {
    let venv = match std::env::var_os("NIPWORKER_VENV") {
        Some(dir) => PathBuf::from(dir),
        None => {
            let home = std::env::var_os("HOME").expect("HOME is not set");
            Path::new(&home).join(".cache/nipworker/venv")
        }
    };
    let python = venv.join("bin/python");
    assert!(
        python.is_file(),
        "no Python venv at {}: run scripts/setup.sh (it creates it and installs {})",
        venv.display(),
        pinned(),
    );
    python
}

fn pinned() -> &'static str {
    REQUIREMENTS
        .lines()
        .map(str::trim)
        .find(|l| l.starts_with("nostr-sdk=="))
        .expect("nostr-sdk pinned in requirements.txt")
}

/// The server binary in front of `relay`, with write access by token; returns it and its address.
fn start_server(relay: &str, db: &Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nipworker-server"))
        .env("NIPWORKER_LISTEN", "127.0.0.1:0")
        .env("NIPWORKER_RELAYS", relay)
        .env("NIPWORKER_DATABASE", db)
        .env("NIPWORKER_API_TOKEN", TOKEN)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("spawn server");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("read listen line");
    let addr = line
        .trim()
        .strip_prefix("listening on http://")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_owned();
    (child, addr)
}

fn get_status(addr: &str, path: &str) -> Option<u16> {
    let mut stream = TcpStream::connect(addr).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    response.split(' ').nth(1)?.parse().ok()
}

/// Waits (at most 20 s) for `/ready` to answer 200: the upstream relay is connected.
fn wait_ready(addr: &str) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        if get_status(addr, "/ready") == Some(200) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!("the server at {addr} was not ready within 20 s");
}

fn wait_exit(child: &mut Child, limit: Duration) -> Option<ExitStatus> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Some(status) = child.try_wait().expect("try_wait") {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    None
}

fn sigterm(child: &mut Child) -> Option<ExitStatus> {
    let _ = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status();
    wait_exit(child, Duration::from_secs(15))
}

/// Runs the script to its end (or kills it after [`SCRIPT_LIMIT`]); its status and stdout.
fn run_script(python: &Path, gateway: &str, upstream: &str) -> (Option<ExitStatus>, String) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/interop/nostr_sdk_client.py");
    let mut child = Command::new(python)
        .arg(&script)
        .args([gateway, upstream])
        .env("PYTHONUNBUFFERED", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", python.display()));
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        let _ = stdout.read_to_string(&mut out);
        out
    });
    let status = wait_exit(&mut child, SCRIPT_LIMIT);
    let out = reader.join().expect("reader thread");
    (status, out)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nostr_sdk_python_client_publishes_queries_subscribes_and_is_refused_forgeries() {
    let python = venv_python();
    let mut relay = TestRelay::start().await;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gateway.sqlite");
    let upstream = relay.url();

    let (server, out) = tokio::task::spawn_blocking(move || {
        let (mut server, addr) = start_server(&upstream, &db);
        wait_ready(&addr);
        let gateway = format!("ws://{addr}/?token={TOKEN}");
        let (status, out) = run_script(&python, &gateway, &upstream);
        let stopped = sigterm(&mut server);
        (stopped, (status, out))
    })
    .await
    .unwrap();
    relay.stop();

    let (status, out) = out;
    println!("{out}");
    assert!(
        status.is_some_and(|s| s.success()),
        "the nostr-sdk client failed ({status:?}):\n{out}"
    );
    let version = pinned().trim_start_matches("nostr-sdk==");
    assert!(
        out.lines()
            .next()
            .is_some_and(|l| l.starts_with(&format!("nostr-sdk {version} "))),
        "the venv does not have {} (run scripts/setup.sh):\n{out}",
        pinned()
    );
    for check in ["publish", "query", "live", "forged"] {
        assert!(
            out.lines().any(|l| l.starts_with(&format!("ok {check}: "))),
            "check {check} did not pass:\n{out}"
        );
    }
    assert!(out.contains("OK false 'invalid:"), "{out}");
    assert!(out.lines().any(|l| l == "4 passed, 0 failed"), "{out}");
    assert!(
        server.is_some_and(|s| s.success()),
        "the server did not stop cleanly on SIGTERM: {server:?}"
    );
}
