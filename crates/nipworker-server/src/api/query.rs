//! `POST /v1/query`: filters in, events out: the cache plus the upstream relays until their
//! EOSE (or the timeout), deduplicated, newest first, capped. A JSON array by default, NDJSON
//! when the client asks for `application/x-ndjson`.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, header};
use axum::response::{IntoResponse, Response};

use nipworker_core::Filter;
use serde::Deserialize;

use super::error::ApiError;
use crate::feed::{Stored, clamp_limits, stored_cap};
use crate::state::AppState;
use crate::stored::StoredEvent;

/// The object form of a query body (a bare array is the filters alone).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct QueryBody {
    filters: Vec<serde_json::Value>,
    /// Longest wait for upstream relays, at most the server's query timeout.
    timeout_ms: Option<u64>,
    /// Most events, at most the server's cap.
    max_results: Option<usize>,
}

/// `POST /v1/query`.
pub async fn query(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let limits = state.config().limits.clone();
    let value: serde_json::Value =
        serde_json::from_slice(&body).map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let body = match value {
        serde_json::Value::Array(filters) => QueryBody {
            filters,
            timeout_ms: None,
            max_results: None,
        },
        object => serde_json::from_value(object).map_err(|e| {
            ApiError::BadRequest(format!("expected filters or {{\"filters\": [...]}}: {e}"))
        })?,
    };
    if body.filters.is_empty() {
        return Err(ApiError::BadRequest("at least one filter is needed".into()));
    }
    if body.filters.len() > limits.max_filters {
        return Err(ApiError::BadRequest(format!(
            "too many filters ({}, at most {})",
            body.filters.len(),
            limits.max_filters
        )));
    }
    let filters = body
        .filters
        .iter()
        .enumerate()
        .map(|(i, f)| {
            Filter::from_json(&f.to_string())
                .map_err(|e| ApiError::BadRequest(format!("filter {i}: {e}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let filters = clamp_limits(filters, limits.max_limit);
    // Every filter's stored events are gathered (NIP-01 limits), then the newest are kept.
    let gather = stored_cap(&filters, limits.max_limit);
    let keep = limits
        .max_query_results
        .min(body.max_results.unwrap_or(usize::MAX));
    let timeout = body
        .timeout_ms
        .map_or(limits.query_timeout, Duration::from_millis)
        .min(limits.query_timeout);
    let mut stored = Stored::open(&state, &filters, gather)
        .await
        .map_err(ApiError::Unavailable)?;
    let mut events: Vec<Arc<StoredEvent>> = Vec::new();
    let deadline = tokio::time::Instant::now() + timeout;
    // Bounded by `cap` and the deadline.
    loop {
        match tokio::time::timeout_at(deadline, stored.next()).await {
            Ok(Ok(Some(stored))) => events.push(stored),
            Ok(Ok(None)) | Err(_) => break,
            Ok(Err(reason)) => return Err(ApiError::Unavailable(reason)),
        }
    }
    // NIP-01 order: newest first, the lowest id first among equals.
    events.sort_by(|a, b| {
        let (a, b) = (a.view.event(), b.view.event());
        b.created_at.cmp(&a.created_at).then(a.id.cmp(&b.id))
    });
    events.truncate(keep);
    let ndjson = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/x-ndjson"));
    let mut text = String::new();
    if ndjson {
        for event in &events {
            text.push_str(&event.json);
            text.push('\n');
        }
        return Ok(([(header::CONTENT_TYPE, "application/x-ndjson")], text).into_response());
    }
    text.push('[');
    for (i, event) in events.iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        text.push_str(&event.json);
    }
    text.push(']');
    Ok(([(header::CONTENT_TYPE, "application/json")], text).into_response())
}
