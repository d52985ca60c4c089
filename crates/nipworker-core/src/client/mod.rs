//! `NostrClient`: the one front door over the four workers. It owns a [`WorkerSet`] (no second
//! orchestrator), opens the store, holds the signer, and turns the workers' FlatBuffers streams into
//! typed items; the server, the UniFFI bindings and the browser build all wrap it.

mod config;
mod error;
pub mod nip11;
pub mod outbox;
mod routing;
mod signer;
mod stream;

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::{Stream, StreamExt};

pub use config::{
    ClientBuilder, ClientConfig, DEFAULT_SQLITE_FILE, StoreChoice, default_sqlite_path,
};
pub use error::ClientError;
pub use signer::{NostrConnectPairing, SignerSpec};
pub use stream::{EventView, Preset, SubscribeOptions, Subscription, SubscriptionItem};

pub use crate::workers::cache::CacheStatsSnapshot;
pub use crate::workers::connections::{RelayFrames, StatsSnapshot};
pub use crate::workers::parser::{
    CacheMode, PublishOutcome, RelayCount, RelayOutcome, SubscriptionStats,
};

use self::config::{CheckedRelays, parse_relays};
use self::routing::Routing;
use self::stream::{Registry, Retired, SyncMarks, SyncTicket};
use crate::ipc::StatusReceiver;
use crate::pipeline::EventSink;
use crate::protocol::flatbuffers::fb;
use crate::protocol::{Event, Filter, PublicKey, UnsignedEvent};
use crate::runtime;
use crate::storage::{EventStore, MemoryStore, StoreConfig};
use crate::workers::parser::SubscribeOptions as WorkerOptions;
use crate::workers::set::WorkerSet;

/// How long [`NostrClient::close`] waits for the workers to finish what they hold.
pub const CLOSE_WAIT: Duration = Duration::from_secs(10);

/// A relay's connection state as last reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelayStatus {
    /// The relay.
    pub url: String,
    /// Connecting, connected, disconnected, backing off or failed.
    pub state: fb::RelayState,
    /// Why it left the connected state, if it did.
    pub reason: Option<String>,
    /// When the next attempt starts (Unix milliseconds), while backing off.
    pub retry_at_ms: Option<u64>,
    /// Consecutive failed attempts.
    pub attempt: u32,
}

impl RelayStatus {
    fn from_table(status: fb::RelayStatus) -> Self {
        Self {
            url: status.relay_url,
            state: status.state,
            reason: status.reason,
            retry_at_ms: status.retry_at_ms,
            attempt: status.attempt,
        }
    }
}

/// The client's counters at one moment: what the workers did and what its subscriptions saw.
#[derive(Debug, Clone, Default)]
pub struct ClientStats {
    /// The connections worker: frames, deliveries and every drop by its reason.
    pub connections: StatsSnapshot,
    /// Frames in and out per relay.
    pub relay_frames: Vec<RelayFrames>,
    /// The cache worker: saves, queries, errors.
    pub cache: CacheStatsSnapshot,
    /// Totals over every subscription, open and ended: verified, rejected by reason,
    /// deduplicated, saved.
    pub subscriptions: SubscriptionStats,
    /// Subscriptions open now.
    pub open_subscriptions: usize,
}

/// What [`NostrClient::publish`] takes: a signed event, or an unsigned one for the signer.
#[derive(Debug, Clone)]
pub enum ToPublish {
    /// Signed already (checked before it is stored or sent).
    Signed(Event),
    /// Signed by the client's signer first.
    Unsigned(UnsignedEvent),
}

impl From<Event> for ToPublish {
    fn from(event: Event) -> Self {
        Self::Signed(event)
    }
}

impl From<UnsignedEvent> for ToPublish {
    fn from(event: UnsignedEvent) -> Self {
        Self::Unsigned(event)
    }
}

