//! What the crypto worker does for each `CryptoRequest`: the work itself (verification, signer
//! calls, proof checks) and the one final `CryptoResponse` it answers with.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use crate::crypto::cashu::{
    DleqError, DleqVerdict, Keyset, KeysetId, MintKeyCache, MintKeyError, MintKeySource, MintUrl,
    Point, Proof, ProofDleq, Scalar, verify_proof_with_keyset,
};
use crate::ipc::ChannelMessage;
use crate::protocol::flatbuffers::{FlatBufferError, fb, read_unsigned_event, write_event};
use crate::protocol::{Event, EventBuilder, EventId, Kind, PublicKey, Tag, Timestamp};
use crate::signer::{Signer, SignerError};

use super::executor::{Executor, ExecutorError};
use super::signer_slot::SignerHandle;
use super::verify;

/// The mint key cache the worker checks Cashu proofs with.
pub type SharedMintKeys = Arc<MintKeyCache<Arc<dyn MintKeySource>>>;

/// A successful answer, before it is written as a `CryptoResponse`.
#[derive(Debug)]
pub(crate) enum Answer {
    Verify(Vec<fb::VerifyStatus>),
    Signed(Event),
    PublicKey(PublicKey),
    Text(String),
    Proofs(Vec<fb::ProofStatus>),
}

/// A failed request: the wire code and a message that never holds secrets or plaintext.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Failure {
    pub(crate) code: fb::CryptoErrorCode,
    pub(crate) message: String,
}

impl Failure {
    pub(crate) fn new(code: fb::CryptoErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }

    fn malformed(e: FlatBufferError) -> Self {
        Self::new(fb::CryptoErrorCode::InvalidInput, e.to_string())
    }

    fn executor(e: ExecutorError) -> Self {
        Self::new(fb::CryptoErrorCode::Internal, e.to_string())
    }

    /// Maps a signer error; `decrypting` tells a bad ciphertext from a bad plaintext.
    fn signer(e: SignerError, decrypting: bool) -> Self {
        use fb::CryptoErrorCode as C;
        let code = match &e {
            SignerError::Unsupported(_) => C::Unsupported,
            SignerError::InvalidSecretKey | SignerError::WrongAuthor => C::InvalidInput,
            SignerError::InvalidResponse | SignerError::Rejected => C::SignerRejected,
            SignerError::Nip04(_) | SignerError::Nip44(_) if decrypting => C::DecryptionFailed,
            SignerError::Nip04(_) | SignerError::Nip44(_) => C::InvalidInput,
            SignerError::Timeout => C::Timeout,
            SignerError::Unreachable(_) => C::SignerRejected,
        };
        // SignerError's messages are fixed texts and sizes: no key material, no plaintext.
        Self::new(code, e.to_string())
    }
}

/// What every request handler can reach. Cloned (as an `Arc`) into each request's future.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) executor: Executor,
    pub(crate) signer: SignerHandle,
    pub(crate) mint_keys: Option<SharedMintKeys>,
    pub(crate) max_batch: usize,
    pub(crate) min_chunk: usize,
    pub(crate) signer_timeout: Duration,
}

/// Which request kind a message holds, and whether it needs the signer.
pub(crate) fn needs_signer(body: &fb::CryptoRequestBodyRef<'_>) -> bool {
    matches!(
        body,
        fb::CryptoRequestBodyRef::SignEvent(_)
            | fb::CryptoRequestBodyRef::GetPublicKey(_)
            | fb::CryptoRequestBodyRef::Encrypt(_)
            | fb::CryptoRequestBodyRef::Decrypt(_)
            | fb::CryptoRequestBodyRef::SignAuth(_)
    )
}

