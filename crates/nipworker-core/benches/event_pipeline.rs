//! Per-event cost of the relay-frame pipeline on the real corpus (`testdata/corpus/`, 518 events):
//! (a) scan + parse, (b) id check (canonical serialization + SHA-256), (c) signature verification,
//! (d) all three. Baselines: building a `serde_json::Value` tree, the serde-derive tuple path, and
//! isolating the event with `RawValue` then parsing it again (the alternative to `parse_with_raw`).
//!
//! Run: `cargo bench -p nipworker-core --bench event_pipeline -- --warm-up-time 1 --measurement-time 3`
//! Criterion reports elements (events) per second; a plain events/s summary is printed at the end.

// A bench that cannot read its corpus has nothing to measure: failing loudly is right.
#![allow(clippy::unwrap_used, clippy::expect_used)]

#[path = "../tests/corpus_lines/mod.rs"]
mod corpus_lines;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, Throughput, criterion_group};
use nipworker_core::protocol::{Event, RelayMessage, ScanLimits};

struct Corpus {
    frames: Vec<String>,
    events: Vec<Event>,
    bytes: u64,
}

fn corpus() -> Corpus {
    let frames: Vec<String> = corpus_lines::corpus()
        .iter()
        .map(|l| l.relay_frame())
        .collect();
    let events: Vec<Event> = frames.iter().map(|f| parse(f)).collect();
    let bytes = frames.iter().map(|f| f.len() as u64).sum();
    Corpus {
        frames,
        events,
        bytes,
    }
}

fn parse(frame: &str) -> Event {
    match RelayMessage::parse(frame, &ScanLimits::DEFAULT).unwrap() {
        RelayMessage::Event { event, .. } => event.into_owned(),
        other => panic!("{other:?}"),
    }
}

/// The four stages, each over every corpus event; returns a count so nothing is optimized away.
mod stage {
    use super::*;

    pub fn scan(frames: &[String]) -> usize {
        let limits = ScanLimits::DEFAULT;
        frames
            .iter()
            .filter(|f| {
                matches!(
                    RelayMessage::parse(f, &limits),
                    Ok(RelayMessage::Event { .. })
                )
            })
            .count()
    }

    pub fn scan_with_raw(frames: &[String]) -> usize {
        let limits = ScanLimits::DEFAULT;
        frames
            .iter()
            .filter_map(|f| RelayMessage::parse_with_raw(f, &limits).ok())
            .filter(|(_, raw)| raw.is_some())
            .count()
    }

    pub fn value_tree(frames: &[String]) -> usize {
        frames
            .iter()
            .filter(|f| serde_json::from_str::<serde_json::Value>(f).is_ok())
            .count()
    }

    pub fn derive_tuple(frames: &[String]) -> usize {
        frames
            .iter()
            .filter(|f| serde_json::from_str::<(&str, &str, Event)>(f).is_ok())
            .count()
    }

    /// What `parse_with_raw` would cost through serde_json's `RawValue`: isolate, then parse again.
    pub fn raw_value_two_pass(frames: &[String]) -> usize {
        frames
            .iter()
            .filter_map(|f| {
                serde_json::from_str::<(&str, &str, &serde_json::value::RawValue)>(f).ok()
            })
            .filter(|(_, _, raw)| Event::from_json(raw.get()).is_ok())
            .count()
    }

    pub fn id_check(events: &[Event]) -> usize {
        events.iter().filter(|e| e.verify_id().is_ok()).count()
    }

    pub fn signature(events: &[Event]) -> usize {
        events
            .iter()
            .filter(|e| e.verify_signature().is_ok())
            .count()
    }

    pub fn all(frames: &[String]) -> usize {
        let limits = ScanLimits::DEFAULT;
        frames
            .iter()
            .filter(|f| match RelayMessage::parse(f, &limits) {
                Ok(RelayMessage::Event { event, .. }) => event.verify().is_ok(),
                _ => false,
            })
            .count()
    }
}

