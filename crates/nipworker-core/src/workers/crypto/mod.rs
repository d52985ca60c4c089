//! The crypto worker: owns the active signer and serves `CryptoRequest`s from the parser and the
//! connections worker (verify batches, sign, encrypt/decrypt, NIP-42 AUTH, Cashu proofs).
//!
//! One task serves both request channels fairly (`select!` picks a ready branch at random), runs
//! each request as its own future so a slow remote signer never blocks verification, hands
//! CPU-heavy work to an [`Executor`], and waits for reply capacity with `reserve()` in the same
//! `select!` as its receives, so it never deadlocks against a full reply channel.

mod executor;
mod nip46_bridge;
mod requests;
mod signer_slot;
mod verify;

use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use futures::stream::FuturesUnordered;

use crate::ipc::{ChannelMessage, CryptoEndpoints, CryptoService};
use crate::protocol::flatbuffers::fb;

pub use executor::{ExecutionMode, Executor, ExecutorError, available_cores};
pub use nip46_bridge::Nip46Bridge;
pub use requests::SharedMintKeys;
pub use signer_slot::SignerHandle;

use requests::{Shared, auth_url_message, needs_signer, response, serve};

/// Settings of the crypto worker.
#[derive(Debug, Clone)]
pub struct CryptoWorkerConfig {
    /// Where batch verification and DLEQ checks run.
    pub execution: ExecutionMode,
    /// Most events, signatures or proofs in one request; larger requests are refused.
    pub max_batch: usize,
    /// Smallest chunk a batch is split into (below it, the hand-off costs more than it saves).
    pub min_chunk: usize,
    /// Requests of one peer in flight or with an answer waiting to be sent; beyond it the worker
    /// stops reading that peer's channel (backpressure).
    pub max_pending_per_peer: usize,
    /// Longest wait for a signer call (remote signers may wait for the user).
    pub signer_timeout: Duration,
}

impl Default for CryptoWorkerConfig {
    fn default() -> Self {
        Self {
            execution: ExecutionMode::default(),
            max_batch: 100_000,
            min_chunk: 32,
            max_pending_per_peer: 256,
            signer_timeout: Duration::from_secs(120),
        }
    }
}

/// The crypto worker, ready to run.
pub struct CryptoWorker {
    parser: CryptoService,
    connections: CryptoService,
    nip46_router: Option<Router>,
    shared: Arc<Shared>,
    max_pending: usize,
}

impl std::fmt::Debug for CryptoWorker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CryptoWorker")
            .field("shared", &self.shared)
            .field("max_pending", &self.max_pending)
            .finish_non_exhaustive()
    }
}

/// The app's side of a crypto worker: the signer slot, and the relay traffic a NIP-46 signer
/// uses (through the worker's channel to the connections worker).
#[derive(Debug, Clone)]
pub struct CryptoWorkerHandle {
    signer: SignerHandle,
    nip46: Nip46Bridge,
}

impl CryptoWorkerHandle {
    /// The slot holding the active signer.
    pub fn signer(&self) -> &SignerHandle {
        &self.signer
    }

    /// Relay traffic for [`crate::signer::nip46::Nip46Signer`] sessions.
    pub fn nip46_relay(&self) -> Arc<dyn crate::signer::nip46::Nip46Relay> {
        Arc::new(self.nip46.clone())
    }
}

/// Which service end a request came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Peer {
    Parser,
    Connections,
}

/// Bookkeeping of one service end.
#[derive(Debug, Default)]
struct PeerState {
    outbox: VecDeque<ChannelMessage<fb::CryptoResponse>>,
    in_flight: usize,
    rx_open: bool,
    tx_open: bool,
}

impl PeerState {
    fn new() -> Self {
        Self {
            rx_open: true,
            tx_open: true,
            ..Self::default()
        }
    }

    fn can_accept(&self, max: usize) -> bool {
        self.rx_open && self.in_flight + self.outbox.len() < max
    }

    fn push(&mut self, message: ChannelMessage<fb::CryptoResponse>) {
        if self.tx_open {
            self.outbox.push_back(message);
        }
    }
}

/// The NIP-46 router future (boxed: its type is unnameable).
#[cfg(not(target_arch = "wasm32"))]
type Router = futures::future::BoxFuture<'static, ()>;
/// The NIP-46 router future (boxed: its type is unnameable).
#[cfg(target_arch = "wasm32")]
type Router = futures::future::LocalBoxFuture<'static, ()>;

