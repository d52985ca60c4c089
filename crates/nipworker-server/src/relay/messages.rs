//! NIP-01 messages on the gateway's relay socket: what clients send (parsed strictly, every
//! problem a typed [`MessageError`]) and the frames the gateway writes back.

use nipworker_core::{EventId, Filter};
use serde_json::value::RawValue;
use thiserror::Error;

/// Longest subscription id NIP-01 allows.
pub const MAX_SUBSCRIPTION_ID: usize = 64;

/// A message from a client.
#[derive(Debug)]
pub enum ClientMessage<'a> {
    /// `["REQ", id, filter...]`
    Req {
        /// Subscription id.
        id: String,
        /// Filters (at least one).
        filters: Vec<Filter>,
    },
    /// `["COUNT", id, filter...]` (NIP-45)
    Count {
        /// Request id.
        id: String,
        /// Filters (at least one).
        filters: Vec<Filter>,
    },
    /// `["CLOSE", id]`
    Close {
        /// Subscription id.
        id: String,
    },
    /// `["EVENT", event]`: the event's JSON, parsed and checked by the caller.
    Event(&'a RawValue),
    /// `["AUTH", event]` (NIP-42): the signed kind 22242 event's JSON.
    Auth(&'a RawValue),
}

/// Why a client message was refused.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum MessageError {
    /// Not a JSON array.
    #[error("invalid: message is not a JSON array")]
    NotArray,
    /// The first element is not a known message type.
    #[error("invalid: unknown message type {0:?}")]
    UnknownType(String),
    /// Wrong number of elements.
    #[error("invalid: {0} message has the wrong number of elements")]
    Arity(&'static str),
    /// The subscription id is not a string of 1 to 64 characters.
    #[error("invalid: subscription id must be a string of 1 to 64 characters")]
    SubscriptionId,
    /// A filter could not be read (the subscription id is known: answer with CLOSED).
    #[error("invalid: filter {index}: {reason}")]
    Filter {
        /// The subscription id.
        id: String,
        /// Which filter (0-based).
        index: usize,
        /// Why.
        reason: String,
    },
    /// More filters than the server allows.
    #[error("invalid: too many filters ({got}, at most {max})")]
    TooManyFilters {
        /// The subscription id.
        id: String,
        /// Given.
        got: usize,
        /// Allowed.
        max: usize,
    },
}

impl MessageError {
    /// The subscription the error belongs to, when it has one (answer with CLOSED, not NOTICE).
    pub fn subscription(&self) -> Option<&str> {
        match self {
            Self::Filter { id, .. } | Self::TooManyFilters { id, .. } => Some(id),
            _ => None,
        }
    }
}

impl<'a> ClientMessage<'a> {
    /// Parses one text frame.
    pub fn parse(text: &'a str, max_filters: usize) -> Result<Self, MessageError> {
        let parts: Vec<&'a RawValue> =
            serde_json::from_str(text).map_err(|_| MessageError::NotArray)?;
        let kind: String = parts
            .first()
            .and_then(|k| serde_json::from_str(k.get()).ok())
            .ok_or(MessageError::NotArray)?;
        match kind.as_str() {
            "EVENT" => match parts.as_slice() {
                [_, event] => Ok(Self::Event(event)),
                _ => Err(MessageError::Arity("EVENT")),
            },
            "AUTH" => match parts.as_slice() {
                [_, event] => Ok(Self::Auth(event)),
                _ => Err(MessageError::Arity("AUTH")),
            },
            "CLOSE" => match parts.as_slice() {
                [_, id] => Ok(Self::Close {
                    id: subscription_id(id)?,
                }),
                _ => Err(MessageError::Arity("CLOSE")),
            },
            "REQ" | "COUNT" => {
                let name = if kind == "REQ" { "REQ" } else { "COUNT" };
                let [_, id, filters @ ..] = parts.as_slice() else {
                    return Err(MessageError::Arity(name));
                };
                let id = subscription_id(id)?;
                if filters.is_empty() {
                    return Err(MessageError::Arity(name));
                }
                if filters.len() > max_filters {
                    return Err(MessageError::TooManyFilters {
                        id,
                        got: filters.len(),
                        max: max_filters,
                    });
                }
                let filters = filters
                    .iter()
                    .enumerate()
                    .map(|(index, raw)| {
                        Filter::from_json(raw.get()).map_err(|e| MessageError::Filter {
                            id: id.clone(),
                            index,
                            reason: e.to_string(),
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(if name == "REQ" {
                    Self::Req { id, filters }
                } else {
                    Self::Count { id, filters }
                })
            }
            other => Err(MessageError::UnknownType(truncate(other, 32).to_owned())),
        }
    }
}

fn subscription_id(raw: &RawValue) -> Result<String, MessageError> {
    let id: String = serde_json::from_str(raw.get()).map_err(|_| MessageError::SubscriptionId)?;
    if id.is_empty() || id.chars().count() > MAX_SUBSCRIPTION_ID {
        return Err(MessageError::SubscriptionId);
    }
    Ok(id)
}

/// At most `max` bytes of `s`, cut on a character boundary.
pub fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// A JSON string literal.
fn quoted(s: &str) -> String {
    // Serializing a &str cannot fail.
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_owned())
}

/// `["EVENT", sub, event]` around an event's JSON.
pub fn event_frame(sub_json: &str, event_json: &str) -> String {
    let mut frame = String::with_capacity(event_json.len() + sub_json.len() + 12);
    frame.push_str("[\"EVENT\",");
    frame.push_str(sub_json);
    frame.push(',');
    frame.push_str(event_json);
    frame.push(']');
    frame
}

/// A subscription id as a JSON string (computed once per subscription).
pub fn sub_json(id: &str) -> String {
    quoted(id)
}

/// `["EOSE", sub]`
pub fn eose_frame(id: &str) -> String {
    format!("[\"EOSE\",{}]", quoted(id))
}

/// `["CLOSED", sub, message]`
pub fn closed_frame(id: &str, message: &str) -> String {
    format!("[\"CLOSED\",{},{}]", quoted(id), quoted(message))
}

/// `["NOTICE", message]`
pub fn notice_frame(message: &str) -> String {
    format!("[\"NOTICE\",{}]", quoted(message))
}

/// `["OK", id, accepted, message]`
pub fn ok_frame(id: &EventId, accepted: bool, message: &str) -> String {
    format!("[\"OK\",\"{id}\",{accepted},{}]", quoted(message))
}

/// `["AUTH", challenge]`
pub fn auth_frame(challenge: &str) -> String {
    format!("[\"AUTH\",{}]", quoted(challenge))
}

/// `["COUNT", sub, {"count": n, "approximate": bool}]`
pub fn count_frame(id: &str, count: u64, approximate: bool) -> String {
    format!(
        "[\"COUNT\",{},{{\"count\":{count},\"approximate\":{approximate}}}]",
        quoted(id)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_message_type() {
        let req =
            ClientMessage::parse(r#"["REQ","s1",{"kinds":[1],"limit":5},{"authors":[]}]"#, 10);
        assert!(
            matches!(req, Ok(ClientMessage::Req { ref id, ref filters }) if id == "s1" && filters.len() == 2)
        );
        assert!(matches!(
            ClientMessage::parse(r#"["CLOSE","s1"]"#, 10),
            Ok(ClientMessage::Close { id }) if id == "s1"
        ));
        assert!(matches!(
            ClientMessage::parse(r#"["COUNT","c",{"kinds":[1]}]"#, 10),
            Ok(ClientMessage::Count { .. })
        ));
        assert!(matches!(
            ClientMessage::parse(r#"["EVENT",{"id":"x"}]"#, 10),
            Ok(ClientMessage::Event(raw)) if raw.get() == r#"{"id":"x"}"#
        ));
    }

    #[test]
    fn refuses_bad_messages_with_typed_errors() {
        let parse = |t| ClientMessage::parse(t, 2).map(|_| ()).unwrap_err();
        assert_eq!(parse("nope"), MessageError::NotArray);
        assert_eq!(parse("{}"), MessageError::NotArray);
        assert_eq!(parse("[]"), MessageError::NotArray);
        assert_eq!(
            parse(r#"["HELLO"]"#),
            MessageError::UnknownType("HELLO".into())
        );
        assert_eq!(parse(r#"["REQ","s"]"#), MessageError::Arity("REQ"));
        assert_eq!(parse(r#"["REQ",5,{}]"#), MessageError::SubscriptionId);
        assert_eq!(parse(r#"["REQ","",{}]"#), MessageError::SubscriptionId);
        let long = format!(r#"["REQ","{}",{{}}]"#, "x".repeat(65));
        assert_eq!(parse(&long), MessageError::SubscriptionId);
        assert!(matches!(
            parse(r#"["REQ","s",{},{},{}]"#),
            MessageError::TooManyFilters { got: 3, max: 2, .. }
        ));
        let bad = parse(r#"["REQ","s",{"kinds":"x"}]"#);
        assert_eq!(bad.subscription(), Some("s"));
        assert_eq!(parse(r#"["EVENT"]"#), MessageError::Arity("EVENT"));
        assert_eq!(parse(r#"["CLOSE","a","b"]"#), MessageError::Arity("CLOSE"));
    }

    #[test]
    fn frames_escape_what_they_quote() {
        assert_eq!(
            closed_frame("a\"b", "error: x"),
            r#"["CLOSED","a\"b","error: x"]"#
        );
        assert_eq!(eose_frame("s"), r#"["EOSE","s"]"#);
        assert_eq!(
            count_frame("c", 3, true),
            r#"["COUNT","c",{"count":3,"approximate":true}]"#
        );
        assert_eq!(event_frame(&sub_json("s"), "{}"), r#"["EVENT","s",{}]"#);
        assert_eq!(truncate("héllo", 2), "h");
    }
}
