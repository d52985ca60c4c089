//! Dedup pipe: drops events whose id was already seen by this subscription (cache and relays
//! overlap, and so do relays after a reconnect). Bounded: the oldest ids are forgotten first.

use std::collections::{HashSet, VecDeque};

use super::item::Item;
use crate::protocol::EventId;

/// Remembers up to `capacity` ids.
#[derive(Debug, Clone)]
pub struct Dedup {
    capacity: usize,
    seen: HashSet<EventId>,
    order: VecDeque<EventId>,
}

impl Dedup {
    /// Remembers the last `capacity` ids (at least one).
    pub fn new(capacity: usize) -> Self {
        let capacity = capacity.max(1);
        Self {
            capacity,
            seen: HashSet::with_capacity(capacity.min(1 << 16)),
            order: VecDeque::with_capacity(capacity.min(1 << 16)),
        }
    }

    /// Records `id`; false when it was already there.
    pub fn insert(&mut self, id: EventId) -> bool {
        if !self.seen.insert(id) {
            return false;
        }
        self.order.push_back(id);
        if self.order.len() > self.capacity
            && let Some(old) = self.order.pop_front()
        {
            self.seen.remove(&old);
        }
        true
    }

    /// Ids remembered right now.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when no id is remembered.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Drops repeated events; returns how many.
    pub fn apply(&mut self, items: &mut Vec<Item>) -> u64 {
        let before = items.len();
        items.retain(|i| self.insert(i.event.id));
        (before - items.len()) as u64
    }
}
