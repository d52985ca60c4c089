//! One relay's task: the connection state machine (connecting, connected, disconnected, backing
//! off, failed), published on the status broadcast; its subscriptions and unanswered EVENTs, re-sent
//! after every reconnect; NIP-42 AUTH on the current connection; and the checks every incoming
//! frame passes before anything reaches the worker.
//!
//! The task never buffers without bound: it reads the socket only when its report to the worker
//! has been handed over, so a slow consumer slows the socket.

use std::collections::VecDeque;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;

use super::auth::{AuthFailure, AuthState};
use super::backoff::BackoffConfig;
use super::count::CountOutcome;
use super::publish::{OkOutcome, RelayOutcome, RelayPublishes};
use super::stats::ConnectionStats;
use super::subscriptions::{EoseCheck, EventCheck, RelayLimits, RelaySubscriptions};
use crate::ipc::{ChannelMessage, StatusSender};
use crate::protocol::flatbuffers::fb;
use crate::protocol::{
    ClientMessage, Event, EventId, Filter, FrameError, ReasonPrefix, RelayMessage, RelayUrl,
    ScanLimits, Timestamp,
};
use crate::runtime;
use crate::transport::{
    CLOSE_NORMAL, ConnectOptions, ConnectionSender, Incoming, TlsFailure, TransportError,
    WebSocketConnection, WebSocketTransport,
};

/// What the worker asks of one relay task.
#[derive(Debug)]
pub(crate) enum RelayCommand {
    /// Open a subscription (REQ now if connected, else on connect).
    Subscribe {
        id: Arc<str>,
        filters: Arc<[Filter]>,
        close_on_eose: bool,
    },
    /// Close a subscription.
    Close { id: Arc<str> },
    /// Send an EVENT and report its OK.
    Publish { id: EventId, frame: Arc<str> },
    /// Stop waiting for an event's OK (the worker timed it out).
    Forget { id: EventId },
    /// The signed AUTH event for the current challenge.
    Auth(Box<Event>),
    /// Signing the AUTH event failed.
    AuthFailed(AuthFailure),
    /// The relay's NIP-11 limits became known.
    Limits(RelayLimits),
    /// Send a NIP-45 COUNT (now if connected, else on connect) and report its answer.
    Count {
        id: Arc<str>,
        filters: Arc<[Filter]>,
    },
}

/// What a relay task tells the worker.
#[derive(Debug)]
pub(crate) enum RelayReport {
    /// An event for an open subscription, checked against its filters and its id checked against
    /// its hash (not yet deduplicated; the signature is the crypto worker's to check).
    Event {
        relay: RelayUrl,
        sub: Arc<str>,
        event: Box<Event>,
    },
    /// EOSE for an open subscription.
    Eose { relay: RelayUrl, sub: Arc<str> },
    /// The relay ended a subscription, or it could not be opened there.
    Closed {
        relay: RelayUrl,
        sub: Arc<str>,
        reason: String,
        cause: fb::ClosedCause,
    },
    /// A subscription waits for a free slot under the relay's subscription limit.
    Queued {
        relay: RelayUrl,
        sub: Arc<str>,
        reason: String,
    },
    /// The answer to a COUNT (or its refusal).
    Count {
        relay: RelayUrl,
        id: Arc<str>,
        outcome: CountOutcome,
    },
    /// Connecting failed; the next attempt starts at `retry_at` (publishes that cannot wait
    /// that long fail now).
    Unreachable {
        relay: RelayUrl,
        reason: String,
        retry_at: web_time::Instant,
    },
    /// A NOTICE.
    Notice { relay: RelayUrl, message: String },
    /// An AUTH challenge to sign.
    AuthChallenge { relay: RelayUrl, challenge: String },
    /// The outcome of one published event.
    Ok {
        relay: RelayUrl,
        event_id: EventId,
        outcome: RelayOutcome,
    },
    /// The relay was given up; the task has ended.
    Failed { relay: RelayUrl, reason: String },
}

