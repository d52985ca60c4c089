//! [`MockTransport`]: an in-process [`WebSocketTransport`] for unit tests of the relay pool. The
//! test plays the relay through a [`MockHandle`] and one [`MockRelay`] per accepted connection:
//! it scripts replies, injects faults (refused connects, drops, stalls, garbage, slow reads) and
//! reads back everything the client sent.
//!
//! Always compiled (it is only channels, no sockets or timers, so it builds on every target and
//! costs nothing unless used), because integration tests and other crates' tests cannot see
//! `cfg(test)`. It has no keepalive: a stall lasts until the test pushes, closes or fails.

use std::collections::{HashSet, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::mpsc;

use super::{
    ConnectFuture, ConnectOptions, Incoming, Outgoing, RelayUrl, SocketSide, TransportError,
    WebSocketConnection, WebSocketTransport,
};

/// Frames a buggy or hostile relay might send: not JSON, wrong shapes, wrong types, bad escapes,
/// deep nesting. Text only; a binary frame is injected with [`MockRelay::push_binary`].
pub const GARBAGE_FRAMES: &[&str] = &[
    "",
    " ",
    "null",
    "42",
    "\"EVENT\"",
    "[",
    "]",
    "{}",
    "[]",
    "[\"EVENT\"]",
    "[\"EVENT\",\"sub\"]",
    "[\"EVENT\",\"sub\",{}]",
    "[\"EVENT\",\"sub\",{\"id\":1}]",
    "[\"EOSE\"]",
    "[\"EOSE\",1]",
    "[\"OK\",\"nothex\",\"yes\",\"\"]",
    "[\"NOTICE\"]",
    "[\"CLOSED\",null,null]",
    "[\"AUTH\",{\"challenge\":true}]",
    "[\"UNKNOWN\",\"x\"]",
    "[\"NOTICE\",\"\\ud800\"]",
    "[\"NOTICE\",\"unterminated]",
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "\u{0}\u{1}\u{2}",
    "[\"EVENT\",\"sub\",{\"id\":\"00\",\"pubkey\":\"00\",\"created_at\":-1,\"kind\":70000,\"tags\":[[1]],\"content\":null,\"sig\":\"zz\"}]",
];

/// What the next connect attempt does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnectPlan {
    /// Succeed and hand the relay side to the test.
    Accept,
    /// Fail with this error (e.g. `Connect { kind: ConnectionRefused, .. }` or a TLS error).
    Fail(TransportError),
    /// Never complete: models a handshake that hangs; the caller's own timeout must act.
    Hang,
}

#[derive(Debug, Default)]
struct State {
    attempts: u64,
    accepted: u64,
    /// One-shot plans, consumed in order by the first connect whose URL matches (`None`: any).
    plans: VecDeque<(Option<RelayUrl>, ConnectPlan)>,
    refuse_all: bool,
    refused: HashSet<RelayUrl>,
    attempted: Vec<RelayUrl>,
}

fn refused() -> TransportError {
    TransportError::Connect {
        kind: std::io::ErrorKind::ConnectionRefused,
        detail: "mock: connection refused".to_owned(),
    }
}

/// A scripted transport. Cheap to clone; every clone reports to the same [`MockHandle`].
#[derive(Debug, Clone)]
pub struct MockTransport {
    state: Arc<Mutex<State>>,
    accepted_tx: mpsc::UnboundedSender<MockRelay>,
}

impl MockTransport {
    /// Creates a transport that accepts every connection, and the handle that controls it.
    pub fn new() -> (MockTransport, MockHandle) {
        let state = Arc::new(Mutex::new(State::default()));
        let (accepted_tx, accepted_rx) = mpsc::unbounded_channel();
        let handle = MockHandle {
            state: state.clone(),
            accepted_rx,
        };
        (MockTransport { state, accepted_tx }, handle)
    }
}

fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    // A test that panicked while holding the lock has already failed; keep the state usable.
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl WebSocketTransport for MockTransport {
    fn connect<'a>(&'a self, url: &'a RelayUrl, options: &'a ConnectOptions) -> ConnectFuture<'a> {
        Box::pin(async move {
            let plan = {
                let mut state = lock(&self.state);
                state.attempts += 1;
                state.attempted.push(url.clone());
                let scripted = state
                    .plans
                    .iter()
                    .position(|(only, _)| only.as_ref().is_none_or(|u| u == url))
                    .and_then(|i| state.plans.remove(i))
                    .map(|(_, plan)| plan);
                match scripted {
                    Some(plan) => plan,
                    None if state.refuse_all || state.refused.contains(url) => {
                        ConnectPlan::Fail(refused())
                    }
                    None => ConnectPlan::Accept,
                }
            };
            match plan {
                ConnectPlan::Accept => {
                    let (connection, side) = WebSocketConnection::pair(options);
                    lock(&self.state).accepted += 1;
                    // If the handle is gone the relay side drops at once and the client sees the
                    // connection end, which is what a vanished relay looks like.
                    let _ = self.accepted_tx.send(MockRelay::new(url.clone(), side));
                    Ok(connection)
                }
                ConnectPlan::Fail(error) => Err(error),
                ConnectPlan::Hang => std::future::pending().await,
            }
        })
    }
}

/// The test's remote control for a [`MockTransport`].
#[derive(Debug)]
pub struct MockHandle {
    state: Arc<Mutex<State>>,
    accepted_rx: mpsc::UnboundedReceiver<MockRelay>,
}

impl MockHandle {
    /// Waits for the next accepted connection (in connect order); `None` if the transport is gone.
    pub async fn next_connection(&mut self) -> Option<MockRelay> {
        self.accepted_rx.recv().await
    }

    /// The next accepted connection if there is one already.
    pub fn try_next_connection(&mut self) -> Option<MockRelay> {
        self.accepted_rx.try_recv().ok()
    }

    /// Makes the next connect attempt (to any relay) follow `plan`.
    pub fn plan_next_connect(&self, plan: ConnectPlan) {
        lock(&self.state).plans.push_back((None, plan));
    }

    /// Makes the next connect attempt to `url` follow `plan`.
    pub fn plan_next_connect_to(&self, url: &RelayUrl, plan: ConnectPlan) {
        lock(&self.state).plans.push_back((Some(url.clone()), plan));
    }

    /// Makes the next connect attempt fail with `error`.
    pub fn fail_next_connect(&self, error: TransportError) {
        self.plan_next_connect(ConnectPlan::Fail(error));
    }

    /// Refuses (`ConnectionRefused`) every connect attempt while `on`, for every relay.
    pub fn refuse_all(&self, on: bool) {
        lock(&self.state).refuse_all = on;
    }

    /// Refuses every connect attempt to `url` while `on`.
    pub fn refuse(&self, url: &RelayUrl, on: bool) {
        let mut state = lock(&self.state);
        if on {
            state.refused.insert(url.clone());
        } else {
            state.refused.remove(url);
        }
    }

    /// How many connect attempts were made, failed ones included.
    pub fn connect_count(&self) -> u64 {
        lock(&self.state).attempts
    }

    /// How many connect attempts succeeded.
    pub fn accepted_count(&self) -> u64 {
        lock(&self.state).accepted
    }

    /// The URL of every connect attempt, in order.
    pub fn attempted_urls(&self) -> Vec<RelayUrl> {
        lock(&self.state).attempted.clone()
    }
}

/// Why a [`MockRelay`] could not deliver a frame to the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum MockError {
    /// The client's receive queue is full: it is reading slowly.
    #[error("client receive queue full")]
    Full,
    /// The client dropped its receiver.
    #[error("client is gone")]
    ClientGone,
}

/// The relay end of one accepted mock connection.
#[derive(Debug)]
pub struct MockRelay {
    url: RelayUrl,
    to_client: mpsc::Sender<Incoming>,
    from_client: mpsc::Receiver<Outgoing>,
    sent: Vec<String>,
    client_close: Option<(u16, String)>,
}

impl MockRelay {
    fn new(url: RelayUrl, side: SocketSide) -> Self {
        Self {
            url,
            to_client: side.incoming,
            from_client: side.outgoing,
            sent: Vec::new(),
            client_close: None,
        }
    }

    /// The relay URL the client connected to.
    pub fn url(&self) -> &RelayUrl {
        &self.url
    }

