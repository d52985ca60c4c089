//! Every configuration key: its name in the TOML file, its environment variable, and the one
//! setter that parses it whatever layer it comes from.

use std::path::{Path, PathBuf};
use std::time::Duration;

use nipworker_core::PublicKey;
use nipworker_core::protocol::RelayUrl;

use super::{Config, ConfigError, Cors, DbConfig, LogFormat, Secret};

/// A configuration key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// `listen`
    Listen,
    /// `relays`
    Relays,
    /// `indexer_relays`
    IndexerRelays,
    /// `database`
    Database,
    /// `api_token`
    ApiToken,
    /// `signer`
    Signer,
    /// `write_pubkeys`
    WritePubkeys,
    /// `log_format`
    LogFormat,
    /// `log_level`
    LogLevel,
    /// `cors_origins`
    CorsOrigins,
    /// `limits.max_message_bytes`
    MaxMessageBytes,
    /// `limits.max_body_bytes`
    MaxBodyBytes,
    /// `limits.max_filters`
    MaxFilters,
    /// `limits.max_subscriptions`
    MaxSubscriptions,
    /// `limits.max_connections_per_ip`
    MaxConnectionsPerIp,
    /// `limits.events_per_second`
    EventsPerSecond,
    /// `limits.max_limit`
    MaxLimit,
    /// `limits.query_timeout_ms`
    QueryTimeoutMs,
    /// `limits.max_query_results`
    MaxQueryResults,
    /// `limits.client_queue`
    ClientQueue,
}

/// (file key, environment variable, key). `NIPWORKER_DB` is an alias of `NIPWORKER_DATABASE`.
pub const KEYS: &[(&str, &str, Key)] = &[
    ("listen", "NIPWORKER_LISTEN", Key::Listen),
    ("relays", "NIPWORKER_RELAYS", Key::Relays),
    (
        "indexer_relays",
        "NIPWORKER_INDEXER_RELAYS",
        Key::IndexerRelays,
    ),
    ("database", "NIPWORKER_DATABASE", Key::Database),
    ("api_token", "NIPWORKER_API_TOKEN", Key::ApiToken),
    ("signer", "NIPWORKER_SIGNER", Key::Signer),
    (
        "write_pubkeys",
        "NIPWORKER_WRITE_PUBKEYS",
        Key::WritePubkeys,
    ),
    ("log_format", "NIPWORKER_LOG_FORMAT", Key::LogFormat),
    ("log_level", "NIPWORKER_LOG_LEVEL", Key::LogLevel),
    ("cors_origins", "NIPWORKER_CORS_ORIGINS", Key::CorsOrigins),
    (
        "limits.max_message_bytes",
        "NIPWORKER_MAX_MESSAGE_BYTES",
        Key::MaxMessageBytes,
    ),
    (
        "limits.max_body_bytes",
        "NIPWORKER_MAX_BODY_BYTES",
        Key::MaxBodyBytes,
    ),
    (
        "limits.max_filters",
        "NIPWORKER_MAX_FILTERS",
        Key::MaxFilters,
    ),
    (
        "limits.max_subscriptions",
        "NIPWORKER_MAX_SUBSCRIPTIONS",
        Key::MaxSubscriptions,
    ),
    (
        "limits.max_connections_per_ip",
        "NIPWORKER_MAX_CONNECTIONS_PER_IP",
        Key::MaxConnectionsPerIp,
    ),
    (
        "limits.events_per_second",
        "NIPWORKER_EVENTS_PER_SECOND",
        Key::EventsPerSecond,
    ),
    ("limits.max_limit", "NIPWORKER_MAX_LIMIT", Key::MaxLimit),
    (
        "limits.query_timeout_ms",
        "NIPWORKER_QUERY_TIMEOUT_MS",
        Key::QueryTimeoutMs,
    ),
    (
        "limits.max_query_results",
        "NIPWORKER_MAX_QUERY_RESULTS",
        Key::MaxQueryResults,
    ),
    (
        "limits.client_queue",
        "NIPWORKER_CLIENT_QUEUE",
        Key::ClientQueue,
    ),
];

