//! Wires the four real workers together: builds the ipc channels, starts the connections, crypto,
//! cache and parser workers on their ends, and hands back what an app holds (the parser handle,
//! the signer control, relay status and the workers' counters).

use std::sync::Arc;

use thiserror::Error;

use crate::ipc::{IpcChannels, IpcConfig, IpcConfigError, StatusReceiver};
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
use crate::workers::runtime;

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
        let connection_stats = connections.spawn();
        runtime::spawn(crypto_worker.run());
        runtime::spawn(cache_worker.run());
        let parser = spawn_parser(ipc.parser, parser);
        Ok(Self {
            parser,
            crypto: crypto_handle,
            status: ipc.status,
            connection_stats,
            cache_stats,
        })
    }
}
