//! The connections worker: serves subscribe/close/publish requests from the parser (and NIP-46
//! traffic from the crypto worker) over the relay pool, and streams what relays send back,
//! deduplicated across relays, over bounded channels.
//!
//! One task per relay ([`relay`]) owns the socket; this task owns everything shared between relays:
//! the subscriptions and their dedup sets, publishes waiting for OKs, AUTH signing requests. It
//! only takes new relay reports or requests while its outgoing queues have room, so a consumer that
//! stops reading stops the sockets instead of growing memory. Commands for a relay whose queue is
//! full are held per relay ([`held`]), so one stalled relay never delays the others.

mod auth;
mod backoff;
mod codec;
mod count;
mod dedup;
mod held;
mod pool;
mod publish;
mod relay;
pub mod requests;
mod stats;
mod subscriptions;

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use planus::Builder;
use thiserror::Error;
use tokio::sync::mpsc;
use web_time::Instant;

pub use backoff::{BackoffConfig, BackoffError};
pub use publish::RelayOutcome;
pub use stats::{ConnectionStats, MAX_COUNTED_RELAYS, OTHER_RELAYS, RelayFrames, StatsSnapshot};
pub use subscriptions::RelayLimits;

use auth::{AuthAnswer, AuthFailure, AuthRequests};
use codec::{Out, Request, encode_nip46, encode_parser, read_nip46_request, read_request};
use count::{CountOutcome, CountTracker, PendingCount};
use dedup::SeenCopies;
use held::{Delivery, HeldCommands};
use pool::{Pool, PoolParts};
use publish::{PendingPublish, PublishTracker};
use relay::{RelayCommand, RelayReport, RelaySettings};

use crate::ipc::{ChannelMessage, ConnectionsEndpoints, Endpoint};
use crate::protocol::flatbuffers::{FlatBufferError, fb};
use crate::protocol::{ClientMessage, Event, Filter, RelayUrl, RelayUrlError, ScanLimits};
use crate::runtime;
use crate::transport::{ConnectOptions, WebSocketTransport};

/// Settings of the connections worker.
#[derive(Debug, Clone)]
pub struct ConnectionsConfig {
    /// Relays of subscriptions that name none.
    pub default_read_relays: Vec<RelayUrl>,
    /// Relays of publishes that name none.
    pub default_write_relays: Vec<RelayUrl>,
    /// Most relay connections open at once.
    pub max_connections: usize,
    /// Commands queued per relay task.
    pub relay_send_queue: usize,
    /// Commands held per relay once its queue is full; past it, requests for that relay wait
    /// (or get `QueueFull`), while requests for other relays go on.
    pub relay_held_commands: usize,
    /// Reports queued from all relay tasks to the worker task.
    pub report_queue: usize,
    /// Reconnection delays.
    pub backoff: BackoffConfig,
    /// Socket settings (timeouts, frame limits, queue sizes).
    pub connect: ConnectOptions,
    /// Limits on incoming frames.
    pub scan: ScanLimits,
    /// Wait for each relay's OK when a publish does not say.
    pub publish_timeout: Duration,
    /// Wait for the crypto worker to sign an AUTH event; past it, refusals held for AUTH become
    /// final.
    pub auth_timeout: Duration,
    /// Taken off `since` when a subscription resumes after a reconnect (events that arrive out
    /// of `created_at` order); whole seconds.
    pub resubscribe_overlap: Duration,
    /// Event copies (id and signature) remembered per subscription for cross-relay dedup.
    pub dedup_capacity: usize,
    /// How long each relay may take to send EOSE when a subscription does not say; past it the
    /// relay counts as done (reported as timed out), so a half-open relay cannot hold a query.
    pub eose_timeout: Duration,
    /// NIP-11 limits of relays, where known.
    pub relay_limits: HashMap<RelayUrl, RelayLimits>,
}

impl Default for ConnectionsConfig {
    fn default() -> Self {
        Self {
            default_read_relays: Vec::new(),
            default_write_relays: Vec::new(),
            max_connections: 64,
            relay_send_queue: 256,
            relay_held_commands: 64,
            report_queue: 1024,
            backoff: BackoffConfig::default(),
            connect: ConnectOptions::default(),
            scan: ScanLimits::DEFAULT,
            publish_timeout: Duration::from_secs(10),
            auth_timeout: Duration::from_secs(30),
            resubscribe_overlap: Duration::from_secs(10),
            dedup_capacity: 16_384,
            eose_timeout: Duration::from_secs(15),
            relay_limits: HashMap::new(),
        }
    }
}

/// A [`ConnectionsConfig`] value is out of range.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum ConnectionsConfigError {
    /// The backoff settings are invalid.
    #[error(transparent)]
    Backoff(#[from] BackoffError),
    /// A count or queue size is zero or too large.
    #[error("{field} must be between 1 and {max}, got {got}")]
    OutOfRange {
        /// Which setting.
        field: &'static str,
        /// The configured value.
        got: usize,
        /// The largest accepted value.
        max: usize,
    },
}

impl ConnectionsConfig {
    const MAX: usize = 1 << 20;

