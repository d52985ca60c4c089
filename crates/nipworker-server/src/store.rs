//! Opening the event cache the configuration names, and reporting its health.
//!
//! A store that cannot be opened is a typed [`StoreOpenError`] (the binary exits with code 2),
//! never a panic.

use std::path::PathBuf;
use std::sync::Arc;

use nipworker_core::storage::{
    EventStore, MemoryStore, SqliteConfig, SqliteStore, StorageError, StoreConfig,
};
use serde::Serialize;
use thiserror::Error;

use crate::config::DbConfig;

/// The configured store could not be opened.
#[derive(Debug, Error)]
pub enum StoreOpenError {
    /// The directory of the database file could not be created.
    #[error("cannot create the database directory {path:?}: {source}")]
    Directory {
        /// The directory.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// SQLite could not open or migrate the file.
    #[error("cannot open the database {path:?}: {source}")]
    Open {
        /// The database file.
        path: PathBuf,
        /// Why.
        #[source]
        source: StorageError,
    },
}

/// The open event cache and what `/health` says about it.
#[derive(Debug, Clone)]
pub struct OpenStore {
    /// The store, shared with whoever serves requests.
    pub store: Arc<dyn EventStore>,
    /// `sqlite` or `memory`.
    pub backend: &'static str,
    /// The database file, for SQLite.
    pub path: Option<PathBuf>,
    /// The SQLite handle, kept to close the file cleanly (checkpointing the WAL) at shutdown.
    sqlite: Option<SqliteStore>,
}

impl OpenStore {
    /// Opens the store `db` names (inside a Tokio runtime).
    pub async fn open(db: &DbConfig) -> Result<Self, StoreOpenError> {
        match db {
            DbConfig::Memory => Ok(Self {
                store: Arc::new(MemoryStore::new(StoreConfig::default())),
                backend: "memory",
                path: None,
                sqlite: None,
            }),
            DbConfig::Sqlite(path) => {
                if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                    std::fs::create_dir_all(dir).map_err(|source| StoreOpenError::Directory {
                        path: dir.to_owned(),
                        source,
                    })?;
                }
                let sqlite =
                    SqliteStore::open(SqliteConfig::new(path))
                        .await
                        .map_err(|source| StoreOpenError::Open {
                            path: path.clone(),
                            source,
                        })?;
                Ok(Self {
                    store: Arc::new(sqlite.clone()),
                    backend: "sqlite",
                    path: Some(path.clone()),
                    sqlite: Some(sqlite),
                })
            }
        }
    }

    /// What `/health` reports about the store (asks it for its counts).
    pub async fn health(&self) -> StoreHealth {
        let (status, events, bytes, error) = match self.store.stats().await {
            Ok(stats) => ("ok", Some(stats.events), Some(stats.bytes), None),
            Err(err) => ("error", None, None, Some(err.to_string())),
        };
        StoreHealth {
            backend: self.backend,
            path: self.path.as_ref().map(|p| p.display().to_string()),
            status,
            events,
            bytes,
            error,
        }
    }

    /// Closes the store; for SQLite, once every other handle is gone, the WAL is checkpointed
    /// into the file.
    pub async fn close(self) -> Result<(), StorageError> {
        let Self { store, sqlite, .. } = self;
        drop(store);
        match sqlite {
            Some(sqlite) => sqlite.close().await,
            None => Ok(()),
        }
    }
}

/// The store part of `GET /health`.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct StoreHealth {
    /// `sqlite` or `memory`.
    pub backend: &'static str,
    /// The database file, for SQLite.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// `ok`, or `error` when the store cannot answer.
    pub status: &'static str,
    /// Events stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<u64>,
    /// Bytes counted against the store's size limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bytes: Option<u64>,
    /// Why the store cannot answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}
