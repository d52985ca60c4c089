//! One relay-socket connection: reads client messages, runs each subscription as its own task
//! writing into the connection's bounded queue, and one writer task drains that queue to the
//! socket. A client that stops reading fills its queue: its subscriptions lag and are closed,
//! and after [`WRITE_TIMEOUT`] the connection is dropped; nobody else waits for it.

use std::collections::HashMap;

use axum::extract::ws::{Message, WebSocket};
use futures::StreamExt;
use nipworker_core::{Event, EventId, PublicKey, Timestamp};
use serde_json::value::RawValue;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;

use super::auth;
use super::messages::{
    ClientMessage, MessageError, auth_frame, closed_frame, count_frame, notice_frame, ok_frame,
};
use crate::feed::{self, Wire};
use crate::limits::{IpSlot, RateLimiter};
use crate::publish::publish_summary;
use crate::socket::ClientSocket;
use crate::state::AppState;

/// Per-connection state.
struct Session {
    state: AppState,
    out: mpsc::Sender<String>,
    subs: HashMap<String, JoinHandle<()>>,
    /// COUNT requests in flight (they ask the upstream relays, so they count as subscriptions).
    counts: Vec<JoinHandle<()>>,
    rate: RateLimiter,
    token_ok: bool,
    challenge: String,
    authed: Vec<PublicKey>,
}

/// Serves one connection until the client leaves, stops reading, or the server shuts down.
pub(crate) async fn run(socket: WebSocket, state: AppState, slot: IpSlot, token_ok: bool) {
    let metrics = state.metrics().clone();
    metrics.websocket_clients("relay", 1.0);
    let limits = state.config().limits.clone();
    let mut client = ClientSocket::new(socket, limits.client_queue);
    let mut session = Session {
        rate: RateLimiter::new(limits.events_per_second),
        out: client.out.clone(),
        subs: HashMap::new(),
        counts: Vec::new(),
        token_ok,
        challenge: auth::new_challenge(),
        authed: Vec::new(),
        state: state.clone(),
    };
    let _ = session.out.send(auth_frame(&session.challenge)).await;
    // Bounded by the client: each round handles one message or ends the connection.
    loop {
        tokio::select! {
            message = client.stream.next() => match message {
                Some(Ok(Message::Text(text))) => session.on_text(text.as_str()).await,
                Some(Ok(Message::Binary(_))) => {
                    session.notice("invalid: binary frames are not part of NIP-01").await;
                }
                Some(Ok(Message::Close(_))) | None => break,
                Some(Ok(_)) => {}
                Some(Err(err)) => {
                    // Over the hard size limit, or a broken stream.
                    tracing::debug!(%err, "relay socket read failed");
                    state.metrics().client_rejected("read_error");
                    break;
                }
            },
            () = client.writer_gone.cancelled() => break,
            () = state.shutdown.cancelled() => {
                for id in session.subs.keys() {
                    let _ = session.out.try_send(closed_frame(id, "error: the gateway is shutting down"));
                }
                break;
            }
        }
    }
    session.end_all();
    drop(session);
    // The writer drains what is queued (the CLOSED frames at shutdown) within its timeout.
    client.finish().await;
    metrics.websocket_clients("relay", -1.0);
    drop(slot);
}

impl Session {
    async fn send(&self, frame: String) {
        // The writer is gone only when the connection is ending.
        let _ = self.out.send(frame).await;
    }

    async fn notice(&self, message: &str) {
        self.send(notice_frame(message)).await;
    }

