//! `RelayUrl`: a relay address in one canonical spelling, so the relay pool keys connections by it.
//!
//! Relay lists come from untrusted events (kind 10002, hints in tags): parsing never panics, and
//! every rejection is a typed [`RelayUrlError`]. What a person types into relay settings
//! (`relay.example.com`) is a different input with its own, forgiving door:
//! [`RelayUrl::from_user_input`].

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use thiserror::Error;
use url::{Position, Url};

/// Longest relay URL accepted, in bytes; longer ones are junk or abuse, not relays.
pub const MAX_RELAY_URL_LEN: usize = 2048;

/// Why a string is not a usable relay URL.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum RelayUrlError {
    /// The text does not parse as a URL at all.
    #[error("not a url: {0}")]
    Parse(#[from] url::ParseError),
    /// The scheme is not `ws` or `wss`.
    #[error("unsupported scheme {0:?}: relays use ws:// or wss://")]
    UnsupportedScheme(String),
    /// The URL carries a user name or password, which relays never use and which would leak.
    #[error("relay url must not contain user info")]
    UserInfo,
    /// The URL carries a `#fragment`, which has no meaning for a WebSocket.
    #[error("relay url must not contain a fragment")]
    Fragment,
    /// The URL has no host.
    #[error("relay url has no host")]
    MissingHost,
    /// The URL is longer than [`MAX_RELAY_URL_LEN`].
    #[error("relay url is {len} bytes, more than the {max} allowed")]
    TooLong {
        /// Length of the rejected input.
        len: usize,
        /// The limit, [`MAX_RELAY_URL_LEN`].
        max: usize,
    },
}

/// Normalizes relay URL text found in events (surrounding whitespace trimmed) to its canonical
/// spelling: `WSS://Relay.Example.com:443/` becomes `wss://relay.example.com`.
pub fn normalize_relay_url(input: &str) -> Result<String, RelayUrlError> {
    RelayUrl::parse(input.trim()).map(|url| url.as_str().to_owned())
}

/// A normalized `ws://` or `wss://` relay URL: lowercase scheme and host, no default port, no
/// trailing slash, no empty query, no user info, no fragment. Cheap to clone.
///
/// Two spellings of the same relay (`wss://Relay.Example.com:443/` and `wss://relay.example.com`)
/// compare, hash and print equal.
#[derive(Clone)]
pub struct RelayUrl {
    inner: Arc<Inner>,
}

struct Inner {
    /// The canonical text; equality, ordering and hashing use only this.
    text: String,
    /// The parsed form, kept for connecting (host, port, request path).
    url: Url,
}

fn is_any(scheme: &str, names: &[&str]) -> bool {
    names.iter().any(|n| scheme.eq_ignore_ascii_case(n))
}

