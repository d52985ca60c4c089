//! [`TokioWebSocket`]: relay connections on tokio-tungstenite, with TLS through rustls (ring
//! provider, OS trust store via rustls-platform-verifier) or native-tls, connect timeouts, ping/pong
//! keepalive and frame size limits. One spawned driver task per connection owns the socket.

use std::net::SocketAddr;

use futures::{SinkExt, StreamExt};
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio::sync::mpsc;
use tokio::time::{Instant, timeout};
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::protocol::frame::CloseFrame;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::{self, Message};
use url::Host;

use super::{
    CLOSE_NORMAL, ConnectFuture, ConnectOptions, Incoming, Outgoing, RelayUrl, SocketSide,
    TimeoutPhase, TransportError, WebSocketConnection, WebSocketTransport,
};

/// Which certificates a `wss://` connection trusts (rustls backend; native-tls always uses the
/// operating system's store). Extra roots from [`TlsOptions`] are trusted in every mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TrustRoots {
    /// The operating system's trust store and policy, through `rustls-platform-verifier`.
    #[default]
    Platform,
    /// The OS store first; when it cannot be loaded or does not know the issuer, the Mozilla roots
    /// bundled with `webpki-roots`. For minimal containers and devices with stale stores.
    PlatformWithWebpkiFallback,
    /// Only the bundled `webpki-roots`: the same answer on every machine, ignoring the OS.
    WebpkiOnly,
}

/// The TLS library used for `wss://`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TlsBackend {
    /// rustls with the `ring` crypto provider.
    #[cfg(feature = "rustls")]
    Rustls,
    /// The platform's TLS (OpenSSL, Secure Transport, SChannel) through `native-tls`.
    #[cfg(feature = "native-tls")]
    NativeTls,
    /// No TLS compiled in: `wss://` fails with [`TransportError::Unsupported`].
    Disabled,
}

impl Default for TlsBackend {
    fn default() -> Self {
        #[cfg(feature = "rustls")]
        return TlsBackend::Rustls;
        #[cfg(all(feature = "native-tls", not(feature = "rustls")))]
        return TlsBackend::NativeTls;
        #[cfg(not(any(feature = "rustls", feature = "native-tls")))]
        return TlsBackend::Disabled;
    }
}

/// TLS settings for [`TokioWebSocket`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TlsOptions {
    /// The TLS library.
    pub backend: TlsBackend,
    /// Where trusted roots come from.
    pub trust: TrustRoots,
    /// Certificates (DER) trusted as roots in addition to `trust`, e.g. a relay's self-signed one.
    pub extra_roots: Vec<Vec<u8>>,
}

impl TlsOptions {
    /// Trusts one more root certificate, given in DER.
    pub fn add_root_der(&mut self, der: impl Into<Vec<u8>>) -> &mut Self {
        self.extra_roots.push(der.into());
        self
    }

    /// Trusts every certificate in a PEM bundle; returns how many were added.
    #[cfg(any(feature = "rustls", feature = "native-tls"))]
    pub fn add_roots_pem(&mut self, pem: &[u8]) -> Result<usize, TransportError> {
        use rustls_pki_types::CertificateDer;
        use rustls_pki_types::pem::PemObject;
        let mut added = 0;
        for cert in CertificateDer::pem_slice_iter(pem) {
            let cert = cert.map_err(|e| tls_config(format!("bad PEM certificate: {e}")))?;
            self.extra_roots.push(cert.to_vec());
            added += 1;
        }
        if added == 0 {
            return Err(tls_config("no certificate in PEM input".to_owned()));
        }
        Ok(added)
    }
}

#[cfg(any(feature = "rustls", feature = "native-tls"))]
fn tls_config(detail: String) -> TransportError {
    TransportError::Tls {
        kind: super::TlsFailure::Config,
        detail,
    }
}

/// The TLS connector built once from [`TlsOptions`] and shared by every connection.
#[derive(Clone)]
enum Connector {
    #[cfg(feature = "rustls")]
    Rustls(tokio_rustls::TlsConnector),
    #[cfg(feature = "native-tls")]
    Native(tokio_native_tls::TlsConnector),
    Disabled,
}

impl std::fmt::Debug for Connector {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            #[cfg(feature = "rustls")]
            Connector::Rustls(_) => "Rustls",
            #[cfg(feature = "native-tls")]
            Connector::Native(_) => "NativeTls",
            Connector::Disabled => "Disabled",
        })
    }
}