/// A Nostr client: relays, cache, verification, parsing and signing behind one handle.
///
/// ```no_run
/// use futures::StreamExt;
/// use nipworker_core::client::{ClientConfig, SubscriptionItem};
/// use nipworker_core::{Filter, Kind, NostrClient};
///
/// # async fn demo() -> Result<(), nipworker_core::client::ClientError> {
/// let config = ClientConfig::builder()
///     .relay("wss://relay.example.com")
///     .memory_store()
///     .build();
/// let client = NostrClient::new(config).await?;
/// let notes = client
///     .fetch_events(vec![Filter::new().kind(Kind::TEXT_NOTE).limit(20)], std::time::Duration::from_secs(5))
///     .await?;
/// println!("{} notes", notes.len());
/// let mut feed = client.subscribe(vec![Filter::new().kind(Kind::TEXT_NOTE)], Default::default()).await?;
/// while let Some(item) = feed.next().await {
///     if let SubscriptionItem::Event(note) = item {
///         println!("{}: {}", note.author(), note.content());
///     }
/// }
/// client.close().await?;
/// # Ok(())
/// # }
/// ```
pub struct NostrClient {
    set: Option<WorkerSet>,
    relays: CheckedRelays,
    verify: bool,
    eose_timeout: Duration,
    open: Registry,
    /// Totals of the subscriptions that have ended.
    retired: Retired,
    /// The store, for its size only ([`NostrClient::store_stats`]); events go through the cache
    /// worker.
    store: Arc<dyn EventStore>,
    /// The SQLite file the client opened, closed (WAL checkpointed) by [`NostrClient::close`].
    sqlite: Option<OpenedSqlite>,
    /// Where each (filters, relays) pair is known to be cached (cache-first subscriptions ask
    /// relays only for what is newer).
    synced: SyncMarks,
    next_key: AtomicU64,
    status: Arc<Mutex<HashMap<String, RelayStatus>>>,
    routing: Arc<Routing>,
    /// Kept to hand out new status receivers after the set is gone (`None` once closed).
    status_source: Option<StatusReceiver>,
}

impl std::fmt::Debug for NostrClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NostrClient")
            .field("read_relays", &self.relays.read)
            .field("write_relays", &self.relays.write)
            .field("closed", &self.set.is_none())
            .finish()
    }
}

impl NostrClient {
    /// Checks `config`, opens the store and starts the workers. A bad setting is an error naming
    /// it, and leaves nothing running.
    pub async fn new(config: ClientConfig) -> Result<Self, ClientError> {
        let relays = config.validate()?;
        let workers = config.workers(&relays);
        let (store, sqlite) = open_store(&config).await?;
        let transport = transport()?;
        let set = WorkerSet::spawn(workers, store.clone(), transport)?;
        let status = Arc::new(Mutex::new(HashMap::new()));
        let status_source = set.status.resubscribe();
        runtime::spawn(track_status(set.status.resubscribe(), status.clone()));
        let routing = Arc::new(Routing::new(&relays.read, &relays.write, &relays.indexer));
        let known: Vec<_> = relays
            .read
            .iter()
            .chain(&relays.write)
            .chain(&relays.indexer)
            .cloned()
            .collect();
        routing.learn_limits(&set.parser, &known);
        Ok(Self {
            routing,
            set: Some(set),
            relays,
            verify: config.verify,
            eose_timeout: config.eose_timeout,
            open: Registry::default(),
            retired: Retired::default(),
            store,
            sqlite,
            synced: SyncMarks::default(),
            next_key: AtomicU64::new(0),
            status,
            status_source: Some(status_source),
        })
    }

    fn set(&self) -> Result<&WorkerSet, ClientError> {
        self.set.as_ref().ok_or(ClientError::Closed)
    }

    /// Makes `signer` the client's signer (replacing any other; requests in flight on the old one
    /// fail with a typed error).
    pub async fn set_signer(&self, signer: SignerSpec) -> Result<PublicKey, ClientError> {
        let set = self.set()?;
        let signer = signer.connect(set.crypto.nip46_relay()).await?;
        let key = signer.public_key().await?;
        set.crypto.signer().set_signer(signer);
        Ok(key)
    }

    /// Starts a `nostrconnect://` pairing on `relays`: show the returned URI to the user (a QR
    /// code); [`NostrClient::finish_nostrconnect`] then waits (at most `timeout`) for their
    /// signer and makes it the client's. `timeout` also bounds each later answer of that signer.
    pub fn nostrconnect(
        &self,
        relays: Vec<String>,
        app_name: Option<String>,
        timeout: Duration,
    ) -> Result<NostrConnectPairing, ClientError> {
        let set = self.set()?;
        let relays = parse_relays("relays", &relays)?;
        NostrConnectPairing::start(set.crypto.nip46_relay(), relays, app_name, timeout)
    }

