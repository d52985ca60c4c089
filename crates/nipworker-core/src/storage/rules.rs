//! The Nostr storage rules as one pure planner shared by every store: given a batch and what is
//! already stored, decide each event's status and what to insert, remove and tombstone.
//!
//! Keeping the rules out of the stores is what makes the SQLite and memory stores agree.

use std::collections::{HashMap, HashSet};

use crate::protocol::{Event, EventId, Kind, KindClass, PublicKey, Timestamp};

use super::{RELAY_LIST, RejectReason, SaveStatus};

/// A replaceable or addressable event's coordinate: (kind, pubkey, `d`), `d` empty for
/// replaceable kinds (NIP-01 `a` tag form `<kind>:<pubkey>:<d>`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Address {
    /// The kind (replaceable or addressable).
    pub kind: Kind,
    /// The author.
    pub pubkey: PublicKey,
    /// The `d` tag value ("" for replaceable kinds).
    pub d: String,
}

impl Address {
    /// The coordinate of `event`, if its kind is replaceable or addressable.
    pub fn of(event: &Event) -> Option<Address> {
        let d = match event.kind.class() {
            KindClass::Replaceable => String::new(),
            KindClass::Addressable => event.d_tag().to_owned(),
            KindClass::Regular | KindClass::Ephemeral => return None,
        };
        Some(Address {
            kind: event.kind,
            pubkey: event.pubkey,
            d,
        })
    }

    /// Parses an `a` tag value `<kind>:<pubkey hex>:<d>` (`d` may itself hold colons).
    pub fn parse(s: &str) -> Option<Address> {
        let mut parts = s.splitn(3, ':');
        let kind = Kind(parts.next()?.parse::<u16>().ok()?);
        let pubkey = PublicKey::from_hex(parts.next()?).ok()?;
        let d = parts.next()?.to_owned();
        matches!(
            kind.class(),
            KindClass::Replaceable | KindClass::Addressable
        )
        .then_some(Address { kind, pubkey, d })
    }
}

/// A NIP-65 relay list: where an author writes (their outbox) and reads (their inbox).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RelayList {
    /// Relays the author reads from (mentions of them should go there).
    pub read: Vec<String>,
    /// Relays the author writes to (fetch their events there).
    pub write: Vec<String>,
    /// When the list was published.
    pub created_at: Timestamp,
}

impl RelayList {
    /// Reads the `r` tags of a kind-10002 event: no marker means both, `read`/`write` one side.
    /// Only `ws://` and `wss://` URLs are kept, each once, in the order given.
    pub fn from_event(event: &Event) -> RelayList {
        let mut list = RelayList {
            created_at: event.created_at,
            ..RelayList::default()
        };
        for tag in event.tags_named("r") {
            let Some(url) = tag.value().map(str::trim) else {
                continue;
            };
            let lower = url.get(..6).map(str::to_ascii_lowercase);
            if !matches!(lower.as_deref(), Some("wss://")) && !url.starts_with("ws://") {
                continue;
            }
            let (read, write) = match tag.get(2) {
                Some("read") => (true, false),
                Some("write") => (false, true),
                _ => (true, true),
            };
            if read && !list.read.iter().any(|u| u == url) {
                list.read.push(url.to_owned());
            }
            if write && !list.write.iter().any(|u| u == url) {
                list.write.push(url.to_owned());
            }
        }
        list
    }
}

/// Eviction classes, evicted in increasing order.
pub(crate) fn evict_class(kind: Kind) -> u8 {
    match kind.class() {
        KindClass::Regular | KindClass::Ephemeral => 0,
        KindClass::Addressable => 1,
        KindClass::Replaceable if kind == RELAY_LIST => 3,
        KindClass::Replaceable => 2,
    }
}

/// Bytes an event counts against `max_bytes`: the length of its JSON.
pub(crate) fn event_size(json: &str) -> u64 {
    json.len() as u64
}

/// What the planner needs to know about a stored event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoredMeta {
    pub id: EventId,
    pub pubkey: PublicKey,
    pub kind: Kind,
    pub created_at: Timestamp,
}

