//! Live subscriptions shared between clients: identical live filters from any number of clients
//! (relay socket or `/v1/subscribe`) ride on one upstream subscription of the shared
//! `NostrClient`, whose events are serialized once and fanned out on a broadcast channel.
//!
//! The upstream subscription asks relays only for events from the moment it opens (stored events
//! are each client's own query); it is closed (CLOSE upstream) when its last client leaves.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};

use futures::StreamExt;
use nipworker_core::client::{CacheMode, Preset, SubscribeOptions, SubscriptionItem};
use nipworker_core::{Event, EventId, Filter, NostrClient, Timestamp};
use tokio::sync::broadcast;

/// Taken off "now" when an upstream live subscription opens, so an event a relay stored just
/// before still reaches clients (duplicates with their stored phase are filtered by id).
const LIVE_OVERLAP_SECS: u64 = 10;

/// An event from upstream, serialized once for every client.
#[derive(Debug)]
pub struct LiveEvent {
    /// The event.
    pub event: Event,
    /// Its NIP-01 JSON.
    pub json: Box<str>,
    /// The relay it came from.
    pub relay: Option<String>,
}

impl LiveEvent {
    /// The event's id.
    pub fn id(&self) -> EventId {
        self.event.id
    }
}

/// What a shared subscription broadcasts.
#[derive(Debug, Clone)]
pub enum LiveItem {
    /// A new event.
    Event(Arc<LiveEvent>),
    /// The gateway's own reader fell behind the upstream subscription and skipped events.
    Gap(u64),
    /// The upstream subscription ended (the reason, with a NIP-01 prefix).
    Ended(String),
}

type SharedMap = Arc<Mutex<HashMap<String, Weak<Upstream>>>>;

/// The hub of shared live subscriptions.
#[derive(Debug)]
pub struct LiveHub {
    client: Mutex<Weak<NostrClient>>,
    shared: SharedMap,
    capacity: usize,
}

/// One shared upstream subscription; closed when the last [`LiveFeed`] drops.
#[derive(Debug)]
struct Upstream {
    key: String,
    tx: broadcast::Sender<LiveItem>,
    task: tokio::task::AbortHandle,
    shared: Weak<Mutex<HashMap<String, Weak<Upstream>>>>,
}

impl Drop for Upstream {
    fn drop(&mut self) {
        self.task.abort();
        if let Some(shared) = self.shared.upgrade()
            && let Ok(mut shared) = shared.lock()
            && shared
                .get(&self.key)
                .is_some_and(|weak| weak.strong_count() == 0)
        {
            shared.remove(&self.key);
        }
    }
}

/// A client's place on a shared live subscription.
#[derive(Debug)]
pub struct LiveFeed {
    _upstream: Arc<Upstream>,
    /// The items, from the moment the client joined.
    pub rx: broadcast::Receiver<LiveItem>,
}

impl LiveHub {
    /// A hub on `client`; each shared subscription buffers `capacity` items for its slowest
    /// client.
    pub fn new(client: Arc<NostrClient>, capacity: usize) -> Self {
        Self {
            client: Mutex::new(Arc::downgrade(&client)),
            shared: SharedMap::default(),
            capacity,
        }
    }

    /// Upstream subscriptions open now.
    pub fn open(&self) -> usize {
        self.shared.lock().map(|s| s.len()).unwrap_or(0)
    }

    /// Lets go of the client (at shutdown): no new upstream subscription opens.
    pub fn close(&self) {
        if let Ok(mut client) = self.client.lock() {
            *client = Weak::new();
        }
        let all: Vec<Arc<Upstream>> = self
            .shared
            .lock()
            .map(|s| s.values().filter_map(Weak::upgrade).collect())
            .unwrap_or_default();
        for upstream in all {
            upstream.task.abort();
        }
    }

