//! Write access over HTTP: a bearer token compared in constant time.

use axum::http::{HeaderMap, header};

use super::error::ApiError;
use crate::state::AppState;

/// The bearer token of `Authorization: Bearer <token>`, if any.
pub fn bearer_token(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim().to_owned())
}

/// Succeeds when write access is on and the request carries the token.
pub fn require_write(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(expected) = &state.config().api_token else {
        return Err(ApiError::Forbidden(
            "writing through this server is off (no api_token configured)",
        ));
    };
    match bearer_token(headers) {
        Some(token) if expected.matches(&token) => Ok(()),
        _ => Err(ApiError::Unauthorized),
    }
}
