//! STAND-INS for the crypto and cache workers (being written elsewhere), used by the parser tests
//! and benches. They do the real work behind the real ipc channels: signatures are checked with
//! `Event::verify`, NIP-04/NIP-44 payloads are decrypted with the real ciphers, Cashu proofs with
//! the real NUT-12 DLEQ check, and events are stored in a real `EventStore` (SQLite in a tempdir or
//! the memory store). Relay frames are built from real signed events.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use futures::StreamExt;
use nipworker_core::crypto::cashu::{DleqVerdict, Point, verify_proof};
use nipworker_core::crypto::{nip04, nip44};
use nipworker_core::ipc::{CacheService, ChannelMessage, ConnectionsService, CryptoService};
use nipworker_core::protocol::flatbuffers::{fb, read_event, read_filters, write_event};
use nipworker_core::protocol::{Event, Keys, PublicKey, VerifyError};
use nipworker_core::storage::{EventStore, SaveStatus};

/// NUT-12 test vector mint key `A` for the proof vector below.
pub const NUT12_MINT_KEY: &str =
    "0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
/// NUT-12 test vector: a proof with a valid DLEQ (NIP-60/61 JSON shape).
pub const NUT12_PROOF: &str = r#"{"amount":1,"id":"00882760bfa2eb41","secret":"daf4dd00a2b68a0858a80450f52c8a7d2ccf87d375e43e216e0c571f089f63e9","C":"024369d2d22a80ecf78f3937da9d5f30c1b9f74f0c32684d583cca0fa6a61cdcfc","dleq":{"e":"b31e58ac6527f34975ffab13e70a48b6d2b0d35abc4b03f0151f09ee1a9763d4","s":"8fbae004c59e754d71df67e392b6ae4e29293113ddc2ec86592a0431d16306d8","r":"a6d13fcd7a18442e6076f5e1e7c887ad5de40a019824bdfa9fe740d302e8d861"}}"#;

/// What the crypto stand-in has done.
#[derive(Debug, Default)]
pub struct CryptoCounters {
    pub verify_requests: AtomicU64,
    pub events_verified: AtomicU64,
    pub decrypts: AtomicU64,
    pub proof_requests: AtomicU64,
}

/// STAND-IN crypto worker: serves `service` until the parser drops its end.
pub fn spawn_crypto_standin(
    mut service: CryptoService,
    signer: Option<Keys>,
    counters: Arc<CryptoCounters>,
) {
    tokio::spawn(async move {
        let mint_key = Point::from_hex(NUT12_MINT_KEY).unwrap();
        while let Some(req) = service.rx.recv().await {
            let root = req.root().unwrap();
            let id = root.request_id().unwrap();
            let body = match root.body().unwrap() {
                fb::CryptoRequestBodyRef::VerifyEvents(v) => {
                    counters.verify_requests.fetch_add(1, Ordering::Relaxed);
                    let mut results = Vec::new();
                    for e in v.events().unwrap().into_iter().flatten() {
                        let event = read_event(e.unwrap()).unwrap();
                        results.push(match event.verify() {
                            Ok(()) => fb::VerifyStatus::Valid,
                            Err(VerifyError::IdMismatch) => fb::VerifyStatus::IdMismatch,
                            Err(VerifyError::InvalidPublicKey) => {
                                fb::VerifyStatus::InvalidPublicKey
                            }
                            Err(VerifyError::InvalidSignature) => {
                                fb::VerifyStatus::InvalidSignature
                            }
                        });
                    }
                    counters
                        .events_verified
                        .fetch_add(results.len() as u64, Ordering::Relaxed);
                    fb::CryptoResponseBody::VerifyResult(Box::new(fb::VerifyResult {
                        results: Some(results),
                    }))
                }
                fb::CryptoRequestBodyRef::GetPublicKey(_) => match &signer {
                    Some(k) => {
                        fb::CryptoResponseBody::PublicKeyResult(Box::new(fb::PublicKeyResult {
                            pubkey: k.public_key().into(),
                        }))
                    }
                    None => error(fb::CryptoErrorCode::NoSigner),
                },
                fb::CryptoRequestBodyRef::Decrypt(d) => {
                    counters.decrypts.fetch_add(1, Ordering::Relaxed);
                    let peer = PublicKey::from(d.peer().unwrap());
                    let text = d.text().unwrap();
                    let plain = signer
                        .as_ref()
                        .ok_or(())
                        .and_then(|k| match d.scheme().unwrap() {
                            fb::EncryptionScheme::Nip04 => {
                                nip04::decrypt(k, &peer, text).map_err(|_| ())
                            }
                            fb::EncryptionScheme::Nip44 => {
                                nip44::ConversationKey::from_keys(k, &peer)
                                    .map_err(|_| ())
                                    .and_then(|ck| nip44::decrypt(&ck, text).map_err(|_| ()))
                            }
                        });
                    match plain {
                        Ok(text) => {
                            fb::CryptoResponseBody::TextResult(Box::new(fb::TextResult { text }))
                        }
                        Err(()) => error(fb::CryptoErrorCode::DecryptionFailed),
                    }
                }
                fb::CryptoRequestBodyRef::VerifyProofs(v) => {
                    counters.proof_requests.fetch_add(1, Ordering::Relaxed);
                    let mut results = Vec::new();
                    for p in v.proofs().unwrap().into_iter().flatten() {
                        let p = fb::CashuProof::try_from(p.unwrap()).unwrap();
                        results.push(check_proof(&p, &mint_key));
                    }
                    fb::CryptoResponseBody::ProofResults(Box::new(fb::ProofResults {
                        results: Some(results),
                    }))
                }
                _ => error(fb::CryptoErrorCode::Unsupported),
            };
            let resp = ChannelMessage::from_table(&fb::CryptoResponse {
                request_id: id,
                body,
            });
            if service.tx.send(resp).await.is_err() {
                break;
            }
        }
    });
}

