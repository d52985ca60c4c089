//! [`GlooWebSocket`]: relay connections in the browser through the `WebSocket` API (gloo-net).
//! The browser owns TLS, certificate checks and ping/pong; this driver adds the connect timeout,
//! the message size limit (checked after the browser has received the frame) and bounded queues.
//! The browser itself buffers incoming messages without bound: its API offers no backpressure.

use std::time::Duration;

use futures::future::{Either, select};
use futures::{SinkExt, StreamExt};
use gloo_net::websocket::futures::WebSocket;
use gloo_net::websocket::{Message, State, WebSocketError};
use tokio::sync::mpsc;

use super::{
    CLOSE_TOO_BIG, ConnectFuture, ConnectOptions, Incoming, Outgoing, RelayUrl, SocketSide,
    TimeoutPhase, TransportError, WebSocketConnection, WebSocketTransport,
};

/// WebSocket transport for browsers (wasm32 with the `wasm-runtime` feature).
#[derive(Debug, Clone, Copy, Default)]
pub struct GlooWebSocket;

impl GlooWebSocket {
    /// Creates the transport; there is nothing to configure that the browser does not own.
    pub fn new() -> Self {
        Self
    }
}

impl WebSocketTransport for GlooWebSocket {
    fn connect<'a>(&'a self, url: &'a RelayUrl, options: &'a ConnectOptions) -> ConnectFuture<'a> {
        Box::pin(async move {
            let mut ws =
                WebSocket::open(url.url().as_str()).map_err(|e| TransportError::Connect {
                    kind: std::io::ErrorKind::InvalidInput,
                    detail: e.to_string(),
                })?;
            // `poll_ready` stays pending while the socket is CONNECTING and wakes on open or error.
            let ready = Box::pin(futures::future::poll_fn(|cx| ws.poll_ready_unpin(cx)));
            let timer = Box::pin(gloo_timers::future::sleep(clamp(options.connect_timeout)));
            match select(ready, timer).await {
                Either::Left(_) => {}
                Either::Right(_) => return Err(TransportError::Timeout(TimeoutPhase::Connect)),
            }
            if !matches!(ws.state(), State::Open) {
                // The browser hides why (by design); a close event with 1006 is all there is.
                return Err(TransportError::Connect {
                    kind: std::io::ErrorKind::ConnectionRefused,
                    detail: "browser could not open the WebSocket".to_owned(),
                });
            }
            let (connection, side) = WebSocketConnection::pair(options);
            wasm_bindgen_futures::spawn_local(drive(ws, side, options.max_message_size));
            Ok(connection)
        })
    }
}

/// Browser timers take milliseconds as `u32`; longer waits are capped (about 49 days).
fn clamp(duration: Duration) -> Duration {
    duration.min(Duration::from_millis(u64::from(u32::MAX)))
}

/// Browsers only let scripts close with 1000 or 3000-4999 (anything else throws), so other codes
/// are sent as 1000; the reason text still says why.
fn browser_close_code(code: u16) -> u16 {
    if code == 1000 || (3000..=4999).contains(&code) {
        code
    } else {
        1000
    }
}

/// Moves frames between the browser socket and the connection's channels until one side ends.
async fn drive(mut ws: WebSocket, side: SocketSide, max_message_size: usize) {
    let SocketSide {
        mut outgoing,
        incoming,
    } = side;
    let mut sender_gone = false;
    let terminal = loop {
        // Read only with room in the incoming queue, as on native, so our side stays bounded.
        let permit = {
            let reserve = Box::pin(incoming.clone().reserve_owned());
            let command = Box::pin(next_command(&mut outgoing, sender_gone));
            match select(reserve, command).await {
                Either::Left((Ok(permit), _)) => permit,
                Either::Left((Err(_), _)) => {
                    // The consumer is gone: hang up.
                    let _ = ws.close(None, None);
                    return;
                }
                Either::Right((command, _)) => {
                    match handle_command(command, &mut ws, &mut sender_gone).await {
                        Ok(()) => continue,
                        Err(item) => break Some((item, ws)),
                    }
                }
            }
        };
        let next = {
            let frame = Box::pin(ws.next());
            let command = Box::pin(next_command(&mut outgoing, sender_gone));
            match select(frame, command).await {
                Either::Left((frame, _)) => Either::Left(frame),
                Either::Right((command, _)) => Either::Right(command),
            }
        };
        match next {
            Either::Left(frame) => {
                let item = match frame {
                    Some(Ok(Message::Text(text))) if text.len() > max_message_size => {
                        let item = Incoming::Error(TransportError::FrameTooLarge {
                            size: text.len(),
                            max: max_message_size,
                        });
                        let _ = permit.send(item);
                        let _ = ws.close(
                            Some(browser_close_code(CLOSE_TOO_BIG)),
                            Some("message too big"),
                        );
                        return;
                    }
                    Some(Ok(Message::Text(text))) => Incoming::Text(text),
                    Some(Ok(Message::Bytes(data))) => Incoming::Binary { len: data.len() },
                    // An `error` event is always followed by a `close` event that says more.
                    Some(Err(WebSocketError::ConnectionError)) => continue,
                    Some(Err(WebSocketError::ConnectionClose(event))) => {
                        let item = if event.was_clean {
                            Incoming::Closed {
                                code: event.code,
                                reason: event.reason,
                            }
                        } else {
                            Incoming::Error(TransportError::Closed {
                                code: event.code,
                                reason: event.reason,
                            })
                        };
                        let _ = permit.send(item);
                        return;
                    }
                    Some(Err(e)) => Incoming::Error(TransportError::Io {
                        kind: std::io::ErrorKind::Other,
                        detail: e.to_string(),
                    }),
                    None => Incoming::Error(TransportError::Io {
                        kind: std::io::ErrorKind::UnexpectedEof,
                        detail: "browser WebSocket ended".to_owned(),
                    }),
                };
                let terminal = item.is_terminal();
                let _ = permit.send(item);
                if terminal {
                    return;
                }
            }
            Either::Right(command) => {
                drop(permit);
                if let Err(item) = handle_command(command, &mut ws, &mut sender_gone).await {
                    break Some((item, ws));
                }
            }
        }
    };
    if let Some((item, ws)) = terminal {
        if let Incoming::Closed { code, reason } = &item {
            let _ = ws.close(Some(browser_close_code(*code)), Some(reason));
        }
        let _ = incoming.send(item).await;
    }
}

/// The next command, or never once every sender is gone (reading goes on without them).
async fn next_command(
    outgoing: &mut mpsc::Receiver<Outgoing>,
    sender_gone: bool,
) -> Option<Outgoing> {
    if sender_gone {
        return std::future::pending().await;
    }
    outgoing.recv().await
}

/// Sends a frame; returns the terminal item if the connection ends here.
async fn handle_command(
    command: Option<Outgoing>,
    ws: &mut WebSocket,
    sender_gone: &mut bool,
) -> Result<(), Incoming> {
    match command {
        Some(Outgoing::Text(text)) => ws.send(Message::Text(text)).await.map_err(|e| {
            Incoming::Error(TransportError::Io {
                kind: std::io::ErrorKind::BrokenPipe,
                detail: e.to_string(),
            })
        }),
        Some(Outgoing::Close { code, reason }) => Err(Incoming::Closed { code, reason }),
        None => {
            *sender_gone = true;
            Ok(())
        }
    }
}
