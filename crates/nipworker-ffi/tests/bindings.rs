//! The generated bindings, loaded by their real runtimes with the real cdylib, against a real
//! relay (nostr-relay-builder's `LocalRelay`) on 127.0.0.1: CPython runs
//! `tests/python/test_bindings.py` and `examples/python/feed.py`; the JVM runs `tests/kotlin/Main.kt` (compiled here with
//! kotlinc, JNA from Debian). Both print the events/s of `next()`, and the Rust API's number is
//! printed beside them. `scripts/test.sh` generates the bindings and runs these with
//! `NIPWORKER_BINDINGS` (and `NIPWORKER_KOTLIN_HOME`) set; tests never assert a timing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../../nipworker-core/tests/relay_support/mod.rs"]
mod relay_support;

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use futures::StreamExt;
use nipworker_core::client::{CacheMode, ClientConfig, SignerSpec, SubscribeOptions};
use nipworker_core::{EventBuilder, Filter, Kind, NostrClient};
use relay_support::TestRelay;

/// Events read back through `next()` in each benchmark.
const BENCH_EVENTS: usize = 2000;
const SECRET: &str = "b7e151628aed2a6abf7158809cf4f3c762e7160f38b4da56a784d9045190cfef";

/// A relay on 127.0.0.1 (nostr-relay-builder, as in the core's tests) and its URL.
async fn relay() -> (TestRelay, String) {
    let relay = TestRelay::start().await;
    let url = relay.url();
    (relay, url)
}

fn bindings() -> PathBuf {
    let dir = PathBuf::from(
        std::env::var("NIPWORKER_BINDINGS")
            .expect("NIPWORKER_BINDINGS: the output directory of scripts/gen-bindings.sh"),
    );
    assert!(
        dir.join("python/nipworker.py").is_file(),
        "no bindings in {dir:?}"
    );
    dir
}

async fn output(mut command: tokio::process::Command, what: &str) -> Output {
    let run = command.kill_on_drop(true).output();
    let out = tokio::time::timeout(Duration::from_secs(300), run)
        .await
        .unwrap_or_else(|_| panic!("{what} did not finish within 5 minutes"))
        .unwrap_or_else(|e| panic!("{what} could not be started: {e}"));
    println!("{}", String::from_utf8_lossy(&out.stdout));
    eprintln!("{}", String::from_utf8_lossy(&out.stderr));
    out
}

/// The tests' venv interpreter: `$NIPWORKER_VENV`, else `$HOME/.cache/nipworker/venv` (made by
/// `scripts/setup.sh`, with pytest).
fn venv_python() -> PathBuf {
    let venv = match std::env::var_os("NIPWORKER_VENV") {
        Some(dir) => PathBuf::from(dir),
        None => Path::new(&std::env::var_os("HOME").expect("HOME is not set"))
            .join(".cache/nipworker/venv"),
    };
    let python = venv.join("bin/python");
    assert!(
        python.is_file(),
        "no Python venv at {}: run scripts/setup.sh",
        venv.display()
    );
    python
}

