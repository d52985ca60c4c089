//! The parser worker: owns the parser's ends of the ipc channels (`ParserEndpoints`), opens
//! subscriptions on the connections worker, reads the cache, runs each subscription's pipeline and
//! delivers FlatBuffers `SubscriptionMessage`s to its subscriber through a bounded queue.
//!
//! Tasks: one router per peer endpoint (crypto, cache: [`requester`]), one relay-stream router
//! (this file: it owns the connections endpoint and demultiplexes by subscription id), and one task
//! per subscription ([`subscription`]). None of them ever waits to send to a peer that may be
//! waiting to send to it: sends to peers go through `reserve()` inside `select!`, or `try_send`.
//! The router does wait for room in a subscription's input (backpressure toward the relays
//! instead of dropping relay events), but never on a subscription's task: the task waits only
//! for the crypto and cache workers, and closes its input before it waits for anything else.

mod delivery;
mod own_mutes;
mod peers;
mod requester;
mod subscription;

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use thiserror::Error;
use tokio::sync::{mpsc, oneshot};

pub use peers::{CachePeer, CacheQuery, CryptoPeer};

use self::own_mutes::OwnMutes;
use self::subscription::{Input, SubscriptionTask};
use crate::ipc::{
    ChannelMessage, ConnectionsClient, IpcConfigError, ParserEndpoints, Receiver, bounded,
};
use crate::pipeline::MuteSet;
use crate::pipeline::Pipeline;
use crate::pipeline::{
    PipeError, PipelineConfig, PipelineConfigError, PipelineStats, SaveCounters, Services,
};
use crate::protocol::flatbuffers::{fb, read_event, write_event, write_filters};
use crate::protocol::{Event, EventId, Filter, Kind, Timestamp};
use crate::runtime;
use crate::workers::connections::{RelayLimits, requests};

/// Tuning of the parser worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParserConfig {
    /// Longest wait for one answer of the crypto or cache worker.
    pub request_timeout: Duration,
    /// Relay messages queued per subscription; when one subscription's queue is full the relay
    /// stream waits (and, through the connections worker, the relay sockets): nothing is dropped.
    pub input_capacity: usize,
    /// Events per pipeline batch (one verify request per batch).
    pub batch_size: usize,
    /// Events per cache query chunk.
    pub cache_chunk: u32,
    /// How long a finished subscription waits for its subscriber to take the last messages.
    pub end_drain: Duration,
    /// Requests to the connections worker queued before API calls wait.
    pub outgoing_capacity: usize,
    /// How long each relay may take to answer a publish with OK (sent to the connections worker).
    pub publish_relay_timeout: Duration,
    /// Longest wait for a publish's result; absent: `publish_relay_timeout` plus
    /// [`PUBLISH_MARGIN`] (the connections worker answers once every relay's wait is over).
    pub publish_timeout: Option<Duration>,
}

/// Added to the per-relay publish timeout to get the parser's own wait for the result: room for
/// connecting and for the connections worker's queues.
pub const PUBLISH_MARGIN: Duration = Duration::from_secs(5);

impl ParserConfig {
    /// How long [`ParserHandle::publish`] waits for the connections worker's answer.
    pub fn publish_wait(&self) -> Duration {
        self.publish_timeout
            .unwrap_or_else(|| self.publish_relay_timeout.saturating_add(PUBLISH_MARGIN))
    }
}

impl Default for ParserConfig {
    fn default() -> Self {
        Self {
            request_timeout: Duration::from_secs(30),
            input_capacity: 4096,
            batch_size: 256,
            cache_chunk: 256,
            end_drain: Duration::from_secs(5),
            outgoing_capacity: 256,
            publish_relay_timeout: Duration::from_secs(10),
            publish_timeout: None,
        }
    }
}

/// Where a subscription's events come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CacheMode {
    /// Stored events first, then relays.
    #[default]
    CacheFirst,
    /// Relays only.
    NoCache,
    /// Stored events only; the subscription ends after them.
    CacheOnly,
}

