//! Worker channels versus an SPSC byte ring, carrying the same FlatBuffers frames.
//!
//! The tokio side is the real thing: `ipc` channels of `ChannelMessage`s between two threads, each
//! running its own current-thread runtime (a worker task per thread). The ring side is the native
//! analogue of the browser's SharedArrayBuffer ring: an `rtrb::RingBuffer<u8>` carrying
//! length-prefixed frames, copied in by the producer and out by the consumer, which polls (spin,
//! then yield) as a SAB consumer would with `Atomics.wait` timeouts.
//!
//! Besides criterion's estimates, a summary prints frames/s, MB/s and one-hop latency percentiles
//! (half a round trip, hdrhistogram, bounded iterations).

// Every input is built here; a failure is a broken benchmark, not bad input.
#![allow(clippy::expect_used)]

use std::hint::black_box;
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

use bytes::Bytes;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use hdrhistogram::Histogram;
use nipworker_core::ipc::{ChannelMessage, Receiver, Sender, bounded};
use nipworker_core::protocol::flatbuffers::{fb, write_event};
use nipworker_core::protocol::{EventBuilder, EventId, Keys, Kind, Tag, Timestamp};
use rtrb::{Consumer, Producer, RingBuffer};

type Frame = ChannelMessage<fb::ConnectionsMessage>;
type PingPong = fn(&Frame, u64, Option<&mut Histogram<u64>>) -> Duration;
type Stream = fn(&Frame, u64) -> Duration;

/// Frames a channel holds (the default relay-stream bound); the ring gets the same in bytes.
const CAPACITY_FRAMES: usize = 4096;
/// Frames per criterion iteration of the throughput benches.
const BATCH: u64 = 10_000;
/// Frames for the printed throughput summary.
const SUMMARY_FRAMES: u64 = 200_000;
/// Repetitions of the printed summary.
const SUMMARY_ROUNDS: u32 = 5;
/// Round trips for the printed latency percentiles (after `WARMUP` unrecorded ones).
const PINGS: u64 = 20_000;
const WARMUP: u64 = 1_000;

/// A relay event as the connections worker hands it to the parser: a signed kind-1 reply with a
/// thread, a mention and a hashtag (about 800 bytes framed).
fn realistic_frame() -> Frame {
    let keys = Keys::from_hex("6b911fd37cdf5c81d4c0adb1ab7fa822ed253ab0ad9aa18d77257c88b29b718e")
        .expect("fixed test key");
    let root = EventId([0x11; 32]);
    let reply = EventId([0x22; 32]);
    let content = "Relays are just dumb pipes, and that's the point: clients decide what to \
                   trust. Running three of them now. #nostr";
    let event = EventBuilder::new(Kind::TEXT_NOTE, content)
        .tag(Tag::new([
            "e",
            &root.to_hex(),
            "wss://relay.damus.io",
            "root",
        ]))
        .tag(Tag::new(["e", &reply.to_hex(), "", "reply"]))
        .tag(Tag::new([
            "p",
            "82341f882b6eabcd2ba7f1ef90aad961cf074af15b9ef44a09f9d2a8fbfbe6a2",
        ]))
        .tag(Tag::new(["t", "nostr"]))
        .created_at(Timestamp(1_700_000_000))
        .sign(&keys);
    ChannelMessage::build(|b| {
        let ev = write_event(b, &event);
        let body = fb::EventReceived::create(b, "sub:7f3a", "wss://relay.damus.io", ev);
        let body = fb::ConnectionsMessageBody::create_event_received(b, body);
        fb::ConnectionsMessage::create(b, 7u64, body)
    })
}

/// What a consumer does with each frame in both transports: read the envelope.
fn touch(bytes: &[u8]) -> u64 {
    use planus::ReadAsRoot;
    fb::ConnectionsMessageRef::read_as_root(bytes)
        .and_then(|r| r.request_id())
        .unwrap_or(0)
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("current-thread runtime")
}

fn tokio_pair() -> (
    Sender<fb::ConnectionsMessage>,
    Receiver<fb::ConnectionsMessage>,
) {
    bounded("bench", CAPACITY_FRAMES).expect("valid capacity")
}

/// Sends `n` frames from one thread to another; returns the time from start to the last receive.
fn tokio_throughput(frame: &Frame, n: u64) -> Duration {
    tokio_stream(std::slice::from_ref(frame), n, 1)
}

/// The same, with the consumer taking what is queued in one go (`recv_many`, up to 256), as the
/// parser does to batch verification.
fn tokio_throughput_batched(frame: &Frame, n: u64) -> Duration {
    tokio_stream(std::slice::from_ref(frame), n, 256)
}

