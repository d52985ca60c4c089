//! `POST /v1/events`: publish a signed event, or (with the server's signer configured) an
//! unsigned one the server signs; needs the API token either way. The answer holds the id and
//! each upstream relay's result.

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::HeaderMap;
use nipworker_core::protocol::UnsignedEvent;
use nipworker_core::{Event, Kind, Tag, Timestamp};
use serde::{Deserialize, Serialize};

use super::auth::require_write;
use super::error::ApiError;
use crate::metrics::publish_status_label;
use crate::publish::publish_summary;
use crate::state::AppState;

/// An event for the server's signer to sign: kind, content and tags (and optionally the time).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Unsigned {
    kind: u16,
    #[serde(default)]
    content: String,
    #[serde(default)]
    tags: Vec<Vec<String>>,
    created_at: Option<u64>,
}

/// One relay's answer.
#[derive(Debug, Serialize)]
pub struct RelayResult {
    /// The relay.
    pub relay: String,
    /// `accepted`, `rejected`, `timeout` or `failed`.
    pub status: &'static str,
    /// The relay's message (NIP-01 prefix included).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// Body of a publish answer.
#[derive(Debug, Serialize)]
pub struct Published {
    /// The event id.
    pub id: String,
    /// True when an upstream relay accepted it (or none is configured: it is in the cache).
    pub accepted: bool,
    /// Summary as a NIP-01 OK message would say it.
    pub message: String,
    /// Each relay's answer.
    pub relays: Vec<RelayResult>,
}

/// `POST /v1/events`.
pub async fn publish(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Published>, ApiError> {
    require_write(&state, &headers)?;
    let value: serde_json::Value =
        serde_json::from_slice(&body).map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let client = state
        .client()
        .ok_or_else(|| ApiError::Unavailable("the server is shutting down".into()))?;
    let signed = value.get("sig").is_some();
    let outcome = if signed {
        let event = Event::from_json(&value.to_string())
            .map_err(|e| ApiError::BadRequest(format!("not a NIP-01 event: {e}")))?;
        event
            .verify()
            .map_err(|e| ApiError::InvalidEvent(e.to_string()))?;
        client.publish(event).await
    } else {
        let Some(pubkey) = state.signer() else {
            return Err(ApiError::Forbidden(
                "unsigned events need the server's signer (no signer configured); send a signed event",
            ));
        };
        let template: Unsigned = serde_json::from_value(value)
            .map_err(|e| ApiError::BadRequest(format!("not an unsigned event: {e}")))?;
        client
            .publish(UnsignedEvent {
                pubkey,
                created_at: template.created_at.map_or_else(Timestamp::now, Timestamp),
                kind: Kind(template.kind),
                tags: template.tags.into_iter().map(Tag::new).collect(),
                content: template.content,
            })
            .await
    };
    let outcome = outcome.map_err(|e| ApiError::Unavailable(e.to_string()))?;
    let (accepted, message) = publish_summary(&state, &outcome);
    Ok(Json(Published {
        id: outcome.event_id.to_string(),
        accepted,
        message,
        relays: outcome
            .relays
            .into_iter()
            .map(|r| RelayResult {
                relay: r.relay,
                status: publish_status_label(r.status),
                message: r.message,
            })
            .collect(),
    }))
}