/// WebSocket transport on Tokio and tokio-tungstenite. Build it once (loading the trust store
/// reads the OS certificates) and share it as `Arc<dyn WebSocketTransport>`.
#[derive(Debug, Clone)]
pub struct TokioWebSocket {
    connector: Connector,
}

impl TokioWebSocket {
    /// Builds the transport, loading trust roots now so a broken setup fails here, not per relay.
    pub fn new(tls: TlsOptions) -> Result<Self, TransportError> {
        let connector = match tls.backend {
            #[cfg(feature = "rustls")]
            TlsBackend::Rustls => Connector::Rustls(tokio_rustls::TlsConnector::from(
                rustls_backend::client_config(&tls)?,
            )),
            #[cfg(feature = "native-tls")]
            TlsBackend::NativeTls => Connector::Native(native_backend::connector(&tls)?),
            TlsBackend::Disabled => Connector::Disabled,
        };
        Ok(Self { connector })
    }

    async fn open(
        &self,
        url: &RelayUrl,
        config: WebSocketConfig,
    ) -> Result<WebSocketStream<Box<dyn Io>>, TransportError> {
        let port = url.port();
        let host = url.url().host().ok_or(TransportError::InvalidUrl(
            super::RelayUrlError::MissingHost,
        ))?;
        let tcp = match &host {
            Host::Domain(domain) => TcpStream::connect((*domain, port)).await,
            Host::Ipv4(ip) => TcpStream::connect(SocketAddr::new((*ip).into(), port)).await,
            Host::Ipv6(ip) => TcpStream::connect(SocketAddr::new((*ip).into(), port)).await,
        }
        .map_err(|e| TransportError::Connect {
            kind: e.kind(),
            detail: e.to_string(),
        })?;
        // Nostr frames are small and latency matters more than packet count.
        let _ = tcp.set_nodelay(true);

        let io: Box<dyn Io> = if url.is_secure() {
            self.tls_handshake(&host, tcp).await?
        } else {
            Box::new(tcp)
        };
        let (ws, _response) =
            tokio_tungstenite::client_async_with_config(url.url().as_str(), io, Some(config))
                .await
                .map_err(map_ws_error)?;
        Ok(ws)
    }

    async fn tls_handshake(
        &self,
        host: &Host<&str>,
        tcp: TcpStream,
    ) -> Result<Box<dyn Io>, TransportError> {
        match &self.connector {
            #[cfg(feature = "rustls")]
            Connector::Rustls(connector) => {
                use rustls::pki_types::ServerName;
                let name = match host {
                    Host::Domain(d) => ServerName::try_from((*d).to_owned())
                        .map_err(|e| tls_config(format!("bad server name: {e}")))?,
                    Host::Ipv4(ip) => ServerName::IpAddress(std::net::IpAddr::V4(*ip).into()),
                    Host::Ipv6(ip) => ServerName::IpAddress(std::net::IpAddr::V6(*ip).into()),
                };
                let stream = connector
                    .connect(name, tcp)
                    .await
                    .map_err(rustls_backend::map_handshake_error)?;
                Ok(Box::new(stream))
            }
            #[cfg(feature = "native-tls")]
            Connector::Native(connector) => {
                let name = match host {
                    Host::Domain(d) => (*d).to_owned(),
                    Host::Ipv4(ip) => ip.to_string(),
                    Host::Ipv6(ip) => ip.to_string(),
                };
                let stream =
                    connector
                        .connect(&name, tcp)
                        .await
                        .map_err(|e| TransportError::Tls {
                            kind: super::TlsFailure::Handshake,
                            detail: e.to_string(),
                        })?;
                Ok(Box::new(stream))
            }
            Connector::Disabled => {
                let _ = (host, tcp);
                Err(TransportError::Unsupported(
                    "wss:// needs the rustls or native-tls feature",
                ))
            }
        }
    }
}

impl WebSocketTransport for TokioWebSocket {
    fn connect<'a>(&'a self, url: &'a RelayUrl, options: &'a ConnectOptions) -> ConnectFuture<'a> {
        Box::pin(async move {
            // Spawning needs a runtime; report its absence instead of panicking inside tokio.
            let runtime = tokio::runtime::Handle::try_current()
                .map_err(|_| TransportError::Unsupported("TokioWebSocket needs a Tokio runtime"))?;
            let config = WebSocketConfig::default()
                .max_message_size(Some(options.max_message_size))
                .max_frame_size(Some(options.max_frame_size));
            let ws = timeout(options.connect_timeout, self.open(url, config))
                .await
                .map_err(|_| TransportError::Timeout(TimeoutPhase::Connect))??;
            let (connection, side) = WebSocketConnection::pair(options);
            runtime.spawn(drive(ws, side, options.clone(), url.clone()));
            Ok(connection)
        })
    }
}

