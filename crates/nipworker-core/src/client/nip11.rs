//! NIP-11 relay information documents: a lenient typed parser (portable) and, on native targets,
//! [`Nip11Fetcher`], which GETs `http(s)://` for a relay with `Accept: application/nostr+json`
//! and caches each relay's answer, failures included.

use std::sync::Arc;

use serde_json::{Map, Number, Value};
use thiserror::Error;

use crate::protocol::{PublicKey, RelayUrl};
use crate::workers::connections::RelayLimits;

/// Largest relay information document accepted by default, in bytes (real ones are under 4 KiB).
pub const MAX_DOCUMENT_BYTES: usize = 64 * 1024;

/// Highest meaningful proof-of-work difficulty: an event id has 256 bits.
const MAX_POW_DIFFICULTY: u16 = 256;

/// Why a relay information document could not be had.
///
/// Cloneable because a cached failure is handed to every caller until it expires.
#[derive(Debug, Clone, Error)]
pub enum Nip11Error {
    /// The body is longer than the limit.
    #[error("relay information document longer than {max} bytes")]
    TooLarge {
        /// The limit that was exceeded.
        max: usize,
    },
    /// The body is not JSON.
    #[error("relay information document is not JSON")]
    NotJson(#[source] Arc<serde_json::Error>),
    /// The body is JSON but not an object.
    #[error("relay information document is not a JSON object")]
    NotObject,
    /// The relay answered with a non-success HTTP status.
    #[error("relay answered HTTP {status} to the NIP-11 request")]
    Status {
        /// The HTTP status code.
        status: u16,
    },
    /// No complete answer within the timeout.
    #[error("NIP-11 request timed out after {timeout:?}")]
    Timeout {
        /// The configured timeout.
        timeout: std::time::Duration,
    },
    /// The request failed before a status (DNS, TLS, connection, redirects) or while reading.
    #[error("NIP-11 request failed")]
    Transport(#[source] Arc<dyn std::error::Error + Send + Sync>),
}

/// The `limitation` object of a relay information document; absent or unusable fields are `None`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RelayLimitation {
    /// Longest WebSocket message the relay accepts, in bytes.
    pub max_message_length: Option<u64>,
    /// Most subscriptions open at once on one connection.
    pub max_subscriptions: Option<u64>,
    /// Most filters in one REQ (dropped from NIP-11, still sent by older relays).
    pub max_filters: Option<u64>,
    /// Largest `limit` the relay honours in a filter.
    pub max_limit: Option<u64>,
    /// Longest subscription id, in characters.
    pub max_subid_length: Option<u64>,
    /// Most tags in one event.
    pub max_event_tags: Option<u64>,
    /// Longest event `content`, in characters.
    pub max_content_length: Option<u64>,
    /// Leading zero bits required in event ids (NIP-13), at most 256.
    pub min_pow_difficulty: Option<u16>,
    /// Whether NIP-42 authentication is needed before anything else.
    pub auth_required: Option<bool>,
    /// Whether the relay needs payment before use.
    pub payment_required: Option<bool>,
    /// Whether writes are restricted by some condition (payment, allow-list, ...).
    pub restricted_writes: Option<bool>,
    /// How far in the past `created_at` may lie, in seconds.
    pub created_at_lower_limit: Option<u64>,
    /// How far in the future `created_at` may lie, in seconds.
    pub created_at_upper_limit: Option<u64>,
    /// The `limit` applied to a filter that has none.
    pub default_limit: Option<u64>,
}

/// The typed subset of a NIP-11 relay information document that the client uses.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RelayInformation {
    /// The relay's name.
    pub name: Option<String>,
    /// Free-text description.
    pub description: Option<String>,
    /// Administrative contact public key (dropped when not 64 hex digits).
    pub pubkey: Option<PublicKey>,
    /// Alternative administrative contact (URI).
    pub contact: Option<String>,
    /// NIP numbers the relay supports, sorted and deduplicated.
    pub supported_nips: Vec<u16>,
    /// URL of the relay software.
    pub software: Option<String>,
    /// Version of the relay software.
    pub version: Option<String>,
    /// Limits the relay announces.
    pub limitation: RelayLimitation,
}

impl RelayInformation {
    /// Parses a document of at most [`MAX_DOCUMENT_BYTES`] bytes.
    pub fn parse(body: &[u8]) -> Result<Self, Nip11Error> {
        Self::parse_with_limit(body, MAX_DOCUMENT_BYTES)
    }

