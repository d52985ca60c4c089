//! Subscriptions across the boundary: the `Subscription` object whose async `next()` pulls one
//! item from the core's `Subscription` stream (so a slow app reads slowly and the core's bounded
//! buffer, not this layer, decides what it holds), the item records, and the listener pump that
//! pushes the same items to a `SubscriptionListener`.

#![deny(unsafe_code)]

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;

use futures::StreamExt;
use nipworker_core::client::{
    EventView, Subscription as CoreSubscription, SubscriptionItem as CoreItem,
};
use nipworker_core::ipc::ChannelMessage;
use nipworker_core::protocol::flatbuffers::fb;
use tokio::sync::{Mutex, watch};

use crate::error::NipworkerError;
use crate::parsed::{ParsedEvent, from_table};
use crate::runtime::{run, runtime};
use crate::types::Event;

/// Push delivery of a subscription (`callback interface SubscriptionListener` in the UDL; the
/// foreign app implements it). Called from a runtime thread, one call at a time.
pub trait SubscriptionListener: Send + Sync {
    /// The next item; the subscription waits until this returns.
    fn on_item(&self, item: SubscriptionItem);
    /// The end: `None` when the subscription ended or was closed, else why it stopped.
    fn on_end(&self, error: Option<String>);
}

/// Why a relay closed a subscription.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClosedCause {
    /// The relay sent CLOSED.
    Relay,
    /// AUTH needed and no signer.
    AuthNoSigner,
    /// AUTH failed.
    AuthFailed,
    /// The relay was given up.
    RelayFailed,
}

/// One delivered event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventItem {
    /// The event.
    pub event: Event,
    /// The relay it came from (`None`: the cache).
    pub relay: Option<String>,
    /// Read from the cache.
    pub from_cache: bool,
    /// Its parsed form (`None` for raw presets).
    pub parsed: Option<ParsedEvent>,
    /// The FlatBuffers `SubscriptionMessage`, when asked for.
    pub raw: Option<Vec<u8>>,
}

/// One item of a subscription.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(missing_docs)]
// UniFFI lowers variant fields by value (a UDL record cannot be boxed); items are moved once.
#[allow(clippy::large_enum_variant)]
pub enum SubscriptionItem {
    Event {
        item: EventItem,
    },
    EndOfStoredEvents {
        relay: Option<String>,
        pending_relays: u32,
        timed_out: bool,
    },
    Closed {
        relay: String,
        reason: Option<String>,
        cause: ClosedCause,
    },
    Queued {
        relay: String,
        reason: Option<String>,
    },
    Lagged {
        skipped: u64,
    },
}

/// The record form of one delivered event.
pub(crate) fn event_item(view: &EventView, include_raw: bool) -> EventItem {
    let event = Event::from(view.event());
    // The parser worker's own parsed form, read from the message it delivered.
    let parsed = ChannelMessage::<fb::parsed::SubscriptionMessage>::from_bytes(view.raw().clone())
        .and_then(|m| m.to_table())
        .ok()
        .and_then(|m| match m.body {
            fb::parsed::SubscriptionBody::ParsedEvent(p) => Some(from_table(*p, &event)),
            _ => None,
        });
    EventItem {
        relay: view.relay().map(str::to_owned),
        from_cache: view.from_cache(),
        raw: include_raw.then(|| view.raw().to_vec()),
        event,
        parsed,
    }
}

fn item(item: CoreItem, include_raw: bool) -> SubscriptionItem {
    match item {
        CoreItem::Event(view) => SubscriptionItem::Event {
            item: event_item(&view, include_raw),
        },
        CoreItem::EndOfStoredEvents {
            relay,
            pending_relays,
            timed_out,
        } => SubscriptionItem::EndOfStoredEvents {
            relay,
            pending_relays,
            timed_out,
        },
        CoreItem::Closed {
            relay,
            reason,
            cause,
        } => SubscriptionItem::Closed {
            relay,
            reason,
            cause: match cause {
                fb::ClosedCause::AuthNoSigner => ClosedCause::AuthNoSigner,
                fb::ClosedCause::AuthFailed => ClosedCause::AuthFailed,
                fb::ClosedCause::RelayFailed => ClosedCause::RelayFailed,
                _ => ClosedCause::Relay,
            },
        },
        CoreItem::Queued { relay, reason } => SubscriptionItem::Queued { relay, reason },
        CoreItem::Lagged { skipped } => SubscriptionItem::Lagged { skipped },
    }
}

