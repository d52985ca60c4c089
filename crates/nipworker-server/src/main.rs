//! `nipworker-server` binary: reads configuration (flags, `NIPWORKER_*`, TOML file), sets up
//! logs, starts the client, binds, serves until Ctrl-C or SIGTERM. Exit codes: 0 after a clean
//! stop, 2 for a bad setting or a store/signer that cannot be used, 1 for other failures.

use std::process::ExitCode;
use std::time::Duration;

use nipworker_server::config::{Command, Config, LogFormat};
use nipworker_server::metrics::Metrics;
use nipworker_server::{AppState, StartError};
use tracing_subscriber::EnvFilter;

/// Why the server stopped with an error.
#[derive(Debug, thiserror::Error)]
enum RunError {
    /// The client could not start (exit code 2, like bad configuration).
    #[error(transparent)]
    Start(#[from] StartError),
    /// Binding or serving failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// How long the background warm-up waits for the upstream relays.
const CONNECT_WAIT: Duration = Duration::from_secs(10);

fn main() -> ExitCode {
    let config = match Config::load(std::env::args().skip(1), |k| std::env::var(k).ok()) {
        Ok(Command::Run(config)) => config,
        Ok(Command::Print(text)) => {
            print!("{text}");
            return ExitCode::SUCCESS;
        }
        Err(err) => {
            eprintln!("nipworker-server: {err}");
            return ExitCode::from(2);
        }
    };
    init_logs(&config);
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
    match runtime.block_on(run(*config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err @ RunError::Start(_)) => {
            eprintln!("nipworker-server: {err}");
            ExitCode::from(2)
        }
        Err(err) => {
            eprintln!("nipworker-server: {err}");
            ExitCode::FAILURE
        }
    }
}

fn init_logs(config: &Config) {
    // RUST_LOG, when set, wins over the configured level (the usual Rust convention).
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(&config.log_level))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match config.log_format {
        LogFormat::Json => logs.json().init(),
        LogFormat::Pretty => logs.init(),
    }
}

async fn run(config: Config) -> Result<(), RunError> {
    let listen = config.listen;
    // Only non-secret settings are logged.
    tracing::info!(
        relays = ?config.relays,
        database = ?config.database,
        write = config.write_enabled(),
        "starting"
    );
    let state = AppState::start(config, Metrics::new()).await?;
    let listener = tokio::net::TcpListener::bind(listen).await?;
    let addr = listener.local_addr()?;
    // Tests and supervisors read this line to learn the bound port (useful with port 0).
    println!("listening on http://{addr}");
    tracing::info!(%addr, "nipworker-server listening");
    // Connections open now, not at the first request, so /ready can say "connected".
    nipworker_server::warm_up(&state, CONNECT_WAIT);
    nipworker_server::serve(listener, state, shutdown_signal()).await?;
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
