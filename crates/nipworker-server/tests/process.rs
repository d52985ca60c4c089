//! The real server binary as a process: its SQLite file by default, exit codes for bad settings
//! and unusable databases, `--help`, a graceful SIGTERM that tells connected clients, and no
//! secret in its logs.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{Value, json};
use support::{Client, Server, TOKEN};

fn run_with(args: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_nipworker-server"));
    command
        .args(args)
        .env("NIPWORKER_LISTEN", "127.0.0.1:0")
        .env("NIPWORKER_RELAYS", "")
        .stdin(Stdio::null());
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("run")
}

#[tokio::test]
async fn sqlite_file_then_graceful_sigterm_that_tells_clients() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data").join("cache.sqlite");
    let mut server = Server::start(&[("NIPWORKER_DATABASE", db.to_str().unwrap())]);
    let health: Value = reqwest::get(server.url("/health"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(health["status"], "ok");
    assert_eq!(health["version"], env!("CARGO_PKG_VERSION"));
    let ready: Value = reqwest::get(server.url("/ready"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(ready["store"]["backend"], "sqlite");
    assert_eq!(ready["store"]["path"], db.to_str().unwrap());
    assert_eq!(
        ready["status"], "ready",
        "no relays configured: the cache alone is ready"
    );
    assert_eq!(
        reqwest::get(server.url("/nope")).await.unwrap().status(),
        404
    );

    let mut client = Client::connect(&server.ws_url(None)).await;
    client.send(json!(["REQ", "open", {"kinds": [1]}])).await;
    client.until("EOSE", "open").await;
    let status = tokio::task::spawn_blocking(move || {
        let status = server.terminate(Duration::from_secs(20));
        (server, status)
    });
    let closed = client.until("CLOSED", "open").await;
    assert!(
        closed.last().unwrap()[2]
            .as_str()
            .unwrap()
            .contains("shutting down"),
        "{closed:?}"
    );
    let (_server, status) = status.await.unwrap();
    assert!(status.expect("exits in time").success());
    assert!(db.exists());
    // Closed cleanly: the WAL was checkpointed into the file.
    assert!(!dir.path().join("data").join("cache.sqlite-wal").exists());
}

#[test]
fn help_and_version() {
    let out = run_with(&["--help"], &[]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("NIPWORKER_RELAYS") && help.contains("--config"),
        "{help}"
    );
    let out = run_with(&["--version"], &[]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn bad_settings_are_exit_code_2_naming_the_key() {
    for (args, env, expect) in [
        (
            vec![],
            vec![("NIPWORKER_LISTEN", "nope")],
            "NIPWORKER_LISTEN",
        ),
        (vec!["--listen", "nope"], vec![], "--listen"),
        (
            vec![],
            vec![("NIPWORKER_RELAYS", "https://not-a-relay")],
            "NIPWORKER_RELAYS",
        ),
        (
            vec![],
            vec![("NIPWORKER_MAX_LIMIT", "-1")],
            "NIPWORKER_MAX_LIMIT",
        ),
        (vec!["--bogus"], vec![], "--bogus"),
        (
            vec!["--config", "/nonexistent/nipworker.toml"],
            vec![],
            "/nonexistent/nipworker.toml",
        ),
    ] {
        let out = run_with(&args, &env);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?} {env:?}: {stderr}");
        assert!(stderr.contains(expect), "{expect} not in {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn unusable_database_is_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plain-file");
    std::fs::write(&file, b"not a directory").unwrap();
    let under_file = file.join("cache.sqlite");
    let not_sqlite = dir.path().join("garbage.sqlite");
    std::fs::write(&not_sqlite, vec![0x42u8; 8192]).unwrap();
    for db in [
        dir.path().to_str().unwrap(),
        under_file.to_str().unwrap(),
        not_sqlite.to_str().unwrap(),
        "",
    ] {
        let out = run_with(&["--db", db], &[]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{db}: {stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
}

#[test]
fn secrets_never_reach_the_logs() {
    let signer = "1".repeat(63) + "2";
    let mut child = Command::new(env!("CARGO_BIN_EXE_nipworker-server"))
        .env("NIPWORKER_LISTEN", "127.0.0.1:0")
        .env("NIPWORKER_RELAYS", "")
        .env("NIPWORKER_DATABASE", "memory")
        .env("NIPWORKER_API_TOKEN", TOKEN)
        .env("NIPWORKER_SIGNER", &signer)
        .env("NIPWORKER_LOG_FORMAT", "json")
        .env("RUST_LOG", "trace")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    child.kill().unwrap();
    let out = child.wait_with_output().unwrap();
    let logs = String::from_utf8_lossy(&out.stderr);
    assert!(logs.contains("\"level\""), "JSON logs: {logs}");
    assert!(
        !logs.contains(TOKEN) && !logs.contains(&signer),
        "a secret in the logs"
    );
}
