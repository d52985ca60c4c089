//! Server configuration from command-line flags and `NIPWORKER_*` environment variables.
//!
//! Flags win over the environment; anything unparseable is a typed error naming the setting.

use std::net::SocketAddr;

use thiserror::Error;

/// Default address: loopback only, so a fresh install exposes nothing by accident.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// Settings of the server process.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Address the HTTP server binds.
    pub listen: SocketAddr,
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

USAGE: nipworker-server [--listen IP:PORT]

  --listen IP:PORT   address to bind (env NIPWORKER_LISTEN, default 127.0.0.1:8080)
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
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "-h" | "--help" => return Ok(Command::Help),
                "--listen" => {
                    let v = args.next().ok_or(ConfigError::MissingValue("--listen"))?;
                    listen = Some((v, "--listen"));
                }
                other => match other.strip_prefix("--listen=") {
                    Some(v) => listen = Some((v.to_owned(), "--listen")),
                    None => return Err(ConfigError::UnknownArgument(other.to_owned())),
                },
            }
        }
        let (value, source_name) = listen.unwrap_or((DEFAULT_LISTEN.to_owned(), "default"));
        let listen = value
            .parse::<SocketAddr>()
            .map_err(|_| ConfigError::Listen {
                value: value.clone(),
                source_name,
            })?;
        Ok(Command::Run(Config { listen }))
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
                listen: DEFAULT_LISTEN.parse().unwrap()
            }))
        );
        assert_eq!(
            Config::from_args(args(&[]), env),
            Ok(Command::Run(Config {
                listen: "127.0.0.1:9000".parse().unwrap()
            }))
        );
        assert_eq!(
            Config::from_args(args(&["--listen", "0.0.0.0:1"]), env),
            Ok(Command::Run(Config {
                listen: "0.0.0.0:1".parse().unwrap()
            }))
        );
        assert_eq!(
            Config::from_args(args(&["--listen=[::1]:2"]), no_env),
            Ok(Command::Run(Config {
                listen: "[::1]:2".parse().unwrap()
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
}