/// The byte stream under a WebSocket: plain TCP or TLS over TCP.
trait Io: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Io for T {}

/// Owns one socket: moves frames between it and the connection's channels, sends keepalive pings
/// and ends with exactly one terminal item (unless the consumer is gone).
async fn drive(
    mut ws: WebSocketStream<Box<dyn Io>>,
    side: SocketSide,
    options: ConnectOptions,
    url: RelayUrl,
) {
    let SocketSide {
        mut outgoing,
        incoming,
    } = side;
    // Reading waits for room in the incoming queue first, so a slow consumer stops the reads
    // (TCP pushes back on the relay) rather than piling frames up in memory.
    let mut permit: Option<mpsc::OwnedPermit<Incoming>> = None;
    let mut ping = options.ping_interval.map(|every| {
        let mut interval = tokio::time::interval_at(Instant::now() + every, every);
        interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        interval
    });
    let mut pong_deadline: Option<Instant> = None;
    let mut sender_gone = false;

    let terminal: Option<Incoming> = loop {
        tokio::select! {
            biased;
            frame = ws.next(), if permit.is_some() => {
                // Any frame proves the peer is alive, not only a pong.
                pong_deadline = None;
                let item = match frame {
                    Some(Ok(Message::Text(text))) => Incoming::Text(text.as_str().to_owned()),
                    Some(Ok(Message::Binary(data))) => {
                        tracing::debug!(relay = %url, len = data.len(), "binary frame ignored");
                        Incoming::Binary { len: data.len() }
                    }
                    Some(Ok(Message::Ping(_) | Message::Pong(_) | Message::Frame(_))) => continue,
                    Some(Ok(Message::Close(frame))) => {
                        let (code, reason) = close_parts(frame);
                        // Let tungstenite send its echo of the close frame and see the socket end.
                        let _ = timeout(options.write_timeout, async {
                            while ws.next().await.is_some() {}
                        })
                        .await;
                        break Some(Incoming::Closed { code, reason });
                    }
                    Some(Err(e)) => break Some(Incoming::Error(map_ws_error(e))),
                    None => break Some(Incoming::Error(TransportError::Io {
                        kind: std::io::ErrorKind::UnexpectedEof,
                        detail: "connection ended without a close frame".to_owned(),
                    })),
                };
                if let Some(p) = permit.take() {
                    let _ = p.send(item);
                }
            }
            reserved = incoming.clone().reserve_owned(), if permit.is_none() => match reserved {
                Ok(p) => permit = Some(p),
                // The consumer dropped the receiver: nobody listens, so hang up politely.
                Err(_) => {
                    let _ = timeout(options.write_timeout, ws.close(None)).await;
                    break None;
                }
            },
            command = outgoing.recv(), if !sender_gone => match command {
                Some(Outgoing::Text(text)) => {
                    if let Err(e) = write(&mut ws, Message::text(text), &options).await {
                        break Some(Incoming::Error(e));
                    }
                }
                Some(Outgoing::Close { code, reason }) => {
                    let frame = CloseFrame { code: CloseCode::from(code), reason: reason.clone().into() };
                    let _ = timeout(options.write_timeout, async {
                        let _ = ws.close(Some(frame)).await;
                        while ws.next().await.is_some() {}
                    })
                    .await;
                    break Some(Incoming::Closed { code, reason });
                }
                // Every sender is gone: keep reading until the relay or the receiver ends it.
                None => sender_gone = true,
            },
            _ = tick(&mut ping) => {
                if pong_deadline.is_none() {
                    if let Err(e) = write(&mut ws, Message::Ping(Default::default()), &options).await {
                        break Some(Incoming::Error(e));
                    }
                    pong_deadline = Some(Instant::now() + options.pong_timeout);
                }
            }
            // Only while we are ready to read: a stalled consumer must not look like a dead peer.
            _ = tokio::time::sleep_until(pong_deadline.unwrap_or_else(Instant::now)),
                if pong_deadline.is_some() && permit.is_some() => {
                tracing::debug!(relay = %url, "no pong within {:?}", options.pong_timeout);
                break Some(Incoming::Error(TransportError::Timeout(TimeoutPhase::Pong)));
            }
        }
    };

    drop(ws);
    if let Some(item) = terminal {
        match permit {
            Some(p) => {
                let _ = p.send(item);
            }
            None => {
                let _ = incoming.send(item).await;
            }
        }
    }
}

