//! The FlatBuffers side of the worker: requests read out of `ConnectionsRequest` and
//! `Nip46Request` messages, and answers written into `ConnectionsMessage` or `Nip46Message`
//! (the same tables under two unions).

use std::time::Duration;

use planus::{Builder, Offset};

use super::count::CountOutcome;
use super::publish::RelayOutcome;
use super::subscriptions::RelayLimits;
use crate::ipc::ChannelMessage;
use crate::protocol::flatbuffers::{FlatBufferError, fb, read_event, read_filters, write_event};
use crate::protocol::{Event, EventId, Filter, RelayUrl};

/// A request read out of its FlatBuffers message.
#[derive(Debug)]
pub(super) enum Request {
    Subscribe {
        client_id: String,
        relays: Option<Vec<String>>,
        filters: Vec<Filter>,
        close_on_eose: bool,
        no_wait: bool,
        /// Longest wait for each relay's EOSE; `None`: the worker's default.
        eose_timeout: Option<Duration>,
    },
    Close {
        client_id: String,
    },
    SetLimits {
        relay: String,
        limits: RelayLimits,
    },
    Count {
        filters: Vec<Filter>,
        relays: Option<Vec<String>>,
        timeout_ms: u32,
    },
    Publish {
        event: Box<Event>,
        relays: Option<Vec<String>>,
        timeout_ms: u32,
        no_wait: bool,
    },
}

fn read_relays(
    relays: Option<planus::Vector<'_, planus::Result<&str>>>,
) -> Result<Option<Vec<String>>, FlatBufferError> {
    let Some(relays) = relays else {
        return Ok(None);
    };
    let mut out = Vec::with_capacity(relays.len());
    for relay in relays {
        out.push(relay?.to_owned());
    }
    Ok(Some(out))
}

fn read_subscribe(s: fb::SubscribeRef<'_>) -> Result<Request, FlatBufferError> {
    Ok(Request::Subscribe {
        client_id: s.subscription_id()?.to_owned(),
        relays: read_relays(s.relays()?)?,
        filters: read_filters(s.filters()?)?,
        close_on_eose: s.close_on_eose()?,
        no_wait: s.no_wait()?,
        eose_timeout: match s.eose_timeout_ms()? {
            0 => None,
            ms => Some(Duration::from_millis(u64::from(ms))),
        },
    })
}

fn read_publish(p: fb::PublishRef<'_>) -> Result<Request, FlatBufferError> {
    Ok(Request::Publish {
        event: Box::new(read_event(p.event()?)?),
        relays: read_relays(p.relays()?)?,
        timeout_ms: p.timeout_ms()?,
        no_wait: p.no_wait()?,
    })
}

pub(super) fn read_request(
    body: fb::ConnectionsRequestBodyRef<'_>,
) -> Result<Request, FlatBufferError> {
    match body {
        fb::ConnectionsRequestBodyRef::Subscribe(s) => read_subscribe(s),
        fb::ConnectionsRequestBodyRef::Close(c) => Ok(Request::Close {
            client_id: c.subscription_id()?.to_owned(),
        }),
        fb::ConnectionsRequestBodyRef::Publish(p) => read_publish(p),
        fb::ConnectionsRequestBodyRef::CountRequest(c) => Ok(Request::Count {
            filters: read_filters(c.filters()?)?,
            relays: read_relays(c.relays()?)?,
            timeout_ms: c.timeout_ms()?,
        }),
        fb::ConnectionsRequestBodyRef::SetRelayLimits(l) => {
            let limit = |n: u32| (n > 0).then_some(n as usize);
            Ok(Request::SetLimits {
                relay: l.relay_url()?.to_owned(),
                limits: RelayLimits {
                    max_subscriptions: limit(l.max_subscriptions()?),
                    max_filters: limit(l.max_filters()?),
                    max_limit: limit(l.max_limit()?),
                    max_message_length: limit(l.max_message_length()?),
                    auth_required: l.auth_required()?,
                },
            })
        }
    }
}

pub(super) fn read_nip46_request(
    body: fb::Nip46RequestBodyRef<'_>,
) -> Result<Request, FlatBufferError> {
    match body {
        fb::Nip46RequestBodyRef::Subscribe(s) => read_subscribe(s),
        fb::Nip46RequestBodyRef::Close(c) => Ok(Request::Close {
            client_id: c.subscription_id()?.to_owned(),
        }),
        fb::Nip46RequestBodyRef::Publish(p) => read_publish(p),
    }
}

/// Something to tell the requester.
#[derive(Debug)]
pub(super) enum Out<'a> {
    Event {
        sub: &'a str,
        relay: &'a str,
        event: &'a Event,
    },
    Eose {
        sub: &'a str,
        relay: &'a str,
        pending: u32,
        timed_out: bool,
    },
    Closed {
        sub: &'a str,
        relay: &'a str,
        reason: Option<&'a str>,
        cause: fb::ClosedCause,
    },
    Queued {
        sub: &'a str,
        relay: &'a str,
        reason: &'a str,
    },
    Counts {
        results: &'a [(RelayUrl, Option<CountOutcome>)],
    },
    Published {
        event_id: EventId,
        results: &'a [(RelayUrl, Option<RelayOutcome>)],
    },
    Error {
        code: fb::ConnectionsErrorCode,
        message: &'a str,
    },
}

