//! What every WebSocket endpoint shares: admission (connections per IP, with a 429 past the
//! limit), the upgrade's size limits and buffers, and the writer task that drains a client's
//! bounded queue into its socket, dropping a client that stops reading.

use std::net::SocketAddr;
use std::time::Duration;

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use futures::stream::SplitSink;
use futures::{SinkExt, StreamExt};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;

use crate::limits::IpSlot;
use crate::state::AppState;

/// Longest wait for the client to take one frame before the connection is dropped.
pub const WRITE_TIMEOUT: Duration = Duration::from_secs(30);

/// Initial read buffer of a client socket: tungstenite's default (128 KiB) was most of a
/// connection's memory (`bench/gateway`: 154 MB -> 36 MB for 1,000 clients); larger frames
/// still arrive, the buffer grows on demand.
pub const READ_BUFFER: usize = 4096;

/// A slot for a connection from `peer`; `None` (counted) when its address holds too many.
pub fn admit(state: &AppState, peer: SocketAddr) -> Option<IpSlot> {
    let slot = state.ips().acquire(peer.ip());
    if slot.is_none() {
        state.metrics().client_rejected("too_many_connections");
    }
    slot
}

/// The answer to a connection [`admit`] refused.
pub fn too_many_connections() -> Response {
    (
        StatusCode::TOO_MANY_REQUESTS,
        "too many connections from this address\n",
    )
        .into_response()
}

/// The upgrade with messages and frames up to `max_message` bytes and a small read buffer.
pub fn limited(upgrade: WebSocketUpgrade, max_message: usize) -> WebSocketUpgrade {
    upgrade
        .max_message_size(max_message)
        .max_frame_size(max_message)
        .read_buffer_size(READ_BUFFER)
}

/// A client's socket split into its reading half and a bounded queue drained by a writer task.
#[derive(Debug)]
pub struct ClientSocket {
    /// Frames from the client.
    pub stream: futures::stream::SplitStream<WebSocket>,
    /// Frames to the client (bounded: senders wait while it is full).
    pub out: mpsc::Sender<String>,
    /// Cancelled when the writer stopped (the client stopped reading or left).
    pub writer_gone: CancellationToken,
    writer: JoinHandle<()>,
}

impl ClientSocket {
    /// Splits `socket`, with a queue of `queue` frames.
    pub fn new(socket: WebSocket, queue: usize) -> Self {
        let (sink, stream) = socket.split();
        let (out, rx) = mpsc::channel::<String>(queue);
        let writer_gone = CancellationToken::new();
        let writer = tokio::spawn(write(sink, rx, writer_gone.clone()));
        Self {
            stream,
            out,
            writer_gone,
            writer,
        }
    }

    /// Lets the writer send what is queued (a last CLOSED...) for at most two seconds.
    pub async fn finish(self) {
        let Self { out, writer, .. } = self;
        drop(out);
        let _ = tokio::time::timeout(Duration::from_secs(2), writer).await;
    }
}

async fn write(
    mut sink: SplitSink<WebSocket, Message>,
    mut queue: mpsc::Receiver<String>,
    gone: CancellationToken,
) {
    while let Some(frame) = queue.recv().await {
        match tokio::time::timeout(WRITE_TIMEOUT, sink.send(Message::text(frame))).await {
            Ok(Ok(())) => {}
            _ => break,
        }
    }
    let _ = tokio::time::timeout(Duration::from_secs(1), sink.close()).await;
    gone.cancel();
}