    /// Parses a document of at most `max` bytes; odd fields are dropped, never fatal.
    pub fn parse_with_limit(body: &[u8], max: usize) -> Result<Self, Nip11Error> {
        if body.len() > max {
            return Err(Nip11Error::TooLarge { max });
        }
        // Some servers prefix a UTF-8 byte order mark, which serde_json rejects.
        let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        let value: Value =
            serde_json::from_slice(body).map_err(|e| Nip11Error::NotJson(Arc::new(e)))?;
        match value {
            Value::Object(doc) => Ok(Self::from_object(&doc)),
            _ => Err(Nip11Error::NotObject),
        }
    }

    fn from_object(doc: &Map<String, Value>) -> Self {
        let mut supported_nips: Vec<u16> = match doc.get("supported_nips") {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(lenient_u64)
                .filter_map(|n| u16::try_from(n).ok())
                .collect(),
            _ => Vec::new(),
        };
        supported_nips.sort_unstable();
        supported_nips.dedup();
        let limitation = match doc.get("limitation") {
            Some(Value::Object(l)) => RelayLimitation::from_object(l),
            _ => RelayLimitation::default(),
        };
        Self {
            name: string_field(doc, "name"),
            description: string_field(doc, "description"),
            pubkey: string_field(doc, "pubkey")
                .and_then(|hex| PublicKey::from_hex(&hex.to_ascii_lowercase()).ok()),
            contact: string_field(doc, "contact"),
            supported_nips,
            software: string_field(doc, "software"),
            version: string_field(doc, "version"),
            limitation,
        }
    }

    /// Whether the relay lists `nip` in `supported_nips`.
    pub fn supports_nip(&self, nip: u16) -> bool {
        self.supported_nips.binary_search(&nip).is_ok()
    }

    /// The limits the connections worker enforces; 0 means "no limit announced".
    pub fn limits(&self) -> RelayLimits {
        // A 0 would stall every subscription; relays that send it mean "unset".
        let count = |v: Option<u64>| {
            v.filter(|&n| n > 0)
                .map(|n| usize::try_from(n).unwrap_or(usize::MAX))
        };
        RelayLimits {
            max_subscriptions: count(self.limitation.max_subscriptions),
            max_filters: count(self.limitation.max_filters),
            max_limit: count(self.limitation.max_limit),
            // Below a few kilobytes no real relay works: a smaller figure is a misconfiguration,
            // and obeying it would refuse every event locally.
            max_message_length: count(self.limitation.max_message_length)
                .filter(|&n| n >= MIN_MESSAGE_LENGTH),
            auth_required: self.limitation.auth_required.unwrap_or(false),
        }
    }
}

/// The smallest `max_message_length` taken at its word (see [`RelayInformation::limits`]).
pub const MIN_MESSAGE_LENGTH: usize = 4096;

impl RelayLimitation {
    fn from_object(l: &Map<String, Value>) -> Self {
        let num = |key: &str| l.get(key).and_then(lenient_u64);
        let flag = |key: &str| l.get(key).and_then(lenient_bool);
        Self {
            max_message_length: num("max_message_length"),
            max_subscriptions: num("max_subscriptions"),
            max_filters: num("max_filters"),
            max_limit: num("max_limit"),
            max_subid_length: num("max_subid_length"),
            max_event_tags: num("max_event_tags"),
            max_content_length: num("max_content_length"),
            min_pow_difficulty: num("min_pow_difficulty").map(|d| {
                u16::try_from(d.min(u64::from(MAX_POW_DIFFICULTY))).unwrap_or(MAX_POW_DIFFICULTY)
            }),
            auth_required: flag("auth_required"),
            payment_required: flag("payment_required"),
            restricted_writes: flag("restricted_writes"),
            created_at_lower_limit: num("created_at_lower_limit"),
            created_at_upper_limit: num("created_at_upper_limit"),
            default_limit: num("default_limit"),
        }
    }
}

/// A non-empty string field, trimmed; any other type counts as absent.
fn string_field(doc: &Map<String, Value>, key: &str) -> Option<String> {
    match doc.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => None,
    }
}

