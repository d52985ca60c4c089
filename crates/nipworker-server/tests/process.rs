//! The real server binary: opens its event store (SQLite file or memory), starts, answers
//! `GET /health` with the store's status, exits cleanly on SIGTERM, and refuses bad store paths
//! with exit code 2.

// Test helpers outside #[test] functions may panic on setup failure: that is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn start(args: &[&str]) -> (Child, String) {
    start_with_env(args, &[])
}

fn start_with_env(args: &[&str], env: &[(&str, &str)]) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nipworker-server"))
        .args(args)
        .envs(env.iter().copied())
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
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

fn get(addr: &str, path: &str) -> String {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).expect("read response");
    response
}

fn wait_exit(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Some(status) = child.try_wait().expect("try_wait") {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    None
}

fn health(addr: &str) -> serde_json::Value {
    let response = get(addr, "/health");
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    let body = response.split("\r\n\r\n").nth(1).unwrap_or_default();
    serde_json::from_str(body).expect("json body")
}

fn sigterm(child: &mut Child) {
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("run kill");
    assert!(status.success());
    let exit = wait_exit(child, Duration::from_secs(10)).expect("server exits after SIGTERM");
    assert!(exit.success(), "exit status {exit:?}");
}

#[test]
fn health_then_graceful_sigterm() {
    let dir = tempfile::tempdir().unwrap();
    // A directory that does not exist yet: the server creates it.
    let db = dir.path().join("data").join("cache.sqlite");
    let (mut child, addr) = start(&["--listen", "127.0.0.1:0", "--db", db.to_str().unwrap()]);
    let json = health(&addr);
    assert_eq!(json["status"], "ok");
    assert_eq!(json["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(json["store"]["backend"], "sqlite");
    assert_eq!(json["store"]["status"], "ok");
    assert_eq!(json["store"]["events"], 0);
    assert_eq!(json["store"]["path"], db.to_str().unwrap());

    assert!(get(&addr, "/nope").starts_with("HTTP/1.1 404"));

    sigterm(&mut child);
    // Closed cleanly: the WAL was checkpointed into the file and removed.
    assert!(db.exists());
    assert!(!dir.path().join("data").join("cache.sqlite-wal").exists());
}

#[test]
fn memory_store_and_db_from_the_environment() {
    let (mut child, addr) = start(&["--listen", "127.0.0.1:0", "--db", "memory"]);
    let json = health(&addr);
    assert_eq!(json["store"]["backend"], "memory");
    assert_eq!(json["store"]["status"], "ok");
    assert_eq!(json["store"]["events"], 0);
    assert!(json["store"].get("path").is_none());
    sigterm(&mut child);

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("env.sqlite");
    let (mut child, addr) = start_with_env(
        &["--listen", "127.0.0.1:0"],
        &[("NIPWORKER_DB", db.to_str().unwrap())],
    );
    let json = health(&addr);
    assert_eq!(json["store"]["backend"], "sqlite");
    assert_eq!(json["store"]["path"], db.to_str().unwrap());
    sigterm(&mut child);
    assert!(db.exists());
}

#[test]
fn unusable_db_path_is_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain-file");
    std::fs::write(&file, b"not a directory").unwrap();
    let under_file = file.join("cache.sqlite");
    let not_sqlite = dir.path().join("garbage.sqlite");
    std::fs::write(&not_sqlite, vec![0x42u8; 8192]).unwrap();
    for (db, expect) in [
        // A directory is not a database file.
        (dir.path().to_str().unwrap(), "cannot open the database"),
        // Its directory cannot be created under a regular file.
        (
            under_file.to_str().unwrap(),
            "cannot create the database directory",
        ),
        // A file that is not SQLite.
        (not_sqlite.to_str().unwrap(), "cannot open the database"),
        ("", "empty database path"),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_nipworker-server"))
            .args(["--listen", "127.0.0.1:0", "--db", db])
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{db}: {stderr}");
        assert!(stderr.contains(expect), "{db}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn bad_config_is_a_clear_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_nipworker-server"))
        .args(["--listen", "not-an-address"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("invalid listen address"), "{stderr}");
}
