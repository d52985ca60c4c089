//! What every request handler shares: the one `NostrClient`, the configuration, the live
//! subscription hub, metrics, per-IP connection counts and the shutdown signal.

use std::sync::Arc;
use std::time::Instant;

use nipworker_core::client::{ClientConfig, ClientError, SignerSpec};
use nipworker_core::{NostrClient, PublicKey};
use thiserror::Error;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::config::{Config, DbConfig};
use crate::limits::ConnectionsPerIp;
use crate::live::LiveHub;
use crate::metrics::Metrics;

/// The server could not start.
#[derive(Debug, Error)]
pub enum StartError {
    /// The client (store, relays, workers) could not be built (exit code 2: the configuration
    /// names something unusable).
    #[error("cannot start the client: {0}")]
    Client(#[from] ClientError),
    /// The configured signer could not be set (exit code 2).
    #[error("cannot use the configured signer: {0}")]
    Signer(ClientError),
}

/// Shared state of the server (cheap to clone).
#[derive(Debug, Clone)]
pub struct AppState {
    inner: Arc<Inner>,
    /// Cancelled when the server starts shutting down.
    pub shutdown: CancellationToken,
}

#[derive(Debug)]
struct Inner {
    client: std::sync::Mutex<Option<Arc<NostrClient>>>,
    config: Config,
    live: LiveHub,
    metrics: Metrics,
    ips: ConnectionsPerIp,
    started: Instant,
    signer: Option<PublicKey>,
    tasks: TaskTracker,
    stored: crate::stored::StoredHub,
}

impl AppState {
    /// Builds the client the configuration describes (opening the store) and the shared state.
    pub async fn start(config: Config, metrics: Metrics) -> Result<Self, StartError> {
        let mut builder = ClientConfig::builder()
            .publish_timeout(
                config
                    .limits
                    .query_timeout
                    .max(std::time::Duration::from_secs(5)),
            )
            .eose_timeout(config.limits.query_timeout);
        for relay in &config.relays {
            builder = builder.relay(relay.clone());
        }
        for relay in &config.indexer_relays {
            builder = builder.indexer_relay(relay.clone());
        }
        builder = match &config.database {
            DbConfig::Memory => builder.memory_store(),
            DbConfig::Sqlite(path) => builder.sqlite(path.clone()),
        };
        let client_config = builder.build();
        let client = NostrClient::new(client_config).await?;
        let signer = match &config.signer {
            Some(secret) => {
                let spec = if secret.expose().starts_with("bunker://") {
                    SignerSpec::bunker(secret.expose())
                } else {
                    SignerSpec::private_key(secret.expose())
                };
                Some(client.set_signer(spec).await.map_err(StartError::Signer)?)
            }
            None => None,
        };
        let client = Arc::new(client);
        let live = LiveHub::new(client.clone(), config.limits.client_queue * 4);
        Ok(Self {
            inner: Arc::new(Inner {
                client: std::sync::Mutex::new(Some(client)),
                ips: ConnectionsPerIp::new(config.limits.max_connections_per_ip),
                config,
                live,
                metrics,
                started: Instant::now(),
                signer,
                tasks: TaskTracker::new(),
                stored: crate::stored::StoredHub::default(),
            }),
            shutdown: CancellationToken::new(),
        })
    }

    /// The client; `None` once the server has shut down.
    pub fn client(&self) -> Option<Arc<NostrClient>> {
        self.inner.client.lock().ok().and_then(|c| c.clone())
    }

    /// Takes the client out for closing at shutdown (the live hub lets go of its handle too).
    pub(crate) fn into_client(self) -> Option<Arc<NostrClient>> {
        self.inner.live.close();
        self.inner.client.lock().ok().and_then(|mut c| c.take())
    }

    /// The configuration the server runs with.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Live subscriptions shared by identical filters.
    pub fn live(&self) -> &LiveHub {
        &self.inner.live
    }

    /// The metrics registry.
    pub fn metrics(&self) -> &Metrics {
        &self.inner.metrics
    }

    /// WebSocket connections per client IP.
    pub fn ips(&self) -> &ConnectionsPerIp {
        &self.inner.ips
    }

    /// When the server started.
    pub fn started(&self) -> Instant {
        self.inner.started
    }

    /// Stored-event requests in flight, shared by identical concurrent requests.
    pub fn stored_hub(&self) -> &crate::stored::StoredHub {
        &self.inner.stored
    }

    /// WebSocket connection tasks, waited for at shutdown.
    pub fn tasks(&self) -> &TaskTracker {
        &self.inner.tasks
    }

    /// The configured signer's public key.
    pub fn signer(&self) -> Option<PublicKey> {
        self.inner.signer
    }
}
