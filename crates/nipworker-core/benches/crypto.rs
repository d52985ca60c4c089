//! Single-core crypto costs the crypto worker is sized from: Schnorr verification of real
//! events (the raw library rate), NIP-44 and NIP-04 on 1 KiB, and Cashu DLEQ checks.
//!
//! Run: `cargo bench -p nipworker-core --bench crypto` (add `-- --quick` for a short run).
#![allow(clippy::unwrap_used, clippy::expect_used)] // fixtures are checked in; failing loudly is right

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use nipworker_core::crypto::cashu::{
    BlindSignature, Point, Proof, verify_blind_signature, verify_proof,
};
use nipworker_core::crypto::{nip04, nip44};
use nipworker_core::protocol::{Event, Keys, verify_schnorr};

fn testdata(path: &str) -> String {
    let full = format!("{}/../../testdata/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// The 501 kind-0 events of the corpus (one `["EVENT", sub, {...}]` per line).
fn corpus_events() -> Vec<Event> {
    let events: Vec<Event> = testdata("corpus/profiles.json")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let msg: serde_json::Value = serde_json::from_str(l).unwrap();
            let obj = msg.as_array().and_then(|a| a.last()).unwrap().clone();
            serde_json::from_value(obj).unwrap()
        })
        .collect();
    assert_eq!(events.len(), 501);
    for e in &events {
        e.verify().expect("corpus events are genuine");
    }
    events
}

fn schnorr(c: &mut Criterion) {
    let events = corpus_events();
    let n = events.len() as u64;
    // Keys and signatures parsed ahead: only the BIP-340 verification itself.
    let parsed: Vec<_> = events
        .iter()
        .map(|e| {
            (
                secp256k1::XOnlyPublicKey::from_byte_array(e.pubkey.0).unwrap(),
                secp256k1::schnorr::Signature::from_byte_array(e.sig.0),
                *e.id.as_bytes(),
            )
        })
        .collect();

    let mut g = c.benchmark_group("schnorr_verify");
    g.throughput(Throughput::Elements(n));
    g.bench_function("secp256k1_preparsed", |b| {
        b.iter(|| {
            for (pk, sig, msg) in &parsed {
                secp256k1::schnorr::verify(black_box(sig), black_box(msg), pk).unwrap();
            }
        })
    });
    g.bench_function("verify_schnorr_from_bytes", |b| {
        b.iter(|| {
            for e in &events {
                verify_schnorr(&e.pubkey, e.id.as_bytes(), black_box(&e.sig)).unwrap();
            }
        })
    });
    g.bench_function("event_verify_id_and_sig", |b| {
        b.iter(|| {
            for e in &events {
                black_box(e).verify().unwrap();
            }
        })
    });
    g.finish();
}

fn encryption(c: &mut Criterion) {
    let alice = Keys::generate();
    let bob = Keys::generate();
    let text = "n".repeat(1024);
    let conv = nip44::ConversationKey::from_keys(&alice, &bob.public_key()).unwrap();
    let payload44 = nip44::encrypt(&conv, &text).unwrap();
    let payload04 = nip04::encrypt(&alice, &bob.public_key(), &text).unwrap();

    let mut g = c.benchmark_group("encryption_1KiB");
    g.throughput(Throughput::Bytes(1024));
    g.bench_function("nip44_encrypt", |b| {
        b.iter(|| nip44::encrypt(&conv, black_box(&text)).unwrap())
    });
    g.bench_function("nip44_decrypt", |b| {
        b.iter(|| nip44::decrypt(&conv, black_box(&payload44)).unwrap())
    });
    g.bench_function("nip04_encrypt", |b| {
        b.iter(|| nip04::encrypt(&alice, &bob.public_key(), black_box(&text)).unwrap())
    });
    g.bench_function("nip04_decrypt", |b| {
        b.iter(|| nip04::decrypt(&bob, &alice.public_key(), black_box(&payload04)).unwrap())
    });
    g.finish();

    c.bench_function("nip44_conversation_key", |b| {
        b.iter(|| nip44::ConversationKey::from_keys(&alice, black_box(&bob.public_key())).unwrap())
    });
}

/// The NUT-12 vectors: `A`, and the JSON of the BlindSignature and Proof sections.
fn nut12() -> (Point, Point, BlindSignature, Proof) {
    let md = testdata("vectors/cashu/nut12-tests.md");
    let value = |key: &str| {
        md.lines()
            .rev()
            .find_map(|l| l.strip_prefix(key))
            .map(|v| v.trim().trim_matches('"').to_owned())
            .unwrap()
    };
    let a = Point::from_hex(&value("A: ")).unwrap();
    let b_ = Point::from_hex(&value("B_: ")).unwrap();
    let blocks: Vec<&str> = md
        .split("```json")
        .skip(1)
        .filter_map(|s| s.split("```").next())
        .collect();
    let sig: BlindSignature = serde_json::from_str(blocks[0]).unwrap();
    let proof: Proof = serde_json::from_str(blocks[1]).unwrap();
    (a, b_, sig, proof)
}

fn dleq(c: &mut Criterion) {
    let (a, b_, sig, proof) = nut12();
    assert!(verify_proof(&proof, &a).is_valid());
    assert!(verify_blind_signature(&sig, &b_, &a).is_valid());
    let mut g = c.benchmark_group("cashu_dleq");
    g.throughput(Throughput::Elements(1));
    g.bench_function("verify_proof", |b| {
        b.iter(|| verify_proof(black_box(&proof), &a))
    });
    g.bench_function("verify_blind_signature", |b| {
        b.iter(|| verify_blind_signature(black_box(&sig), &b_, &a))
    });
    g.finish();
}

criterion_group!(benches, schnorr, encryption, dleq);
criterion_main!(benches);