/// How to run one subscription.
#[derive(Debug, Clone)]
pub struct SubscribeOptions {
    /// The subscription id (absent: the worker picks one).
    pub id: Option<String>,
    /// Relay URLs (absent: the connections worker's default read relays).
    pub relays: Option<Vec<String>>,
    /// The pipes.
    pub pipeline: PipelineConfig,
    /// Messages buffered for the subscriber before it lags.
    pub buffer: usize,
    /// Cache first, no cache, or cache only.
    pub cache: CacheMode,
    /// End the subscription when every relay sent EOSE.
    pub close_on_eose: bool,
    /// Longest wait for each relay's EOSE, after which it counts as done (an `Eose` with
    /// `timed_out`); `None`: the connections worker's default (`ConnectionsConfig::eose_timeout`).
    pub eose_timeout: Option<Duration>,
    /// Ask relays only for events from this time on (`since` raised on every filter sent to
    /// relays; the cache is read with the filters as given): the stored events before it are
    /// known to be cached.
    pub relay_since: Option<Timestamp>,
}

impl Default for SubscribeOptions {
    fn default() -> Self {
        Self {
            id: None,
            relays: None,
            pipeline: PipelineConfig::default(),
            buffer: 1024,
            cache: CacheMode::CacheFirst,
            close_on_eose: false,
            eose_timeout: None,
            relay_since: None,
        }
    }
}

/// The parser worker refused or could not finish a request.
#[derive(Debug, Error)]
pub enum ParserError {
    /// The worker stopped.
    #[error("the parser worker is not running")]
    Stopped,
    /// The pipeline configuration is not usable.
    #[error(transparent)]
    Pipeline(#[from] PipelineConfigError),
    /// The buffer bound is out of range.
    #[error(transparent)]
    Buffer(#[from] IpcConfigError),
    /// A subscription with this id is open.
    #[error("subscription id {0} is already open")]
    DuplicateId(String),
    /// The connections worker refused the request.
    #[error("connections worker error {code:?}: {message}")]
    Connections {
        /// Its code.
        code: fb::ConnectionsErrorCode,
        /// Its message.
        message: String,
    },
    /// A peer worker failed.
    #[error(transparent)]
    Peer(#[from] PipeError),
    /// The connections worker did not answer a publish in time.
    #[error("no publish result for event {event_id} within {waited:?}")]
    PublishTimeout {
        /// The event.
        event_id: EventId,
        /// How long the parser waited.
        waited: Duration,
    },
}

/// Counters of one subscription.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SubscriptionStats {
    /// Per-pipe counters.
    pub pipeline: PipelineStats,
    /// Messages skipped because the subscriber's queue was full (reported as `Lagged`).
    pub lagged: u64,
    /// Messages handed to the subscriber.
    pub delivered: u64,
    /// Relay events still queued when the subscription ended (neither verified nor saved).
    pub unread: u64,
    /// Events the cache stored.
    pub saved: u64,
    /// Events whose save failed.
    pub save_failed: u64,
}

impl SubscriptionStats {
    /// Adds `other`'s counters to these (totals over several subscriptions).
    pub fn add(&mut self, other: &SubscriptionStats) {
        self.pipeline.add(&other.pipeline);
        self.lagged += other.lagged;
        self.delivered += other.delivered;
        self.unread += other.unread;
        self.saved += other.saved;
        self.save_failed += other.save_failed;
    }
}

/// An open subscription: a bounded stream of `SubscriptionMessage`s. Dropping it closes it.
#[derive(Debug)]
pub struct Subscription {
    closer: SubscriptionCloser,
    rx: Receiver<fb::parsed::SubscriptionMessage>,
}

/// The part of a [`Subscription`] that keeps it open: dropping it closes the subscription (CLOSE
/// on every relay) even while someone else still holds the receiving end.
#[derive(Debug)]
pub struct SubscriptionCloser {
    id: String,
    commands: mpsc::Sender<Command>,
    stats: Arc<Mutex<SubscriptionStats>>,
    save: Option<Arc<SaveCounters>>,
}

impl Subscription {
    /// Its id.
    pub fn id(&self) -> &str {
        &self.closer.id
    }

    /// The next message; `None` after the end.
    pub async fn recv(&mut self) -> Option<ChannelMessage<fb::parsed::SubscriptionMessage>> {
        self.rx.recv().await
    }

    /// The underlying receiver (e.g. to hand raw `Bytes` across an FFI boundary).
    pub fn receiver(&mut self) -> &mut Receiver<fb::parsed::SubscriptionMessage> {
        &mut self.rx
    }

    /// Counters so far.
    pub fn stats(&self) -> SubscriptionStats {
        self.closer.stats()
    }

    /// Splits the subscription into what keeps it open and its stream of messages, so an owner
    /// (a client closing everything at once) can end it while another task reads it.
    pub fn split(
        self,
    ) -> (
        SubscriptionCloser,
        Receiver<fb::parsed::SubscriptionMessage>,
    ) {
        (self.closer, self.rx)
    }
}

impl SubscriptionCloser {
    /// The subscription's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The save pipe's counters (`None` without a save pipe); they outlive the subscription, so
    /// an owner can tell later whether every save it started has landed.
    pub fn save_counters(&self) -> Option<Arc<SaveCounters>> {
        self.save.clone()
    }

    /// Counters so far.
    pub fn stats(&self) -> SubscriptionStats {
        let mut s = self.stats.lock().map(|s| s.clone()).unwrap_or_default();
        if let Some(c) = &self.save {
            s.saved = c.stored.load(Ordering::Relaxed);
            s.save_failed = c.failed.load(Ordering::Relaxed);
        }
        s
    }
}

impl Drop for SubscriptionCloser {
    fn drop(&mut self) {
        // Best effort: the subscription task also notices the dropped receiver and ends itself.
        let _ = self.commands.try_send(Command::Close {
            id: std::mem::take(&mut self.id),
        });
    }
}

/// One relay's answer to a publish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelayOutcome {
    /// The relay.
    pub relay: String,
    /// Accepted, rejected, timed out or failed.
    pub status: fb::RelayOkStatus,
    /// The relay's message.
    pub message: Option<String>,
}

/// One relay's answer to a COUNT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelayCount {
    /// The relay.
    pub relay: String,
    /// Its count, or why there is none.
    pub count: Result<u64, String>,
    /// The relay said the count is an estimate.
    pub approximate: bool,
}

