//! Shared by the crypto worker tests: building `CryptoRequest`s and waiting for their answers
//! over the real ipc channels.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on bad fixtures
#![allow(dead_code)]

use std::time::Duration;

use nipworker_core::ipc::{ChannelMessage, CryptoClient};
use nipworker_core::protocol::flatbuffers::{fb, read_event, write_event, write_unsigned_event};
use nipworker_core::protocol::{Event, PublicKey, UnsignedEvent};

pub type Request = ChannelMessage<fb::CryptoRequest>;
pub type Response = ChannelMessage<fb::CryptoResponse>;

pub fn verify_events(id: u64, events: &[Event], check_ids: bool) -> Request {
    ChannelMessage::build(|b| {
        let offs: Vec<_> = events.iter().map(|e| write_event(b, e)).collect();
        let v = b.create_vector(offs.as_slice());
        let body = fb::VerifyEvents::create(b, v, check_ids);
        let body = fb::CryptoRequestBody::create_verify_events(b, body);
        fb::CryptoRequest::create(b, id, body)
    })
}

pub fn verify_signatures(id: u64, events: &[Event]) -> Request {
    let items: Vec<fb::SignatureCheck> = events
        .iter()
        .map(|e| fb::SignatureCheck {
            id: e.id.into(),
            pubkey: e.pubkey.into(),
            sig: e.sig.into(),
        })
        .collect();
    ChannelMessage::from_table(&fb::CryptoRequest {
        request_id: id,
        body: fb::CryptoRequestBody::VerifySignatures(Box::new(fb::VerifySignatures {
            items: Some(items),
        })),
    })
}

/// `pubkey: None` asks the worker to fill in the signer's key.
pub fn sign_event(id: u64, unsigned: &UnsignedEvent, with_pubkey: bool) -> Request {
    ChannelMessage::build(|b| {
        let ev = if with_pubkey {
            write_unsigned_event(b, unsigned)
        } else {
            let tags = nipworker_core::protocol::flatbuffers::write_tags(b, &unsigned.tags);
            fb::UnsignedEvent::create(
                b,
                None::<fb::Bytes32>,
                unsigned.created_at.0,
                unsigned.kind.0,
                tags,
                unsigned.content.as_str(),
            )
        };
        let body = fb::SignEvent::create(b, ev);
        let body = fb::CryptoRequestBody::create_sign_event(b, body);
        fb::CryptoRequest::create(b, id, body)
    })
}

pub fn get_public_key(id: u64) -> Request {
    ChannelMessage::from_table(&fb::CryptoRequest {
        request_id: id,
        body: fb::CryptoRequestBody::GetPublicKey(Box::new(fb::GetPublicKey {})),
    })
}

pub fn encrypt(id: u64, scheme: fb::EncryptionScheme, peer: PublicKey, text: &str) -> Request {
    ChannelMessage::from_table(&fb::CryptoRequest {
        request_id: id,
        body: fb::CryptoRequestBody::Encrypt(Box::new(fb::Encrypt {
            scheme,
            peer: peer.into(),
            text: text.to_owned(),
        })),
    })
}

pub fn decrypt(id: u64, scheme: fb::EncryptionScheme, peer: PublicKey, text: &str) -> Request {
    ChannelMessage::from_table(&fb::CryptoRequest {
        request_id: id,
        body: fb::CryptoRequestBody::Decrypt(Box::new(fb::Decrypt {
            scheme,
            peer: peer.into(),
            text: text.to_owned(),
        })),
    })
}

pub fn sign_auth(id: u64, relay: &str, challenge: &str) -> Request {
    ChannelMessage::from_table(&fb::CryptoRequest {
        request_id: id,
        body: fb::CryptoRequestBody::SignAuth(Box::new(fb::SignAuth {
            relay_url: relay.to_owned(),
            challenge: challenge.to_owned(),
        })),
    })
}

pub fn verify_proofs(id: u64, mint: &str, proofs: Vec<fb::CashuProof>) -> Request {
    ChannelMessage::from_table(&fb::CryptoRequest {
        request_id: id,
        body: fb::CryptoRequestBody::VerifyProofs(Box::new(fb::VerifyProofs {
            mint_url: mint.to_owned(),
            proofs: Some(proofs),
        })),
    })
}

pub fn bytes32(bytes: &[u8]) -> fb::Bytes32 {
    let id = nipworker_core::protocol::EventId(bytes.try_into().unwrap());
    id.into()
}

/// A decoded final or non-final answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Verify(Vec<fb::VerifyStatus>),
    Signed(Event),
    PublicKey(PublicKey),
    Text(String),
    Proofs(Vec<fb::ProofStatus>),
    AuthUrl(String),
    Error(fb::CryptoErrorCode, String),
}

pub fn decode(message: &Response) -> (u64, Answer) {
    let root = message.root().unwrap();
    let id = root.request_id().unwrap();
    let answer = match root.body().unwrap() {
        fb::CryptoResponseBodyRef::VerifyResult(r) => Answer::Verify(
            r.results()
                .unwrap()
                .map(|v| v.iter().map(|s| s.unwrap()).collect())
                .unwrap_or_default(),
        ),
        fb::CryptoResponseBodyRef::SignedEvent(r) => {
            Answer::Signed(read_event(r.event().unwrap()).unwrap())
        }
        fb::CryptoResponseBodyRef::PublicKeyResult(r) => {
            Answer::PublicKey(r.pubkey().unwrap().into())
        }
        fb::CryptoResponseBodyRef::TextResult(r) => Answer::Text(r.text().unwrap().to_owned()),
        fb::CryptoResponseBodyRef::ProofResults(r) => Answer::Proofs(
            r.results()
                .unwrap()
                .map(|v| v.iter().map(|s| s.unwrap()).collect())
                .unwrap_or_default(),
        ),
        fb::CryptoResponseBodyRef::SignerAuthUrl(r) => Answer::AuthUrl(r.url().unwrap().to_owned()),
        fb::CryptoResponseBodyRef::CryptoError(r) => Answer::Error(
            r.code().unwrap(),
            r.message().unwrap().unwrap_or_default().to_owned(),
        ),
    };
    (id, answer)
}

/// Sends `request` and waits (bounded) for the next answer, which must carry its id.
pub async fn call(client: &mut CryptoClient, request: Request) -> Answer {
    let id = request.request_id().unwrap();
    client.tx.send(request).await.unwrap();
    let (got, answer) = next(client).await;
    assert_eq!(got, id, "answer to another request");
    answer
}

/// The next answer on `client`, within 30 s.
pub async fn next(client: &mut CryptoClient) -> (u64, Answer) {
    let message = tokio::time::timeout(Duration::from_secs(30), client.rx.recv())
        .await
        .expect("crypto worker answered in time")
        .expect("crypto worker channel open");
    decode(&message)
}
