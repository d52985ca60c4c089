//! Relay WebSockets behind one object-safe trait, [`WebSocketTransport`], so the relay pool does not
//! care whether frames travel over tokio-tungstenite, a browser `WebSocket`, a platform socket
//! handed in by iOS/Android, or the scripted [`mock`] used by unit tests.
//!
//! Every implementation hands back the same channel-based [`WebSocketConnection`]: a bounded send
//! queue ([`ConnectionSender`]) and a bounded stream of [`Incoming`] items ([`ConnectionReceiver`])
//! that ends with exactly one terminal item (a close or an error). Bounded both ways, so a slow
//! consumer slows the socket instead of growing memory.

pub mod mock;
#[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
mod tokio_ws;
#[cfg(all(feature = "wasm-runtime", target_arch = "wasm32"))]
mod wasm_ws;

use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::Stream;
use thiserror::Error;
use tokio::sync::mpsc;

pub use crate::protocol::{MAX_RELAY_URL_LEN, RelayUrl, RelayUrlError};
#[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
pub use tokio_ws::{TlsBackend, TlsOptions, TokioWebSocket, TrustRoots};
#[cfg(all(feature = "wasm-runtime", target_arch = "wasm32"))]
pub use wasm_ws::GlooWebSocket;

/// Close code for a normal closure (RFC 6455 section 7.4.1).
pub const CLOSE_NORMAL: u16 = 1000;
/// Close code a peer may never send: no close frame was received (RFC 6455 section 7.4.1).
pub const CLOSE_ABNORMAL: u16 = 1006;
/// Close code for "message too big" (RFC 6455 section 7.4.1).
pub const CLOSE_TOO_BIG: u16 = 1009;
/// A close frame's reason may hold at most 123 bytes (125-byte control payload minus the code).
pub const MAX_CLOSE_REASON_LEN: usize = 123;

/// Which step of a connection ran out of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeoutPhase {
    /// Resolving, TCP, TLS and the WebSocket upgrade together took longer than the connect timeout.
    Connect,
    /// A ping got no answer (no pong, nor any other frame) within the pong timeout.
    Pong,
    /// The peer did not take a frame off our hands within the write timeout.
    Write,
}

impl fmt::Display for TimeoutPhase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimeoutPhase::Connect => "connect",
            TimeoutPhase::Pong => "pong",
            TimeoutPhase::Write => "write",
        })
    }
}

/// What kind of TLS failure stopped a `wss://` connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TlsFailure {
    /// The certificate chain does not lead to a trusted root (self-signed, private CA...).
    UntrustedCertificate,
    /// The certificate is expired or not yet valid.
    ExpiredCertificate,
    /// The certificate is valid but not for this host name.
    NameMismatch,
    /// Some other certificate problem (bad encoding, revoked, wrong usage...).
    BadCertificate,
    /// The TLS handshake itself failed (no common cipher, protocol error, alert).
    Handshake,
    /// Local setup failed: no trust roots could be loaded, an extra root did not parse.
    Config,
}

impl fmt::Display for TlsFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TlsFailure::UntrustedCertificate => "untrusted certificate",
            TlsFailure::ExpiredCertificate => "expired certificate",
            TlsFailure::NameMismatch => "certificate name mismatch",
            TlsFailure::BadCertificate => "bad certificate",
            TlsFailure::Handshake => "handshake failed",
            TlsFailure::Config => "tls configuration",
        })
    }
}