/// The answer to a publish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishOutcome {
    /// The published event's id.
    pub event_id: EventId,
    /// Each relay's outcome.
    pub relays: Vec<RelayOutcome>,
}

pub(crate) enum Command {
    Open {
        id: String,
        filters: Vec<Filter>,
        relays: Option<Vec<String>>,
        close_on_eose: bool,
        eose_timeout: Option<Duration>,
        live: bool,
        input: mpsc::Sender<Input>,
        accepted: oneshot::Sender<bool>,
    },
    Close {
        id: String,
    },
    Finished {
        id: String,
    },
    Publish {
        event: Box<Event>,
        relays: Option<Vec<String>>,
        timeout_ms: u32,
        reply: oneshot::Sender<Result<PublishOutcome, ParserError>>,
    },
    SetRelayLimits {
        relay: String,
        limits: RelayLimits,
    },
    Count {
        filters: Vec<Filter>,
        relays: Option<Vec<String>>,
        timeout_ms: u32,
        reply: oneshot::Sender<Result<Vec<RelayCount>, ParserError>>,
    },
}

/// The public face of the parser worker: open subscriptions, publish. Cheap to clone.
#[derive(Debug, Clone)]
pub struct ParserHandle {
    commands: mpsc::Sender<Command>,
    crypto: CryptoPeer,
    cache: CachePeer,
    config: Arc<ParserConfig>,
    next_id: Arc<AtomicU64>,
    own_mutes: OwnMutes,
}

impl std::fmt::Debug for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Open { id, .. } => write!(f, "Open({id})"),
            Self::Close { id } => write!(f, "Close({id})"),
            Self::Finished { id } => write!(f, "Finished({id})"),
            Self::Publish { .. } => f.write_str("Publish"),
            Self::SetRelayLimits { relay, .. } => write!(f, "SetRelayLimits({relay})"),
            Self::Count { .. } => f.write_str("Count"),
        }
    }
}

/// Starts the parser worker on its ends of the ipc channels.
pub fn spawn_parser(endpoints: ParserEndpoints, config: ParserConfig) -> ParserHandle {
    let ParserEndpoints {
        crypto,
        cache,
        connections,
    } = endpoints;
    let crypto = CryptoPeer::spawn(crypto, config.request_timeout);
    let cache = CachePeer::spawn(cache, config.request_timeout);
    let (commands, rx) = mpsc::channel(config.outgoing_capacity.max(1));
    runtime::spawn(relay_stream(
        connections,
        rx,
        config.outgoing_capacity.max(1),
    ));
    let own_mutes = OwnMutes::new(crypto.clone());
    ParserHandle {
        commands,
        crypto,
        cache,
        own_mutes,
        config: Arc::new(config),
        next_id: Arc::new(AtomicU64::new(1)),
    }
}

