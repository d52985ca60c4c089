//! `MemoryStore`: the in-process event store, bounded, sharded by kind class, every index kept in
//! newest-first order. The browser's fallback when IndexedDB is unavailable, and a fast layer
//! in front of SQLite (see the storage bench for where it pays).

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap, HashSet};
use std::sync::{Arc, RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::protocol::{Event, EventId, Filter, Kind, KindClass, PublicKey, Timestamp};

use super::rules::{self, Address, RelayList, StoredMeta, StoredState};
use super::{
    EventStore, EventStream, RELAY_LIST, SaveStatus, StorageError, StoreConfig, StoreStats,
    usable_filters,
};

/// NIP-01 order: newest first, then lowest id.
type OrderKey = (Reverse<Timestamp>, EventId);

const SHARDS: usize = 3;

fn shard_of(kind: Kind) -> Option<usize> {
    match kind.class() {
        KindClass::Regular => Some(0),
        KindClass::Addressable => Some(1),
        KindClass::Replaceable => Some(2),
        KindClass::Ephemeral => None,
    }
}

#[derive(Debug)]
pub(crate) struct Entry {
    pub(crate) event: Event,
    size: u64,
    pub(crate) expires_at: Option<Timestamp>,
}

/// An index: events in NIP-01 order, holding the entry itself so a walk never looks it up again.
type Index = BTreeMap<OrderKey, Arc<Entry>>;

/// One kind class: its events and the indices that serve filters, all newest first.
#[derive(Debug, Default)]
struct Shard {
    events: Index,
    by_kind: HashMap<Kind, Index>,
    by_author: HashMap<PublicKey, Index>,
    by_tag: HashMap<(char, String), Index>,
}

fn tag_keys(event: &Event) -> impl Iterator<Item = (char, String)> + '_ {
    event.tags.iter().filter_map(|t| {
        let letter = t.single_letter()?;
        Some((letter, t.value()?.to_owned()))
    })
}

fn unindex<K: std::hash::Hash + Eq>(map: &mut HashMap<K, Index>, k: K, key: &OrderKey) {
    if let Some(set) = map.get_mut(&k) {
        set.remove(key);
        if set.is_empty() {
            map.remove(&k);
        }
    }
}

impl Shard {
    fn insert(&mut self, entry: Arc<Entry>) {
        let e = &entry.event;
        let key = (Reverse(e.created_at), e.id);
        self.by_kind
            .entry(e.kind)
            .or_default()
            .insert(key, entry.clone());
        self.by_author
            .entry(e.pubkey)
            .or_default()
            .insert(key, entry.clone());
        for tk in tag_keys(e) {
            self.by_tag
                .entry(tk)
                .or_default()
                .insert(key, entry.clone());
        }
        self.events.insert(key, entry);
    }

    fn remove(&mut self, key: &OrderKey) -> Option<Arc<Entry>> {
        let entry = self.events.remove(key)?;
        let e = &entry.event;
        unindex(&mut self.by_kind, e.kind, key);
        unindex(&mut self.by_author, e.pubkey, key);
        for tk in tag_keys(e) {
            unindex(&mut self.by_tag, tk, key);
        }
        Some(entry)
    }

    /// The newest `limit` unexpired matches of `filter` in this shard.
    fn select(&self, filter: &Filter, now: Timestamp, limit: usize, out: &mut Vec<Arc<Entry>>) {
        // Walk the smallest index the filter can use, merging its sets in order.
        let mut candidates: Vec<Vec<&Index>> = Vec::new();
        if let Some(authors) = &filter.authors {
            candidates.push(
                authors
                    .iter()
                    .filter_map(|a| self.by_author.get(a))
                    .collect(),
            );
        }
        if let Some(kinds) = &filter.kinds {
            candidates.push(kinds.iter().filter_map(|k| self.by_kind.get(k)).collect());
        }
        for (letter, values) in &filter.tags {
            candidates.push(
                values
                    .iter()
                    .filter_map(|v| self.by_tag.get(&(*letter, v.clone())))
                    .collect(),
            );
        }
        let best = candidates
            .into_iter()
            .min_by_key(|sets| sets.iter().map(|s| s.len()).sum::<usize>());
        let accept = |entry: &Arc<Entry>| {
            filter.matches(&entry.event) && entry.expires_at.is_none_or(|exp| exp > now)
        };
        let start = out.len();
        let bounded = |key: &OrderKey| filter.since.is_none_or(|s| key.0.0 >= s);
        match best {
            Some(sets) => {
                for (key, entry) in MergeNewestFirst::new(sets) {
                    if out.len() - start >= limit || !bounded(key) {
                        break;
                    }
                    if accept(entry) {
                        out.push(entry.clone());
                    }
                }
            }
            None => {
                let from = (
                    Reverse(filter.until.unwrap_or(Timestamp(u64::MAX))),
                    EventId([0; 32]),
                );
                for (key, entry) in self.events.range(from..) {
                    if out.len() - start >= limit || !bounded(key) {
                        break;
                    }
                    if accept(entry) {
                        out.push(entry.clone());
                    }
                }
            }
        }
    }
}

