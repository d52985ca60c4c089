//! Errors of the HTTP API, each with its status code and a JSON body
//! `{"error": "<code>", "message": "..."}`.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use thiserror::Error;

/// An HTTP API error.
#[derive(Debug, Error)]
pub enum ApiError {
    /// The body is not the JSON the route expects (400).
    #[error("invalid request body: {0}")]
    BadRequest(String),
    /// The event does not verify (422).
    #[error("the event does not verify: {0}")]
    InvalidEvent(String),
    /// No token, or not the configured one (401).
    #[error("a valid API token is required (Authorization: Bearer <token>)")]
    Unauthorized,
    /// Writing is not configured on this server (403).
    #[error("{0}")]
    Forbidden(&'static str),
    /// The server is shutting down or the client failed (503).
    #[error("{0}")]
    Unavailable(String),
}

impl ApiError {
    fn parts(&self) -> (StatusCode, &'static str) {
        match self {
            Self::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
            Self::InvalidEvent(_) => (StatusCode::UNPROCESSABLE_ENTITY, "invalid_event"),
            Self::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
            Self::Forbidden(_) => (StatusCode::FORBIDDEN, "forbidden"),
            Self::Unavailable(_) => (StatusCode::SERVICE_UNAVAILABLE, "unavailable"),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.parts();
        let body = Json(serde_json::json!({"error": code, "message": self.to_string()}));
        let mut response = (status, body).into_response();
        if matches!(self, Self::Unauthorized) {
            response.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}
