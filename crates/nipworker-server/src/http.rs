//! HTTP routes of the gateway.
//!
//! Only `GET /health` exists so far (process and event-store status); publishing,
//! subscriptions and metrics arrive with the gateway issue.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

use crate::store::{OpenStore, StoreHealth};

/// Body of `GET /health`.
#[derive(Debug, Serialize)]
pub struct Health {
    /// `"ok"`, or `"degraded"` when the store cannot answer (then the status code is 503).
    pub status: &'static str,
    /// The server's version.
    pub version: &'static str,
    /// The event store.
    pub store: StoreHealth,
}

/// The gateway's routes, serving from `store`.
pub fn router(store: OpenStore) -> Router {
    Router::new()
        .route("/health", get(health))
        .with_state(store)
}

async fn health(State(store): State<OpenStore>) -> (StatusCode, Json<Health>) {
    let store = store.health().await;
    let (code, status) = if store.status == "ok" {
        (StatusCode::OK, "ok")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "degraded")
    };
    (
        code,
        Json(Health {
            status,
            version: env!("CARGO_PKG_VERSION"),
            store,
        }),
    )
}