/// Diagnostic: the consumer polls (`try_recv`, spin, yield) before it parks, like the ring does.
/// Not how workers should run (it burns a core), but it shows what parking costs.
fn tokio_throughput_polling(frame: &Frame, n: u64) -> Duration {
    tokio_stream(std::slice::from_ref(frame), n, 0)
}

/// The same, cycling through distinct copies of the frame, as a producer sending freshly built
/// messages does: no reference count shared by both threads on every frame.
fn tokio_throughput_distinct(frame: &Frame, n: u64) -> Duration {
    let copies: Vec<Frame> = (0..2 * CAPACITY_FRAMES)
        .map(|_| Frame::from_bytes(Bytes::copy_from_slice(frame.bytes())).expect("valid frame"))
        .collect();
    tokio_stream(&copies, n, 1)
}

/// Streams `n` frames (cycling through `frames`) between two threads. `batch`: 0 polls before
/// parking, 1 receives one at a time, more takes up to that many per `recv_many`.
fn tokio_stream(frames: &[Frame], n: u64, batch: usize) -> Duration {
    let (tx, mut rx) = tokio_pair();
    let barrier = Arc::new(Barrier::new(2));
    let b = barrier.clone();
    let consumer = thread::spawn(move || {
        runtime().block_on(async move {
            b.wait();
            let mut sum = 0u64;
            let mut got = 0u64;
            let mut buf = Vec::with_capacity(batch);
            while got < n {
                if batch == 0 {
                    let mut backoff = Backoff(0);
                    let message = loop {
                        match rx.try_recv() {
                            Ok(Some(m)) => break Some(m),
                            Ok(None) if backoff.0 < 256 => backoff.wait(),
                            Ok(None) => break rx.recv().await,
                            Err(_) => break None,
                        }
                    };
                    match message {
                        Some(m) => sum += touch(m.bytes()),
                        None => break,
                    }
                    got += 1;
                } else if batch == 1 {
                    match rx.recv().await {
                        Some(m) => sum += touch(m.bytes()),
                        None => break,
                    }
                    got += 1;
                } else {
                    buf.clear();
                    if rx.recv_many(&mut buf, batch).await == 0 {
                        break;
                    }
                    for m in &buf {
                        sum += touch(m.bytes());
                    }
                    got += buf.len() as u64;
                }
            }
            black_box(sum);
            Instant::now()
        })
    });
    let frames = frames.to_vec();
    let start = runtime().block_on(async move {
        barrier.wait();
        let start = Instant::now();
        for (_, frame) in (0..n).zip(frames.iter().cycle()) {
            if tx.send(frame.clone()).await.is_err() {
                break;
            }
        }
        start
    });
    let end = consumer.join().expect("consumer thread");
    end.duration_since(start)
}

/// Polls without sleeping for a while, then yields the core (2-core machines would starve).
struct Backoff(u32);

impl Backoff {
    fn wait(&mut self) {
        if self.0 < 64 {
            std::hint::spin_loop();
        } else {
            thread::yield_now();
        }
        self.0 = self.0.saturating_add(1);
    }
}

/// Copies `src` to position `at` of the ring region made of `a` then `b` (it wraps around).
fn copy_wrapped(a: &mut [u8], b: &mut [u8], at: usize, src: &[u8]) {
    if at >= a.len() {
        let at = at - a.len();
        b[at..at + src.len()].copy_from_slice(src);
    } else {
        let first = src.len().min(a.len() - at);
        a[at..at + first].copy_from_slice(&src[..first]);
        b[..src.len() - first].copy_from_slice(&src[first..]);
    }
}

/// Writes one length-prefixed frame (header and body committed together); false if the consumer
/// is gone.
fn ring_push(tx: &mut Producer<u8>, frame: &[u8]) -> bool {
    let need = 4 + frame.len();
    let mut backoff = Backoff(0);
    loop {
        if let Ok(mut chunk) = tx.write_chunk(need) {
            let (a, b) = chunk.as_mut_slices();
            let header = (frame.len() as u32).to_le_bytes();
            let mut at = 0;
            for part in [&header[..], frame] {
                copy_wrapped(a, b, at, part);
                at += part.len();
            }
            chunk.commit_all();
            return true;
        }
        if tx.is_abandoned() {
            return false;
        }
        backoff.wait();
    }
}

/// Copies `n` bytes out of the ring into `out` (they are known to be there).
fn ring_take(rx: &mut Consumer<u8>, n: usize, out: &mut Vec<u8>) -> bool {
    out.clear();
    match rx.read_chunk(n) {
        Ok(chunk) => {
            let (a, b) = chunk.as_slices();
            out.extend_from_slice(a);
            out.extend_from_slice(b);
            chunk.commit_all();
            true
        }
        Err(_) => false,
    }
}