type Finished = (Peer, u64, bool, Result<requests::Answer, requests::Failure>);

/// One request being served. Browser timers are not `Send`, and nothing crosses threads there.
#[cfg(not(target_arch = "wasm32"))]
type Task = futures::future::BoxFuture<'static, Finished>;
/// One request being served. Browser timers are not `Send`, and nothing crosses threads there.
#[cfg(target_arch = "wasm32")]
type Task = futures::future::LocalBoxFuture<'static, Finished>;

/// Why the worker could not start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CryptoWorkerError {
    /// The executor's threads could not be started.
    #[error(transparent)]
    Executor(#[from] ExecutorError),
}

impl CryptoWorker {
    /// Builds the worker on its channel ends; the handle sets and clears the signer.
    pub fn new(
        endpoints: CryptoEndpoints,
        config: CryptoWorkerConfig,
    ) -> Result<(Self, CryptoWorkerHandle), CryptoWorkerError> {
        let signer = SignerHandle::new();
        let shared = Arc::new(Shared {
            executor: Executor::new(config.execution)?,
            signer: signer.clone(),
            mint_keys: default_mint_keys(),
            max_batch: config.max_batch,
            min_chunk: config.min_chunk.max(1),
            signer_timeout: config.signer_timeout,
        });
        let (nip46, router) = nip46_bridge::bridge(endpoints.nip46);
        let worker = Self {
            parser: endpoints.parser,
            connections: endpoints.connections,
            nip46_router: Some(Box::pin(router)),
            shared,
            max_pending: config.max_pending_per_peer.max(1),
        };
        Ok((worker, CryptoWorkerHandle { signer, nip46 }))
    }

    /// Checks Cashu proofs against keys from `cache` instead of the default HTTP source.
    pub fn with_mint_keys(mut self, cache: SharedMintKeys) -> Self {
        if let Some(shared) = Arc::get_mut(&mut self.shared) {
            shared.mint_keys = Some(cache);
        }
        self
    }

    /// Serves until both request channels are closed and every answer is delivered; NIP-46
    /// relay traffic is routed on the same task meanwhile.
    pub async fn run(self) {
        let Self {
            parser,
            connections,
            nip46_router,
            shared,
            max_pending,
        } = self;
        let router = async move {
            if let Some(router) = nip46_router {
                router.await;
            }
            // The router is done (no session left); keep serving requests.
            std::future::pending::<()>().await;
        };
        tokio::select! {
            () = serve_requests(parser, connections, shared, max_pending) => {}
            () = router => {}
        }
    }
}

