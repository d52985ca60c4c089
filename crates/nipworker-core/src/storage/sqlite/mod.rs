//! `SqliteStore`: the native event store, one SQLite file in WAL mode through `sqlx`, with the
//! schema embedded as migrations (`crates/nipworker-core/migrations`).
//!
//! # Writes
//! One writer connection applies each batch in one `BEGIN IMMEDIATE` transaction: one
//! multi-statement query reads what the storage rules need (stored ids, tombstones, replaceable
//! heads), the rules are planned in Rust, then cached multi-row INSERTs write the rows. What a
//! batch costs is mostly the pages it dirties (each goes through the WAL, and again into the file
//! at the checkpoint), so rows are lean: `content` and `sig` are virtual columns over `raw_json`,
//! tags are one b-tree with hex values stored as bytes (migration 0002).
//!
//! Checkpoints run on a connection of their own (see `run_checkpointer`), not inside the commits.
//!
//! # Durability
//! `synchronous=NORMAL` by default ([`Durability`]): with WAL, a commit is written to the WAL
//! before `save_batch` returns, so every batch reported saved survives the process being killed
//! (the `storage_crash` test kills a writer mid-batch); only an OS crash or power loss can lose
//! the last batches, never corrupt the file. `Durability::Full` fsyncs every commit.
//!
//! # Reads
//! A bounded in-memory hot layer (`hot.rs`, [`SqliteConfig::hot`]) holds every stored event from
//! some second on, kept in step with each commit under the writer lock; it answers the queries it
//! can prove complete (a feed's newest 20, ids it holds, windows inside it) and the rest go to
//! SQLite, which stays the store of record: the layer is refilled from the file at open.
//! SQL readers use a pool of read-only connections and never wait for the writer (WAL).

mod hot;
mod query;

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt as _;
use sqlx::sqlite::{
    SqliteArguments, SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePool,
    SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{ConnectOptions as _, Connection as _, Row as _, Sqlite};

use crate::protocol::{Event, EventId, Filter, Kind, PublicKey, Timestamp};

use super::rules::{self, Address, RelayList, StoredMeta, StoredState};
use super::{
    EventStore, EventStream, RELAY_LIST, SaveStatus, StorageError, StoreConfig, StoreStats,
    usable_filters,
};
use hot::HotLayer;
pub use hot::{HotLayerConfig, HotLayerStats};
use query::{Param, Sql};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Events per chunk sent from the reading task to the query stream.
const STREAM_CHUNK: usize = 128;
/// Queries bounded by this many events (the sum of their limits) are read as one JSON array row.
const ARRAY_MAX: usize = 10_000;
/// Candidates fetched per eviction step.
const EVICT_CHUNK: i64 = 256;

/// How hard a commit is pushed to disk.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Durability {
    /// `synchronous=NORMAL`: a committed batch survives the process being killed (the WAL is in
    /// the OS cache) but the last batches may be lost on power loss or an OS crash; the file is
    /// never corrupted. The default: a client cache can refetch from relays, and this saves an
    /// fsync per batch.
    #[default]
    Normal,
    /// `synchronous=FULL`: each commit is fsynced, so it also survives power loss. For servers
    /// that are the only copy of what they store.
    Full,
}

/// Where and how to open a [`SqliteStore`].
#[derive(Debug, Clone)]
pub struct SqliteConfig {
    /// The database file (created with its directory's permissions if missing).
    pub path: PathBuf,
    /// Commit durability.
    pub durability: Durability,
    /// Read-only connections serving queries concurrently.
    pub read_connections: u32,
    /// The in-memory hot layer in front of SQLite for reads (bounded; [`HotLayerConfig::OFF`]
    /// turns it off). Default: [`HotLayerConfig::default`].
    pub hot: HotLayerConfig,
    /// Rules shared with every store (limits, own pubkeys, clock).
    pub store: StoreConfig,
}

impl SqliteConfig {
    /// Defaults for a database at `path`.
    pub fn new(path: impl Into<PathBuf>) -> Self {
        Self {
            path: path.into(),
            durability: Durability::default(),
            read_connections: 4,
            hot: HotLayerConfig::default(),
            store: StoreConfig::default(),
        }
    }
}

#[derive(Debug)]
struct Writer {
    conn: SqliteConnection,
    stats: StoreStats,
    /// `seq` of the next event inserted: kept here instead of asking for `MAX(seq)` per batch
    /// (only this writer inserts). Never reused, even when the newest events are removed.
    next_seq: i64,
}

#[derive(Debug)]
struct Inner {
    reader: SqlitePool,
    writer: tokio::sync::Mutex<Writer>,
    /// Newest events in memory, updated under the writer lock after each commit.
    hot: HotLayer,
    config: StoreConfig,
    runtime: tokio::runtime::Handle,
    /// Wakes the checkpointer after a commit (capacity 1: wake-ups coalesce).
    checkpoint: tokio::sync::mpsc::Sender<()>,
    checkpointer: std::sync::Mutex<Option<tokio::task::JoinHandle<()>>>,
}

/// Runs WAL checkpoints on a connection of its own, so the writer never pays for copying the WAL
/// into the database inside a commit: at most one `PASSIVE` checkpoint (which never blocks the
/// writer or readers) per `CHECKPOINT_INTERVAL` while commits keep coming. Ends when the store is
/// dropped or closed.
async fn run_checkpointer(mut conn: SqliteConnection, mut wake: tokio::sync::mpsc::Receiver<()>) {
    while wake.recv().await.is_some() {
        if let Err(err) = sqlx::query("PRAGMA wal_checkpoint(PASSIVE)")
            .execute(&mut conn)
            .await
        {
            // The writer's own auto-checkpoint (WRITER_AUTOCHECKPOINT) still bounds the WAL.
            tracing::warn!(%err, "background WAL checkpoint failed");
        }
        tokio::time::sleep(CHECKPOINT_INTERVAL).await;
    }
    if let Err(err) = conn.close().await {
        tracing::debug!(%err, "closing the checkpoint connection");
    }
}

/// Pause between background checkpoints: bounds the WAL to about this much ingest.
const CHECKPOINT_INTERVAL: Duration = Duration::from_millis(250);
/// WAL pages after which the writer checkpoints itself: a backstop should the checkpointer lag
/// (readers pinning old frames) or fail. 64 MiB with 4 KiB pages.
const WRITER_AUTOCHECKPOINT: &str = "16384";

