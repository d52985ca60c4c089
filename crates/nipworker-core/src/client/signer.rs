//! The signers a client can be given, as the app names them: a private key (hex or nsec), a
//! NIP-46 bunker URI (reached through the client's own connections worker), or any [`Signer`].

use std::sync::Arc;
use std::time::Duration;

use zeroize::Zeroizing;

use super::error::ClientError;
use crate::protocol::Keys;
use crate::protocol::RelayUrl;
use crate::signer::nip46::{BunkerUri, Nip46Error, Nip46Options, Nip46Relay, Nip46Signer};
use crate::signer::{PrivateKeySigner, Signer};
use tokio::sync::oneshot;

/// A signer to set on a client.
#[derive(Clone)]
pub enum SignerSpec {
    /// A private key, hex or `nsec` (kept zeroized; never logged).
    PrivateKey(Zeroizing<String>),
    /// A `bunker://` URI of a NIP-46 remote signer; connecting waits at most `timeout`.
    Bunker {
        /// The URI (its secret is zeroized with it).
        uri: Zeroizing<String>,
        /// Longest wait for the remote signer to answer the connect.
        timeout: Duration,
    },
    /// Any signer the app brings (NIP-07 in browsers, a hardware signer...).
    Custom(Arc<dyn Signer>),
}

impl std::fmt::Debug for SignerSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Secrets never reach a log line.
        match self {
            Self::PrivateKey(_) => f.write_str("PrivateKey(<redacted>)"),
            Self::Bunker { timeout, .. } => f
                .debug_struct("Bunker")
                .field("uri", &"<redacted>")
                .field("timeout", timeout)
                .finish(),
            Self::Custom(s) => f.debug_tuple("Custom").field(s).finish(),
        }
    }
}

impl SignerSpec {
    /// A private key in hex or `nsec`.
    pub fn private_key(secret: impl Into<String>) -> Self {
        Self::PrivateKey(Zeroizing::new(secret.into()))
    }

    /// A NIP-46 bunker URI, connecting within 30 s.
    pub fn bunker(uri: impl Into<String>) -> Self {
        Self::Bunker {
            uri: Zeroizing::new(uri.into()),
            timeout: Duration::from_secs(30),
        }
    }

    /// The signer, connected if it is remote.
    pub(crate) async fn connect(
        self,
        relay: Arc<dyn Nip46Relay>,
    ) -> Result<Arc<dyn Signer>, ClientError> {
        match self {
            Self::PrivateKey(secret) => Ok(Arc::new(PrivateKeySigner::parse(&secret)?)),
            Self::Bunker { uri, timeout } => {
                let uri = BunkerUri::parse(&uri)?;
                let options = Nip46Options {
                    connect_timeout: timeout,
                    ..Nip46Options::default()
                };
                // A fresh client key per session, as NIP-46 asks.
                let signer =
                    Nip46Signer::connect_bunker(&uri, Keys::generate(), relay, options).await?;
                Ok(Arc::new(signer))
            }
            Self::Custom(signer) => Ok(signer),
        }
    }
}

/// A `nostrconnect://` pairing under way: show [`NostrConnectPairing::uri`] to the user (a QR
/// code), then [`crate::NostrClient::finish_nostrconnect`] waits for their signer. The client
/// listens from the moment the pairing is made, so a quick scan is not missed.
#[derive(Debug)]
pub struct NostrConnectPairing {
    uri: String,
    answer: oneshot::Receiver<Result<Nip46Signer, Nip46Error>>,
}

impl NostrConnectPairing {
    /// The URI to hand to the remote signer (it holds a one-time secret: show it, do not log it).
    pub fn uri(&self) -> &str {
        &self.uri
    }

    /// Starts listening on `relays` for the signer that will scan the URI, for at most `timeout`;
    /// `timeout` also bounds each later answer of that signer (the user may have to approve).
    pub(crate) fn start(
        relay: Arc<dyn Nip46Relay>,
        relays: Vec<RelayUrl>,
        app_name: Option<String>,
        timeout: Duration,
    ) -> Result<Self, ClientError> {
        let keys = Keys::generate();
        let uri = Nip46Signer::nostrconnect_uri(&keys, relays, app_name)?;
        let shown = uri.expose_uri();
        let (tx, answer) = oneshot::channel();
        let options = Nip46Options {
            connect_timeout: timeout,
            request_timeout: timeout,
            ..Nip46Options::default()
        };
        // Ends when the signer answers or the timeouts pass.
        crate::runtime::spawn(async move {
            let result = Nip46Signer::connect_nostrconnect(&uri, keys, relay, options).await;
            let _ = tx.send(result);
        });
        Ok(Self { uri: shown, answer })
    }

    /// The connected signer.
    pub(crate) async fn finish(self) -> Result<Nip46Signer, ClientError> {
        match self.answer.await {
            Ok(result) => Ok(result?),
            Err(_) => Err(ClientError::Closed),
        }
    }
}
