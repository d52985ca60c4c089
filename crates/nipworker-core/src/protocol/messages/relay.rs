//! Relay-to-client messages (NIP-01, NIP-42 AUTH, NIP-45 COUNT): parsing with the scanner for the
//! client side, serialization for test relays and the server gateway, and the machine-readable
//! prefixes of OK and CLOSED messages.
//!
//! Elements after the ones a message type defines are ignored (still checked to be well-formed
//! JSON), as nostr-tools and other clients do, so a field appended by a future NIP cannot make a
//! publish result or an event disappear. Too few elements, or a wrong type, are refused.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeTuple;
use serde::{Serialize, Serializer};

use super::scanner::{
    CowStr, Elements, EventSeed, FrameError, MAX_TYPE_CHARS, ScanLimits, Skip, Slot,
    SubscriptionId, check_size, clip, run,
};
use crate::protocol::{Event, EventId};

/// A message a relay sends to a client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RelayMessage<'a> {
    /// `["EVENT", <subscription id>, <event>]`: an event matching a subscription.
    Event {
        /// The subscription it answers.
        subscription_id: Cow<'a, str>,
        /// The event (not yet verified).
        event: Cow<'a, Event>,
    },
    /// `["OK", <event id>, <accepted>, <message>]`: the answer to a published event.
    Ok {
        /// The event published.
        event_id: EventId,
        /// Whether the relay stored it.
        accepted: bool,
        /// Reason, possibly with a machine-readable prefix ([`ReasonPrefix::split`]); a missing
        /// message (sent by some old relays) reads as empty.
        message: Cow<'a, str>,
    },
    /// `["EOSE", <subscription id>]`: stored events end, live ones follow.
    Eose {
        /// The subscription.
        subscription_id: Cow<'a, str>,
    },
    /// `["CLOSED", <subscription id>, <message>]`: the relay ended a subscription.
    Closed {
        /// The subscription.
        subscription_id: Cow<'a, str>,
        /// Reason, possibly with a machine-readable prefix; a missing one reads as empty.
        message: Cow<'a, str>,
    },
    /// `["NOTICE", <message>]`: human-readable text.
    Notice {
        /// The text.
        message: Cow<'a, str>,
    },
    /// `["AUTH", <challenge>]` (NIP-42).
    Auth {
        /// The challenge to sign into a kind-22242 event.
        challenge: Cow<'a, str>,
    },
    /// `["COUNT", <subscription id>, {"count": n, "approximate"?: bool}]` (NIP-45).
    Count {
        /// The request it answers.
        subscription_id: Cow<'a, str>,
        /// Number of matching events.
        count: u64,
        /// Whether the relay estimated the count (absent when the relay did not say).
        approximate: Option<bool>,
    },
}

impl<'a> RelayMessage<'a> {
    /// Parses one text frame, borrowing strings from it where they hold no escapes.
    pub fn parse(frame: &'a str, limits: &ScanLimits) -> Result<Self, FrameError> {
        Self::parse_counting_extra(frame, limits).map(|(message, _)| message)
    }

    /// [`RelayMessage::parse`], also saying whether trailing elements were skipped.
    fn parse_counting_extra(
        frame: &'a str,
        limits: &ScanLimits,
    ) -> Result<(Self, bool), FrameError> {
        check_size(frame.len(), limits)?;
        let slot = Slot::default();
        let visitor = RelayVisitor {
            slot: &slot,
            limits,
        };
        let de = serde_json::Deserializer::from_str(frame);
        run(de, &slot, visitor)
    }

    /// Parses one binary frame (its strings are checked to be UTF-8 as they are read).
    pub fn parse_slice(frame: &'a [u8], limits: &ScanLimits) -> Result<Self, FrameError> {
        check_size(frame.len(), limits)?;
        let slot = Slot::default();
        let visitor = RelayVisitor {
            slot: &slot,
            limits,
        };
        let de = serde_json::Deserializer::from_slice(frame);
        run(de, &slot, visitor).map(|(message, _)| message)
    }

    /// Like [`RelayMessage::parse`], and also returns the event object's exact JSON text for EVENT
    /// messages (to cache or forward without re-serializing).
    ///
    /// The slice is located after the parse from the frame's already-validated layout, which costs
    /// a scan of the first two elements instead of a second pass over the event (what serde_json's
    /// `RawValue` would do: about 40% more per event than the parse alone, measured by the
    /// `baseline_raw_value_two_pass` case of `benches/event_pipeline.rs`).
    pub fn parse_with_raw(
        frame: &'a str,
        limits: &ScanLimits,
    ) -> Result<(Self, Option<&'a str>), FrameError> {
        let (message, extra) = Self::parse_counting_extra(frame, limits)?;
        let raw = match message {
            RelayMessage::Event { .. } => third_element(frame, extra),
            _ => None,
        };
        Ok((message, raw))
    }
}

