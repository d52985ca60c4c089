//! Server configuration from command-line flags and `NIPWORKER_*` environment variables.
//!
//! Flags win over the environment; anything unparseable is a typed error naming the setting.

use std::net::SocketAddr;
use std::path::PathBuf;

use thiserror::Error;

/// Default address: loopback only, so a fresh install exposes nothing by accident.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// File name of the default database (the core client's default).
pub const DEFAULT_DB_FILE: &str = nipworker_core::client::DEFAULT_SQLITE_FILE;

/// Where the event cache lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbConfig {
    /// An embedded SQLite file (created with its directory if missing).
    Sqlite(PathBuf),
    /// In memory only (`--db memory`): gone when the process exits.
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

/// Settings of the server process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Address the HTTP server binds.
    pub listen: SocketAddr,
    /// The event cache.
    pub db: DbConfig,
}

/// A setting could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ConfigError {
    /// The listen address is not `host:port`.
    #[error("invalid listen address {value:?} (from {source_name}): expected IP:PORT")]
    Listen {
        /// What was given.
        value: String,
        /// Flag or environment variable it came from.
        source_name: &'static str,
    },
    /// A flag this server does not know.
    #[error("unknown argument {0:?} (try --help)")]
    UnknownArgument(String),
    /// A flag without its value.
    #[error("{0} needs a value")]
    MissingValue(&'static str),
    /// The database setting is empty.
    #[error("empty database path (from {source_name}): give a file path or `memory`")]
    EmptyDb {
        /// Flag or environment variable it came from.
        source_name: &'static str,
    },
}

/// What the command line asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Run the server.
    Run(Config),
    /// Print usage and exit.
    Help,
}

/// Usage text for `--help`.
pub const USAGE: &str = "\
nipworker-server: HTTP + WebSocket gateway for the nipworker Nostr client runtime

USAGE: nipworker-server [--listen IP:PORT] [--db PATH|memory]

  --listen IP:PORT   address to bind (env NIPWORKER_LISTEN, default 127.0.0.1:8080)
  --db PATH|memory   event cache: a SQLite file, created if missing, or `memory` for an
                     in-memory cache (env NIPWORKER_DB, default
                     $XDG_DATA_HOME/nipworker/nipworker.sqlite, else
                     ~/.local/share/nipworker/nipworker.sqlite)
  -h, --help         print this help
";