/// A non-negative integer from a number or a numeric string (relays send both); negative, NaN
/// or non-numeric values are absent, fractions are truncated, huge values saturate.
fn lenient_u64(value: &Value) -> Option<u64> {
    match value {
        Value::Number(n) => number_u64(n),
        Value::String(s) => {
            let s = s.trim();
            s.parse::<u64>()
                .ok()
                .or_else(|| s.parse::<f64>().ok().and_then(float_u64))
        }
        _ => None,
    }
}

fn number_u64(n: &Number) -> Option<u64> {
    if let Some(u) = n.as_u64() {
        return Some(u);
    }
    if n.is_i64() {
        return None; // negative
    }
    n.as_f64().and_then(float_u64)
}

fn float_u64(f: f64) -> Option<u64> {
    // `as` saturates, so 1e30 becomes u64::MAX rather than wrapping.
    (f.is_finite() && f >= 0.0).then_some(f as u64)
}

/// A boolean from `true`/`false`, the strings `"true"`/`"false"`, or the numbers 0 and 1.
fn lenient_bool(value: &Value) -> Option<bool> {
    match value {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.trim().to_ascii_lowercase().as_str() {
            "true" => Some(true),
            "false" => Some(false),
            _ => None,
        },
        Value::Number(n) => match n.as_u64() {
            Some(0) => Some(false),
            Some(1) => Some(true),
            _ => None,
        },
        _ => None,
    }
}

/// The HTTP URL of a relay's information document: `ws` becomes `http`, `wss` becomes `https`;
/// host, port, path and query are kept.
pub fn nip11_http_url(relay: &RelayUrl) -> String {
    let url = relay.url().as_str();
    // RelayUrl guarantees a ws:// or wss:// scheme, so the prefix is always there.
    match url.strip_prefix("ws") {
        Some(rest) => format!("http{rest}"),
        None => url.to_owned(),
    }
}

#[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
pub use fetch::{Nip11Config, Nip11Fetcher};

#[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
mod fetch {
    use std::collections::HashMap;
    use std::fmt;
    use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
    use std::time::{Duration, Instant};

    use futures::FutureExt;
    use futures::future::{BoxFuture, Shared};

    use super::{MAX_DOCUMENT_BYTES, Nip11Error, RelayInformation, nip11_http_url};
    use crate::protocol::RelayUrl;

    /// Timeouts, size cap and cache lifetimes of a [`Nip11Fetcher`].
    #[derive(Debug, Clone)]
    pub struct Nip11Config {
        /// Whole-request timeout, body included.
        pub timeout: Duration,
        /// Largest body read; longer ones fail with [`Nip11Error::TooLarge`].
        pub max_body: usize,
        /// How long a fetched document is reused.
        pub success_ttl: Duration,
        /// How long a failure is reused before the relay is asked again.
        pub failure_ttl: Duration,
        /// Most relays remembered; expired entries go first when full.
        pub max_entries: usize,
    }

    impl Default for Nip11Config {
        fn default() -> Self {
            Self {
                timeout: Duration::from_secs(5),
                max_body: MAX_DOCUMENT_BYTES,
                success_ttl: Duration::from_secs(60 * 60),
                failure_ttl: Duration::from_secs(5 * 60),
                max_entries: 4096,
            }
        }
    }

    type Outcome = Result<Arc<RelayInformation>, Nip11Error>;
    type SharedFetch = Shared<BoxFuture<'static, Outcome>>;

    enum CachedEntry {
        /// A fetch is running; concurrent callers await the same one.
        InFlight(SharedFetch),
        /// A finished fetch, reused until `expires` (`None`: a TTL too large to add).
        Done {
            outcome: Outcome,
            expires: Option<Instant>,
        },
    }

    type Cache = Arc<Mutex<HashMap<RelayUrl, CachedEntry>>>;

    fn lock(cache: &Cache) -> MutexGuard<'_, HashMap<RelayUrl, CachedEntry>> {
        // The map stays consistent even if a holder panicked: every update is one insert.
        cache.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Fetches relay information documents over HTTP(S), once per relay: concurrent callers for
    /// the same relay share one request, and failures are remembered for `failure_ttl`.
    #[derive(Clone)]
    pub struct Nip11Fetcher {
        client: reqwest::Client,
        config: Nip11Config,
        cache: Cache,
    }

