//! The stored phase of client requests, shared by identical concurrent requests: the first REQ
//! (or query) for a filter set runs one upstream request (cache, then each relay until its EOSE
//! or the query timeout); requests for the same filters arriving while it runs follow it instead
//! of sending their own REQs upstream, each reading the events gathered so far at its own pace.
//! Once it ends, the next identical request is a new one (served mostly from the cache, the
//! client asking relays only for newer events).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use futures::StreamExt;
use nipworker_core::client::{CacheMode, EventView, Preset, SubscribeOptions, SubscriptionItem};
use nipworker_core::{EventId, Filter};
use tokio::sync::watch;

use crate::state::AppState;

/// A stored event as the flight gathered it: its NIP-01 JSON is written once, for every client
/// that follows the flight.
#[derive(Debug)]
pub struct StoredEvent {
    /// The event as delivered (where it came from, cache or relay).
    pub view: EventView,
    /// Its NIP-01 JSON.
    pub json: Box<str>,
}

/// How a flight ended: `Ok` after every source, `Err(reason)` when it had to stop.
type Ending = Option<Result<(), String>>;

/// One upstream request and the events it gathered.
#[derive(Debug)]
struct Flight {
    key: String,
    events: Mutex<Vec<Arc<StoredEvent>>>,
    /// Bumped on every event; carries the ending once there is one.
    progress: watch::Sender<(usize, Ending)>,
}

/// Requests in flight, by their filters.
#[derive(Debug, Default)]
pub struct StoredHub {
    flights: Arc<Mutex<HashMap<String, Weak<Flight>>>>,
}

impl StoredHub {
    /// Upstream stored-event requests running now.
    pub fn running(&self) -> usize {
        self.flights.lock().map(|f| f.len()).unwrap_or(0)
    }
}

/// One client's view of a stored phase: the flight's events from the first, each once, at most
/// `cap`.
#[derive(Debug)]
pub struct Stored {
    flight: Arc<Flight>,
    progress: watch::Receiver<(usize, Ending)>,
    next: usize,
    sent: HashSet<EventId>,
    cap: usize,
    deadline: tokio::time::Instant,
}

impl Stored {
    /// Joins the flight for `filters` (limits already clamped) or starts one.
    pub async fn open(state: &AppState, filters: &[Filter], cap: usize) -> Result<Self, String> {
        let limits = &state.config().limits;
        // Followers wait at most as long as the flight itself may run.
        let deadline = tokio::time::Instant::now() + limits.query_timeout + Duration::from_secs(3);
        let key = filters
            .iter()
            .map(Filter::to_json)
            .collect::<Vec<_>>()
            .join(",");
        let hub = state.stored_hub();
        let flight = {
            let mut flights = hub
                .flights
                .lock()
                .map_err(|_| "error: internal lock poisoned".to_owned())?;
            match flights.get(&key).and_then(Weak::upgrade) {
                Some(flight) if flight.progress.borrow().1.is_none() => flight,
                _ => {
                    let (progress, _) = watch::channel((0, None));
                    let flight = Arc::new(Flight {
                        key: key.clone(),
                        events: Mutex::new(Vec::new()),
                        progress,
                    });
                    flights.insert(key, Arc::downgrade(&flight));
                    tokio::spawn(lead(
                        state.clone(),
                        filters.to_vec(),
                        flight.clone(),
                        Arc::downgrade(&hub.flights),
                    ));
                    flight
                }
            }
        };
        Ok(Self {
            progress: flight.progress.subscribe(),
            flight,
            next: 0,
            sent: HashSet::new(),
            cap,
            deadline,
        })
    }

    /// The next event; `Ok(None)` at the end; `Err(reason)` when the phase had to stop.
    pub async fn next(&mut self) -> Result<Option<Arc<StoredEvent>>, String> {
        // Bounded: each round yields an event, ends, or waits for progress before the deadline.
        loop {
            if self.sent.len() >= self.cap {
                return Ok(None);
            }
            let ending = self.progress.borrow_and_update().1.clone();
            let event = self
                .flight
                .events
                .lock()
                .ok()
                .and_then(|events| events.get(self.next).cloned());
            if let Some(event) = event {
                self.next += 1;
                if self.sent.insert(event.view.id()) {
                    return Ok(Some(event));
                }
                continue;
            }
            // Read before the events: an ending seen here comes after every event it covers.
            if let Some(ending) = ending {
                return ending.map(|()| None);
            }
            match tokio::time::timeout_at(self.deadline, self.progress.changed()).await {
                Ok(Ok(())) => {}
                // The leader is gone or took too long: what arrived is what there is.
                Ok(Err(_)) | Err(_) => return Ok(None),
            }
        }
    }

    /// The ids sent, so the live phase does not repeat them.
    pub fn into_sent(self) -> HashSet<EventId> {
        self.sent
    }
}

/// Runs the upstream request of `flight` to its end, whoever still follows it.
async fn lead(
    state: AppState,
    filters: Vec<Filter>,
    flight: Arc<Flight>,
    flights: Weak<Mutex<HashMap<String, Weak<Flight>>>>,
) {
    let ending = gather(&state, filters, &flight).await;
    flight.progress.send_modify(|p| p.1 = Some(ending));
    if let Some(flights) = flights.upgrade()
        && let Ok(mut flights) = flights.lock()
        && flights
            .get(&flight.key)
            .is_some_and(|weak| std::ptr::eq(weak.as_ptr(), Arc::as_ptr(&flight)))
    {
        flights.remove(&flight.key);
    }
}

async fn gather(state: &AppState, filters: Vec<Filter>, flight: &Flight) -> Result<(), String> {
    let limits = state.config().limits.clone();
    let cap = crate::feed::stored_cap(&filters, limits.max_limit);
    let subscription = {
        let client = state
            .client()
            .ok_or_else(|| "error: the gateway is shutting down".to_owned())?;
        client
            .subscribe(
                filters,
                SubscribeOptions {
                    cache: CacheMode::CacheFirst,
                    close_on_eose: true,
                    preset: Preset::Raw,
                    buffer: limits.client_queue.max(64),
                    eose_timeout: Some(limits.query_timeout),
                    relays: None,
                },
            )
            .await
            .map_err(|e| format!("error: {e}"))?
    };
    let mut subscription = subscription;
    let mut gathered = 0usize;
    // The subscription ends by itself after every relay's EOSE or timeout; this bounds it even
    // if something upstream never answers.
    let deadline = tokio::time::Instant::now() + limits.query_timeout + Duration::from_secs(2);
    loop {
        let item = match tokio::time::timeout_at(deadline, subscription.next()).await {
            Ok(Some(item)) => item,
            Ok(None) | Err(_) => return Ok(()),
        };
        match item {
            SubscriptionItem::Event(view) => {
                if gathered >= cap {
                    continue;
                }
                gathered += 1;
                let json = view.event().to_json().into_boxed_str();
                let stored = Arc::new(StoredEvent { view: *view, json });
                if let Ok(mut events) = flight.events.lock() {
                    events.push(stored);
                }
                flight.progress.send_modify(|p| p.0 += 1);
            }
            SubscriptionItem::Lagged { skipped } => {
                return Err(format!(
                    "error: the gateway fell behind: {skipped} stored events skipped"
                ));
            }
            // Every source is done (also when the gateway has no upstream relay at all, where
            // the cache's marker is the last one).
            SubscriptionItem::EndOfStoredEvents {
                pending_relays: 0, ..
            } => return Ok(()),
            _ => {}
        }
    }
}
