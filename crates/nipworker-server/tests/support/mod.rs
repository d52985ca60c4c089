//! The real server binary in front of real relays on 127.0.0.1, and small clients for its
//! relay socket and HTTP API.
// Helpers of tests: a failure should panic with its cause, as in the tests themselves.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use futures::{SinkExt, StreamExt};
use nipworker_core::protocol::{EventBuilder, Keys};
use nipworker_core::{Event, Kind, Tag};
use serde_json::Value;
use tokio_tungstenite::tungstenite::Message;

/// A token long enough for the server.
pub const TOKEN: &str = "test-token-0123456789";

/// The server process; killed on drop.
pub struct Server {
    child: Option<Child>,
    pub addr: String,
}

impl Server {
    /// Starts the binary with `env` (memory store, no relays unless given), waiting for its
    /// listen line.
    pub fn start(env: &[(&str, &str)]) -> Self {
        let mut command = Command::new(env!("CARGO_BIN_EXE_nipworker-server"));
        command
            .env("NIPWORKER_LISTEN", "127.0.0.1:0")
            .env("NIPWORKER_DATABASE", "memory")
            .env("NIPWORKER_RELAYS", "")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        for (k, v) in env {
            command.env(k, v);
        }
        let mut child = command.spawn().expect("spawn server");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read the listen line");
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_owned();
        Self {
            child: Some(child),
            addr,
        }
    }

    /// `ws://addr/` (with `?token=` when given).
    pub fn ws_url(&self, token: Option<&str>) -> String {
        match token {
            Some(t) => format!("ws://{}/?token={t}", self.addr),
            None => format!("ws://{}/", self.addr),
        }
    }

    /// `http://addr{path}`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Sends SIGTERM and waits (bounded) for the exit status.
    pub fn terminate(&mut self, within: Duration) -> Option<ExitStatus> {
        let child = self.child.as_mut()?;
        let pid = nix::unistd::Pid::from_raw(child.id() as i32);
        nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).unwrap();
        let start = Instant::now();
        while start.elapsed() < within {
            if let Some(status) = child.try_wait().unwrap() {
                self.child = None;
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// `GET /metrics` text.
    pub async fn metrics(&self) -> String {
        reqwest::get(self.url("/metrics"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    }

    /// The value of one metric line (exact name with labels, as rendered).
    pub async fn metric(&self, series: &str) -> Option<f64> {
        self.metrics().await.lines().find_map(|line| {
            let (name, value) = line.rsplit_once(' ')?;
            (name == series).then(|| value.parse().ok())?
        })
    }

    /// Waits until `/ready` answers 200 (bounded).
    pub async fn wait_ready(&self, within: Duration) -> bool {
        let deadline = Instant::now() + within;
        while Instant::now() < deadline {
            if let Ok(r) = reqwest::get(self.url("/ready")).await
                && r.status() == 200
            {
                return true;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        false
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

/// A NIP-01 client of the relay socket.
pub struct Client {
    ws: tokio_tungstenite::WebSocketStream<
        tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>,
    >,
}

impl Client {
    pub async fn connect(url: &str) -> Self {
        let (ws, _) = tokio_tungstenite::connect_async(url)
            .await
            .expect("connect");
        Self { ws }
    }

    pub async fn send(&mut self, message: Value) {
        self.send_text(message.to_string()).await;
    }

    pub async fn send_text(&mut self, text: String) {
        self.ws.send(Message::text(text)).await.expect("send");
    }

    /// The next message as JSON (None on close or after `within`).
    pub async fn recv_within(&mut self, within: Duration) -> Option<Value> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let message = tokio::time::timeout_at(deadline, self.ws.next())
                .await
                .ok()??;
            match message.ok()? {
                Message::Text(text) => return serde_json::from_str(text.as_str()).ok(),
                Message::Close(_) => return None,
                _ => continue,
            }
        }
    }

    /// The raw next item, for diagnostics.
    pub async fn raw_next(
        &mut self,
        within: Duration,
    ) -> Option<Result<Message, tokio_tungstenite::tungstenite::Error>> {
        tokio::time::timeout(within, self.ws.next()).await.ok()?
    }

    pub async fn recv(&mut self) -> Value {
        self.recv_within(Duration::from_secs(10))
            .await
            .expect("a message within 10 s")
    }

    /// Messages until one of type `kind` for `sub` (included); skips AUTH challenges.
    pub async fn until(&mut self, kind: &str, sub: &str) -> Vec<Value> {
        let mut seen = Vec::new();
        for _ in 0..10_000 {
            let message = self.recv().await;
            let done = message[0] == kind && message[1] == sub;
            seen.push(message);
            if done {
                return seen;
            }
        }
        panic!("no {kind} for {sub}");
    }

    /// The next message that is not an AUTH challenge.
    pub async fn next_not_auth(&mut self) -> Value {
        for _ in 0..100 {
            let message = self.recv().await;
            if message[0] != "AUTH" {
                return message;
            }
        }
        panic!("only AUTH messages");
    }

    /// Events of `sub` among `messages`, by content.
    pub fn contents(messages: &[Value], sub: &str) -> Vec<String> {
        messages
            .iter()
            .filter(|m| m[0] == "EVENT" && m[1] == sub)
            .map(|m| m[2]["content"].as_str().unwrap().to_owned())
            .collect()
    }
}

/// A signed note.
pub fn note(keys: &Keys, content: &str) -> Event {
    EventBuilder::new(Kind(1), content).sign(keys)
}

/// A signed note with tags.
pub fn note_tagged(keys: &Keys, content: &str, tags: Vec<Tag>) -> Event {
    let mut builder = EventBuilder::new(Kind(1), content);
    for tag in tags {
        builder = builder.tag(tag);
    }
    builder.sign(keys)
}

/// `event` as JSON with its signature's first byte flipped (id still right).
pub fn forged(event: &Event) -> Value {
    let mut value: Value = serde_json::from_str(&event.to_json()).unwrap();
    let sig = value["sig"].as_str().unwrap().to_owned();
    let flipped = if sig.starts_with('0') { "1" } else { "0" };
    value["sig"] = Value::String(format!("{flipped}{}", &sig[1..]));
    value
}

/// Polls `check` every 20 ms until true or `within` passes.
pub async fn eventually(within: Duration, mut check: impl AsyncFnMut() -> bool) -> bool {
    let deadline = Instant::now() + within;
    while Instant::now() < deadline {
        if check().await {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    false
}