/// The text of the third element (an object) of a frame that parsed as an EVENT message.
///
/// Relies on that parse: the frame is `ws [ ws "..." ws , ws "..." ws , ws {...} ws ] ws`, or has
/// more elements after the object when `extra`; only then is the object itself scanned.
fn third_element(frame: &str, extra: bool) -> Option<&str> {
    let bytes = frame.as_bytes();
    let mut i = skip_ws(bytes, 0);
    i = skip_ws(bytes, expect(bytes, i, b'[')?);
    for _ in 0..2 {
        i = skip_ws(bytes, skip_string(bytes, i)?);
        i = skip_ws(bytes, expect(bytes, i, b',')?);
    }
    if extra {
        return frame.get(i..skip_container(bytes, i)?);
    }
    let body = frame.get(i..)?.trim_end_matches(is_ws);
    body.strip_suffix(']').map(|v| v.trim_end_matches(is_ws))
}

/// JSON insignificant whitespace.
fn is_ws(c: char) -> bool {
    matches!(c, ' ' | '\n' | '\r' | '\t')
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while bytes
        .get(i)
        .is_some_and(|&b| matches!(b, b' ' | b'\n' | b'\r' | b'\t'))
    {
        i += 1;
    }
    i
}

fn expect(bytes: &[u8], i: usize, byte: u8) -> Option<usize> {
    (bytes.get(i) == Some(&byte)).then_some(i + 1)
}

/// The index after the JSON object or array starting at `i` (strings skipped whole).
fn skip_container(bytes: &[u8], i: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut j = i;
    loop {
        match bytes.get(j)? {
            b'"' => {
                j = skip_string(bytes, j)?;
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(j + 1);
                }
            }
            _ => {}
        }
        j += 1;
    }
}

/// The index after a JSON string starting at `i` (escapes skipped, not decoded).
fn skip_string(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = expect(bytes, i, b'"')?;
    loop {
        match bytes.get(j)? {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
}

impl RelayMessage<'_> {
    /// `["EVENT", sub, event]`.
    pub fn event<'b>(
        subscription_id: impl Into<Cow<'b, str>>,
        event: &'b Event,
    ) -> RelayMessage<'b> {
        RelayMessage::Event {
            subscription_id: subscription_id.into(),
            event: Cow::Borrowed(event),
        }
    }

    /// `["OK", id, accepted, message]`.
    pub fn ok<'b>(
        event_id: EventId,
        accepted: bool,
        message: impl Into<Cow<'b, str>>,
    ) -> RelayMessage<'b> {
        RelayMessage::Ok {
            event_id,
            accepted,
            message: message.into(),
        }
    }

    /// `["EOSE", sub]`.
    pub fn eose<'b>(subscription_id: impl Into<Cow<'b, str>>) -> RelayMessage<'b> {
        RelayMessage::Eose {
            subscription_id: subscription_id.into(),
        }
    }

    /// `["CLOSED", sub, message]`.
    pub fn closed<'b>(
        subscription_id: impl Into<Cow<'b, str>>,
        message: impl Into<Cow<'b, str>>,
    ) -> RelayMessage<'b> {
        RelayMessage::Closed {
            subscription_id: subscription_id.into(),
            message: message.into(),
        }
    }

    /// `["NOTICE", message]`.
    pub fn notice<'b>(message: impl Into<Cow<'b, str>>) -> RelayMessage<'b> {
        RelayMessage::Notice {
            message: message.into(),
        }
    }

    /// `["AUTH", challenge]`.
    pub fn auth<'b>(challenge: impl Into<Cow<'b, str>>) -> RelayMessage<'b> {
        RelayMessage::Auth {
            challenge: challenge.into(),
        }
    }

    /// `["COUNT", sub, {"count": n, "approximate": ...}]`.
    pub fn count<'b>(
        subscription_id: impl Into<Cow<'b, str>>,
        count: u64,
        approximate: Option<bool>,
    ) -> RelayMessage<'b> {
        RelayMessage::Count {
            subscription_id: subscription_id.into(),
            count,
            approximate,
        }
    }

    /// The message type as sent on the wire (`"EVENT"`, `"OK"`...).
    pub const fn type_name(&self) -> &'static str {
        match self {
            RelayMessage::Event { .. } => "EVENT",
            RelayMessage::Ok { .. } => "OK",
            RelayMessage::Eose { .. } => "EOSE",
            RelayMessage::Closed { .. } => "CLOSED",
            RelayMessage::Notice { .. } => "NOTICE",
            RelayMessage::Auth { .. } => "AUTH",
            RelayMessage::Count { .. } => "COUNT",
        }
    }

    /// The subscription the message is about, for routing.
    pub fn subscription_id(&self) -> Option<&str> {
        match self {
            RelayMessage::Event {
                subscription_id, ..
            }
            | RelayMessage::Eose { subscription_id }
            | RelayMessage::Closed {
                subscription_id, ..
            }
            | RelayMessage::Count {
                subscription_id, ..
            } => Some(subscription_id),
            _ => None,
        }
    }

    /// The machine-readable prefix of an OK or CLOSED message, if it has a known one.
    pub fn reason_prefix(&self) -> Option<ReasonPrefix> {
        match self {
            RelayMessage::Ok { message, .. } | RelayMessage::Closed { message, .. } => {
                ReasonPrefix::split(message).0
            }
            _ => None,
        }
    }

    /// A copy that owns all its strings.
    pub fn into_owned(self) -> RelayMessage<'static> {
        match self {
            RelayMessage::Event {
                subscription_id,
                event,
            } => RelayMessage::Event {
                subscription_id: Cow::Owned(subscription_id.into_owned()),
                event: Cow::Owned(event.into_owned()),
            },
            RelayMessage::Ok {
                event_id,
                accepted,
                message,
            } => RelayMessage::Ok {
                event_id,
                accepted,
                message: Cow::Owned(message.into_owned()),
            },
            RelayMessage::Eose { subscription_id } => RelayMessage::Eose {
                subscription_id: Cow::Owned(subscription_id.into_owned()),
            },
            RelayMessage::Closed {
                subscription_id,
                message,
            } => RelayMessage::Closed {
                subscription_id: Cow::Owned(subscription_id.into_owned()),
                message: Cow::Owned(message.into_owned()),
            },
            RelayMessage::Notice { message } => RelayMessage::Notice {
                message: Cow::Owned(message.into_owned()),
            },
            RelayMessage::Auth { challenge } => RelayMessage::Auth {
                challenge: Cow::Owned(challenge.into_owned()),
            },
            RelayMessage::Count {
                subscription_id,
                count,
                approximate,
            } => RelayMessage::Count {
                subscription_id: Cow::Owned(subscription_id.into_owned()),
                count,
                approximate,
            },
        }
    }

    /// Appends the compact JSON array to `out`.
    pub fn write_json(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        serde_json::to_writer(out, self)
    }

    /// The compact JSON array.
    pub fn to_json(&self) -> String {
        // Strings, integers, booleans and hex cannot fail to serialize into a String.
        serde_json::to_string(self).unwrap_or_default()
    }
}

