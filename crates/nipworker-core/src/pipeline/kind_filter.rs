//! Kind filter pipe: keeps only events of the configured kinds (relays may send more than asked).

use std::collections::HashSet;

use super::item::Item;
use crate::protocol::Kind;

/// Keeps events whose kind is in the set.
#[derive(Debug, Clone, Default)]
pub struct KindFilter {
    kinds: HashSet<Kind>,
}

impl KindFilter {
    /// A filter passing exactly `kinds`.
    pub fn new(kinds: impl IntoIterator<Item = Kind>) -> Self {
        Self {
            kinds: kinds.into_iter().collect(),
        }
    }

    /// Drops other kinds; returns how many were dropped.
    pub fn apply(&self, items: &mut Vec<Item>) -> u64 {
        let before = items.len();
        items.retain(|i| self.kinds.contains(&i.event.kind));
        (before - items.len()) as u64
    }
}