    /// Joins (or opens) the live subscription for `filters`; `None` when no filter can match
    /// an event published from now on (every `until` is in the past).
    pub fn join(&self, filters: &[Filter]) -> Option<LiveFeed> {
        let now = Timestamp::now();
        let live: Vec<Filter> = filters.iter().filter_map(|f| live_filter(f, now)).collect();
        if live.is_empty() {
            return None;
        }
        let key = live
            .iter()
            .map(Filter::to_json)
            .collect::<Vec<_>>()
            .join(",");
        let mut shared = self.shared.lock().ok()?;
        if let Some(upstream) = shared.get(&key).and_then(Weak::upgrade) {
            let rx = upstream.tx.subscribe();
            return Some(LiveFeed {
                _upstream: upstream,
                rx,
            });
        }
        let client = self.client.lock().ok()?.clone();
        client.upgrade()?;
        let (tx, rx) = broadcast::channel(self.capacity);
        let since = Timestamp(now.0.saturating_sub(LIVE_OVERLAP_SECS));
        let upstream_filters: Vec<Filter> = live
            .into_iter()
            .map(|mut f| {
                f.since = Some(f.since.map_or(since, |s| s.max(since)));
                f
            })
            .collect();
        let task = tokio::spawn(run_upstream(client, upstream_filters, tx.clone()));
        let upstream = Arc::new(Upstream {
            key: key.clone(),
            tx,
            task: task.abort_handle(),
            shared: Arc::downgrade(&self.shared),
        });
        shared.insert(key, Arc::downgrade(&upstream));
        Some(LiveFeed {
            _upstream: upstream,
            rx,
        })
    }
}

/// The part of `filter` that can match events published from `now` on: without `limit` (it
/// bounds stored events only) and without a `since` already past; `None` if `until` is past.
fn live_filter(filter: &Filter, now: Timestamp) -> Option<Filter> {
    if filter.until.is_some_and(|until| until < now) || filter.is_unsatisfiable() {
        return None;
    }
    let mut live = filter.clone();
    live.limit = None;
    if live.since.is_some_and(|since| since <= now) {
        live.since = None;
    }
    Some(live)
}

/// Reads the upstream subscription and broadcasts its events until it ends or is aborted.
async fn run_upstream(
    client: Weak<NostrClient>,
    filters: Vec<Filter>,
    tx: broadcast::Sender<LiveItem>,
) {
    let subscription = {
        // The client is held only while opening: shutdown must be able to take it back.
        let Some(client) = client.upgrade() else {
            let _ = tx.send(LiveItem::Ended(
                "error: the gateway is shutting down".into(),
            ));
            return;
        };
        client
            .subscribe(
                filters,
                SubscribeOptions {
                    cache: CacheMode::NoCache,
                    close_on_eose: false,
                    preset: Preset::Raw,
                    buffer: 4096,
                    ..SubscribeOptions::default()
                },
            )
            .await
    };
    let mut subscription = match subscription {
        Ok(subscription) => subscription,
        Err(err) => {
            let _ = tx.send(LiveItem::Ended(format!("error: {err}")));
            return;
        }
    };
    while let Some(item) = subscription.next().await {
        let item = match item {
            SubscriptionItem::Event(view) => {
                let relay = view.relay().map(str::to_owned);
                let event = view.into_event();
                let json = event.to_json().into_boxed_str();
                LiveItem::Event(Arc::new(LiveEvent { event, json, relay }))
            }
            SubscriptionItem::Lagged { skipped } => LiveItem::Gap(skipped),
            // Relay-level closes and queueing are the client's business: others may serve.
            _ => continue,
        };
        // No receivers only means every client is between joins; nothing to do.
        let _ = tx.send(item);
    }
    let _ = tx.send(LiveItem::Ended(
        "error: every upstream relay closed the subscription".into(),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn live_filters_drop_limit_and_past_bounds() {
        let now = Timestamp(1_000_000);
        let f = Filter::new().limit(20).since(Timestamp(10));
        let live = live_filter(&f, now).map(|f| (f.limit, f.since));
        assert_eq!(live, Some((None, None)));
        let future = Filter::new().since(Timestamp(2_000_000));
        assert_eq!(
            live_filter(&future, now).and_then(|f| f.since),
            Some(Timestamp(2_000_000))
        );
        assert!(live_filter(&Filter::new().until(Timestamp(5)), now).is_none());
    }
}