    /// Waits for the signer of a `nostrconnect://` pairing and makes it the client's signer.
    pub async fn finish_nostrconnect(
        &self,
        pairing: NostrConnectPairing,
    ) -> Result<PublicKey, ClientError> {
        let signer = pairing.finish().await?;
        let set = self.set()?;
        let key = signer.user_public_key();
        set.crypto.signer().set_signer(Arc::new(signer));
        Ok(key)
    }

    /// Removes the signer: signing and decrypting fail with [`ClientError::NoSigner`].
    pub fn clear_signer(&self) -> Result<(), ClientError> {
        self.set()?.crypto.signer().clear_signer();
        Ok(())
    }

    /// The signer's public key (`None`: no signer).
    pub async fn public_key(&self) -> Result<Option<PublicKey>, ClientError> {
        let Some(signer) = self.set()?.crypto.signer().current() else {
            return Ok(None);
        };
        Ok(Some(signer.public_key().await?))
    }

    /// Opens a subscription: events from the cache and the relays, verified, deduplicated and
    /// parsed as `options` say, as a `Stream` of [`SubscriptionItem`]s.
    pub async fn subscribe(
        &self,
        filters: Vec<Filter>,
        options: SubscribeOptions,
    ) -> Result<Subscription, ClientError> {
        let set = self.set()?;
        let relays = match &options.relays {
            Some(urls) => Some(parse_relays("relays", urls)?),
            // The outbox model: authors' write relays, tagged users' read relays; else the read
            // relays, named so the cache's end-of-stored-events marker can count them.
            None => match self.routing.read_relays(&set.parser, &filters).await {
                Some(relays) => Some(relays),
                None if !self.relays.read.is_empty() => Some(self.relays.read.clone()),
                None => None,
            },
        };
        if let Some(relays) = &relays {
            self.routing.learn_limits(&set.parser, relays);
        }
        let relays: Option<Vec<String>> =
            relays.map(|r| r.iter().map(|u| u.as_str().to_owned()).collect());
        // No relay at all (none named, no read relay configured, no outbox route): nothing but
        // the cache can answer, so a request that ends at its stored events ends with the
        // cache's, instead of waiting for relays that will never send an EOSE.
        let mut options = options;
        if relays.is_none() && options.close_on_eose && options.cache == CacheMode::CacheFirst {
            options.cache = CacheMode::CacheOnly;
        }
        let pipeline = options.preset.pipeline(self.verify);
        let caches = pipeline.pipes.contains(&crate::pipeline::PipeConfig::Save);
        let key = sync_key(&filters, relays.as_deref());
        let started = crate::protocol::Timestamp::now();
        // A previous identical subscription got every relay's stored events and its saves have
        // landed: the cache holds them, so relays are asked only for what is newer.
        let relay_since = match options.cache {
            CacheMode::CacheFirst if caches => self
                .synced
                .lock()
                .ok()
                .and_then(|m| m.get(&key).filter(|m| m.landed()).map(|m| m.at))
                .map(|at| crate::protocol::Timestamp(at.0.saturating_sub(SYNC_OVERLAP_SECS))),
            _ => None,
        };
        let inner = set
            .parser
            .subscribe(
                filters,
                WorkerOptions {
                    id: None,
                    relays,
                    pipeline,
                    buffer: options.buffer,
                    cache: options.cache,
                    close_on_eose: options.close_on_eose,
                    eose_timeout: Some(options.eose_timeout.unwrap_or(self.eose_timeout)),
                    relay_since,
                },
            )
            .await?;
        let (closer, rx) = inner.split();
        let sync = match (options.cache, closer.save_counters()) {
            (CacheMode::CacheFirst | CacheMode::NoCache, Some(saves)) => Some(SyncTicket {
                marks: Arc::downgrade(&self.synced),
                key,
                started,
                saves,
                incomplete: false,
            }),
            _ => None,
        };
        let slot = self.next_key.fetch_add(1, Ordering::Relaxed);
        Ok(Subscription::new(
            slot,
            &self.open,
            &self.retired,
            closer,
            rx,
            sync,
        ))
    }

