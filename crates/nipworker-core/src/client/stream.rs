//! What a subscription yields: typed items over the parser worker's FlatBuffers messages (each
//! event keeps its raw bytes for zero-copy users), the options a subscription takes, and the
//! `Stream` itself, which closes the subscription on every relay when dropped.

use std::pin::Pin;
use std::sync::{Arc, Mutex, Weak};
use std::task::{Context, Poll};
use std::time::Duration;

use bytes::Bytes;
use futures::Stream;

use crate::ipc::{ChannelMessage, Receiver};
use crate::pipeline::{PipeConfig, PipelineConfig, SaveCounters};
use crate::protocol::flatbuffers::{FlatBufferError, fb, read_event};
use crate::protocol::{Event, EventId, Kind, PublicKey, Tag, Timestamp};
use crate::workers::parser::{CacheMode, SubscriptionCloser, SubscriptionStats};

/// Which pipes a subscription runs (every preset deduplicates; all but [`Preset::Unverified`]
/// verify and cache).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Preset {
    /// Events parsed by kind, with what the signer can decrypt opened.
    #[default]
    ParsedDecrypted,
    /// Events parsed by kind, encrypted parts left closed.
    Parsed,
    /// Events as relays sent them (verified), no parsing.
    Raw,
    /// Raw events, neither verified nor cached: for sources the app trusts.
    Unverified,
}

impl Preset {
    pub(crate) fn pipeline(self, verify: bool) -> PipelineConfig {
        let preset = if verify { self } else { Preset::Unverified };
        match preset {
            Preset::ParsedDecrypted => PipelineConfig::default(),
            Preset::Parsed => {
                let mut p = PipelineConfig::default();
                for pipe in &mut p.pipes {
                    if let PipeConfig::Parse { decrypt } = pipe {
                        *decrypt = false;
                    }
                }
                p
            }
            Preset::Raw => PipelineConfig::raw(),
            Preset::Unverified => PipelineConfig::raw()
                .without(&PipeConfig::Verify)
                .without(&PipeConfig::Save),
        }
    }
}

/// How to run one subscription.
#[derive(Debug, Clone)]
pub struct SubscribeOptions {
    /// Relay URLs; `None`: the client's read relays.
    pub relays: Option<Vec<String>>,
    /// Cache first, cache only, or relays only.
    pub cache: CacheMode,
    /// End once every relay sent its stored events (or timed out).
    pub close_on_eose: bool,
    /// The pipes.
    pub preset: Preset,
    /// Messages buffered for a slow reader before it lags (`Lagged { skipped }`).
    pub buffer: usize,
    /// Wait for each relay's end of stored events; `None`: the client's setting.
    pub eose_timeout: Option<Duration>,
}

impl Default for SubscribeOptions {
    fn default() -> Self {
        Self {
            relays: None,
            cache: CacheMode::CacheFirst,
            close_on_eose: false,
            preset: Preset::default(),
            buffer: 1024,
            eose_timeout: None,
        }
    }
}

/// One delivered event: decoded once, with the FlatBuffers message it came in.
#[derive(Debug, Clone)]
pub struct EventView {
    event: Event,
    relay: Option<String>,
    from_cache: bool,
    message: ChannelMessage<fb::parsed::SubscriptionMessage>,
}

impl EventView {
    /// The event's id.
    pub fn id(&self) -> EventId {
        self.event.id
    }

    /// Its author.
    pub fn author(&self) -> PublicKey {
        self.event.pubkey
    }

    /// Its kind.
    pub fn kind(&self) -> Kind {
        self.event.kind
    }

    /// When the author says it was made.
    pub fn created_at(&self) -> Timestamp {
        self.event.created_at
    }

    /// Its tags.
    pub fn tags(&self) -> &[Tag] {
        &self.event.tags
    }

    /// Its content.
    pub fn content(&self) -> &str {
        &self.event.content
    }

    /// The whole event.
    pub fn event(&self) -> &Event {
        &self.event
    }

    /// The relay it came from (`None` when it came from the cache).
    pub fn relay(&self) -> Option<&str> {
        self.relay.as_deref()
    }

    /// True when it was read from the cache.
    pub fn from_cache(&self) -> bool {
        self.from_cache
    }

    /// The parsed form for its kind (`None` for raw presets and kinds without a parser).
    pub fn parsed(&self) -> Option<fb::parsed::ParsedBody> {
        match self.message.to_table().ok()?.body {
            fb::parsed::SubscriptionBody::ParsedEvent(p) => p.body,
            _ => None,
        }
    }