/// Reads one frame into `out`; false if the producer is gone and the ring is drained.
fn ring_pop(rx: &mut Consumer<u8>, out: &mut Vec<u8>) -> bool {
    let mut backoff = Backoff(0);
    while rx.slots() < 4 {
        if rx.is_abandoned() && rx.slots() < 4 {
            return false;
        }
        backoff.wait();
    }
    // The producer commits header and frame together, so the whole frame is there.
    if !ring_take(rx, 4, out) {
        return false;
    }
    let len = u32::from_le_bytes([out[0], out[1], out[2], out[3]]) as usize;
    ring_take(rx, len, out)
}

fn ring_capacity(frame: &Frame) -> usize {
    CAPACITY_FRAMES * (frame.len() + 4)
}

fn ring_throughput(frame: &Frame, n: u64) -> Duration {
    let (mut tx, mut rx) = RingBuffer::<u8>::new(ring_capacity(frame));
    let barrier = Arc::new(Barrier::new(2));
    let b = barrier.clone();
    let consumer = thread::spawn(move || {
        b.wait();
        let mut buf = Vec::with_capacity(4096);
        let mut sum = 0u64;
        for _ in 0..n {
            if !ring_pop(&mut rx, &mut buf) {
                break;
            }
            sum += touch(&buf);
        }
        black_box(sum);
        Instant::now()
    });
    let bytes: Bytes = frame.bytes().clone();
    barrier.wait();
    let start = Instant::now();
    for _ in 0..n {
        if !ring_push(&mut tx, &bytes) {
            break;
        }
    }
    let end = consumer.join().expect("consumer thread");
    end.duration_since(start)
}

/// Round trips: A sends, B echoes the frame back on a second channel. Returns the total time of
/// the last `n` round trips and, if asked, records each half round trip.
fn tokio_ping_pong(frame: &Frame, n: u64, mut hist: Option<&mut Histogram<u64>>) -> Duration {
    let (a_tx, mut b_rx) = tokio_pair();
    let (b_tx, mut a_rx) = tokio_pair();
    let echo = thread::spawn(move || {
        runtime().block_on(async move {
            while let Some(m) = b_rx.recv().await {
                black_box(touch(m.bytes()));
                if b_tx.send(m).await.is_err() {
                    break;
                }
            }
        });
    });
    let frame = frame.clone();
    let total = runtime().block_on(async {
        for _ in 0..WARMUP.min(n) {
            let _ = a_tx.send(frame.clone()).await;
            let _ = a_rx.recv().await;
        }
        let start = Instant::now();
        for _ in 0..n {
            let t0 = Instant::now();
            if a_tx.send(frame.clone()).await.is_err() {
                break;
            }
            match a_rx.recv().await {
                Some(m) => black_box(touch(m.bytes())),
                None => break,
            };
            if let Some(h) = hist.as_deref_mut() {
                let _ = h.record(t0.elapsed().as_nanos() as u64 / 2);
            }
        }
        start.elapsed()
    });
    drop(a_tx);
    echo.join().expect("echo thread");
    total
}

fn ring_ping_pong(frame: &Frame, n: u64, mut hist: Option<&mut Histogram<u64>>) -> Duration {
    let (mut a_tx, mut b_rx) = RingBuffer::<u8>::new(ring_capacity(frame));
    let (mut b_tx, mut a_rx) = RingBuffer::<u8>::new(ring_capacity(frame));
    let echo = thread::spawn(move || {
        let mut buf = Vec::with_capacity(4096);
        while ring_pop(&mut b_rx, &mut buf) {
            black_box(touch(&buf));
            if !ring_push(&mut b_tx, &buf) {
                break;
            }
        }
    });
    let bytes = frame.bytes().clone();
    let mut buf = Vec::with_capacity(4096);
    for _ in 0..WARMUP.min(n) {
        ring_push(&mut a_tx, &bytes);
        ring_pop(&mut a_rx, &mut buf);
    }
    let start = Instant::now();
    for _ in 0..n {
        let t0 = Instant::now();
        if !ring_push(&mut a_tx, &bytes) || !ring_pop(&mut a_rx, &mut buf) {
            break;
        }
        black_box(touch(&buf));
        if let Some(h) = hist.as_deref_mut() {
            let _ = h.record(t0.elapsed().as_nanos() as u64 / 2);
        }
    }
    let total = start.elapsed();
    drop(a_tx);
    echo.join().expect("echo thread");
    total
}