    fn validate(&self) -> Result<(), ConnectionsConfigError> {
        self.backoff.validate()?;
        for (field, got) in [
            ("max_connections", self.max_connections),
            ("relay_send_queue", self.relay_send_queue),
            ("relay_held_commands", self.relay_held_commands),
            ("report_queue", self.report_queue),
            ("dedup_capacity", self.dedup_capacity),
        ] {
            if got == 0 || got > Self::MAX {
                return Err(ConnectionsConfigError::OutOfRange {
                    field,
                    got,
                    max: Self::MAX,
                });
            }
        }
        Ok(())
    }
}

/// The connections worker, ready to run with its channel ends.
#[derive(Debug)]
pub struct ConnectionsWorker {
    config: ConnectionsConfig,
    endpoints: ConnectionsEndpoints,
    transport: Arc<dyn WebSocketTransport>,
    stats: Arc<ConnectionStats>,
}

impl ConnectionsWorker {
    /// Checks the config and prepares the worker.
    pub fn new(
        config: ConnectionsConfig,
        endpoints: ConnectionsEndpoints,
        transport: Arc<dyn WebSocketTransport>,
    ) -> Result<Self, ConnectionsConfigError> {
        config.validate()?;
        Ok(Self {
            config,
            endpoints,
            transport,
            stats: Arc::new(ConnectionStats::default()),
        })
    }

    /// The worker's counters (live).
    pub fn stats(&self) -> Arc<ConnectionStats> {
        self.stats.clone()
    }

    /// Runs the worker in the background; returns its counters.
    pub fn spawn(self) -> Arc<ConnectionStats> {
        let stats = self.stats();
        runtime::spawn(self.run());
        stats
    }

    /// Runs until the parser drops its end of the request channel; then every relay connection
    /// is closed.
    pub async fn run(self) {
        let ConnectionsWorker {
            config,
            endpoints,
            transport,
            stats,
        } = self;
        let ConnectionsEndpoints {
            parser,
            crypto,
            nip46,
            status,
        } = endpoints;
        let Endpoint {
            tx: parser_tx,
            rx: mut parser_rx,
        } = parser;
        let Endpoint {
            tx: crypto_tx,
            rx: mut crypto_rx,
        } = crypto;
        let Endpoint {
            tx: nip46_tx,
            rx: mut nip46_rx,
        } = nip46;
        let (reports_tx, mut reports_rx) = mpsc::channel(config.report_queue);
        let mut state = State::new(config, transport, status, stats, reports_tx);
        // One pending slot reservation per relay with held commands; kept out of `State` so the
        // select below can poll it while its branches change the state.
        let mut deliveries: FuturesUnordered<Delivery> = FuturesUnordered::new();
        let mut nip46_open = true;
        let mut crypto_open = true;
        loop {
            deliveries.extend(state.held.take_started());
            state.retry_blocked();
            let room = state.has_room();
            // Requests wait only while one of them waits for a relay whose held queue is full.
            let take_requests = room && state.blocked.is_none();
            let wait = [
                state.publishes.next_deadline(),
                state.auth.next_deadline(),
                state.next_eose_deadline(),
                state.counts.next_deadline(),
            ]
            .into_iter()
            .flatten()
            .min()
            .map(|d| d.saturating_duration_since(Instant::now()));
            tokio::select! {
                biased;
                permit = parser_tx.reserve(), if !state.parser_out.is_empty() => match permit {
                    Ok(permit) => {
                        if let Some(message) = state.parser_out.pop_front() {
                            permit.send(message);
                        }
                    }
                    // The parser is gone: nobody is left to serve.
                    Err(_) => break,
                },
                permit = nip46_tx.reserve(), if !state.nip46_out.is_empty() => match permit {
                    Ok(permit) => {
                        if let Some(message) = state.nip46_out.pop_front() {
                            permit.send(message);
                        }
                    }
                    Err(_) => state.drop_undeliverable_nip46(),
                },
                permit = crypto_tx.reserve(), if crypto_open && !state.crypto_out.is_empty() => {
                    match permit {
                        Ok(permit) => {
                            if let Some(message) = state.crypto_out.pop_front() {
                                permit.send(message);
                            }
                        }
                        Err(_) => {
                            crypto_open = false;
                            state.crypto_gone();
                        }
                    }
                }
                Some(delivery) = deliveries.next(), if !deliveries.is_empty() => {
                    let dropped = state.held.on_delivery(delivery);
                    for _ in 0..dropped {
                        // The relay task ended; its `Failed` report closes its subscriptions
                        // and fails its publishes.
                        ConnectionStats::bump(&state.stats.undeliverable);
                    }
                }
                answer = crypto_rx.recv(), if crypto_open => match answer {
                    Some(answer) => state.on_crypto(answer),
                    None => {
                        crypto_open = false;
                        state.crypto_gone();
                    }
                },
                () = runtime::sleep(wait.unwrap_or_default()), if wait.is_some() => {
                    state.expire_publishes();
                    state.expire_auth();
                    state.expire_eose();
                    state.expire_counts();
                }
                request = parser_rx.recv(), if take_requests => match request {
                    Some(request) => {
                        let id = request.request_id().unwrap_or(0);
                        let body = request.root().and_then(|r| read_request(r.body()?));
                        state.on_request(Origin::Parser, body, id);
                    }
                    None => break,
                },
                request = nip46_rx.recv(), if take_requests && nip46_open => match request {
                    Some(request) => {
                        let id = request.request_id().unwrap_or(0);
                        let body = request.root().and_then(|r| read_nip46_request(r.body()?));
                        state.on_request(Origin::Nip46, body, id);
                    }
                    None => nip46_open = false,
                },
                report = reports_rx.recv(), if room => {
                    // The pool keeps a sender, so the queue never ends while the worker runs.
                    if let Some(report) = report {
                        state.on_report(report);
                    }
                }
                // Unreachable while the invariants hold (a full outbox always has its branch
                // enabled); stopping beats spinning or panicking if they ever do not.
                else => break,
            }
        }
        // Dropping the pool (and the pending reservations) drops every relay's command queue:
        // each task closes its socket.
        drop(deliveries);
        drop(state);
    }
}

