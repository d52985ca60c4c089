//! The NIP-01 relay socket: `GET /` upgraded to a WebSocket speaks the relay protocol to any
//! Nostr client (REQ, CLOSE, EVENT, COUNT, AUTH in; EVENT, EOSE, OK, CLOSED, NOTICE, AUTH, COUNT
//! out), and `GET /` with `Accept: application/nostr+json` returns the NIP-11 document.

pub mod auth;
pub mod messages;
pub mod nip11;
mod session;

use std::net::SocketAddr;

use axum::Json;
use axum::extract::ws::{WebSocketUpgrade, rejection::WebSocketUpgradeRejection};
use axum::extract::{ConnectInfo, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::api::auth::bearer_token;
use crate::socket;
use crate::state::AppState;

/// Query parameters of the relay socket.
#[derive(Debug, Deserialize)]
pub struct SocketQuery {
    /// The API token, for clients that cannot set an `Authorization` header (browsers).
    token: Option<String>,
}

/// `GET /`: the NIP-11 document, the relay socket, or a short text for a browser.
pub async fn root(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Query(query): Query<SocketQuery>,
    headers: HeaderMap,
    upgrade: Result<WebSocketUpgrade, WebSocketUpgradeRejection>,
) -> Response {
    let wants_info = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/nostr+json"));
    if wants_info && upgrade.is_err() {
        let signer = state.signer().map(|k| k.to_string());
        let mut response = Json(nip11::document(state.config(), signer)).into_response();
        // NIP-11 asks for these whatever the CORS policy of the API is.
        let h = response.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/nostr+json"),
        );
        h.insert(
            header::ACCESS_CONTROL_ALLOW_ORIGIN,
            HeaderValue::from_static("*"),
        );
        h.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("*"),
        );
        h.insert(
            header::ACCESS_CONTROL_ALLOW_METHODS,
            HeaderValue::from_static("GET"),
        );
        return response;
    }
    let upgrade = match upgrade {
        Ok(upgrade) => upgrade,
        Err(_) => {
            return (
                StatusCode::OK,
                "nipworker gateway: connect a Nostr client to this URL (WebSocket), or ask for \
                 application/nostr+json for the NIP-11 document.\n",
            )
                .into_response();
        }
    };
    let Some(slot) = socket::admit(&state, peer) else {
        return socket::too_many_connections();
    };
    let token = bearer_token(&headers).or(query.token);
    let token_ok = match (&state.config().api_token, token) {
        (Some(expected), Some(given)) => expected.matches(&given),
        _ => false,
    };
    let max = state.config().limits.max_message_bytes;
    // Frames up to twice the limit are read and refused with a NOTICE (the connection stays);
    // larger ones end the connection.
    socket::limited(upgrade, max.saturating_mul(2)).on_upgrade(move |socket| {
        let tracker = state.tasks().clone();
        tracker.track_future(session::run(socket, state, slot, token_ok))
    })
}