/// The SQLite event store. Cheap to clone (shared handle). One store per file per process: the
/// size accounting lives in the store.
#[derive(Debug, Clone)]
pub struct SqliteStore {
    inner: Arc<Inner>,
}

type Query<'q> = sqlx::query::Query<'q, Sqlite, SqliteArguments<'q>>;

fn bind<'q>(sql: &'q Sql) -> Query<'q> {
    let mut q = sqlx::query(&sql.text);
    for p in &sql.params {
        q = match p {
            Param::Int(v) => q.bind(*v),
            Param::Text(s) => q.bind(s.as_str()),
            Param::Blob(b) => q.bind(b.as_slice()),
        };
    }
    q
}

fn as_i64(v: u64) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

fn as_u64(v: i64) -> u64 {
    u64::try_from(v).unwrap_or(0)
}

fn decode_event(row: &SqliteRow) -> Result<Event, StorageError> {
    let json: &str = row.try_get(0)?;
    serde_json::from_str(json).map_err(StorageError::Corrupt)
}

/// Reads a JSON array of stored events. An event that no longer parses (stored before a parsing
/// rule tightened, such as empty tags) is skipped with a warning instead of failing the whole
/// query; the fast path parses the array at once.
fn decode_event_array(json: &str) -> Result<Vec<Event>, StorageError> {
    if let Ok(events) = serde_json::from_str::<Vec<Event>>(json) {
        return Ok(events);
    }
    let values: Vec<serde_json::Value> =
        serde_json::from_str(json).map_err(StorageError::Corrupt)?;
    Ok(values
        .into_iter()
        .filter_map(|v| match serde_json::from_value::<Event>(v) {
            Ok(event) => Some(event),
            Err(e) => {
                tracing::warn!(error = %e, "unreadable stored event skipped");
                None
            }
        })
        .collect())
}

fn column_id(row: &SqliteRow, column: &'static str) -> Result<[u8; 32], StorageError> {
    let bytes: &[u8] = row.try_get(column)?;
    <[u8; 32]>::try_from(bytes).map_err(|_| StorageError::CorruptColumn { column })
}

fn json_hex_list<'a>(items: impl Iterator<Item = &'a [u8; 32]>) -> String {
    let list: Vec<String> = items.map(hex::encode).collect();
    serde_json::to_string(&list).unwrap_or_default()
}

fn json_addresses<'a>(items: impl Iterator<Item = &'a Address>) -> String {
    let list: Vec<(String, u16, &str)> = items
        .map(|a| (a.pubkey.to_hex(), a.kind.as_u16(), a.d.as_str()))
        .collect();
    serde_json::to_string(&list).unwrap_or_default()
}

/// What the batch's rules need from the database, fetched in four queries.
#[derive(Debug, Default)]
struct Snapshot {
    stored: HashMap<EventId, StoredMeta>,
    heads: HashMap<Address, StoredMeta>,
    id_tombs: HashSet<(EventId, PublicKey)>,
    addr_tombs: HashMap<Address, Timestamp>,
}

impl StoredState for Snapshot {
    fn stored(&self, id: &EventId) -> Option<StoredMeta> {
        self.stored.get(id).cloned()
    }

    fn head(&self, address: &Address) -> Option<StoredMeta> {
        self.heads.get(address).cloned()
    }

    fn id_deleted(&self, id: &EventId, author: &PublicKey) -> bool {
        self.id_tombs.contains(&(*id, *author))
    }

    fn address_deleted_until(&self, address: &Address) -> Option<Timestamp> {
        self.addr_tombs.get(address).copied()
    }
}

impl Snapshot {
    async fn load(conn: &mut SqliteConnection, events: &[Event]) -> Result<Self, StorageError> {
        let mut ids: HashSet<[u8; 32]> = events.iter().map(|e| e.id.0).collect();
        let mut addresses: HashSet<Address> = events.iter().filter_map(Address::of).collect();
        for deletion in events.iter().filter(|e| e.kind == Kind::DELETION) {
            for tag in &deletion.tags {
                match (tag.name(), tag.value()) {
                    (Some("e"), Some(v)) => {
                        if let Ok(id) = EventId::from_hex(v) {
                            ids.insert(id.0);
                        }
                    }
                    (Some("a"), Some(v)) => {
                        if let Some(a) = Address::parse(v).filter(|a| a.pubkey == deletion.pubkey) {
                            addresses.insert(a);
                        }
                    }
                    _ => {}
                }
            }
        }
        // One round trip: the four lookups as one multi-statement query whose rows say in
        // column 0 which lookup they answer (sqlx binds the parameters statement by statement).
        let ids_json = json_hex_list(ids.iter());
        let mut text = String::from(
            "SELECT 0, id, pubkey, kind, created_at, NULL FROM events \
             WHERE id IN (SELECT unhex(value) FROM json_each(?)); \
             SELECT 1, target, author, NULL, NULL, NULL FROM deleted_ids \
             WHERE target IN (SELECT unhex(value) FROM json_each(?));",
        );
        let addr_json = json_addresses(addresses.iter());
        if !addresses.is_empty() {
            text.push_str(
                " SELECT 2, e.id, e.pubkey, e.kind, e.created_at, e.d FROM json_each(?) j \
                 CROSS JOIN events e ON e.pubkey = unhex(j.value->>0) AND e.kind = j.value->>1 \
                 AND e.d = j.value->>2; \
                 SELECT 3, x.pubkey, NULL, x.kind, x.until, x.d FROM json_each(?) j \
                 CROSS JOIN deleted_addresses x ON x.pubkey = unhex(j.value->>0) \
                 AND x.kind = j.value->>1 AND x.d = j.value->>2;",
            );
        }
        let mut q = sqlx::query(&text).bind(&ids_json).bind(&ids_json);
        if !addresses.is_empty() {
            q = q.bind(&addr_json).bind(&addr_json);
        }
        let rows = q.fetch_all(&mut *conn).await?;
        let mut snap = Snapshot::default();
        for row in &rows {
            let which: i64 = row.try_get(0)?;
            match which {
                0 | 2 => {
                    let m = StoredMeta {
                        id: EventId(column_at(row, 1, "id")?),
                        pubkey: PublicKey(column_at(row, 2, "pubkey")?),
                        kind: kind_at(row, 3)?,
                        created_at: Timestamp(as_u64(row.try_get(4)?)),
                    };
                    if which == 0 {
                        snap.stored.insert(m.id, m);
                    } else {
                        let address = Address {
                            kind: m.kind,
                            pubkey: m.pubkey,
                            d: row.try_get(5)?,
                        };
                        snap.heads.insert(address, m);
                    }
                }
                1 => {
                    snap.id_tombs.insert((
                        EventId(column_at(row, 1, "target")?),
                        PublicKey(column_at(row, 2, "author")?),
                    ));
                }
                _ => {
                    let address = Address {
                        kind: kind_at(row, 3)?,
                        pubkey: PublicKey(column_at(row, 1, "pubkey")?),
                        d: row.try_get(5)?,
                    };
                    snap.addr_tombs
                        .insert(address, Timestamp(as_u64(row.try_get(4)?)));
                }
            }
        }
        Ok(snap)
    }
}