impl ParserHandle {
    /// The crypto worker as the pipes see it.
    pub fn crypto(&self) -> &CryptoPeer {
        &self.crypto
    }

    /// The cache worker as the pipes see it.
    pub fn cache(&self) -> &CachePeer {
        &self.cache
    }

    /// Opens a subscription.
    pub async fn subscribe(
        &self,
        filters: Vec<Filter>,
        options: SubscribeOptions,
    ) -> Result<Subscription, ParserError> {
        let id = options
            .id
            .clone()
            .unwrap_or_else(|| format!("nw-{}", self.next_id.fetch_add(1, Ordering::Relaxed)));
        let decrypts = options
            .pipeline
            .pipes
            .iter()
            .any(|p| matches!(p, crate::pipeline::PipeConfig::Parse { decrypt: true }));
        let decryptor = if decrypts {
            // No signer (or no answer): events are delivered with their encrypted parts sealed.
            match self.crypto.signer_public_key().await {
                Ok(Some(me)) => {
                    self.own_mutes.note_signer(Some(me));
                    Some(self.crypto.decryptor(me))
                }
                Ok(None) => {
                    self.own_mutes.note_signer(None);
                    None
                }
                Err(e) => {
                    tracing::warn!("no decryption for subscription {id}: {e}");
                    None
                }
            }
        } else {
            None
        };
        let services = Services {
            verifier: Some(Arc::new(self.crypto.clone())),
            decryptor,
            proofs: Some(Arc::new(self.crypto.clone())),
            sink: Some(Arc::new(self.cache.clone())),
        };
        let mut pipeline = Pipeline::new(&options.pipeline, id.clone(), &services)?;
        let own_watch = if pipeline.uses_own_mutes() {
            let mut watch = self.own_mutes.subscribe();
            // Loads (and tracks) the stored list unless a list is tracked already.
            let tracked = watch.borrow().is_some();
            if !tracked && let Err(e) = self.own_mute_list().await {
                tracing::warn!("subscription {id}: own mute list not loaded: {e}");
            }
            let current = watch.borrow_and_update().as_ref().map(|c| c.set.clone());
            if let Some(set) = current {
                pipeline.replace_own_mutes((*set).clone());
            }
            Some(watch)
        } else {
            None
        };
        let save = pipeline.save_counters();
        let (sub_tx, sub_rx) = bounded("parser->subscriber", options.buffer)?;
        let (input_tx, input_rx) = mpsc::channel(self.config.input_capacity.max(1));
        let stats = Arc::new(Mutex::new(SubscriptionStats::default()));
        let live = options.cache != CacheMode::CacheOnly;
        let (accepted, answer) = oneshot::channel();
        self.commands
            .send(Command::Open {
                id: id.clone(),
                filters: match options.relay_since {
                    None => filters.clone(),
                    Some(from) => filters
                        .iter()
                        .map(|f| {
                            let mut f = f.clone();
                            f.since = Some(f.since.map_or(from, |s| s.max(from)));
                            f
                        })
                        .collect(),
                },
                relays: options.relays.clone(),
                close_on_eose: options.close_on_eose,
                eose_timeout: options.eose_timeout,
                live,
                input: input_tx,
                accepted,
            })
            .await
            .map_err(|_| ParserError::Stopped)?;
        if !answer.await.map_err(|_| ParserError::Stopped)? {
            return Err(ParserError::DuplicateId(id));
        }
        let task = SubscriptionTask {
            id: id.clone(),
            filters,
            pipeline,
            input: input_rx,
            subscriber: sub_tx,
            cache: Some(self.cache.clone()),
            cache_mode: options.cache,
            close_on_eose: options.close_on_eose,
            relay_count: options
                .relays
                .as_ref()
                .map_or(0, |r| u32::try_from(r.len()).unwrap_or(u32::MAX)),
            batch: self.config.batch_size.max(1),
            cache_chunk: self.config.cache_chunk,
            end_drain: self.config.end_drain,
            stats: stats.clone(),
            commands: self.commands.clone(),
            own_mutes: self.own_mutes.clone(),
            own_watch,
        };
        runtime::spawn(task.run());
        Ok(Subscription {
            closer: SubscriptionCloser {
                id,
                commands: self.commands.clone(),
                stats,
                save,
            },
            rx: sub_rx,
        })
    }

