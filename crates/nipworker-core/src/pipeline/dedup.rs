//! Dedup pipe: drops events whose id was already seen by this subscription (cache and relays
//! overlap, and so do relays after a reconnect). Bounded: the oldest ids are forgotten first.
//!
//! An id is remembered only once the event is shown to carry it: before a verify pipe the dedup
//! pipe drops only repeats of ids already confirmed, and the ids of the events that passed
//! verification are recorded after it ([`Dedup::commit`]). Otherwise a forged copy (same id,
//! changed content or a bad signature) arriving first would make the genuine event a "duplicate".

use std::collections::HashMap;
use std::hash::{BuildHasher, RandomState};

use super::item::Item;
use super::stats::PipelineStats;
use crate::protocol::{Event, EventId};
use crate::seen::SeenMap;

/// When the pipe may record an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Recording {
    /// A verify pipe comes later: ids are recorded by [`Dedup::commit`] after it.
    AfterVerify,
    /// The events were verified by an earlier pipe: record at once.
    Verified,
    /// Nothing verifies: record an id only if it is the hash of its event.
    CheckId,
}

/// Remembers up to `capacity` ids, each with a keyed hash of the signature it was delivered with,
/// so a later copy under another signature is told apart from a plain duplicate.
#[derive(Debug, Clone)]
pub struct Dedup {
    seen: SeenMap<EventId, u64>,
    recording: Recording,
    sig_hasher: RandomState,
}

/// Which kind of repeat an event is.
enum Repeat {
    /// Not delivered before.
    New,
    /// The same id and signature as a delivered event.
    Duplicate,
    /// The id of a delivered event under another signature: forged, or signed twice.
    Conflicting,
    /// The id and signature of a delivered event over other content: forged.
    Forged,
}

impl Dedup {
    /// Remembers the last `capacity` ids (at least one); checks each id against its event's hash
    /// before remembering it.
    pub fn new(capacity: usize) -> Self {
        Self::with_recording(capacity, Recording::CheckId)
    }

    pub(crate) fn with_recording(capacity: usize, recording: Recording) -> Self {
        Self {
            seen: SeenMap::new(capacity),
            recording,
            sig_hasher: RandomState::new(),
        }
    }

    /// Records `event` as delivered; false when its id was already there.
    pub fn insert(&mut self, event: &Event) -> bool {
        let sig = self.sig_hasher.hash_one(event.sig);
        self.seen.remember(event.id, sig).is_none()
    }

    /// Ids remembered right now.
    pub fn len(&self) -> usize {
        self.seen.len()
    }

    /// True when no id is remembered.
    pub fn is_empty(&self) -> bool {
        self.seen.is_empty()
    }

    fn repeat(&self, item: &Item) -> Repeat {
        let event = &item.event;
        match self.seen.get(&event.id) {
            None => Repeat::New,
            // One hash per dropped live copy, so a forged copy is counted as what it is.
            Some(_) if !item.is_cached() && event.verify_id().is_err() => Repeat::Forged,
            Some(sig) if *sig == self.sig_hasher.hash_one(event.sig) => Repeat::Duplicate,
            Some(_) => Repeat::Conflicting,
        }
    }

    /// Counts a dropped repeat; true for a new event.
    fn count(repeat: Repeat, stats: &mut PipelineStats) -> bool {
        match repeat {
            Repeat::New => return true,
            Repeat::Duplicate => stats.duplicates += 1,
            Repeat::Conflicting => stats.conflicting_copies += 1,
            Repeat::Forged => stats.bad_ids += 1,
        }
        false
    }

    /// Drops events already delivered; counts them in `stats` (duplicates, or conflicting
    /// copies under their own reason).
    pub fn apply(&mut self, items: &mut Vec<Item>, stats: &mut PipelineStats) {
        let recording = self.recording;
        items.retain(|i| {
            if !Self::count(self.repeat(i), stats) {
                return false;
            }
            match recording {
                Recording::AfterVerify => {}
                Recording::Verified => {
                    self.insert(&i.event);
                }
                // Cached events were checked when they were stored; a live event whose id is
                // not its hash passes unremembered (nothing in this pipeline verifies).
                Recording::CheckId => {
                    if i.is_cached() || i.event.verify_id().is_ok() {
                        self.insert(&i.event);
                    }
                }
            }
            true
        });
        if recording == Recording::AfterVerify {
            stats.duplicates += drop_exact_repeats(items);
        }
    }

    /// After verification: records the ids of the events that passed and drops the repeats among
    /// them (copies that were in flight together), counted in `stats`.
    pub fn commit(&mut self, items: &mut Vec<Item>, stats: &mut PipelineStats) {
        items.retain(|i| Self::count(self.repeat(i), stats) && self.insert(&i.event));
    }
}

/// Drops events equal in every field to an earlier event of the batch, so exact repeats cost no
/// verification; a copy that differs in anything (a forged one) stays for verify to judge.
fn drop_exact_repeats(items: &mut Vec<Item>) -> u64 {
    let mut first: HashMap<EventId, usize> = HashMap::with_capacity(items.len());
    let mut keep = vec![true; items.len()];
    for (at, item) in items.iter().enumerate() {
        match first.get(&item.event.id) {
            Some(&earlier) if items[earlier].event == item.event => keep[at] = false,
            Some(_) => {}
            None => {
                first.insert(item.event.id, at);
            }
        }
    }
    let before = items.len();
    let mut keep = keep.into_iter();
    items.retain(|_| keep.next().unwrap_or(true));
    (before - items.len()) as u64
}