    impl fmt::Debug for Nip11Fetcher {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.debug_struct("Nip11Fetcher")
                .field("config", &self.config)
                .field("cached", &lock(&self.cache).len())
                .finish()
        }
    }

    impl Nip11Fetcher {
        /// A fetcher with the default configuration (5 s timeout, 64 KiB cap).
        pub fn new() -> Result<Self, Nip11Error> {
            Self::with_config(Nip11Config::default())
        }

        /// A fetcher with the given configuration.
        pub fn with_config(config: Nip11Config) -> Result<Self, Nip11Error> {
            let client = reqwest::Client::builder()
                .timeout(config.timeout)
                .connect_timeout(config.timeout)
                .redirect(reqwest::redirect::Policy::limited(3))
                .build()
                .map_err(|e| Nip11Error::Transport(Arc::new(e)))?;
            Ok(Self {
                client,
                config,
                cache: Arc::default(),
            })
        }

        /// The relay's document: from the cache while fresh, else fetched (one request per relay
        /// however many callers wait for it).
        pub async fn fetch(&self, relay: &RelayUrl) -> Outcome {
            let shared = {
                let mut cache = lock(&self.cache);
                let now = Instant::now();
                match cache.get(relay) {
                    Some(CachedEntry::Done { outcome, expires })
                        if expires.is_none_or(|t| t > now) =>
                    {
                        return outcome.clone();
                    }
                    Some(CachedEntry::InFlight(fetch)) => fetch.clone(),
                    _ => {
                        make_room(&mut cache, now, self.config.max_entries);
                        let fetch = self.start(relay.clone());
                        cache.insert(relay.clone(), CachedEntry::InFlight(fetch.clone()));
                        fetch
                    }
                }
            };
            shared.await
        }

        /// The cached outcome for a relay, if one is fresh; never starts a request.
        pub fn cached(&self, relay: &RelayUrl) -> Option<Outcome> {
            let now = Instant::now();
            match lock(&self.cache).get(relay) {
                Some(CachedEntry::Done { outcome, expires }) if expires.is_none_or(|t| t > now) => {
                    Some(outcome.clone())
                }
                _ => None,
            }
        }

        /// The request as a shared future that records its own outcome in the cache, so the
        /// outcome is kept even when every caller that awaited it has gone away.
        fn start(&self, relay: RelayUrl) -> SharedFetch {
            let client = self.client.clone();
            let cache = self.cache.clone();
            let config = self.config.clone();
            async move {
                let url = nip11_http_url(&relay);
                let outcome = match tokio::time::timeout(
                    config.timeout,
                    get_document(&client, &url, &config),
                )
                .await
                {
                    Ok(result) => result.map(Arc::new),
                    Err(_) => Err(Nip11Error::Timeout {
                        timeout: config.timeout,
                    }),
                };
                if let Err(e) = &outcome {
                    tracing::debug!(relay = %relay, error = %e, "no NIP-11 document");
                }
                let ttl = if outcome.is_ok() {
                    config.success_ttl
                } else {
                    config.failure_ttl
                };
                let entry = CachedEntry::Done {
                    outcome: outcome.clone(),
                    expires: Instant::now().checked_add(ttl),
                };
                lock(&cache).insert(relay, entry);
                outcome
            }
            .boxed()
            .shared()
        }
    }

    /// Drops expired entries when the cache is full, then any finished one if still full.
    fn make_room(cache: &mut HashMap<RelayUrl, CachedEntry>, now: Instant, max: usize) {
        if cache.len() < max {
            return;
        }
        cache.retain(|_, entry| match entry {
            CachedEntry::Done { expires, .. } => expires.is_none_or(|t| t > now),
            CachedEntry::InFlight(_) => true,
        });
        if cache.len() >= max {
            let victim = cache
                .iter()
                .find(|(_, entry)| matches!(entry, CachedEntry::Done { .. }))
                .map(|(url, _)| url.clone());
            if let Some(url) = victim {
                cache.remove(&url);
            }
        }
    }

    async fn get_document(
        client: &reqwest::Client,
        url: &str,
        config: &Nip11Config,
    ) -> Result<RelayInformation, Nip11Error> {
        let timeout = config.timeout;
        let transport = |e: reqwest::Error| {
            if e.is_timeout() {
                Nip11Error::Timeout { timeout }
            } else {
                Nip11Error::Transport(Arc::new(e))
            }
        };
        let mut response = client
            .get(url)
            .header(reqwest::header::ACCEPT, "application/nostr+json")
            .send()
            .await
            .map_err(transport)?;
        let status = response.status();
        if !status.is_success() {
            return Err(Nip11Error::Status {
                status: status.as_u16(),
            });
        }
        let max = config.max_body;
        if response
            .content_length()
            .is_some_and(|len| len > max as u64)
        {
            return Err(Nip11Error::TooLarge { max });
        }
        // Bounded: stops past `max` bytes, and the caller's timeout ends a trickling body.
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(transport)? {
            if body.len() + chunk.len() > max {
                return Err(Nip11Error::TooLarge { max });
            }
            body.extend_from_slice(&chunk);
        }
        RelayInformation::parse_with_limit(&body, max)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // fixtures are literals

    use super::*;

    fn parse(json: &str) -> RelayInformation {
        RelayInformation::parse(json.as_bytes()).unwrap()
    }

    #[test]
    fn full_document_like_strfry() {
        let info = parse(
            r#"{
              "name": "nos.lol",
              "description": "Generally accepts notes, except spammy ones.",
              "pubkey": "4C800257A588A82849D049817C2BDAAD984B25A45AD9F6DAD66E47D3B47E3B2F",
              "contact": "mailto:admin@nos.lol",
              "supported_nips": [1, 2, 4, 9, 11, 22, 28, 40, 70, 77, 11],
              "software": "git+https://github.com/hoytech/strfry.git",
              "version": "1.0.4",
              "icon": "https://nos.lol/icon.png",
              "retention": [{"kinds": [0, 3], "time": null}],
              "fees": {"admission": [{"amount": 1000000, "unit": "msats"}]},
              "limitation": {
                "max_message_length": 131072,
                "max_subscriptions": 20,
                "max_filters": 10,
                "max_limit": 500,
                "max_subid_length": 71,
                "max_event_tags": 2000,
                "max_content_length": 65536,
                "min_pow_difficulty": 0,
                "auth_required": false,
                "payment_required": false,
                "restricted_writes": false,
                "created_at_lower_limit": 94608000,
                "created_at_upper_limit": 300,
                "default_limit": 100
              }
            }"#,
        );
        assert_eq!(info.name.as_deref(), Some("nos.lol"));
        assert_eq!(info.contact.as_deref(), Some("mailto:admin@nos.lol"));
        assert_eq!(
            info.pubkey.unwrap().to_hex(),
            "4c800257a588a82849d049817c2bdaad984b25a45ad9f6dad66e47d3b47e3b2f"
        );
        assert_eq!(info.supported_nips, [1, 2, 4, 9, 11, 22, 28, 40, 70, 77]);
        assert!(info.supports_nip(11) && !info.supports_nip(42));
        assert_eq!(info.version.as_deref(), Some("1.0.4"));
        let l = info.limitation;
        assert_eq!(l.max_message_length, Some(131_072));
        assert_eq!(l.max_subid_length, Some(71));
        assert_eq!(l.max_event_tags, Some(2000));
        assert_eq!(l.max_content_length, Some(65_536));
        assert_eq!(l.min_pow_difficulty, Some(0));
        assert_eq!(l.auth_required, Some(false));
        assert_eq!(l.created_at_lower_limit, Some(94_608_000));
        assert_eq!(l.created_at_upper_limit, Some(300));
        assert_eq!(l.default_limit, Some(100));
        assert_eq!(
            info.limits(),
            RelayLimits {
                max_subscriptions: Some(20),
                max_filters: Some(10),
                max_limit: Some(500),
                max_message_length: Some(131_072),
                auth_required: false,
            }
        );
    }

    #[test]
    fn odd_fields_are_dropped_not_fatal() {
        let info = parse(
            r#"{
              "name": 42,
              "description": "   ",
              "pubkey": "npub1notahexkey",
              "contact": ["a@b"],
              "supported_nips": ["1", 11, "42", -1, 70000, 1.0, "nip-50", null, {"n": 9}],
              "software": null,
              "version": "v0.9",
              "limitation": {
                "max_message_length": "16384",
                "max_subscriptions": -5,
                "max_filters": "lots",
                "max_limit": 5000.7,
                "max_subid_length": 1e30,
                "max_event_tags": true,
                "max_content_length": "-1",
                "min_pow_difficulty": 9999,
                "auth_required": "true",
                "payment_required": 1,
                "restricted_writes": "maybe",
                "created_at_lower_limit": {},
                "default_limit": " 20 "
              }
            }"#,
        );
        assert_eq!(info.name, None);
        assert_eq!(info.description, None);
        assert_eq!(info.pubkey, None);
        assert_eq!(info.contact, None);
        assert_eq!(info.supported_nips, [1, 11, 42]);
        assert_eq!(info.software, None);
        assert_eq!(info.version.as_deref(), Some("v0.9"));
        let l = info.limitation;
        assert_eq!(l.max_message_length, Some(16_384));
        assert_eq!(l.max_subscriptions, None);
        assert_eq!(l.max_filters, None);
        assert_eq!(l.max_limit, Some(5000));
        assert_eq!(l.max_subid_length, Some(u64::MAX));
        assert_eq!(l.max_event_tags, None);
        assert_eq!(l.max_content_length, None);
        assert_eq!(l.min_pow_difficulty, Some(256));
        assert_eq!(l.auth_required, Some(true));
        assert_eq!(l.payment_required, Some(true));
        assert_eq!(l.restricted_writes, None);
        assert_eq!(l.created_at_lower_limit, None);
        assert_eq!(l.default_limit, Some(20));
        assert_eq!(
            info.limits(),
            RelayLimits {
                max_limit: Some(5000),
                max_message_length: Some(16_384),
                auth_required: true,
                ..RelayLimits::default()
            }
        );
    }

    #[test]
    fn zero_limits_mean_unset_and_huge_ones_saturate() {
        let info = parse(
            r#"{"limitation": {"max_subscriptions": 0, "max_filters": 18446744073709551615}}"#,
        );
        assert_eq!(
            info.limits(),
            RelayLimits {
                max_subscriptions: None,
                max_filters: Some(usize::MAX),
                ..RelayLimits::default()
            }
        );
    }

    #[test]
    fn minimal_and_empty_documents() {
        assert_eq!(parse("{}"), RelayInformation::default());
        // Wrong-typed containers are ignored as a whole, not fatal.
        let info = parse(r#"{"supported_nips": "1,11", "limitation": [1, 2]}"#);
        assert!(info.supported_nips.is_empty());
        assert_eq!(info.limitation, RelayLimitation::default());
        // A byte order mark before the JSON is tolerated.
        let info = parse("\u{feff}{\"name\":\"bom\"}");
        assert_eq!(info.name.as_deref(), Some("bom"));
    }

    #[test]
    fn refuses_non_objects_non_json_and_oversized_bodies() {
        assert!(matches!(
            RelayInformation::parse(b"[1,2]"),
            Err(Nip11Error::NotObject)
        ));
        assert!(matches!(
            RelayInformation::parse(b"<html>Please use a Nostr client</html>"),
            Err(Nip11Error::NotJson(_))
        ));
        assert!(matches!(
            RelayInformation::parse(b""),
            Err(Nip11Error::NotJson(_))
        ));
        let big = format!("{{\"name\":\"{}\"}}", "x".repeat(MAX_DOCUMENT_BYTES));
        assert!(matches!(
            RelayInformation::parse(big.as_bytes()),
            Err(Nip11Error::TooLarge {
                max: MAX_DOCUMENT_BYTES
            })
        ));
        // Deep nesting is refused by serde_json's recursion limit, not a stack overflow.
        let deep = format!("{{\"x\":{}{}}}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(matches!(
            RelayInformation::parse(deep.as_bytes()),
            Err(Nip11Error::NotJson(_))
        ));
    }

    #[test]
    fn http_url_keeps_host_port_path_and_query() {
        let cases = [
            ("wss://relay.example.com", "https://relay.example.com/"),
            ("ws://127.0.0.1:7777", "http://127.0.0.1:7777/"),
            ("wss://Relay.Example.com:443/", "https://relay.example.com/"),
            (
                "wss://example.com:8443/nostr/",
                "https://example.com:8443/nostr/",
            ),
            ("ws://[::1]:80/a?b=c", "http://[::1]/a?b=c"),
            ("ws://example.com:443", "http://example.com:443/"),
        ];
        for (relay, http) in cases {
            let relay = RelayUrl::parse(relay).unwrap();
            assert_eq!(nip11_http_url(&relay), http, "{relay}");
        }
    }
}
