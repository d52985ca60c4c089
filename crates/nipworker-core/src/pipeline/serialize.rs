//! Serialize pipe: turns items into the `SubscriptionMessage`s the subscriber receives — a
//! `ParsedEvent` when the parse pipe ran, a `RawEvent` otherwise. One builder is reused.

use planus::Builder;

use super::item::Item;
use crate::parser::serialize::{
    Annotations, SubscriptionMessage, parsed_event_message_annotated, raw_event_message,
};

/// Writes FlatBuffers messages for one subscription.
#[derive(Debug)]
pub struct Serialize {
    subscription_id: String,
    builder: Builder,
}

impl Serialize {
    /// A serializer for `subscription_id`.
    pub fn new(subscription_id: impl Into<String>) -> Self {
        Self {
            subscription_id: subscription_id.into(),
            builder: Builder::new(),
        }
    }

    /// Writes one message per item.
    pub fn apply(&mut self, items: Vec<Item>, out: &mut Vec<SubscriptionMessage>) {
        out.reserve(items.len());
        for item in items {
            let msg = match &item.parsed {
                Some(parsed) => parsed_event_message_annotated(
                    &mut self.builder,
                    &self.subscription_id,
                    &item.event,
                    item.relay.as_deref(),
                    item.is_cached(),
                    Some(parsed.as_ref()),
                    Annotations {
                        proof_status: &item.proof_status,
                        preview: item.preview,
                    },
                ),
                None => raw_event_message(
                    &mut self.builder,
                    &self.subscription_id,
                    &item.event,
                    item.relay.as_deref(),
                    item.is_cached(),
                ),
            };
            out.push(msg);
        }
    }
}