impl Serialize for RelayMessage<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            RelayMessage::Event {
                subscription_id,
                event,
            } => ("EVENT", subscription_id, event).serialize(serializer),
            RelayMessage::Ok {
                event_id,
                accepted,
                message,
            } => ("OK", event_id, accepted, message).serialize(serializer),
            RelayMessage::Eose { subscription_id } => {
                ("EOSE", subscription_id).serialize(serializer)
            }
            RelayMessage::Closed {
                subscription_id,
                message,
            } => ("CLOSED", subscription_id, message).serialize(serializer),
            RelayMessage::Notice { message } => ("NOTICE", message).serialize(serializer),
            RelayMessage::Auth { challenge } => ("AUTH", challenge).serialize(serializer),
            RelayMessage::Count {
                subscription_id,
                count,
                approximate,
            } => {
                let mut seq = serializer.serialize_tuple(3)?;
                seq.serialize_element("COUNT")?;
                seq.serialize_element(subscription_id)?;
                seq.serialize_element(&CountBody {
                    count: *count,
                    approximate: *approximate,
                })?;
                seq.end()
            }
        }
    }
}

/// The object of a NIP-45 COUNT answer.
#[derive(Serialize)]
struct CountBody {
    count: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    approximate: Option<bool>,
}

/// Reads a relay message array.
struct RelayVisitor<'s> {
    slot: &'s Slot,
    limits: &'s ScanLimits,
}