/// Serves one request to its final answer.
pub(crate) async fn serve(
    shared: Arc<Shared>,
    message: ChannelMessage<fb::CryptoRequest>,
) -> Result<Answer, Failure> {
    let body = message
        .root()
        .and_then(|r| Ok(r.body()?))
        .map_err(Failure::malformed)?;
    match body {
        fb::CryptoRequestBodyRef::VerifyEvents(_) => verify_events(&shared, message).await,
        fb::CryptoRequestBodyRef::VerifySignatures(_) => verify_signatures(&shared, message).await,
        fb::CryptoRequestBodyRef::SignEvent(req) => {
            let event = req.event().map_err(|e| Failure::malformed(e.into()))?;
            // Read before the first await: the reader borrows the message.
            let has_pubkey = event.pubkey().map_err(|e| Failure::malformed(e.into()))?;
            let default =
                read_unsigned_event(event, Some(PublicKey([0; 32]))).map_err(Failure::malformed)?;
            let explicit = has_pubkey.is_some();
            with_signer(&shared, false, move |signer| async move {
                let mut unsigned = default;
                if !explicit {
                    unsigned.pubkey = signer.public_key().await?;
                }
                signer.sign_event(unsigned).await
            })
            .await
            .map(Answer::Signed)
        }
        fb::CryptoRequestBodyRef::GetPublicKey(_) => {
            with_signer(&shared, false, |s| async move { s.public_key().await })
                .await
                .map(Answer::PublicKey)
        }
        fb::CryptoRequestBodyRef::Encrypt(req) => {
            let (scheme, peer, text) = (|| -> Result<_, planus::Error> {
                Ok((
                    req.scheme()?,
                    PublicKey::from(req.peer()?),
                    req.text()?.to_owned(),
                ))
            })()
            .map_err(|e| Failure::malformed(e.into()))?;
            with_signer(&shared, false, move |s| async move {
                match scheme {
                    fb::EncryptionScheme::Nip44 => s.nip44_encrypt(&peer, &text).await,
                    fb::EncryptionScheme::Nip04 => s.nip04_encrypt(&peer, &text).await,
                }
            })
            .await
            .map(Answer::Text)
        }
        fb::CryptoRequestBodyRef::Decrypt(req) => {
            let (scheme, peer, text) = (|| -> Result<_, planus::Error> {
                Ok((
                    req.scheme()?,
                    PublicKey::from(req.peer()?),
                    req.text()?.to_owned(),
                ))
            })()
            .map_err(|e| Failure::malformed(e.into()))?;
            with_signer(&shared, true, move |s| async move {
                match scheme {
                    fb::EncryptionScheme::Nip44 => s.nip44_decrypt(&peer, &text).await,
                    fb::EncryptionScheme::Nip04 => s.nip04_decrypt(&peer, &text).await,
                }
            })
            .await
            .map(Answer::Text)
        }
        fb::CryptoRequestBodyRef::SignAuth(req) => {
            let (relay, challenge) = (|| -> Result<_, planus::Error> {
                Ok((req.relay_url()?.to_owned(), req.challenge()?.to_owned()))
            })()
            .map_err(|e| Failure::malformed(e.into()))?;
            with_signer(&shared, false, move |s| async move {
                let pubkey = s.public_key().await?;
                let unsigned = EventBuilder::new(Kind::AUTH, "")
                    .tag(Tag::new(["relay", relay.as_str()]))
                    .tag(Tag::new(["challenge", challenge.as_str()]))
                    .created_at(Timestamp::now())
                    .build(pubkey);
                s.sign_event(unsigned).await
            })
            .await
            .map(Answer::Signed)
        }
        fb::CryptoRequestBodyRef::VerifyProofs(_) => verify_proofs(&shared, message).await,
    }
}

/// Runs a signer call on the active signer; fails with `NoSigner` when there is none,
/// `SignerChanged` when the signer is replaced before the call ends, `Timeout` past the limit.
async fn with_signer<T, F, Fut>(shared: &Shared, decrypting: bool, op: F) -> Result<T, Failure>
where
    F: FnOnce(Arc<dyn Signer>) -> Fut,
    Fut: std::future::Future<Output = Result<T, SignerError>>,
{
    use fb::CryptoErrorCode as C;
    let Some(mut lease) = shared.signer.lease() else {
        return Err(Failure::new(C::NoSigner, "no signer is set"));
    };
    let call = op(lease.signer.clone());
    let timeout = shared.signer_timeout;
    tokio::select! {
        result = crate::runtime::timeout(timeout, call) => match result {
            Ok(Ok(value)) => Ok(value),
            Ok(Err(e)) => Err(Failure::signer(e, decrypting)),
            Err(_) => Err(Failure::new(C::Timeout, format!("signer did not answer within {timeout:?}"))),
        },
        () = lease.changed() => Err(Failure::new(C::SignerChanged, "the signer was replaced while the request was in flight")),
    }
}