/// Who asked: answers go back the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Origin {
    Parser,
    Nip46,
}

/// One subscription across its relays.
#[derive(Debug)]
struct Sub {
    origin: Origin,
    request_id: u64,
    client_id: Arc<str>,
    relays: Vec<RelayUrl>,
    pending_eose: Vec<RelayUrl>,
    close_on_eose: bool,
    seen: SeenCopies,
    /// When the relays still in `pending_eose` count as done.
    eose_deadline: Instant,
}

/// Messages allowed to wait per outgoing queue before the worker stops taking new input.
const OUTBOX_ROOM: usize = 64;

/// The worker task's state.
struct State {
    config: ConnectionsConfig,
    pool: Pool,
    subs: HashMap<Arc<str>, Sub>,
    by_client: HashMap<(Origin, String), Arc<str>>,
    next_sub: u64,
    publishes: PublishTracker<Origin>,
    counts: CountTracker<Origin>,
    auth: AuthRequests,
    stats: Arc<ConnectionStats>,
    crypto_available: bool,
    parser_out: VecDeque<ChannelMessage<fb::ConnectionsMessage>>,
    nip46_out: VecDeque<ChannelMessage<fb::Nip46Message>>,
    crypto_out: VecDeque<ChannelMessage<fb::CryptoRequest>>,
    /// Commands waiting for room in each relay's queue, in order per relay.
    held: HeldCommands,
    /// A request that targets a relay whose held queue is full (the relay it waits for, then the
    /// request); no new request is taken until it is served, which is how its callers wait.
    blocked: Option<(RelayUrl, Origin, u64, Request)>,
    builder: Builder,
}

/// A relay's task has ended; its command could not be delivered.
#[derive(Debug)]
struct RelayGone;

impl State {
    fn new(
        config: ConnectionsConfig,
        transport: Arc<dyn WebSocketTransport>,
        status: crate::ipc::StatusSender,
        stats: Arc<ConnectionStats>,
        reports: mpsc::Sender<RelayReport>,
    ) -> Self {
        let settings = RelaySettings {
            connect: config.connect.clone(),
            backoff: config.backoff.clone(),
            scan: config.scan,
            overlap_secs: config.resubscribe_overlap.as_secs(),
        };
        let pool = Pool::new(PoolParts {
            max: config.max_connections,
            send_queue: config.relay_send_queue,
            transport,
            settings,
            limits: config.relay_limits.clone(),
            status,
            stats: stats.clone(),
            reports,
        });
        let held = HeldCommands::new(config.relay_held_commands);
        Self {
            config,
            pool,
            subs: HashMap::new(),
            by_client: HashMap::new(),
            next_sub: 0,
            publishes: PublishTracker::default(),
            counts: CountTracker::default(),
            auth: AuthRequests::default(),
            stats,
            crypto_available: true,
            parser_out: VecDeque::new(),
            nip46_out: VecDeque::new(),
            crypto_out: VecDeque::new(),
            held,
            blocked: None,
            builder: Builder::new(),
        }
    }

    fn has_room(&self) -> bool {
        self.parser_out.len() < OUTBOX_ROOM
            && self.nip46_out.len() < OUTBOX_ROOM
            && self.crypto_out.len() < OUTBOX_ROOM
    }

    fn emit(&mut self, origin: Origin, request_id: u64, out: Out<'_>) {
        match origin {
            Origin::Parser => {
                let message = encode_parser(&mut self.builder, request_id, &out);
                self.parser_out.push_back(message);
            }
            Origin::Nip46 => {
                if let Some(message) = encode_nip46(&mut self.builder, request_id, &out) {
                    self.nip46_out.push_back(message);
                }
            }
        }
    }

    fn error(
        &mut self,
        origin: Origin,
        request_id: u64,
        code: fb::ConnectionsErrorCode,
        message: &str,
    ) {
        self.emit(origin, request_id, Out::Error { code, message });
    }

    fn drop_undeliverable_nip46(&mut self) {
        for _ in self.nip46_out.drain(..) {
            ConnectionStats::bump(&self.stats.undeliverable);
        }
    }

    /// The crypto worker is gone: AUTH can no longer be signed.
    fn crypto_gone(&mut self) {
        self.crypto_available = false;
        self.crypto_out.clear();
        let relays: Vec<RelayUrl> = self.auth.drain();
        for relay in relays {
            let _ = self.dispatch(
                &relay,
                RelayCommand::AuthFailed(AuthFailure::failed("no crypto worker")),
            );
        }
    }