impl<'de> Visitor<'de> for RelayVisitor<'_> {
    /// The message, and whether trailing elements were skipped.
    type Value = (RelayMessage<'de>, bool);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a relay message array")
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
        let (msg, min) = match kind.as_ref() {
            "EVENT" => ("EVENT", 3),
            "OK" => ("OK", 3),
            "EOSE" => ("EOSE", 2),
            "CLOSED" => ("CLOSED", 2),
            "NOTICE" => ("NOTICE", 2),
            "AUTH" => ("AUTH", 2),
            "COUNT" => ("COUNT", 3),
            other => return slot.fail(FrameError::UnknownType(clip(other, MAX_TYPE_CHARS))),
        };
        // No maximum: trailing elements are skipped (see the module doc).
        let mut el = first.retype(msg, min, None);
        let message = match msg {
            "EVENT" => {
                let subscription_id = el.required("a subscription id string", sub)?;
                let event = el.required("an event object", EventSeed { slot })?;
                RelayMessage::Event {
                    subscription_id,
                    event: Cow::Owned(event),
                }
            }
            "OK" => {
                let event_id = el.required("an event id (64 lowercase hex)", PhantomData)?;
                let accepted = el.required("a boolean", PhantomData)?;
                let message = el.optional("a message string", CowStr)?.unwrap_or_default();
                RelayMessage::Ok {
                    event_id,
                    accepted,
                    message,
                }
            }
            "EOSE" => RelayMessage::Eose {
                subscription_id: el.required("a subscription id string", sub)?,
            },
            "CLOSED" => {
                let subscription_id = el.required("a subscription id string", sub)?;
                let message = el.optional("a message string", CowStr)?.unwrap_or_default();
                RelayMessage::Closed {
                    subscription_id,
                    message,
                }
            }
            "NOTICE" => RelayMessage::Notice {
                message: el.required("a message string", CowStr)?,
            },
            "AUTH" => RelayMessage::Auth {
                challenge: el.required("a challenge string", CowStr)?,
            },
            _ => {
                let subscription_id = el.required("a subscription id string", sub)?;
                let (count, approximate) = el.required("a {\"count\": n} object", CountSeed)?;
                RelayMessage::Count {
                    subscription_id,
                    count,
                    approximate,
                }
            }
        };
        let extra = el.skip_rest()?;
        Ok((message, extra))
    }
}

/// The `{"count": n, "approximate": b}` object; other keys (NIP-45 `hll`) are skipped.
struct CountSeed;

impl<'de> de::DeserializeSeed<'de> for CountSeed {
    type Value = (u64, Option<bool>);

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for CountSeed {
    type Value = (u64, Option<bool>);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a count object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut count = None;
        let mut approximate = None;
        while let Some(key) = map.next_key_seed(CowStr)? {
            match key.as_ref() {
                "count" if count.is_some() => return Err(de::Error::duplicate_field("count")),
                "count" => count = Some(map.next_value::<u64>()?),
                "approximate" if approximate.is_some() => {
                    return Err(de::Error::duplicate_field("approximate"));
                }
                "approximate" => approximate = Some(map.next_value::<bool>()?),
                _ => {
                    map.next_value::<Skip>()?;
                }
            }
        }
        match count {
            Some(count) => Ok((count, approximate)),
            None => Err(de::Error::missing_field("count")),
        }
    }
}

/// The machine-readable prefix NIP-01 defines for OK and CLOSED messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReasonPrefix {
    /// `duplicate:` the relay already has the event.
    Duplicate,
    /// `pow:` not enough proof of work (NIP-13).
    Pow,
    /// `blocked:` the author or client is blocked.
    Blocked,
    /// `rate-limited:` slow down.
    RateLimited,
    /// `invalid:` the event or request breaks the protocol.
    Invalid,
    /// `restricted:` not allowed for this (possibly authenticated) client.
    Restricted,
    /// `auth-required:` NIP-42 authentication is needed first.
    AuthRequired,
    /// `error:` the relay failed.
    Error,
    /// `mute:` accepted but not relayed (used by some relays for ephemeral spam).
    Mute,
}

impl ReasonPrefix {
    /// The prefix as sent, without the colon.
    pub const fn as_str(self) -> &'static str {
        match self {
            ReasonPrefix::Duplicate => "duplicate",
            ReasonPrefix::Pow => "pow",
            ReasonPrefix::Blocked => "blocked",
            ReasonPrefix::RateLimited => "rate-limited",
            ReasonPrefix::Invalid => "invalid",
            ReasonPrefix::Restricted => "restricted",
            ReasonPrefix::AuthRequired => "auth-required",
            ReasonPrefix::Error => "error",
            ReasonPrefix::Mute => "mute",
        }
    }

    /// Splits `"prefix: text"` into the known prefix and the human-readable rest (leading spaces
    /// trimmed). An unknown or absent prefix gives `None` and the whole message.
    pub fn split(message: &str) -> (Option<ReasonPrefix>, &str) {
        let Some((head, rest)) = message.split_once(':') else {
            return (None, message);
        };
        let prefix = match head {
            "duplicate" => ReasonPrefix::Duplicate,
            "pow" => ReasonPrefix::Pow,
            "blocked" => ReasonPrefix::Blocked,
            "rate-limited" => ReasonPrefix::RateLimited,
            "invalid" => ReasonPrefix::Invalid,
            "restricted" => ReasonPrefix::Restricted,
            "auth-required" => ReasonPrefix::AuthRequired,
            "error" => ReasonPrefix::Error,
            "mute" => ReasonPrefix::Mute,
            _ => return (None, message),
        };
        (Some(prefix), rest.trim_start())
    }

    /// Writes `"prefix: text"`, the form relays send.
    pub fn format(self, text: &str) -> String {
        format!("{}: {text}", self.as_str())
    }
}

impl fmt::Display for ReasonPrefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
