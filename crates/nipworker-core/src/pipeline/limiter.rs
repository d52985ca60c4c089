//! Per-author limiter pipe: at most `max_per_author` events of each author per subscription, so
//! one prolific (or spamming) author cannot fill a feed.

use std::collections::HashMap;

use super::item::Item;
use crate::protocol::PublicKey;

/// Passes the first `max` events of each author.
#[derive(Debug, Clone)]
pub struct AuthorLimiter {
    max: u32,
    seen: HashMap<PublicKey, u32>,
    /// A verify pipe comes later: events are counted by [`AuthorLimiter::commit`] after it, so
    /// forged events carrying someone's key cannot use up that author's share.
    after_verify: bool,
}

impl AuthorLimiter {
    /// At most `max` events per author, counted as they pass.
    pub fn new(max: u32) -> Self {
        Self {
            max,
            seen: HashMap::new(),
            after_verify: false,
        }
    }

    pub(crate) fn counting_after_verify(max: u32) -> Self {
        Self {
            after_verify: true,
            ..Self::new(max)
        }
    }

    /// Drops events past the limit; returns how many.
    pub fn apply(&mut self, items: &mut Vec<Item>) -> u64 {
        if self.after_verify {
            let before = items.len();
            let max = self.max;
            items.retain(|i| self.seen.get(&i.event.pubkey).is_none_or(|n| *n < max));
            return (before - items.len()) as u64;
        }
        self.commit(items)
    }

    /// Counts the events that passed verification and drops those past the limit; returns how
    /// many.
    pub fn commit(&mut self, items: &mut Vec<Item>) -> u64 {
        let before = items.len();
        items.retain(|i| {
            let n = self.seen.entry(i.event.pubkey).or_insert(0);
            if *n >= self.max {
                false
            } else {
                *n += 1;
                true
            }
        });
        (before - items.len()) as u64
    }
}
