//! FlatBuffers output of the parser (schemas/parsed.fbs): [`write_parsed_event`] turns an event
//! and its [`ParsedKind`] into a `ParsedEvent` table, and the `*_message` functions build the
//! `SubscriptionMessage`s a subscriber receives.
//!
//! Writers take a caller-owned [`Builder`] so a worker reuses one allocation for every message.

mod blocks;
mod kinds;
mod pointers;
#[cfg(test)]
mod tests;

use planus::{Builder, Offset};

use crate::ipc::ChannelMessage;
use crate::parser::content::PreviewSpan;
use crate::parser::kinds::{ParseError, ParsedKind};
use crate::protocol::flatbuffers::{fb, write_event};
use crate::protocol::{Event, Kind};

use fb::parsed as p;

/// The message type a subscriber receives.
pub type SubscriptionMessage = ChannelMessage<fb::parsed::SubscriptionMessage>;

/// What the pipes after parsing add to a parsed event.
#[derive(Debug, Clone, Copy, Default)]
pub struct Annotations<'a> {
    /// Results of the proof pipe, one per proof of the body.
    pub proof_status: &'a [fb::ProofStatus],
    /// The preview pipe's short form of the body's content blocks.
    pub preview: Option<PreviewSpan>,
}

/// Writes a `ParsedEvent`: the raw event, where it came from, and its parsed form (`None`: not
/// parsed; `Some(Err)`: it broke its kind's rules, and the reason is written instead of a body).
pub fn write_parsed_event(
    builder: &mut Builder,
    event: &Event,
    relay: Option<&str>,
    from_cache: bool,
    parsed: Option<Result<&ParsedKind, &ParseError>>,
    proof_status: &[fb::ProofStatus],
) -> Offset<p::ParsedEvent> {
    let annotations = Annotations {
        proof_status,
        preview: None,
    };
    write_annotated_event(builder, event, relay, from_cache, parsed, annotations)
}

/// Like [`write_parsed_event`], with everything the later pipes added.
pub fn write_annotated_event(
    builder: &mut Builder,
    event: &Event,
    relay: Option<&str>,
    from_cache: bool,
    parsed: Option<Result<&ParsedKind, &ParseError>>,
    annotations: Annotations<'_>,
) -> Offset<p::ParsedEvent> {
    let proof_status = annotations.proof_status;
    let (body, failure, encrypted) = match parsed {
        None => (None, None, false),
        Some(Ok(kind)) => (
            Some(kinds::write_body(builder, event, kind)),
            None,
            kind.is_encrypted(),
        ),
        Some(Err(e)) => {
            let message = e.to_string();
            let f = p::ParseFailure::create(builder, e.reason.label(), message.as_str());
            (None, Some(f), false)
        }
    };
    let ev = write_event(builder, event);
    let status = (!proof_status.is_empty()).then_some(proof_status);
    let preview = annotations.preview.map(|span| {
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        p::ContentPreview::create(builder, count(span.blocks), count(span.end), span.truncated)
    });
    p::ParsedEvent::create(
        builder, ev, relay, from_cache, body, failure, encrypted, status, preview,
    )
}

fn message(
    builder: &mut Builder,
    subscription_id: &str,
    body: impl FnOnce(&mut Builder) -> planus::UnionOffset<p::SubscriptionBody>,
) -> SubscriptionMessage {
    ChannelMessage::build_with(builder, |b| {
        let body = body(b);
        p::SubscriptionMessage::create(b, subscription_id, body)
    })
}

/// A `ParsedEvent` message (see [`write_parsed_event`]).
pub fn parsed_event_message(
    builder: &mut Builder,
    subscription_id: &str,
    event: &Event,
    relay: Option<&str>,
    from_cache: bool,
    parsed: Option<Result<&ParsedKind, &ParseError>>,
    proof_status: &[fb::ProofStatus],
) -> SubscriptionMessage {
    message(builder, subscription_id, |b| {
        let pe = write_parsed_event(b, event, relay, from_cache, parsed, proof_status);
        p::SubscriptionBody::create_parsed_event(b, pe)
    })
}