    async fn push(&self, item: Incoming) -> Result<(), MockError> {
        self.to_client
            .send(item)
            .await
            .map_err(|_| MockError::ClientGone)
    }

    /// Sends a text frame, waiting while the client's receive queue is full (TCP backpressure).
    pub async fn push_text(&self, text: impl Into<String>) -> Result<(), MockError> {
        self.push(Incoming::Text(text.into())).await
    }

    /// Sends a text frame only if the client has room: [`MockError::Full`] shows it reads slowly.
    pub fn try_push_text(&self, text: impl Into<String>) -> Result<(), MockError> {
        self.to_client
            .try_send(Incoming::Text(text.into()))
            .map_err(|e| match e {
                mpsc::error::TrySendError::Full(_) => MockError::Full,
                mpsc::error::TrySendError::Closed(_) => MockError::ClientGone,
            })
    }

    /// Sends a binary frame of `len` bytes (which Nostr clients ignore).
    pub async fn push_binary(&self, len: usize) -> Result<(), MockError> {
        self.push(Incoming::Binary { len }).await
    }

    /// Sends every frame of [`GARBAGE_FRAMES`]; returns how many.
    pub async fn push_garbage(&self) -> Result<usize, MockError> {
        for frame in GARBAGE_FRAMES {
            self.push_text(*frame).await?;
        }
        Ok(GARBAGE_FRAMES.len())
    }

    /// Closes cleanly with a close frame carrying `code` and `reason`.
    pub async fn close(self, code: u16, reason: &str) {
        let _ = self
            .push(Incoming::Closed {
                code,
                reason: reason.to_owned(),
            })
            .await;
    }

    /// Ends the connection with `error` (reset, keepalive timeout, protocol error...).
    pub async fn fail(self, error: TransportError) {
        let _ = self.push(Incoming::Error(error)).await;
    }

    /// Vanishes mid-stream without a close frame or error: the client sees
    /// [`TransportError::Dropped`] after the frames already queued.
    pub fn drop_connection(self) {
        drop(self);
    }

    fn record(&mut self, item: Option<Outgoing>) -> Option<String> {
        match item {
            Some(Outgoing::Text(text)) => {
                self.sent.push(text.clone());
                Some(text)
            }
            Some(Outgoing::Close { code, reason }) => {
                // Acknowledge like a real relay would, so the client's receiver ends cleanly.
                let _ = self.to_client.try_send(Incoming::Closed {
                    code,
                    reason: reason.clone(),
                });
                self.client_close = Some((code, reason));
                None
            }
            None => None,
        }
    }

    /// Waits for the next text frame the client sent; `None` once the client closed or dropped
    /// its sender. Until the test calls this, the client's frames wait in its bounded send queue,
    /// which is how a slow-reading relay looks.
    pub async fn recv_sent(&mut self) -> Option<String> {
        if self.client_close.is_some() {
            return None;
        }
        let item = self.from_client.recv().await;
        self.record(item)
    }

    /// The next text frame the client sent, if one is queued.
    pub fn try_recv_sent(&mut self) -> Option<String> {
        if self.client_close.is_some() {
            return None;
        }
        let item = self.from_client.try_recv().ok();
        self.record(item)
    }

    /// Reads every frame queued right now and returns the whole log.
    pub fn sent(&mut self) -> &[String] {
        while self.try_recv_sent().is_some() {}
        &self.sent
    }

    /// The close code and reason the client sent, if it closed.
    pub fn client_close(&self) -> Option<&(u16, String)> {
        self.client_close.as_ref()
    }

    /// True once the client dropped its receiver.
    pub fn is_client_gone(&self) -> bool {
        self.to_client.is_closed()
    }

    /// Plays a scripted relay: answers each client frame with `script`'s replies, in order,
    /// until the client closes. Returns every frame the client sent.
    pub async fn run<F>(mut self, mut script: F) -> Vec<String>
    where
        F: FnMut(&str) -> Vec<String>,
    {
        while let Some(frame) = self.recv_sent().await {
            for reply in script(&frame) {
                if self.push_text(reply).await.is_err() {
                    return self.sent;
                }
            }
        }
        self.sent
    }
}