impl Config {
    /// Reads flags (without the program name) over an environment lookup.
    pub fn from_args<I, F>(args: I, env: F) -> Result<Command, ConfigError>
    where
        I: IntoIterator<Item = String>,
        F: Fn(&str) -> Option<String>,
    {
        let mut listen: Option<(String, &'static str)> =
            env("NIPWORKER_LISTEN").map(|v| (v, "NIPWORKER_LISTEN"));
        let mut db: Option<(String, &'static str)> =
            env("NIPWORKER_DB").map(|v| (v, "NIPWORKER_DB"));
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "-h" | "--help" => return Ok(Command::Help),
                "--listen" => {
                    let v = args.next().ok_or(ConfigError::MissingValue("--listen"))?;
                    listen = Some((v, "--listen"));
                }
                "--db" => {
                    let v = args.next().ok_or(ConfigError::MissingValue("--db"))?;
                    db = Some((v, "--db"));
                }
                other => {
                    if let Some(v) = other.strip_prefix("--listen=") {
                        listen = Some((v.to_owned(), "--listen"));
                    } else if let Some(v) = other.strip_prefix("--db=") {
                        db = Some((v.to_owned(), "--db"));
                    } else {
                        return Err(ConfigError::UnknownArgument(other.to_owned()));
                    }
                }
            }
        }
        let db = match db {
            None => DbConfig::default_from(&env),
            Some((v, source_name)) if v.trim().is_empty() => {
                return Err(ConfigError::EmptyDb { source_name });
            }
            Some((v, _)) if v == "memory" => DbConfig::Memory,
            Some((v, _)) => DbConfig::Sqlite(PathBuf::from(v)),
        };
        let (value, source_name) = listen.unwrap_or((DEFAULT_LISTEN.to_owned(), "default"));
        let listen = value
            .parse::<SocketAddr>()
            .map_err(|_| ConfigError::Listen {
                value: value.clone(),
                source_name,
            })?;
        Ok(Command::Run(Config { listen, db }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn flags_override_env_and_errors_are_typed() {
        let env = |k: &str| (k == "NIPWORKER_LISTEN").then(|| "127.0.0.1:9000".to_owned());
        let no_env = |_: &str| None;
        assert_eq!(
            Config::from_args(args(&[]), no_env),
            Ok(Command::Run(Config {
                listen: DEFAULT_LISTEN.parse().unwrap(),
                db: DbConfig::Sqlite(DEFAULT_DB_FILE.into()),
            }))
        );
        assert_eq!(
            Config::from_args(args(&[]), env),
            Ok(Command::Run(Config {
                listen: "127.0.0.1:9000".parse().unwrap(),
                db: DbConfig::Sqlite(DEFAULT_DB_FILE.into()),
            }))
        );
        assert_eq!(
            Config::from_args(args(&["--listen", "0.0.0.0:1"]), env),
            Ok(Command::Run(Config {
                listen: "0.0.0.0:1".parse().unwrap(),
                db: DbConfig::Sqlite(DEFAULT_DB_FILE.into()),
            }))
        );
        assert_eq!(
            Config::from_args(args(&["--listen=[::1]:2"]), no_env),
            Ok(Command::Run(Config {
                listen: "[::1]:2".parse().unwrap(),
                db: DbConfig::Sqlite(DEFAULT_DB_FILE.into()),
            }))
        );
        assert_eq!(Config::from_args(args(&["-h"]), no_env), Ok(Command::Help));
        assert_eq!(
            Config::from_args(args(&["--listen"]), no_env),
            Err(ConfigError::MissingValue("--listen"))
        );
        assert!(matches!(
            Config::from_args(args(&["--listen", "nope"]), no_env),
            Err(ConfigError::Listen {
                source_name: "--listen",
                ..
            })
        ));
        assert_eq!(
            Config::from_args(args(&["--bogus"]), no_env),
            Err(ConfigError::UnknownArgument("--bogus".into()))
        );
    }

    fn db_of(command: Result<Command, ConfigError>) -> DbConfig {
        match command {
            Ok(Command::Run(config)) => config.db,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn db_from_flag_env_or_default() {
        let no_env = |_: &str| None;
        let env = |k: &str| match k {
            "NIPWORKER_DB" => Some("/tmp/from-env.sqlite".to_owned()),
            "XDG_DATA_HOME" => Some("/data".to_owned()),
            "HOME" => Some("/home/u".to_owned()),
            _ => None,
        };
        let xdg = |k: &str| (k == "XDG_DATA_HOME").then(|| "/data".to_owned());
        let home = |k: &str| (k == "HOME").then(|| "/home/u".to_owned());
        assert_eq!(
            db_of(Config::from_args(args(&[]), env)),
            DbConfig::Sqlite("/tmp/from-env.sqlite".into())
        );
        assert_eq!(
            db_of(Config::from_args(args(&["--db", "x.db"]), env)),
            DbConfig::Sqlite("x.db".into())
        );
        assert_eq!(
            db_of(Config::from_args(args(&["--db=memory"]), env)),
            DbConfig::Memory
        );
        assert_eq!(
            db_of(Config::from_args(args(&[]), xdg)),
            DbConfig::Sqlite("/data/nipworker/nipworker.sqlite".into())
        );
        assert_eq!(
            db_of(Config::from_args(args(&[]), home)),
            DbConfig::Sqlite("/home/u/.local/share/nipworker/nipworker.sqlite".into())
        );
        assert_eq!(
            db_of(Config::from_args(args(&[]), no_env)),
            DbConfig::Sqlite("nipworker.sqlite".into())
        );
        assert_eq!(
            Config::from_args(args(&["--db", ""]), no_env),
            Err(ConfigError::EmptyDb {
                source_name: "--db"
            })
        );
        assert_eq!(
            Config::from_args(args(&["--db"]), no_env),
            Err(ConfigError::MissingValue("--db"))
        );
    }
}