fn error(code: fb::CryptoErrorCode) -> fb::CryptoResponseBody {
    fb::CryptoResponseBody::CryptoError(Box::new(fb::CryptoError {
        code,
        message: None,
    }))
}

fn check_proof(p: &fb::CashuProof, mint_key: &Point) -> fb::ProofStatus {
    let words = |b: &fb::Bytes32| {
        let id: nipworker_core::protocol::EventId = (*b).into();
        id.to_hex()
    };
    let mut c = vec![p.c.prefix];
    c.extend_from_slice(&hex::decode(words(&p.c.x)).unwrap());
    let mut json = serde_json::json!({
        "amount": p.amount, "id": p.keyset_id, "secret": p.secret, "C": hex::encode(c),
    });
    if let Some(d) = &p.dleq {
        json["dleq"] = serde_json::json!({"e": words(&d.e), "s": words(&d.s), "r": words(&d.r)});
    }
    let proof: nipworker_core::crypto::cashu::Proof = serde_json::from_value(json).unwrap();
    match verify_proof(&proof, mint_key) {
        DleqVerdict::Valid => fb::ProofStatus::Valid,
        DleqVerdict::Unverifiable(_) => fb::ProofStatus::Unverifiable,
        DleqVerdict::Invalid(_) => fb::ProofStatus::Invalid,
    }
}