fn check_batch(shared: &Shared, len: usize) -> Result<(), Failure> {
    if len > shared.max_batch {
        return Err(Failure::new(
            fb::CryptoErrorCode::InvalidInput,
            format!(
                "batch of {len} items exceeds the limit of {}",
                shared.max_batch
            ),
        ));
    }
    Ok(())
}

async fn verify_events(
    shared: &Shared,
    message: ChannelMessage<fb::CryptoRequest>,
) -> Result<Answer, Failure> {
    let (len, check_ids) = verify::events_len(&message).map_err(Failure::malformed)?;
    check_batch(shared, len)?;
    let indices: Vec<usize> = (0..len).collect();
    let results = shared
        .executor
        .map_chunks(indices, shared.min_chunk, move |i| {
            verify::verify_event_at(&message, i, check_ids)
        })
        .await
        .map_err(Failure::executor)?;
    let statuses = results
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .map_err(Failure::malformed)?;
    Ok(Answer::Verify(statuses))
}

async fn verify_signatures(
    shared: &Shared,
    message: ChannelMessage<fb::CryptoRequest>,
) -> Result<Answer, Failure> {
    let len = verify::signatures_len(&message).map_err(Failure::malformed)?;
    check_batch(shared, len)?;
    let indices: Vec<usize> = (0..len).collect();
    let results = shared
        .executor
        .map_chunks(indices, shared.min_chunk, move |i| {
            verify::verify_signature_at(&message, i)
        })
        .await
        .map_err(Failure::executor)?;
    let statuses = results
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .map_err(Failure::malformed)?;
    Ok(Answer::Verify(statuses))
}

fn bytes32(b: fb::Bytes32Ref<'_>) -> [u8; 32] {
    EventId::from(b).0
}

/// Reads one wire proof; a proof that cannot even be read gets its final status right away.
fn read_proof(p: &fb::CashuProofRef<'_>) -> Result<Result<Proof, fb::ProofStatus>, planus::Error> {
    let Ok(id) = KeysetId::parse(p.keyset_id()?) else {
        return Ok(Err(fb::ProofStatus::UnknownKey));
    };
    let c = p.c()?;
    let mut point = [0u8; 33];
    point[0] = c.prefix();
    point[1..].copy_from_slice(&bytes32(c.x()));
    let Ok(c) = Point::from_bytes(&point) else {
        return Ok(Err(fb::ProofStatus::Invalid));
    };
    let dleq = match p.dleq()? {
        Some(d) => Some(ProofDleq {
            e: Scalar(bytes32(d.e()?)),
            s: Scalar(bytes32(d.s()?)),
            r: Some(Scalar(bytes32(d.r()?))),
        }),
        None => None,
    };
    Ok(Ok(Proof {
        amount: p.amount()?,
        id,
        secret: p.secret()?.to_owned(),
        c,
        witness: None,
        dleq,
    }))
}

fn verdict_status(v: DleqVerdict) -> fb::ProofStatus {
    match v {
        DleqVerdict::Valid => fb::ProofStatus::Valid,
        DleqVerdict::Unverifiable(_) => fb::ProofStatus::Unverifiable,
        DleqVerdict::Invalid(DleqError::UnknownAmount { .. }) => fb::ProofStatus::UnknownKey,
        DleqVerdict::Invalid(_) => fb::ProofStatus::Invalid,
    }
}

fn key_error_status(e: &MintKeyError) -> fb::ProofStatus {
    match e {
        MintKeyError::KeysetNotFound { .. } | MintKeyError::KeysetIdMismatch { .. } => {
            fb::ProofStatus::UnknownKey
        }
        MintKeyError::Request(_)
        | MintKeyError::Status { .. }
        | MintKeyError::BodyTooLarge { .. }
        | MintKeyError::Json(_)
        | MintKeyError::BackingOff { .. } => fb::ProofStatus::MintUnavailable,
    }
}

