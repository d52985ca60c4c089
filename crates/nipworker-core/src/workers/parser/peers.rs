//! The pipes' services over the parser's ipc endpoints: [`CryptoPeer`] verifies events, checks
//! Cashu proofs and decrypts through the crypto worker; [`CachePeer`] saves and queries through
//! the cache worker. Requests are built before the returned futures, which own everything they
//! need (they may run on a background task).

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;

use super::requester::Requester;
use crate::crypto::cashu::Proof;
use crate::ipc::{CacheClient, ChannelMessage, CryptoClient};
use crate::parser::kinds::{CashuProof, DecryptError, DecryptFuture, Decryptor};
use crate::pipeline::{EventSink, PeerFuture, PipeError, ProofChecker, SaveSummary, Verifier};
use crate::protocol::flatbuffers::{
    fb, read_event, write_event, write_filters, write_unsigned_event,
};
use crate::protocol::{Event, EventId, Filter, PublicKey, UnsignedEvent};

type CryptoRequester = Requester<fb::CryptoRequest, fb::CryptoResponse>;
type CacheRequester = Requester<fb::CacheRequest, fb::CacheResponse>;

fn crypto_error(answer: &ChannelMessage<fb::CryptoResponse>) -> PipeError {
    match answer.root().and_then(|r| Ok(r.body()?)) {
        Ok(fb::CryptoResponseBodyRef::CryptoError(e)) => PipeError::Crypto {
            code: e.code().unwrap_or(fb::CryptoErrorCode::Internal),
            message: e.message().ok().flatten().unwrap_or_default().to_owned(),
        },
        Ok(_) => PipeError::UnexpectedAnswer("crypto"),
        Err(e) => PipeError::Frame(e),
    }
}

fn bytes32(b: [u8; 32]) -> fb::Bytes32 {
    fb::Bytes32::from(EventId(b))
}

/// Writes a proof for `VerifyProofs` (the typed form guarantees a valid point and scalars).
fn write_proof(b: &mut planus::Builder, p: &Proof) -> planus::Offset<fb::CashuProof> {
    let c = p.c.to_bytes();
    let mut x = [0u8; 32];
    x.copy_from_slice(&c[1..]);
    let point = fb::CompressedPoint {
        prefix: c[0],
        x: bytes32(x),
    };
    // Without the blinding factor `r` the DLEQ cannot be checked offline: send it as absent.
    let dleq = p.dleq.as_ref().and_then(|d| {
        d.r.map(|r| fb::Dleq {
            e: bytes32(d.e.0),
            s: bytes32(d.s.0),
            r: bytes32(r.0),
        })
    });
    let dleq = dleq.map(|d| fb::Dleq::create(b, d.e, d.s, d.r));
    fb::CashuProof::create(b, p.amount, p.id.as_str(), p.secret.as_str(), point, dleq)
}

/// The crypto worker, as the verify, proof and parse pipes see it.
#[derive(Debug, Clone)]
pub struct CryptoPeer {
    requests: CryptoRequester,
}

impl CryptoPeer {
    pub(crate) fn spawn(endpoint: CryptoClient, timeout: Duration) -> Self {
        Self {
            requests: Requester::spawn(endpoint, "crypto", timeout, |a| {
                !matches!(
                    a.root().and_then(|r| Ok(r.body()?)),
                    Ok(fb::CryptoResponseBodyRef::SignerAuthUrl(_))
                )
            }),
        }
    }

    /// The active signer's public key (`None`: no signer, so nothing can be decrypted).
    pub async fn signer_public_key(&self) -> Result<Option<PublicKey>, PipeError> {
        let id = self.requests.next_id();
        let msg = ChannelMessage::build(|b| {
            let body = fb::GetPublicKey::create(b);
            let body = fb::CryptoRequestBody::create_get_public_key(b, body);
            fb::CryptoRequest::create(b, id, body)
        });
        let answer = self.requests.call(id, msg).await?;
        match answer.root()?.body()? {
            fb::CryptoResponseBodyRef::PublicKeyResult(r) => Ok(Some(PublicKey::from(r.pubkey()?))),
            fb::CryptoResponseBodyRef::CryptoError(e)
                if matches!(e.code(), Ok(fb::CryptoErrorCode::NoSigner)) =>
            {
                Ok(None)
            }
            _ => Err(crypto_error(&answer)),
        }
    }

