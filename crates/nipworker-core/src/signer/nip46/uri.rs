//! NIP-46 connection URIs: `bunker://<signer-pubkey>?relay=..&secret=..` (the client connects to
//! a known signer) and `nostrconnect://<client-pubkey>?relay=..&secret=..&name=..` (the client
//! shows it, e.g. as a QR code, and waits for the signer). Secrets are redacted from `Debug`.

use std::fmt;

use url::Url;
use zeroize::Zeroizing;

use super::Nip46Error;
use crate::protocol::{PublicKey, RelayUrl};

/// The one-time secret of a NIP-46 connection: erased on drop, never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct Nip46Secret(Zeroizing<String>);

impl Nip46Secret {
    /// Wraps a secret.
    pub fn new(secret: impl Into<String>) -> Self {
        Self(Zeroizing::new(secret.into()))
    }

    /// A fresh random secret (128 bits, hex).
    pub fn generate() -> Result<Self, Nip46Error> {
        let mut bytes = Zeroizing::new([0u8; 16]);
        getrandom::fill(bytes.as_mut_slice()).map_err(|_| Nip46Error::Randomness)?;
        Ok(Self::new(hex::encode(bytes.as_slice())))
    }

    /// The secret itself, for the protocol messages that must carry it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Nip46Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Nip46Secret(<redacted>)")
    }
}

/// `bunker://<remote-signer-pubkey>?relay=wss://..&relay=..&secret=..`
#[derive(Clone, PartialEq, Eq)]
pub struct BunkerUri {
    /// The remote signer's key (it may differ from the user's key).
    pub remote_signer: PublicKey,
    /// Relays the signer listens on.
    pub relays: Vec<RelayUrl>,
    /// Optional connection secret.
    pub secret: Option<Nip46Secret>,
}

/// `nostrconnect://<client-pubkey>?relay=..&secret=..&name=..`
#[derive(Clone, PartialEq, Eq)]
pub struct NostrConnectUri {
    /// The client's session key.
    pub client: PublicKey,
    /// Relays the client listens on.
    pub relays: Vec<RelayUrl>,
    /// The secret the signer must send back (required by NIP-46 for this flow).
    pub secret: Nip46Secret,
    /// The app's name, shown by the signer.
    pub name: Option<String>,
}

/// Longest URI accepted: a handful of relays and a name fit easily.
const MAX_URI_LEN: usize = 8192;
/// Most relays read from one URI.
const MAX_RELAYS: usize = 16;

struct Parts {
    key: PublicKey,
    relays: Vec<RelayUrl>,
    secret: Option<Nip46Secret>,
    name: Option<String>,
}

fn parse(input: &str, scheme: &'static str) -> Result<Parts, Nip46Error> {
    let input = input.trim();
    if input.len() > MAX_URI_LEN {
        return Err(Nip46Error::InvalidUri("URI too long"));
    }
    let url = Url::parse(input).map_err(|_| Nip46Error::InvalidUri("not a URI"))?;
    if url.scheme() != scheme {
        return Err(Nip46Error::InvalidUri("wrong scheme"));
    }
    let host = url
        .host_str()
        .ok_or(Nip46Error::InvalidUri("missing public key"))?;
    let key =
        PublicKey::from_hex(host).map_err(|_| Nip46Error::InvalidUri("invalid public key"))?;
    let mut relays = Vec::new();
    let mut secret = None;
    let mut name = None;
    for (k, v) in url.query_pairs() {
        match k.as_ref() {
            "relay" => {
                if relays.len() >= MAX_RELAYS {
                    return Err(Nip46Error::InvalidUri("too many relays"));
                }
                let relay =
                    RelayUrl::parse(&v).map_err(|_| Nip46Error::InvalidUri("invalid relay URL"))?;
                if !relays.contains(&relay) {
                    relays.push(relay);
                }
            }
            "secret" => secret = Some(Nip46Secret::new(v.into_owned())),
            "name" => name = Some(v.into_owned()),
            _ => {}
        }
    }
    if relays.is_empty() {
        return Err(Nip46Error::InvalidUri("no relay"));
    }
    Ok(Parts {
        key,
        relays,
        secret,
        name,
    })
}