async fn tick(ping: &mut Option<tokio::time::Interval>) {
    match ping {
        Some(interval) => {
            interval.tick().await;
        }
        None => std::future::pending().await,
    }
}

async fn write(
    ws: &mut WebSocketStream<Box<dyn Io>>,
    message: Message,
    options: &ConnectOptions,
) -> Result<(), TransportError> {
    match timeout(options.write_timeout, ws.send(message)).await {
        Ok(result) => result.map_err(map_ws_error),
        Err(_) => Err(TransportError::Timeout(TimeoutPhase::Write)),
    }
}

fn close_parts(frame: Option<CloseFrame>) -> (u16, String) {
    match frame {
        Some(frame) => (u16::from(frame.code), frame.reason.as_str().to_owned()),
        // RFC 6455 7.1.5: a close frame without a code reads as 1005, "no status received".
        None => (1005, String::new()),
    }
}

fn map_ws_error(error: tungstenite::Error) -> TransportError {
    use tungstenite::error::{CapacityError, ProtocolError};
    match error {
        tungstenite::Error::Capacity(CapacityError::MessageTooLong { size, max_size }) => {
            TransportError::FrameTooLarge {
                size,
                max: max_size,
            }
        }
        tungstenite::Error::Io(e) => TransportError::Io {
            kind: e.kind(),
            detail: e.to_string(),
        },
        tungstenite::Error::ConnectionClosed | tungstenite::Error::AlreadyClosed => {
            TransportError::Closed {
                code: CLOSE_NORMAL,
                reason: "connection already closed".to_owned(),
            }
        }
        tungstenite::Error::Protocol(ProtocolError::ResetWithoutClosingHandshake) => {
            TransportError::Io {
                kind: std::io::ErrorKind::ConnectionReset,
                detail: "connection reset without a closing handshake".to_owned(),
            }
        }
        tungstenite::Error::Http(response) => TransportError::HandshakeRejected {
            status: response.status().as_u16(),
        },
        other => TransportError::Protocol(other.to_string()),
    }
}

#[cfg(feature = "rustls")]
mod rustls_backend {
    //! rustls client configuration: the `ring` provider, the platform verifier, extra roots.

    use std::sync::Arc;