    /// Signs `unsigned` with the active signer (a `SignEvent` request); the answer's id and
    /// signature are checked here, so a broken signer cannot hand out an unverifiable event.
    pub async fn sign_event(&self, unsigned: &UnsignedEvent) -> Result<Event, PipeError> {
        let id = self.requests.next_id();
        let msg = ChannelMessage::build(|b| {
            let ev = write_unsigned_event(b, unsigned);
            let body = fb::SignEvent::create(b, ev);
            let body = fb::CryptoRequestBody::create_sign_event(b, body);
            fb::CryptoRequest::create(b, id, body)
        });
        let answer = self.requests.call(id, msg).await?;
        match answer.root()?.body()? {
            fb::CryptoResponseBodyRef::SignedEvent(s) => {
                let event = read_event(s.event()?)?;
                match event.verify() {
                    Ok(()) if event.id == unsigned.id() => Ok(event),
                    _ => Err(PipeError::UnexpectedAnswer("crypto")),
                }
            }
            _ => Err(crypto_error(&answer)),
        }
    }

    /// A decryptor for the signer `me` (from [`CryptoPeer::signer_public_key`]).
    pub fn decryptor(&self, me: PublicKey) -> Arc<dyn Decryptor> {
        Arc::new(CryptoDecryptor {
            peer: self.clone(),
            me,
        })
    }

    fn decrypt(
        &self,
        scheme: fb::EncryptionScheme,
        peer: &PublicKey,
        text: &str,
    ) -> DecryptFuture<'static> {
        let id = self.requests.next_id();
        let msg = ChannelMessage::build(|b| {
            let body = fb::Decrypt::create(b, scheme, fb::Bytes32::from(*peer), text);
            let body = fb::CryptoRequestBody::create_decrypt(b, body);
            fb::CryptoRequest::create(b, id, body)
        });
        let requests = self.requests.clone();
        Box::pin(async move {
            let answer = requests
                .call(id, msg)
                .await
                .map_err(|_| DecryptError::Unavailable)?;
            let root = answer.root().map_err(|_| DecryptError::Unavailable)?;
            match root.body() {
                Ok(fb::CryptoResponseBodyRef::TextResult(t)) => t
                    .text()
                    .map(str::to_owned)
                    .map_err(|_| DecryptError::Unavailable),
                Ok(fb::CryptoResponseBodyRef::CryptoError(e)) => Err(match e.code() {
                    Ok(fb::CryptoErrorCode::SignerRejected) => DecryptError::Rejected,
                    Ok(fb::CryptoErrorCode::Unsupported) => DecryptError::Unsupported,
                    Ok(fb::CryptoErrorCode::InvalidInput) => DecryptError::InvalidPayload,
                    Ok(fb::CryptoErrorCode::DecryptionFailed) => DecryptError::Failed,
                    _ => DecryptError::Unavailable,
                }),
                _ => Err(DecryptError::Unavailable),
            }
        })
    }
}

impl Verifier for CryptoPeer {
    fn verify(&self, events: &[&Event]) -> PeerFuture<Vec<fb::VerifyStatus>> {
        let id = self.requests.next_id();
        let msg = ChannelMessage::build(|b| {
            let evs: Vec<_> = events.iter().map(|e| write_event(b, e)).collect();
            let evs = b.create_vector(evs.as_slice());
            let body = fb::VerifyEvents::create(b, evs, true);
            let body = fb::CryptoRequestBody::create_verify_events(b, body);
            fb::CryptoRequest::create(b, id, body)
        });
        let requests = self.requests.clone();
        Box::pin(async move {
            let answer = requests.call(id, msg).await?;
            let root = answer.root()?;
            match root.body()? {
                fb::CryptoResponseBodyRef::VerifyResult(r) => {
                    let results = r.results()?;
                    let mut out = Vec::new();
                    if let Some(results) = results {
                        out.reserve(results.len());
                        for s in results {
                            // A status this build does not know is not a pass.
                            out.push(s.unwrap_or(fb::VerifyStatus::InvalidSignature));
                        }
                    }
                    Ok(out)
                }
                _ => Err(crypto_error(&answer)),
            }
        })
    }
}