/// Read access to what is stored before the batch.
pub(crate) trait StoredState {
    /// The stored event with this id.
    fn stored(&self, id: &EventId) -> Option<StoredMeta>;
    /// The stored version at this address.
    fn head(&self, address: &Address) -> Option<StoredMeta>;
    /// True if `author` deleted `id` (by an `e` tag).
    fn id_deleted(&self, id: &EventId, author: &PublicKey) -> bool;
    /// The newest `created_at` of a deletion of this address (by an `a` tag).
    fn address_deleted_until(&self, address: &Address) -> Option<Timestamp>;
}

/// Everything a store must do to apply a batch.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    /// One status per input event.
    pub statuses: Vec<SaveStatus>,
    /// Indices (into the batch) of the events to insert, in batch order.
    pub insert: Vec<usize>,
    /// Previously stored events to remove.
    pub remove: Vec<EventId>,
    /// New `e` tombstones: (target, author, deletion id).
    pub id_tombstones: Vec<(EventId, PublicKey, EventId)>,
    /// New `a` tombstones: (address, deletion created_at, deletion id).
    pub address_tombstones: Vec<(Address, Timestamp, EventId)>,
}

/// True if `a` comes before `b` in NIP-01 order (newer first, then lower id).
pub(crate) fn newer(a_at: Timestamp, a_id: &EventId, b_at: Timestamp, b_id: &EventId) -> bool {
    a_at > b_at || (a_at == b_at && a_id < b_id)
}

/// Plans a batch as if its events were saved one by one, in order.
pub(crate) fn plan(
    events: &[Event],
    state: &impl StoredState,
    now: Timestamp,
    max_event_bytes: Option<u64>,
    sizes: &[u64],
) -> Plan {
    let mut overlay = Overlay {
        state,
        added: HashMap::new(),
        removed: HashSet::new(),
        heads: HashMap::new(),
        id_tombs: HashSet::new(),
        addr_tombs: HashMap::new(),
    };
    let mut plan = Plan::default();
    for i in 0..events.len() {
        let status = overlay.save(events, i, now, max_event_bytes, sizes, &mut plan);
        plan.statuses.push(status);
    }
    let mut insert: Vec<usize> = overlay.added.into_values().collect();
    insert.sort_unstable();
    plan.insert = insert;
    let mut remove: Vec<EventId> = overlay.removed.into_iter().collect();
    remove.sort_unstable();
    plan.remove = remove;
    plan
}

struct Overlay<'s, S> {
    state: &'s S,
    /// Batch events inserted so far (and not removed again): id -> batch index.
    added: HashMap<EventId, usize>,
    /// Previously stored events removed by this batch.
    removed: HashSet<EventId>,
    /// Addresses whose head changed in this batch.
    heads: HashMap<Address, Option<StoredMeta>>,
    id_tombs: HashSet<(EventId, PublicKey)>,
    addr_tombs: HashMap<Address, Timestamp>,
}

fn meta(event: &Event) -> StoredMeta {
    StoredMeta {
        id: event.id,
        pubkey: event.pubkey,
        kind: event.kind,
        created_at: event.created_at,
    }
}

