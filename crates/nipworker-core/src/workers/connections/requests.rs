//! Builders of the requests the connections worker serves, for its clients (the parser, the
//! crypto worker's NIP-46 session, tests and benches).

use planus::Builder;

use super::RelayLimits;
use crate::ipc::ChannelMessage;
use crate::protocol::flatbuffers::{fb, write_event, write_filters};
use crate::protocol::{Event, Filter};

/// What a `Subscribe` asks for.
#[derive(Debug, Clone, Default)]
pub struct SubscribeOptions<'a> {
    /// Relays to use; `None`: the worker's default read relays.
    pub relays: Option<&'a [&'a str]>,
    /// CLOSE on each relay after its EOSE.
    pub close_on_eose: bool,
    /// Fail with `QueueFull` instead of waiting for a full relay queue.
    pub no_wait: bool,
    /// Longest wait for each relay's EOSE in milliseconds; 0: the worker's default.
    pub eose_timeout_ms: u32,
}

/// What a `Publish` asks for.
#[derive(Debug, Clone, Default)]
pub struct PublishOptions<'a> {
    /// Relays to use; `None`: the worker's default write relays.
    pub relays: Option<&'a [&'a str]>,
    /// Per-relay wait for OK in milliseconds; 0: the worker's default.
    pub timeout_ms: u32,
    /// Fail with `QueueFull` instead of waiting for a full relay queue.
    pub no_wait: bool,
}

fn subscribe_body(
    b: &mut Builder,
    subscription_id: &str,
    filters: &[Filter],
    options: &SubscribeOptions<'_>,
) -> planus::Offset<fb::Subscribe> {
    let relays = options.relays.map(|r| b.create_vector(r));
    let filters = write_filters(b, filters);
    fb::Subscribe::create(
        b,
        subscription_id,
        relays,
        filters,
        options.close_on_eose,
        options.no_wait,
        options.eose_timeout_ms,
    )
}

fn publish_body(
    b: &mut Builder,
    event: &Event,
    options: &PublishOptions<'_>,
) -> planus::Offset<fb::Publish> {
    let relays = options.relays.map(|r| b.create_vector(r));
    let event = write_event(b, event);
    fb::Publish::create(b, event, relays, options.timeout_ms, options.no_wait)
}

/// A `Subscribe` request: one REQ with every filter under `subscription_id` on each relay.
pub fn subscribe(
    request_id: u64,
    subscription_id: &str,
    filters: &[Filter],
    options: &SubscribeOptions<'_>,
) -> ChannelMessage<fb::ConnectionsRequest> {
    ChannelMessage::build(|b| {
        let body = subscribe_body(b, subscription_id, filters, options);
        let body = fb::ConnectionsRequestBody::create_subscribe(b, body);
        fb::ConnectionsRequest::create(b, request_id, body)
    })
}

/// A `Close` request.
pub fn close(request_id: u64, subscription_id: &str) -> ChannelMessage<fb::ConnectionsRequest> {
    ChannelMessage::build(|b| {
        let body = fb::Close::create(b, subscription_id);
        let body = fb::ConnectionsRequestBody::create_close(b, body);
        fb::ConnectionsRequest::create(b, request_id, body)
    })
}

/// A `Publish` request.
pub fn publish(
    request_id: u64,
    event: &Event,
    options: &PublishOptions<'_>,
) -> ChannelMessage<fb::ConnectionsRequest> {
    ChannelMessage::build(|b| {
        let body = publish_body(b, event, options);
        let body = fb::ConnectionsRequestBody::create_publish(b, body);
        fb::ConnectionsRequest::create(b, request_id, body)
    })
}

/// A `SetRelayLimits` request: a relay's NIP-11 limits, for subscriptions opened afterwards.
pub fn set_relay_limits(
    request_id: u64,
    relay: &str,
    limits: RelayLimits,
) -> ChannelMessage<fb::ConnectionsRequest> {
    let limit = |n: Option<usize>| n.map_or(0, |n| u32::try_from(n).unwrap_or(u32::MAX));
    ChannelMessage::build(|b| {
        let body = fb::SetRelayLimits::create(
            b,
            relay,
            limit(limits.max_subscriptions),
            limit(limits.max_filters),
            limit(limits.max_limit),
            limit(limits.max_message_length),
            limits.auth_required,
        );
        let body = fb::ConnectionsRequestBody::create_set_relay_limits(b, body);
        fb::ConnectionsRequest::create(b, request_id, body)
    })
}

/// A NIP-46 `Subscribe` (from the crypto worker).
pub fn nip46_subscribe(
    request_id: u64,
    subscription_id: &str,
    filters: &[Filter],
    options: &SubscribeOptions<'_>,
) -> ChannelMessage<fb::Nip46Request> {
    ChannelMessage::build(|b| {
        let body = subscribe_body(b, subscription_id, filters, options);
        let body = fb::Nip46RequestBody::create_subscribe(b, body);
        fb::Nip46Request::create(b, request_id, body)
    })
}

/// A NIP-46 `Publish` (from the crypto worker).
pub fn nip46_publish(
    request_id: u64,
    event: &Event,
    options: &PublishOptions<'_>,
) -> ChannelMessage<fb::Nip46Request> {
    ChannelMessage::build(|b| {
        let body = publish_body(b, event, options);
        let body = fb::Nip46RequestBody::create_publish(b, body);
        fb::Nip46Request::create(b, request_id, body)
    })
}