/// Settings of every relay task.
#[derive(Debug, Clone)]
pub(crate) struct RelaySettings {
    pub(crate) connect: ConnectOptions,
    pub(crate) backoff: BackoffConfig,
    pub(crate) scan: ScanLimits,
    pub(crate) overlap_secs: u64,
}

/// Longest wait for an `auth_required` relay's AUTH before its REQs go anyway (some relays only
/// challenge after a REQ).
const AUTH_HOLD_MAX: Duration = Duration::from_secs(3);

/// A connection that lasted this long resets the backoff.
const STABLE_CONNECTION: Duration = Duration::from_secs(30);

/// Connections in a row that the relay ended with a frame over the size limit before the relay is
/// given up: it would send the same frame for the same REQs on every new connection.
const OVERSIZE_GIVE_UP: u32 = 3;

/// Why a session or a wait ended.
enum Stop {
    /// The worker dropped the command queue (relay closed as idle, or shutdown).
    Shutdown,
    /// The connection ended, with the reason for the status.
    Disconnected(String),
    /// The relay sent a frame over the transport's size limit, which ends the connection.
    Oversize(String),
}

/// One relay's task.
pub(crate) struct RelayTask {
    url: RelayUrl,
    transport: Arc<dyn WebSocketTransport>,
    settings: RelaySettings,
    status: StatusSender,
    stats: Arc<ConnectionStats>,
    frames: Arc<super::stats::RelayFrameCounters>,
    subs: RelaySubscriptions,
    publishes: RelayPublishes,
    auth: AuthState,
    /// Reports waiting for room in the worker's report queue (a few per frame or command).
    outbox: VecDeque<RelayReport>,
    /// Local time of the last frame received on the current connection: where its subscriptions
    /// resume after a drop.
    last_frame: Option<Timestamp>,
    /// Why AUTH failed on the current connection, for later `auth-required:` refusals.
    auth_failure: Option<AuthFailure>,
    /// Connections in a row ended by a frame over the size limit.
    oversize_in_a_row: u32,
    /// COUNT frames not answered yet, by id (re-sent after a reconnect).
    counts: std::collections::HashMap<Arc<str>, String>,
    /// REQs and COUNTs wait for AUTH on this connection (the relay announced `auth_required`).
    auth_hold: bool,
}

impl std::fmt::Debug for RelayTask {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RelayTask").field("url", &self.url).finish()
    }
}

impl RelayTask {
    pub(crate) fn new(
        url: RelayUrl,
        transport: Arc<dyn WebSocketTransport>,
        settings: RelaySettings,
        limits: RelayLimits,
        status: StatusSender,
        stats: Arc<ConnectionStats>,
    ) -> Self {
        let overlap = settings.overlap_secs;
        let frames = stats.relay(url.as_str());
        Self {
            url,
            transport,
            settings,
            status,
            frames,
            stats,
            subs: RelaySubscriptions::new(limits, overlap),
            publishes: RelayPublishes::default(),
            auth: AuthState::None,
            outbox: VecDeque::new(),
            last_frame: None,
            auth_failure: None,
            oversize_in_a_row: 0,
            counts: std::collections::HashMap::new(),
            auth_hold: false,
        }
    }

    fn publish_status(
        &self,
        state: fb::RelayState,
        reason: Option<String>,
        retry_at_ms: Option<u64>,
        attempt: u32,
    ) {
        self.status
            .send(ChannelMessage::from_table(&fb::RelayStatus {
                relay_url: self.url.as_str().to_owned(),
                state,
                reason,
                retry_at_ms,
                attempt,
            }));
    }