    /// The signer's own NIP-51 mute list (kind 10000): the newest of the cache's and the one the
    /// worker tracks (seen in a subscription or published), private items decrypted through the
    /// crypto worker; `None` without a signer or a list. The cache's list becomes the tracked one
    /// when it is newer.
    pub async fn own_mute_list(&self) -> Result<Option<MuteSet>, ParserError> {
        let me = self.crypto.signer_public_key().await?;
        self.own_mutes.note_signer(me);
        let Some(me) = me else {
            return Ok(None);
        };
        let filter = Filter {
            authors: Some([me].into_iter().collect()),
            kinds: Some([Kind(10000)].into_iter().collect()),
            limit: Some(1),
            ..Filter::default()
        };
        let mut query = self.cache.query(&[filter], 1).await?;
        let mut newest: Option<Event> = None;
        // Bounded: the cache ends every query, and each wait has the request timeout.
        while let Some(chunk) = query.next_chunk().await? {
            for e in chunk {
                if newest.as_ref().is_none_or(|n| e.created_at > n.created_at) {
                    newest = Some(e);
                }
            }
        }
        if let Some(list) = &newest {
            // Stored events were verified before they were stored.
            self.own_mutes.offer_as(me, &[list], true).await;
        }
        Ok(self.own_mutes.current_for(&me).map(|s| (*s).clone()))
    }

    /// Counts matching events on relays (NIP-45 COUNT): each relay's count, or why it has none
    /// (refused, unreachable, no answer within `timeout`).
    pub async fn count(
        &self,
        filters: Vec<Filter>,
        relays: Option<Vec<String>>,
        timeout: Duration,
    ) -> Result<Vec<RelayCount>, ParserError> {
        let (reply, answer) = oneshot::channel();
        let timeout_ms = u32::try_from(timeout.as_millis())
            .unwrap_or(u32::MAX)
            .max(1);
        self.commands
            .send(Command::Count {
                filters,
                relays,
                timeout_ms,
                reply,
            })
            .await
            .map_err(|_| ParserError::Stopped)?;
        // The connections worker answers once every relay answered or its wait is over.
        match runtime::timeout(timeout.saturating_add(PUBLISH_MARGIN), answer).await {
            Ok(Ok(result)) => result,
            Ok(Err(_)) => Err(ParserError::Stopped),
            Err(_) => Err(ParserError::Stopped),
        }
    }

    /// Tells the connections worker a relay's limits (e.g. from its NIP-11 document); they apply
    /// to subscriptions opened afterwards. A bad relay URL is logged by the worker.
    pub async fn set_relay_limits(
        &self,
        relay: String,
        limits: RelayLimits,
    ) -> Result<(), ParserError> {
        self.commands
            .send(Command::SetRelayLimits { relay, limits })
            .await
            .map_err(|_| ParserError::Stopped)
    }

    /// Publishes a signed event and waits for each relay's answer, at most
    /// [`ParserConfig::publish_wait`] (then [`ParserError::PublishTimeout`]).
    pub async fn publish(
        &self,
        event: Event,
        relays: Option<Vec<String>>,
    ) -> Result<PublishOutcome, ParserError> {
        // The user's own newer mute list applies at once to the subscriptions that follow it.
        self.own_mutes.offer(&[&event], false).await;
        let event_id = event.id;
        let waited = self.config.publish_wait();
        let timeout_ms = u32::try_from(self.config.publish_relay_timeout.as_millis())
            .unwrap_or(u32::MAX)
            .max(1);
        // The whole exchange is bounded: a connections worker that stops reading would otherwise
        // hold the send as well as the answer.
        runtime::timeout(waited, async {
            let (reply, answer) = oneshot::channel();
            self.commands
                .send(Command::Publish {
                    event: Box::new(event),
                    relays,
                    timeout_ms,
                    reply,
                })
                .await
                .map_err(|_| ParserError::Stopped)?;
            answer.await.map_err(|_| ParserError::Stopped)?
        })
        .await
        .map_err(|_| ParserError::PublishTimeout { event_id, waited })?
    }
}