/// K-way merge of newest-first sets into one newest-first sequence without repeats.
struct MergeNewestFirst<'a> {
    iters: Vec<std::collections::btree_map::Iter<'a, OrderKey, Arc<Entry>>>,
    /// The entry under each iterator's key in `heap`.
    current: Vec<Option<&'a Arc<Entry>>>,
    heap: BinaryHeap<Reverse<(&'a OrderKey, usize)>>,
    last: Option<&'a OrderKey>,
}

impl<'a> MergeNewestFirst<'a> {
    fn new(sets: Vec<&'a Index>) -> Self {
        let mut iters: Vec<_> = sets.into_iter().map(|s| s.iter()).collect();
        let mut heap = BinaryHeap::with_capacity(iters.len());
        let mut current = Vec::with_capacity(iters.len());
        for (i, it) in iters.iter_mut().enumerate() {
            let next = it.next();
            if let Some((k, _)) = next {
                heap.push(Reverse((k, i)));
            }
            current.push(next.map(|(_, e)| e));
        }
        Self {
            iters,
            current,
            heap,
            last: None,
        }
    }
}

impl<'a> Iterator for MergeNewestFirst<'a> {
    type Item = (&'a OrderKey, &'a Arc<Entry>);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let Reverse((key, i)) = self.heap.pop()?;
            let entry = self.current.get(i).copied().flatten();
            let next = self.iters.get_mut(i).and_then(Iterator::next);
            if let Some((k, _)) = next {
                self.heap.push(Reverse((k, i)));
            }
            if let Some(slot) = self.current.get_mut(i) {
                *slot = next.map(|(_, e)| e);
            }
            if self.last != Some(key) {
                self.last = Some(key);
                if let Some(entry) = entry {
                    return Some((key, entry));
                }
            }
        }
    }
}

/// The events and indices of a memory store (also the SQLite store's hot layer).
#[derive(Debug, Default)]
pub(crate) struct State {
    shards: [Shard; SHARDS],
    /// Each event's shard and entry: one lookup for an id.
    ids: HashMap<EventId, (usize, Arc<Entry>)>,
    heads: HashMap<Address, EventId>,
    id_tombs: HashSet<(EventId, PublicKey)>,
    addr_tombs: HashMap<Address, Timestamp>,
    /// Events with a NIP-40 expiration, soonest first.
    expiring: BTreeSet<(Timestamp, EventId)>,
    bytes: u64,
}

impl State {
    pub(crate) fn entry(&self, id: &EventId) -> Option<&Arc<Entry>> {
        self.ids.get(id).map(|(_, entry)| entry)
    }

    pub(crate) fn remove(&mut self, id: &EventId) -> Option<Arc<Entry>> {
        let (shard, entry) = self.ids.remove(id)?;
        let key = (Reverse(entry.event.created_at), entry.event.id);
        let entry = self.shards[shard].remove(&key)?;
        self.bytes = self.bytes.saturating_sub(entry.size);
        if let Some(exp) = entry.expires_at {
            self.expiring.remove(&(exp, *id));
        }
        if let Some(address) = Address::of(&entry.event)
            && self.heads.get(&address) == Some(id)
        {
            self.heads.remove(&address);
        }
        Some(entry)
    }

    pub(crate) fn insert(&mut self, event: Event, size: u64) {
        let Some(shard) = shard_of(event.kind) else {
            return;
        };
        if let Some(address) = Address::of(&event) {
            self.heads.insert(address, event.id);
        }
        self.bytes += size;
        let expires_at = event.expiration();
        if let Some(exp) = expires_at {
            self.expiring.insert((exp, event.id));
        }
        let id = event.id;
        let entry = Arc::new(Entry {
            event,
            size,
            expires_at,
        });
        self.ids.insert(id, (shard, entry.clone()));
        self.shards[shard].insert(entry);
    }

