//! `nipworker-server` binary: reads configuration, opens the event store, binds, serves until
//! Ctrl-C or SIGTERM. Exit codes: 0 after a clean stop, 2 for bad configuration or a store that
//! cannot be opened, 1 for other failures.

use std::process::ExitCode;

use nipworker_server::config::{Command, Config, USAGE};
use nipworker_server::{OpenStore, StoreOpenError};
use tracing_subscriber::EnvFilter;

/// Why the server stopped with an error.
#[derive(Debug, thiserror::Error)]
enum RunError {
    /// The event store could not be opened (exit code 2, like bad configuration).
    #[error(transparent)]
    Store(#[from] StoreOpenError),
    /// Binding or serving failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

fn main() -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();

    let config = match Config::from_args(std::env::args().skip(1), |k| std::env::var(k).ok()) {
        Ok(Command::Run(config)) => config,
        Ok(Command::Help) => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            eprintln!("nipworker-server: {err}");
            return ExitCode::from(2);
        }
    };

    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(err) => {
            eprintln!("nipworker-server: cannot start the async runtime: {err}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err @ RunError::Store(_)) => {
            eprintln!("nipworker-server: {err}");
            ExitCode::from(2)
        }
        Err(err) => {
            eprintln!("nipworker-server: {err}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: Config) -> Result<(), RunError> {
    let store = OpenStore::open(&config.db).await?;
    tracing::info!(backend = store.backend, path = ?store.path, "event store open");
    let listener = tokio::net::TcpListener::bind(config.listen).await?;
    let addr = listener.local_addr()?;
    // Tests and supervisors read this line to learn the bound port (useful with port 0).
    println!("listening on http://{addr}");
    tracing::info!(%addr, "nipworker-server listening");
    nipworker_server::serve(listener, store.clone(), shutdown_signal()).await?;
    if let Err(err) = store.close().await {
        tracing::warn!(%err, "closing the event store");
    }
    tracing::info!("nipworker-server stopped");
    Ok(())
}

/// Resolves on Ctrl-C, or SIGTERM on Unix (what `docker stop` and systemd send).
async fn shutdown_signal() {
    let ctrl_c = async {
        if let Err(err) = tokio::signal::ctrl_c().await {
            tracing::warn!(%err, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut sig) => {
                sig.recv().await;
            }
            Err(err) => {
                tracing::warn!(%err, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => tracing::info!("Ctrl-C received, shutting down"),
        () = terminate => tracing::info!("SIGTERM received, shutting down"),
    }
}
