//! Wires the four real workers together: builds the ipc channels, starts the connections, crypto,
//! cache and parser workers on their ends, and hands back what an app holds (the parser handle,
//! the signer control, relay status and the workers' counters).

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use thiserror::Error;
use tokio::sync::mpsc;

use crate::ipc::{IpcChannels, IpcConfig, IpcConfigError, StatusReceiver};
use crate::runtime;
use crate::storage::EventStore;
use crate::transport::WebSocketTransport;
use crate::workers::cache::{CacheStats, CacheWorker, CacheWorkerConfig};
use crate::workers::connections::{
    ConnectionStats, ConnectionsConfig, ConnectionsConfigError, ConnectionsWorker,
};
use crate::workers::crypto::{
    CryptoWorker, CryptoWorkerConfig, CryptoWorkerError, CryptoWorkerHandle,
};
use crate::workers::parser::{ParserConfig, ParserHandle, spawn_parser};

/// Settings of every worker and of the channels between them.
#[derive(Debug, Clone, Default)]
pub struct WorkerSetConfig {
    /// Channel capacities.
    pub ipc: IpcConfig,
    /// The connections worker.
    pub connections: ConnectionsConfig,
    /// The crypto worker.
    pub crypto: CryptoWorkerConfig,
    /// The cache worker.
    pub cache: CacheWorkerConfig,
    /// The parser worker.
    pub parser: ParserConfig,
}

/// The workers could not be started.
#[derive(Debug, Error)]
pub enum WorkerSetError {
    /// A channel capacity is out of range.
    #[error(transparent)]
    Ipc(#[from] IpcConfigError),
    /// The connections worker's settings are out of range.
    #[error(transparent)]
    Connections(#[from] ConnectionsConfigError),
    /// The crypto worker could not start.
    #[error(transparent)]
    Crypto(#[from] CryptoWorkerError),
    /// Some workers were still running when the shutdown deadline passed (a clone of the parser
    /// handle or an open subscription still in use keeps the chain alive).
    #[error("workers still running after {waited:?}: {running:?}")]
    ShutdownTimeout {
        /// How long the shutdown waited.
        waited: Duration,
        /// The workers that had not ended.
        running: Vec<&'static str>,
    },
}

/// The workers whose end [`WorkerSet::shutdown`] waits for. The parser has no task of its own to
/// wait for: the connections worker ends only after the parser dropped its channel.
const TRACKED: [&str; 3] = ["connections", "crypto", "cache"];

/// Runs `worker`, then reports `name` as ended.
async fn tracked(
    name: &'static str,
    worker: impl Future<Output = ()>,
    done: mpsc::Sender<&'static str>,
) {
    worker.await;
    // Room for every tracked worker was reserved, and a gone receiver needs no report.
    let _ = done.try_send(name);
}

/// The four running workers, as the app sees them. Dropping the parser handle (and every clone
/// of it) ends the parser, which closes the connections worker's channel and so every relay
/// connection, and the cache and crypto workers' request channels after them.
#[derive(Debug)]
pub struct WorkerSet {
    /// Subscribe and publish.
    pub parser: ParserHandle,
    /// The active signer and the NIP-46 relay traffic.
    pub crypto: CryptoWorkerHandle,
    /// Relay status changes.
    pub status: StatusReceiver,
    /// The connections worker's counters.
    pub connection_stats: Arc<ConnectionStats>,
    /// The cache worker's counters.
    pub cache_stats: Arc<CacheStats>,
    /// Names of the workers as they end.
    done: mpsc::Receiver<&'static str>,
}

impl WorkerSet {
    /// Builds the channels and starts the four workers on `store` and `transport`.
    /// Every setting is checked before any worker starts, so an error leaves nothing running.
    pub fn spawn(
        config: WorkerSetConfig,
        store: Arc<dyn EventStore>,
        transport: Arc<dyn WebSocketTransport>,
    ) -> Result<Self, WorkerSetError> {
        let WorkerSetConfig {
            ipc,
            connections,
            crypto,
            cache,
            parser,
        } = config;
        let ipc = IpcChannels::new(&ipc)?;
        let connections = ConnectionsWorker::new(connections, ipc.connections, transport)?;
        let (crypto_worker, crypto_handle) = CryptoWorker::new(ipc.crypto, crypto)?;
        let cache_worker = CacheWorker::new(store, ipc.cache, cache);
        let cache_stats = cache_worker.stats();
        let connection_stats = connections.stats();
        let (done_tx, done) = mpsc::channel(TRACKED.len());
        runtime::spawn(tracked(TRACKED[0], connections.run(), done_tx.clone()));
        runtime::spawn(tracked(TRACKED[1], crypto_worker.run(), done_tx.clone()));
        runtime::spawn(tracked(TRACKED[2], cache_worker.run(), done_tx));
        let parser = spawn_parser(ipc.parser, parser);
        Ok(Self {
            parser,
            crypto: crypto_handle,
            status: ipc.status,
            connection_stats,
            cache_stats,
            done,
        })
    }

    /// Drops this set's parser handle and waits up to `within` for the connections (every relay
    /// socket closed), crypto and cache (queued saves written) workers to end. Clones of the
    /// parser handle and open subscriptions must be dropped first, or they keep the workers up.
    pub async fn shutdown(self, within: Duration) -> Result<(), WorkerSetError> {
        let Self {
            parser,
            crypto,
            status,
            mut done,
            ..
        } = self;
        drop((parser, crypto, status));
        let mut running: Vec<&'static str> = TRACKED.to_vec();
        let all_ended = runtime::timeout(within, async {
            // Bounded: at most one report per tracked worker, then the channel ends.
            while let Some(name) = done.recv().await {
                running.retain(|r| *r != name);
                if running.is_empty() {
                    break;
                }
            }
        })
        .await;
        match all_ended {
            Ok(()) if running.is_empty() => Ok(()),
            _ => Err(WorkerSetError::ShutdownTimeout {
                waited: within,
                running,
            }),
        }
    }
}