    /// The FlatBuffers `SubscriptionMessage` bytes, for apps that read them themselves.
    pub fn raw(&self) -> &Bytes {
        self.message.bytes()
    }

    /// Takes the event out.
    pub fn into_event(self) -> Event {
        self.event
    }
}

/// One item of a subscription's stream.
#[derive(Debug, Clone)]
pub enum SubscriptionItem {
    /// An event (verified unless the preset says otherwise).
    Event(Box<EventView>),
    /// A source finished sending stored events.
    EndOfStoredEvents {
        /// The relay (`None`: the cache).
        relay: Option<String>,
        /// Relays still before their end (for the cache's marker: the relays to come, where known).
        pending_relays: u32,
        /// The relay sent nothing in time and counts as done.
        timed_out: bool,
    },
    /// A relay closed the subscription; others may still serve it.
    Closed {
        /// The relay.
        relay: String,
        /// Its message, NIP-01 prefix included.
        reason: Option<String>,
        /// Why, in a form a program can act on.
        cause: fb::ClosedCause,
    },
    /// The subscription waits for a free slot on a relay.
    Queued {
        /// The relay.
        relay: String,
        /// Why.
        reason: Option<String>,
    },
    /// The reader fell behind: this many messages were skipped for it (events were still
    /// verified and cached).
    Lagged {
        /// How many.
        skipped: u64,
    },
}

/// An event item over `message` (a parsed or a raw event).
fn event_item(
    message: &ChannelMessage<fb::parsed::SubscriptionMessage>,
    event: fb::EventRef<'_>,
    relay: Option<&str>,
    from_cache: bool,
) -> Result<SubscriptionItem, FlatBufferError> {
    Ok(SubscriptionItem::Event(Box::new(EventView {
        event: read_event(event)?,
        relay: relay.map(str::to_owned),
        from_cache,
        message: message.clone(),
    })))
}

/// Reads one message into an item; `Ok(None)` for the end, `Err` for a message that cannot be
/// read (counted by the caller, never a panic).
fn item_of(
    message: ChannelMessage<fb::parsed::SubscriptionMessage>,
) -> Result<Option<Option<SubscriptionItem>>, FlatBufferError> {
    use fb::parsed::SubscriptionBodyRef as B;
    let root = message.root()?;
    let item = match root.body()? {
        B::ParsedEvent(p) => event_item(&message, p.event()?, p.relay()?, p.from_cache()?)?,
        B::RawEvent(r) => event_item(&message, r.event()?, r.relay()?, r.from_cache()?)?,
        B::Eose(e) => SubscriptionItem::EndOfStoredEvents {
            relay: e.relay()?.map(str::to_owned),
            pending_relays: e.pending_relays()?,
            timed_out: e.timed_out()?,
        },
        B::Closed(c) => SubscriptionItem::Closed {
            relay: c.relay()?.unwrap_or_default().to_owned(),
            reason: c.reason()?.map(str::to_owned),
            cause: c.cause()?,
        },
        B::Queued(q) => SubscriptionItem::Queued {
            relay: q.relay()?.unwrap_or_default().to_owned(),
            reason: q.reason()?.map(str::to_owned),
        },
        B::Lagged(l) => SubscriptionItem::Lagged {
            skipped: l.skipped()?,
        },
        B::End(_) => return Ok(None),
        // Counter pipelines are not offered through the client.
        B::Counts(_) => return Ok(Some(None)),
    };
    Ok(Some(Some(item)))
}

/// Where a (filters, relays) pair is known to be cached: the local time its subscription started,
/// once every relay sent its stored events, and the saves that must land before it counts.
#[derive(Debug, Clone)]
pub(crate) struct SyncMark {
    pub(crate) at: Timestamp,
    verified: u64,
    saves: Arc<SaveCounters>,
}

impl SyncMark {
    /// True once every event verified before the mark was written (or refused) by the store.
    pub(crate) fn landed(&self) -> bool {
        let load = |c: &std::sync::atomic::AtomicU64| c.load(std::sync::atomic::Ordering::Relaxed);
        load(&self.saves.failed) == 0
            && load(&self.saves.stored) + load(&self.saves.not_stored) >= self.verified
    }
}

/// The sync marks of a client, by the fingerprint of (filters, relays).
pub(crate) type SyncMarks = Arc<Mutex<std::collections::HashMap<u64, SyncMark>>>;

/// What a subscription needs to leave a sync mark when it completes.
pub(crate) struct SyncTicket {
    pub(crate) marks: Weak<Mutex<std::collections::HashMap<u64, SyncMark>>>,
    pub(crate) key: u64,
    pub(crate) started: Timestamp,
    pub(crate) saves: Arc<SaveCounters>,
    /// A relay timed out or closed the subscription: the relays are not known complete.
    pub(crate) incomplete: bool,
}

