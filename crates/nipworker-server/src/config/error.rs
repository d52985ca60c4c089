//! Why a configuration could not be read: always naming the key and where its value came from.

use std::path::PathBuf;

use thiserror::Error;

/// A setting could not be read (the binary prints it and exits with code 2).
#[derive(Debug, Error)]
pub enum ConfigError {
    /// A key's value is not valid.
    #[error("{key} (from {source_name}): {reason} (got {value:?})")]
    Invalid {
        /// The key as it is spelled where it came from (`listen`, `NIPWORKER_LISTEN`, `--listen`).
        key: String,
        /// The file, `environment` or `command line`.
        source_name: String,
        /// The value given (secrets are never echoed).
        value: String,
        /// What is wrong with it.
        reason: String,
    },
    /// The config file names a key this server does not know.
    #[error("unknown key {key:?} in {path}")]
    UnknownKey {
        /// The key.
        key: String,
        /// The file.
        path: PathBuf,
    },
    /// The config file could not be read.
    #[error("cannot read the config file {path}: {source}")]
    ReadFile {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The config file is not valid TOML.
    #[error("{path} is not valid TOML: {message}")]
    Toml {
        /// The file.
        path: PathBuf,
        /// The parser's message (with line and column).
        message: String,
    },
    /// Bad command-line arguments (clap's message, usage included).
    #[error("{0}")]
    Args(String),
    /// Settings that are each valid but do not go together.
    #[error("inconsistent settings: {0}")]
    Inconsistent(&'static str),
}

impl PartialEq for ConfigError {
    fn eq(&self, other: &Self) -> bool {
        self.to_string() == other.to_string()
    }
}