impl<S: StoredState> Overlay<'_, S> {
    fn stored(&self, events: &[Event], id: &EventId) -> Option<StoredMeta> {
        if let Some(&i) = self.added.get(id) {
            return Some(meta(&events[i]));
        }
        if self.removed.contains(id) {
            return None;
        }
        self.state.stored(id)
    }

    fn head(&self, address: &Address) -> Option<StoredMeta> {
        match self.heads.get(address) {
            Some(h) => h.clone(),
            None => self
                .state
                .head(address)
                .filter(|m| !self.removed.contains(&m.id)),
        }
    }

    /// Removes a stored or batch-added event; the caller fixes heads.
    fn remove(&mut self, id: &EventId) {
        if self.added.remove(id).is_none() {
            self.removed.insert(*id);
        }
    }

    fn save(
        &mut self,
        events: &[Event],
        i: usize,
        now: Timestamp,
        max_event_bytes: Option<u64>,
        sizes: &[u64],
        plan: &mut Plan,
    ) -> SaveStatus {
        let event = &events[i];
        let rejected = |reason| SaveStatus::Rejected { reason };
        if event.kind.is_ephemeral() {
            return rejected(RejectReason::Ephemeral);
        }
        if i64::try_from(event.created_at.as_u64()).is_err() {
            return rejected(RejectReason::TimestampOutOfRange);
        }
        if event.is_expired(now) {
            return rejected(RejectReason::Expired);
        }
        if max_event_bytes.is_some_and(|max| sizes.get(i).is_some_and(|&s| s > max)) {
            return rejected(RejectReason::TooLarge);
        }
        if self.stored(events, &event.id).is_some() {
            return SaveStatus::Duplicate;
        }
        if event.kind != Kind::DELETION
            && (self.id_tombs.contains(&(event.id, event.pubkey))
                || self.state.id_deleted(&event.id, &event.pubkey))
        {
            return SaveStatus::Deleted {
                removed: Vec::new(),
            };
        }
        let address = Address::of(event);
        let mut replaced = Vec::new();
        if let Some(address) = &address {
            let deleted_until = self
                .addr_tombs
                .get(address)
                .copied()
                .max(self.state.address_deleted_until(address));
            if deleted_until.is_some_and(|until| event.created_at <= until) {
                return SaveStatus::Deleted {
                    removed: Vec::new(),
                };
            }
            if let Some(head) = self.head(address) {
                if newer(head.created_at, &head.id, event.created_at, &event.id) {
                    return rejected(RejectReason::Superseded);
                }
                self.remove(&head.id);
                replaced.push(head.id);
            }
            self.heads.insert(address.clone(), Some(meta(event)));
        }
        self.added.insert(event.id, i);
        if event.kind == Kind::DELETION {
            let removed = self.apply_deletion(events, event, plan);
            if !removed.is_empty() {
                return SaveStatus::Deleted { removed };
            }
        }
        if replaced.is_empty() {
            SaveStatus::Saved
        } else {
            SaveStatus::Replaced { old: replaced }
        }
    }

    fn apply_deletion(
        &mut self,
        events: &[Event],
        deletion: &Event,
        plan: &mut Plan,
    ) -> Vec<EventId> {
        let mut removed = Vec::new();
        for tag in &deletion.tags {
            match (tag.name(), tag.value()) {
                (Some("e"), Some(value)) => {
                    let Ok(target) = EventId::from_hex(value) else {
                        continue;
                    };
                    if self.id_tombs.insert((target, deletion.pubkey)) {
                        plan.id_tombstones
                            .push((target, deletion.pubkey, deletion.id));
                    }
                    let Some(m) = self.stored(events, &target) else {
                        continue;
                    };
                    // Only the author may delete, and deleting a deletion has no effect (NIP-09).
                    if m.pubkey != deletion.pubkey || m.kind == Kind::DELETION {
                        continue;
                    }
                    // A stored head removed here is hidden by `removed`; a batch one is a head
                    // in `heads` (older batch versions were dropped when it replaced them).
                    if let Some(&index) = self.added.get(&target)
                        && let Some(address) = Address::of(&events[index])
                    {
                        self.heads.insert(address, None);
                    }
                    self.remove(&target);
                    removed.push(target);
                }
                (Some("a"), Some(value)) => {
                    let Some(address) = Address::parse(value) else {
                        continue;
                    };
                    if address.pubkey != deletion.pubkey {
                        continue;
                    }
                    let until = self.addr_tombs.entry(address.clone()).or_default();
                    *until = (*until).max(deletion.created_at);
                    plan.address_tombstones.push((
                        address.clone(),
                        deletion.created_at,
                        deletion.id,
                    ));
                    if let Some(head) = self.head(&address)
                        && head.created_at <= deletion.created_at
                    {
                        self.remove(&head.id);
                        self.heads.insert(address, None);
                        removed.push(head.id);
                    }
                }
                _ => {}
            }
        }
        removed
    }
}
