//! The nipworker server: an HTTP + WebSocket gateway in front of the nipworker client runtime.
//!
//! `main.rs` only parses configuration and installs signal handlers; everything that can be tested
//! in-process (routing, serving, shutdown) lives here.

pub mod config;
pub mod http;
pub mod store;

pub use config::{Config, ConfigError, DbConfig};
pub use store::{OpenStore, StoreOpenError};

use std::future::Future;
use std::io;

use tokio::net::TcpListener;

/// Serves the gateway on `listener` from `store` until `shutdown` resolves, then drains
/// in-flight requests.
pub async fn serve<F>(listener: TcpListener, store: OpenStore, shutdown: F) -> io::Result<()>
where
    F: Future<Output = ()> + Send + 'static,
{
    axum::serve(listener, http::router(store))
        .with_graceful_shutdown(shutdown)
        .await
}