    use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
    use rustls::client::{ClientConfig, WebPkiServerVerifier};
    use rustls::crypto::CryptoProvider;
    use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
    use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};

    use super::{TlsOptions, TrustRoots, tls_config};
    use crate::transport::{TlsFailure, TransportError};

    /// Builds the shared client configuration. The crypto provider is passed explicitly (ring),
    /// so nothing depends on a process-wide default being installed first.
    pub(super) fn client_config(tls: &TlsOptions) -> Result<Arc<ClientConfig>, TransportError> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let extra: Vec<CertificateDer<'static>> = tls
            .extra_roots
            .iter()
            .map(|der| CertificateDer::from(der.clone()))
            .collect();
        let verifier: Arc<dyn ServerCertVerifier> = match tls.trust {
            TrustRoots::Platform => platform(extra, &provider)?,
            TrustRoots::PlatformWithWebpkiFallback => {
                let bundled = webpki(extra.clone(), true, &provider)?;
                match platform(extra, &provider) {
                    Ok(primary) => Arc::new(Fallback {
                        primary,
                        fallback: bundled,
                    }),
                    Err(e) => {
                        tracing::warn!("OS trust store unusable ({e}); using bundled roots");
                        bundled
                    }
                }
            }
            TrustRoots::WebpkiOnly => webpki(extra, true, &provider)?,
        };
        let config = ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(|e| tls_config(e.to_string()))?
            .dangerous()
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth();
        Ok(Arc::new(config))
    }

    /// The OS verifier, with the app's extra roots.
    fn platform(
        extra: Vec<CertificateDer<'static>>,
        provider: &Arc<CryptoProvider>,
    ) -> Result<Arc<dyn ServerCertVerifier>, TransportError> {
        use rustls_platform_verifier::Verifier;
        #[cfg(not(target_os = "android"))]
        {
            let verifier = if extra.is_empty() {
                Verifier::new(provider.clone())
            } else {
                Verifier::new_with_extra_roots(extra, provider.clone())
            };
            Ok(Arc::new(verifier.map_err(|e| tls_config(e.to_string()))?))
        }
        // Android's verifier has no extra-roots constructor: trust the extra roots through a
        // webpki verifier consulted when the platform does not know the issuer.
        #[cfg(target_os = "android")]
        {
            let primary: Arc<dyn ServerCertVerifier> =
                Arc::new(Verifier::new(provider.clone()).map_err(|e| tls_config(e.to_string()))?);
            if extra.is_empty() {
                return Ok(primary);
            }
            Ok(Arc::new(Fallback {
                primary,
                fallback: webpki(extra, false, provider)?,
            }))
        }
    }

    /// A webpki verifier over the extra roots, plus the bundled Mozilla roots if asked.
    fn webpki(
        extra: Vec<CertificateDer<'static>>,
        bundled: bool,
        provider: &Arc<CryptoProvider>,
    ) -> Result<Arc<dyn ServerCertVerifier>, TransportError> {
        let mut roots = RootCertStore::empty();
        if bundled {
            roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        }
        for cert in extra {
            roots
                .add(cert)
                .map_err(|e| tls_config(format!("extra root rejected: {e}")))?;
        }
        let verifier =
            WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
                .build()
                .map_err(|e| tls_config(e.to_string()))?;
        Ok(verifier)
    }

    /// Asks `primary`; only when it does not know the issuer, asks `fallback`. Expired, revoked
    /// or misnamed certificates stay refused.
    #[derive(Debug)]
    struct Fallback {
        primary: Arc<dyn ServerCertVerifier>,
        fallback: Arc<dyn ServerCertVerifier>,
    }

    impl ServerCertVerifier for Fallback {
        fn verify_server_cert(
            &self,
            end_entity: &CertificateDer<'_>,
            intermediates: &[CertificateDer<'_>],
            server_name: &ServerName<'_>,
            ocsp_response: &[u8],
            now: UnixTime,
        ) -> Result<ServerCertVerified, rustls::Error> {
            match self.primary.verify_server_cert(
                end_entity,
                intermediates,
                server_name,
                ocsp_response,
                now,
            ) {
                Err(rustls::Error::InvalidCertificate(
                    CertificateError::UnknownIssuer | CertificateError::Other(_),
                )) => self.fallback.verify_server_cert(
                    end_entity,
                    intermediates,
                    server_name,
                    ocsp_response,
                    now,
                ),
                other => other,
            }
        }

        fn verify_tls12_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, rustls::Error> {
            self.primary.verify_tls12_signature(message, cert, dss)
        }

        fn verify_tls13_signature(
            &self,
            message: &[u8],
            cert: &CertificateDer<'_>,
            dss: &DigitallySignedStruct,
        ) -> Result<HandshakeSignatureValid, rustls::Error> {
            self.primary.verify_tls13_signature(message, cert, dss)
        }

        fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
            self.primary.supported_verify_schemes()
        }
    }

    /// tokio-rustls reports TLS failures as `io::Error`s wrapping a `rustls::Error`.
    pub(super) fn map_handshake_error(error: std::io::Error) -> TransportError {
        let detail = error.to_string();
        let Some(tls) = error
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<rustls::Error>())
        else {
            return TransportError::Io {
                kind: error.kind(),
                detail,
            };
        };
        let kind = match tls {
            rustls::Error::InvalidCertificate(cert) => match cert {
                CertificateError::UnknownIssuer
                | CertificateError::BadSignature
                | CertificateError::UnhandledCriticalExtension => TlsFailure::UntrustedCertificate,
                CertificateError::Expired
                | CertificateError::ExpiredContext { .. }
                | CertificateError::NotValidYet
                | CertificateError::NotValidYetContext { .. } => TlsFailure::ExpiredCertificate,
                CertificateError::NotValidForName
                | CertificateError::NotValidForNameContext { .. } => TlsFailure::NameMismatch,
                _ => TlsFailure::BadCertificate,
            },
            _ => TlsFailure::Handshake,
        };
        TransportError::Tls { kind, detail }
    }
}

#[cfg(feature = "native-tls")]
mod native_backend {
    //! native-tls connector: the OS store and policy, plus the app's extra roots.

    use super::{TlsOptions, tls_config};
    use crate::transport::TransportError;

    pub(super) fn connector(
        tls: &TlsOptions,
    ) -> Result<tokio_native_tls::TlsConnector, TransportError> {
        let mut builder = native_tls::TlsConnector::builder();
        for der in &tls.extra_roots {
            let cert = native_tls::Certificate::from_der(der)
                .map_err(|e| tls_config(format!("extra root rejected: {e}")))?;
            builder.add_root_certificate(cert);
        }
        let connector = builder.build().map_err(|e| tls_config(e.to_string()))?;
        Ok(tokio_native_tls::TlsConnector::from(connector))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn tokio_websocket_is_send_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<TokioWebSocket>();
        assert_send_sync::<Arc<dyn WebSocketTransport>>();
    }
}