    /// Hands a command to a relay's queue. A full queue holds it (and every later command for
    /// that relay, to keep their order) in that relay's held queue, delivered as the relay drains;
    /// other relays are not affected.
    fn dispatch(&mut self, url: &RelayUrl, command: RelayCommand) -> Result<(), RelayGone> {
        let Some(tx) = self.pool.get(url) else {
            return Err(RelayGone);
        };
        if self.held.contains(url) {
            self.held.push(url, command);
            return Ok(());
        }
        match tx.try_send(command) {
            Ok(()) => Ok(()),
            Err(mpsc::error::TrySendError::Full(command)) => {
                let tx = tx.clone();
                self.held.start(url, tx, command);
                Ok(())
            }
            Err(mpsc::error::TrySendError::Closed(_)) => Err(RelayGone),
        }
    }

    /// A relay that a request would send commands to whose held queue is full.
    fn full_target(&self, origin: Origin, request: &Request) -> Option<RelayUrl> {
        let parse = |list: &Option<Vec<String>>, write: bool| -> Vec<RelayUrl> {
            match list {
                // Unparsable URLs get no command; serving the request reports them.
                Some(list) => list
                    .iter()
                    .filter_map(|r| RelayUrl::parse(r).ok())
                    .collect(),
                None if write => self.config.default_write_relays.clone(),
                None => self.config.default_read_relays.clone(),
            }
        };
        let sub_relays = |client_id: &str| -> Vec<RelayUrl> {
            self.by_client
                .get(&(origin, client_id.to_owned()))
                .and_then(|wire| self.subs.get(wire))
                .map(|s| s.relays.clone())
                .unwrap_or_default()
        };
        let targets = match request {
            Request::Subscribe {
                client_id, relays, ..
            } => {
                // Replacing a subscription also closes the old one.
                let mut targets = parse(relays, false);
                targets.extend(sub_relays(client_id));
                targets
            }
            Request::Close { client_id } => sub_relays(client_id),
            Request::Publish { relays, .. } => parse(relays, true),
            Request::SetLimits { relay, .. } => RelayUrl::parse(relay).ok().into_iter().collect(),
            Request::Count { relays, .. } => parse(relays, false),
        };
        targets.into_iter().find(|u| self.held.is_full(u))
    }

    /// Serves the blocked request once none of its relays' held queues is full any more (a
    /// queue drained, or its relay is gone).
    fn retry_blocked(&mut self) {
        let Some((waits_for, origin, _, request)) = &self.blocked else {
            return;
        };
        // Cheap check first: this runs on every turn of the worker's loop.
        if self.held.is_full(waits_for) || !self.has_room() {
            return;
        }
        if let Some(full) = self.full_target(*origin, request) {
            if let Some(blocked) = &mut self.blocked {
                blocked.0 = full;
            }
            return;
        }
        if let Some((_, origin, request_id, request)) = self.blocked.take() {
            self.serve(origin, request_id, request);
        }
    }

    /// Relays that must not be closed to make room.
    fn busy_relays(&self) -> HashSet<RelayUrl> {
        let mut busy: HashSet<RelayUrl> = self
            .subs
            .values()
            .flat_map(|s| s.relays.iter().cloned())
            .collect();
        busy.extend(self.publishes.relays_waiting().cloned());
        // Closing a relay with held commands would hand them to its next task.
        busy.extend(self.held.relays().cloned());
        busy
    }

    /// The relays a reading request (subscribe, count) goes to; `None` after reporting why
    /// (no filter, a bad relay URL, no relays).
    fn read_targets(
        &mut self,
        origin: Origin,
        request_id: u64,
        filters: &[Filter],
        relays: Option<Vec<String>>,
    ) -> Option<Vec<RelayUrl>> {
        if filters.is_empty() {
            self.error(
                origin,
                request_id,
                fb::ConnectionsErrorCode::InvalidInput,
                "a request needs at least one filter",
            );
            return None;
        }
        self.resolve(origin, request_id, relays, false)
    }

    /// Parses and deduplicates the relays of a request; `None` after reporting the error.
    fn resolve(
        &mut self,
        origin: Origin,
        request_id: u64,
        relays: Option<Vec<String>>,
        write: bool,
    ) -> Option<Vec<RelayUrl>> {
        let parsed: Result<Vec<RelayUrl>, RelayUrlError> = match relays {
            Some(list) => list.iter().map(|r| RelayUrl::parse(r)).collect(),
            None if write => Ok(self.config.default_write_relays.clone()),
            None => Ok(self.config.default_read_relays.clone()),
        };
        let mut list = match parsed {
            Ok(list) => list,
            Err(e) => {
                let message = e.to_string();
                self.error(
                    origin,
                    request_id,
                    fb::ConnectionsErrorCode::InvalidRelayUrl,
                    &message,
                );
                return None;
            }
        };
        let mut unique = HashSet::new();
        list.retain(|u| unique.insert(u.clone()));
        if list.is_empty() {
            self.error(
                origin,
                request_id,
                fb::ConnectionsErrorCode::NoRelays,
                "no relays given and none configured",
            );
            return None;
        }
        Some(list)
    }

