//! The client's settings and their builder. Everything is checked in [`ClientConfig::validate`]
//! (called by [`crate::NostrClient::new`]) before anything starts, so a bad setting is a typed error
//! naming it and leaves nothing running.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use super::error::ClientError;
use crate::ipc::IpcConfig;
use crate::protocol::RelayUrl;
use crate::storage::{EventStore, StoreLimits};
use crate::workers::connections::{BackoffConfig, ConnectionsConfig};
use crate::workers::set::WorkerSetConfig;

/// Where the client caches events.
#[derive(Clone, Default)]
pub enum StoreChoice {
    /// A SQLite file at this path (created if missing; its directory must exist).
    Sqlite(PathBuf),
    /// The platform's default SQLite file: `$XDG_DATA_HOME/nipworker/nipworker.sqlite`, else
    /// `~/.local/share/nipworker/nipworker.sqlite` (the directory is created).
    #[default]
    DefaultSqlite,
    /// In memory only: gone when the client ends.
    Memory,
    /// Any store the app brings.
    Custom(Arc<dyn EventStore>),
}

impl std::fmt::Debug for StoreChoice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Sqlite(path) => f.debug_tuple("Sqlite").field(path).finish(),
            Self::DefaultSqlite => f.write_str("DefaultSqlite"),
            Self::Memory => f.write_str("Memory"),
            Self::Custom(_) => f.write_str("Custom"),
        }
    }
}

/// Everything a [`crate::NostrClient`] is built from.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// Relays read from when a request names none.
    pub read_relays: Vec<String>,
    /// Relays published to when a request names none.
    pub write_relays: Vec<String>,
    /// Relays where profiles and relay lists (kind 10002) are looked up.
    pub indexer_relays: Vec<String>,
    /// The event cache.
    pub store: StoreChoice,
    /// Size limits of the cache.
    pub store_limits: StoreLimits,
    /// Most relay connections open at once.
    pub max_connections: usize,
    /// Reconnection delays.
    pub backoff: BackoffConfig,
    /// Capacities of the channels between the workers.
    pub channels: IpcConfig,
    /// Check ids and signatures of relay events. Off, events are neither verified nor cached
    /// (the cache serves what it holds as verified).
    pub verify: bool,
    /// Wait for each relay's OK to a publish.
    pub publish_timeout: Duration,
    /// Wait for each relay's end of stored events before it counts as done.
    pub eose_timeout: Duration,
}

impl Default for ClientConfig {
    fn default() -> Self {
        let connections = ConnectionsConfig::default();
        Self {
            read_relays: Vec::new(),
            write_relays: Vec::new(),
            indexer_relays: Vec::new(),
            store: StoreChoice::default(),
            store_limits: StoreLimits::default(),
            max_connections: connections.max_connections,
            backoff: connections.backoff,
            channels: IpcConfig::default(),
            verify: true,
            publish_timeout: connections.publish_timeout,
            eose_timeout: connections.eose_timeout,
        }
    }
}

/// The relay settings after checking.
#[derive(Debug, Clone)]
pub(crate) struct CheckedRelays {
    pub(crate) read: Vec<RelayUrl>,
    pub(crate) write: Vec<RelayUrl>,
    pub(crate) indexer: Vec<RelayUrl>,
}

/// Parses relay URLs, naming `setting` in the error.
pub(crate) fn parse_relays(
    setting: &'static str,
    urls: &[String],
) -> Result<Vec<RelayUrl>, ClientError> {
    let mut out: Vec<RelayUrl> = Vec::with_capacity(urls.len());
    for url in urls {
        let parsed = RelayUrl::parse(url).map_err(|source| ClientError::InvalidRelayUrl {
            setting,
            url: url.clone(),
            source,
        })?;
        if !out.contains(&parsed) {
            out.push(parsed);
        }
    }
    Ok(out)
}

/// File name of the default SQLite cache.
pub const DEFAULT_SQLITE_FILE: &str = "nipworker.sqlite";

/// The platform's default SQLite file: `$XDG_DATA_HOME/nipworker/nipworker.sqlite`, else
/// `$HOME/.local/share/nipworker/nipworker.sqlite`, else `./nipworker.sqlite`; `env` reads the
/// environment (tests pass their own).
pub fn default_sqlite_path(env: impl Fn(&str) -> Option<String>) -> PathBuf {
    const FILE: &str = DEFAULT_SQLITE_FILE;
    let non_empty = |k: &str| env(k).filter(|v| !v.is_empty()).map(PathBuf::from);
    let dir = non_empty("XDG_DATA_HOME")
        .or_else(|| non_empty("HOME").map(|h| h.join(".local").join("share")))
        .map(|d| d.join("nipworker"));
    match dir {
        Some(dir) => dir.join(FILE),
        None => PathBuf::from(FILE),
    }
}

