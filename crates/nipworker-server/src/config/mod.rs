//! Server configuration: defaults, then a TOML file, then `NIPWORKER_*` environment variables,
//! then command-line flags (each layer wins over the one before).
//!
//! Every key is parsed by one setter ([`keys`]) whatever layer it comes from, so a bad value is the
//! same typed [`ConfigError`] naming the key and where it came from (the binary exits with code 2).

mod cli;
mod error;
mod keys;
mod secret;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

use nipworker_core::PublicKey;

pub use cli::Cli;
pub use error::ConfigError;
pub use keys::{KEYS, Key};
pub use secret::Secret;

/// Default address: loopback only, so a fresh install exposes nothing by accident.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:7777";

/// Default upstream relays: well-known public relays that serve reads without AUTH.
pub const DEFAULT_RELAYS: &[&str] = &[
    "wss://relay.damus.io",
    "wss://nos.lol",
    "wss://relay.primal.net",
];

/// File name of the default database (the core client's default).
pub const DEFAULT_DB_FILE: &str = nipworker_core::client::DEFAULT_SQLITE_FILE;

/// Where the event cache lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbConfig {
    /// An embedded SQLite file (created with its directory if missing).
    Sqlite(PathBuf),
    /// In memory only (`memory`): gone when the process exits.
    Memory,
}

impl DbConfig {
    /// The default database: `$XDG_DATA_HOME/nipworker/nipworker.sqlite`, else
    /// `$HOME/.local/share/nipworker/nipworker.sqlite`, else `./nipworker.sqlite`.
    pub fn default_from<F: Fn(&str) -> Option<String>>(env: F) -> DbConfig {
        // One rule for the server and every app on the library.
        DbConfig::Sqlite(nipworker_core::client::default_sqlite_path(env))
    }
}

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogFormat {
    /// Human-readable lines.
    Pretty,
    /// One JSON object per line (for log collectors).
    Json,
}

/// Which browser origins may call the HTTP API.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cors {
    /// No CORS headers: browsers on other origins are refused.
    Off,
    /// Any origin (`*`).
    Any,
    /// These origins only.
    Origins(Vec<String>),
}

/// Limits the server enforces on its clients (each answered with a NIP-01 or HTTP error).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest WebSocket message from a client, in bytes.
    pub max_message_bytes: usize,
    /// Largest HTTP request body, in bytes.
    pub max_body_bytes: usize,
    /// Filters in one REQ or COUNT.
    pub max_filters: usize,
    /// Open subscriptions per WebSocket connection.
    pub max_subscriptions: usize,
    /// WebSocket connections per client IP.
    pub max_connections_per_ip: usize,
    /// EVENT messages per second per connection (bursts up to twice that).
    pub events_per_second: u32,
    /// Largest `limit` of a filter (larger ones are clamped; filters without one get it).
    pub max_limit: usize,
    /// Longest wait for upstream relays' stored events (REQ, `/v1/query`, COUNT).
    pub query_timeout: Duration,
    /// Most events one `/v1/query` returns.
    pub max_query_results: usize,
    /// Messages queued for one client before its slowest subscription is closed.
    pub client_queue: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_message_bytes: 128 * 1024,
            max_body_bytes: 1024 * 1024,
            max_filters: 10,
            max_subscriptions: 20,
            max_connections_per_ip: 64,
            events_per_second: 10,
            max_limit: 500,
            query_timeout: Duration::from_secs(5),
            max_query_results: 1_000,
            client_queue: 256,
        }
    }
}

/// Settings of the server process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Address the HTTP server binds.
    pub listen: SocketAddr,
    /// Upstream relays (read and write), normalized.
    pub relays: Vec<String>,
    /// Relays where authors' relay lists (kind 10002) are looked up; empty: no outbox routing,
    /// every request goes to `relays`.
    pub indexer_relays: Vec<String>,
    /// The event cache.
    pub database: DbConfig,
    /// Bearer token for write access; `None`: writing through the HTTP API is off.
    pub api_token: Option<Secret>,
    /// The server's own signer (hex/nsec key or bunker URI) for unsigned events posted with the
    /// token.
    pub signer: Option<Secret>,
    /// Keys that may publish over the relay socket once authenticated with NIP-42.
    pub write_pubkeys: Vec<PublicKey>,
    /// Log format.
    pub log_format: LogFormat,
    /// Log filter (`tracing` env-filter syntax).
    pub log_level: String,
    /// CORS policy of the HTTP API.
    pub cors: Cors,
    /// Limits on clients.
    pub limits: Limits,
}

impl Config {
    /// The defaults (the database path depends on the environment's `XDG_DATA_HOME`/`HOME`).
    pub fn defaults<F: Fn(&str) -> Option<String>>(env: F) -> Self {
        Self {
            listen: DEFAULT_LISTEN
                .parse()
                .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 7777))),
            relays: DEFAULT_RELAYS.iter().map(|s| (*s).to_owned()).collect(),
            indexer_relays: Vec::new(),
            database: DbConfig::default_from(env),
            api_token: None,
            signer: None,
            write_pubkeys: Vec::new(),
            log_format: LogFormat::Pretty,
            log_level: "info".to_owned(),
            cors: Cors::Off,
            limits: Limits::default(),
        }
    }

    /// Reads flags (without the program name), the file they or `NIPWORKER_CONFIG` name, and the
    /// environment.
    pub fn load<I, F>(args: I, env: F) -> Result<Command, ConfigError>
    where
        I: IntoIterator<Item = String>,
        F: Fn(&str) -> Option<String>,
    {
        let cli = match Cli::parse_args(args)? {
            Ok(cli) => cli,
            Err(text) => return Ok(Command::Print(text)),
        };
        let mut config = Config::defaults(&env);
        let file = cli
            .config
            .clone()
            .or_else(|| env("NIPWORKER_CONFIG").map(PathBuf::from));
        if let Some(path) = file {
            let text = std::fs::read_to_string(&path).map_err(|source| ConfigError::ReadFile {
                path: path.clone(),
                source,
            })?;
            keys::apply_toml(&mut config, &text, &path)?;
        }
        keys::apply_env(&mut config, &env)?;
        cli.apply(&mut config)?;
        config.check()?;
        Ok(Command::Run(Box::new(config)))
    }

    /// Checks what no single key can: write access needs a way to be granted.
    fn check(&self) -> Result<(), ConfigError> {
        if self.signer.is_some() && self.api_token.is_none() {
            return Err(ConfigError::Inconsistent(
                "signer is set but api_token is not: signing for callers needs the token",
            ));
        }
        Ok(())
    }

    /// True when some client may publish through the server.
    pub fn write_enabled(&self) -> bool {
        self.api_token.is_some() || !self.write_pubkeys.is_empty()
    }
}

/// What the command line asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Run the server.
    Run(Box<Config>),
    /// Print this (`--help`, `--version`) and exit 0.
    Print(String),
}

#[cfg(test)]
mod tests;