struct SubEntry {
    input: mpsc::Sender<Input>,
    live: bool,
}

/// A relay message that found its subscription's input full. While one waits, the router reads
/// no further relay message: the connections worker's outbox fills and it stops reading the relay
/// sockets, so a subscription that falls behind slows the relays instead of losing their events.
struct Stalled {
    id: String,
    input: mpsc::Sender<Input>,
    item: Input,
}

#[derive(Default)]
struct Router {
    subs: HashMap<String, SubEntry>,
    by_request: HashMap<u64, String>,
    publishes: HashMap<u64, oneshot::Sender<Result<PublishOutcome, ParserError>>>,
    counts: HashMap<u64, oneshot::Sender<Result<Vec<RelayCount>, ParserError>>>,
    outgoing: VecDeque<ChannelMessage<fb::ConnectionsRequest>>,
    next_request: u64,
    dropped_frames: u64,
    /// Relay events dropped because their subscription had been closed or its task had ended.
    dropped_events: u64,
    stalled: Option<Stalled>,
}

/// Resolves once `input` (a stalled subscription's queue) has room: `None` when its task is gone.
async fn room(input: Option<&mpsc::Sender<Input>>) -> Option<mpsc::Permit<'_, Input>> {
    input?.reserve().await.ok()
}

/// The relay-stream router: owns the connections endpoint.
async fn relay_stream(
    connections: ConnectionsClient,
    mut commands: mpsc::Receiver<Command>,
    max_out: usize,
) {
    let ConnectionsClient { tx, mut rx } = connections;
    let mut r = Router::default();
    let mut commands_open = true;
    loop {
        // A clone, so the wait below borrows nothing of the router the other branches change.
        let stalled = r.stalled.as_ref().map(|s| s.input.clone());
        tokio::select! {
            biased;
            permit = room(stalled.as_ref()), if stalled.is_some() => {
                if let Some(s) = r.stalled.take() {
                    match permit {
                        Some(permit) => permit.send(s.item),
                        None => r.undeliverable(s.id, &s.item),
                    }
                }
            },
            // Not while a message waits: this is the backpressure toward the sockets.
            msg = rx.recv(), if r.stalled.is_none() => match msg {
                Some(m) => r.route(m),
                None => {
                    tracing::debug!("connections worker stopped; ending subscriptions");
                    // Dropping every input ends each subscription task ("closed").
                    r.stalled = None;
                    r.subs.clear();
                    break;
                }
            },
            permit = tx.reserve(), if !r.outgoing.is_empty() => match permit {
                Ok(permit) => {
                    if let Some(m) = r.outgoing.pop_front() {
                        permit.send(m);
                    }
                }
                Err(_) => {
                    r.stalled = None;
                    r.subs.clear();
                    break;
                }
            },
            // Served while a message waits, so closing a subscription never waits for it.
            cmd = commands.recv(), if commands_open && r.outgoing.len() < max_out => match cmd {
                Some(c) => r.command(c),
                None => commands_open = false,
            },
        }
        if !commands_open {
            r.publishes.retain(|_, reply| !reply.is_closed());
            r.counts.retain(|_, reply| !reply.is_closed());
        }
        if !commands_open
            && r.subs.is_empty()
            && r.outgoing.is_empty()
            && r.publishes.is_empty()
            && r.counts.is_empty()
        {
            break;
        }
    }
    for (_, reply) in r.counts.drain() {
        let _ = reply.send(Err(ParserError::Stopped));
    }
    for (_, reply) in r.publishes.drain() {
        let _ = reply.send(Err(ParserError::Stopped));
    }
}

impl Router {
    fn request_id(&mut self) -> u64 {
        self.next_request += 1;
        self.next_request
    }