/// A 32-byte column read by position.
fn column_at(
    row: &SqliteRow,
    index: usize,
    column: &'static str,
) -> Result<[u8; 32], StorageError> {
    let bytes: &[u8] = row.try_get(index)?;
    <[u8; 32]>::try_from(bytes).map_err(|_| StorageError::CorruptColumn { column })
}

/// A kind column read by position.
fn kind_at(row: &SqliteRow, index: usize) -> Result<Kind, StorageError> {
    let kind: i64 = row.try_get(index)?;
    u16::try_from(kind)
        .map(Kind)
        .map_err(|_| StorageError::CorruptColumn { column: "kind" })
}

/// Deletes rows selected by `sql` (which must return `id` and `size`), adding to `freed`;
/// returns the ids removed.
async fn delete_returning_sizes(
    conn: &mut SqliteConnection,
    sql: &Sql,
    freed: &mut StoreStats,
) -> Result<Vec<EventId>, StorageError> {
    let rows = bind(sql).fetch_all(&mut *conn).await?;
    let mut ids = Vec::with_capacity(rows.len());
    for row in &rows {
        freed.events += 1;
        freed.bytes += as_u64(row.try_get("size")?);
        ids.push(EventId(column_id(row, "id")?));
    }
    Ok(ids)
}

/// Fills the hot layer with the newest stored events, up to its bounds. Rows are streamed, so
/// opening never holds more than the layer's bound plus one row.
async fn load_hot(
    conn: &mut SqliteConnection,
    hot: &HotLayer,
    bounds: HotLayerConfig,
) -> Result<(), StorageError> {
    let mut rows =
        sqlx::query("SELECT raw_json FROM events ORDER BY created_at DESC, id").fetch(&mut *conn);
    let mut events = Vec::new();
    let mut bytes = 0u64;
    let mut complete = true;
    while let Some(row) = rows.next().await {
        let row = row?;
        if events.len() >= bounds.max_events || bytes > bounds.max_bytes {
            // More rows than the layer takes: its oldest second may be partial (`load` drops it).
            complete = false;
            break;
        }
        let json: &str = row.try_get(0)?;
        match serde_json::from_str::<Event>(json) {
            Ok(event) => {
                let size = rules::event_size(json);
                bytes += size;
                events.push((event, size));
            }
            // Queries through SQLite skip such a row too, so the layer stays equivalent.
            Err(e) => tracing::warn!(error = %e, "unreadable stored event skipped"),
        }
    }
    drop(rows);
    hot.load(events, complete);
    Ok(())
}

impl SqliteStore {
    /// Opens (creating if needed) and migrates the database. Must run inside a Tokio runtime.
    pub async fn open(config: SqliteConfig) -> Result<Self, StorageError> {
        let runtime = tokio::runtime::Handle::try_current().map_err(|_| StorageError::NoRuntime)?;
        let synchronous = match config.durability {
            Durability::Normal => SqliteSynchronous::Normal,
            Durability::Full => SqliteSynchronous::Full,
        };
        let base = SqliteConnectOptions::new()
            .filename(&config.path)
            .synchronous(synchronous)
            .busy_timeout(Duration::from_secs(10))
            .statement_cache_capacity(512)
            .pragma("temp_store", "memory")
            // Reads through a memory map instead of one syscall per page.
            .pragma("mmap_size", "268435456")
            // 16 MiB page cache per reader.
            .pragma("cache_size", "-16384")
            .disable_statement_logging();
        let mut conn = base
            .clone()
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            // The writer dirties random index pages: a larger cache and rarer checkpoints (40 MiB
            // of WAL) write each page fewer times.
            .pragma("cache_size", "-65536")
            .pragma("wal_autocheckpoint", WRITER_AUTOCHECKPOINT)
            // After a checkpoint resets the WAL, truncate the file back to 64 MiB.
            .pragma("journal_size_limit", "67108864")
            .connect()
            .await?;
        MIGRATOR.run(&mut conn).await?;
        let checkpoint_conn = base.clone().connect().await?;
        let (checkpoint, wake) = tokio::sync::mpsc::channel(1);
        let checkpointer = runtime.spawn(run_checkpointer(checkpoint_conn, wake));
        let row = sqlx::query(
            "SELECT COUNT(*), COALESCE(SUM(size), 0), COALESCE(MAX(seq), 0) + 1 FROM events",
        )
        .fetch_one(&mut conn)
        .await?;
        let stats = StoreStats {
            events: as_u64(row.try_get(0)?),
            bytes: as_u64(row.try_get(1)?),
        };
        let next_seq: i64 = row.try_get(2)?;
        let reader = SqlitePoolOptions::new()
            .max_connections(config.read_connections.max(1))
            .connect_with(base.read_only(true))
            .await?;
        let hot = HotLayer::new(config.hot);
        if hot.enabled() {
            load_hot(&mut conn, &hot, config.hot).await?;
        } else {
            hot.clear();
        }
        Ok(Self {
            inner: Arc::new(Inner {
                reader,
                writer: tokio::sync::Mutex::new(Writer {
                    conn,
                    stats,
                    next_seq,
                }),
                hot,
                config: config.store,
                runtime,
                checkpoint,
                checkpointer: std::sync::Mutex::new(Some(checkpointer)),
            }),
        })
    }

    /// What the hot layer holds now.
    pub fn hot_layer_stats(&self) -> HotLayerStats {
        self.inner.hot.stats()
    }

