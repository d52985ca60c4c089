//! Crash safety: a child process (this test binary re-run with an env var) saves batches into a
//! SQLite file and prints each batch it has been told is saved; the parent kills it with SIGKILL
//! mid-stream, reopens the file, checks its integrity and finds every reported batch.

// Helpers outside #[test] fns panic on failure too, like the tests.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod storage_support;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use nipworker_core::protocol::{Event, Tag};
use nipworker_core::storage::{EventStore, SqliteConfig, SqliteStore};
use storage_support::{ev, keys};

const CHILD_DB: &str = "NIPWORKER_CRASH_CHILD_DB";
const CHILD_START: &str = "NIPWORKER_CRASH_CHILD_START";
const BATCH: usize = 100;
/// Batches the parent waits to see reported before it kills the child.
const KILL_AFTER: usize = 6;
const ROUNDS: usize = 3;

/// The deterministic batch `n`: the parent rebuilds it to check what the child wrote.
fn batch(n: usize) -> Vec<Event> {
    let k = keys((n % 200 + 1) as u8);
    (0..BATCH)
        .map(|i| {
            let tags = vec![
                Tag::new(["t", &format!("batch{n}")]),
                Tag::new(["e", &format!("{:064x}", n * BATCH + i)]),
            ];
            ev(
                &k,
                1,
                1_700_000_000 + (n * BATCH + i) as u64,
                tags,
                &"x".repeat(200),
            )
        })
        .collect()
}

/// The child's body: runs only when the parent set the env var.
#[test]
fn crash_child() {
    let Ok(path) = std::env::var(CHILD_DB) else {
        return;
    };
    let start: usize = std::env::var(CHILD_START).unwrap().parse().unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = SqliteStore::open(SqliteConfig::new(path)).await.unwrap();
        // Bounded: the parent kills it long before this ends.
        for n in start..start + 10_000 {
            let events = batch(n);
            store.save_batch(&events).await.unwrap();
            println!("SAVED {n}");
        }
    });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn killed_writer_loses_no_reported_batch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.db");
    let exe = std::env::current_exe().unwrap();
    let mut next = 0usize;
    let mut total_reported = 0usize;
    for round in 0..ROUNDS {
        let mut child = Command::new(&exe)
            .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
            .env(CHILD_DB, &path)
            .env(CHILD_START, next.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(n) = line.strip_prefix("SAVED ")
                    && tx.send(n.trim().parse::<usize>().unwrap()).is_err()
                {
                    break;
                }
            }
        });
        let deadline = Instant::now() + Duration::from_secs(120);
        let mut reported = Vec::new();
        while reported.len() < KILL_AFTER {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(n) => reported.push(n),
                Err(_) => panic!("child reported only {reported:?} in round {round}"),
            }
        }
        // SIGKILL while the child is inside its next batch (it writes back to back).
        child.kill().unwrap();
        child.wait().unwrap();
        // Batches reported between our last read and the kill count too.
        reported.extend(rx.try_iter());
        let store = SqliteStore::open(SqliteConfig::new(&path)).await.unwrap();
        assert!(store.integrity_check().await.unwrap(), "round {round}");
        for &n in &reported {
            // Signatures carry random aux data, so the rebuilt batch matches by id.
            for e in batch(n) {
                let back = store.get_by_id(&e.id).await.unwrap();
                let back = back.unwrap_or_else(|| panic!("round {round}: batch {n} lost"));
                assert_eq!(back.verify(), Ok(()));
            }
        }
        // A half-written batch is all or nothing.
        let last = reported.iter().max().copied().unwrap_or(0);
        let unreported = batch(last + 1);
        let mut present = 0;
        for e in &unreported {
            present += usize::from(store.get_by_id(&e.id).await.unwrap().is_some());
        }
        assert!(present == 0 || present == BATCH, "torn batch: {present}");
        total_reported += reported.len();
        let stats = store.stats().await.unwrap();
        assert!(stats.events as usize >= total_reported * BATCH);
        store.close().await.unwrap();
        next = last + 2;
    }
}