/// The open subscriptions of a client, so closing the client can end them all.
pub(crate) type Registry = Arc<Mutex<std::collections::HashMap<u64, SubscriptionCloser>>>;

/// Counters of the client's subscriptions that have ended (for the client's totals).
pub(crate) type Retired = Arc<Mutex<SubscriptionStats>>;

/// A live subscription: a `Stream` of [`SubscriptionItem`]s that ends after the subscription's end.
/// Dropping it sends CLOSE to every relay and frees its state.
pub struct Subscription {
    id: String,
    key: u64,
    registry: Weak<Mutex<std::collections::HashMap<u64, SubscriptionCloser>>>,
    retired: Weak<Mutex<SubscriptionStats>>,
    stream: Pin<Box<dyn Stream<Item = ChannelMessage<fb::parsed::SubscriptionMessage>> + Send>>,
    unreadable: u64,
    ended: bool,
    sync: Option<SyncTicket>,
}

impl std::fmt::Debug for Subscription {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Subscription")
            .field("id", &self.id)
            .field("ended", &self.ended)
            .finish()
    }
}

impl Subscription {
    pub(crate) fn new(
        key: u64,
        registry: &Registry,
        retired: &Retired,
        closer: SubscriptionCloser,
        rx: Receiver<fb::parsed::SubscriptionMessage>,
        sync: Option<SyncTicket>,
    ) -> Self {
        let id = closer.id().to_owned();
        if let Ok(mut open) = registry.lock() {
            open.insert(key, closer);
        }
        let stream = futures::stream::unfold(rx, |mut rx| async move {
            rx.recv().await.map(|message| (message, rx))
        });
        Self {
            id,
            key,
            registry: Arc::downgrade(registry),
            retired: Arc::downgrade(retired),
            stream: Box::pin(stream),
            unreadable: 0,
            ended: false,
            sync,
        }
    }

    /// Notes what a completed source means for the sync mark.
    fn observe(&mut self, item: &SubscriptionItem) {
        let Some(ticket) = &mut self.sync else {
            return;
        };
        match item {
            SubscriptionItem::Closed { .. }
            | SubscriptionItem::EndOfStoredEvents {
                timed_out: true, ..
            } => ticket.incomplete = true,
            SubscriptionItem::EndOfStoredEvents {
                relay: Some(_),
                pending_relays: 0,
                ..
            } if !ticket.incomplete => {
                let verified = self.stats().pipeline.verified;
                if let Some(ticket) = self.sync.take()
                    && let Some(marks) = ticket.marks.upgrade()
                    && let Ok(mut marks) = marks.lock()
                {
                    marks.insert(
                        ticket.key,
                        SyncMark {
                            at: ticket.started,
                            verified,
                            saves: ticket.saves,
                        },
                    );
                }
            }
            _ => {}
        }
    }

    /// The subscription's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Counters so far (verified, dropped by reason, delivered, lagged, saved).
    pub fn stats(&self) -> SubscriptionStats {
        self.registry
            .upgrade()
            .and_then(|r| r.lock().ok()?.get(&self.key).map(SubscriptionCloser::stats))
            .unwrap_or_default()
    }

    /// Messages from the worker that could not be read (never expected; counted, not fatal).
    pub fn unreadable(&self) -> u64 {
        self.unreadable
    }
}

impl Stream for Subscription {
    type Item = SubscriptionItem;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        // Bounded: each round either returns or consumes one message from the worker.
        loop {
            if self.ended {
                return Poll::Ready(None);
            }
            let message = match self.stream.as_mut().poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(None) => {
                    self.ended = true;
                    return Poll::Ready(None);
                }
                Poll::Ready(Some(message)) => message,
            };
            match item_of(message) {
                Ok(Some(Some(item))) => {
                    self.observe(&item);
                    return Poll::Ready(Some(item));
                }
                Ok(Some(None)) => {}
                Ok(None) => {
                    self.ended = true;
                    return Poll::Ready(None);
                }
                Err(e) => {
                    self.unreadable += 1;
                    tracing::warn!(error = %e, sub = %self.id, "unreadable message skipped");
                }
            }
        }
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        // Dropping the closer sends CLOSE; the client may already have done it (closed).
        let closer = self
            .registry
            .upgrade()
            .and_then(|registry| registry.lock().ok()?.remove(&self.key));
        if let Some(closer) = closer
            && let Some(retired) = self.retired.upgrade()
            && let Ok(mut retired) = retired.lock()
        {
            retired.add(&closer.stats());
        }
    }
}
