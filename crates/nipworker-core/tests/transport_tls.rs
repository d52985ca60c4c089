//! `wss://` against a relay with a self-signed certificate (made here with rcgen, served on
//! 127.0.0.1 with tokio-rustls): refused by default, in every trust mode, and accepted once the
//! app adds that certificate as an extra root.
#![cfg(all(feature = "rustls", not(target_arch = "wasm32")))]
// Helpers outside #[test] functions may unwrap too: a failure there is a failed test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use futures::{SinkExt, StreamExt};
use nipworker_core::transport::{
    ConnectOptions, Incoming, RelayUrl, TlsFailure, TlsOptions, TokioWebSocket, TransportError,
    TrustRoots, WebSocketConnection, WebSocketTransport,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio::net::TcpListener;
use tokio::time::timeout;

const LIMIT: Duration = Duration::from_secs(10);

struct SelfSigned {
    der: CertificateDer<'static>,
    pem: String,
    key: Vec<u8>,
}

fn self_signed(names: &[&str]) -> SelfSigned {
    let names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    let certified = rcgen::generate_simple_self_signed(names).unwrap();
    SelfSigned {
        der: certified.cert.der().clone(),
        pem: certified.cert.pem(),
        key: certified.signing_key.serialize_der(),
    }
}

/// A wss echo server on 127.0.0.1 presenting `cert`.
async fn wss_echo(cert: &SelfSigned) -> SocketAddr {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(
            vec![cert.der.clone()],
            PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(cert.key.clone())),
        )
        .unwrap();
    let acceptor = tokio_rustls::TlsAcceptor::from(Arc::new(config));
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((tcp, _)) = listener.accept().await {
            let acceptor = acceptor.clone();
            tokio::spawn(async move {
                // A refused client aborts the TLS handshake; that is expected here.
                let Ok(tls) = acceptor.accept(tcp).await else {
                    return;
                };
                let Ok(mut ws) = tokio_tungstenite::accept_async(tls).await else {
                    return;
                };
                while let Some(Ok(msg)) = ws.next().await {
                    if msg.is_text() && ws.send(msg).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    addr
}

async fn connect(tls: TlsOptions, url: &str) -> Result<WebSocketConnection, TransportError> {
    let transport: Arc<dyn WebSocketTransport> = Arc::new(TokioWebSocket::new(tls)?);
    let url = RelayUrl::parse(url).unwrap();
    timeout(LIMIT, transport.connect(&url, &ConnectOptions::default()))
        .await
        .unwrap()
}

async fn assert_echo(mut conn: WebSocketConnection) {
    conn.sender
        .send_text("[\"REQ\",\"s\",{}]".into())
        .await
        .unwrap();
    let got = timeout(LIMIT, conn.receiver.recv()).await.unwrap();
    assert_eq!(got, Some(Incoming::Text("[\"REQ\",\"s\",{}]".into())));
}

fn untrusted(result: Result<WebSocketConnection, TransportError>) -> bool {
    matches!(
        result,
        Err(TransportError::Tls {
            kind: TlsFailure::UntrustedCertificate,
            ..
        })
    )
}

#[tokio::test]
async fn self_signed_relay_is_refused_by_default() {
    let cert = self_signed(&["127.0.0.1"]);
    let addr = wss_echo(&cert).await;
    let url = format!("wss://{addr}");
    for trust in [
        TrustRoots::Platform,
        TrustRoots::PlatformWithWebpkiFallback,
        TrustRoots::WebpkiOnly,
    ] {
        let tls = TlsOptions {
            trust,
            ..TlsOptions::default()
        };
        let result = connect(tls, &url).await;
        assert!(
            untrusted(result),
            "{trust:?} must refuse a self-signed cert"
        );
    }
}

#[tokio::test]
async fn self_signed_relay_is_accepted_once_its_certificate_is_added() {
    let cert = self_signed(&["127.0.0.1"]);
    let addr = wss_echo(&cert).await;
    let url = format!("wss://{addr}");
    for trust in [
        TrustRoots::Platform,
        TrustRoots::PlatformWithWebpkiFallback,
        TrustRoots::WebpkiOnly,
    ] {
        // As DER...
        let mut tls = TlsOptions {
            trust,
            ..TlsOptions::default()
        };
        tls.add_root_der(cert.der.to_vec());
        assert_echo(connect(tls, &url).await.unwrap()).await;

        // ...and as PEM.
        let mut tls = TlsOptions {
            trust,
            ..TlsOptions::default()
        };
        assert_eq!(tls.add_roots_pem(cert.pem.as_bytes()).unwrap(), 1);
        assert_echo(connect(tls, &url).await.unwrap()).await;
    }
}

#[tokio::test]
async fn trusting_one_relay_does_not_trust_another() {
    let trusted = self_signed(&["127.0.0.1"]);
    let other = self_signed(&["127.0.0.1"]);
    let addr = wss_echo(&other).await;
    let mut tls = TlsOptions::default();
    tls.add_root_der(trusted.der.to_vec());
    assert!(untrusted(connect(tls, &format!("wss://{addr}")).await));
}

#[tokio::test]
async fn certificate_for_another_name_is_a_name_mismatch() {
    let cert = self_signed(&["relay.example.com"]);
    let addr = wss_echo(&cert).await;
    let mut tls = TlsOptions::default();
    tls.add_root_der(cert.der.to_vec());
    let result = connect(tls, &format!("wss://{addr}")).await;
    assert!(
        matches!(
            result,
            Err(TransportError::Tls {
                kind: TlsFailure::NameMismatch,
                ..
            })
        ),
        "{:?}",
        result.err()
    );
}

#[tokio::test]
async fn bad_extra_roots_are_config_errors() {
    let mut tls = TlsOptions::default();
    assert!(matches!(
        tls.add_roots_pem(b"not a pem file"),
        Err(TransportError::Tls {
            kind: TlsFailure::Config,
            ..
        })
    ));
    let mut tls = TlsOptions::default();
    tls.add_root_der(b"definitely not DER".to_vec());
    assert!(matches!(
        TokioWebSocket::new(tls),
        Err(TransportError::Tls {
            kind: TlsFailure::Config,
            ..
        })
    ));
}

/// The same two facts through the platform's own TLS library.
#[cfg(feature = "native-tls")]
#[tokio::test]
async fn native_tls_refuses_then_accepts_with_extra_root() {
    use nipworker_core::transport::TlsBackend;
    let cert = self_signed(&["127.0.0.1"]);
    let addr = wss_echo(&cert).await;
    let url = format!("wss://{addr}");
    let tls = TlsOptions {
        backend: TlsBackend::NativeTls,
        ..TlsOptions::default()
    };
    assert!(matches!(
        connect(tls.clone(), &url).await,
        Err(TransportError::Tls { .. })
    ));
    let mut tls = tls;
    tls.add_root_der(cert.der.to_vec());
    assert_echo(connect(tls, &url).await.unwrap()).await;
}