    async fn on_text(&mut self, text: &str) {
        let limits = &self.state.config().limits;
        if text.len() > limits.max_message_bytes {
            self.state.metrics().client_rejected("message_too_large");
            let message = format!(
                "invalid: message too large ({} bytes, at most {})",
                text.len(),
                limits.max_message_bytes
            );
            self.notice(&message).await;
            return;
        }
        match ClientMessage::parse(text, limits.max_filters) {
            Ok(ClientMessage::Req { id, filters }) => self.on_req(id, filters).await,
            Ok(ClientMessage::Count { id, filters }) => self.on_count(id, filters).await,
            Ok(ClientMessage::Close { id }) => {
                if let Some(task) = self.subs.remove(&id) {
                    task.abort();
                    self.state.metrics().client_subscriptions("relay", -1.0);
                }
            }
            Ok(ClientMessage::Event(raw)) => self.on_event(raw).await,
            Ok(ClientMessage::Auth(raw)) => self.on_auth(raw).await,
            Err(err) => self.refuse(err).await,
        }
    }

    async fn refuse(&self, err: MessageError) {
        self.state.metrics().client_rejected("malformed_message");
        match err.subscription() {
            Some(id) => self.send(closed_frame(id, &err.to_string())).await,
            None => self.notice(&err.to_string()).await,
        }
    }

    /// Room for one more subscription (finished tasks hold nothing and do not count).
    fn has_room(&mut self, id: &str) -> bool {
        let before = self.subs.len();
        self.subs.retain(|_, task| !task.is_finished());
        self.counts.retain(|task| !task.is_finished());
        let ended = before - self.subs.len();
        if ended > 0 {
            self.state
                .metrics()
                .client_subscriptions("relay", -(ended as f64));
        }
        let max = self.state.config().limits.max_subscriptions;
        self.subs.contains_key(id) || self.subs.len() + self.counts.len() < max
    }

    async fn on_req(&mut self, id: String, filters: Vec<nipworker_core::Filter>) {
        if !self.has_room(&id) {
            self.state
                .metrics()
                .client_rejected("too_many_subscriptions");
            let max = self.state.config().limits.max_subscriptions;
            let reason = format!("blocked: too many subscriptions (at most {max} per connection)");
            self.send(closed_frame(&id, &reason)).await;
            return;
        }
        let task = tokio::spawn(feed::serve(
            self.state.clone(),
            Wire::nip01(&id),
            filters,
            self.out.clone(),
        ));
        // A REQ with an id in use replaces that subscription (NIP-01).
        match self.subs.insert(id, task) {
            Some(old) => old.abort(),
            None => self.state.metrics().client_subscriptions("relay", 1.0),
        }
    }

    async fn on_count(&mut self, id: String, filters: Vec<nipworker_core::Filter>) {
        if !self.has_room(&id) {
            self.state
                .metrics()
                .client_rejected("too_many_subscriptions");
            self.send(closed_frame(&id, "blocked: too many subscriptions"))
                .await;
            return;
        }
        let state = self.state.clone();
        let out = self.out.clone();
        let task = tokio::spawn(async move {
            let frame = match count(&state, filters).await {
                Ok(n) => count_frame(&id, n, true),
                Err(reason) => closed_frame(&id, &reason),
            };
            let _ = out.send(frame).await;
        });
        self.counts.push(task);
    }

    async fn on_auth(&mut self, raw: &RawValue) {
        let event = match Event::from_json(raw.get()) {
            Ok(event) => event,
            Err(err) => {
                self.notice(&format!("invalid: AUTH event: {err}")).await;
                return;
            }
        };
        match auth::check(&event, &self.challenge, Timestamp::now()) {
            Ok(key) => {
                if !self.authed.contains(&key) && self.authed.len() < 8 {
                    self.authed.push(key);
                }
                self.send(ok_frame(&event.id, true, "")).await;
            }
            Err(err) => {
                self.send(ok_frame(&event.id, false, &format!("invalid: {err}")))
                    .await;
            }
        }
    }