    fn command(&mut self, command: Command) {
        match command {
            Command::Open {
                id,
                filters,
                relays,
                close_on_eose,
                eose_timeout,
                live,
                input,
                accepted,
            } => {
                let fresh = !self.subs.contains_key(&id);
                // The caller waits for this answer before it starts the subscription's task.
                let _ = accepted.send(fresh);
                if !fresh {
                    return;
                }
                if live {
                    let rid = self.request_id();
                    self.by_request.insert(rid, id.clone());
                    self.outgoing.push_back(ChannelMessage::build(|b| {
                        let fs = write_filters(b, &filters);
                        let rs = relays.as_ref().map(|r| {
                            let offs: Vec<_> =
                                r.iter().map(|u| b.create_string(u.as_str())).collect();
                            b.create_vector(offs.as_slice())
                        });
                        let eose_ms = eose_timeout.map_or(0, |t| {
                            u32::try_from(t.as_millis()).unwrap_or(u32::MAX).max(1)
                        });
                        let body = fb::Subscribe::create(
                            b,
                            id.as_str(),
                            rs,
                            fs,
                            close_on_eose,
                            false,
                            eose_ms,
                        );
                        let body = fb::ConnectionsRequestBody::create_subscribe(b, body);
                        fb::ConnectionsRequest::create(b, rid, body)
                    }));
                }
                self.subs.insert(id, SubEntry { input, live });
            }
            Command::Close { id } | Command::Finished { id } => {
                if let Some(s) = self.stalled.take_if(|s| s.id == id) {
                    self.count_dropped(&s.id, &s.item);
                }
                if let Some(entry) = self.subs.remove(&id) {
                    self.by_request.retain(|_, s| s != &id);
                    if entry.live {
                        let rid = self.request_id();
                        self.outgoing.push_back(ChannelMessage::build(|b| {
                            let body = fb::Close::create(b, id.as_str());
                            let body = fb::ConnectionsRequestBody::create_close(b, body);
                            fb::ConnectionsRequest::create(b, rid, body)
                        }));
                    }
                }
            }
            Command::Publish {
                event,
                relays,
                timeout_ms,
                reply,
            } => {
                // Callers that gave up waiting (publish timeout) leave closed replies behind.
                self.publishes.retain(|_, r| !r.is_closed());
                let rid = self.request_id();
                self.publishes.insert(rid, reply);
                self.outgoing.push_back(ChannelMessage::build(|b| {
                    let ev = write_event(b, &event);
                    let rs = relays.as_ref().map(|r| {
                        let offs: Vec<_> = r.iter().map(|u| b.create_string(u.as_str())).collect();
                        b.create_vector(offs.as_slice())
                    });
                    let body = fb::Publish::create(b, ev, rs, timeout_ms, false);
                    let body = fb::ConnectionsRequestBody::create_publish(b, body);
                    fb::ConnectionsRequest::create(b, rid, body)
                }));
            }
            Command::Count {
                filters,
                relays,
                timeout_ms,
                reply,
            } => {
                let rid = self.request_id();
                self.counts.insert(rid, reply);
                self.outgoing.push_back(ChannelMessage::build(|b| {
                    let fs = write_filters(b, &filters);
                    let rs = relays.as_ref().map(|r| {
                        let offs: Vec<_> = r.iter().map(|u| b.create_string(u.as_str())).collect();
                        b.create_vector(offs.as_slice())
                    });
                    let body = fb::CountRequest::create(b, fs, rs, timeout_ms);
                    let body = fb::ConnectionsRequestBody::create_count_request(b, body);
                    fb::ConnectionsRequest::create(b, rid, body)
                }));
            }
            Command::SetRelayLimits { relay, limits } => {
                let rid = self.request_id();
                self.outgoing
                    .push_back(requests::set_relay_limits(rid, &relay, limits));
            }
        }
    }

    /// Hands an input to subscription `id` without waiting: when its queue is full the input
    /// waits as [`Stalled`] (and the router reads no more relay messages until it is taken).
    fn hand_on(&mut self, id: &str, item: Input) {
        let Some(entry) = self.subs.get(id) else {
            return;
        };
        match entry.input.try_send(item) {
            Ok(()) => {}
            Err(mpsc::error::TrySendError::Full(item)) => {
                self.stalled = Some(Stalled {
                    id: id.to_owned(),
                    input: entry.input.clone(),
                    item,
                });
            }
            Err(mpsc::error::TrySendError::Closed(item)) => {
                self.undeliverable(id.to_owned(), &item)
            }
        }
    }

    /// The subscription's task is gone: its input is dropped (counted) and the relays are told.
    fn undeliverable(&mut self, id: String, item: &Input) {
        self.count_dropped(&id, item);
        self.command(Command::Close { id });
    }

