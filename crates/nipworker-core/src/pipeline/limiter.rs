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
}

impl AuthorLimiter {
    /// At most `max` events per author.
    pub fn new(max: u32) -> Self {
        Self {
            max,
            seen: HashMap::new(),
        }
    }

    /// Drops events past the limit; returns how many.
    pub fn apply(&mut self, items: &mut Vec<Item>) -> u64 {
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
