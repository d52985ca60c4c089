//! Counters of the connections worker: frames in, events delivered, and every drop by its reason,
//! so untrusted input that is thrown away is still visible.

use std::sync::atomic::{AtomicU64, Ordering};

macro_rules! counters {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        /// Live counters, shared by the worker's tasks (relaxed atomics: totals, not a log).
        #[derive(Debug, Default)]
        pub struct ConnectionStats {
            $($(#[$doc])* pub(crate) $name: AtomicU64,)*
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

impl ConnectionStats {
    /// Adds one to a counter.
    pub(crate) fn bump(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }
}