    fn count_dropped(&mut self, id: &str, item: &Input) {
        if matches!(item, Input::Event(..)) {
            self.dropped_events += 1;
            tracing::debug!(
                "relay event for ended subscription {id} dropped ({} so far)",
                self.dropped_events
            );
        }
    }

    fn route(&mut self, msg: ChannelMessage<fb::ConnectionsMessage>) {
        if self.route_inner(&msg).is_err() {
            self.dropped_frames += 1;
            tracing::debug!(
                "unreadable message from the connections worker dropped ({} so far)",
                self.dropped_frames
            );
        }
    }

    fn route_inner(
        &mut self,
        msg: &ChannelMessage<fb::ConnectionsMessage>,
    ) -> Result<(), crate::protocol::flatbuffers::FlatBufferError> {
        let root = msg.root()?;
        match root.body()? {
            fb::ConnectionsMessageBodyRef::EventReceived(e) => {
                let sub = e.subscription_id()?;
                if !self.subs.contains_key(sub) {
                    return Ok(());
                }
                let event = read_event(e.event()?)?;
                let relay = e.relay_url()?.to_owned();
                self.hand_on(sub, Input::Event(event, relay));
            }
            fb::ConnectionsMessageBodyRef::Eose(e) => {
                let input = Input::Eose {
                    relay: e.relay_url()?.to_owned(),
                    pending: e.pending_relays()?,
                    timed_out: e.timed_out()?,
                };
                self.hand_on(e.subscription_id()?, input);
            }
            fb::ConnectionsMessageBodyRef::Closed(c) => {
                let input = Input::Closed {
                    relay: c.relay_url()?.to_owned(),
                    reason: c.reason()?.map(str::to_owned),
                    cause: c.cause()?,
                };
                self.hand_on(c.subscription_id()?, input);
            }
            fb::ConnectionsMessageBodyRef::PublishResult(p) => {
                if let Some(reply) = self.publishes.remove(&root.request_id()?) {
                    let mut relays = Vec::new();
                    if let Some(results) = p.results()? {
                        for r in results {
                            let r = r?;
                            relays.push(RelayOutcome {
                                relay: r.relay_url()?.unwrap_or_default().to_owned(),
                                status: r.status()?,
                                message: r.message()?.map(str::to_owned),
                            });
                        }
                    }
                    let _ = reply.send(Ok(PublishOutcome {
                        event_id: p.event_id()?.into(),
                        relays,
                    }));
                }
            }
            fb::ConnectionsMessageBodyRef::ConnectionsError(e) => {
                let rid = root.request_id()?;
                let code = e.code()?;
                let message = e.message()?.unwrap_or_default().to_owned();
                if let Some(reply) = self.publishes.remove(&rid) {
                    let _ = reply.send(Err(ParserError::Connections { code, message }));
                } else if let Some(reply) = self.counts.remove(&rid) {
                    let _ = reply.send(Err(ParserError::Connections { code, message }));
                } else if let Some(id) = self.by_request.get(&rid).cloned() {
                    let input = Input::Closed {
                        relay: String::new(),
                        reason: Some(format!("{code:?}: {message}")),
                        cause: fb::ClosedCause::Relay,
                    };
                    self.hand_on(&id, input);
                }
            }
            fb::ConnectionsMessageBodyRef::Notice(n) => {
                tracing::debug!("NOTICE from {}: {:?}", n.relay_url()?, n.message()?);
            }
            fb::ConnectionsMessageBodyRef::AuthChallenge(_) => {}
            fb::ConnectionsMessageBodyRef::RelayCounts(c) => {
                if let Some(reply) = self.counts.remove(&root.request_id()?) {
                    let mut relays = Vec::new();
                    if let Some(results) = c.results()? {
                        for r in results {
                            let r = r?;
                            relays.push(RelayCount {
                                relay: r.relay_url()?.to_owned(),
                                count: match r.error()? {
                                    None => Ok(r.count()?),
                                    Some(e) => Err(e.to_owned()),
                                },
                                approximate: r.approximate()?,
                            });
                        }
                    }
                    let _ = reply.send(Ok(relays));
                }
            }
            fb::ConnectionsMessageBodyRef::Queued(q) => {
                let input = Input::Queued {
                    relay: q.relay_url()?.to_owned(),
                    reason: q.reason()?.unwrap_or_default().to_owned(),
                };
                self.hand_on(q.subscription_id()?, input);
            }
        }
        Ok(())
    }
}