impl ProofChecker for CryptoPeer {
    fn check(&self, mint: &str, proofs: &[&CashuProof]) -> PeerFuture<Vec<fb::ProofStatus>> {
        // Proofs whose fields are not even well-formed are invalid without asking anyone.
        let typed: Vec<Option<Proof>> = proofs.iter().map(|p| p.to_proof().ok()).collect();
        let sendable: Vec<&Proof> = typed.iter().flatten().collect();
        let id = self.requests.next_id();
        let msg = ChannelMessage::build(|b| {
            let ps: Vec<_> = sendable.iter().map(|p| write_proof(b, p)).collect();
            let ps = b.create_vector(ps.as_slice());
            let body = fb::VerifyProofs::create(b, mint, ps);
            let body = fb::CryptoRequestBody::create_verify_proofs(b, body);
            fb::CryptoRequest::create(b, id, body)
        });
        let shape: Vec<bool> = typed.iter().map(Option::is_some).collect();
        let requests = self.requests.clone();
        Box::pin(async move {
            let answers = if shape.iter().any(|s| *s) {
                let answer = requests.call(id, msg).await?;
                let root = answer.root()?;
                match root.body()? {
                    fb::CryptoResponseBodyRef::ProofResults(r) => {
                        let mut out = Vec::new();
                        if let Some(results) = r.results()? {
                            for s in results {
                                out.push(s.unwrap_or(fb::ProofStatus::Unverifiable));
                            }
                        }
                        out
                    }
                    _ => return Err(crypto_error(&answer)),
                }
            } else {
                Vec::new()
            };
            if answers.len() != shape.iter().filter(|s| **s).count() {
                return Err(PipeError::UnexpectedAnswer("crypto"));
            }
            let mut answers = answers.into_iter();
            Ok(shape
                .into_iter()
                .map(|ok| {
                    if ok {
                        answers.next().unwrap_or(fb::ProofStatus::Invalid)
                    } else {
                        fb::ProofStatus::Invalid
                    }
                })
                .collect())
        })
    }
}

/// Decrypts through the crypto worker for the signer `me`.
#[derive(Debug)]
struct CryptoDecryptor {
    peer: CryptoPeer,
    me: PublicKey,
}

impl Decryptor for CryptoDecryptor {
    fn public_key(&self) -> PublicKey {
        self.me
    }

    fn nip04_decrypt<'a>(&'a self, peer: &'a PublicKey, ciphertext: &'a str) -> DecryptFuture<'a> {
        self.peer
            .decrypt(fb::EncryptionScheme::Nip04, peer, ciphertext)
    }

    fn nip44_decrypt<'a>(&'a self, peer: &'a PublicKey, ciphertext: &'a str) -> DecryptFuture<'a> {
        self.peer
            .decrypt(fb::EncryptionScheme::Nip44, peer, ciphertext)
    }
}

/// The cache worker, as the save pipe and the cache-first read see it.
#[derive(Debug, Clone)]
pub struct CachePeer {
    requests: CacheRequester,
}

/// Stored events streamed in chunks (ends after the last chunk).
#[derive(Debug)]
pub struct CacheQuery {
    answers: mpsc::Receiver<ChannelMessage<fb::CacheResponse>>,
    timeout: Duration,
}

impl CacheQuery {
    /// The next chunk of events; `Ok(None)` when the query is done.
    pub async fn next_chunk(&mut self) -> Result<Option<Vec<Event>>, PipeError> {
        let answer = crate::runtime::timeout(self.timeout, self.answers.recv())
            .await
            .map_err(|_| PipeError::Timeout("cache"))?;
        let Some(answer) = answer else {
            return Ok(None);
        };
        let root = answer.root()?;
        match root.body()? {
            fb::CacheResponseBodyRef::QueryChunk(c) => {
                let mut out = Vec::new();
                if let Some(events) = c.events()? {
                    out.reserve(events.len());
                    for e in events {
                        out.push(read_event(e?)?);
                    }
                }
                Ok(Some(out))
            }
            fb::CacheResponseBodyRef::QueryDone(_) => Ok(None),
            fb::CacheResponseBodyRef::CacheError(e) => Err(PipeError::Cache {
                code: e.code().unwrap_or(fb::CacheErrorCode::Internal),
                message: e.message().ok().flatten().unwrap_or_default().to_owned(),
            }),
            _ => Err(PipeError::UnexpectedAnswer("cache")),
        }
    }
}