/// Where a value came from, for error messages.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Origin<'a> {
    /// The key as spelled there.
    pub(crate) key: &'a str,
    /// `environment`, `command line` or the file's path.
    pub(crate) source: &'a str,
}

impl Key {
    /// True for keys whose value must never be echoed in an error.
    fn is_secret(self) -> bool {
        matches!(self, Key::ApiToken | Key::Signer)
    }

    /// Parses `value` into `config`.
    pub(crate) fn set(
        self,
        config: &mut Config,
        value: &str,
        origin: Origin<'_>,
    ) -> Result<(), ConfigError> {
        let invalid = |reason: String| ConfigError::Invalid {
            key: origin.key.to_owned(),
            source_name: origin.source.to_owned(),
            value: if self.is_secret() {
                "<redacted>".to_owned()
            } else {
                value.to_owned()
            },
            reason,
        };
        let value = value.trim();
        let limits = &mut config.limits;
        match self {
            Key::Listen => {
                config.listen = value
                    .parse()
                    .map_err(|_| invalid("expected IP:PORT, e.g. 127.0.0.1:7777".into()))?;
            }
            Key::Relays => config.relays = relay_list(value).map_err(invalid)?,
            Key::IndexerRelays => config.indexer_relays = relay_list(value).map_err(invalid)?,
            Key::Database => {
                config.database = match value {
                    "" => return Err(invalid("give a file path or `memory`".into())),
                    "memory" => DbConfig::Memory,
                    path => DbConfig::Sqlite(PathBuf::from(path)),
                }
            }
            Key::ApiToken => {
                config.api_token = match value {
                    "" => None,
                    token if token.len() < 16 => {
                        return Err(invalid("a token needs at least 16 characters".into()));
                    }
                    token => Some(Secret::new(token)),
                }
            }
            Key::Signer => {
                config.signer = match value {
                    "" => None,
                    s if s.starts_with("bunker://") || s.starts_with("nsec1") => {
                        Some(Secret::new(s))
                    }
                    s if s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit()) => {
                        Some(Secret::new(s))
                    }
                    _ => {
                        return Err(invalid(
                            "expected a hex or nsec private key or a bunker:// URI".into(),
                        ));
                    }
                }
            }
            Key::WritePubkeys => {
                config.write_pubkeys = list(value)
                    .map(|k| {
                        PublicKey::from_hex(k)
                            .or_else(|_| PublicKey::from_npub(k))
                            .map_err(|_| invalid(format!("{k:?} is not a hex or npub public key")))
                    })
                    .collect::<Result<_, _>>()?;
            }
            Key::LogFormat => {
                config.log_format = match value {
                    "pretty" => LogFormat::Pretty,
                    "json" => LogFormat::Json,
                    _ => return Err(invalid("expected `pretty` or `json`".into())),
                }
            }
            Key::LogLevel => {
                tracing_subscriber::EnvFilter::try_new(value)
                    .map_err(|e| invalid(format!("not a log filter: {e}")))?;
                config.log_level = value.to_owned();
            }
            Key::CorsOrigins => {
                let origins: Vec<String> = list(value).map(str::to_owned).collect();
                config.cors = if origins.is_empty() {
                    Cors::Off
                } else if origins.iter().any(|o| o == "*") {
                    Cors::Any
                } else {
                    for origin in &origins {
                        if !(origin.starts_with("http://") || origin.starts_with("https://"))
                            || axum::http::HeaderValue::from_str(origin).is_err()
                        {
                            return Err(invalid(format!(
                                "{origin:?} is not an origin like https://app.example.com"
                            )));
                        }
                    }
                    Cors::Origins(origins)
                };
            }
            Key::MaxMessageBytes => {
                limits.max_message_bytes = number(value, 1024, 64 << 20).map_err(invalid)?
            }
            Key::MaxBodyBytes => {
                limits.max_body_bytes = number(value, 1024, 256 << 20).map_err(invalid)?
            }
            Key::MaxFilters => limits.max_filters = number(value, 1, 1_000).map_err(invalid)?,
            Key::MaxSubscriptions => {
                limits.max_subscriptions = number(value, 1, 10_000).map_err(invalid)?
            }
            Key::MaxConnectionsPerIp => {
                limits.max_connections_per_ip = number(value, 1, 1_000_000).map_err(invalid)?
            }
            Key::EventsPerSecond => {
                limits.events_per_second = number(value, 1, 1_000_000).map_err(invalid)? as u32
            }
            Key::MaxLimit => limits.max_limit = number(value, 1, 1_000_000).map_err(invalid)?,
            Key::QueryTimeoutMs => {
                limits.query_timeout =
                    Duration::from_millis(number(value, 10, 600_000).map_err(invalid)? as u64)
            }
            Key::MaxQueryResults => {
                limits.max_query_results = number(value, 1, 1_000_000).map_err(invalid)?
            }
            Key::ClientQueue => {
                limits.client_queue = number(value, 4, 1_000_000).map_err(invalid)?
            }
        }
        Ok(())
    }
}