fn pipeline(c: &mut Criterion) {
    let corpus = corpus();
    let n = corpus.events.len() as u64;
    assert_eq!(stage::all(&corpus.frames), corpus.events.len());

    let mut group = c.benchmark_group("event_pipeline");
    group.throughput(Throughput::Elements(n));
    group.bench_function("a_scan_parse", |b| {
        b.iter(|| stage::scan(black_box(&corpus.frames)))
    });
    group.bench_function("a_scan_parse_with_raw", |b| {
        b.iter(|| stage::scan_with_raw(black_box(&corpus.frames)))
    });
    group.bench_function("baseline_value_tree", |b| {
        b.iter(|| stage::value_tree(black_box(&corpus.frames)))
    });
    group.bench_function("baseline_derive_tuple", |b| {
        b.iter(|| stage::derive_tuple(black_box(&corpus.frames)))
    });
    group.bench_function("baseline_raw_value_two_pass", |b| {
        b.iter(|| stage::raw_value_two_pass(black_box(&corpus.frames)))
    });
    group.bench_function("b_id_check", |b| {
        b.iter(|| stage::id_check(black_box(&corpus.events)))
    });
    group.bench_function("c_signature_verify", |b| {
        b.iter(|| stage::signature(black_box(&corpus.events)))
    });
    group.bench_function("d_all", |b| {
        b.iter(|| stage::all(black_box(&corpus.frames)))
    });
    group.finish();

    let mut bytes = c.benchmark_group("event_pipeline_bytes");
    bytes.throughput(Throughput::Bytes(corpus.bytes));
    bytes.bench_function("a_scan_parse", |b| {
        b.iter(|| stage::scan(black_box(&corpus.frames)))
    });
    bytes.finish();
}

/// Plain events/s figures from passes over the corpus for about `budget` each: the mean, and the
/// fastest pass (steadier than the mean on a machine shared with other work).
fn summary(budget: Duration) {
    let corpus = corpus();
    let n = corpus.events.len();
    println!(
        "\nevent_pipeline summary: {n} corpus events, {} bytes of frames (mean {} B/frame)",
        corpus.bytes,
        corpus.bytes / n as u64
    );
    println!(
        "  {:<28} {:>14} {:>11} {:>14} {:>11}",
        "stage", "mean events/s", "µs/event", "best events/s", "µs/event"
    );
    let rate = |name: &str, f: &dyn Fn() -> usize| {
        let start = Instant::now();
        let mut passes = 0u32;
        let mut best = Duration::MAX;
        while start.elapsed() < budget {
            let pass = Instant::now();
            black_box(f());
            best = best.min(pass.elapsed());
            passes += 1;
        }
        let mean = start.elapsed().as_secs_f64() / f64::from(passes);
        let best = best.as_secs_f64();
        println!(
            "  {name:<28} {:>14.0} {:>11.2} {:>14.0} {:>11.2}",
            n as f64 / mean,
            mean * 1e6 / n as f64,
            n as f64 / best,
            best * 1e6 / n as f64,
        );
    };
    rate("(a) scan + parse", &|| stage::scan(&corpus.frames));
    rate("(a') scan + parse + raw", &|| {
        stage::scan_with_raw(&corpus.frames)
    });
    rate("baseline Value tree", &|| stage::value_tree(&corpus.frames));
    rate("baseline derive tuple", &|| {
        stage::derive_tuple(&corpus.frames)
    });
    rate("baseline RawValue 2 passes", &|| {
        stage::raw_value_two_pass(&corpus.frames)
    });
    rate("(b) id check", &|| stage::id_check(&corpus.events));
    rate("(c) signature verify", &|| stage::signature(&corpus.events));
    rate("(d) all", &|| stage::all(&corpus.frames));
}

criterion_group!(benches, pipeline);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    // Only a real `cargo bench` run (criterion gets `--bench`) prints the timing summary; test
    // mode (`cargo test --benches`), listing and profiling runs skip it.
    let args: Vec<String> = std::env::args().collect();
    let has = |flag: &str| args.iter().any(|a| a == flag);
    if has("--bench") && !has("--list") && !has("--profile-time") {
        summary(Duration::from_secs(2));
    }
}