    /// Runs SQLite's `integrity_check`: true if the file is sound.
    pub async fn integrity_check(&self) -> Result<bool, StorageError> {
        let rows = sqlx::query("PRAGMA integrity_check")
            .fetch_all(&self.inner.reader)
            .await?;
        let first: Option<String> = rows.first().map(|r| r.try_get(0)).transpose()?;
        Ok(rows.len() == 1 && first.as_deref() == Some("ok"))
    }

    /// The query plan SQLite chooses for `filters` (one line per step), for tuning.
    pub async fn explain(&self, filters: &[Filter]) -> Result<Vec<String>, StorageError> {
        let filters = usable_filters(filters)?;
        let Some(mut sql) = query::select_rows(&filters, self.now(), true) else {
            return Ok(Vec::new());
        };
        sql.text.insert_str(0, "EXPLAIN QUERY PLAN ");
        let rows = bind(&sql).fetch_all(&self.inner.reader).await?;
        rows.iter()
            .map(|r| r.try_get::<String, _>("detail").map_err(StorageError::from))
            .collect()
    }

    /// Closes every connection, checkpointing the WAL.
    pub async fn close(self) -> Result<(), StorageError> {
        self.inner.reader.close().await;
        if let Ok(inner) = Arc::try_unwrap(self.inner) {
            let Inner {
                writer,
                checkpoint,
                checkpointer,
                ..
            } = inner;
            // The checkpointer ends once its wake-up channel closes.
            drop(checkpoint);
            let handle = checkpointer.lock().ok().and_then(|mut h| h.take());
            if let Some(handle) = handle {
                let _ = handle.await;
            }
            writer.into_inner().conn.close().await?;
        }
        Ok(())
    }

    /// Tells the checkpointer a commit added to the WAL.
    fn committed(&self) {
        // Full: a wake-up is already pending, which covers this commit too.
        let _ = self.inner.checkpoint.try_send(());
    }

    fn now(&self) -> Timestamp {
        (self.inner.config.clock)()
    }

    /// Evicts until under the limits (policy in the `storage` module docs). `stats` is the state
    /// inside the transaction and is updated. Returns the ids evicted.
    async fn evict(
        &self,
        conn: &mut SqliteConnection,
        stats: &mut StoreStats,
        now: Timestamp,
    ) -> Result<Vec<EventId>, StorageError> {
        let limits = self.inner.config.limits;
        let over = |s: &StoreStats| {
            limits.max_events.is_some_and(|m| s.events > m)
                || limits.max_bytes.is_some_and(|m| s.bytes > m)
        };
        if !over(stats) {
            return Ok(Vec::new());
        }
        let mut freed = StoreStats::default();
        let purge = Sql {
            text: "DELETE FROM events WHERE expires_at <= ? RETURNING id, size".into(),
            params: vec![Param::Int(as_i64(now.as_u64()))],
        };
        let mut evicted = delete_returning_sizes(conn, &purge, &mut freed).await?;
        stats.events -= freed.events.min(stats.events);
        stats.bytes -= freed.bytes.min(stats.bytes);
        let own = json_hex_list(self.inner.config.own_pubkeys.iter().map(|p| &p.0));
        for class in 0..=3i64 {
            while over(stats) {
                let rows = sqlx::query(
                    "SELECT seq, id, size FROM events WHERE evict_class = ? \
                     AND pubkey NOT IN (SELECT unhex(value) FROM json_each(?)) \
                     ORDER BY created_at ASC, id DESC LIMIT ?",
                )
                .bind(class)
                .bind(&own)
                .bind(EVICT_CHUNK)
                .fetch_all(&mut *conn)
                .await?;
                if rows.is_empty() {
                    break;
                }
                let mut victims = Vec::new();
                for row in &rows {
                    if !over(stats) {
                        break;
                    }
                    victims.push(row.try_get::<i64, _>("seq")?);
                    evicted.push(EventId(column_id(row, "id")?));
                    stats.events = stats.events.saturating_sub(1);
                    stats.bytes = stats.bytes.saturating_sub(as_u64(row.try_get("size")?));
                }
                sqlx::query("DELETE FROM events WHERE seq IN (SELECT value FROM json_each(?))")
                    .bind(serde_json::to_string(&victims).unwrap_or_default())
                    .execute(&mut *conn)
                    .await?;
            }
        }
        if over(stats) {
            tracing::warn!(
                events = stats.events,
                bytes = stats.bytes,
                "sqlite store over its limits with only the user's own events left"
            );
        }
        Ok(evicted)
    }
}

/// One `events` row to insert.
struct EventRow<'a> {
    seq: i64,
    id: [u8; 32],
    pubkey: [u8; 32],
    kind: u16,
    created_at: i64,
    raw_json: &'a str,
    d: Option<&'a str>,
    expires_at: Option<i64>,
    size: u64,
    evict_class: u8,
}

/// Rows per multi-row INSERT (64 x 10 and 200 x 5 parameters). Every chunk size is a statement
/// prepared once and cached, so these bound the statement cache too: one-off statements with
/// thousands of parameters cost more to prepare than the round trips they save.
/// The INSERTs say `OR FAIL`: the rules already excluded conflicts, and unlike the default ABORT
/// a multi-row FAIL needs no statement journal (a copy of every page it touches); any error still
/// rolls the whole batch back.
const EVENT_ROWS_PER_INSERT: usize = 64;
const TAG_ROWS_PER_INSERT: usize = 200;

/// `head` followed by `rows` groups of `cols` placeholders.
fn values_sql(head: &str, cols: usize, rows: usize) -> String {
    let mut sql = String::with_capacity(head.len() + rows * (cols * 2 + 3));
    sql.push_str(head);
    for r in 0..rows {
        sql.push_str(if r == 0 { "(" } else { ",(" });
        for c in 0..cols {
            sql.push_str(if c == 0 { "?" } else { ",?" });
        }
        sql.push(')');
    }
    sql
}