/// An RFC 3986 scheme: a letter, then letters, digits, `+`, `-` or `.`.
fn is_scheme(s: &str) -> bool {
    let mut bytes = s.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

/// Turns what a person typed into relay settings into a canonical relay URL string (see
/// [`RelayUrl::from_user_input`]). Never use it on URLs from events.
pub fn normalize_user_relay_url(input: &str) -> Result<String, RelayUrlError> {
    RelayUrl::from_user_input(input).map(|url| url.as_str().to_owned())
}

impl RelayUrl {
    /// Reads a relay address as people type it: `relay.example.com`, `//relay.example.com` and
    /// `relay.example.com:7777` become `wss://...`, and a pasted `https://`/`http://` address
    /// becomes `wss://`/`ws://`. An explicit `ws://` stays plain. Everything else is checked as
    /// [`RelayUrl::parse`] checks it.
    ///
    /// Only for input a person typed: URLs from the network (tags, NIP-19 hints, relay lists)
    /// without a `ws(s)://` scheme are refused by [`RelayUrl::parse`], because a relay that
    /// publishes them is broken, and guessing would connect to hosts nobody named.
    pub fn from_user_input(input: &str) -> Result<Self, RelayUrlError> {
        let input = input.trim();
        if input.len() > MAX_RELAY_URL_LEN {
            return Err(RelayUrlError::TooLong {
                len: input.len(),
                max: MAX_RELAY_URL_LEN,
            });
        }
        let typed = match input.split_once(':') {
            // The url crate fills in missing slashes for special schemes (`wss:relay.io`).
            Some((scheme, rest)) if is_any(scheme, &["wss", "https"]) => format!("wss:{rest}"),
            Some((scheme, rest)) if is_any(scheme, &["ws", "http"]) => format!("ws:{rest}"),
            // Another scheme (`ftp://...`): left as typed, so the error names it.
            Some((scheme, rest)) if rest.starts_with("//") && is_scheme(scheme) => input.to_owned(),
            _ => match input.strip_prefix("//") {
                Some(rest) => format!("wss://{rest}"),
                None if input.is_empty() => String::new(),
                None => format!("wss://{input}"),
            },
        };
        Self::parse(&typed)
    }

    /// Parses and normalizes a relay URL.
    pub fn parse(input: &str) -> Result<Self, RelayUrlError> {
        if input.len() > MAX_RELAY_URL_LEN {
            return Err(RelayUrlError::TooLong {
                len: input.len(),
                max: MAX_RELAY_URL_LEN,
            });
        }
        let mut url = Url::parse(input.trim())?;
        match url.scheme() {
            "ws" | "wss" => {}
            other => return Err(RelayUrlError::UnsupportedScheme(other.to_owned())),
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err(RelayUrlError::UserInfo);
        }
        if url.fragment().is_some() {
            return Err(RelayUrlError::Fragment);
        }
        match url.host_str() {
            Some(host) if !host.is_empty() => {}
            _ => return Err(RelayUrlError::MissingHost),
        }
        if url.query() == Some("") {
            url.set_query(None);
        }
        // The url crate already lowercased scheme and host, punycoded IDNs and dropped the default
        // port for ws/wss (both are WHATWG "special" schemes); what is left is the trailing slash.
        let path = url.path().trim_end_matches('/');
        let mut text = String::with_capacity(url.as_str().len());
        text.push_str(&url[..Position::BeforePath]);
        text.push_str(path);
        if let Some(query) = url.query() {
            text.push('?');
            text.push_str(query);
        }
        Ok(Self {
            inner: Arc::new(Inner { text, url }),
        })
    }

    /// The canonical spelling, e.g. `wss://relay.example.com`.
    pub fn as_str(&self) -> &str {
        &self.inner.text
    }

    /// The parsed URL (its path is at least `/`), for building the HTTP upgrade request.
    pub fn url(&self) -> &Url {
        &self.inner.url
    }

    /// True for `wss://`.
    pub fn is_secure(&self) -> bool {
        self.inner.url.scheme() == "wss"
    }

    /// The host as written in the canonical form (IPv6 addresses in brackets).
    pub fn host_str(&self) -> &str {
        self.inner.url.host_str().unwrap_or_default()
    }

    /// The port to connect to: the explicit one, or 80 for `ws` and 443 for `wss`.
    pub fn port(&self) -> u16 {
        self.inner
            .url
            .port_or_known_default()
            .unwrap_or(if self.is_secure() { 443 } else { 80 })
    }
}

impl PartialEq for RelayUrl {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for RelayUrl {}

impl std::hash::Hash for RelayUrl {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl PartialOrd for RelayUrl {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for RelayUrl {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl fmt::Display for RelayUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for RelayUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RelayUrl({})", self.as_str())
    }
}

impl FromStr for RelayUrl {
    type Err = RelayUrlError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl TryFrom<&str> for RelayUrl {
    type Error = RelayUrlError;

    fn try_from(s: &str) -> Result<Self, Self::Error> {
        Self::parse(s)
    }
}

impl AsRef<str> for RelayUrl {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Serialize for RelayUrl {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for RelayUrl {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}