/// The body table of an [`Out`], before it is wrapped in either union.
enum Body {
    Event(Offset<fb::EventReceived>),
    Eose(Offset<fb::Eose>),
    Closed(Offset<fb::Closed>),
    Published(Offset<fb::PublishResult>),
    Error(Offset<fb::ConnectionsError>),
    Queued(Offset<fb::Queued>),
    Counts(Offset<fb::RelayCounts>),
}

fn write_body(b: &mut Builder, out: &Out<'_>) -> Body {
    match out {
        Out::Event { sub, relay, event } => {
            let ev = write_event(b, event);
            Body::Event(fb::EventReceived::create(b, *sub, *relay, ev))
        }
        Out::Eose {
            sub,
            relay,
            pending,
            timed_out,
        } => Body::Eose(fb::Eose::create(b, *sub, *relay, *pending, *timed_out)),
        Out::Closed {
            sub,
            relay,
            reason,
            cause,
        } => Body::Closed(fb::Closed::create(b, *sub, *relay, *reason, *cause)),
        Out::Queued { sub, relay, reason } => {
            Body::Queued(fb::Queued::create(b, *sub, *relay, *reason))
        }
        Out::Counts { results } => {
            let counts: Vec<Offset<fb::RelayCount>> = results
                .iter()
                .map(|(url, outcome)| {
                    let (count, approximate, error) = match outcome {
                        Some(CountOutcome::Counted { count, approximate }) => {
                            (*count, *approximate, None)
                        }
                        Some(CountOutcome::Failed(reason)) => (0, false, Some(reason.as_str())),
                        None => (0, false, Some("no answer in time")),
                    };
                    fb::RelayCount::create(b, url.as_str(), count, approximate, error)
                })
                .collect();
            Body::Counts(fb::RelayCounts::create(b, counts.as_slice()))
        }
        Out::Published { event_id, results } => {
            let oks: Vec<Offset<fb::RelayOk>> = results
                .iter()
                .map(|(url, outcome)| {
                    let (status, message) = match outcome {
                        Some(RelayOutcome::Accepted(m)) => {
                            (fb::RelayOkStatus::Accepted, Some(m.as_str()))
                        }
                        Some(RelayOutcome::Rejected(m)) => {
                            (fb::RelayOkStatus::Rejected, Some(m.as_str()))
                        }
                        Some(RelayOutcome::Failed(m)) => {
                            (fb::RelayOkStatus::Failed, Some(m.as_str()))
                        }
                        Some(RelayOutcome::Timeout) | None => (fb::RelayOkStatus::Timeout, None),
                    };
                    fb::RelayOk::create(b, url.as_str(), status, message)
                })
                .collect();
            let id: fb::Bytes32 = (*event_id).into();
            Body::Published(fb::PublishResult::create(b, id, oks.as_slice()))
        }
        Out::Error { code, message } => {
            Body::Error(fb::ConnectionsError::create(b, *code, *message))
        }
    }
}

pub(super) fn encode_parser(
    b: &mut Builder,
    request_id: u64,
    out: &Out<'_>,
) -> ChannelMessage<fb::ConnectionsMessage> {
    ChannelMessage::build_with(b, |b| {
        let body = match write_body(b, out) {
            Body::Event(o) => fb::ConnectionsMessageBody::create_event_received(b, o),
            Body::Eose(o) => fb::ConnectionsMessageBody::create_eose(b, o),
            Body::Closed(o) => fb::ConnectionsMessageBody::create_closed(b, o),
            Body::Published(o) => fb::ConnectionsMessageBody::create_publish_result(b, o),
            Body::Error(o) => fb::ConnectionsMessageBody::create_connections_error(b, o),
            Body::Queued(o) => fb::ConnectionsMessageBody::create_queued(b, o),
            Body::Counts(o) => fb::ConnectionsMessageBody::create_relay_counts(b, o),
        };
        fb::ConnectionsMessage::create(b, request_id, body)
    })
}

/// `None` for news the NIP-46 end has no message for (a subscription queued for a slot: its
/// inbox subscription simply starts later).
pub(super) fn encode_nip46(
    b: &mut Builder,
    request_id: u64,
    out: &Out<'_>,
) -> Option<ChannelMessage<fb::Nip46Message>> {
    if matches!(out, Out::Queued { .. } | Out::Counts { .. }) {
        return None;
    }
    Some(ChannelMessage::build_with(b, |b| {
        let body = match write_body(b, out) {
            Body::Event(o) => fb::Nip46MessageBody::create_event_received(b, o),
            Body::Eose(o) => fb::Nip46MessageBody::create_eose(b, o),
            Body::Closed(o) => fb::Nip46MessageBody::create_closed(b, o),
            Body::Published(o) => fb::Nip46MessageBody::create_publish_result(b, o),
            Body::Error(o) => fb::Nip46MessageBody::create_connections_error(b, o),
            // Filtered out above; an error keeps the function total without a panic.
            Body::Queued(_) | Body::Counts(_) => {
                let e =
                    fb::ConnectionsError::create(b, fb::ConnectionsErrorCode::Internal, "queued");
                fb::Nip46MessageBody::create_connections_error(b, e)
            }
        };
        fb::Nip46Message::create(b, request_id, body)
    }))
}