#[async_trait::async_trait]
impl EventStore for SqliteStore {
    async fn save_batch(&self, events: &[Event]) -> Result<Vec<SaveStatus>, StorageError> {
        if events.is_empty() {
            return Ok(Vec::new());
        }
        let now = self.now();
        let jsons: Vec<String> = events.iter().map(Event::to_json).collect();
        let sizes: Vec<u64> = jsons.iter().map(|j| rules::event_size(j)).collect();
        let mut writer = self.inner.writer.lock().await;
        let Writer {
            conn,
            stats,
            next_seq,
        } = &mut *writer;
        let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
        let snapshot = Snapshot::load(&mut tx, events).await?;
        let plan = rules::plan(
            events,
            &snapshot,
            now,
            self.inner.config.limits.max_bytes,
            &sizes,
        );
        let mut next = *stats;
        let mut removed: Vec<EventId> = Vec::new();
        let mut rows: Vec<EventRow<'_>> = Vec::with_capacity(plan.insert.len());
        let mut tags: Vec<(i64, usize, &str, Param, i64)> = Vec::new();
        let first = *next_seq;
        for (n, &i) in plan.insert.iter().enumerate() {
            let e = &events[i];
            let seq = first + n as i64;
            let created_at = as_i64(e.created_at.as_u64());
            let d = match e.kind.class() {
                crate::protocol::KindClass::Replaceable => Some(""),
                crate::protocol::KindClass::Addressable => Some(e.d_tag()),
                _ => None,
            };
            let expires = e.expiration().and_then(|t| i64::try_from(t.as_u64()).ok());
            rows.push(EventRow {
                seq,
                id: e.id.0,
                pubkey: e.pubkey.0,
                kind: e.kind.as_u16(),
                created_at,
                raw_json: &jsons[i],
                d,
                expires_at: expires,
                size: sizes[i],
                evict_class: rules::evict_class(e.kind),
            });
            for (idx, tag) in e.tags.iter().enumerate() {
                if let (Some(_), Some(key), Some(value)) =
                    (tag.single_letter(), tag.name(), tag.value())
                {
                    tags.push((seq, idx, key, query::tag_value(value), created_at));
                }
            }
            next.events += 1;
            next.bytes += sizes[i];
        }
        if !plan.remove.is_empty() {
            let sql = Sql {
                text: "DELETE FROM events WHERE id IN (SELECT unhex(value) FROM json_each(?)) \
                       RETURNING id, size"
                    .into(),
                params: vec![Param::Text(json_hex_list(plan.remove.iter().map(|i| &i.0)))],
            };
            let mut freed = StoreStats::default();
            removed = delete_returning_sizes(&mut tx, &sql, &mut freed).await?;
            next.events -= freed.events.min(next.events);
            next.bytes -= freed.bytes.min(next.bytes);
        }
        // Fixed chunk sizes: each statement text (full chunks, and each possible tail) is
        // prepared once and then served from the statement cache.
        for chunk in rows.chunks(EVENT_ROWS_PER_INSERT) {
            let sql = values_sql(
                "INSERT OR FAIL INTO events (seq, id, pubkey, kind, created_at, raw_json, d, \
                 expires_at, size, evict_class) VALUES ",
                10,
                chunk.len(),
            );
            let mut q = sqlx::query(&sql);
            for r in chunk {
                q = q
                    .bind(r.seq)
                    .bind(&r.id[..])
                    .bind(&r.pubkey[..])
                    .bind(i64::from(r.kind))
                    .bind(r.created_at)
                    .bind(r.raw_json)
                    .bind(r.d)
                    .bind(r.expires_at)
                    .bind(as_i64(r.size))
                    .bind(i64::from(r.evict_class));
            }
            q.execute(&mut *tx).await?;
        }
        for chunk in tags.chunks(TAG_ROWS_PER_INSERT) {
            let sql = values_sql(
                // IGNORE: an event repeating a tag value is indexed once for it.
                "INSERT OR IGNORE INTO tags (event_seq, idx, key, value, created_at) VALUES ",
                5,
                chunk.len(),
            );
            let mut q = sqlx::query(&sql);
            for (seq, idx, key, value, at) in chunk {
                q = q.bind(*seq).bind(*idx as i64).bind(*key);
                q = match value {
                    Param::Blob(b) => q.bind(b.as_slice()),
                    Param::Text(t) => q.bind(t.as_str()),
                    Param::Int(i) => q.bind(*i),
                };
                q = q.bind(*at);
            }
            q.execute(&mut *tx).await?;
        }
        if !plan.id_tombstones.is_empty() {
            let list: Vec<(String, String, String)> = plan
                .id_tombstones
                .iter()
                .map(|(t, a, d)| (t.to_hex(), a.to_hex(), d.to_hex()))
                .collect();
            sqlx::query(
                "INSERT INTO deleted_ids (target, author, deletion) \
                 SELECT unhex(value->>0), unhex(value->>1), unhex(value->>2) FROM json_each(?) \
                 WHERE true ON CONFLICT DO NOTHING",
            )
            .bind(serde_json::to_string(&list).unwrap_or_default())
            .execute(&mut *tx)
            .await?;
        }
        if !plan.address_tombstones.is_empty() {
            let list: Vec<(String, u16, &str, i64, String)> = plan
                .address_tombstones
                .iter()
                .map(|(a, at, d)| {
                    (
                        a.pubkey.to_hex(),
                        a.kind.as_u16(),
                        a.d.as_str(),
                        as_i64(at.as_u64()),
                        d.to_hex(),
                    )
                })
                .collect();
            sqlx::query(
                "INSERT INTO deleted_addresses (pubkey, kind, d, until, deletion) \
                 SELECT unhex(value->>0), value->>1, value->>2, value->>3, unhex(value->>4) \
                 FROM json_each(?) WHERE true \
                 ON CONFLICT (pubkey, kind, d) DO UPDATE SET until = excluded.until, \
                 deletion = excluded.deletion WHERE excluded.until > until",
            )
            .bind(serde_json::to_string(&list).unwrap_or_default())
            .execute(&mut *tx)
            .await?;
        }
        let evicted = self.evict(&mut tx, &mut next, now).await?;
        tx.commit().await?;
        *stats = next;
        *next_seq = first + rows.len() as i64;
        // Still under the writer lock: the hot layer follows the commits in their order.
        self.inner.hot.apply(
            &removed,
            plan.insert.iter().map(|&i| (&events[i], sizes[i])),
            &evicted,
        );
        self.committed();
        Ok(plan.statuses)
    }

