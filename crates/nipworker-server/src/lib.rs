//! nipworker-server: a caching Nostr gateway. Clients speak NIP-01 to it (`GET /` upgraded to a
//! WebSocket) or use its HTTP API; one shared [`NostrClient`] serves them all from the cache and
//! the upstream relays, verified and deduplicated.
//!
//! `main.rs` only reads configuration, sets up logs and signals; everything that can be tested
//! in-process (routing, serving, shutdown) lives here.

pub mod api;
pub mod config;
pub mod feed;
pub mod limits;
pub mod live;
pub mod metrics;
pub mod parsed;
pub mod publish;
pub mod relay;
pub mod socket;
pub mod state;
pub mod stored;

pub use config::{Config, ConfigError, DbConfig};
pub use state::{AppState, StartError};

use std::future::Future;
use std::io;
use std::net::SocketAddr;

use nipworker_core::NostrClient;
use tokio::net::TcpListener;

/// Opens the upstream connections in the background (so `/ready` can report them), for at most
/// `within`; stops early at shutdown.
pub fn warm_up(state: &AppState, within: std::time::Duration) {
    let Some(client) = state.client() else {
        return;
    };
    let stopping = state.shutdown.clone();
    state.tasks().spawn(async move {
        tokio::select! {
            result = client.connect(within) => {
                if let Err(err) = result {
                    tracing::warn!(%err, "connecting to the upstream relays");
                }
            }
            () = stopping.cancelled() => {}
        }
    });
}

/// Serves the gateway on `listener` until `shutdown` resolves: then stops accepting, tells every
/// client (CLOSED on each subscription), drains in-flight requests and closes the client (pending
/// saves written, the SQLite file checkpointed).
pub async fn serve<F>(listener: TcpListener, state: AppState, shutdown: F) -> io::Result<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    let stopping = state.shutdown.clone();
    let app = api::router(state.clone());
    let served = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        shutdown.await;
        // WebSocket tasks see this and end their connections, which lets the drain finish.
        stopping.cancel();
    })
    .await;
    // Upgraded sockets are not part of axum's drain: wait for them (they saw the cancel).
    state.tasks().close();
    if tokio::time::timeout(SOCKET_DRAIN, state.tasks().wait())
        .await
        .is_err()
    {
        tracing::warn!("some WebSocket connections did not end in time");
    }
    let client = state.into_client();
    if let Some(client) = client {
        close_client(client).await;
    }
    served
}

/// Longest wait for WebSocket connections to end at shutdown.
const SOCKET_DRAIN: std::time::Duration = std::time::Duration::from_secs(5);

/// Closes the client once this is the last handle: aborted tasks let go of theirs within a few
/// scheduler turns; after [`SOCKET_DRAIN`] it is dropped without waiting instead.
async fn close_client(mut client: std::sync::Arc<NostrClient>) {
    let deadline = tokio::time::Instant::now() + SOCKET_DRAIN;
    // Bounded by the deadline.
    loop {
        match std::sync::Arc::try_unwrap(client) {
            Ok(client) => {
                if let Err(err) = client.close().await {
                    tracing::warn!(%err, "closing the client");
                }
                return;
            }
            Err(shared) if tokio::time::Instant::now() < deadline => {
                client = shared;
                tokio::time::sleep(std::time::Duration::from_millis(10)).await;
            }
            Err(_) => {
                tracing::warn!("client still in use at shutdown; dropped without waiting");
                return;
            }
        }
    }
}
