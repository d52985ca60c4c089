//! The memory of every dedup step: a bounded, first-in-first-out set (or map) of things already
//! seen (event ids, exact event copies). Past its capacity the oldest entries are forgotten, so a peer
//! that sends endless distinct events costs bounded memory.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;

/// Remembers up to `capacity` keys, each with a small value; the oldest are forgotten first.
#[derive(Debug, Clone)]
pub struct SeenMap<K, V> {
    map: HashMap<K, V>,
    order: VecDeque<K>,
    capacity: usize,
}

/// Remembers up to `capacity` values; the oldest are forgotten first.
pub type SeenSet<T> = SeenMap<T, ()>;

impl<K: Eq + Hash + Clone, V> SeenMap<K, V> {
    /// An empty map that remembers up to `capacity` keys (at least one).
    pub fn new(capacity: usize) -> Self {
        let capacity = capacity.max(1);
        // Grow as needed: most subscriptions never see their capacity in events.
        let initial = capacity.min(1024);
        Self {
            map: HashMap::with_capacity(initial),
            order: VecDeque::with_capacity(initial),
            capacity,
        }
    }

    /// Records `key` with `value` unless it is already there; returns the value already
    /// remembered (a repeat), or `None` when `key` is new.
    pub fn remember(&mut self, key: K, value: V) -> Option<&V> {
        if self.map.contains_key(&key) {
            return self.map.get(&key);
        }
        self.map.insert(key.clone(), value);
        self.order.push_back(key);
        if self.order.len() > self.capacity
            && let Some(oldest) = self.order.pop_front()
        {
            self.map.remove(&oldest);
        }
        None
    }

    /// The value remembered with `key`.
    pub fn get(&self, key: &K) -> Option<&V> {
        self.map.get(key)
    }

    /// True if `key` is remembered.
    pub fn contains(&self, key: &K) -> bool {
        self.map.contains_key(key)
    }

    /// How many keys are remembered.
    pub fn len(&self) -> usize {
        self.order.len()
    }

    /// True when nothing is remembered.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }
}

impl<K: Eq + Hash + Clone> SeenMap<K, ()> {
    /// Records `value`; false if it was already there (a repeat to drop).
    pub fn insert(&mut self, value: K) -> bool {
        self.remember(value, ()).is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_are_caught_and_memory_is_bounded() {
        let mut seen = SeenSet::new(3);
        assert!(seen.insert(1u8));
        assert!(!seen.insert(1));
        for n in 2..=10 {
            assert!(seen.insert(n));
            assert!(seen.len() <= 3);
        }
        assert!(!seen.insert(10));
        assert!(seen.contains(&9));
        // The oldest values were forgotten: seen again rather than growing without bound.
        assert!(!seen.contains(&1));
        assert!(seen.insert(1));
        assert_eq!(seen.len(), 3);
    }
}
