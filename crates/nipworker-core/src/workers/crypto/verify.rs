//! Batch verification of events (id + BIP-340) and of bare signatures, read straight from the
//! request's FlatBuffers message on whichever thread runs the chunk.

use crate::ipc::ChannelMessage;
use crate::protocol::flatbuffers::{FlatBufferError, fb, read_event};
use crate::protocol::{EventId, PublicKey, Signature, VerifyError, verify_schnorr};

/// Maps a protocol verification error to its wire status.
fn status_of(result: Result<(), VerifyError>) -> fb::VerifyStatus {
    match result {
        Ok(()) => fb::VerifyStatus::Valid,
        Err(VerifyError::IdMismatch) => fb::VerifyStatus::IdMismatch,
        Err(VerifyError::InvalidPublicKey) => fb::VerifyStatus::InvalidPublicKey,
        Err(VerifyError::InvalidSignature) => fb::VerifyStatus::InvalidSignature,
    }
}

/// Reads the `VerifyEvents` body of a request.
fn verify_events_body(
    message: &ChannelMessage<fb::CryptoRequest>,
) -> Result<fb::VerifyEventsRef<'_>, FlatBufferError> {
    match message.root()?.body()? {
        fb::CryptoRequestBodyRef::VerifyEvents(body) => Ok(body),
        _ => Err(FlatBufferError::MissingField {
            field: "VerifyEvents",
        }),
    }
}

/// Reads the `VerifySignatures` body of a request.
fn verify_signatures_body(
    message: &ChannelMessage<fb::CryptoRequest>,
) -> Result<fb::VerifySignaturesRef<'_>, FlatBufferError> {
    match message.root()?.body()? {
        fb::CryptoRequestBodyRef::VerifySignatures(body) => Ok(body),
        _ => Err(FlatBufferError::MissingField {
            field: "VerifySignatures",
        }),
    }
}

/// Number of events in a `VerifyEvents` request and whether ids are to be checked.
pub(crate) fn events_len(
    message: &ChannelMessage<fb::CryptoRequest>,
) -> Result<(usize, bool), FlatBufferError> {
    let body = verify_events_body(message)?;
    Ok((body.events()?.map_or(0, |v| v.len()), body.check_ids()?))
}

/// Number of items in a `VerifySignatures` request.
pub(crate) fn signatures_len(
    message: &ChannelMessage<fb::CryptoRequest>,
) -> Result<usize, FlatBufferError> {
    Ok(verify_signatures_body(message)?
        .items()?
        .map_or(0, |v| v.len()))
}

/// Verifies event `index` of a `VerifyEvents` request: the id (if asked), then the signature.
pub(crate) fn verify_event_at(
    message: &ChannelMessage<fb::CryptoRequest>,
    index: usize,
    check_ids: bool,
) -> Result<fb::VerifyStatus, FlatBufferError> {
    let events = verify_events_body(message)?
        .events()?
        .ok_or(FlatBufferError::MissingField { field: "events" })?;
    let event = events
        .get(index)
        .ok_or(FlatBufferError::MissingField { field: "events" })??;
    if check_ids {
        // The id needs every field; the signature check only needs id, pubkey and sig.
        let owned = read_event(event)?;
        return Ok(status_of(owned.verify()));
    }
    let id = EventId::from(event.id()?);
    let pubkey = PublicKey::from(event.pubkey()?);
    let sig = Signature::from(event.sig()?);
    Ok(status_of(verify_schnorr(&pubkey, id.as_bytes(), &sig)))
}

/// Verifies item `index` of a `VerifySignatures` request.
pub(crate) fn verify_signature_at(
    message: &ChannelMessage<fb::CryptoRequest>,
    index: usize,
) -> Result<fb::VerifyStatus, FlatBufferError> {
    let items = verify_signatures_body(message)?
        .items()?
        .ok_or(FlatBufferError::MissingField { field: "items" })?;
    let item = items
        .get(index)
        .ok_or(FlatBufferError::MissingField { field: "items" })?;
    let id = EventId::from(item.id());
    let pubkey = PublicKey::from(item.pubkey());
    let sig = Signature::from(item.sig());
    Ok(status_of(verify_schnorr(&pubkey, id.as_bytes(), &sig)))
}
