//! The nipworker server: an HTTP + WebSocket gateway in front of the nipworker client runtime.
//!
//! `main.rs` only parses configuration and installs signal handlers; everything that can be tested
//! in-process (routing, serving, shutdown) lives here.

pub mod config;
pub mod http;

pub use config::{Config, ConfigError};

use std::future::Future;
use std::io;

use tokio::net::TcpListener;

/// Serves the gateway on `listener` until `shutdown` resolves, then drains in-flight requests.
pub async fn serve<F>(listener: TcpListener, shutdown: F) -> io::Result<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    axum::serve(listener, http::router())
        .with_graceful_shutdown(shutdown)
        .await
}
