//! The generated Python bindings, loaded by CPython with the real cdylib, against a real relay
//! (nostr-relay-builder's `LocalRelay`) on 127.0.0.1: `tests/python/test_bindings.py` publishes,
//! subscribes, queries, and checks the typed errors. `scripts/test.sh` generates the bindings and
//! runs this test with `NIPWORKER_PY_BINDINGS` set.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::{IpAddr, Ipv4Addr};
use std::path::Path;
use std::time::Duration;

use nostr_relay_builder::prelude as nr;

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the bindings: scripts/gen-bindings.sh DIR, then NIPWORKER_PY_BINDINGS=DIR/python"]
async fn python_bindings_against_a_real_relay() {
    let bindings = std::env::var("NIPWORKER_PY_BINDINGS")
        .expect("NIPWORKER_PY_BINDINGS: the directory holding nipworker.py and the cdylib");
    assert!(
        Path::new(&bindings).join("nipworker.py").is_file(),
        "no nipworker.py in {bindings}"
    );
    let relay = nr::LocalRelay::new(
        nr::RelayBuilder::default()
            .addr(IpAddr::V4(Ipv4Addr::LOCALHOST))
            .database(nr::MemoryDatabase::with_opts(nr::MemoryDatabaseOptions {
                events: true,
                max_events: None,
            })),
    );
    relay.run().await.unwrap();
    let url = relay.url().await.to_string();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/test_bindings.py");
    let run = tokio::process::Command::new("python3")
        .arg(&script)
        .env("PYTHONPATH", &bindings)
        .env("NIPWORKER_TEST_RELAY", url.trim_end_matches('/'))
        .kill_on_drop(true)
        .status();
    let status = tokio::time::timeout(Duration::from_secs(300), run)
        .await
        .expect("the Python tests did not finish within 5 minutes")
        .expect("python3 could not be started");
    relay.shutdown();
    assert!(status.success(), "the Python tests failed: {status}");
}
