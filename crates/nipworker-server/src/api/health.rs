//! `GET /health` (the process answers) and `GET /ready` (store open, workers running, upstream
//! relays connected), as JSON.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use nipworker_core::protocol::flatbuffers::fb;
use serde::Serialize;

use crate::config::DbConfig;
use crate::state::AppState;

/// Body of `GET /health`.
#[derive(Debug, Serialize)]
pub struct Health {
    /// Always `ok` while the process serves.
    pub status: &'static str,
    /// The server's version.
    pub version: &'static str,
    /// Seconds since start.
    pub uptime_seconds: u64,
}

/// `GET /health`: liveness only (no dependency is asked).
pub async fn health(State(state): State<AppState>) -> Json<Health> {
    Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
        uptime_seconds: state.started().elapsed().as_secs(),
    })
}

/// Body of `GET /ready`.
#[derive(Debug, Serialize)]
pub struct Ready {
    /// `ready`, or `not_ready` (status 503).
    pub status: &'static str,
    /// The store.
    pub store: StoreReady,
    /// The workers answer.
    pub workers: bool,
    /// Upstream relays connected / configured.
    pub relays_connected: usize,
    /// Upstream relays configured.
    pub relays_configured: usize,
}

/// The store part of `/ready`.
#[derive(Debug, Serialize)]
pub struct StoreReady {
    /// `sqlite` or `memory`.
    pub backend: &'static str,
    /// The database file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// The store answered.
    pub ok: bool,
    /// Events stored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub events: Option<u64>,
    /// Why it did not answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// `GET /ready`: 200 when the store answers, the workers run and at least one upstream relay is
/// connected (or none is configured); 503 otherwise, with what is missing.
pub async fn ready(State(state): State<AppState>) -> (StatusCode, Json<Ready>) {
    let client = state.client();
    let (backend, path) = match &state.config().database {
        DbConfig::Memory => ("memory", None),
        DbConfig::Sqlite(path) => ("sqlite", Some(path.display().to_string())),
    };
    let (ok, events, error) = match &client {
        Some(client) => match client.store_stats().await {
            Ok(stats) => (true, Some(stats.events), None),
            Err(err) => (false, None, Some(err.to_string())),
        },
        None => (false, None, Some("shutting down".to_owned())),
    };
    let workers = client.as_ref().is_some_and(|c| c.stats().is_ok());
    let configured = state.config().relays.len();
    let connected = client
        .as_ref()
        .map(|c| {
            c.relays()
                .iter()
                .filter(|r| r.state == fb::RelayState::Connected)
                .count()
        })
        .unwrap_or(0);
    let is_ready = ok && workers && (configured == 0 || connected > 0);
    let code = if is_ready {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        code,
        Json(Ready {
            status: if is_ready { "ready" } else { "not_ready" },
            store: StoreReady {
                backend,
                path,
                ok,
                events,
                error,
            },
            workers,
            relays_connected: connected,
            relays_configured: configured,
        }),
    )
}