    /// Runs until the worker drops `commands` or the relay is given up.
    pub(crate) async fn run(
        mut self,
        mut commands: mpsc::Receiver<RelayCommand>,
        reports: mpsc::Sender<RelayReport>,
    ) {
        let mut failures: u32 = 0;
        let mut connected_before = false;
        loop {
            self.publish_status(fb::RelayState::Connecting, None, None, failures);
            let error = match self.connect(&mut commands, &reports).await {
                Err(Stop::Shutdown) => return,
                Err(Stop::Disconnected(reason) | Stop::Oversize(reason)) => reason,
                Ok(Ok(connection)) => {
                    let reconnect = connected_before;
                    if reconnect {
                        ConnectionStats::bump(&self.stats.reconnects);
                    }
                    connected_before = true;
                    self.publish_status(fb::RelayState::Connected, None, None, 0);
                    let started = web_time::Instant::now();
                    self.last_frame = None;
                    let stop = self
                        .session(connection, reconnect, &mut commands, &reports)
                        .await;
                    self.subs.on_disconnect(self.last_frame);
                    self.auth = AuthState::None;
                    self.auth_failure = None;
                    let reason = match stop {
                        Stop::Shutdown => return,
                        Stop::Oversize(reason) => {
                            self.oversize_in_a_row += 1;
                            ConnectionStats::bump(&self.stats.oversize_disconnects);
                            if self.oversize_in_a_row >= OVERSIZE_GIVE_UP {
                                let reason = format!(
                                    "gave up: the relay sent a frame over the size limit on {} \
                                     connections in a row ({reason})",
                                    self.oversize_in_a_row
                                );
                                self.fail(reason, failures, &mut commands, &reports).await;
                                return;
                            }
                            reason
                        }
                        Stop::Disconnected(reason) => {
                            self.oversize_in_a_row = 0;
                            reason
                        }
                    };
                    self.publish_status(
                        fb::RelayState::Disconnected,
                        Some(reason.clone()),
                        None,
                        0,
                    );
                    // A connection that held is retried soon; one that keeps dropping right
                    // after connecting backs off further each time.
                    failures = if started.elapsed() >= STABLE_CONNECTION {
                        1
                    } else {
                        failures.saturating_add(1)
                    };
                    if self
                        .back_off(failures, &reason, &mut commands, &reports)
                        .await
                        .is_err()
                    {
                        return;
                    }
                    continue;
                }
                Ok(Err(error)) => {
                    if is_permanent(&error) {
                        self.fail(error.to_string(), failures, &mut commands, &reports)
                            .await;
                        return;
                    }
                    error.to_string()
                }
            };
            failures = failures.saturating_add(1);
            self.publish_status(
                fb::RelayState::Disconnected,
                Some(error.clone()),
                None,
                failures,
            );
            if self.settings.backoff.exhausted(failures) {
                self.fail(
                    format!("gave up after {failures} attempts: {error}"),
                    failures,
                    &mut commands,
                    &reports,
                )
                .await;
                return;
            }
            if self
                .back_off(failures, &error, &mut commands, &reports)
                .await
                .is_err()
            {
                return;
            }
        }
    }

    /// Publishes `Failed` and tells the worker (after the reports still queued). The command queue
    /// is closed first, so the worker never waits on a task that no longer reads it.
    async fn fail(
        &mut self,
        reason: String,
        attempt: u32,
        commands: &mut mpsc::Receiver<RelayCommand>,
        reports: &mpsc::Sender<RelayReport>,
    ) {
        commands.close();
        self.publish_status(fb::RelayState::Failed, Some(reason.clone()), None, attempt);
        self.outbox.push_back(RelayReport::Failed {
            relay: self.url.clone(),
            reason,
        });
        while let Some(report) = self.outbox.pop_front() {
            if reports.send(report).await.is_err() {
                return;
            }
        }
    }

    /// Connects, serving commands meanwhile. The transport's own connect timeout applies; a
    /// second, slightly longer one guards against transports that never return.
    async fn connect(
        &mut self,
        commands: &mut mpsc::Receiver<RelayCommand>,
        reports: &mpsc::Sender<RelayReport>,
    ) -> Result<Result<WebSocketConnection, TransportError>, Stop> {
        let transport = self.transport.clone();
        let url = self.url.clone();
        let options = self.settings.connect.clone();
        let guard = options.connect_timeout + Duration::from_secs(1);
        let connecting = runtime::timeout(guard, transport.connect(&url, &options));
        let mut connecting = std::pin::pin!(connecting);
        loop {
            tokio::select! {
                biased;
                permit = reports.reserve(), if !self.outbox.is_empty() => {
                    let Ok(permit) = permit else { return Err(Stop::Shutdown) };
                    if let Some(report) = self.outbox.pop_front() {
                        permit.send(report);
                    }
                }
                command = commands.recv() => match command {
                    None => return Err(Stop::Shutdown),
                    Some(command) => self.apply(command),
                },
                result = &mut connecting => {
                    return Ok(result.unwrap_or(Err(TransportError::Timeout(
                        crate::transport::TimeoutPhase::Connect,
                    ))));
                }
            }
        }
    }

