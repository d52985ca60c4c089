//! Counters of the connections worker: frames in, events delivered, and every drop by its reason,
//! so untrusted input that is thrown away is still visible.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Relays counted by name; later ones share the [`OTHER_RELAYS`] row, so a client routed to
/// thousands of relays (the outbox model) keeps a bounded map.
pub const MAX_COUNTED_RELAYS: usize = 1024;

/// The row that counts relays past [`MAX_COUNTED_RELAYS`].
pub const OTHER_RELAYS: &str = "other";

macro_rules! counters {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        /// Live counters, shared by the worker's tasks (relaxed atomics: totals, not a log).
        #[derive(Debug, Default)]
        pub struct ConnectionStats {
            $($(#[$doc])* pub(crate) $name: AtomicU64,)*
            /// Frames in and out per relay.
            per_relay: Mutex<HashMap<String, Arc<RelayFrameCounters>>>,
        }

        /// A copy of the counters at one moment.
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        pub struct StatsSnapshot {
            $($(#[$doc])* pub $name: u64,)*
        }

        impl ConnectionStats {
            /// Reads every counter.
            pub fn snapshot(&self) -> StatsSnapshot {
                StatsSnapshot {
                    $($name: self.$name.load(Ordering::Relaxed),)*
                }
            }
        }
    };
}

counters! {
    /// Text frames read from relays.
    frames_received,
    /// Events sent on to the parser or the crypto worker (after dedup).
    events_delivered,
    /// Events dropped because another relay already delivered the same copy (id and signature)
    /// for the subscription.
    duplicates_dropped,
    /// Events whose id is not the hash of their content: a forged or corrupted copy, dropped
    /// before anything remembers its id.
    forged_dropped,
    /// Frames larger than the scan limit, dropped unparsed.
    oversize_dropped,
    /// Frames that are not a valid relay message.
    malformed_dropped,
    /// Binary frames (Nostr uses text only).
    binary_dropped,
    /// Messages for a subscription id this worker did not open (or already closed).
    unknown_subscription_dropped,
    /// Events that do not match the filters of their subscription.
    filter_mismatch_dropped,
    /// OK messages for events this worker is not waiting on, and COUNT answers nobody asked for.
    unexpected_dropped,
    /// NIP-42 challenges received.
    auth_challenges,
    /// Requests refused because a relay's send queue was full and the caller asked not to wait.
    queue_full,
    /// Successful connections after the first one to the same relay.
    reconnects,
    /// Subscriptions re-sent after a reconnect.
    resubscribed,
    /// Relays that sent no EOSE within a subscription's EOSE timeout (counted as done).
    eose_timeouts,
    /// Connections ended because the relay sent a frame over the transport's size limit.
    oversize_disconnects,
    /// Items that could not be delivered because the receiving worker is gone.
    undeliverable,
}

/// Frames exchanged with one relay (relaxed atomics, shared by its task).
#[derive(Debug, Default)]
pub struct RelayFrameCounters {
    frames_in: AtomicU64,
    frames_out: AtomicU64,
}

impl RelayFrameCounters {
    /// One text frame read from the relay.
    pub(crate) fn frame_in(&self) {
        self.frames_in.fetch_add(1, Ordering::Relaxed);
    }

    /// One text frame written to the relay.
    pub(crate) fn frame_out(&self) {
        self.frames_out.fetch_add(1, Ordering::Relaxed);
    }
}

/// Frames exchanged with one relay since the worker started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelayFrames {
    /// The relay URL (or [`OTHER_RELAYS`]).
    pub relay: String,
    /// Text frames read.
    pub frames_in: u64,
    /// Text frames written.
    pub frames_out: u64,
}

impl ConnectionStats {
    /// The frame counters of `relay`, created on first use.
    pub(crate) fn relay(&self, relay: &str) -> Arc<RelayFrameCounters> {
        let Ok(mut map) = self.per_relay.lock() else {
            // A poisoned map only loses counts, never frames.
            return Arc::default();
        };
        if let Some(counters) = map.get(relay) {
            return counters.clone();
        }
        let key = if map.len() < MAX_COUNTED_RELAYS {
            relay
        } else {
            OTHER_RELAYS
        };
        map.entry(key.to_owned()).or_default().clone()
    }

    /// Frames in and out of every relay so far, sorted by relay.
    pub fn per_relay(&self) -> Vec<RelayFrames> {
        let mut rows: Vec<RelayFrames> = self
            .per_relay
            .lock()
            .map(|map| {
                map.iter()
                    .map(|(relay, c)| RelayFrames {
                        relay: relay.clone(),
                        frames_in: c.frames_in.load(Ordering::Relaxed),
                        frames_out: c.frames_out.load(Ordering::Relaxed),
                    })
                    .collect()
            })
            .unwrap_or_default();
        rows.sort_by(|a, b| a.relay.cmp(&b.relay));
        rows
    }

    /// Adds one to a counter.
    pub(crate) fn bump(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }
}