/// The same benchmark on the Rust API: `BENCH_EVENTS` events from the cache through the stream.
async fn rust_bench(url: &str) {
    let client = NostrClient::new(ClientConfig::builder().relay(url).memory_store().build())
        .await
        .unwrap();
    let me = client
        .set_signer(SignerSpec::private_key(SECRET))
        .await
        .unwrap();
    for i in 0..BENCH_EVENTS {
        let note = EventBuilder::new(Kind::TEXT_NOTE, format!("rust bench {i}")).build(me);
        client.publish(note).await.unwrap();
    }
    let start = Instant::now();
    let mut sub = client
        .subscribe(
            vec![Filter::new().kind(Kind::TEXT_NOTE).author(me)],
            SubscribeOptions {
                cache: CacheMode::CacheOnly,
                close_on_eose: true,
                buffer: BENCH_EVENTS * 2,
                ..SubscribeOptions::default()
            },
        )
        .await
        .unwrap();
    let mut events = 0;
    for _ in 0..BENCH_EVENTS * 4 {
        match sub.next().await {
            Some(nipworker_core::client::SubscriptionItem::Event(_)) => events += 1,
            Some(_) => {}
            None => break,
        }
    }
    let secs = start.elapsed().as_secs_f64();
    assert!(events >= BENCH_EVENTS);
    println!(
        "rust next(): {events} events in {secs:.3} s = {:.0} events/s",
        events as f64 / secs
    );
    client.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the bindings: scripts/gen-bindings.sh DIR, then NIPWORKER_BINDINGS=DIR"]
async fn python_bindings_against_a_real_relay() {
    let bindings = bindings();
    let (mut relay, url) = relay().await;
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/python/test_bindings.py");
    // pytest from the tests' venv (scripts/setup.sh); the suite itself needs only the stdlib.
    let mut python = tokio::process::Command::new(venv_python());
    python
        .args(["-m", "pytest", "-q", "-s", "-p", "no:cacheprovider"])
        .arg(&script)
        .env("PYTHONPATH", bindings.join("python"))
        .env("NIPWORKER_TEST_RELAY", &url)
        .env("NIPWORKER_BENCH_EVENTS", BENCH_EVENTS.to_string());
    let out = output(python, "the Python tests").await;
    // examples/python/feed.py prints the notes the tests stored on the relay.
    let feed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/python/feed.py");
    let mut example = tokio::process::Command::new("python3");
    example
        .arg(&feed)
        .arg(&url)
        .arg("3")
        .env("PYTHONPATH", bindings.join("python"));
    let printed = output(example, "examples/python/feed.py").await;
    rust_bench(&url).await;
    relay.stop();
    assert!(
        out.status.success(),
        "the Python tests failed: {}",
        out.status
    );
    assert!(
        printed.status.success(),
        "feed.py failed: {}",
        printed.status
    );
    let lines = String::from_utf8_lossy(&printed.stdout);
    assert_eq!(
        lines.lines().filter(|l| l.starts_with("npub1")).count(),
        3,
        "feed.py printed: {lines}"
    );
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs the bindings and kotlinc: NIPWORKER_BINDINGS=DIR NIPWORKER_KOTLIN_HOME=DIR"]
async fn kotlin_bindings_against_a_real_relay() {
    let bindings = bindings();
    let home = PathBuf::from(
        std::env::var("NIPWORKER_KOTLIN_HOME")
            .expect("NIPWORKER_KOTLIN_HOME: the kotlin-compiler package (lib/kotlin-compiler.jar)"),
    );
    let lib = home.join("lib");
    let jna = std::env::var("NIPWORKER_JNA_JAR").unwrap_or("/usr/share/java/jna.jar".into());
    let runtime_cp = [
        lib.join("kotlin-stdlib.jar"),
        lib.join("kotlinx-coroutines-core-jvm.jar"),
        PathBuf::from(&jna),
    ];
    let join = |paths: &[PathBuf]| {
        std::env::join_paths(paths)
            .unwrap()
            .to_string_lossy()
            .into_owned()
    };
    let work = std::env::temp_dir().join(format!("nipworker-kotlin-{}", std::process::id()));
    std::fs::create_dir_all(&work).unwrap();
    let jar = work.join("app.jar");
    let compiler_cp = [
        lib.join("kotlin-compiler.jar"),
        lib.join("kotlin-stdlib.jar"),
        lib.join("kotlin-script-runtime.jar"),
        lib.join("kotlin-reflect.jar"),
        lib.join("kotlinx-coroutines-core-jvm.jar"),
        lib.join("annotations-13.0.jar"),
    ];
    let mut kotlinc = tokio::process::Command::new("java");
    kotlinc
        .arg("-cp")
        .arg(join(&compiler_cp))
        .arg("org.jetbrains.kotlin.cli.jvm.K2JVMCompiler")
        .args(["-no-stdlib", "-no-reflect", "-nowarn", "-classpath"])
        .arg(join(&runtime_cp))
        .arg("-d")
        .arg(&jar)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/kotlin/Main.kt"))
        .arg(bindings.join("kotlin/org/nipworker/nipworker.kt"));
    let compiled = output(kotlinc, "kotlinc").await;
    assert!(
        compiled.status.success(),
        "the Kotlin bindings do not compile"
    );

    let (mut relay, url) = relay().await;
    let mut cp = vec![jar];
    cp.extend(runtime_cp);
    let mut java = tokio::process::Command::new("java");
    java.arg(format!(
        "-Djna.library.path={}",
        bindings.join("python").display()
    ))
    .arg("-cp")
    .arg(join(&cp))
    .arg("MainKt")
    .arg(&url);
    let out = output(java, "the Kotlin program").await;
    rust_bench(&url).await;
    relay.stop();
    let _ = std::fs::remove_dir_all(&work);
    assert!(
        out.status.success(),
        "the Kotlin program failed: {}",
        out.status
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("kotlin: ok"));
}