    /// Waits out the backoff delay before attempt `failures + 1`, serving commands meanwhile.
    /// `reason` is why the last attempt or connection ended.
    async fn back_off(
        &mut self,
        failures: u32,
        reason: &str,
        commands: &mut mpsc::Receiver<RelayCommand>,
        reports: &mpsc::Sender<RelayReport>,
    ) -> Result<(), Stop> {
        let delay = self.settings.backoff.delay(failures);
        let retry_at = web_time::SystemTime::now()
            .duration_since(web_time::UNIX_EPOCH)
            .map(|d| (d + delay).as_millis() as u64)
            .unwrap_or(0);
        if self.publishes.len() > 0 {
            self.outbox.push_back(RelayReport::Unreachable {
                relay: self.url.clone(),
                reason: reason.to_owned(),
                retry_at: web_time::Instant::now() + delay,
            });
        }
        self.publish_status(fb::RelayState::BackingOff, None, Some(retry_at), failures);
        let mut sleep = std::pin::pin!(runtime::sleep(delay));
        loop {
            tokio::select! {
                biased;
                permit = reports.reserve(), if !self.outbox.is_empty() => {
                    let Ok(permit) = permit else { return Err(Stop::Shutdown) };
                    if let Some(report) = self.outbox.pop_front() {
                        permit.send(report);
                    }
                }
                command = commands.recv() => match command {
                    None => return Err(Stop::Shutdown),
                    Some(command) => self.apply(command),
                },
                () = &mut sleep => return Ok(()),
            }
        }
    }

    /// One connection's life: re-send subscriptions and unanswered events, then move frames both
    /// ways until it ends.
    async fn session(
        &mut self,
        connection: WebSocketConnection,
        reconnect: bool,
        commands: &mut mpsc::Receiver<RelayCommand>,
        reports: &mpsc::Sender<RelayReport>,
    ) -> Stop {
        let WebSocketConnection {
            sender,
            mut receiver,
        } = connection;
        self.auth_hold = self.subs.limits().auth_required;
        let reqs = if self.auth_hold {
            Vec::new()
        } else {
            self.subs.take_sendable()
        };
        self.report_queued();
        let resumed = if reconnect { reqs.len() } else { 0 };
        for frame in reqs {
            if let Err(stop) = self.send(&sender, frame).await {
                return stop;
            }
        }
        for _ in 0..resumed {
            ConnectionStats::bump(&self.stats.resubscribed);
        }
        for frame in self.publishes.on_connect() {
            if let Err(stop) = self.send(&sender, frame.to_string()).await {
                return stop;
            }
        }
        let counts: Vec<String> = if self.auth_hold {
            Vec::new()
        } else {
            self.counts.values().cloned().collect()
        };
        for frame in counts {
            if let Err(stop) = self.send(&sender, frame).await {
                return stop;
            }
        }
        let mut hold_timer = std::pin::pin!(runtime::sleep(AUTH_HOLD_MAX));
        loop {
            let step = tokio::select! {
                biased;
                () = &mut hold_timer, if self.auth_hold => self.end_auth_hold(&sender).await,
                permit = reports.reserve(), if !self.outbox.is_empty() => {
                    let Ok(permit) = permit else { return Stop::Shutdown };
                    if let Some(report) = self.outbox.pop_front() {
                        permit.send(report);
                    }
                    Ok(())
                }
                command = commands.recv() => match command {
                    None => {
                        let _ = sender.close(CLOSE_NORMAL, "").await;
                        self.publish_status(
                            fb::RelayState::Disconnected,
                            Some("closed by the client".to_owned()),
                            None,
                            0,
                        );
                        return Stop::Shutdown;
                    }
                    Some(command) => self.apply_online(command, &sender).await,
                },
                item = receiver.recv(), if self.outbox.is_empty() => match item {
                    Some(Incoming::Text(text)) => self.on_frame(&text, &sender).await,
                    Some(Incoming::Binary { .. }) => {
                        ConnectionStats::bump(&self.stats.binary_dropped);
                        Ok(())
                    }
                    Some(Incoming::Closed { code, reason }) => {
                        Err(Stop::Disconnected(format!("closed by relay ({code}) {reason}")))
                    }
                    Some(Incoming::Error(error)) => {
                        if matches!(error, TransportError::FrameTooLarge { .. }) {
                            // The transport refuses frames past its own limit by ending the
                            // connection (the WebSocket stream cannot skip a message it did
                            // not read); still a dropped oversize frame.
                            ConnectionStats::bump(&self.stats.oversize_dropped);
                            return Stop::Oversize(error.to_string());
                        }
                        Err(Stop::Disconnected(error.to_string()))
                    }
                    None => Err(Stop::Disconnected("connection ended".to_owned())),
                },
            };
            if let Err(stop) = step {
                return stop;
            }
        }
    }

