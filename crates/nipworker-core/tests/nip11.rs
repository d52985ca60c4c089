//! `Nip11Fetcher` against a real HTTP/1.1 server on 127.0.0.1 that counts requests: the Accept
//! header, caching of documents and failures, shared concurrent fetches, timeouts, size caps,
//! redirects, and a nostr-relay-builder relay (which does not serve NIP-11).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on bad fixtures
#![cfg(feature = "tokio-runtime")]

mod relay_support;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use nipworker_core::client::nip11::{Nip11Config, Nip11Error, Nip11Fetcher, RelayInformation};
use nipworker_core::protocol::RelayUrl;
use nipworker_core::workers::connections::RelayLimits;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const DOCUMENT: &str = r#"{
  "name": "loopback relay",
  "pubkey": "4c800257a588a82849d049817c2bdaad984b25a45ad9f6dad66e47d3b47e3b2f",
  "supported_nips": [1, 11, 42],
  "software": "test",
  "version": "1",
  "limitation": {"max_subscriptions": "20", "max_filters": 4, "auth_required": false}
}"#;

/// Requests seen by the server: path and `Accept` header.
#[derive(Default)]
struct Server {
    requests: Mutex<Vec<(String, Option<String>)>>,
}

impl Server {
    fn hits(&self, path: &str) -> usize {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|(p, _)| p == path)
            .count()
    }
}

async fn write_response(sock: &mut TcpStream, status: &str, headers: &str, body: &str) {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n{headers}\r\n",
        body.len()
    );
    let _ = sock.write_all(head.as_bytes()).await;
    let _ = sock.write_all(body.as_bytes()).await;
}

async fn handle(mut sock: TcpStream, server: Arc<Server>) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 16 * 1024 {
        match sock.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let head = String::from_utf8_lossy(&buf).into_owned();
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let accept = head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.eq_ignore_ascii_case("accept")
            .then(|| value.trim().to_owned())
    });
    server.requests.lock().unwrap().push((path.clone(), accept));
    let json = "Content-Type: application/nostr+json\r\n";
    match path.as_str() {
        "/" => write_response(&mut sock, "200 OK", json, DOCUMENT).await,
        "/shared" => {
            tokio::time::sleep(Duration::from_millis(300)).await;
            write_response(&mut sock, "200 OK", json, DOCUMENT).await;
        }
        "/slow" => {
            tokio::time::sleep(Duration::from_secs(5)).await;
            write_response(&mut sock, "200 OK", json, DOCUMENT).await;
        }
        "/trickle" => {
            // Headers at once, then a body that never finishes within the timeout.
            let head = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\nConnection: close\r\n\r\n{";
            let _ = sock.write_all(head.as_bytes()).await;
            for _ in 0..50 {
                tokio::time::sleep(Duration::from_millis(100)).await;
                if sock.write_all(b" ").await.is_err() {
                    return;
                }
            }
        }
        "/huge-length" => {
            let body = format!("{{\"name\":\"{}\"}}", "x".repeat(1 << 20));
            write_response(&mut sock, "200 OK", json, &body).await;
        }
        "/huge-stream" => {
            // No Content-Length: the body runs until close, up to 64 MiB unless the client hangs up.
            let head = "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n{\"name\":\"";
            let _ = sock.write_all(head.as_bytes()).await;
            let filler = vec![b'x'; 64 * 1024];
            for _ in 0..1024 {
                if sock.write_all(&filler).await.is_err() {
                    return;
                }
            }
        }
        "/html" => {
            let body = "<html>Please use a Nostr client to connect.</html>";
            write_response(&mut sock, "200 OK", "Content-Type: text/html\r\n", body).await;
        }
        "/redirect" => write_response(&mut sock, "301 Moved", "Location: /\r\n", "").await,
        "/loop" => write_response(&mut sock, "302 Found", "Location: /loop\r\n", "").await,
        _ => write_response(&mut sock, "404 Not Found", "", "not found").await,
    }
}

async fn serve() -> (Arc<Server>, u16) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = Arc::new(Server::default());
    let state = server.clone();
    tokio::spawn(async move {
        while let Ok((sock, _)) = listener.accept().await {
            tokio::spawn(handle(sock, state.clone()));
        }
    });
    (server, port)
}

fn relay(port: u16, path: &str) -> RelayUrl {
    RelayUrl::parse(&format!("ws://127.0.0.1:{port}{path}")).unwrap()
}

fn fetcher(timeout: Duration, failure_ttl: Duration) -> Nip11Fetcher {
    Nip11Fetcher::with_config(Nip11Config {
        timeout,
        failure_ttl,
        ..Nip11Config::default()
    })
    .unwrap()
}

#[tokio::test]
async fn fetches_with_accept_header_parses_and_caches() {
    let (server, port) = serve().await;
    let nip11 = Nip11Fetcher::new().unwrap();
    let url = relay(port, "");
    assert!(nip11.cached(&url).is_none());

    let info = nip11.fetch(&url).await.unwrap();
    assert_eq!(info.name.as_deref(), Some("loopback relay"));
    assert_eq!(info.supported_nips, [1, 11, 42]);
    assert_eq!(
        info.limits(),
        RelayLimits {
            max_subscriptions: Some(20),
            max_filters: Some(4),
            ..RelayLimits::default()
        }
    );
    let requests = server.requests.lock().unwrap().clone();
    assert_eq!(
        requests,
        [("/".to_owned(), Some("application/nostr+json".to_owned()))]
    );

    // Served from the cache: same document, no new request, also through `cached`.
    let again = nip11.fetch(&url).await.unwrap();
    assert!(Arc::ptr_eq(&info, &again));
    assert!(Arc::ptr_eq(&nip11.cached(&url).unwrap().unwrap(), &info));
    // Another spelling of the same relay shares the entry.
    let respelled = RelayUrl::parse(&format!("WS://127.0.0.1:{port}/")).unwrap();
    nip11.fetch(&respelled).await.unwrap();
    assert_eq!(server.hits("/"), 1);
}