    async fn query(&self, filters: &[Filter]) -> Result<EventStream, StorageError> {
        let filters = usable_filters(filters)?;
        let now = self.now();
        if let Some(found) = self.inner.hot.query(&filters, now) {
            let events: Vec<Result<Event, StorageError>> =
                found.iter().map(|e| Ok(e.event.clone())).collect();
            return Ok(Box::pin(futures::stream::iter(events)));
        }
        if query::bound(&filters).is_some_and(|n| n <= ARRAY_MAX) {
            let Some(sql) = query::select_array(&filters, now) else {
                return Ok(Box::pin(futures::stream::empty()));
            };
            let row = bind(&sql).fetch_one(&self.inner.reader).await?;
            let json: &str = row.try_get(0)?;
            let mut events = decode_event_array(json)?;
            events.sort_unstable_by(|a, b| {
                (std::cmp::Reverse(a.created_at), a.id)
                    .cmp(&(std::cmp::Reverse(b.created_at), b.id))
            });
            return Ok(Box::pin(futures::stream::iter(events.into_iter().map(Ok))));
        }
        let Some(sql) = query::select_rows(&filters, now, true) else {
            return Ok(Box::pin(futures::stream::empty()));
        };
        let pool = self.inner.reader.clone();
        let (tx, rx) = tokio::sync::mpsc::channel::<Vec<Result<Event, StorageError>>>(2);
        self.inner.runtime.spawn(async move {
            let mut conn = match pool.acquire().await {
                Ok(c) => c,
                Err(e) => {
                    let _ = tx.send(vec![Err(e.into())]).await;
                    return;
                }
            };
            let mut rows = bind(&sql).fetch(&mut *conn);
            let mut chunk = Vec::with_capacity(STREAM_CHUNK);
            while let Some(row) = rows.next().await {
                let item = row
                    .map_err(StorageError::from)
                    .and_then(|r| decode_event(&r));
                if let Err(StorageError::Corrupt(e)) = &item {
                    // One unreadable row (e.g. an event stored before a parsing rule tightened)
                    // must not fail every query that touches it.
                    tracing::warn!(error = %e, "unreadable stored event skipped");
                    continue;
                }
                let failed = item.is_err();
                chunk.push(item);
                if failed || chunk.len() == STREAM_CHUNK {
                    let full = std::mem::replace(&mut chunk, Vec::with_capacity(STREAM_CHUNK));
                    // The reader dropped the stream: stop reading.
                    if tx.send(full).await.is_err() || failed {
                        return;
                    }
                }
            }
            if !chunk.is_empty() {
                let _ = tx.send(chunk).await;
            }
        });
        let stream = futures::stream::unfold(rx, |mut rx| async move {
            rx.recv()
                .await
                .map(|chunk| (futures::stream::iter(chunk), rx))
        })
        .flatten();
        Ok(Box::pin(stream))
    }

    async fn count(&self, filters: &[Filter]) -> Result<u64, StorageError> {
        let filters = usable_filters(filters)?;
        if let Some(found) = self.inner.hot.query(&filters, self.now()) {
            return Ok(found.len() as u64);
        }
        let Some(sql) = query::count(&filters, self.now()) else {
            return Ok(0);
        };
        let row = bind(&sql).fetch_one(&self.inner.reader).await?;
        Ok(as_u64(row.try_get(0)?))
    }

    async fn get_by_id(&self, id: &EventId) -> Result<Option<Event>, StorageError> {
        if let Some(answer) = self.inner.hot.get(id, self.now()) {
            return Ok(answer);
        }
        let row = sqlx::query(
            "SELECT raw_json FROM events WHERE id = ? \
             AND (expires_at IS NULL OR expires_at > ?)",
        )
        .bind(&id.0[..])
        .bind(as_i64(self.now().as_u64()))
        .fetch_optional(&self.inner.reader)
        .await?;
        row.as_ref().map(decode_event).transpose()
    }

    async fn delete(&self, filters: &[Filter]) -> Result<Vec<EventId>, StorageError> {
        let filters = usable_filters(filters)?;
        let Some(sql) = query::delete(&filters, self.now()) else {
            return Ok(Vec::new());
        };
        let mut writer = self.inner.writer.lock().await;
        let Writer { conn, stats, .. } = &mut *writer;
        let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
        let rows = bind(&sql).fetch_all(&mut *tx).await?;
        let mut removed = Vec::with_capacity(rows.len());
        let mut bytes = 0;
        for row in &rows {
            let at: i64 = row.try_get("created_at")?;
            removed.push((std::cmp::Reverse(at), EventId(column_id(row, "id")?)));
            bytes += as_u64(row.try_get("size")?);
        }
        tx.commit().await?;
        self.committed();
        removed.sort_unstable();
        let ids: Vec<EventId> = removed.into_iter().map(|(_, id)| id).collect();
        self.inner.hot.apply(&ids, std::iter::empty(), &[]);
        stats.events = stats.events.saturating_sub(ids.len() as u64);
        stats.bytes = stats.bytes.saturating_sub(bytes);
        Ok(ids)
    }

    async fn relay_list(&self, pubkey: &PublicKey) -> Result<Option<RelayList>, StorageError> {
        let row = sqlx::query(
            "SELECT raw_json FROM events WHERE pubkey = ? AND kind = ? AND d = '' \
             AND (expires_at IS NULL OR expires_at > ?)",
        )
        .bind(&pubkey.0[..])
        .bind(i64::from(RELAY_LIST.as_u16()))
        .bind(as_i64(self.now().as_u64()))
        .fetch_optional(&self.inner.reader)
        .await?;
        Ok(row
            .as_ref()
            .map(decode_event)
            .transpose()?
            .map(|e| RelayList::from_event(&e)))
    }

    async fn relay_lists(
        &self,
        pubkeys: &[PublicKey],
    ) -> Result<Vec<(PublicKey, RelayList)>, StorageError> {
        let rows = sqlx::query(
            "SELECT raw_json FROM events WHERE kind = ? AND d = '' \
             AND pubkey IN (SELECT unhex(value) FROM json_each(?)) \
             AND (expires_at IS NULL OR expires_at > ?)",
        )
        .bind(i64::from(RELAY_LIST.as_u16()))
        .bind(json_hex_list(pubkeys.iter().map(|p| &p.0)))
        .bind(as_i64(self.now().as_u64()))
        .fetch_all(&self.inner.reader)
        .await?;
        rows.iter()
            .map(|row| decode_event(row).map(|e| (e.pubkey, RelayList::from_event(&e))))
            .collect()
    }