/// The request loop of [`CryptoWorker::run`].
async fn serve_requests(
    mut parser: CryptoService,
    mut connections: CryptoService,
    shared: Arc<Shared>,
    max_pending: usize,
) {
    {
        let mut builder = planus::Builder::new();
        let mut peers: HashMap<Peer, PeerState> = HashMap::from([
            (Peer::Parser, PeerState::new()),
            (Peer::Connections, PeerState::new()),
        ]);
        let mut in_flight: FuturesUnordered<Task> = FuturesUnordered::new();
        // Requests running on the signer, for forwarding `auth_url` challenges to them.
        let mut signer_requests: HashMap<(Peer, u64), usize> = HashMap::new();
        let mut slot = shared.signer.subscribe();
        let mut auth_urls = slot
            .borrow_and_update()
            .signer()
            .and_then(|s| s.auth_urls());

        loop {
            let p = &peers[&Peer::Parser];
            let c = &peers[&Peer::Connections];
            if !p.rx_open
                && !c.rx_open
                && in_flight.is_empty()
                && p.outbox.is_empty()
                && c.outbox.is_empty()
            {
                break;
            }
            let accept_p = p.can_accept(max_pending);
            let accept_c = c.can_accept(max_pending);
            let send_p = p.tx_open && !p.outbox.is_empty();
            let send_c = c.tx_open && !c.outbox.is_empty();

            enum Step {
                Request(Peer, Option<ChannelMessage<fb::CryptoRequest>>),
                Done(Finished),
                Sent,
                TxClosed(Peer),
                AuthUrl(String),
                SlotChanged(bool),
            }

            let step = tokio::select! {
                m = parser.rx.recv(), if accept_p => Step::Request(Peer::Parser, m),
                m = connections.rx.recv(), if accept_c => Step::Request(Peer::Connections, m),
                Some(done) = in_flight.next(), if !in_flight.is_empty() => Step::Done(done),
                permit = parser.tx.reserve(), if send_p => match permit {
                    Ok(permit) => {
                        if let Some(m) = peers.get_mut(&Peer::Parser).and_then(|s| s.outbox.pop_front()) {
                            permit.send(m);
                        }
                        Step::Sent
                    }
                    Err(_) => Step::TxClosed(Peer::Parser),
                },
                permit = connections.tx.reserve(), if send_c => match permit {
                    Ok(permit) => {
                        if let Some(m) = peers.get_mut(&Peer::Connections).and_then(|s| s.outbox.pop_front()) {
                            permit.send(m);
                        }
                        Step::Sent
                    }
                    Err(_) => Step::TxClosed(Peer::Connections),
                },
                url = async {
                    match auth_urls.as_mut() {
                        Some(rx) => rx.recv().await,
                        None => std::future::pending().await,
                    }
                } => match url {
                    Ok(url) => Step::AuthUrl(url),
                    // Lagged: some URLs were missed, the next ones still come. Closed: the
                    // signer is gone.
                    Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => Step::Sent,
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => Step::SlotChanged(false),
                },
                changed = slot.changed() => Step::SlotChanged(changed.is_ok()),
            };

            match step {
                Step::Request(peer, None) => {
                    if let Some(state) = peers.get_mut(&peer) {
                        state.rx_open = false;
                    }
                }
                Step::Request(peer, Some(message)) => {
                    let request_id = message.request_id().unwrap_or(0);
                    let uses_signer = message
                        .root()
                        .and_then(|r| Ok(r.body()?))
                        .map(|b| needs_signer(&b))
                        .unwrap_or(false);
                    if uses_signer {
                        *signer_requests.entry((peer, request_id)).or_default() += 1;
                    }
                    if let Some(state) = peers.get_mut(&peer) {
                        state.in_flight += 1;
                    }
                    let shared = shared.clone();
                    in_flight.push(Box::pin(async move {
                        let result = serve(shared, message).await;
                        (peer, request_id, uses_signer, result)
                    }));
                }
                Step::Done((peer, request_id, uses_signer, result)) => {
                    if uses_signer && let Some(n) = signer_requests.get_mut(&(peer, request_id)) {
                        *n -= 1;
                        if *n == 0 {
                            signer_requests.remove(&(peer, request_id));
                        }
                    }
                    let message = response(&mut builder, request_id, result);
                    if let Some(state) = peers.get_mut(&peer) {
                        state.in_flight = state.in_flight.saturating_sub(1);
                        state.push(message);
                    }
                }
                Step::Sent => {}
                Step::TxClosed(peer) => {
                    if let Some(state) = peers.get_mut(&peer) {
                        state.tx_open = false;
                        state.outbox.clear();
                    }
                }
                Step::AuthUrl(url) => {
                    for (peer, request_id) in signer_requests.keys() {
                        let Some(state) = peers.get_mut(peer) else {
                            continue;
                        };
                        // Non-final and advisory: dropped rather than letting them pile up.
                        if state.outbox.len() < max_pending {
                            state.push(auth_url_message(&mut builder, *request_id, &url));
                        } else {
                            tracing::debug!("auth_url dropped: reply queue full");
                        }
                    }
                }
                Step::SlotChanged(alive) => {
                    auth_urls = if alive {
                        slot.borrow_and_update()
                            .signer()
                            .and_then(|s| s.auth_urls())
                    } else {
                        None
                    };
                    if !alive {
                        // The handle is gone; nothing will change again. Stop listening.
                        slot = SignerHandle::new().subscribe();
                    }
                }
            }
        }
    }
}

/// The mint keys source used unless the app plugs in its own: HTTP natively, none in browsers.
fn default_mint_keys() -> Option<SharedMintKeys> {
    #[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
    {
        use crate::crypto::cashu::{HttpMintKeySource, MintKeyCache, MintKeySource};
        match HttpMintKeySource::new() {
            Ok(source) => {
                let source: Arc<dyn MintKeySource> = Arc::new(source);
                Some(Arc::new(MintKeyCache::new(source)))
            }
            Err(e) => {
                tracing::warn!(error = %e, "no HTTP client for mint keys; proofs will be MintUnavailable");
                None
            }
        }
    }
    #[cfg(not(all(feature = "tokio-runtime", not(target_arch = "wasm32"))))]
    {
        None
    }
}