    /// The stored events and each relay's until its end of stored events (or its timeout),
    /// deduplicated; then the stream ends.
    pub async fn query(
        &self,
        filters: Vec<Filter>,
        options: SubscribeOptions,
    ) -> Result<impl Stream<Item = EventView> + Send + use<>, ClientError> {
        let sub = self
            .subscribe(
                filters,
                SubscribeOptions {
                    close_on_eose: true,
                    ..options
                },
            )
            .await?;
        Ok(sub.filter_map(|item| async move {
            match item {
                SubscriptionItem::Event(view) => Some(*view),
                _ => None,
            }
        }))
    }

    /// Opens the connections to the read relays now rather than at the first request (a server
    /// that reports readiness, an app warming up): each is asked for a filter no event matches,
    /// and this returns once every relay answered or `timeout` passed. Connections stay open.
    pub async fn connect(&self, timeout: Duration) -> Result<(), ClientError> {
        let relays = self.configured_relays().0;
        if relays.is_empty() {
            return Ok(());
        }
        let nothing = Filter::new().id(crate::protocol::EventId([0; 32])).limit(1);
        let stream = self
            .query(
                vec![nothing],
                SubscribeOptions {
                    cache: CacheMode::NoCache,
                    relays: Some(relays),
                    eose_timeout: Some(timeout),
                    preset: Preset::Raw,
                    ..SubscribeOptions::default()
                },
            )
            .await?;
        // Ends at the last relay's EOSE or timeout; a relay that sends a matching event anyway
        // (forged id) is dropped by verification.
        stream.for_each(|_| async {}).await;
        Ok(())
    }

    /// The common one-shot read: every matching event from the cache and the read relays, each
    /// relay given at most `timeout` for its stored events.
    pub async fn fetch_events(
        &self,
        filters: Vec<Filter>,
        timeout: Duration,
    ) -> Result<Vec<Event>, ClientError> {
        let stream = self
            .query(
                filters,
                SubscribeOptions {
                    eose_timeout: Some(timeout),
                    ..SubscribeOptions::default()
                },
            )
            .await?;
        Ok(stream.map(EventView::into_event).collect().await)
    }

    /// NIP-45: each relay's count of events matching `filters` (the relays chosen as for a
    /// subscription), or why it has none (a relay without NIP-45 refuses or stays silent until
    /// `timeout`). Counts of different relays overlap: they are not to be added up.
    pub async fn count(
        &self,
        filters: Vec<Filter>,
        timeout: Duration,
    ) -> Result<Vec<RelayCount>, ClientError> {
        let set = self.set()?;
        let relays = match self.routing.read_relays(&set.parser, &filters).await {
            Some(relays) => Some(relays),
            None if !self.relays.read.is_empty() => Some(self.relays.read.clone()),
            None => None,
        };
        let relays = relays.map(|r| r.iter().map(|u| u.as_str().to_owned()).collect());
        Ok(set.parser.count(filters, relays, timeout).await?)
    }

    /// How many cached events match any of `filters` (the cache only: relays are not asked).
    pub async fn count_cached(&self, filters: Vec<Filter>) -> Result<u64, ClientError> {
        Ok(self.set()?.parser.cache().count(&filters).await?)
    }

    /// Publishes an event to the write relays (signing it first if it is unsigned) after storing
    /// it; the result holds its id and each relay's OK, refusal (with its NIP-01 prefix), failure
    /// or timeout.
    pub async fn publish(
        &self,
        event: impl Into<ToPublish>,
    ) -> Result<PublishOutcome, ClientError> {
        self.publish_to(event, None).await
    }