impl CachePeer {
    pub(crate) fn spawn(endpoint: CacheClient, timeout: Duration) -> Self {
        Self {
            requests: Requester::spawn(endpoint, "cache", timeout, |a| {
                !matches!(
                    a.root().and_then(|r| Ok(r.body()?)),
                    Ok(fb::CacheResponseBodyRef::QueryChunk(_))
                )
            }),
        }
    }

    /// How many stored events match any of `filters`.
    pub async fn count(&self, filters: &[Filter]) -> Result<u64, PipeError> {
        let id = self.requests.next_id();
        let msg = ChannelMessage::build(|b| {
            let fs = write_filters(b, filters);
            let body = fb::Count::create(b, fs);
            let body = fb::CacheRequestBody::create_count(b, body);
            fb::CacheRequest::create(b, id, body)
        });
        let answer = self.requests.call(id, msg).await?;
        match answer.root()?.body()? {
            fb::CacheResponseBodyRef::CountResult(c) => Ok(c.count()?),
            fb::CacheResponseBodyRef::CacheError(e) => Err(PipeError::Cache {
                code: e.code().unwrap_or(fb::CacheErrorCode::Internal),
                message: e.message().ok().flatten().unwrap_or_default().to_owned(),
            }),
            _ => Err(PipeError::UnexpectedAnswer("cache")),
        }
    }

    /// Starts streaming stored events matching any of `filters`.
    pub async fn query(
        &self,
        filters: &[Filter],
        chunk_size: u32,
    ) -> Result<CacheQuery, PipeError> {
        let id = self.requests.next_id();
        let msg = ChannelMessage::build(|b| {
            let fs = write_filters(b, filters);
            let body = fb::Query::create(b, fs, chunk_size);
            let body = fb::CacheRequestBody::create_query(b, body);
            fb::CacheRequest::create(b, id, body)
        });
        let answers = self.requests.start(id, msg).await?;
        Ok(CacheQuery {
            answers,
            timeout: self.requests.timeout(),
        })
    }
}

impl EventSink for CachePeer {
    fn save(&self, events: &[&Event]) -> PeerFuture<SaveSummary> {
        let id = self.requests.next_id();
        let msg = ChannelMessage::build(|b| {
            let evs: Vec<_> = events.iter().map(|e| write_event(b, e)).collect();
            let evs = b.create_vector(evs.as_slice());
            let body = fb::SaveEvents::create(b, evs);
            let body = fb::CacheRequestBody::create_save_events(b, body);
            fb::CacheRequest::create(b, id, body)
        });
        let requests = self.requests.clone();
        Box::pin(async move {
            let answer = requests.call(id, msg).await?;
            let root = answer.root()?;
            match root.body()? {
                fb::CacheResponseBodyRef::SaveResult(r) => {
                    let mut summary = SaveSummary::default();
                    if let Some(outcomes) = r.outcomes()? {
                        for o in outcomes {
                            let o = o?;
                            match o.status() {
                                Ok(fb::SaveStatus::Saved | fb::SaveStatus::Replaced) => {
                                    summary.stored += 1;
                                }
                                _ => summary.not_stored += 1,
                            }
                        }
                    }
                    Ok(summary)
                }
                fb::CacheResponseBodyRef::CacheError(e) => Err(PipeError::Cache {
                    code: e.code().unwrap_or(fb::CacheErrorCode::Internal),
                    message: e.message().ok().flatten().unwrap_or_default().to_owned(),
                }),
                _ => Err(PipeError::UnexpectedAnswer("cache")),
            }
        })
    }
}