/// The core subscription and the flag that ends it.
struct State {
    stream: Mutex<Option<CoreSubscription>>,
    closed: watch::Sender<bool>,
    include_raw: bool,
}

impl State {
    /// The next item; `None` once the subscription ended or was closed.
    async fn next(&self) -> Option<SubscriptionItem> {
        let mut closed = self.closed.subscribe();
        if *closed.borrow() {
            return None;
        }
        let mut stream = self.stream.lock().await;
        let sub = stream.as_mut()?;
        tokio::select! {
            next = sub.next() => match next {
                Some(next) => Some(item(next, self.include_raw)),
                None => {
                    // Ended: free the relays' subscriptions now rather than at drop.
                    *stream = None;
                    None
                }
            },
            _ = closed.wait_for(|c| *c) => None,
        }
    }

    async fn close(&self) {
        self.closed.send_replace(true);
        // Taken after any pending `next` saw the flag; dropped here, on the runtime (sends CLOSE).
        let sub = self.stream.lock().await.take();
        drop(sub);
    }
}

/// A live subscription (`Subscription` in the UDL).
pub struct Subscription {
    id: String,
    state: Arc<State>,
}

impl std::fmt::Debug for Subscription {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subscription")
            .field("id", &self.id)
            .finish()
    }
}

impl Subscription {
    pub(crate) fn new(sub: CoreSubscription, include_raw: bool) -> Self {
        Self {
            id: sub.id().to_owned(),
            state: Arc::new(State {
                stream: Mutex::new(Some(sub)),
                closed: watch::Sender::new(false),
                include_raw,
            }),
        }
    }

    /// The subscription's id.
    pub fn id(&self) -> String {
        self.id.clone()
    }

    /// The next item, or `None` at the end.
    pub async fn next(&self) -> Result<Option<SubscriptionItem>, NipworkerError> {
        let state = self.state.clone();
        run(async move { Ok(state.next().await) }).await
    }

    /// Ends the subscription.
    pub async fn close(&self) {
        let state = self.state.clone();
        // Only fails when the runtime cannot start, and then nothing is open.
        let _ = run(async move {
            state.close().await;
            Ok(())
        })
        .await;
    }

    /// Pushes every item to `listener` from a runtime task until the subscription ends, is
    /// closed, or a callback fails; then calls `on_end`.
    pub(crate) fn pump(
        &self,
        listener: Box<dyn SubscriptionListener>,
    ) -> Result<(), NipworkerError> {
        let state = self.state.clone();
        runtime()?.spawn(async move {
            let listener = listener;
            let mut error = None;
            // Bounded by the subscription: each round consumes one item, and the stream ends
            // when it ends or is closed.
            while let Some(next) = state.next().await {
                let delivered = tokio::task::block_in_place(|| {
                    catch_unwind(AssertUnwindSafe(|| listener.on_item(next)))
                });
                if delivered.is_err() {
                    error =
                        Some("the listener's on_item failed; the subscription is closed".into());
                    state.close().await;
                    break;
                }
            }
            let _ = tokio::task::block_in_place(|| {
                catch_unwind(AssertUnwindSafe(|| listener.on_end(error)))
            });
        });
        Ok(())
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        // Ends a pending `next` and the listener pump, and drops the core subscription (CLOSE
        // sent) on the runtime, since foreign garbage collectors free objects on their threads.
        self.state.closed.send_replace(true);
        if let Ok(rt) = runtime() {
            let state = self.state.clone();
            rt.spawn(async move { state.close().await });
        }
    }
}