    /// Like [`NostrClient::publish`], to these relays instead of the write relays.
    pub async fn publish_to(
        &self,
        event: impl Into<ToPublish>,
        relays: Option<Vec<String>>,
    ) -> Result<PublishOutcome, ClientError> {
        let set = self.set()?;
        let relays = match relays {
            Some(urls) => Some(parse_relays("relays", &urls)?),
            None => None,
        };
        let event = match event.into() {
            ToPublish::Signed(event) => {
                // The cache serves what it holds as verified.
                event.verify()?;
                event
            }
            ToPublish::Unsigned(unsigned) => {
                if set.crypto.signer().current().is_none() {
                    return Err(ClientError::NoSigner);
                }
                set.parser.crypto().sign_event(&unsigned).await?
            }
        };
        // Stored first, so the user's own event is in the cache whatever the relays answer.
        EventSink::save(set.parser.cache(), &[&event]).await?;
        let relays = match relays {
            Some(relays) => Some(relays),
            // The author's write relays, the tagged users' read relays and the defaults.
            None => self.routing.publish_relays(&set.parser, &event).await,
        };
        if let Some(relays) = &relays {
            self.routing.learn_limits(&set.parser, relays);
        }
        let relays = relays.map(|r| r.iter().map(|u| u.as_str().to_owned()).collect());
        Ok(set.parser.publish(event, relays).await?)
    }

    /// The client's counters now (cheap: atomics and one pass over the open subscriptions).
    pub fn stats(&self) -> Result<ClientStats, ClientError> {
        let set = self.set()?;
        let mut subscriptions = self.retired.lock().map(|r| r.clone()).unwrap_or_default();
        let mut open_subscriptions = 0;
        if let Ok(open) = self.open.lock() {
            for closer in open.values() {
                subscriptions.add(&closer.stats());
                open_subscriptions += 1;
            }
        }
        Ok(ClientStats {
            connections: set.connection_stats.snapshot(),
            relay_frames: set.connection_stats.per_relay(),
            cache: set.cache_stats.snapshot(),
            subscriptions,
            open_subscriptions,
        })
    }

    /// How many events the store holds and their size.
    pub async fn store_stats(&self) -> Result<crate::storage::StoreStats, ClientError> {
        self.set()?;
        Ok(self.store.stats().await?)
    }

    /// The configured relays: read, write and indexer (normalized).
    pub fn configured_relays(&self) -> (Vec<String>, Vec<String>, Vec<String>) {
        let strings =
            |v: &[crate::protocol::RelayUrl]| v.iter().map(|u| u.as_str().to_owned()).collect();
        (
            strings(&self.relays.read),
            strings(&self.relays.write),
            strings(&self.relays.indexer),
        )
    }

    /// Every relay's state as last reported.
    pub fn relays(&self) -> Vec<RelayStatus> {
        let mut all: Vec<RelayStatus> = self
            .status
            .lock()
            .map(|s| s.values().cloned().collect())
            .unwrap_or_default();
        all.sort_by(|a, b| a.url.cmp(&b.url));
        all
    }

    /// Relay state changes from now on (a slow reader skips the oldest).
    pub fn relay_status(
        &self,
    ) -> Result<impl Stream<Item = RelayStatus> + Send + use<>, ClientError> {
        let rx = self
            .status_source
            .as_ref()
            .ok_or(ClientError::Closed)?
            .resubscribe();
        Ok(futures::stream::unfold(rx, |mut rx| async move {
            // Bounded: a lagging receiver skips ahead; a closed channel ends the stream.
            for _ in 0..1024 {
                match rx.recv().await {
                    Ok(message) => match message.to_table() {
                        Ok(status) => return Some((RelayStatus::from_table(status), rx)),
                        Err(_) => continue,
                    },
                    Err(crate::ipc::IpcError::Closed { .. }) => return None,
                    Err(_) => continue,
                }
            }
            None
        }))
    }

    /// Closes every subscription (CLOSE on each relay), lets the cache write what it holds, closes
    /// every socket and stops the workers, waiting at most [`CLOSE_WAIT`].
    pub async fn close(mut self) -> Result<(), ClientError> {
        self.close_subscriptions();
        self.status_source = None;
        if let Some(set) = self.set.take() {
            set.shutdown(CLOSE_WAIT).await?;
        }
        #[cfg(all(feature = "sqlite", not(target_arch = "wasm32")))]
        if let Some(sqlite) = self.sqlite.take() {
            // Ours is the last handle once the workers are gone: this checkpoints the WAL.
            self.store = Arc::new(MemoryStore::new(StoreConfig::default()));
            sqlite.close().await?;
        }
        Ok(())
    }

