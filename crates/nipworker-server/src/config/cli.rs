//! Command-line flags (`clap`): the config file, and the keys most often set by hand.

use std::path::PathBuf;

use clap::Parser;

use super::keys::{Key, Origin};
use super::{Config, ConfigError};

/// Environment variables, listed in `--help`.
const ENV_HELP: &str = "\
Every setting can come from a TOML file (--config), from NIPWORKER_* environment variables
(which win over the file) or from the flags above (which win over both). See
crates/nipworker-server/nipworker.example.toml for every key.

  NIPWORKER_CONFIG                 config file
  NIPWORKER_LISTEN                 address to bind (default 127.0.0.1:7777)
  NIPWORKER_RELAYS                 upstream relays, comma-separated ws:// or wss:// URLs
  NIPWORKER_INDEXER_RELAYS         relays for authors' relay lists (outbox routing; default none)
  NIPWORKER_DATABASE               SQLite file or `memory` (alias NIPWORKER_DB)
  NIPWORKER_API_TOKEN              bearer token for write access (off when unset)
  NIPWORKER_SIGNER                 hex/nsec key or bunker:// URI for signing unsigned events
  NIPWORKER_WRITE_PUBKEYS          keys that may publish over the relay socket after NIP-42 AUTH
  NIPWORKER_LOG_FORMAT             pretty or json
  NIPWORKER_LOG_LEVEL              log filter, e.g. info or nipworker=debug
  NIPWORKER_CORS_ORIGINS           origins allowed by CORS, comma-separated, or *
  NIPWORKER_MAX_MESSAGE_BYTES      largest WebSocket message (default 131072)
  NIPWORKER_MAX_BODY_BYTES         largest HTTP body (default 1048576)
  NIPWORKER_MAX_FILTERS            filters per REQ (default 10)
  NIPWORKER_MAX_SUBSCRIPTIONS      subscriptions per connection (default 20)
  NIPWORKER_MAX_CONNECTIONS_PER_IP WebSocket connections per IP (default 64)
  NIPWORKER_EVENTS_PER_SECOND      EVENTs per second per connection (default 10)
  NIPWORKER_MAX_LIMIT              largest filter limit (default 500)
  NIPWORKER_QUERY_TIMEOUT_MS       wait for upstream stored events (default 5000)
  NIPWORKER_MAX_QUERY_RESULTS      most events per /v1/query (default 1000)
  NIPWORKER_CLIENT_QUEUE           messages queued per client (default 256)

Exit codes: 0 after a clean stop, 2 for a bad setting or a database that cannot be opened,
1 for other failures.";

/// nipworker-server: a caching Nostr gateway (NIP-01 relay proxy, HTTP API, metrics).
#[derive(Debug, Clone, Parser, PartialEq, Eq)]
#[command(name = "nipworker-server", version, after_help = ENV_HELP)]
pub struct Cli {
    /// TOML config file.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Address to bind.
    #[arg(long, value_name = "IP:PORT")]
    pub listen: Option<String>,
    /// Upstream relays, comma-separated.
    #[arg(long, value_name = "URLS")]
    pub relays: Option<String>,
    /// SQLite file (created if missing) or `memory`.
    #[arg(long, alias = "db", value_name = "PATH|memory")]
    pub database: Option<String>,
    /// Log format: pretty or json.
    #[arg(long, value_name = "FORMAT")]
    pub log_format: Option<String>,
}

impl Cli {
    /// Parses flags; `Err(text)` inside the `Ok` is help or version text to print.
    pub fn parse_args<I: IntoIterator<Item = String>>(
        args: I,
    ) -> Result<Result<Cli, String>, ConfigError> {
        let args = std::iter::once("nipworker-server".to_owned()).chain(args);
        match Cli::try_parse_from(args) {
            Ok(cli) => Ok(Ok(cli)),
            Err(e) => match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    Ok(Err(e.to_string()))
                }
                _ => Err(ConfigError::Args(e.to_string())),
            },
        }
    }

    /// Applies the flags that were given.
    pub(crate) fn apply(&self, config: &mut Config) -> Result<(), ConfigError> {
        let flags = [
            ("--listen", Key::Listen, &self.listen),
            ("--relays", Key::Relays, &self.relays),
            ("--database", Key::Database, &self.database),
            ("--log-format", Key::LogFormat, &self.log_format),
        ];
        for (flag, key, value) in flags {
            if let Some(value) = value {
                key.set(
                    config,
                    value,
                    Origin {
                        key: flag,
                        source: "command line",
                    },
                )?;
            }
        }
        Ok(())
    }
}
