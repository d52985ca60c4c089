//! Cross-relay deduplication per subscription: the same event from five relays is delivered once.
//! Memory is bounded: past `capacity` ids the oldest are forgotten (first in, first out).

use std::collections::{HashSet, VecDeque};

use crate::protocol::EventId;

/// The ids one subscription has already delivered, at most `capacity` of them.
#[derive(Debug)]
pub(crate) struct SeenIds {
    set: HashSet<EventId>,
    order: VecDeque<EventId>,
    capacity: usize,
}

impl SeenIds {
    /// An empty set that remembers up to `capacity` ids (at least one).
    pub(crate) fn new(capacity: usize) -> Self {
        Self {
            set: HashSet::new(),
            order: VecDeque::new(),
            capacity: capacity.max(1),
        }
    }

    /// Records `id`; false if it was already seen (a duplicate to drop).
    pub(crate) fn insert(&mut self, id: EventId) -> bool {
        if !self.set.insert(id) {
            return false;
        }
        self.order.push_back(id);
        if self.order.len() > self.capacity
            && let Some(oldest) = self.order.pop_front()
        {
            self.set.remove(&oldest);
        }
        true
    }

    /// How many ids are remembered.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.order.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicates_are_caught_and_memory_is_bounded() {
        let mut seen = SeenIds::new(3);
        let id = |n: u8| EventId([n; 32]);
        assert!(seen.insert(id(1)));
        assert!(!seen.insert(id(1)));
        for n in 2..=10 {
            assert!(seen.insert(id(n)));
            assert!(seen.len() <= 3);
        }
        assert!(!seen.insert(id(10)));
        // The oldest ids were forgotten: delivered again rather than growing without bound.
        assert!(seen.insert(id(1)));
        assert_eq!(seen.len(), 3);
    }
}