/// Longest timeout accepted: past it a "timeout" is a hang.
const MAX_TIMEOUT: Duration = Duration::from_secs(3600);

fn check_timeout(setting: &'static str, value: Duration) -> Result<(), ClientError> {
    if value.is_zero() || value > MAX_TIMEOUT {
        return Err(ClientError::OutOfRange {
            setting,
            expected: "between 1 ms and 1 hour",
            got: value.as_millis(),
        });
    }
    Ok(())
}

impl ClientConfig {
    /// A builder starting from the defaults.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// Checks every setting; the worker settings are checked again (with their own typed errors)
    /// when the workers are built, still before anything runs.
    pub(crate) fn validate(&self) -> Result<CheckedRelays, ClientError> {
        let relays = CheckedRelays {
            read: parse_relays("read_relays", &self.read_relays)?,
            write: parse_relays("write_relays", &self.write_relays)?,
            indexer: parse_relays("indexer_relays", &self.indexer_relays)?,
        };
        check_timeout("publish_timeout", self.publish_timeout)?;
        check_timeout("eose_timeout", self.eose_timeout)?;
        if let StoreChoice::Sqlite(path) = &self.store
            && path.as_os_str().is_empty()
        {
            return Err(ClientError::OutOfRange {
                setting: "store",
                expected: "a non-empty SQLite file path",
                got: 0,
            });
        }
        Ok(relays)
    }

    /// The workers' settings.
    pub(crate) fn workers(&self, relays: &CheckedRelays) -> WorkerSetConfig {
        let mut set = WorkerSetConfig {
            ipc: self.channels.clone(),
            ..WorkerSetConfig::default()
        };
        set.connections.default_read_relays = relays.read.clone();
        set.connections.default_write_relays = relays.write.clone();
        set.connections.max_connections = self.max_connections;
        set.connections.backoff = self.backoff.clone();
        set.connections.publish_timeout = self.publish_timeout;
        set.connections.eose_timeout = self.eose_timeout;
        set.parser.publish_relay_timeout = self.publish_timeout;
        set
    }
}

/// Builds a [`ClientConfig`] step by step.
#[derive(Debug, Clone, Default)]
pub struct ClientBuilder {
    config: ClientConfig,
}

impl ClientBuilder {
    /// Adds a relay read from by default.
    pub fn read_relay(mut self, url: impl Into<String>) -> Self {
        self.config.read_relays.push(url.into());
        self
    }

    /// Adds a relay published to by default.
    pub fn write_relay(mut self, url: impl Into<String>) -> Self {
        self.config.write_relays.push(url.into());
        self
    }

    /// Adds a relay both read from and published to by default.
    pub fn relay(self, url: impl Into<String>) -> Self {
        let url = url.into();
        self.read_relay(url.clone()).write_relay(url)
    }

    /// Adds an indexer relay (profiles and relay lists are looked up there).
    pub fn indexer_relay(mut self, url: impl Into<String>) -> Self {
        self.config.indexer_relays.push(url.into());
        self
    }

    /// Caches in the SQLite file at `path`.
    pub fn sqlite(mut self, path: impl Into<PathBuf>) -> Self {
        self.config.store = StoreChoice::Sqlite(path.into());
        self
    }

    /// Caches in memory only.
    pub fn memory_store(mut self) -> Self {
        self.config.store = StoreChoice::Memory;
        self
    }

    /// Caches in `store`.
    pub fn store(mut self, store: Arc<dyn EventStore>) -> Self {
        self.config.store = StoreChoice::Custom(store);
        self
    }

    /// Size limits of the cache.
    pub fn store_limits(mut self, limits: StoreLimits) -> Self {
        self.config.store_limits = limits;
        self
    }

    /// Most relay connections open at once.
    pub fn max_connections(mut self, max: usize) -> Self {
        self.config.max_connections = max;
        self
    }

    /// Reconnection delays.
    pub fn backoff(mut self, backoff: BackoffConfig) -> Self {
        self.config.backoff = backoff;
        self
    }

    /// Capacities of the channels between the workers.
    pub fn channels(mut self, channels: IpcConfig) -> Self {
        self.config.channels = channels;
        self
    }

    /// Verify relay events (on by default; off also turns caching of relay events off).
    pub fn verify(mut self, on: bool) -> Self {
        self.config.verify = on;
        self
    }

    /// Wait for each relay's OK to a publish.
    pub fn publish_timeout(mut self, timeout: Duration) -> Self {
        self.config.publish_timeout = timeout;
        self
    }

    /// Wait for each relay's end of stored events.
    pub fn eose_timeout(mut self, timeout: Duration) -> Self {
        self.config.eose_timeout = timeout;
        self
    }

    /// The configuration (checked by [`crate::NostrClient::new`]).
    pub fn build(self) -> ClientConfig {
        self.config
    }
}