/// Comma-separated items, blanks dropped.
fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// A comma-separated list of relay URLs, each checked and normalized.
fn relay_list(value: &str) -> Result<Vec<String>, String> {
    let mut relays: Vec<String> = Vec::new();
    for url in list(value) {
        let relay = RelayUrl::parse(url).map_err(|e| format!("{url:?}: {e}"))?;
        let relay = relay.as_str().to_owned();
        if !relays.contains(&relay) {
            relays.push(relay);
        }
    }
    Ok(relays)
}

/// A whole number in `min..=max`.
fn number(value: &str, min: usize, max: usize) -> Result<usize, String> {
    let n: usize = value
        .parse()
        .map_err(|_| format!("expected a whole number from {min} to {max}"))?;
    if n < min || n > max {
        return Err(format!("expected a whole number from {min} to {max}"));
    }
    Ok(n)
}

/// Applies the keys of a TOML file (`[limits]` is a table); an unknown key is an error.
pub(crate) fn apply_toml(config: &mut Config, text: &str, path: &Path) -> Result<(), ConfigError> {
    let table: toml::Table = text
        .parse()
        .map_err(|e: toml::de::Error| ConfigError::Toml {
            path: path.to_owned(),
            message: e.to_string(),
        })?;
    let source = path.display().to_string();
    let mut flat: Vec<(String, toml::Value)> = Vec::new();
    for (name, value) in table {
        match value {
            toml::Value::Table(inner) if name == "limits" => {
                flat.extend(inner.into_iter().map(|(k, v)| (format!("limits.{k}"), v)));
            }
            value => flat.push((name, value)),
        }
    }
    for (name, value) in flat {
        let Some((_, _, key)) = KEYS.iter().find(|(file_key, _, _)| *file_key == name) else {
            return Err(ConfigError::UnknownKey {
                key: name,
                path: path.to_owned(),
            });
        };
        let text = match value {
            toml::Value::String(s) => s,
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Array(items) => {
                let mut parts = Vec::with_capacity(items.len());
                for item in items {
                    match item {
                        toml::Value::String(s) if !s.contains(',') => parts.push(s),
                        other => {
                            return Err(ConfigError::Invalid {
                                key: name,
                                source_name: source,
                                value: format!("{other:?}"),
                                reason: "list items are strings without commas".into(),
                            });
                        }
                    }
                }
                parts.join(",")
            }
            other => {
                return Err(ConfigError::Invalid {
                    key: name,
                    source_name: source,
                    value: format!("{other:?}"),
                    reason: "expected a string, a whole number or a list of strings".into(),
                });
            }
        };
        key.set(
            config,
            &text,
            Origin {
                key: &name,
                source: &source,
            },
        )?;
    }
    Ok(())
}

/// Applies every `NIPWORKER_*` variable that is set (`NIPWORKER_DB` first, so the documented
/// `NIPWORKER_DATABASE` wins when both are set).
pub(crate) fn apply_env<F: Fn(&str) -> Option<String>>(
    config: &mut Config,
    env: &F,
) -> Result<(), ConfigError> {
    let origin = |key| Origin {
        key,
        source: "environment",
    };
    if let Some(value) = env("NIPWORKER_DB") {
        Key::Database.set(config, &value, origin("NIPWORKER_DB"))?;
    }
    for (_, var, key) in KEYS {
        if let Some(value) = env(var) {
            key.set(config, &value, origin(var))?;
        }
    }
    Ok(())
}
