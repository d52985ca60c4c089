//! The crypto worker through the real ipc channels: every request type, signer switching with a
//! request in flight, no signer, tampered batches reported per event, Cashu proofs checked
//! against a real HTTP mint on 127.0.0.1, both service ends at once, tiny channels, and secrets
//! kept out of every printed or returned string.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on bad fixtures
#![cfg(feature = "tokio-runtime")]

mod common;
mod crypto_support;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use nipworker_core::crypto::cashu::{
    BackoffPolicy, HttpMintKeySource, Keyset, MintKeyCache, MintKeySource, Point, Proof,
};
use nipworker_core::crypto::{nip04, nip44};
use nipworker_core::ipc::{IpcChannels, IpcConfig};
use nipworker_core::protocol::flatbuffers::fb;
use nipworker_core::protocol::{Event, EventBuilder, Keys, Kind, PublicKey, Tag, Timestamp};
use nipworker_core::signer::{PrivateKeySigner, Signer, SignerError};
use nipworker_core::workers::crypto::{
    CryptoWorker, CryptoWorkerConfig, CryptoWorkerHandle, ExecutionMode,
};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio::sync::Notify;

use common::{section, sections, testdata};
use crypto_support::*;

const SECRET_HEX: &str = "67dea2ed018072d675f5415ecfaed7d2597555e202d85b3d65ea4e58d2d92ffa";
const SECRET_NSEC: &str = "nsec1vl029mgpspedva04g90vltkh6fvh240zqtv9k0t9af8935ke9laqsnlfe5";

fn config(execution: ExecutionMode) -> CryptoWorkerConfig {
    CryptoWorkerConfig {
        execution,
        ..CryptoWorkerConfig::default()
    }
}

/// Starts a worker on fresh channels; returns the channels (crypto ends taken) and its handle.
fn start(ipc: IpcConfig, config: CryptoWorkerConfig) -> (IpcChannels, CryptoWorkerHandle) {
    start_with(ipc, config, |w| w)
}

fn start_with(
    ipc: IpcConfig,
    config: CryptoWorkerConfig,
    f: impl FnOnce(CryptoWorker) -> CryptoWorker,
) -> (IpcChannels, CryptoWorkerHandle) {
    let mut channels = IpcChannels::new(&ipc).unwrap();
    // Swap the crypto ends out; the rest stays with the test.
    let spare = IpcChannels::new(&ipc).unwrap();
    let endpoints = std::mem::replace(&mut channels.crypto, spare.crypto);
    let (worker, handle) = CryptoWorker::new(endpoints, config).unwrap();
    tokio::spawn(f(worker).run());
    (channels, handle)
}