/// A `ParsedEvent` message with everything the later pipes added (see [`Annotations`]).
pub fn parsed_event_message_annotated(
    builder: &mut Builder,
    subscription_id: &str,
    event: &Event,
    relay: Option<&str>,
    from_cache: bool,
    parsed: Option<Result<&ParsedKind, &ParseError>>,
    annotations: Annotations<'_>,
) -> SubscriptionMessage {
    message(builder, subscription_id, |b| {
        let pe = write_annotated_event(b, event, relay, from_cache, parsed, annotations);
        p::SubscriptionBody::create_parsed_event(b, pe)
    })
}

/// A `RawEvent` message: the event as received, unparsed.
pub fn raw_event_message(
    builder: &mut Builder,
    subscription_id: &str,
    event: &Event,
    relay: Option<&str>,
    from_cache: bool,
) -> SubscriptionMessage {
    message(builder, subscription_id, |b| {
        let ev = write_event(b, event);
        let raw = p::RawEvent::create(b, ev, relay, from_cache);
        p::SubscriptionBody::create_raw_event(b, raw)
    })
}

/// An `Eose` message (`relay` absent: the cache's stored events are done).
pub fn eose_message(
    builder: &mut Builder,
    subscription_id: &str,
    relay: &str,
    pending_relays: u32,
    timed_out: bool,
) -> SubscriptionMessage {
    message(builder, subscription_id, |b| {
        let e = p::Eose::create(b, relay, pending_relays, false, timed_out);
        p::SubscriptionBody::create_eose(b, e)
    })
}

/// The cache's end of stored events: marked `from_cache`, with the relays still to come where
/// known (`pending_relays` 0 means only for a cache-only subscription that nothing follows).
pub fn cache_eose_message(
    builder: &mut Builder,
    subscription_id: &str,
    pending_relays: u32,
) -> SubscriptionMessage {
    message(builder, subscription_id, |b| {
        let e = p::Eose::create(b, None::<&str>, pending_relays, true, false);
        p::SubscriptionBody::create_eose(b, e)
    })
}

/// A `Closed` message: a relay ended the subscription.
pub fn closed_message(
    builder: &mut Builder,
    subscription_id: &str,
    relay: &str,
    reason: Option<&str>,
    cause: fb::ClosedCause,
) -> SubscriptionMessage {
    message(builder, subscription_id, |b| {
        let c = p::Closed::create(b, relay, reason, cause);
        p::SubscriptionBody::create_closed(b, c)
    })
}

/// A `Queued` message: the subscription waits for a free slot on a relay.
pub fn queued_message(
    builder: &mut Builder,
    subscription_id: &str,
    relay: &str,
    reason: &str,
) -> SubscriptionMessage {
    message(builder, subscription_id, |b| {
        let q = p::Queued::create(b, relay, reason);
        p::SubscriptionBody::create_queued(b, q)
    })
}

/// A `Counts` message: events per kind so far (sorted by kind).
pub fn counts_message(
    builder: &mut Builder,
    subscription_id: &str,
    counts: impl IntoIterator<Item = (Kind, u64)>,
) -> SubscriptionMessage {
    let counts: Vec<p::KindCount> = counts
        .into_iter()
        .map(|(kind, count)| p::KindCount {
            kind: kind.0,
            count,
        })
        .collect();
    message(builder, subscription_id, |b| {
        let c = p::Counts::create(b, counts.as_slice());
        p::SubscriptionBody::create_counts(b, c)
    })
}

/// A `Lagged` message: `skipped` messages were dropped because the subscriber fell behind.
pub fn lagged_message(
    builder: &mut Builder,
    subscription_id: &str,
    skipped: u64,
) -> SubscriptionMessage {
    message(builder, subscription_id, |b| {
        let l = p::Lagged::create(b, skipped);
        p::SubscriptionBody::create_lagged(b, l)
    })
}

/// An `End` message: nothing follows.
pub fn end_message(
    builder: &mut Builder,
    subscription_id: &str,
    reason: &str,
) -> SubscriptionMessage {
    message(builder, subscription_id, |b| {
        let e = p::End::create(b, reason);
        p::SubscriptionBody::create_end(b, e)
    })
}