    /// Sends a frame; a failure ends the connection (except a frame over the size limit, which
    /// is dropped with a warning: it can never be sent). A send queue that stays full for the
    /// write timeout means the relay stopped reading: the connection is given up.
    async fn send(&self, sender: &ConnectionSender, frame: String) -> Result<(), Stop> {
        let write_timeout = self.settings.connect.write_timeout;
        match runtime::timeout(write_timeout, sender.send_text(frame)).await {
            Ok(Ok(())) => {
                self.frames.frame_out();
                Ok(())
            }
            Ok(Err(TransportError::FrameTooLarge { size, max })) => {
                tracing::warn!(relay = %self.url, size, max, "frame too large to send, dropped");
                Ok(())
            }
            Ok(Err(error)) => Err(Stop::Disconnected(error.to_string())),
            Err(_) => Err(Stop::Disconnected(
                TransportError::Timeout(crate::transport::TimeoutPhase::Write).to_string(),
            )),
        }
    }

    /// Applies a command's bookkeeping (all of it while disconnected).
    fn apply(&mut self, command: RelayCommand) {
        match command {
            RelayCommand::Subscribe {
                id,
                filters,
                close_on_eose,
            } => {
                self.subs.add(id, filters, close_on_eose);
            }
            RelayCommand::Close { id } => {
                self.subs.remove(&id);
                self.counts.remove(&id);
            }
            RelayCommand::Publish { id, frame } => {
                self.add_publish(id, frame);
            }
            RelayCommand::Forget { id } => self.publishes.forget(&id),
            // Signed for a challenge of a connection that is gone; the next one brings its own.
            RelayCommand::Auth(_) => {}
            RelayCommand::AuthFailed(failure) => self.auth_failed(failure),
            RelayCommand::Limits(limits) => self.subs.set_limits(limits),
            RelayCommand::Count { id, filters } => {
                let frame = ClientMessage::count(id.to_string(), &filters).to_json();
                self.counts.insert(id, frame);
            }
        }
    }