/// The 501 genuine kind-0 events of the corpus.
fn corpus_events() -> Vec<Event> {
    testdata("corpus/profiles.json")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let msg: serde_json::Value = serde_json::from_str(l).unwrap();
            serde_json::from_value(msg.as_array().unwrap().last().unwrap().clone()).unwrap()
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_signer_request_through_the_channels() {
    let (mut ch, handle) = start(IpcConfig::default(), config(ExecutionMode::default()));
    let client = &mut ch.parser.crypto;
    let signer = PrivateKeySigner::parse(SECRET_NSEC).unwrap();
    let me = signer.public_key_now();
    handle.signer().set_signer(Arc::new(signer));

    assert_eq!(call(client, get_public_key(1)).await, Answer::PublicKey(me));

    // Sign with the key filled in by the worker, and with it given.
    let unsigned = EventBuilder::new(Kind::TEXT_NOTE, "hello worker")
        .tag(Tag::new(["t", "nostr"]))
        .created_at(Timestamp(1_700_000_000))
        .build(me);
    for (id, with_pubkey) in [(2, false), (3, true)] {
        let Answer::Signed(event) = call(client, sign_event(id, &unsigned, with_pubkey)).await
        else {
            panic!("not signed");
        };
        event.verify().unwrap();
        assert_eq!(event.pubkey, me);
        assert_eq!(event.content, "hello worker");
        assert_eq!(event.tags, unsigned.tags);
    }
    // Someone else's event is refused.
    let other = EventBuilder::new(Kind::TEXT_NOTE, "x").build(Keys::generate().public_key());
    let Answer::Error(code, _) = call(client, sign_event(4, &other, true)).await else {
        panic!("signed another author's event");
    };
    assert_eq!(code, fb::CryptoErrorCode::InvalidInput);

    // NIP-44 and NIP-04 both ways with a peer holding its own key.
    let peer = Keys::generate();
    for (id, scheme) in [
        (10, fb::EncryptionScheme::Nip44),
        (20, fb::EncryptionScheme::Nip04),
    ] {
        let text = "a secret message ✓";
        let Answer::Text(payload) =
            call(client, encrypt(id, scheme, peer.public_key(), text)).await
        else {
            panic!("no payload");
        };
        assert_ne!(payload, text);
        let opened = match scheme {
            fb::EncryptionScheme::Nip44 => {
                let key = nip44::ConversationKey::from_keys(&peer, &me).unwrap();
                nip44::decrypt(&key, &payload).unwrap()
            }
            _ => nip04::decrypt(&peer, &me, &payload).unwrap(),
        };
        assert_eq!(opened, text);
        // The peer's answer, decrypted by the worker.
        let reply = match scheme {
            fb::EncryptionScheme::Nip44 => {
                let key = nip44::ConversationKey::from_keys(&peer, &me).unwrap();
                nip44::encrypt(&key, "reply").unwrap()
            }
            _ => nip04::encrypt(&peer, &me, "reply").unwrap(),
        };
        assert_eq!(
            call(client, decrypt(id + 1, scheme, peer.public_key(), &reply)).await,
            Answer::Text("reply".into())
        );
        // A tampered payload is a decryption failure, whose message does not echo the payload.
        let mut bad = reply.clone();
        let mid = bad.len() / 2;
        let flipped = if &bad[mid..mid + 1] == "A" { "B" } else { "A" };
        bad.replace_range(mid..mid + 1, flipped);
        let Answer::Error(code, message) =
            call(client, decrypt(id + 2, scheme, peer.public_key(), &bad)).await
        else {
            panic!("tampered payload decrypted");
        };
        assert!(
            matches!(
                code,
                fb::CryptoErrorCode::DecryptionFailed | fb::CryptoErrorCode::InvalidInput
            ),
            "{code:?}"
        );
        assert!(
            !message.contains(&bad) && !message.contains("reply"),
            "{message}"
        );
    }

    // NIP-42 AUTH.
    let Answer::Signed(auth) = call(
        &mut ch.connections.crypto,
        sign_auth(30, "wss://relay.example/", "challenge-123"),
    )
    .await
    else {
        panic!("no auth event");
    };
    auth.verify().unwrap();
    assert_eq!(auth.kind, Kind::AUTH);
    assert_eq!(auth.pubkey, me);
    assert_eq!(auth.first_tag_value("relay"), Some("wss://relay.example/"));
    assert_eq!(auth.first_tag_value("challenge"), Some("challenge-123"));
    assert!(Timestamp::now().0.abs_diff(auth.created_at.0) < 60);
}

#[tokio::test]
async fn no_signer_then_cleared_signer() {
    let (mut ch, handle) = start(IpcConfig::default(), config(ExecutionMode::Inline));
    let client = &mut ch.parser.crypto;
    let unsigned = EventBuilder::new(Kind::TEXT_NOTE, "x").build(Keys::generate().public_key());
    let requests = [
        get_public_key(1),
        sign_event(2, &unsigned, false),
        encrypt(3, fb::EncryptionScheme::Nip44, unsigned.pubkey, "x"),
        decrypt(4, fb::EncryptionScheme::Nip04, unsigned.pubkey, "x?iv=y"),
    ];
    for request in requests {
        let Answer::Error(code, _) = call(client, request).await else {
            panic!("answered without a signer");
        };
        assert_eq!(code, fb::CryptoErrorCode::NoSigner);
    }
    let Answer::Error(code, _) =
        call(&mut ch.connections.crypto, sign_auth(5, "wss://r", "c")).await
    else {
        panic!("auth without a signer");
    };
    assert_eq!(code, fb::CryptoErrorCode::NoSigner);

    handle
        .signer()
        .set_signer(Arc::new(PrivateKeySigner::generate()));
    assert!(matches!(
        call(client, get_public_key(6)).await,
        Answer::PublicKey(_)
    ));
    handle.signer().clear_signer();
    assert!(matches!(
        call(client, get_public_key(7)).await,
        Answer::Error(fb::CryptoErrorCode::NoSigner, _)
    ));
}

/// A signer that waits for a release before every call (fault injection: a slow remote signer).
#[derive(Debug)]
struct SlowSigner {
    inner: PrivateKeySigner,
    started: Notify,
    release: Notify,
}

#[async_trait]
impl Signer for SlowSigner {
    async fn public_key(&self) -> Result<PublicKey, SignerError> {
        self.inner.public_key().await
    }
    async fn sign_event(
        &self,
        unsigned: nipworker_core::protocol::UnsignedEvent,
    ) -> Result<Event, SignerError> {
        self.started.notify_one();
        self.release.notified().await;
        self.inner.sign_event(unsigned).await
    }
    async fn nip04_encrypt(&self, p: &PublicKey, t: &str) -> Result<String, SignerError> {
        self.inner.nip04_encrypt(p, t).await
    }
    async fn nip04_decrypt(&self, p: &PublicKey, t: &str) -> Result<String, SignerError> {
        self.inner.nip04_decrypt(p, t).await
    }
    async fn nip44_encrypt(&self, p: &PublicKey, t: &str) -> Result<String, SignerError> {
        self.inner.nip44_encrypt(p, t).await
    }
    async fn nip44_decrypt(&self, p: &PublicKey, t: &str) -> Result<String, SignerError> {
        self.inner.nip44_decrypt(p, t).await
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn switching_signer_fails_the_request_in_flight() {
    let (mut ch, handle) = start(IpcConfig::default(), config(ExecutionMode::default()));
    let slow = Arc::new(SlowSigner {
        inner: PrivateKeySigner::generate(),
        started: Notify::new(),
        release: Notify::new(),
    });
    handle.signer().set_signer(slow.clone());
    let unsigned =
        EventBuilder::new(Kind::TEXT_NOTE, "in flight").build(slow.inner.public_key_now());
    let client = &mut ch.parser.crypto;
    client
        .tx
        .send(sign_event(1, &unsigned, false))
        .await
        .unwrap();
    tokio::time::timeout(Duration::from_secs(10), slow.started.notified())
        .await
        .unwrap();

    // While the old signer holds the request, other requests keep flowing.
    let events = corpus_events();
    assert_eq!(
        call(client, verify_events(2, &events[..40], true)).await,
        Answer::Verify(vec![fb::VerifyStatus::Valid; 40])
    );

    let next_signer = PrivateKeySigner::generate();
    let next_key = next_signer.public_key_now();
    handle.signer().set_signer(Arc::new(next_signer));
    let (id, answer) = next(client).await;
    assert_eq!(id, 1);
    let Answer::Error(code, _) = answer else {
        panic!("old signer's request succeeded: {answer:?}");
    };
    assert_eq!(code, fb::CryptoErrorCode::SignerChanged);
    // Releasing the old signer afterwards changes nothing; the new one serves.
    slow.release.notify_one();
    assert_eq!(
        call(client, get_public_key(3)).await,
        Answer::PublicKey(next_key)
    );
}

#[tokio::test]
async fn a_signer_that_never_answers_times_out() {
    let cfg = CryptoWorkerConfig {
        signer_timeout: Duration::from_millis(200),
        ..config(ExecutionMode::Inline)
    };
    let (mut ch, handle) = start(IpcConfig::default(), cfg);
    let slow = Arc::new(SlowSigner {
        inner: PrivateKeySigner::generate(),
        started: Notify::new(),
        release: Notify::new(),
    });
    handle.signer().set_signer(slow.clone());
    let unsigned = EventBuilder::new(Kind::TEXT_NOTE, "x").build(slow.inner.public_key_now());
    let answer = call(&mut ch.parser.crypto, sign_event(1, &unsigned, true)).await;
    assert!(
        matches!(answer, Answer::Error(fb::CryptoErrorCode::Timeout, _)),
        "{answer:?}"
    );
}

/// Tampers with a copy of `e` in one of several ways.
fn tampered(events: &[Event]) -> (Vec<Event>, Vec<fb::VerifyStatus>, Vec<fb::VerifyStatus>) {
    use fb::VerifyStatus as S;
    let mut out = Vec::new();
    let mut with_ids = Vec::new();
    let mut sig_only = Vec::new();
    for (i, e) in events.iter().enumerate() {
        let mut e = e.clone();
        match i % 5 {
            0 => {
                with_ids.push(S::Valid);
                sig_only.push(S::Valid);
            }
            1 => {
                // Content changed: the id no longer matches; the signature still signs the id.
                e.content.push('!');
                with_ids.push(S::IdMismatch);
                sig_only.push(S::Valid);
            }
            2 => {
                e.sig.0[10] ^= 1;
                with_ids.push(S::InvalidSignature);
                sig_only.push(S::InvalidSignature);
            }
            3 => {
                // A new id consistent with the content, signed by nobody.
                e.content.push('?');
                e.id = e.compute_id();
                with_ids.push(S::InvalidSignature);
                sig_only.push(S::InvalidSignature);
            }
            _ => {
                // x = 0 is no curve point.
                e.pubkey = PublicKey([0; 32]);
                e.id = e.compute_id();
                with_ids.push(S::InvalidPublicKey);
                sig_only.push(S::InvalidPublicKey);
            }
        }
        out.push(e);
    }
    (out, with_ids, sig_only)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_batches_are_reported_per_event_in_every_mode() {
    let events = corpus_events();
    let (bad, with_ids, sig_only) = tampered(&events[..200]);
    for mode in [
        ExecutionMode::Inline,
        ExecutionMode::SpawnBlocking,
        ExecutionMode::Pool { threads: 3 },
    ] {
        let (mut ch, _handle) = start(IpcConfig::default(), config(mode));
        let client = &mut ch.parser.crypto;
        assert_eq!(
            call(client, verify_events(1, &events, true)).await,
            Answer::Verify(vec![fb::VerifyStatus::Valid; events.len()]),
            "{mode:?}"
        );
        assert_eq!(
            call(client, verify_events(2, &bad, true)).await,
            Answer::Verify(with_ids.clone()),
            "{mode:?}"
        );
        assert_eq!(
            call(client, verify_events(3, &bad, false)).await,
            Answer::Verify(sig_only.clone()),
            "{mode:?}"
        );
        assert_eq!(
            call(client, verify_signatures(4, &bad)).await,
            Answer::Verify(sig_only.clone()),
            "{mode:?}"
        );
        assert_eq!(
            call(client, verify_events(5, &[], true)).await,
            Answer::Verify(vec![])
        );
    }
    // Over the batch limit: refused as a whole.
    let cfg = CryptoWorkerConfig {
        max_batch: 10,
        ..config(ExecutionMode::Inline)
    };
    let (mut ch, _handle) = start(IpcConfig::default(), cfg);
    assert!(matches!(
        call(&mut ch.parser.crypto, verify_events(1, &events[..11], true)).await,
        Answer::Error(fb::CryptoErrorCode::InvalidInput, _)
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_peers_are_served_while_tiny_channels_are_full() {
    // Capacity 1 both ways: the worker must wait for reply room without stalling the other peer.
    let ipc = IpcConfig {
        crypto: 1,
        crypto_connections: 1,
        ..IpcConfig::default()
    };
    let (ch, handle) = start(ipc, config(ExecutionMode::Pool { threads: 2 }));
    handle
        .signer()
        .set_signer(Arc::new(PrivateKeySigner::generate()));
    let events = Arc::new(corpus_events());
    let IpcChannels {
        parser,
        connections,
        ..
    } = ch;
    let mut parser_client = parser.crypto;
    let mut conn_client = connections.crypto;

    // The parser floods without reading for a while; the connections worker still gets answers.
    let flood = {
        let events = events.clone();
        tokio::spawn(async move {
            let sender = parser_client.tx.clone();
            let producer = tokio::spawn(async move {
                for id in 0..50u64 {
                    let chunk = &events[(id as usize * 7) % 400..][..50];
                    sender.send(verify_events(id, chunk, true)).await.unwrap();
                }
            });
            // Read nothing for a moment: replies pile up against capacity 1.
            tokio::time::sleep(Duration::from_millis(300)).await;
            let mut seen = Vec::new();
            for _ in 0..50 {
                let (id, answer) = next(&mut parser_client).await;
                assert_eq!(answer, Answer::Verify(vec![fb::VerifyStatus::Valid; 50]));
                seen.push(id);
            }
            producer.await.unwrap();
            seen.sort_unstable();
            assert_eq!(seen, (0..50).collect::<Vec<_>>());
        })
    };
    for id in 0..20u64 {
        let answer = call(
            &mut conn_client,
            sign_auth(1000 + id, "wss://r.example", "c"),
        )
        .await;
        assert!(matches!(answer, Answer::Signed(_)), "{answer:?}");
    }
    tokio::time::timeout(Duration::from_secs(60), flood)
        .await
        .unwrap()
        .unwrap();
}

#[tokio::test]
async fn worker_stops_when_its_peers_hang_up() {
    let mut channels = IpcChannels::new(&IpcConfig::default()).unwrap();
    let spare = IpcChannels::new(&IpcConfig::default()).unwrap();
    let endpoints = std::mem::replace(&mut channels.crypto, spare.crypto);
    let (worker, _handle) = CryptoWorker::new(endpoints, config(ExecutionMode::Inline)).unwrap();
    let task = tokio::spawn(worker.run());
    let mut client = channels.parser.crypto;
    assert!(matches!(
        call(&mut client, verify_events(1, &corpus_events()[..3], true)).await,
        Answer::Verify(_)
    ));
    drop(client);
    drop(channels.connections);
    tokio::time::timeout(Duration::from_secs(10), task)
        .await
        .expect("worker ended")
        .unwrap();
}

// ---- Cashu ----

/// A minimal NUT-01 mint on 127.0.0.1: `/v1/keys` serves `keys`, `/down/...` fails.
async fn start_mint(keys: String) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut sock, _)) = listener.accept().await {
            let keys = keys.clone();
            tokio::spawn(async move {
                let mut buf = Vec::new();
                let mut chunk = [0u8; 1024];
                while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 16 * 1024 {
                    match sock.read(&mut chunk).await {
                        Ok(0) | Err(_) => return,
                        Ok(n) => buf.extend_from_slice(&chunk[..n]),
                    }
                }
                let head = String::from_utf8_lossy(&buf);
                let path = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
                let (status, body) = if path == "/v1/keys" {
                    ("200 OK", keys)
                } else if path.starts_with("/v1/keys/") {
                    (
                        "404 Not Found",
                        "{\"detail\":\"unknown keyset\"}".to_owned(),
                    )
                } else {
                    ("500 Internal Server Error", "{}".to_owned())
                };
                let response = format!(
                    "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = sock.write_all(response.as_bytes()).await;
                let _ = sock.shutdown().await;
            });
        }
    });
    format!("http://{addr}")
}

fn wire_proof(p: &Proof) -> fb::CashuProof {
    let c = p.c.to_bytes();
    fb::CashuProof {
        amount: p.amount,
        keyset_id: p.id.to_string(),
        secret: p.secret.clone(),
        c: fb::CompressedPoint {
            prefix: c[0],
            x: bytes32(&c[1..]),
        },
        dleq: p.dleq.map(|d| {
            Box::new(fb::Dleq {
                e: bytes32(&d.e.0),
                s: bytes32(&d.s.0),
                r: bytes32(&d.r.unwrap().0),
            })
        }),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cashu_proofs_against_a_local_mint() {
    // The NUT-12 proof vector; its mint key A under a derived v1 keyset id (the DLEQ does not
    // cover the id, so re-labelling keeps the proof valid).
    let all = sections(&testdata("vectors/cashu/nut12-tests.md"));
    let s = section(&all, "DLEQ verification on `Proof`");
    let mut proof: Proof = serde_json::from_str(&s.json[0]).unwrap();
    let a = Point::from_hex(s.one("A")).unwrap();
    let mut keyset = Keyset {
        id: proof.id.clone(),
        unit: "sat".into(),
        active: Some(true),
        input_fee_ppk: None,
        final_expiry: None,
        keys: BTreeMap::from([(1, a), (8, a)]),
    };
    keyset.id = keyset.derive_id_v1();
    proof.id = keyset.id.clone();
    let mint = start_mint(json!({ "keysets": [keyset] }).to_string()).await;

    let source: Arc<dyn MintKeySource> = Arc::new(HttpMintKeySource::new().unwrap());
    let cache = Arc::new(MintKeyCache::with_policy(
        source,
        BackoffPolicy {
            initial: Duration::from_millis(50),
            ..BackoffPolicy::default()
        },
    ));
    let (mut ch, _handle) = start_with(
        IpcConfig::default(),
        config(ExecutionMode::default()),
        |w| w.with_mint_keys(cache),
    );
    let client = &mut ch.parser.crypto;

    let mut wrong_secret = proof.clone();
    wrong_secret.secret.push('0');
    let mut wrong_e = proof.clone();
    wrong_e.dleq.as_mut().unwrap().e.0[31] ^= 1;
    let mut wrong_r = proof.clone();
    wrong_r.dleq.as_mut().unwrap().r.as_mut().unwrap().0[31] ^= 1;
    let mut other_amount = proof.clone();
    // This keyset holds the same key A for amount 8, and the DLEQ does not cover the amount.
    other_amount.amount = 8;
    let mut missing_amount = proof.clone();
    missing_amount.amount = 2;
    let mut no_dleq = proof.clone();
    no_dleq.dleq = None;
    let mut unknown_keyset = proof.clone();
    unknown_keyset.id = "00ffffffffffffff".parse().unwrap();

    let proofs = [
        &proof,
        &wrong_secret,
        &wrong_e,
        &wrong_r,
        &missing_amount,
        &no_dleq,
        &unknown_keyset,
        &other_amount,
    ];
    use fb::ProofStatus as P;
    let answer = call(
        client,
        verify_proofs(1, &mint, proofs.iter().map(|p| wire_proof(p)).collect()),
    )
    .await;
    assert_eq!(
        answer,
        Answer::Proofs(vec![
            P::Valid,
            P::Invalid,
            P::Invalid,
            P::Invalid,
            P::UnknownKey,
            P::Unverifiable,
            P::UnknownKey,
            // Amount 8 maps to the same key A here, and the DLEQ does not cover the amount.
            P::Valid,
        ])
    );

    // A mint that fails: proofs with a DLEQ are MintUnavailable, without one still Unverifiable.
    let answer = call(
        client,
        verify_proofs(
            2,
            &format!("{mint}/down"),
            vec![wire_proof(&proof), wire_proof(&no_dleq)],
        ),
    )
    .await;
    assert_eq!(
        answer,
        Answer::Proofs(vec![P::MintUnavailable, P::Unverifiable])
    );
    // Not a mint URL at all: the request is refused.
    assert!(matches!(
        call(
            client,
            verify_proofs(3, "ftp://mint", vec![wire_proof(&proof)])
        )
        .await,
        Answer::Error(fb::CryptoErrorCode::InvalidInput, _)
    ));
}

// ---- Secrets ----

#[tokio::test]
async fn secrets_never_reach_debug_display_or_errors() {
    let signer = PrivateKeySigner::parse(SECRET_HEX).unwrap();
    let from_nsec = PrivateKeySigner::parse(SECRET_NSEC).unwrap();
    let (mut ch, handle) = start(IpcConfig::default(), config(ExecutionMode::Inline));
    handle.signer().set_signer(Arc::new(signer.clone()));
    let mut printed = vec![
        format!("{signer:?}"),
        format!("{signer}"),
        format!("{from_nsec:?}"),
        format!("{handle:?}"),
        format!("{:?}", handle.signer().current()),
    ];
    // Bad secret inputs: the error never echoes them.
    let almost = format!("{}x", &SECRET_HEX[..63]);
    for bad in [almost.as_str(), &SECRET_NSEC[..60]] {
        let e = PrivateKeySigner::parse(bad).unwrap_err();
        printed.push(format!("{e} {e:?}"));
    }
    // Worker errors for malformed payloads.
    let peer = Keys::generate().public_key();
    for (id, scheme, text) in [
        (
            1,
            fb::EncryptionScheme::Nip04,
            format!("{SECRET_HEX}?iv=short"),
        ),
        (2, fb::EncryptionScheme::Nip44, SECRET_HEX.to_owned()),
    ] {
        let Answer::Error(_, message) =
            call(&mut ch.parser.crypto, decrypt(id, scheme, peer, &text)).await
        else {
            panic!("decrypted garbage");
        };
        printed.push(message);
    }
    let npub_hex = signer.public_key_now().to_string();
    for text in &printed {
        assert!(!text.contains(SECRET_HEX), "{text}");
        assert!(!text.contains(&SECRET_NSEC[5..20]), "{text}");
        assert!(!text.contains(&SECRET_HEX[..16]), "{text}");
    }
    // The public key is fine to show; make sure the checks above looked at real output.
    assert!(printed[0].contains(&npub_hex), "{}", printed[0]);
}