/// STAND-IN cache worker over a real store: SaveEvents, and Query answered in chunks.
pub fn spawn_cache_standin(mut service: CacheService, store: Arc<dyn EventStore>) {
    tokio::spawn(async move {
        while let Some(req) = service.rx.recv().await {
            let root = req.root().unwrap();
            let id = root.request_id().unwrap();
            let mut answers: Vec<fb::CacheResponseBody> = Vec::new();
            match root.body().unwrap() {
                fb::CacheRequestBodyRef::SaveEvents(s) => {
                    let events: Vec<Event> = s
                        .events()
                        .unwrap()
                        .into_iter()
                        .flatten()
                        .map(|e| read_event(e.unwrap()).unwrap())
                        .collect();
                    let outcomes = store.save_batch(&events).await.unwrap();
                    answers.push(fb::CacheResponseBody::SaveResult(Box::new(
                        fb::SaveResult {
                            outcomes: Some(
                                outcomes
                                    .iter()
                                    .map(|o| fb::SaveOutcome {
                                        status: match o {
                                            SaveStatus::Saved => fb::SaveStatus::Saved,
                                            SaveStatus::Duplicate => fb::SaveStatus::Duplicate,
                                            SaveStatus::Replaced { .. } => fb::SaveStatus::Replaced,
                                            SaveStatus::Deleted { .. } => fb::SaveStatus::Deleted,
                                            _ => fb::SaveStatus::Rejected,
                                        },
                                        reason: None,
                                    })
                                    .collect(),
                            ),
                        },
                    )));
                }
                fb::CacheRequestBodyRef::Query(q) => {
                    let filters = read_filters(q.filters().unwrap()).unwrap();
                    let chunk = (q.chunk_size().unwrap() as usize).max(1);
                    let mut stream = store.query(&filters).await.unwrap();
                    let mut batch = Vec::new();
                    let mut total = 0u64;
                    while let Some(e) = stream.next().await {
                        batch.push(e.unwrap());
                        if batch.len() == chunk {
                            total += batch.len() as u64;
                            answers.push(chunk_body(std::mem::take(&mut batch)));
                        }
                    }
                    if !batch.is_empty() {
                        total += batch.len() as u64;
                        answers.push(chunk_body(batch));
                    }
                    answers.push(fb::CacheResponseBody::QueryDone(Box::new(fb::QueryDone {
                        total,
                    })));
                }
                _ => answers.push(fb::CacheResponseBody::CacheError(Box::new(
                    fb::CacheError {
                        code: fb::CacheErrorCode::InvalidInput,
                        message: None,
                    },
                ))),
            }
            for body in answers {
                let resp = ChannelMessage::from_table(&fb::CacheResponse {
                    request_id: id,
                    body,
                });
                if service.tx.send(resp).await.is_err() {
                    return;
                }
            }
        }
    });
}

fn chunk_body(events: Vec<Event>) -> fb::CacheResponseBody {
    let msg = ChannelMessage::<fb::CacheResponse>::build(|b| {
        let evs: Vec<_> = events.iter().map(|e| write_event(b, e)).collect();
        let evs = b.create_vector(evs.as_slice());
        let c = fb::QueryChunk::create(b, evs);
        let body = fb::CacheResponseBody::create_query_chunk(b, c);
        fb::CacheResponse::create(b, 0u64, body)
    });
    msg.to_table().unwrap().body
}

/// A relay frame as the connections worker sends it: `event` on `subscription` from `relay`.
pub fn event_frame(
    subscription: &str,
    relay: &str,
    event: &Event,
) -> ChannelMessage<fb::ConnectionsMessage> {
    ChannelMessage::build(|b| {
        let ev = write_event(b, event);
        let body = fb::EventReceived::create(b, subscription, relay, ev);
        let body = fb::ConnectionsMessageBody::create_event_received(b, body);
        fb::ConnectionsMessage::create(b, 0u64, body)
    })
}

/// An EOSE frame.
pub fn eose_frame(
    subscription: &str,
    relay: &str,
    pending: u32,
) -> ChannelMessage<fb::ConnectionsMessage> {
    ChannelMessage::from_table(&fb::ConnectionsMessage {
        request_id: 0,
        body: fb::ConnectionsMessageBody::Eose(Box::new(fb::Eose {
            subscription_id: subscription.into(),
            relay_url: relay.into(),
            pending_relays: pending,
            timed_out: false,
        })),
    })
}

/// Waits (bounded) for the next request the parser sends to the connections worker.
pub async fn next_request(service: &mut ConnectionsService) -> fb::ConnectionsRequest {
    let req = tokio::time::timeout(std::time::Duration::from_secs(10), service.rx.recv())
        .await
        .expect("no request from the parser within 10 s")
        .expect("parser gone");
    req.to_table().unwrap()
}

/// The subscription id of a Subscribe request.
pub fn subscribe_id(req: &fb::ConnectionsRequest) -> String {
    match &req.body {
        fb::ConnectionsRequestBody::Subscribe(s) => s.subscription_id.clone(),
        other => panic!("expected Subscribe, got {other:?}"),
    }
}