    fn close_subscriptions(&self) {
        let closers: Vec<_> = self
            .open
            .lock()
            .map(|mut open| open.drain().map(|(_, c)| c).collect())
            .unwrap_or_default();
        drop(closers);
    }
}

impl Drop for NostrClient {
    /// Ends everything without waiting: subscriptions are closed and the workers stop as their
    /// channels close.
    fn drop(&mut self) {
        self.close_subscriptions();
    }
}

/// Taken off a sync mark when relays are asked only for newer events: events a relay received
/// just before the mark with a slightly older `created_at` are asked for again.
const SYNC_OVERLAP_SECS: u64 = 10;

/// The fingerprint of (filters, relays) for sync marks.
fn sync_key(filters: &[Filter], relays: Option<&[String]>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for f in filters {
        f.to_json().hash(&mut hasher);
    }
    relays.hash(&mut hasher);
    hasher.finish()
}

/// Keeps the last status of every relay.
async fn track_status(mut rx: StatusReceiver, into: Arc<Mutex<HashMap<String, RelayStatus>>>) {
    // Ends when the connections worker (the sender) ends.
    loop {
        match rx.recv().await {
            Ok(message) => {
                if let Ok(status) = message.to_table()
                    && let Ok(mut all) = into.lock()
                {
                    let status = RelayStatus::from_table(status);
                    all.insert(status.url.clone(), status);
                }
            }
            Err(crate::ipc::IpcError::Closed { .. }) => return,
            Err(_) => {}
        }
    }
}

/// The SQLite store the client opened itself (closed by the client).
#[cfg(all(feature = "sqlite", not(target_arch = "wasm32")))]
type OpenedSqlite = crate::storage::SqliteStore;
/// No SQLite store in this build.
#[cfg(not(all(feature = "sqlite", not(target_arch = "wasm32"))))]
type OpenedSqlite = std::convert::Infallible;

/// The configured store, and the SQLite handle when the client opened one.
type OpenedStore = (Arc<dyn EventStore>, Option<OpenedSqlite>);

async fn open_store(config: &ClientConfig) -> Result<OpenedStore, ClientError> {
    let store_config = StoreConfig {
        limits: config.store_limits,
        ..StoreConfig::default()
    };
    match &config.store {
        StoreChoice::Memory => Ok((Arc::new(MemoryStore::new(store_config)), None)),
        StoreChoice::Custom(store) => Ok((store.clone(), None)),
        #[cfg(all(feature = "sqlite", not(target_arch = "wasm32")))]
        StoreChoice::Sqlite(path) => open_sqlite(path.clone(), store_config).await,
        #[cfg(all(feature = "sqlite", not(target_arch = "wasm32")))]
        StoreChoice::DefaultSqlite => {
            open_sqlite(default_sqlite_path(|k| std::env::var(k).ok()), store_config).await
        }
        #[cfg(not(all(feature = "sqlite", not(target_arch = "wasm32"))))]
        StoreChoice::Sqlite(_) | StoreChoice::DefaultSqlite => Err(ClientError::Unsupported(
            "the SQLite store (choose StoreChoice::Memory or a custom store)",
        )),
    }
}

#[cfg(all(feature = "sqlite", not(target_arch = "wasm32")))]
async fn open_sqlite(
    path: std::path::PathBuf,
    store: StoreConfig,
) -> Result<OpenedStore, ClientError> {
    // The file is created if missing; its directory too.
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(|source| ClientError::StoreDirectory {
            path: dir.to_path_buf(),
            source,
        })?;
    }
    let mut config = crate::storage::SqliteConfig::new(path);
    config.store = store;
    let sqlite = crate::storage::SqliteStore::open(config).await?;
    Ok((Arc::new(sqlite.clone()), Some(sqlite)))
}

#[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
fn transport() -> Result<Arc<dyn crate::transport::WebSocketTransport>, ClientError> {
    use crate::transport::{TlsOptions, TokioWebSocket};
    Ok(Arc::new(TokioWebSocket::new(TlsOptions::default())?))
}

#[cfg(not(all(feature = "tokio-runtime", not(target_arch = "wasm32"))))]
fn transport() -> Result<Arc<dyn crate::transport::WebSocketTransport>, ClientError> {
    Err(ClientError::Unsupported("a WebSocket transport"))
}