    /// With `no_wait`, true (after reporting `QueueFull`) if any relay's queue is full.
    fn queue_full(&mut self, origin: Origin, request_id: u64, relays: &[RelayUrl]) -> bool {
        let full = relays.iter().find(|u| {
            self.held.contains(u) || self.pool.get(u).is_some_and(|tx| tx.capacity() == 0)
        });
        let Some(full) = full else {
            return false;
        };
        let message = format!("send queue of {full} is full");
        ConnectionStats::bump(&self.stats.queue_full);
        self.error(
            origin,
            request_id,
            fb::ConnectionsErrorCode::QueueFull,
            &message,
        );
        true
    }

    fn on_request(
        &mut self,
        origin: Origin,
        request: Result<Request, FlatBufferError>,
        request_id: u64,
    ) {
        let request = match request {
            Ok(request) => request,
            Err(e) => {
                let message = e.to_string();
                self.error(
                    origin,
                    request_id,
                    fb::ConnectionsErrorCode::InvalidInput,
                    &message,
                );
                return;
            }
        };
        if let Some(full) = self.full_target(origin, &request) {
            let no_wait = match &request {
                Request::Subscribe { no_wait, .. } | Request::Publish { no_wait, .. } => *no_wait,
                Request::Close { .. } | Request::SetLimits { .. } | Request::Count { .. } => false,
            };
            if no_wait {
                let message = format!("send queue of {full} is full");
                ConnectionStats::bump(&self.stats.queue_full);
                self.error(
                    origin,
                    request_id,
                    fb::ConnectionsErrorCode::QueueFull,
                    &message,
                );
            } else {
                self.blocked = Some((full, origin, request_id, request));
            }
            return;
        }
        self.serve(origin, request_id, request);
    }

    /// Serves a request whose relays all have room for its commands.
    fn serve(&mut self, origin: Origin, request_id: u64, request: Request) {
        match request {
            Request::Subscribe {
                client_id,
                relays,
                filters,
                close_on_eose,
                no_wait,
                eose_timeout,
            } => self.subscribe(
                origin,
                request_id,
                SubscribeRequest {
                    client_id,
                    relays,
                    filters,
                    close_on_eose,
                    no_wait,
                    eose_timeout,
                },
            ),
            Request::Close { client_id } => match self.by_client.remove(&(origin, client_id)) {
                Some(wire) => self.close_wire(&wire),
                None => self.error(
                    origin,
                    request_id,
                    fb::ConnectionsErrorCode::UnknownSubscription,
                    "no such subscription",
                ),
            },
            Request::Publish {
                event,
                relays,
                timeout_ms,
                no_wait,
            } => self.publish(origin, request_id, *event, relays, timeout_ms, no_wait),
            Request::Count {
                filters,
                relays,
                timeout_ms,
            } => self.count(origin, request_id, filters, relays, timeout_ms),
            Request::SetLimits { relay, limits } => match RelayUrl::parse(&relay) {
                Ok(url) => {
                    self.config.relay_limits.insert(url.clone(), limits);
                    self.pool.set_limits(&url, limits);
                    // A running relay applies them at once; otherwise its task starts with them.
                    let _ = self.dispatch(&url, RelayCommand::Limits(limits));
                }
                Err(e) => {
                    let message = e.to_string();
                    self.error(
                        origin,
                        request_id,
                        fb::ConnectionsErrorCode::InvalidRelayUrl,
                        &message,
                    );
                }
            },
        }
    }

    fn subscribe(&mut self, origin: Origin, request_id: u64, request: SubscribeRequest) {
        let SubscribeRequest {
            client_id,
            relays,
            filters,
            close_on_eose,
            no_wait,
            eose_timeout,
        } = request;
        let Some(relays) = self.read_targets(origin, request_id, &filters, relays) else {
            return;
        };
        if no_wait && self.queue_full(origin, request_id, &relays) {
            return;
        }
        // Subscribing again under the same id replaces the subscription.
        if let Some(old) = self.by_client.remove(&(origin, client_id.clone())) {
            self.close_wire(&old);
        }
        self.next_sub += 1;
        // Short wire ids (a counter in base 36) are unique for the worker's lifetime, whatever
        // ids the parser and the crypto worker choose.
        let wire: Arc<str> = base36(self.next_sub).into();
        let filters: Arc<[Filter]> = filters.into();
        let busy = self.busy_relays();
        let mut opened = Vec::new();
        for url in relays {
            let failure = match self.pool.open(&url, &busy) {
                Err(e) => Some(e.to_string()),
                Ok(()) => {
                    let command = RelayCommand::Subscribe {
                        id: wire.clone(),
                        filters: filters.clone(),
                        close_on_eose,
                    };
                    match self.dispatch(&url, command) {
                        Ok(()) => None,
                        Err(RelayGone) => Some("error: relay connection ended".to_owned()),
                    }
                }
            };
            match failure {
                None => opened.push(url),
                Some(reason) => self.emit(
                    origin,
                    request_id,
                    Out::Closed {
                        sub: &client_id,
                        relay: url.as_str(),
                        reason: Some(&reason),
                        cause: fb::ClosedCause::RelayFailed,
                    },
                ),
            }
        }
        if opened.is_empty() {
            return;
        }
        self.by_client
            .insert((origin, client_id.clone()), wire.clone());
        self.subs.insert(
            wire,
            Sub {
                origin,
                request_id,
                client_id: client_id.into(),
                pending_eose: opened.clone(),
                relays: opened,
                close_on_eose,
                seen: SeenCopies::new(self.config.dedup_capacity),
                eose_deadline: Instant::now() + eose_timeout.unwrap_or(self.config.eose_timeout),
            },
        );
    }