fn write(scheme: &str, key: &PublicKey, relays: &[RelayUrl], extra: &[(&str, &str)]) -> String {
    let mut url = format!("{scheme}://{key}?");
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    for relay in relays {
        query.append_pair("relay", relay.as_str());
    }
    for (k, v) in extra {
        query.append_pair(k, v);
    }
    url.push_str(&query.finish());
    url
}

impl BunkerUri {
    /// Parses a `bunker://` URI.
    pub fn parse(input: &str) -> Result<Self, Nip46Error> {
        let parts = parse(input, "bunker")?;
        Ok(Self {
            remote_signer: parts.key,
            relays: parts.relays,
            secret: parts.secret,
        })
    }

    /// The URI text, secret included (handle it like the secret itself).
    pub fn expose_uri(&self) -> String {
        let secret = self.secret.as_ref().map(|s| ("secret", s.expose()));
        write(
            "bunker",
            &self.remote_signer,
            &self.relays,
            secret.as_slice(),
        )
    }
}

impl NostrConnectUri {
    /// Parses a `nostrconnect://` URI; its secret is required.
    pub fn parse(input: &str) -> Result<Self, Nip46Error> {
        let parts = parse(input, "nostrconnect")?;
        Ok(Self {
            client: parts.key,
            relays: parts.relays,
            secret: parts
                .secret
                .ok_or(Nip46Error::InvalidUri("nostrconnect URI without secret"))?,
            name: parts.name,
        })
    }

    /// The URI text to show the signer (e.g. as a QR code), secret included.
    ///
    /// Besides NIP-46's `secret` and `name`, it carries the older `metadata={"name":..}`
    /// parameter, which signers built before the current NIP-46 text require.
    pub fn expose_uri(&self) -> String {
        let name = self.name.as_deref().unwrap_or("nipworker");
        let metadata = serde_json::json!({ "name": name }).to_string();
        let mut extra = vec![("secret", self.secret.expose())];
        if let Some(name) = &self.name {
            extra.push(("name", name.as_str()));
        }
        extra.push(("metadata", metadata.as_str()));
        write("nostrconnect", &self.client, &self.relays, &extra)
    }
}

impl fmt::Debug for BunkerUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BunkerUri")
            .field("remote_signer", &self.remote_signer)
            .field("relays", &self.relays)
            .field("secret", &self.secret)
            .finish()
    }
}

impl fmt::Debug for NostrConnectUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NostrConnectUri")
            .field("client", &self.client)
            .field("relays", &self.relays)
            .field("secret", &self.secret)
            .field("name", &self.name)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PK: &str = "79dff8f82963424e0bb02708a22e44b4980893e3a4be0fa3cb60a43b946764e3";

    #[test]
    fn bunker_uri_round_trip() {
        let uri = BunkerUri::parse(&format!(
            "bunker://{PK}?relay=wss%3A%2F%2Frelay.example&relay=wss://two.example&secret=s3cr3t"
        ))
        .unwrap();
        assert_eq!(uri.remote_signer.to_string(), PK);
        assert_eq!(uri.relays.len(), 2);
        assert_eq!(uri.secret.as_ref().unwrap().expose(), "s3cr3t");
        assert!(!format!("{uri:?}").contains("s3cr3t"));
        assert_eq!(BunkerUri::parse(&uri.expose_uri()).unwrap(), uri);
    }

    #[test]
    fn nostrconnect_uri_needs_a_secret() {
        let uri = NostrConnectUri::parse(&format!(
            "nostrconnect://{PK}?relay=wss://r.example&secret=abc&name=My%20App"
        ))
        .unwrap();
        assert_eq!(uri.name.as_deref(), Some("My App"));
        assert_eq!(NostrConnectUri::parse(&uri.expose_uri()).unwrap(), uri);
        assert!(!format!("{uri:?}").contains("abc"));
        assert!(NostrConnectUri::parse(&format!("nostrconnect://{PK}?relay=wss://r")).is_err());
    }

    #[test]
    fn bad_uris_are_typed_errors() {
        for bad in [
            "",
            "bunker://",
            "bunker://zz?relay=wss://r",
            &format!("bunker://{PK}"),
            &format!("bunker://{PK}?relay=notaurl"),
            &format!("nostrconnect://{PK}?relay=wss://r&secret=x"),
        ] {
            assert!(
                matches!(BunkerUri::parse(bad), Err(Nip46Error::InvalidUri(_))),
                "{bad}"
            );
        }
    }
}