    async fn purge_expired(&self) -> Result<u64, StorageError> {
        let now = self.now();
        let mut writer = self.inner.writer.lock().await;
        let Writer { conn, stats, .. } = &mut *writer;
        let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
        let mut freed = StoreStats::default();
        let sql = Sql {
            text: "DELETE FROM events WHERE expires_at <= ? RETURNING id, size".into(),
            params: vec![Param::Int(as_i64(now.as_u64()))],
        };
        let purged = delete_returning_sizes(&mut tx, &sql, &mut freed).await?;
        tx.commit().await?;
        self.inner.hot.apply(&purged, std::iter::empty(), &[]);
        stats.events = stats.events.saturating_sub(freed.events);
        stats.bytes = stats.bytes.saturating_sub(freed.bytes);
        Ok(freed.events)
    }

    async fn stats(&self) -> Result<StoreStats, StorageError> {
        Ok(self.inner.writer.lock().await.stats)
    }

    async fn wipe(&self) -> Result<(), StorageError> {
        let mut writer = self.inner.writer.lock().await;
        let Writer { conn, stats, .. } = &mut *writer;
        let mut tx = conn.begin_with("BEGIN IMMEDIATE").await?;
        for table in ["tags", "events", "deleted_ids", "deleted_addresses"] {
            sqlx::query(&format!("DELETE FROM {table}"))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        *stats = StoreStats::default();
        self.inner.hot.clear();
        self.committed();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::protocol::{EventBuilder, Keys, Tag};

    async fn tag_rows(store: &SqliteStore) -> Vec<(String, Vec<u8>, bool)> {
        let rows = sqlx::query("SELECT key, CAST(value AS BLOB) AS v, typeof(value) = 'blob' AS b FROM tags ORDER BY 1, 2")
            .fetch_all(&store.inner.reader)
            .await
            .unwrap();
        rows.iter()
            .map(|r| (r.get("key"), r.get("v"), r.get("b")))
            .collect()
    }

    /// Tag rows follow their event: hex values are stored as bytes, other values as text, and a
    /// replaced, deleted or evicted event leaves no tag row behind (a stale row could point at a
    /// reused `seq`).
    #[tokio::test]
    async fn tag_rows_follow_their_events() {
        let dir = tempfile::tempdir().unwrap();
        let store = SqliteStore::open(SqliteConfig::new(dir.path().join("t.db")))
            .await
            .unwrap();
        let keys = Keys::generate();
        let hex = "ab".repeat(32);
        let upper = "AB".repeat(32);
        let contacts = |at: u64, n: usize| {
            EventBuilder::new(Kind(3), "")
                .tags((0..n).map(|i| Tag::new(["p".to_string(), format!("{i:064x}")])))
                .tag(Tag::new(["p", hex.as_str()]))
                .tag(Tag::new(["p", hex.as_str()]))
                .tag(Tag::new(["t", upper.as_str()]))
                .tag(Tag::new(["alt", "x"]))
                .created_at(Timestamp(at))
                .sign(&keys)
        };
        store.save_batch(&[contacts(10, 5)]).await.unwrap();
        let rows = tag_rows(&store).await;
        // 5 + the repeated hex value once + the upper-case value as text; `alt` is not indexed.
        assert_eq!(rows.len(), 7, "{rows:?}");
        assert!(
            rows.iter()
                .filter(|r| r.0 == "p")
                .all(|r| r.2 && r.1.len() == 32)
        );
        assert!(
            rows.iter()
                .any(|r| r.0 == "t" && !r.2 && r.1 == upper.as_bytes())
        );
        let found = store
            .count(&[Filter::new().pubkey(PublicKey::from_hex(&hex).unwrap())])
            .await
            .unwrap();
        assert_eq!(found, 1);
        let upper_found = store
            .count(&[Filter::new().tag('t', [upper.clone()])])
            .await
            .unwrap();
        assert_eq!(upper_found, 1);

        store.save_batch(&[contacts(20, 2)]).await.unwrap();
        assert_eq!(tag_rows(&store).await.len(), 4);
        store.delete(&[Filter::new().kind(Kind(3))]).await.unwrap();
        assert!(tag_rows(&store).await.is_empty());
    }
    /// A reopened store fills its hot layer from the file; whatever its bound, every query
    /// answers as SQLite alone does (the layer serves only what it proves it holds).
    #[tokio::test]
    async fn hot_layer_reloads_and_agrees_with_sqlite() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hot.db");
        let keys: Vec<Keys> = (0..3).map(|_| Keys::generate()).collect();
        let events: Vec<Event> = (0..60u64)
            .map(|i| {
                let k = &keys[(i % 3) as usize];
                // Many ties: 60 events over 12 seconds.
                EventBuilder::new(Kind(if i % 4 == 0 { 7 } else { 1 }), format!("n{i}"))
                    .created_at(Timestamp(1_000 + i / 5))
                    .sign(k)
            })
            .collect();
        let store = SqliteStore::open(SqliteConfig::new(&path)).await.unwrap();
        store.save_batch(&events).await.unwrap();
        store.close().await.unwrap();
        let mut filters = vec![
            Filter::new().limit(7),
            Filter::new().kind(Kind(1)).limit(30),
            Filter::new().author(keys[1].public_key()).limit(4),
            Filter::new()
                .authors(keys.iter().map(Keys::public_key))
                .kinds([Kind(1), Kind(7)])
                .limit(25),
            Filter::new().since(Timestamp(1_010)),
            Filter::new().until(Timestamp(1_002)).limit(3),
            Filter::new().ids(events.iter().rev().take(3).map(|e| e.id)),
            Filter::new().ids(events.iter().take(3).map(|e| e.id)),
        ];
        filters.push(Filter::new().kind(Kind(7)));
        let mut answers = Vec::new();
        for hot in [
            HotLayerConfig::OFF,
            HotLayerConfig::default(),
            HotLayerConfig {
                max_events: 10,
                max_bytes: u64::MAX,
            },
        ] {
            let mut config = SqliteConfig::new(&path);
            config.hot = hot;
            let store = SqliteStore::open(config).await.unwrap();
            let mut got = Vec::new();
            for f in &filters {
                let ids: Vec<EventId> = store
                    .query(std::slice::from_ref(f))
                    .await
                    .unwrap()
                    .map(|e| e.unwrap().id)
                    .collect()
                    .await;
                got.push(ids);
            }
            for e in [&events[0], &events[59]] {
                assert_eq!(store.get_by_id(&e.id).await.unwrap().as_ref(), Some(e));
            }
            answers.push(got);
            store.close().await.unwrap();
        }
        assert_eq!(answers[0], answers[1]);
        assert_eq!(answers[0], answers[2]);
        assert_eq!(answers[0][0].len(), 7);
    }

    async fn ids_of(store: &dyn EventStore, filters: &[Filter]) -> Vec<EventId> {
        store
            .query(filters)
            .await
            .unwrap()
            .map(|e| e.unwrap().id)
            .collect()
            .await
    }

    /// Feeds of many authors walk the kinds' time index (query.rs `MANY_AUTHORS`): the answer is
    /// still exactly the memory store's, ties and per-filter limits included.
    #[tokio::test]
    async fn many_author_feeds_match_the_memory_store() {
        let dir = tempfile::tempdir().unwrap();
        let mut config = SqliteConfig::new(dir.path().join("feed.db"));
        config.hot = HotLayerConfig::OFF;
        let sqlite = SqliteStore::open(config).await.unwrap();
        let memory = crate::storage::MemoryStore::new(StoreConfig::default());
        let keys: Vec<Keys> = (0..50).map(|_| Keys::generate()).collect();
        let events: Vec<Event> = (0..600u64)
            .map(|i| {
                let k = &keys[((i * 7) % 50) as usize];
                let kind = [1u16, 6, 7, 1][(i % 4) as usize];
                EventBuilder::new(Kind(kind), format!("e{i}"))
                    .created_at(Timestamp(5_000 + i / 3))
                    .sign(k)
            })
            .collect();
        for store in [&sqlite as &dyn EventStore, &memory] {
            store.save_batch(&events).await.unwrap();
        }
        let followed = || keys.iter().take(40).map(Keys::public_key);
        let filters = [
            vec![
                Filter::new()
                    .authors(followed())
                    .kinds([Kind(1), Kind(6)])
                    .limit(25),
            ],
            vec![Filter::new().authors(followed()).kind(Kind(7)).limit(300)],
            vec![
                Filter::new()
                    .authors(followed())
                    .kinds([Kind(1), Kind(6)])
                    .limit(10),
                Filter::new().authors(followed()).kind(Kind(7)).limit(5),
            ],
            vec![
                Filter::new()
                    .authors(followed())
                    .kinds([Kind(1), Kind(6)])
                    .until(Timestamp(5_100))
                    .limit(30),
            ],
        ];
        for fs in &filters {
            let want = ids_of(&memory, fs).await;
            assert!(!want.is_empty());
            assert_eq!(ids_of(&sqlite, fs).await, want, "{fs:?}");
            assert_eq!(sqlite.count(fs).await.unwrap() as usize, want.len());
        }
    }

    /// A database written by the first schema (content and sig stored, tags with their own
    /// index, hex values as text) is migrated in place: its events and tag lookups survive.
    #[tokio::test]
    async fn schema_one_database_migrates() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.db");
        let keys = Keys::generate();
        let target = "cd".repeat(32);
        let event = EventBuilder::new(Kind(1), "old note")
            .tag(Tag::new(["p", target.as_str()]))
            .tag(Tag::new(["t", "Nostr"]))
            .created_at(Timestamp(1_700_000_000))
            .sign(&keys);
        {
            let first_only = sqlx::migrate::Migrator {
                migrations: std::borrow::Cow::Owned(vec![MIGRATOR.migrations[0].clone()]),
                ..sqlx::migrate::Migrator::DEFAULT
            };
            let mut conn = SqliteConnectOptions::new()
                .filename(&path)
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .connect()
                .await
                .unwrap();
            first_only.run(&mut conn).await.unwrap();
            let json = event.to_json();
            sqlx::query(
                "INSERT INTO events (seq, id, pubkey, kind, created_at, content, sig, raw_json, \
                 d, expires_at, size, evict_class) VALUES (1, ?, ?, 1, ?, ?, ?, ?, NULL, NULL, ?, 0)",
            )
            .bind(&event.id.0[..])
            .bind(&event.pubkey.0[..])
            .bind(1_700_000_000i64)
            .bind(&event.content)
            .bind(&event.sig.0[..])
            .bind(&json)
            .bind(json.len() as i64)
            .execute(&mut conn)
            .await
            .unwrap();
            for (idx, key, value) in [(0i64, "p", target.as_str()), (1, "t", "Nostr")] {
                sqlx::query(
                    "INSERT INTO tags (event_seq, idx, key, value, created_at) \
                     VALUES (1, ?, ?, ?, 1700000000)",
                )
                .bind(idx)
                .bind(key)
                .bind(value)
                .execute(&mut conn)
                .await
                .unwrap();
            }
            conn.close().await.unwrap();
        }
        let store = SqliteStore::open(SqliteConfig::new(&path)).await.unwrap();
        let by_p = Filter::new().pubkey(PublicKey::from_hex(&target).unwrap());
        assert_eq!(store.count(std::slice::from_ref(&by_p)).await.unwrap(), 1);
        assert_eq!(
            store
                .count(&[Filter::new().tag('t', ["Nostr"])])
                .await
                .unwrap(),
            1
        );
        assert_eq!(
            store.get_by_id(&event.id).await.unwrap(),
            Some(event.clone())
        );
        let row = sqlx::query("SELECT content, hex(sig) AS sig FROM events")
            .fetch_one(&store.inner.reader)
            .await
            .unwrap();
        assert_eq!(row.get::<String, _>("content"), "old note");
        assert_eq!(
            row.get::<String, _>("sig").to_lowercase(),
            event.sig.to_hex()
        );
        // New events get a seq after the old ones; removing the old one removes its tags.
        let newer = EventBuilder::new(Kind(1), "new")
            .created_at(Timestamp(1_700_000_001))
            .sign(&keys);
        store.save_batch(&[newer]).await.unwrap();
        store.delete(&[Filter::new().id(event.id)]).await.unwrap();
        assert!(tag_rows(&store).await.is_empty());
        assert_eq!(store.stats().await.unwrap().events, 1);
    }
}
