//! A scriptable, misbehaving Nostr relay on 127.0.0.1 for the "trust nothing a relay says" tests:
//! it serves stored events to REQs, then follows a [`Script`] (forged prefix frames, stalls, CLOSED,
//! hidden subscription limits, AUTH, oversized frames, drops) that tests may change at any time.

use std::collections::{BTreeMap, HashMap};
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use futures::{SinkExt, StreamExt};
use nipworker_core::{Event, Filter};
use serde_json::{Value, json};
use tokio::net::{TcpListener, TcpSocket, TcpStream};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;

/// Stands for the subscription id in [`Script::prefix_frames`].
pub const SUB: &str = "{sub}";

/// `["EVENT", SUB, event]` for [`Script::prefix_frames`], with `event` as raw JSON.
pub fn event_for_sub(event_json: &str) -> String {
    format!("[\"EVENT\",\"{SUB}\",{event_json}]")
}

/// How the relay closes a connection right after an EOSE.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropMode {
    /// Drop the TCP socket without any WebSocket close frame.
    Abrupt,
    /// Send a WebSocket close frame, then drop the socket without waiting for the reply.
    CloseFrame,
}

/// The misbehaviours of a relay; read on every frame, so changes apply at once.
#[derive(Debug, Clone, Default)]
pub struct Script {
    /// Raw text frames sent right after each answered REQ, before the stored events; [`SUB`] in
    /// them stands for the REQ's subscription id.
    pub prefix_frames: Vec<String>,
    /// Never answer REQs (no events, no EOSE, no live events) while keeping the socket open.
    pub stall_req: bool,
    /// Answer every REQ with `["CLOSED", sub, message]`.
    pub closed_on_req: Option<String>,
    /// Refuse, unannounced, a new subscription beyond this many open ones on a connection.
    pub max_subscriptions: Option<usize>,
    /// Challenge with AUTH on connect; refuse REQ/EVENT with "auth-required:" until the client AUTHs.
    pub auth_required: bool,
    /// After each answered REQ (after its EOSE), send one text frame of exactly this many bytes.
    pub oversized_after_req: Option<usize>,
    /// Close the connection right after sending an EOSE.
    pub drop_after_eose: Option<DropMode>,
    /// Answer client EVENTs with `["OK", id, true, "", 1]` (one element too many).
    pub ok_extra_elements: bool,
    /// The NIP-11 document served to plain HTTP requests on the relay's port (404 when unset).
    pub nip11: Option<String>,
}

impl Script {
    /// A well-behaved relay.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets [`Script::prefix_frames`].
    pub fn prefix_frames<I, S>(mut self, frames: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.prefix_frames = frames.into_iter().map(Into::into).collect();
        self
    }

    /// Sets [`Script::stall_req`].
    pub fn stall_req(mut self) -> Self {
        self.stall_req = true;
        self
    }

    /// Sets [`Script::closed_on_req`].
    pub fn closed_on_req(mut self, message: impl Into<String>) -> Self {
        self.closed_on_req = Some(message.into());
        self
    }

    /// Sets [`Script::max_subscriptions`].
    pub fn max_subscriptions(mut self, max: usize) -> Self {
        self.max_subscriptions = Some(max);
        self
    }

    /// Sets [`Script::auth_required`].
    pub fn auth_required(mut self) -> Self {
        self.auth_required = true;
        self
    }

    /// Sets [`Script::oversized_after_req`].
    pub fn oversized_after_req(mut self, bytes: usize) -> Self {
        self.oversized_after_req = Some(bytes);
        self
    }

    /// Sets [`Script::drop_after_eose`].
    pub fn drop_after_eose(mut self, mode: DropMode) -> Self {
        self.drop_after_eose = Some(mode);
        self
    }

    /// Sets [`Script::ok_extra_elements`].
    pub fn nip11(mut self, document: impl Into<String>) -> Self {
        self.nip11 = Some(document.into());
        self
    }

    pub fn ok_extra_elements(mut self) -> Self {
        self.ok_extra_elements = true;
        self
    }
}

/// What the accept loop or a test asks a connection task to do.
#[derive(Debug)]
enum Command {
    Send(String),
}

