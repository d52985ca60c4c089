//! Client-to-relay messages (NIP-01, NIP-42 AUTH, NIP-45 COUNT): serialization for the connections
//! worker, and parsing with the scanner for the server gateway, which accepts client frames.

use std::borrow::Cow;
use std::fmt;

use serde::de::{SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Serialize, Serializer};

use super::scanner::{
    CowStr, Elements, EventSeed, FrameError, MAX_TYPE_CHARS, ScanLimits, Slot, SubscriptionId,
    check_size, clip, read_filters, run,
};
use crate::protocol::{Event, Filter};

/// A message a client sends to a relay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClientMessage<'a> {
    /// `["EVENT", <event>]`: publish.
    Event(Cow<'a, Event>),
    /// `["REQ", <subscription id>, <filter>...]`: subscribe; the filters are OR-ed.
    Req {
        /// The subscription, chosen by the client.
        subscription_id: Cow<'a, str>,
        /// One or more filters.
        filters: Cow<'a, [Filter]>,
    },
    /// `["CLOSE", <subscription id>]`: end a subscription.
    Close {
        /// The subscription.
        subscription_id: Cow<'a, str>,
    },
    /// `["AUTH", <signed kind-22242 event>]` (NIP-42).
    Auth(Cow<'a, Event>),
    /// `["COUNT", <subscription id>, <filter>...]` (NIP-45).
    Count {
        /// The request id.
        subscription_id: Cow<'a, str>,
        /// One or more filters.
        filters: Cow<'a, [Filter]>,
    },
}

impl<'a> ClientMessage<'a> {
    /// `["EVENT", event]`, borrowing the event.
    pub fn event(event: &'a Event) -> Self {
        ClientMessage::Event(Cow::Borrowed(event))
    }

    /// `["REQ", sub, filters...]`, borrowing the filters.
    pub fn req(subscription_id: impl Into<Cow<'a, str>>, filters: &'a [Filter]) -> Self {
        ClientMessage::Req {
            subscription_id: subscription_id.into(),
            filters: Cow::Borrowed(filters),
        }
    }

    /// `["CLOSE", sub]`.
    pub fn close(subscription_id: impl Into<Cow<'a, str>>) -> Self {
        ClientMessage::Close {
            subscription_id: subscription_id.into(),
        }
    }

    /// `["AUTH", event]`, borrowing the event.
    pub fn auth(event: &'a Event) -> Self {
        ClientMessage::Auth(Cow::Borrowed(event))
    }

    /// `["COUNT", sub, filters...]`, borrowing the filters.
    pub fn count(subscription_id: impl Into<Cow<'a, str>>, filters: &'a [Filter]) -> Self {
        ClientMessage::Count {
            subscription_id: subscription_id.into(),
            filters: Cow::Borrowed(filters),
        }
    }

    /// Parses one text frame from a client, borrowing strings where they hold no escapes.
    pub fn parse(frame: &'a str, limits: &ScanLimits) -> Result<Self, FrameError> {
        check_size(frame.len(), limits)?;
        let slot = Slot::default();
        let visitor = ClientVisitor {
            slot: &slot,
            limits,
        };
        run(serde_json::Deserializer::from_str(frame), &slot, visitor)
    }

    /// Parses one binary frame from a client.
    pub fn parse_slice(frame: &'a [u8], limits: &ScanLimits) -> Result<Self, FrameError> {
        check_size(frame.len(), limits)?;
        let slot = Slot::default();
        let visitor = ClientVisitor {
            slot: &slot,
            limits,
        };
        run(serde_json::Deserializer::from_slice(frame), &slot, visitor)
    }

    /// The message type as sent on the wire.
    pub const fn type_name(&self) -> &'static str {
        match self {
            ClientMessage::Event(_) => "EVENT",
            ClientMessage::Req { .. } => "REQ",
            ClientMessage::Close { .. } => "CLOSE",
            ClientMessage::Auth(_) => "AUTH",
            ClientMessage::Count { .. } => "COUNT",
        }
    }

    /// The subscription the message is about, if any.
    pub fn subscription_id(&self) -> Option<&str> {
        match self {
            ClientMessage::Req {
                subscription_id, ..
            }
            | ClientMessage::Close { subscription_id }
            | ClientMessage::Count {
                subscription_id, ..
            } => Some(subscription_id),
            ClientMessage::Event(_) | ClientMessage::Auth(_) => None,
        }
    }

    /// A copy that owns all its data.
    pub fn into_owned(self) -> ClientMessage<'static> {
        match self {
            ClientMessage::Event(event) => ClientMessage::Event(Cow::Owned(event.into_owned())),
            ClientMessage::Req {
                subscription_id,
                filters,
            } => ClientMessage::Req {
                subscription_id: Cow::Owned(subscription_id.into_owned()),
                filters: Cow::Owned(filters.into_owned()),
            },
            ClientMessage::Close { subscription_id } => ClientMessage::Close {
                subscription_id: Cow::Owned(subscription_id.into_owned()),
            },
            ClientMessage::Auth(event) => ClientMessage::Auth(Cow::Owned(event.into_owned())),
            ClientMessage::Count {
                subscription_id,
                filters,
            } => ClientMessage::Count {
                subscription_id: Cow::Owned(subscription_id.into_owned()),
                filters: Cow::Owned(filters.into_owned()),
            },
        }
    }

    /// Appends the compact JSON array to `out`.
    pub fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        serde_json::to_writer(out, self)
    }

    /// The compact JSON array.
    pub fn to_json(&self) -> String {
        // Events and filters hold only strings, integers and hex: serializing them cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl Serialize for ClientMessage<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            ClientMessage::Event(event) => ("EVENT", event).serialize(serializer),
            ClientMessage::Auth(event) => ("AUTH", event).serialize(serializer),
            ClientMessage::Close { subscription_id } => {
                ("CLOSE", subscription_id).serialize(serializer)
            }
            ClientMessage::Req {
                subscription_id,
                filters,
            } => serialize_request(serializer, "REQ", subscription_id, filters),
            ClientMessage::Count {
                subscription_id,
                filters,
            } => serialize_request(serializer, "COUNT", subscription_id, filters),
        }
    }
}