fn summary(_: &mut Criterion) {
    let frame = realistic_frame();
    let size = frame.len() as f64;
    println!(
        "\nchannel summary: frame = {} bytes (kind-1 EventReceived)",
        frame.len()
    );
    // Shared machines are noisy: say how busy this one was, and show every round.
    println!(
        "  cores: {}, load average: {}",
        thread::available_parallelism().map_or(0, |n| n.get()),
        std::fs::read_to_string("/proc/loadavg")
            .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
            .unwrap_or_else(|_| "unknown".into())
    );
    let runs: [(&str, Stream); 5] = [
        ("tokio mpsc (ipc)", tokio_throughput),
        ("rtrb byte ring", ring_throughput),
        ("tokio recv_many", tokio_throughput_batched),
        ("tokio fresh frames", tokio_throughput_distinct),
        ("tokio polling rx", tokio_throughput_polling),
    ];
    let mut all_rates = [const { Vec::new() }; 5];
    for round in 1..=SUMMARY_ROUNDS {
        let mut rates = [0.0f64; 5];
        for ((rate, all), (name, run)) in rates.iter_mut().zip(&mut all_rates).zip(runs) {
            let elapsed = run(&frame, SUMMARY_FRAMES);
            *rate = SUMMARY_FRAMES as f64 / elapsed.as_secs_f64();
            all.push(*rate);
            println!(
                "  round {round} throughput {name:<18} {:>10.0} frames/s {:>8.1} MB/s ({SUMMARY_FRAMES} frames)",
                *rate,
                *rate * size / 1e6
            );
        }
        println!(
            "  round {round} tokio/ring throughput ratio: {:.2}",
            rates[0] / rates[1]
        );
    }
    let medians = all_rates.map(|mut r| median(&mut r));
    for ((name, _), m) in runs.iter().zip(medians) {
        println!(
            "  median     throughput {name:<18} {m:>10.0} frames/s {:>8.1} MB/s",
            m * size / 1e6
        );
    }
    println!(
        "  median     tokio/ring throughput ratio: {:.2} (recv_many: {:.2}, fresh frames: {:.2}, polling rx: {:.2})",
        medians[0] / medians[1],
        medians[2] / medians[1],
        medians[3] / medians[1],
        medians[4] / medians[1]
    );
    let pings: [(&str, PingPong); 2] = [
        ("tokio mpsc (ipc)", tokio_ping_pong),
        ("rtrb byte ring", ring_ping_pong),
    ];
    let mut p99s = [Vec::new(), Vec::new()];
    for round in 1..=SUMMARY_ROUNDS {
        for (all, (name, run)) in p99s.iter_mut().zip(pings) {
            let mut hist = Histogram::<u64>::new(3).expect("histogram");
            run(&frame, PINGS, Some(&mut hist));
            let p99 = hist.value_at_quantile(0.99) as f64 / 1e3;
            all.push(p99);
            println!(
                "  round {round} one hop {name:<18} p50 {:>7.2} µs  p99 {p99:>7.2} µs  p999 {:>8.2} µs  max {:>8.2} µs ({PINGS} round trips / 2)",
                hist.value_at_quantile(0.50) as f64 / 1e3,
                hist.value_at_quantile(0.999) as f64 / 1e3,
                hist.max() as f64 / 1e3,
            );
        }
    }
    for ((name, _), mut all) in pings.iter().zip(p99s) {
        println!(
            "  median     one hop {name:<18} p99 {:>7.2} µs",
            median(&mut all)
        );
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied().unwrap_or(0.0)
}

fn throughput(c: &mut Criterion) {
    let frame = realistic_frame();
    let mut group = c.benchmark_group("channels/throughput");
    group.throughput(Throughput::Elements(BATCH));
    group.bench_function("tokio_mpsc", |b| {
        b.iter_custom(|iters| tokio_throughput(&frame, iters * BATCH))
    });
    group.bench_function("rtrb_ring", |b| {
        b.iter_custom(|iters| ring_throughput(&frame, iters * BATCH))
    });
    group.bench_function("tokio_mpsc_recv_many", |b| {
        b.iter_custom(|iters| tokio_throughput_batched(&frame, iters * BATCH))
    });
    group.finish();
}

fn latency(c: &mut Criterion) {
    let frame = realistic_frame();
    let mut group = c.benchmark_group("channels/round_trip");
    group.bench_function("tokio_mpsc", |b| {
        b.iter_custom(|iters| tokio_ping_pong(&frame, iters, None))
    });
    group.bench_function("rtrb_ring", |b| {
        b.iter_custom(|iters| ring_ping_pong(&frame, iters, None))
    });
    group.finish();
}

criterion_group!(benches, summary, throughput, latency);
criterion_main!(benches);