/// Everything that can go wrong on a relay connection. Clone and comparable, so it can be
/// delivered in [`Incoming::Error`] and published on status channels.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TransportError {
    /// The relay URL was rejected.
    #[error("invalid relay url: {0}")]
    InvalidUrl(#[from] RelayUrlError),
    /// Name resolution or the TCP connection failed (refused, unreachable, unknown host).
    #[error("connect failed ({kind:?}): {detail}")]
    Connect {
        /// The operating system's classification.
        kind: std::io::ErrorKind,
        /// Human-readable detail for logs.
        detail: String,
    },
    /// TLS failed; `kind` says whether the certificate or the handshake was at fault.
    #[error("tls {kind}: {detail}")]
    Tls {
        /// What failed.
        kind: TlsFailure,
        /// Human-readable detail for logs.
        detail: String,
    },
    /// A step took too long.
    #[error("timed out ({0})")]
    Timeout(TimeoutPhase),
    /// A frame or message exceeded the configured maximum size, in either direction.
    #[error("frame of {size} bytes exceeds the {max}-byte limit")]
    FrameTooLarge {
        /// Size of the frame or message (or as much of it as was seen).
        size: usize,
        /// The configured limit.
        max: usize,
    },
    /// The connection is closed (by us or by the peer); nothing more can be sent.
    #[error("connection closed ({code}): {reason}")]
    Closed {
        /// WebSocket close code.
        code: u16,
        /// Close reason, possibly empty.
        reason: String,
    },
    /// The server answered the upgrade request with something other than `101`.
    #[error("websocket upgrade rejected with HTTP {status}")]
    HandshakeRejected {
        /// HTTP status code of the refusal.
        status: u16,
    },
    /// The peer broke the WebSocket protocol (bad framing, invalid UTF-8 in a text frame...).
    #[error("websocket protocol error: {0}")]
    Protocol(String),
    /// An I/O error on an established connection (reset, broken pipe, unexpected end).
    #[error("i/o error ({kind:?}): {detail}")]
    Io {
        /// The operating system's classification.
        kind: std::io::ErrorKind,
        /// Human-readable detail for logs.
        detail: String,
    },
    /// The send queue is full and the caller asked not to wait.
    #[error("send queue full")]
    QueueFull,
    /// The connection's driver went away without saying why (task dropped, mock handle dropped).
    #[error("connection dropped")]
    Dropped,
    /// The requested feature is not available in this build (e.g. `wss://` without a TLS feature).
    #[error("unsupported: {0}")]
    Unsupported(&'static str),
}

/// Per-connection settings every transport honours as far as its platform allows (a browser, for
/// instance, does its own pings and frame limits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectOptions {
    /// Budget for name resolution, TCP, TLS and the WebSocket upgrade together.
    pub connect_timeout: Duration,
    /// Largest message accepted (after reassembling fragments) and sent, in bytes.
    pub max_message_size: usize,
    /// Largest single frame accepted, in bytes.
    pub max_frame_size: usize,
    /// Send a ping after this long; `None` disables keepalive.
    pub ping_interval: Option<Duration>,
    /// After a ping, the peer must send something (pong or any frame) within this long.
    pub pong_timeout: Duration,
    /// A frame the peer does not take within this long fails the connection.
    pub write_timeout: Duration,
    /// Capacity of the outgoing queue (frames waiting for the socket).
    pub send_queue: usize,
    /// Capacity of the incoming queue (frames waiting for the consumer).
    pub receive_queue: usize,
}

impl Default for ConnectOptions {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            // Large contact lists and long-form posts run to hundreds of KiB; a few MiB bounds
            // memory per connection while accepting every real event.
            max_message_size: 4 << 20,
            max_frame_size: 4 << 20,
            ping_interval: Some(Duration::from_secs(30)),
            pong_timeout: Duration::from_secs(10),
            write_timeout: Duration::from_secs(10),
            send_queue: 64,
            receive_queue: 256,
        }
    }
}

/// One item read from a relay connection. `Closed` and `Error` are terminal: nothing follows them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    /// A text frame (Nostr messages are JSON text).
    Text(String),
    /// A binary frame: Nostr does not use them, so only its length is reported, for counting.
    Binary {
        /// Payload length in bytes.
        len: usize,
    },
    /// The connection closed with a close frame (sent by the peer, or by us and acknowledged).
    Closed {
        /// WebSocket close code.
        code: u16,
        /// Close reason, possibly empty.
        reason: String,
    },
    /// The connection failed.
    Error(TransportError),
}

impl Incoming {
    /// True for the items that end a connection.
    pub fn is_terminal(&self) -> bool {
        matches!(self, Incoming::Closed { .. } | Incoming::Error(_))
    }
}

/// One instruction to a connection's driver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outgoing {
    /// Send a text frame.
    Text(String),
    /// Send a close frame and finish the connection.
    Close {
        /// WebSocket close code.
        code: u16,
        /// Close reason, at most [`MAX_CLOSE_REASON_LEN`] bytes.
        reason: String,
    },
}

/// An open relay connection: the sending half and the receiving half, usable from different tasks.
#[derive(Debug)]
pub struct WebSocketConnection {
    /// Queue frames for sending.
    pub sender: ConnectionSender,
    /// Read frames as they arrive.
    pub receiver: ConnectionReceiver,
}

/// The driver's side of a [`WebSocketConnection`]: what a transport implementation reads from and
/// writes to. Platform sockets (iOS/Android) implement a transport by pumping these two channels.
#[derive(Debug)]
pub struct SocketSide {
    /// Frames the client wants sent, in order.
    pub outgoing: mpsc::Receiver<Outgoing>,
    /// Where received items go; send one terminal item (close or error) last.
    pub incoming: mpsc::Sender<Incoming>,
}

impl WebSocketConnection {
    /// Creates a connection and the driver's side of it, with the queue sizes and message limit
    /// from `options`.
    pub fn pair(options: &ConnectOptions) -> (WebSocketConnection, SocketSide) {
        let (out_tx, out_rx) = mpsc::channel(options.send_queue.max(1));
        let (in_tx, in_rx) = mpsc::channel(options.receive_queue.max(1));
        let connection = WebSocketConnection {
            sender: ConnectionSender {
                tx: out_tx,
                max_message_size: options.max_message_size,
            },
            receiver: ConnectionReceiver {
                rx: in_rx,
                finished: false,
            },
        };
        let side = SocketSide {
            outgoing: out_rx,
            incoming: in_tx,
        };
        (connection, side)
    }
}

