//! HTTP routes of the gateway.
//!
//! Only `GET /health` exists so far; publishing, subscriptions and metrics arrive with the
//! gateway issue.

use axum::routing::get;
use axum::{Json, Router};
use serde::Serialize;

/// Body of `GET /health`.
#[derive(Debug, Serialize)]
pub struct Health {
    /// Always `"ok"` while the process serves requests.
    pub status: &'static str,
    /// The server's version.
    pub version: &'static str,
}

/// The gateway's routes.
pub fn router() -> Router {
    Router::new().route("/health", get(health))
}

async fn health() -> Json<Health> {
    Json(Health {
        status: "ok",
        version: env!("CARGO_PKG_VERSION"),
    })
}