async fn verify_proofs(
    shared: &Shared,
    message: ChannelMessage<fb::CryptoRequest>,
) -> Result<Answer, Failure> {
    let malformed = |e: planus::Error| Failure::malformed(e.into());
    let (mint, proofs) = {
        let root = message.root().map_err(Failure::malformed)?;
        let fb::CryptoRequestBodyRef::VerifyProofs(req) = root.body().map_err(malformed)? else {
            return Err(Failure::new(
                fb::CryptoErrorCode::Internal,
                "not VerifyProofs",
            ));
        };
        let mint = MintUrl::parse(req.mint_url().map_err(malformed)?)
            .map_err(|e| Failure::new(fb::CryptoErrorCode::InvalidInput, e.to_string()))?;
        let list = req.proofs().map_err(malformed)?;
        let len = list.as_ref().map_or(0, |l| l.len());
        check_batch(shared, len)?;
        let mut proofs = Vec::with_capacity(len);
        for p in list.into_iter().flatten() {
            proofs.push(read_proof(&p.map_err(malformed)?).map_err(malformed)?);
        }
        (mint, proofs)
    };

    let mut statuses: Vec<Option<fb::ProofStatus>> = vec![None; proofs.len()];
    let mut keysets: HashMap<KeysetId, Result<Arc<Keyset>, fb::ProofStatus>> = HashMap::new();
    let mut work: Vec<(usize, Proof, Arc<Keyset>)> = Vec::new();
    for (i, proof) in proofs.into_iter().enumerate() {
        let proof = match proof {
            Ok(p) => p,
            Err(status) => {
                statuses[i] = Some(status);
                continue;
            }
        };
        if proof.dleq.is_none() {
            statuses[i] = Some(fb::ProofStatus::Unverifiable);
            continue;
        }
        let keyset = match keysets.get(&proof.id) {
            Some(k) => k.clone(),
            None => {
                let fetched = match &shared.mint_keys {
                    Some(cache) => cache
                        .keyset(&mint, &proof.id)
                        .await
                        .map_err(|e| key_error_status(&e)),
                    None => Err(fb::ProofStatus::MintUnavailable),
                };
                keysets.insert(proof.id.clone(), fetched.clone());
                fetched
            }
        };
        match keyset {
            Ok(k) => work.push((i, proof, k)),
            Err(status) => statuses[i] = Some(status),
        }
    }
    // Each DLEQ check costs about half a millisecond: one proof per chunk spreads them out.
    let verdicts = shared
        .executor
        .map_chunks(work, 1, |(i, proof, keyset)| {
            (i, verify_proof_with_keyset(&proof, &keyset))
        })
        .await
        .map_err(Failure::executor)?;
    for (i, verdict) in verdicts {
        statuses[i] = Some(verdict_status(verdict));
    }
    Ok(Answer::Proofs(
        statuses
            .into_iter()
            .map(|s| s.unwrap_or(fb::ProofStatus::Invalid))
            .collect(),
    ))
}

/// Writes the final answer to `request_id`.
pub(crate) fn response(
    builder: &mut planus::Builder,
    request_id: u64,
    result: Result<Answer, Failure>,
) -> ChannelMessage<fb::CryptoResponse> {
    ChannelMessage::build_with(builder, |b| {
        let body = match result {
            Ok(Answer::Verify(statuses)) => {
                let t = fb::VerifyResult::create(b, statuses.as_slice());
                fb::CryptoResponseBody::create_verify_result(b, t)
            }
            Ok(Answer::Signed(event)) => {
                let ev = write_event(b, &event);
                let t = fb::SignedEvent::create(b, ev);
                fb::CryptoResponseBody::create_signed_event(b, t)
            }
            Ok(Answer::PublicKey(pk)) => {
                let t = fb::PublicKeyResult::create(b, fb::Bytes32::from(pk));
                fb::CryptoResponseBody::create_public_key_result(b, t)
            }
            Ok(Answer::Text(text)) => {
                let t = fb::TextResult::create(b, text.as_str());
                fb::CryptoResponseBody::create_text_result(b, t)
            }
            Ok(Answer::Proofs(statuses)) => {
                let t = fb::ProofResults::create(b, statuses.as_slice());
                fb::CryptoResponseBody::create_proof_results(b, t)
            }
            Err(failure) => {
                let t = fb::CryptoError::create(b, failure.code, failure.message.as_str());
                fb::CryptoResponseBody::create_crypto_error(b, t)
            }
        };
        fb::CryptoResponse::create(b, request_id, body)
    })
}

/// A non-final `SignerAuthUrl` for `request_id`.
pub(crate) fn auth_url_message(
    builder: &mut planus::Builder,
    request_id: u64,
    url: &str,
) -> ChannelMessage<fb::CryptoResponse> {
    ChannelMessage::build_with(builder, |b| {
        let t = fb::SignerAuthUrl::create(b, url);
        let body = fb::CryptoResponseBody::create_signer_auth_url(b, t);
        fb::CryptoResponse::create(b, request_id, body)
    })
}
