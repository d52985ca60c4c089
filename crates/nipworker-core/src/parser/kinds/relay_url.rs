//! Relay URL normalization, so one relay written several ways is one relay: lowercase scheme
//! and host, no default port, no trailing slash, no fragment; only ws:// and wss:// pass.

use thiserror::Error;

/// Why a string is not a usable relay URL.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error)]
pub enum RelayUrlError {
    /// Nothing but whitespace.
    #[error("empty relay URL")]
    Empty,
    /// No `scheme://` prefix.
    #[error("relay URL has no scheme")]
    MissingScheme,
    /// A scheme other than ws or wss.
    #[error("relay URL scheme is not ws or wss")]
    UnsupportedScheme,
    /// User info (`user@`) is not allowed in relay URLs.
    #[error("relay URL carries user info")]
    UserInfo,
    /// An empty host or one with characters hosts cannot have.
    #[error("invalid relay host")]
    InvalidHost,
    /// A port that is not a number from 1 to 65535.
    #[error("invalid relay port")]
    InvalidPort,
    /// Whitespace or control characters inside the URL.
    #[error("relay URL contains whitespace or control characters")]
    InvalidCharacter,
}

/// Normalizes a relay URL: `WSS://Relay.Example.com:443/` becomes `wss://relay.example.com`.
pub fn normalize_relay_url(input: &str) -> Result<String, RelayUrlError> {
    let input = input.trim();
    if input.is_empty() {
        return Err(RelayUrlError::Empty);
    }
    if input.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(RelayUrlError::InvalidCharacter);
    }
    let (scheme, rest) = input
        .split_once("://")
        .ok_or(RelayUrlError::MissingScheme)?;
    let (scheme, default_port) = if scheme.eq_ignore_ascii_case("wss") {
        ("wss", 443)
    } else if scheme.eq_ignore_ascii_case("ws") {
        ("ws", 80)
    } else {
        return Err(RelayUrlError::UnsupportedScheme);
    };
    // The fragment never reaches the server.
    let rest = rest.split_once('#').map_or(rest, |(before, _)| before);
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, path_and_query) = rest.split_at(authority_end);
    if authority.contains('@') {
        return Err(RelayUrlError::UserInfo);
    }
    let (host, port) = split_host_port(authority)?;
    let (path, query) = match path_and_query.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (path_and_query, None),
    };
    let path = path.strip_suffix('/').unwrap_or(path);

    let mut out = String::with_capacity(input.len());
    out.push_str(scheme);
    out.push_str("://");
    out.push_str(&host);
    if let Some(port) = port.filter(|p| *p != default_port) {
        out.push(':');
        out.push_str(itoa::Buffer::new().format(port));
    }
    out.push_str(path);
    if let Some(query) = query.filter(|q| !q.is_empty()) {
        out.push('?');
        out.push_str(query);
    }
    Ok(out)
}

/// Splits `host[:port]` (or `[v6]:port`), lowercasing and checking the host.
fn split_host_port(authority: &str) -> Result<(String, Option<u16>), RelayUrlError> {
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (inner, after) = v6.split_once(']').ok_or(RelayUrlError::InvalidHost)?;
        if inner.is_empty() || !inner.chars().all(|c| c.is_ascii_hexdigit() || c == ':') {
            return Err(RelayUrlError::InvalidHost);
        }
        let port = match after {
            "" => None,
            p => Some(p.strip_prefix(':').ok_or(RelayUrlError::InvalidPort)?),
        };
        (format!("[{}]", inner.to_ascii_lowercase()), port)
    } else {
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        };
        let valid = !host.is_empty()
            && !host.starts_with(['.', '-'])
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_'));
        if !valid {
            return Err(RelayUrlError::InvalidHost);
        }
        (host.to_ascii_lowercase(), port)
    };
    let port = match port {
        None | Some("") => None,
        Some(p) => {
            if !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(RelayUrlError::InvalidPort);
            }
            match p.parse::<u16>() {
                Ok(0) | Err(_) => return Err(RelayUrlError::InvalidPort),
                Ok(n) => Some(n),
            }
        }
    };
    Ok((host, port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_the_common_spellings() {
        let cases = [
            ("wss://relay.damus.io", "wss://relay.damus.io"),
            ("wss://relay.damus.io/", "wss://relay.damus.io"),
            ("WSS://Relay.Damus.IO:443/", "wss://relay.damus.io"),
            ("ws://monad.jb55.com:8080", "ws://monad.jb55.com:8080"),
            ("ws://host:80/path/", "ws://host/path"),
            ("wss://host:80", "wss://host:80"),
            ("  wss://nos.lol  ", "wss://nos.lol"),
            ("wss://r.io/nostr?x=1#frag", "wss://r.io/nostr?x=1"),
            ("wss://r.io?", "wss://r.io"),
            ("wss://[::1]:7777/", "wss://[::1]:7777"),
            ("wss://[FE80::1]", "wss://[fe80::1]"),
            ("ws://127.0.0.1:4869", "ws://127.0.0.1:4869"),
            ("wss://Path.Case/KeepsCase", "wss://path.case/KeepsCase"),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_relay_url(input).as_deref(), Ok(want), "{input}");
        }
    }

    #[test]
    fn rejects_what_is_not_a_relay() {
        let cases = [
            ("", RelayUrlError::Empty),
            ("relay.damus.io", RelayUrlError::MissingScheme),
            ("https://relay.damus.io", RelayUrlError::UnsupportedScheme),
            ("wss://", RelayUrlError::InvalidHost),
            ("wss://bad host", RelayUrlError::InvalidCharacter),
            ("wss://user@host", RelayUrlError::UserInfo),
            ("wss://host:99999", RelayUrlError::InvalidPort),
            ("wss://host:0", RelayUrlError::InvalidPort),
            ("wss://host:abc", RelayUrlError::InvalidPort),
            ("wss://ho$t", RelayUrlError::InvalidHost),
            ("wss://[::1", RelayUrlError::InvalidHost),
            ("wss://[::1]x", RelayUrlError::InvalidPort),
            ("wss://rélay.io", RelayUrlError::InvalidHost),
        ];
        for (input, want) in cases {
            assert_eq!(normalize_relay_url(input), Err(want), "{input}");
        }
    }
}