/// `[type, sub, filter...]`: the filters are spread into the array, not nested.
fn serialize_request<S: Serializer>(
    serializer: S,
    kind: &str,
    subscription_id: &str,
    filters: &[Filter],
) -> Result<S::Ok, S::Error> {
    let mut seq = serializer.serialize_seq(Some(2 + filters.len()))?;
    seq.serialize_element(kind)?;
    seq.serialize_element(subscription_id)?;
    for filter in filters {
        seq.serialize_element(filter)?;
    }
    seq.end()
}

/// Reads a client message array.
struct ClientVisitor<'s> {
    slot: &'s Slot,
    limits: &'s ScanLimits,
}

impl<'de> Visitor<'de> for ClientVisitor<'_> {
    type Value = ClientMessage<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a client message array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        let slot = self.slot;
        let mut first = Elements::new(seq, slot);
        let Some(kind) = first.optional("a message type string", CowStr)? else {
            return slot.fail(FrameError::Empty);
        };
        let sub = SubscriptionId {
            slot,
            max_chars: self.limits.max_subscription_id_chars,
        };
        let (msg, min, max) = match kind.as_ref() {
            "EVENT" => ("EVENT", 2, Some(2)),
            "REQ" => ("REQ", 3, None),
            "CLOSE" => ("CLOSE", 2, Some(2)),
            "AUTH" => ("AUTH", 2, Some(2)),
            "COUNT" => ("COUNT", 3, None),
            other => return slot.fail(FrameError::UnknownType(clip(other, MAX_TYPE_CHARS))),
        };
        let mut el = first.retype(msg, min, max);
        let message = match msg {
            "EVENT" => ClientMessage::Event(Cow::Owned(
                el.required("an event object", EventSeed { slot })?,
            )),
            "AUTH" => ClientMessage::Auth(Cow::Owned(
                el.required("an event object", EventSeed { slot })?,
            )),
            "CLOSE" => ClientMessage::Close {
                subscription_id: el.required("a subscription id string", sub)?,
            },
            "REQ" => ClientMessage::Req {
                subscription_id: el.required("a subscription id string", sub)?,
                filters: Cow::Owned(read_filters(&mut el, self.limits.max_filters)?),
            },
            _ => ClientMessage::Count {
                subscription_id: el.required("a subscription id string", sub)?,
                filters: Cow::Owned(read_filters(&mut el, self.limits.max_filters)?),
            },
        };
        el.finish()?;
        Ok(message)
    }
}