    /// The events `query` returns, in order.
    /// The newest `limit` unexpired matches of one filter, in NIP-01 order.
    pub(crate) fn select_one(&self, filter: &Filter, now: Timestamp) -> Vec<Arc<Entry>> {
        let limit = filter.limit.unwrap_or(usize::MAX);
        let mut found = Vec::new();
        if let Some(ids) = &filter.ids {
            found.extend(
                ids.iter()
                    .filter_map(|id| self.entry(id))
                    .filter(|e| {
                        filter.matches(&e.event) && e.expires_at.is_none_or(|exp| exp > now)
                    })
                    .cloned(),
            );
        } else {
            let shards: Vec<usize> = match &filter.kinds {
                Some(kinds) => {
                    let set: BTreeSet<usize> = kinds.iter().filter_map(|k| shard_of(*k)).collect();
                    set.into_iter().collect()
                }
                None => (0..SHARDS).collect(),
            };
            for shard in shards {
                self.shards[shard].select(filter, now, limit, &mut found);
            }
        }
        found.sort_by_key(|e| (Reverse(e.event.created_at), e.event.id));
        found.truncate(limit);
        found
    }

    /// Every filter's matches merged: no event twice, NIP-01 order.
    pub(crate) fn merge(per_filter: Vec<Vec<Arc<Entry>>>) -> Vec<Arc<Entry>> {
        if per_filter.len() == 1 {
            // One filter's matches are already unique and ordered.
            return per_filter.into_iter().flatten().collect();
        }
        let mut seen = HashSet::new();
        let mut out: Vec<Arc<Entry>> = per_filter
            .into_iter()
            .flatten()
            .filter(|e| seen.insert(e.event.id))
            .collect();
        out.sort_by_key(|e| (Reverse(e.event.created_at), e.event.id));
        out
    }

    fn select(&self, filters: &[&Filter], now: Timestamp) -> Vec<Arc<Entry>> {
        Self::merge(filters.iter().map(|f| self.select_one(f, now)).collect())
    }

    fn evict(&mut self, config: &StoreConfig, now: Timestamp) {
        let limits = config.limits;
        let over = |s: &State| {
            limits.max_events.is_some_and(|m| s.ids.len() as u64 > m)
                || limits.max_bytes.is_some_and(|m| s.bytes > m)
        };
        if !over(self) {
            return;
        }
        self.purge(now);
        // Classes in eviction order: regular, addressable, replaceable, relay lists; the shard
        // holding each class.
        for (class, shard) in [(0u8, 0usize), (1, 1), (2, 2), (3, 2)] {
            while over(self) {
                // Oldest first: the tail of the newest-first order.
                let victim = self.shards[shard]
                    .events
                    .iter()
                    .rev()
                    .find(|(_, e)| {
                        rules::evict_class(e.event.kind) == class
                            && !config.own_pubkeys.contains(&e.event.pubkey)
                    })
                    .map(|(_, e)| e.event.id);
                match victim {
                    Some(id) => {
                        self.remove(&id);
                    }
                    None => break,
                }
            }
        }
        if over(self) {
            tracing::warn!(
                events = self.ids.len(),
                bytes = self.bytes,
                "memory store over its limits with only the user's own events left"
            );
        }
    }

    fn purge(&mut self, now: Timestamp) -> u64 {
        let expired: Vec<EventId> = self
            .expiring
            .iter()
            .take_while(|(exp, _)| *exp <= now)
            .map(|(_, id)| *id)
            .collect();
        for id in &expired {
            self.remove(id);
        }
        expired.len() as u64
    }
}

/// What the SQLite store's hot layer needs beyond a memory store's own use.
#[cfg(all(feature = "sqlite", not(target_arch = "wasm32")))]
impl State {
    /// Events held.
    pub(crate) fn len(&self) -> usize {
        self.ids.len()
    }

    /// Bytes held, as counted at insert.
    pub(crate) fn bytes(&self) -> u64 {
        self.bytes
    }

    /// The oldest `created_at` held.
    pub(crate) fn oldest(&self) -> Option<Timestamp> {
        self.shards
            .iter()
            .filter_map(|s| s.events.last_key_value().map(|(k, _)| k.0.0))
            .min()
    }

    /// Removes every event older than `floor`; returns how many.
    pub(crate) fn remove_older_than(&mut self, floor: Timestamp) -> usize {
        let old: Vec<EventId> = self
            .shards
            .iter()
            .flat_map(|s| {
                s.events
                    .keys()
                    .rev()
                    .take_while(|k| k.0.0 < floor)
                    .map(|k| k.1)
            })
            .collect();
        for id in &old {
            self.remove(id);
        }
        old.len()
    }
}