    /// Closes a subscription on every relay it is open on.
    fn close_wire(&mut self, wire: &Arc<str>) {
        let Some(sub) = self.subs.remove(wire) else {
            return;
        };
        self.by_client
            .remove(&(sub.origin, sub.client_id.to_string()));
        for url in &sub.relays {
            let _ = self.dispatch(url, RelayCommand::Close { id: wire.clone() });
        }
    }

    fn publish(
        &mut self,
        origin: Origin,
        request_id: u64,
        event: Event,
        relays: Option<Vec<String>>,
        timeout_ms: u32,
        no_wait: bool,
    ) {
        let Some(relays) = self.resolve(origin, request_id, relays, true) else {
            return;
        };
        if no_wait && self.queue_full(origin, request_id, &relays) {
            return;
        }
        let frame: Arc<str> = ClientMessage::event(&event).to_json().into();
        let busy = self.busy_relays();
        let mut results = Vec::with_capacity(relays.len());
        for url in relays {
            let outcome = match self.pool.open(&url, &busy) {
                Err(e) => Some(RelayOutcome::Failed(e.to_string())),
                Ok(()) => {
                    let command = RelayCommand::Publish {
                        id: event.id,
                        frame: frame.clone(),
                    };
                    match self.dispatch(&url, command) {
                        Ok(()) => None,
                        Err(RelayGone) => {
                            Some(RelayOutcome::Failed("relay connection ended".to_owned()))
                        }
                    }
                }
            };
            results.push((url, outcome));
        }
        let timeout = if timeout_ms == 0 {
            self.config.publish_timeout
        } else {
            Duration::from_millis(u64::from(timeout_ms))
        };
        if let Some(done) = self
            .publishes
            .start(origin, request_id, event.id, results, timeout)
        {
            self.emit_publish(&done);
        }
    }

    fn emit_publish(&mut self, done: &PendingPublish<Origin>) {
        self.emit(
            done.origin,
            done.request_id,
            Out::Published {
                event_id: done.event_id,
                results: &done.results,
            },
        );
    }

    fn expire_publishes(&mut self) {
        for (done, silent) in self.publishes.expire(Instant::now()) {
            self.emit_publish(&done);
            for url in silent {
                if let Some(tx) = self.pool.get(&url) {
                    // Best effort: a relay whose queue is full forgets it on its next OK or drop.
                    let _ = tx.try_send(RelayCommand::Forget { id: done.event_id });
                }
            }
        }
    }

    /// SignAuth requests the crypto worker left unanswered: their relays stop waiting.
    fn expire_auth(&mut self) {
        for relay in self.auth.expire(Instant::now()) {
            let _ = self.dispatch(
                &relay,
                RelayCommand::AuthFailed(AuthFailure::failed("the signer did not answer in time")),
            );
        }
    }

    fn on_crypto(&mut self, answer: ChannelMessage<fb::CryptoResponse>) {
        let (relay, command) = match self.auth.answer(&answer) {
            Ok(Some(AuthAnswer::Signed(relay, event))) => {
                (relay, RelayCommand::Auth(Box::new(event)))
            }
            Ok(Some(AuthAnswer::Refused(relay, reason))) => {
                (relay, RelayCommand::AuthFailed(reason))
            }
            Ok(None) => return,
            Err(e) => {
                tracing::warn!(error = %e, "malformed answer from the crypto worker dropped");
                return;
            }
        };
        let _ = self.dispatch(&relay, command);
    }