    /// Applies a command on a live connection.
    async fn apply_online(
        &mut self,
        command: RelayCommand,
        sender: &ConnectionSender,
    ) -> Result<(), Stop> {
        match command {
            RelayCommand::Close { id } => {
                if self.counts.remove(&id).is_some() {
                    // A COUNT the worker stopped waiting for: the relay may keep it open.
                    return self
                        .send(sender, ClientMessage::close(id.to_string()).to_json())
                        .await;
                }
                for frame in self.subs.remove(&id) {
                    self.send(sender, frame).await?;
                }
                self.send_sendable(sender).await
            }
            RelayCommand::Count { id, filters } => {
                let frame = ClientMessage::count(id.to_string(), &filters).to_json();
                self.counts.insert(id, frame.clone());
                if self.auth_hold {
                    return Ok(());
                }
                self.send(sender, frame).await
            }
            RelayCommand::Publish { id, frame } => {
                if self.add_publish(id, frame.clone()) {
                    self.send(sender, frame.to_string()).await?;
                }
                Ok(())
            }
            RelayCommand::Auth(event) => {
                if self.auth == AuthState::Signing {
                    self.auth = AuthState::Sent(event.id);
                    self.send(sender, ClientMessage::auth(&event).to_json())
                        .await?;
                }
                Ok(())
            }
            other @ (RelayCommand::Subscribe { .. }
            | RelayCommand::Forget { .. }
            | RelayCommand::AuthFailed(_)
            | RelayCommand::Limits(_)) => {
                let failed = matches!(other, RelayCommand::AuthFailed(_));
                self.apply(other);
                if failed {
                    // No AUTH is coming on this connection: the held REQs go (and are refused
                    // with the cause).
                    self.end_auth_hold(sender).await?;
                }
                self.send_sendable(sender).await
            }
        }
    }

    /// Records an event to publish; false (after reporting the failure) if too many are unanswered.
    fn add_publish(&mut self, id: EventId, frame: Arc<str>) -> bool {
        if let Some(max) = self.subs.limits().max_message_length
            && frame.len() > max
        {
            // The relay would drop the connection (or the frame) rather than answer.
            self.outbox.push_back(RelayReport::Ok {
                relay: self.url.clone(),
                event_id: id,
                outcome: RelayOutcome::Rejected(format!(
                    "invalid: the event is {} bytes; this relay reads at most {max} (NIP-11)",
                    frame.len()
                )),
            });
            return false;
        }
        if self.publishes.add(id, frame) {
            return true;
        }
        self.outbox.push_back(RelayReport::Ok {
            relay: self.url.clone(),
            event_id: id,
            outcome: RelayOutcome::Failed(format!(
                "{} events already wait for this relay's OK",
                RelayPublishes::MAX_UNANSWERED
            )),
        });
        false
    }

    /// Sends the REQs that may go out now; the subscriptions left waiting for a slot hear so.
    async fn send_sendable(&mut self, sender: &ConnectionSender) -> Result<(), Stop> {
        if self.auth_hold {
            return Ok(());
        }
        for frame in self.subs.take_sendable() {
            self.send(sender, frame).await?;
        }
        self.report_queued();
        Ok(())
    }

    /// Tells the worker about subscriptions that started waiting for a free slot.
    fn report_queued(&mut self) {
        let limit = self.subs.max_subscriptions();
        for sub in self.subs.newly_queued() {
            let reason = match limit {
                Some(max) => format!("waiting for a free slot: the relay serves {max} at most"),
                None => "waiting for a free slot".to_owned(),
            };
            self.outbox.push_back(RelayReport::Queued {
                relay: self.url.clone(),
                sub,
                reason,
            });
        }
    }

    /// AUTH failed: the refusals held for it become final.
    fn auth_failed(&mut self, failure: AuthFailure) {
        self.auth = AuthState::Failed;
        let reason = format!("auth-required: authentication failed: {}", failure.reason);
        for sub in self.subs.drop_held() {
            self.outbox.push_back(RelayReport::Closed {
                relay: self.url.clone(),
                sub,
                reason: reason.clone(),
                cause: failure.cause,
            });
        }
        for event_id in self.publishes.drop_held() {
            self.outbox.push_back(RelayReport::Ok {
                relay: self.url.clone(),
                event_id,
                outcome: RelayOutcome::Rejected(reason.clone()),
            });
        }
        self.auth_failure = Some(failure);
    }

