//! Counter pipe: counts events per kind instead of delivering them (badges, "N new notes").
//! The counts are sent as a `Counts` message at each EOSE and at the end.

use std::collections::BTreeMap;

use planus::Builder;

use super::item::Item;
use crate::parser::serialize::{SubscriptionMessage, counts_message};
use crate::protocol::Kind;

/// Counts per kind.
#[derive(Debug, Clone, Default)]
pub struct Counter {
    counts: BTreeMap<Kind, u64>,
}

impl Counter {
    /// Counts and consumes the items.
    pub fn apply(&mut self, items: Vec<Item>) {
        for item in items {
            *self.counts.entry(item.event.kind).or_insert(0) += 1;
        }
    }

    /// The counts so far.
    pub fn counts(&self) -> &BTreeMap<Kind, u64> {
        &self.counts
    }

    /// A `Counts` message with the counts so far.
    pub fn message(&self, builder: &mut Builder, subscription_id: &str) -> SubscriptionMessage {
        counts_message(
            builder,
            subscription_id,
            self.counts.iter().map(|(k, n)| (*k, *n)),
        )
    }
}