    fn on_report(&mut self, report: RelayReport) {
        match report {
            RelayReport::Event { relay, sub, event } => {
                let Some(s) = self.subs.get_mut(&*sub) else {
                    ConnectionStats::bump(&self.stats.unknown_subscription_dropped);
                    return;
                };
                if !s.seen.insert((event.id, event.sig)) {
                    ConnectionStats::bump(&self.stats.duplicates_dropped);
                    return;
                }
                let (origin, request_id) = (s.origin, s.request_id);
                let client_id = s.client_id.clone();
                ConnectionStats::bump(&self.stats.events_delivered);
                self.emit(
                    origin,
                    request_id,
                    Out::Event {
                        sub: &client_id,
                        relay: relay.as_str(),
                        event: &event,
                    },
                );
            }
            RelayReport::Eose { relay, sub } => {
                let Some(s) = self.subs.get_mut(&*sub) else {
                    return;
                };
                let before = s.pending_eose.len();
                s.pending_eose.retain(|u| *u != relay);
                if s.pending_eose.len() == before {
                    // A second EOSE (after a reconnect) says nothing new.
                    return;
                }
                let pending = s.pending_eose.len() as u32;
                let (origin, request_id) = (s.origin, s.request_id);
                let client_id = s.client_id.clone();
                self.emit(
                    origin,
                    request_id,
                    Out::Eose {
                        sub: &client_id,
                        relay: relay.as_str(),
                        pending,
                        timed_out: false,
                    },
                );
                // With close-after-EOSE the relay task already sent CLOSE.
                self.forget_relay_of(&sub, &relay, true);
            }
            RelayReport::Closed {
                relay,
                sub,
                reason,
                cause,
            } => {
                self.relay_closed(&sub, &relay, &reason, cause);
            }
            RelayReport::Queued { relay, sub, reason } => {
                let Some((origin, request_id, client_id)) = self.route_of(&sub) else {
                    return;
                };
                self.emit(
                    origin,
                    request_id,
                    Out::Queued {
                        sub: &client_id,
                        relay: relay.as_str(),
                        reason: &reason,
                    },
                );
            }
            RelayReport::Count { relay, id, outcome } => {
                if let Some(done) = self.counts.record(&id, &relay, outcome) {
                    self.emit_counts(&done);
                }
            }
            RelayReport::Unreachable {
                relay,
                reason,
                retry_at,
            } => {
                let reason = format!("could not connect: {reason}");
                for (done, forget) in self.publishes.fail_unreachable(&relay, &reason, retry_at) {
                    self.emit_publish(&done);
                    if let Some(tx) = self.pool.get(&relay) {
                        // Best effort, as for timeouts: the relay task forgets it on its own OK.
                        let _ = tx.try_send(RelayCommand::Forget { id: forget });
                    }
                }
            }
            RelayReport::Notice { relay, message } => {
                let message = ChannelMessage::build_with(&mut self.builder, |b| {
                    let body = fb::Notice::create(b, relay.as_str(), message.as_str());
                    let body = fb::ConnectionsMessageBody::create_notice(b, body);
                    fb::ConnectionsMessage::create(b, 0u64, body)
                });
                self.parser_out.push_back(message);
            }
            RelayReport::AuthChallenge { relay, challenge } => {
                let message = ChannelMessage::build_with(&mut self.builder, |b| {
                    let body = fb::AuthChallenge::create(b, relay.as_str(), challenge.as_str());
                    let body = fb::ConnectionsMessageBody::create_auth_challenge(b, body);
                    fb::ConnectionsMessage::create(b, 0u64, body)
                });
                self.parser_out.push_back(message);
                if self.auth.in_flight_for(&relay) {
                    // Signing is under way for this relay; the relay accepts any challenge it
                    // issued on this connection.
                } else if self.crypto_available {
                    let request = self
                        .auth
                        .request(&relay, &challenge, self.config.auth_timeout);
                    self.crypto_out.push_back(request);
                } else {
                    let _ = self.dispatch(
                        &relay,
                        RelayCommand::AuthFailed(AuthFailure::failed("no crypto worker")),
                    );
                }
            }
            RelayReport::Ok {
                relay,
                event_id,
                outcome,
            } => {
                for done in self.publishes.record(&relay, &event_id, outcome) {
                    self.emit_publish(&done);
                }
            }
            RelayReport::Failed { relay, reason } => {
                self.pool.remove(&relay);
                for _ in 0..self.held.remove(&relay) {
                    ConnectionStats::bump(&self.stats.undeliverable);
                }
                let reason = format!("error: relay failed: {reason}");
                let wires: Vec<Arc<str>> = self
                    .subs
                    .iter()
                    .filter(|(_, s)| s.relays.contains(&relay))
                    .map(|(w, _)| w.clone())
                    .collect();
                for wire in wires {
                    self.relay_closed(&wire, &relay, &reason, fb::ClosedCause::RelayFailed);
                }
                for done in self.publishes.fail_relay(&relay, &reason) {
                    self.emit_publish(&done);
                }
                for done in self.counts.fail_relay(&relay, &reason) {
                    self.emit_counts(&done);
                }
            }
        }
    }

    /// Who to tell about subscription `wire`: the requester, its request and its own id.
    fn route_of(&self, wire: &str) -> Option<(Origin, u64, Arc<str>)> {
        let s = self.subs.get(wire)?;
        Some((s.origin, s.request_id, s.client_id.clone()))
    }

    /// `relay` no longer serves `wire`: closed there, or (`after_eose`) done if the subscription
    /// closes after EOSE. The subscription ends with its last relay.
    /// Returns true when `relay` was the last relay whose EOSE the subscription waited for.
    fn forget_relay_of(&mut self, wire: &str, relay: &RelayUrl, after_eose: bool) -> bool {
        let Some(s) = self.subs.get_mut(wire) else {
            return false;
        };
        if after_eose && !s.close_on_eose {
            return false;
        }
        s.relays.retain(|u| u != relay);
        let before = s.pending_eose.len();
        s.pending_eose.retain(|u| u != relay);
        let last_pending = before > 0 && s.pending_eose.is_empty();
        if s.relays.is_empty()
            && let Some(s) = self.subs.remove(wire)
        {
            self.by_client.remove(&(s.origin, s.client_id.to_string()));
        }
        last_pending
    }

    /// `relay` closed `wire` (its CLOSED, or the relay failed for good): the subscriber hears the
    /// reason, and the final EOSE if that relay was the last one owing it.
    fn relay_closed(&mut self, wire: &str, relay: &RelayUrl, reason: &str, cause: fb::ClosedCause) {
        let Some((origin, request_id, client_id)) = self.route_of(wire) else {
            return;
        };
        self.emit(
            origin,
            request_id,
            Out::Closed {
                sub: &client_id,
                relay: relay.as_str(),
                reason: Some(reason),
                cause,
            },
        );
        if self.forget_relay_of(wire, relay, false) {
            self.eose_after_closed(origin, request_id, &client_id, relay);
        }
    }