    /// Handles one text frame from the relay: untrusted, so every problem is a counted drop.
    async fn on_frame(&mut self, text: &str, sender: &ConnectionSender) -> Result<(), Stop> {
        ConnectionStats::bump(&self.stats.frames_received);
        self.frames.frame_in();
        self.last_frame = Some(Timestamp::now());
        let message = match RelayMessage::parse(text, &self.settings.scan) {
            Ok(message) => message,
            Err(FrameError::TooLarge { .. }) => {
                ConnectionStats::bump(&self.stats.oversize_dropped);
                return Ok(());
            }
            Err(error) => {
                tracing::debug!(relay = %self.url, %error, "malformed frame dropped");
                ConnectionStats::bump(&self.stats.malformed_dropped);
                return Ok(());
            }
        };
        let relay = self.url.clone();
        match message {
            RelayMessage::Event {
                subscription_id,
                event,
            } => match self.subs.on_event(&subscription_id, &event) {
                // The id must be shown to be the event's hash before the worker remembers it for
                // dedup: otherwise a forged copy sent first would shadow the genuine event.
                EventCheck::Accepted(_) if event.verify_id().is_err() => {
                    tracing::debug!(relay = %self.url, id = %event.id, "forged copy dropped");
                    ConnectionStats::bump(&self.stats.forged_dropped);
                }
                EventCheck::Accepted(sub) => self.outbox.push_back(RelayReport::Event {
                    relay,
                    sub,
                    event: Box::new(event.into_owned()),
                }),
                EventCheck::Unknown => {
                    ConnectionStats::bump(&self.stats.unknown_subscription_dropped);
                }
                EventCheck::Mismatch => {
                    ConnectionStats::bump(&self.stats.filter_mismatch_dropped);
                }
            },
            RelayMessage::Eose { subscription_id } => match self.subs.on_eose(&subscription_id) {
                EoseCheck::Unknown => {
                    ConnectionStats::bump(&self.stats.unknown_subscription_dropped);
                }
                EoseCheck::Partial => {}
                EoseCheck::Done { id, close_frames } => {
                    self.outbox.push_back(RelayReport::Eose { relay, sub: id });
                    if !close_frames.is_empty() {
                        for frame in close_frames {
                            self.send(sender, frame).await?;
                        }
                        self.send_sendable(sender).await?;
                    }
                }
            },
            RelayMessage::Closed {
                subscription_id,
                message,
            } => {
                let auth_required =
                    ReasonPrefix::split(&message).0 == Some(ReasonPrefix::AuthRequired);
                if auth_required
                    && self.auth.can_cure()
                    && let Some(close_frames) = self.subs.hold_for_auth(&subscription_id)
                {
                    for frame in close_frames {
                        self.send(sender, frame).await?;
                    }
                    if self.auth == AuthState::Authenticated {
                        for frame in self.subs.release_held() {
                            self.send(sender, frame).await?;
                        }
                    }
                    return Ok(());
                }
                // A refused COUNT (relays without NIP-45 answer CLOSED or a NOTICE).
                if let Some((id, _)) = self.counts.remove_entry(&*subscription_id) {
                    self.outbox.push_back(RelayReport::Count {
                        relay,
                        id,
                        outcome: CountOutcome::Failed(message.into_owned()),
                    });
                    return Ok(());
                }
                // Refused for the relay's subscription limit while others are open there: the
                // limit is learned and the subscription waits for one of them to close.
                if is_subscription_limit(&message)
                    && let Some(close_frames) = self.subs.requeue_for_limit(&subscription_id)
                {
                    for frame in close_frames {
                        self.send(sender, frame).await?;
                    }
                    self.report_queued();
                    return Ok(());
                }
                let cause = match &self.auth_failure {
                    Some(failure) if auth_required => failure.cause,
                    _ => fb::ClosedCause::Relay,
                };
                // The relay already ended it there (other parts of a split one are closed).
                let Some((sub, close_frames)) = self.subs.closed_by_relay(&subscription_id) else {
                    ConnectionStats::bump(&self.stats.unknown_subscription_dropped);
                    return Ok(());
                };
                for frame in close_frames {
                    self.send(sender, frame).await?;
                }
                self.outbox.push_back(RelayReport::Closed {
                    relay,
                    sub,
                    reason: message.into_owned(),
                    cause,
                });
                self.send_sendable(sender).await?;
            }
            RelayMessage::Ok {
                event_id,
                accepted,
                message,
            } => {
                if self.auth == AuthState::Sent(event_id) {
                    return self.on_auth_ok(accepted, &message, sender).await;
                }
                match self
                    .publishes
                    .on_ok(&event_id, accepted, &message, self.auth.can_cure())
                {
                    OkOutcome::Report => {
                        let message = message.into_owned();
                        let outcome = if accepted {
                            RelayOutcome::Accepted(message)
                        } else {
                            RelayOutcome::Rejected(message)
                        };
                        self.outbox.push_back(RelayReport::Ok {
                            relay,
                            event_id,
                            outcome,
                        });
                    }
                    OkOutcome::HeldForAuth => {
                        if self.auth == AuthState::Authenticated {
                            for frame in self.publishes.release_held() {
                                self.send(sender, frame.to_string()).await?;
                            }
                        }
                    }
                    OkOutcome::Unexpected => {
                        ConnectionStats::bump(&self.stats.unexpected_dropped);
                    }
                }
            }
            RelayMessage::Notice { message } => self.outbox.push_back(RelayReport::Notice {
                relay,
                message: message.into_owned(),
            }),
            RelayMessage::Auth { challenge } => {
                ConnectionStats::bump(&self.stats.auth_challenges);
                self.auth = AuthState::Signing;
                self.outbox.push_back(RelayReport::AuthChallenge {
                    relay,
                    challenge: challenge.into_owned(),
                });
            }
            RelayMessage::Count {
                subscription_id,
                count,
                approximate,
            } => match self.counts.remove_entry(&*subscription_id) {
                Some((id, _)) => self.outbox.push_back(RelayReport::Count {
                    relay,
                    id,
                    outcome: CountOutcome::Counted {
                        count,
                        approximate: approximate.unwrap_or(false),
                    },
                }),
                None => ConnectionStats::bump(&self.stats.unexpected_dropped),
            },
        }
        Ok(())
    }