impl StoredState for State {
    fn stored(&self, id: &EventId) -> Option<StoredMeta> {
        self.entry(id).map(|e| StoredMeta {
            id: e.event.id,
            pubkey: e.event.pubkey,
            kind: e.event.kind,
            created_at: e.event.created_at,
        })
    }

    fn head(&self, address: &Address) -> Option<StoredMeta> {
        self.stored(self.heads.get(address)?)
    }

    fn id_deleted(&self, id: &EventId, author: &PublicKey) -> bool {
        self.id_tombs.contains(&(*id, *author))
    }

    fn address_deleted_until(&self, address: &Address) -> Option<Timestamp> {
        self.addr_tombs.get(address).copied()
    }
}

/// An event store in memory, bounded by [`StoreConfig::limits`].
#[derive(Debug, Clone, Default)]
pub struct MemoryStore {
    state: Arc<RwLock<State>>,
    config: Arc<StoreConfig>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new(config: StoreConfig) -> Self {
        Self {
            state: Arc::default(),
            config: Arc::new(config),
        }
    }

    // A panic while holding the lock cannot leave a half-applied batch visible: batches are
    // planned first and applied without fallible steps, so a poisoned lock is still consistent.
    fn read(&self) -> RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    fn write(&self) -> RwLockWriteGuard<'_, State> {
        self.state.write().unwrap_or_else(|e| e.into_inner())
    }

    fn now(&self) -> Timestamp {
        (self.config.clock)()
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl EventStore for MemoryStore {
    async fn save_batch(&self, events: &[Event]) -> Result<Vec<SaveStatus>, StorageError> {
        let sizes: Vec<u64> = events
            .iter()
            .map(|e| rules::event_size(&e.to_json()))
            .collect();
        let now = self.now();
        let mut state = self.write();
        let plan = rules::plan(events, &*state, now, self.config.limits.max_bytes, &sizes);
        for id in &plan.remove {
            state.remove(id);
        }
        for &i in &plan.insert {
            state.insert(events[i].clone(), sizes[i]);
        }
        for (target, author, _) in &plan.id_tombstones {
            state.id_tombs.insert((*target, *author));
        }
        for (address, at, _) in &plan.address_tombstones {
            let until = state.addr_tombs.entry(address.clone()).or_default();
            *until = (*until).max(*at);
        }
        state.evict(&self.config, now);
        Ok(plan.statuses)
    }

    async fn query(&self, filters: &[Filter]) -> Result<EventStream, StorageError> {
        let filters = usable_filters(filters)?;
        let events: Vec<Result<Event, StorageError>> = self
            .read()
            .select(&filters, self.now())
            .into_iter()
            .map(|e| Ok(e.event.clone()))
            .collect();
        Ok(Box::pin(futures::stream::iter(events)))
    }

    async fn count(&self, filters: &[Filter]) -> Result<u64, StorageError> {
        let filters = usable_filters(filters)?;
        Ok(self.read().select(&filters, self.now()).len() as u64)
    }

    async fn get_by_id(&self, id: &EventId) -> Result<Option<Event>, StorageError> {
        let now = self.now();
        Ok(self
            .read()
            .entry(id)
            .filter(|e| e.expires_at.is_none_or(|exp| exp > now))
            .map(|e| e.event.clone()))
    }

    async fn delete(&self, filters: &[Filter]) -> Result<Vec<EventId>, StorageError> {
        let filters = usable_filters(filters)?;
        let now = self.now();
        let mut state = self.write();
        let ids: Vec<EventId> = state
            .select(&filters, now)
            .into_iter()
            .map(|e| e.event.id)
            .collect();
        for id in &ids {
            state.remove(id);
        }
        Ok(ids)
    }

    async fn relay_list(&self, pubkey: &PublicKey) -> Result<Option<RelayList>, StorageError> {
        let now = self.now();
        let state = self.read();
        let address = Address {
            kind: RELAY_LIST,
            pubkey: *pubkey,
            d: String::new(),
        };
        Ok(state
            .heads
            .get(&address)
            .and_then(|id| state.entry(id))
            .filter(|e| e.expires_at.is_none_or(|exp| exp > now))
            .map(|e| RelayList::from_event(&e.event)))
    }

    async fn purge_expired(&self) -> Result<u64, StorageError> {
        let now = self.now();
        Ok(self.write().purge(now))
    }

    async fn stats(&self) -> Result<StoreStats, StorageError> {
        let state = self.read();
        Ok(StoreStats {
            events: state.ids.len() as u64,
            bytes: state.bytes,
        })
    }

    async fn wipe(&self) -> Result<(), StorageError> {
        *self.write() = State::default();
        Ok(())
    }
}