    /// A relay that closed a subscription before its EOSE counts as done: when it was the last
    /// one pending, an EOSE with no relay left pending follows its CLOSED, so the subscriber (a
    /// close-on-EOSE subscription in the parser) is not left waiting for an EOSE that never comes.
    fn eose_after_closed(
        &mut self,
        origin: Origin,
        request_id: u64,
        client_id: &str,
        relay: &RelayUrl,
    ) {
        self.emit(
            origin,
            request_id,
            Out::Eose {
                sub: client_id,
                relay: relay.as_str(),
                pending: 0,
                timed_out: false,
            },
        );
    }
}

impl State {
    /// Sends COUNT (NIP-45) to each relay; the answer comes once every relay answered, failed or
    /// timed out.
    fn count(
        &mut self,
        origin: Origin,
        request_id: u64,
        filters: Vec<Filter>,
        relays: Option<Vec<String>>,
        timeout_ms: u32,
    ) {
        let Some(relays) = self.read_targets(origin, request_id, &filters, relays) else {
            return;
        };
        self.next_sub += 1;
        let id: Arc<str> = base36(self.next_sub).into();
        let filters: Arc<[Filter]> = filters.into();
        let timeout = match timeout_ms {
            0 => self.config.eose_timeout,
            ms => Duration::from_millis(u64::from(ms)),
        };
        let busy = self.busy_relays();
        let mut asked = Vec::new();
        let mut failed = Vec::new();
        for url in relays {
            let sent = self
                .pool
                .open(&url, &busy)
                .map_err(|e| e.to_string())
                .and_then(|()| {
                    let command = RelayCommand::Count {
                        id: id.clone(),
                        filters: filters.clone(),
                    };
                    self.dispatch(&url, command)
                        .map_err(|RelayGone| "relay connection ended".to_owned())
                });
            match sent {
                Ok(()) => asked.push(url),
                Err(reason) => failed.push((url, reason)),
            }
        }
        let all: Vec<RelayUrl> = asked
            .iter()
            .chain(failed.iter().map(|(u, _)| u))
            .cloned()
            .collect();
        self.counts
            .start(id.clone(), origin, request_id, all, timeout);
        let mut done = None;
        for (url, reason) in failed {
            done = done.or(self.counts.record(&id, &url, CountOutcome::Failed(reason)));
        }
        if let Some(done) = done {
            self.emit_counts(&done);
        }
    }

    fn emit_counts(&mut self, done: &PendingCount<Origin>) {
        self.emit(
            done.origin,
            done.request_id,
            Out::Counts {
                results: &done.results,
            },
        );
    }

    /// COUNTs past their wait: answered with what came (silent relays without a count).
    fn expire_counts(&mut self) {
        for (id, done) in self.counts.expire(Instant::now()) {
            self.emit_counts(&done);
            for (url, outcome) in &done.results {
                if outcome.is_none()
                    && let Some(tx) = self.pool.get(url)
                {
                    let _ = tx.try_send(RelayCommand::Close { id: id.clone() });
                }
            }
        }
    }
}

/// A subscribe request as the worker serves it.
struct SubscribeRequest {
    client_id: String,
    relays: Option<Vec<String>>,
    filters: Vec<Filter>,
    close_on_eose: bool,
    no_wait: bool,
    eose_timeout: Option<Duration>,
}

impl State {
    /// The earliest EOSE deadline of a subscription still waiting for a relay's EOSE.
    fn next_eose_deadline(&self) -> Option<Instant> {
        self.subs
            .values()
            .filter(|s| !s.pending_eose.is_empty())
            .map(|s| s.eose_deadline)
            .min()
    }

    /// Relays past a subscription's EOSE deadline count as done: each is reported with a timed-out
    /// EOSE (the last one with nothing pending), and a close-on-EOSE subscription is closed there.
    fn expire_eose(&mut self) {
        let now = Instant::now();
        let late: Vec<Arc<str>> = self
            .subs
            .iter()
            .filter(|(_, s)| !s.pending_eose.is_empty() && s.eose_deadline <= now)
            .map(|(w, _)| w.clone())
            .collect();
        for wire in late {
            let Some(s) = self.subs.get_mut(&wire) else {
                continue;
            };
            let (origin, request_id) = (s.origin, s.request_id);
            let client_id = s.client_id.clone();
            let close = s.close_on_eose;
            let relays = std::mem::take(&mut s.pending_eose);
            let mut pending = relays.len() as u32;
            for relay in relays {
                pending -= 1;
                tracing::debug!(%relay, sub = %client_id, "no EOSE in time: counted as done");
                ConnectionStats::bump(&self.stats.eose_timeouts);
                self.emit(
                    origin,
                    request_id,
                    Out::Eose {
                        sub: &client_id,
                        relay: relay.as_str(),
                        pending,
                        timed_out: true,
                    },
                );
                if close {
                    let _ = self.dispatch(&relay, RelayCommand::Close { id: wire.clone() });
                    self.forget_relay_of(&wire, &relay, true);
                }
            }
        }
    }
}

/// `n` in base 36, lowercase.
fn base36(mut n: u64) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::new();
    loop {
        out.push(DIGITS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests;