#[tokio::test]
async fn concurrent_callers_share_one_request() {
    let (server, port) = serve().await;
    let nip11 = Nip11Fetcher::new().unwrap();
    let url = relay(port, "/shared");
    let calls = (0..8).map(|_| {
        let nip11 = nip11.clone();
        let url = url.clone();
        tokio::spawn(async move { nip11.fetch(&url).await })
    });
    let results = futures::future::join_all(calls).await;
    let first = results[0].as_ref().unwrap().as_ref().unwrap().clone();
    for result in results {
        assert!(Arc::ptr_eq(&result.unwrap().unwrap(), &first));
    }
    assert_eq!(server.hits("/shared"), 1);
}

#[tokio::test]
async fn not_found_is_typed_and_cached_until_the_failure_ttl() {
    let (server, port) = serve().await;
    let nip11 = fetcher(Duration::from_secs(5), Duration::from_millis(300));
    let url = relay(port, "/missing");
    for _ in 0..3 {
        let err = nip11.fetch(&url).await.unwrap_err();
        assert!(matches!(err, Nip11Error::Status { status: 404 }), "{err:?}");
    }
    assert_eq!(server.hits("/missing"), 1);
    assert!(matches!(
        nip11.cached(&url),
        Some(Err(Nip11Error::Status { status: 404 }))
    ));

    tokio::time::sleep(Duration::from_millis(400)).await;
    assert!(nip11.cached(&url).is_none());
    let err = nip11.fetch(&url).await.unwrap_err();
    assert!(matches!(err, Nip11Error::Status { status: 404 }));
    assert_eq!(server.hits("/missing"), 2);
}

#[tokio::test]
async fn slow_servers_hit_the_timeout() {
    let (server, port) = serve().await;
    let nip11 = fetcher(Duration::from_millis(300), Duration::from_secs(60));
    for path in ["/slow", "/trickle"] {
        let started = Instant::now();
        let err = nip11.fetch(&relay(port, path)).await.unwrap_err();
        assert!(matches!(err, Nip11Error::Timeout { .. }), "{path}: {err:?}");
        assert!(started.elapsed() < Duration::from_secs(2), "{path}");
        // The timeout is cached like any failure.
        let err = nip11.fetch(&relay(port, path)).await.unwrap_err();
        assert!(matches!(err, Nip11Error::Timeout { .. }));
        assert_eq!(server.hits(path), 1);
    }
}

#[tokio::test]
async fn oversized_bodies_are_refused_while_reading() {
    let (_server, port) = serve().await;
    let nip11 = Nip11Fetcher::new().unwrap();
    for path in ["/huge-length", "/huge-stream"] {
        let started = Instant::now();
        let err = nip11.fetch(&relay(port, path)).await.unwrap_err();
        assert!(
            matches!(err, Nip11Error::TooLarge { max: 65_536 }),
            "{path}: {err:?}"
        );
        // The streamed body is 64 MiB: refusing it this fast means it was not read to the end.
        assert!(started.elapsed() < Duration::from_secs(3), "{path}");
    }
}

#[tokio::test]
async fn html_is_not_json_and_redirects_are_limited() {
    let (server, port) = serve().await;
    let nip11 = Nip11Fetcher::new().unwrap();
    let err = nip11.fetch(&relay(port, "/html")).await.unwrap_err();
    assert!(matches!(err, Nip11Error::NotJson(_)), "{err:?}");

    let info = nip11.fetch(&relay(port, "/redirect")).await.unwrap();
    assert_eq!(info.name.as_deref(), Some("loopback relay"));

    let err = nip11.fetch(&relay(port, "/loop")).await.unwrap_err();
    assert!(matches!(err, Nip11Error::Transport(_)), "{err:?}");
    assert!(server.hits("/loop") <= 4, "{}", server.hits("/loop"));
}

#[tokio::test]
async fn refused_connection_is_a_transport_error() {
    // Bind then drop a listener to get a port nothing listens on.
    let port = TcpListener::bind("127.0.0.1:0")
        .await
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let nip11 = Nip11Fetcher::new().unwrap();
    let err = nip11.fetch(&relay(port, "")).await.unwrap_err();
    assert!(matches!(err, Nip11Error::Transport(_)), "{err:?}");
    assert!(std::error::Error::source(&err).is_some());
}

/// nostr-relay-builder 0.44 upgrades every connection to a WebSocket and has no NIP-11 handler:
/// a plain GET fails fast with a typed error instead of hanging until the timeout.
#[tokio::test]
async fn nostr_relay_builder_relay_has_no_document() {
    let test_relay = relay_support::TestRelay::start().await;
    let nip11 = fetcher(Duration::from_secs(3), Duration::from_secs(60));
    let url = RelayUrl::parse(&test_relay.url()).unwrap();
    let started = Instant::now();
    let err = nip11.fetch(&url).await.unwrap_err();
    assert!(!matches!(err, Nip11Error::Timeout { .. }), "{err:?}");
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(matches!(nip11.cached(&url), Some(Err(_))));
}

#[test]
fn parse_is_public_for_documents_from_elsewhere() {
    let info = RelayInformation::parse(DOCUMENT.as_bytes()).unwrap();
    assert_eq!(info.limitation.max_subscriptions, Some(20));
}
