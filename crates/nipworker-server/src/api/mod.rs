//! The HTTP surface: the relay socket at `/`, health and readiness, Prometheus metrics, and the
//! `/v1` API (publish, query, parsed subscriptions). Every route is measured (count and latency
//! by matched route and status) and bodies are capped at the configured size.

pub mod auth;
pub mod error;
pub mod events;
pub mod health;
pub mod query;
pub mod subscribe;

use std::time::Instant;

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tower_http::cors::{AllowOrigin, CorsLayer};

use crate::config::Cors;
use crate::relay;
use crate::state::AppState;

/// The gateway's routes.
pub fn router(state: AppState) -> Router {
    let body_limit = state.config().limits.max_body_bytes;
    let cors = cors_layer(&state.config().cors);
    let router = Router::new()
        .route("/", get(relay::root))
        .route("/health", get(health::health))
        .route("/ready", get(health::ready))
        .route("/metrics", get(metrics))
        .route("/v1/events", post(events::publish))
        .route("/v1/query", post(query::query))
        .route("/v1/subscribe", get(subscribe::upgrade))
        .layer(DefaultBodyLimit::max(body_limit))
        .layer(middleware::from_fn_with_state(state.clone(), measure));
    let router = match cors {
        Some(cors) => router.layer(cors),
        None => router,
    };
    router.with_state(state)
}

fn cors_layer(cors: &Cors) -> Option<CorsLayer> {
    let base = CorsLayer::new()
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::AUTHORIZATION, header::CONTENT_TYPE, header::ACCEPT]);
    match cors {
        Cors::Off => None,
        Cors::Any => Some(base.allow_origin(AllowOrigin::any())),
        Cors::Origins(origins) => {
            let origins: Vec<HeaderValue> = origins
                .iter()
                .filter_map(|o| HeaderValue::from_str(o).ok())
                .collect();
            Some(base.allow_origin(origins))
        }
    }
}

/// Counts and times every request by its matched route (never the raw path: bounded labels).
async fn measure(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map(|p| p.as_str().to_owned())
        .unwrap_or_else(|| "unmatched".to_owned());
    let method = request.method().as_str().to_owned();
    let response = next.run(request).await;
    state.metrics().http_request(
        &route,
        &method,
        response.status().as_u16(),
        started.elapsed(),
    );
    response
}

/// `GET /metrics`: Prometheus text format.
async fn metrics(State(state): State<AppState>) -> Response {
    let client = state.client();
    let text = state
        .metrics()
        .render(client.as_deref(), state.live().open())
        .await;
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        text,
    )
        .into_response()
}