    async fn on_event(&mut self, raw: &RawValue) {
        let metrics = self.state.metrics().clone();
        let event = match Event::from_json(raw.get()) {
            Ok(event) => event,
            Err(err) => {
                metrics.client_event("malformed");
                let message = format!("invalid: {err}");
                match claimed_id(raw) {
                    Some(id) => self.send(ok_frame(&id, false, &message)).await,
                    None => self.notice(&message).await,
                }
                return;
            }
        };
        if !self.rate.try_take() {
            metrics.client_event("rate_limited");
            let rate = self.state.config().limits.events_per_second;
            let message = format!("rate-limited: at most {rate} events per second");
            self.send(ok_frame(&event.id, false, &message)).await;
            return;
        }
        if let Err(err) = event.verify() {
            metrics.client_event("invalid");
            self.send(ok_frame(&event.id, false, &format!("invalid: {err}")))
                .await;
            return;
        }
        if let Err(message) = self.may_write() {
            metrics.client_event("refused");
            self.send(ok_frame(&event.id, false, message)).await;
            return;
        }
        let state = self.state.clone();
        let out = self.out.clone();
        // Publishing waits for upstream OKs: off the read loop, so REQs go on meanwhile.
        tokio::spawn(async move {
            let id = event.id;
            let frame = match state.client() {
                Some(client) => match client.publish(event).await {
                    Ok(outcome) => {
                        let (accepted, message) = publish_summary(&state, &outcome);
                        state.metrics().client_event(if accepted {
                            "accepted"
                        } else {
                            "upstream_refused"
                        });
                        ok_frame(&id, accepted, &message)
                    }
                    Err(err) => ok_frame(&id, false, &format!("error: {err}")),
                },
                None => ok_frame(&id, false, "error: the gateway is shutting down"),
            };
            let _ = out.send(frame).await;
        });
    }

    /// Writing needs write access configured, and the token or an allowed authenticated key.
    fn may_write(&self) -> Result<(), &'static str> {
        let config = self.state.config();
        if !config.write_enabled() {
            return Err("blocked: this gateway is read-only");
        }
        if self.token_ok {
            return Ok(());
        }
        // An allowed key that authenticated may also pass on events signed by others.
        if self.authed.iter().any(|k| config.write_pubkeys.contains(k)) {
            return Ok(());
        }
        if config.write_pubkeys.is_empty() {
            Err("restricted: writing needs the API token (Authorization: Bearer or ?token=)")
        } else {
            Err(
                "auth-required: authenticate (NIP-42) as an allowed key, or connect with the API token",
            )
        }
    }

    /// Stops every subscription of the connection.
    fn end_all(&mut self) {
        let open = self.subs.len();
        for (_, task) in self.subs.drain() {
            task.abort();
        }
        for task in self.counts.drain(..) {
            task.abort();
        }
        self.state
            .metrics()
            .client_subscriptions("relay", -(open as f64));
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        for (_, task) in self.subs.drain() {
            task.abort();
        }
        for task in self.counts.drain(..) {
            task.abort();
        }
    }
}

/// The id a malformed event claims, to answer with OK rather than NOTICE.
fn claimed_id(raw: &RawValue) -> Option<EventId> {
    #[derive(serde::Deserialize)]
    struct Claimed {
        id: String,
    }
    let claimed: Claimed = serde_json::from_str(raw.get()).ok()?;
    EventId::from_hex(&claimed.id).ok()
}

/// NIP-45 through the gateway: the largest of the cache's count and each relay's (the sources
/// overlap, so the sum would over-count; the largest is a lower bound, hence `approximate`).
pub(crate) async fn count(
    state: &AppState,
    filters: Vec<nipworker_core::Filter>,
) -> Result<u64, String> {
    let client = state
        .client()
        .ok_or_else(|| "error: the gateway is shutting down".to_owned())?;
    let cached = client
        .count_cached(filters.clone())
        .await
        .map_err(|e| format!("error: {e}"))?;
    let relays = client
        .count(filters, state.config().limits.query_timeout)
        .await
        .map_err(|e| format!("error: {e}"))?;
    Ok(relays
        .iter()
        .filter_map(|r| r.count.as_ref().ok().copied())
        .fold(cached, u64::max))
}