/// Sending half of a connection: a bounded queue in front of the socket. Cloneable.
#[derive(Debug, Clone)]
pub struct ConnectionSender {
    tx: mpsc::Sender<Outgoing>,
    max_message_size: usize,
}

impl ConnectionSender {
    /// Queues a text frame, waiting while the queue is full.
    pub async fn send_text(&self, text: String) -> Result<(), TransportError> {
        self.check_size(&text)?;
        self.tx
            .send(Outgoing::Text(text))
            .await
            .map_err(|_| closed_error())
    }

    /// Queues a text frame without waiting: [`TransportError::QueueFull`] if the queue is full.
    pub fn try_send_text(&self, text: String) -> Result<(), TransportError> {
        self.check_size(&text)?;
        self.tx.try_send(Outgoing::Text(text)).map_err(|e| match e {
            mpsc::error::TrySendError::Full(_) => TransportError::QueueFull,
            mpsc::error::TrySendError::Closed(_) => closed_error(),
        })
    }

    /// Asks the driver to send a close frame after the frames already queued, then finish. The
    /// receiver still delivers what arrives until the terminal item. Codes an endpoint may not
    /// send (1005, 1006, 1015, unassigned ones) become 1000; long reasons are cut to fit.
    pub async fn close(&self, code: u16, reason: &str) -> Result<(), TransportError> {
        let code = match code {
            1000..=1003 | 1007..=1014 | 3000..=4999 => code,
            _ => CLOSE_NORMAL,
        };
        let reason = truncate_utf8(reason, MAX_CLOSE_REASON_LEN).to_owned();
        self.tx
            .send(Outgoing::Close { code, reason })
            .await
            .map_err(|_| closed_error())
    }

    /// True once the driver has stopped taking frames.
    pub fn is_closed(&self) -> bool {
        self.tx.is_closed()
    }

    /// Free slots in the send queue right now.
    pub fn capacity(&self) -> usize {
        self.tx.capacity()
    }

    fn check_size(&self, text: &str) -> Result<(), TransportError> {
        if text.len() > self.max_message_size {
            return Err(TransportError::FrameTooLarge {
                size: text.len(),
                max: self.max_message_size,
            });
        }
        Ok(())
    }
}

fn closed_error() -> TransportError {
    TransportError::Closed {
        code: CLOSE_ABNORMAL,
        reason: "connection is closed".to_owned(),
    }
}

/// Cuts `text` to at most `max` bytes on a character boundary.
fn truncate_utf8(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Receiving half of a connection: a [`Stream`] of [`Incoming`] that ends after the terminal item.
/// If the driver vanishes without one, the stream yields `Incoming::Error(TransportError::Dropped)`
/// so the consumer always learns why the connection ended.
#[derive(Debug)]
pub struct ConnectionReceiver {
    rx: mpsc::Receiver<Incoming>,
    finished: bool,
}

impl ConnectionReceiver {
    /// Waits for the next item; `None` after the terminal item.
    pub async fn recv(&mut self) -> Option<Incoming> {
        std::future::poll_fn(|cx| self.poll_recv(cx)).await
    }

    /// Polls for the next item.
    pub fn poll_recv(&mut self, cx: &mut Context<'_>) -> Poll<Option<Incoming>> {
        if self.finished {
            return Poll::Ready(None);
        }
        match self.rx.poll_recv(cx) {
            Poll::Ready(Some(item)) => {
                if item.is_terminal() {
                    self.finished = true;
                    self.rx.close();
                }
                Poll::Ready(Some(item))
            }
            Poll::Ready(None) => {
                self.finished = true;
                Poll::Ready(Some(Incoming::Error(TransportError::Dropped)))
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

impl Stream for ConnectionReceiver {
    type Item = Incoming;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_recv(cx)
    }
}

pub use crate::runtime::MaybeSendSync;

/// The future returned by [`WebSocketTransport::connect`]: `Send` natively, local in the browser.
#[cfg(not(target_arch = "wasm32"))]
pub type ConnectFuture<'a> =
    Pin<Box<dyn Future<Output = Result<WebSocketConnection, TransportError>> + Send + 'a>>;
/// The future returned by [`WebSocketTransport::connect`]: `Send` natively, local in the browser.
#[cfg(target_arch = "wasm32")]
pub type ConnectFuture<'a> =
    Pin<Box<dyn Future<Output = Result<WebSocketConnection, TransportError>> + 'a>>;

/// Opens WebSocket connections to relays. Object-safe: the pool holds an
/// `Arc<dyn WebSocketTransport>`, which is `Send + Sync` on native targets.
pub trait WebSocketTransport: MaybeSendSync + fmt::Debug {
    /// Connects to `url`, completing the WebSocket upgrade within `options.connect_timeout`.
    /// The returned connection keeps running (keepalive included) until closed or dropped.
    fn connect<'a>(&'a self, url: &'a RelayUrl, options: &'a ConnectOptions) -> ConnectFuture<'a>;
}