/// One open subscription of a connection.
#[derive(Debug)]
struct Sub {
    stalled: bool,
}

/// One open connection.
#[derive(Debug)]
struct Conn {
    tx: mpsc::UnboundedSender<Command>,
    task: Option<JoinHandle<()>>,
    subs: BTreeMap<String, Sub>,
    authenticated: bool,
}

#[derive(Debug, Default)]
struct State {
    events: Vec<String>,
    received: Vec<String>,
    reqs: Vec<Value>,
    accepted: usize,
    nip11_hits: usize,
    next_conn: u64,
    conns: HashMap<u64, Conn>,
}

#[derive(Debug, Default)]
struct Shared {
    state: Mutex<State>,
    script: Arc<Mutex<Script>>,
}

impl Shared {
    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn script(&self) -> Script {
        self.script
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

/// A scripted relay on `ws://127.0.0.1:PORT`; its tasks are aborted on drop.
#[derive(Debug)]
pub struct ScriptedRelay {
    port: u16,
    shared: Arc<Shared>,
    listener: Mutex<Option<JoinHandle<()>>>,
}

impl ScriptedRelay {
    /// Starts a well-behaved relay on an OS-chosen port.
    pub async fn start() -> Self {
        Self::start_with(Script::default()).await
    }

    /// Starts a relay following `script` on an OS-chosen port.
    pub async fn start_with(script: Script) -> Self {
        Self::start_on(0, script).await
    }

    /// Starts a relay following `script` on `port` (0: OS-chosen), retrying for up to 5 s.
    pub async fn start_on(port: u16, script: Script) -> Self {
        let shared = Arc::new(Shared {
            state: Mutex::default(),
            script: Arc::new(Mutex::new(script)),
        });
        let (port, task) = listen(port, shared.clone()).await;
        Self {
            port,
            shared,
            listener: Mutex::new(Some(task)),
        }
    }

    /// The relay's URL, `ws://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("ws://127.0.0.1:{}", self.port)
    }

    /// The relay's port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// The shared script handle: lock it to change the behaviour at any time.
    pub fn script(&self) -> Arc<Mutex<Script>> {
        self.shared.script.clone()
    }

    /// Replaces the script.
    pub fn set_script(&self, script: Script) {
        *self.shared.script.lock().unwrap() = script;
    }

    /// Changes the script in place.
    pub fn update_script(&self, change: impl FnOnce(&mut Script)) {
        change(&mut self.shared.script.lock().unwrap());
    }

    /// Stores an event, served to later REQs.
    pub fn store(&self, event: &Event) {
        self.store_json(event.to_json());
    }

    /// Stores an event given as raw JSON (need not be valid: unparseable events match every REQ).
    pub fn store_json(&self, json: impl Into<String>) {
        self.shared.state().events.push(json.into());
    }

    /// Stores an event and sends it to every open (not stalled) subscription on every connection.
    pub fn push(&self, event: &Event) {
        self.push_json(event.to_json());
    }

    /// [`ScriptedRelay::push`] for an event given as raw JSON.
    pub fn push_json(&self, json: impl Into<String>) {
        let json = json.into();
        let mut state = self.shared.state();
        state.events.push(json.clone());
        for conn in state.conns.values() {
            for (sub, _) in conn.subs.iter().filter(|(_, s)| !s.stalled) {
                let frame = event_frame(sub, &json);
                let _ = conn.tx.send(Command::Send(frame));
            }
        }
    }

    /// Sends a raw text frame to every open connection.
    pub fn send_raw(&self, frame: impl Into<String>) {
        let frame = frame.into();
        for conn in self.shared.state().conns.values() {
            let _ = conn.tx.send(Command::Send(frame.clone()));
        }
    }

    /// The stored events' JSON, in storage order.
    pub fn stored(&self) -> Vec<String> {
        self.shared.state().events.clone()
    }

    /// Every text frame clients sent, in arrival order.
    pub fn received_frames(&self) -> Vec<String> {
        self.shared.state().received.clone()
    }

    /// Every REQ clients sent, parsed, in arrival order.
    pub fn reqs(&self) -> Vec<Value> {
        self.shared.state().reqs.clone()
    }

    /// NIP-11 documents (or 404s) served to plain HTTP requests.
    pub fn nip11_hits(&self) -> usize {
        self.shared.state().nip11_hits
    }

    /// Connections accepted since the relay was created (across restarts).
    pub fn connections(&self) -> usize {
        self.shared.state().accepted
    }

    /// Connections open now.
    pub fn open_connections(&self) -> usize {
        self.shared.state().conns.len()
    }

    /// Subscriptions open now, over all connections.
    pub fn open_subscriptions(&self) -> usize {
        self.shared
            .state()
            .conns
            .values()
            .map(|c| c.subs.len())
            .sum()
    }

    /// Waits (up to `within`) until `check` holds; returns whether it did.
    pub async fn wait_until(&self, within: Duration, check: impl Fn(&Self) -> bool) -> bool {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            if check(self) {
                return true;
            }
            if tokio::time::Instant::now() >= deadline {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }

    /// Drops every open connection abruptly (no close frame) and keeps listening.
    pub fn kill_connections(&self) {
        let conns: Vec<Conn> = self.shared.state().conns.drain().map(|(_, c)| c).collect();
        for conn in conns {
            if let Some(task) = conn.task {
                task.abort();
            }
        }
    }

    /// Closes the listener and every connection; stored events, records and script are kept.
    pub fn stop(&self) {
        if let Some(task) = self.listener.lock().unwrap().take() {
            task.abort();
        }
        self.kill_connections();
    }

    /// Stops, then listens again on the same port with the same events and script.
    pub async fn restart(&self) {
        self.stop();
        let (_, task) = listen(self.port, self.shared.clone()).await;
        *self.listener.lock().unwrap() = Some(task);
    }
}

impl Drop for ScriptedRelay {
    fn drop(&mut self) {
        if let Some(task) = self
            .listener
            .get_mut()
            .unwrap_or_else(|e| e.into_inner())
            .take()
        {
            task.abort();
        }
        self.kill_connections();
    }
}

/// Binds 127.0.0.1:`port` (retrying while an old listener lets go) and spawns the accept loop.
async fn listen(port: u16, shared: Arc<Shared>) -> (u16, JoinHandle<()>) {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    let mut last_error = None;
    for _ in 0..50 {
        match bind(addr) {
            Ok(listener) => {
                let port = listener.local_addr().unwrap().port();
                return (port, tokio::spawn(accept_loop(listener, shared)));
            }
            Err(e) => last_error = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("could not listen on {addr}: {last_error:?}");
}

fn bind(addr: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = TcpSocket::new_v4()?;
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(64)
}

fn event_frame(sub: &str, event_json: &str) -> String {
    format!("[\"EVENT\",{},{}]", Value::from(sub), event_json)
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>) {
    loop {
        let tcp = match listener.accept().await {
            Ok((tcp, _)) => tcp,
            Err(e) => {
                tracing::warn!("scripted relay: accept failed: {e}");
                tokio::time::sleep(Duration::from_millis(10)).await;
                continue;
            }
        };
        // A plain HTTP request (no WebSocket upgrade) asks for the NIP-11 document.
        let document = shared.script().nip11;
        if let Some(head) = http_head(&tcp).await
            && !head.to_ascii_lowercase().contains("upgrade: websocket")
        {
            shared.state().nip11_hits += 1;
            tokio::spawn(answer_nip11(tcp, document));
            continue;
        }
        let (tx, rx) = mpsc::unbounded_channel();
        let id = {
            let mut state = shared.state();
            state.accepted += 1;
            state.next_conn += 1;
            let id = state.next_conn;
            state.conns.insert(
                id,
                Conn {
                    tx,
                    task: None,
                    subs: BTreeMap::new(),
                    authenticated: false,
                },
            );
            id
        };
        let task = tokio::spawn(serve(shared.clone(), id, tcp, rx));
        match shared.state().conns.get_mut(&id) {
            Some(conn) => conn.task = Some(task),
            // Already finished (or killed) before its handle was filed.
            None => task.abort(),
        }
    }
}

/// The request head, peeked (left in the socket for the WebSocket handshake); bounded wait.
async fn http_head(tcp: &TcpStream) -> Option<String> {
    let mut buf = vec![0u8; 8192];
    for _ in 0..100 {
        let n = tcp.peek(&mut buf).await.ok()?;
        let text = String::from_utf8_lossy(&buf[..n]).into_owned();
        if text.contains("\r\n\r\n") || n == buf.len() {
            return Some(text);
        }
        if n == 0 {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    None
}

async fn answer_nip11(mut tcp: TcpStream, document: Option<String>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut head = vec![0u8; 8192];
    let _ = tcp.read(&mut head).await;
    let (status, body) = match document {
        Some(body) => ("200 OK", body),
        None => ("404 Not Found", String::new()),
    };
    let response = format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/nostr+json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = tcp.write_all(response.as_bytes()).await;
    let _ = tcp.shutdown().await;
}

/// What a client frame asks the connection to do after the replies are sent.
enum After {
    Continue,
    Drop(DropMode),
}

async fn serve(
    shared: Arc<Shared>,
    id: u64,
    tcp: TcpStream,
    mut rx: mpsc::UnboundedReceiver<Command>,
) {
    serve_inner(&shared, id, tcp, &mut rx).await;
    shared.state().conns.remove(&id);
}

async fn serve_inner(
    shared: &Shared,
    id: u64,
    tcp: TcpStream,
    rx: &mut mpsc::UnboundedReceiver<Command>,
) {
    let config = WebSocketConfig::default()
        .max_message_size(None)
        .max_frame_size(None);
    let handshake = tokio_tungstenite::accept_async_with_config(tcp, Some(config));
    let mut ws = match tokio::time::timeout(Duration::from_secs(5), handshake).await {
        Ok(Ok(ws)) => ws,
        Ok(Err(e)) => {
            tracing::warn!("scripted relay: handshake failed: {e}");
            return;
        }
        Err(_) => {
            tracing::warn!("scripted relay: handshake timed out");
            return;
        }
    };
    if shared.script().auth_required {
        let frame = json!(["AUTH", format!("challenge-{id}")]).to_string();
        if let Err(e) = ws.send(Message::text(frame)).await {
            tracing::warn!("scripted relay: send failed: {e}");
            return;
        }
    }
    loop {
        tokio::select! {
            command = rx.recv() => match command {
                Some(Command::Send(frame)) => {
                    if let Err(e) = ws.send(Message::text(frame)).await {
                        tracing::warn!("scripted relay: send failed: {e}");
                        return;
                    }
                }
                None => return,
            },
            message = ws.next() => match message {
                Some(Ok(Message::Text(text))) => {
                    let (replies, after) = handle(shared, id, text.as_str());
                    for frame in replies {
                        if let Err(e) = ws.send(Message::text(frame)).await {
                            tracing::warn!("scripted relay: send failed: {e}");
                            return;
                        }
                    }
                    match after {
                        After::Continue => {}
                        After::Drop(DropMode::Abrupt) => return,
                        After::Drop(DropMode::CloseFrame) => {
                            let close = ws.close(None);
                            let _ = tokio::time::timeout(Duration::from_secs(1), close).await;
                            return;
                        }
                    }
                }
                Some(Ok(Message::Close(_))) | None => return,
                Some(Ok(_)) => {}
                Some(Err(e)) => {
                    tracing::warn!("scripted relay: read failed: {e}");
                    return;
                }
            },
        }
    }
}

/// Records a client frame and computes the replies, under the state lock (no await).
fn handle(shared: &Shared, id: u64, text: &str) -> (Vec<String>, After) {
    let script = shared.script();
    let mut state = shared.state();
    state.received.push(text.to_owned());
    let Ok(Value::Array(message)) = serde_json::from_str::<Value>(text) else {
        return (
            vec![notice("error: could not parse the message")],
            After::Continue,
        );
    };
    let kind = message.first().and_then(Value::as_str).unwrap_or_default();
    let State {
        events,
        reqs,
        conns,
        ..
    } = &mut *state;
    let Some(conn) = conns.get_mut(&id) else {
        return (Vec::new(), After::Continue);
    };
    match kind {
        "REQ" => {
            reqs.push(Value::Array(message.clone()));
            let Some(sub) = message.get(1).and_then(Value::as_str) else {
                return (
                    vec![notice("error: REQ without a subscription id")],
                    After::Continue,
                );
            };
            if script.auth_required && !conn.authenticated {
                conn.subs.remove(sub);
                let reason = "auth-required: this relay requires authentication";
                return (vec![closed(sub, reason)], After::Continue);
            }
            if let Some(reason) = &script.closed_on_req {
                conn.subs.remove(sub);
                return (vec![closed(sub, reason)], After::Continue);
            }
            let new_sub = !conn.subs.contains_key(sub);
            if new_sub
                && script
                    .max_subscriptions
                    .is_some_and(|max| conn.subs.len() >= max)
            {
                return (
                    vec![closed(sub, "error: too many subscriptions")],
                    After::Continue,
                );
            }
            // Unparseable filters match everything: this relay is lenient, the client must not be.
            let filters: Vec<Filter> = message[2..]
                .iter()
                .filter_map(|f| Filter::from_json(&f.to_string()).ok())
                .collect();
            let match_all = filters.len() < message.len() - 2 || filters.is_empty();
            let stalled = script.stall_req;
            conn.subs.insert(sub.to_owned(), Sub { stalled });
            if stalled {
                return (Vec::new(), After::Continue);
            }
            let mut replies: Vec<String> = script
                .prefix_frames
                .iter()
                .map(|f| f.replace(SUB, sub))
                .collect();
            for json in events.iter() {
                let matches = match_all
                    || Event::from_json(json)
                        .map(|ev| filters.iter().any(|f| f.matches(&ev)))
                        .unwrap_or(true);
                if matches {
                    replies.push(event_frame(sub, json));
                }
            }
            replies.push(json!(["EOSE", sub]).to_string());
            if let Some(size) = script.oversized_after_req {
                replies.push(oversized(size));
            }
            let after = match script.drop_after_eose {
                Some(mode) => After::Drop(mode),
                None => After::Continue,
            };
            (replies, after)
        }
        "CLOSE" => {
            if let Some(sub) = message.get(1).and_then(Value::as_str) {
                conn.subs.remove(sub);
            }
            (Vec::new(), After::Continue)
        }
        "EVENT" => {
            let Some(event) = message.get(1) else {
                return (
                    vec![notice("error: EVENT without an event")],
                    After::Continue,
                );
            };
            let event_id = event.get("id").cloned().unwrap_or(Value::Null);
            if script.auth_required && !conn.authenticated {
                let reason = "auth-required: this relay requires authentication";
                return (
                    vec![json!(["OK", event_id, false, reason]).to_string()],
                    After::Continue,
                );
            }
            events.push(event.to_string());
            let ok = if script.ok_extra_elements {
                json!(["OK", event_id, true, "", 1])
            } else {
                json!(["OK", event_id, true, ""])
            };
            (vec![ok.to_string()], After::Continue)
        }
        "AUTH" => {
            // Any AUTH event is accepted: these tests are about the client, not NIP-42 checks.
            conn.authenticated = true;
            let event_id = message
                .get(1)
                .and_then(|e| e.get("id"))
                .cloned()
                .unwrap_or(Value::Null);
            (
                vec![json!(["OK", event_id, true, ""]).to_string()],
                After::Continue,
            )
        }
        _ => (vec![notice("error: unknown message")], After::Continue),
    }
}

fn notice(message: &str) -> String {
    json!(["NOTICE", message]).to_string()
}

fn closed(sub: &str, message: &str) -> String {
    json!(["CLOSED", sub, message]).to_string()
}

/// A text frame of exactly `size` bytes: a NOTICE padded with `x` when `size` allows one.
fn oversized(size: usize) -> String {
    const HEAD: &str = "[\"NOTICE\",\"";
    const TAIL: &str = "\"]";
    if size < HEAD.len() + TAIL.len() {
        return "x".repeat(size);
    }
    let mut frame = String::with_capacity(size);
    frame.push_str(HEAD);
    frame.extend(std::iter::repeat_n('x', size - HEAD.len() - TAIL.len()));
    frame.push_str(TAIL);
    frame
}
