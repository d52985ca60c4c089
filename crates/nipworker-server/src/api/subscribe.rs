//! `GET /v1/subscribe`: a WebSocket for apps that want parsed events rather than raw NIP-01.
//!
//! In: `{"type":"subscribe","id":"feed","filters":[...]}` and `{"type":"close","id":"feed"}`.
//! Out: `{"type":"event","subscription":..,"event":{..},"parsed":{..},"relay":..,"from_cache":..}`,
//! `{"type":"eose",..}`, `{"type":"closed",..,"reason":..}`, `{"type":"relay_status",..}` and
//! `{"type":"error","message":..}`. Subscriptions run exactly as on the relay socket (cache
//! first, shared live upstream subscriptions, the same limits).

use std::collections::HashMap;
use std::net::SocketAddr;

use axum::extract::ws::{Message, WebSocket, WebSocketUpgrade};
use axum::extract::{ConnectInfo, State};
use axum::response::Response;
use futures::StreamExt;
use nipworker_core::Filter;
use serde::Deserialize;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use crate::feed::{self, Wire};
use crate::limits::IpSlot;
use crate::relay::messages::MAX_SUBSCRIPTION_ID;
use crate::socket::{self, ClientSocket};
use crate::state::AppState;

/// A message from the app.
#[derive(Debug, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
enum Request {
    Subscribe {
        id: String,
        filters: Vec<serde_json::Value>,
    },
    Close {
        id: String,
    },
}

/// `GET /v1/subscribe`.
pub async fn upgrade(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    upgrade: WebSocketUpgrade,
) -> Response {
    let Some(slot) = socket::admit(&state, peer) else {
        return socket::too_many_connections();
    };
    let max = state.config().limits.max_message_bytes;
    socket::limited(upgrade, max).on_upgrade(move |socket| {
        let tracker = state.tasks().clone();
        tracker.track_future(run(socket, state, slot))
    })
}

fn error(message: &str) -> String {
    serde_json::json!({"type": "error", "message": message}).to_string()
}

async fn run(socket: WebSocket, state: AppState, slot: IpSlot) {
    let metrics = state.metrics().clone();
    metrics.websocket_clients("subscribe", 1.0);
    let limits = state.config().limits.clone();
    let mut client = ClientSocket::new(socket, limits.client_queue);
    let out = client.out.clone();
    let mut statuses = state
        .client()
        .and_then(|c| c.relay_status().ok())
        .map(Box::pin);
    let mut subs: HashMap<String, JoinHandle<()>> = HashMap::new();
    // Bounded by the client: each round handles one message or ends the connection.
    loop {
        let status = async {
            match statuses.as_mut() {
                Some(s) => s.next().await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            message = client.stream.next() => match message {
                Some(Ok(Message::Text(text))) => {
                    handle(&state, &out, &mut subs, text.as_str()).await;
                }
                Some(Ok(Message::Close(_))) | None | Some(Err(_)) => break,
                Some(Ok(_)) => {}
            },
            Some(status) = status => {
                let frame = serde_json::json!({
                    "type": "relay_status",
                    "relay": status.url,
                    "state": format!("{:?}", status.state),
                    "reason": status.reason,
                })
                .to_string();
                // Status is advisory: a client with a full queue misses some.
                let _ = out.try_send(frame);
            }
            () = client.writer_gone.cancelled() => break,
            () = state.shutdown.cancelled() => {
                for id in subs.keys() {
                    let _ = out.try_send(Wire::Parsed { id: id.clone() }.closed("error: the gateway is shutting down"));
                }
                break;
            }
        }
    }
    let open = subs.len();
    for (_, task) in subs.drain() {
        task.abort();
    }
    metrics.client_subscriptions("subscribe", -(open as f64));
    drop(out);
    client.finish().await;
    metrics.websocket_clients("subscribe", -1.0);
    drop(slot);
}

async fn handle(
    state: &AppState,
    out: &mpsc::Sender<String>,
    subs: &mut HashMap<String, JoinHandle<()>>,
    text: &str,
) {
    let limits = &state.config().limits;
    let request: Request = match serde_json::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            state.metrics().client_rejected("malformed_message");
            let _ = out.send(error(&format!("invalid message: {e}"))).await;
            return;
        }
    };
    match request {
        Request::Close { id } => {
            if let Some(task) = subs.remove(&id) {
                task.abort();
                state.metrics().client_subscriptions("subscribe", -1.0);
            }
        }
        Request::Subscribe { id, filters } => {
            let wire = Wire::Parsed { id: id.clone() };
            let refuse = async |reason: String| {
                state.metrics().client_rejected("bad_subscription");
                let _ = out.send(wire.closed(&reason)).await;
            };
            if id.is_empty() || id.chars().count() > MAX_SUBSCRIPTION_ID {
                return refuse("invalid: id must be 1 to 64 characters".into()).await;
            }
            if filters.is_empty() || filters.len() > limits.max_filters {
                let reason = format!("invalid: give 1 to {} filters", limits.max_filters);
                return refuse(reason).await;
            }
            let parsed: Result<Vec<Filter>, String> = filters
                .iter()
                .enumerate()
                .map(|(i, f)| {
                    Filter::from_json(&f.to_string())
                        .map_err(|e| format!("invalid: filter {i}: {e}"))
                })
                .collect();
            let filters = match parsed {
                Ok(f) => f,
                Err(reason) => return refuse(reason).await,
            };
            let before = subs.len();
            subs.retain(|_, t| !t.is_finished());
            let ended = before - subs.len();
            if ended > 0 {
                state
                    .metrics()
                    .client_subscriptions("subscribe", -(ended as f64));
            }
            if !subs.contains_key(&id) && subs.len() >= limits.max_subscriptions {
                let reason = format!(
                    "blocked: too many subscriptions (at most {} per connection)",
                    limits.max_subscriptions
                );
                return refuse(reason).await;
            }
            let task = tokio::spawn(feed::serve(
                state.clone(),
                wire.clone(),
                filters,
                out.clone(),
            ));
            match subs.insert(id, task) {
                Some(old) => old.abort(),
                None => state.metrics().client_subscriptions("subscribe", 1.0),
            }
        }
    }
}