    /// Lets the REQs and COUNTs held for AUTH go (accepted, refused, or waited long enough).
    async fn end_auth_hold(&mut self, sender: &ConnectionSender) -> Result<(), Stop> {
        if !self.auth_hold {
            return Ok(());
        }
        self.auth_hold = false;
        self.send_sendable(sender).await?;
        let counts: Vec<String> = self.counts.values().cloned().collect();
        for frame in counts {
            self.send(sender, frame).await?;
        }
        Ok(())
    }

    /// The relay answered our AUTH.
    async fn on_auth_ok(
        &mut self,
        accepted: bool,
        message: &str,
        sender: &ConnectionSender,
    ) -> Result<(), Stop> {
        if !accepted {
            self.auth_failed(AuthFailure::failed(format!(
                "relay refused AUTH: {message}"
            )));
            return self.end_auth_hold(sender).await;
        }
        self.auth = AuthState::Authenticated;
        self.end_auth_hold(sender).await?;
        for frame in self.subs.release_held() {
            self.send(sender, frame).await?;
        }
        for frame in self.publishes.release_held() {
            self.send(sender, frame.to_string()).await?;
        }
        Ok(())
    }
}

/// True for a CLOSED that refuses a subscription for the relay's limit on open subscriptions
/// (wordings of common relays: "too many subscriptions", "too many concurrent REQs", ...).
fn is_subscription_limit(message: &str) -> bool {
    let lower = message.to_ascii_lowercase();
    (lower.contains("too many") && (lower.contains("sub") || lower.contains("req")))
        || lower.contains("max_subscriptions")
        || lower.contains("subscription limit")
}

/// Errors retrying cannot cure: a bad URL, a missing feature, a certificate we do not trust.
fn is_permanent(error: &TransportError) -> bool {
    match error {
        TransportError::InvalidUrl(_) | TransportError::Unsupported(_) => true,
        TransportError::Tls { kind, .. } => !matches!(kind, TlsFailure::Handshake),
        _ => false,
    }
}
