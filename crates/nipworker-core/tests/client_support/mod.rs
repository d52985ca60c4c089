//! The four real workers on a SQLite file in a tempdir, and bounded readers of a subscription's
//! stream: what every end-to-end test of the workers starts from. Further down: the same for a
//! [`NostrClient`], and a NIP-46 bunker (nostr-connect) to sign remotely.
// Helpers of tests: a failure should panic with its cause, as in the tests themselves.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use nipworker_core::client::{ClientConfig, SubscriptionItem};
use nipworker_core::protocol::flatbuffers::fb;
use nipworker_core::signer::nip46::BunkerUri;
use nipworker_core::storage::{SqliteConfig, SqliteStore};
use nipworker_core::transport::{TlsOptions, TokioWebSocket, WebSocketTransport};
use nipworker_core::workers::connections::{BackoffConfig, ConnectionsConfig};
use nipworker_core::workers::parser::Subscription;
use nipworker_core::workers::set::{WorkerSet, WorkerSetConfig};
use nipworker_core::{EventId, NostrClient, PublicKey};
use nostr_connect::prelude as nc;
use tokio::time::timeout;

/// Upper bound for any single wait, so a bug fails instead of hanging.
pub const LIMIT: Duration = Duration::from_secs(20);

impl Drop for crate::relay_support::TestRelay {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The real workers on a SQLite file in a tempdir.
pub struct Client {
    pub set: WorkerSet,
    pub store: Arc<SqliteStore>,
    pub _dir: tempfile::TempDir,
}

pub async fn client() -> Client {
    client_with(WorkerSetConfig::default()).await
}

/// The real workers with `config`, a fast reconnect backoff added.
pub async fn client_with(config: WorkerSetConfig) -> Client {
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(
        SqliteStore::open(SqliteConfig::new(dir.path().join("cache.db")))
            .await
            .unwrap(),
    );
    let transport: Arc<dyn WebSocketTransport> =
        Arc::new(TokioWebSocket::new(TlsOptions::default()).unwrap());
    let config = WorkerSetConfig {
        connections: ConnectionsConfig {
            backoff: BackoffConfig {
                max_attempts: config.connections.backoff.max_attempts,
                ..fast_backoff()
            },
            ..config.connections
        },
        ..config
    };
    let set = WorkerSet::spawn(config, store.clone(), transport).unwrap();
    Client {
        set,
        store,
        _dir: dir,
    }
}

impl Client {
    /// Shuts the workers down; every one of them must end in time.
    pub async fn shutdown(self) {
        let Client { set, store, _dir } = self;
        set.shutdown(LIMIT).await.unwrap();
        // The cache worker is gone: the store has no other user left.
        assert_eq!(Arc::strong_count(&store), 1);
    }
}

/// Reads one message, bounded.
pub async fn next(sub: &mut Subscription) -> fb::parsed::SubscriptionBody {
    timeout(LIMIT, sub.recv())
        .await
        .expect("no message in time")
        .expect("subscription ended")
        .to_table()
        .unwrap()
        .body
}

/// A delivered event: its id, whether it came from the cache, its parsed body.
pub struct Delivered {
    pub id: EventId,
    pub from_cache: bool,
    pub body: Option<fb::parsed::ParsedBody>,
}

/// Reads until the subscription's End; returns the events and how many EOSEs came.
pub async fn read_to_end(sub: &mut Subscription) -> (Vec<Delivered>, usize) {
    let mut events = Vec::new();
    let mut eoses = 0;
    for _ in 0..10_000 {
        match next(sub).await {
            fb::parsed::SubscriptionBody::ParsedEvent(p) => events.push(Delivered {
                id: p.event.id.into(),
                from_cache: p.from_cache,
                body: p.body,
            }),
            fb::parsed::SubscriptionBody::Eose(_) => eoses += 1,
            // A relay that failed for good (checked by the tests that expect one).
            fb::parsed::SubscriptionBody::Closed(c) => eprintln!("closed: {c:?}"),
            fb::parsed::SubscriptionBody::End(_) => return (events, eoses),
            other => panic!("unexpected {other:?}"),
        }
    }
    panic!("no End after 10 000 messages");
}

/// Reads live messages until `id` arrives (EOSEs are skipped).
pub async fn wait_for(sub: &mut Subscription, id: EventId) -> Delivered {
    for _ in 0..1_000 {
        match next(sub).await {
            fb::parsed::SubscriptionBody::ParsedEvent(p) if EventId::from(p.event.id) == id => {
                return Delivered {
                    id,
                    from_cache: p.from_cache,
                    body: p.body,
                };
            }
            fb::parsed::SubscriptionBody::ParsedEvent(_)
            | fb::parsed::SubscriptionBody::Eose(_) => {}
            other => panic!("unexpected {other:?}"),
        }
    }
    panic!("{id} never arrived");
}

/// Waits for the subscription's first relay EOSE (so it is live on the relays).
pub async fn wait_relay_eose(sub: &mut Subscription) {
    for _ in 0..1_000 {
        if let fb::parsed::SubscriptionBody::Eose(e) = next(sub).await
            && e.relay.is_some()
        {
            return;
        }
    }
    panic!("no relay EOSE");
}

/// Waits (bounded) for `url` to reach `state` on the status broadcast.
pub async fn wait_state(c: &mut Client, url: &str, state: fb::RelayState) {
    let deadline = tokio::time::Instant::now() + LIMIT;
    loop {
        let status = timeout(deadline - tokio::time::Instant::now(), c.set.status.recv())
            .await
            .unwrap_or_else(|_| panic!("no {state:?} for {url} in time"))
            .unwrap()
            .to_table()
            .unwrap();
        if status.relay_url == url && status.state == state {
            return;
        }
    }
}

/// Reconnects quickly, so relay restarts do not slow the tests down.
pub fn fast_backoff() -> BackoffConfig {
    BackoffConfig {
        base: Duration::from_millis(100),
        factor: 2.0,
        cap: Duration::from_secs(1),
        jitter: 0.2,
        max_attempts: None,
    }
}

// ---------------------------------------------------------------------------------------------
// NostrClient: the front door over the same workers.
// ---------------------------------------------------------------------------------------------

/// The SQLite file a [`nostr_client`] in `dir` uses (open a second client on it to read it back).
pub fn client_db(dir: &tempfile::TempDir) -> std::path::PathBuf {
    dir.path().join("client.db")
}

/// A client on a SQLite file in `dir` reading and writing `relays`, reconnecting quickly.
pub async fn nostr_client(dir: &tempfile::TempDir, relays: &[String]) -> NostrClient {
    let mut builder = ClientConfig::builder()
        .sqlite(client_db(dir))
        .backoff(fast_backoff());
    for r in relays {
        builder = builder.relay(r.clone());
    }
    NostrClient::new(builder.build()).await.unwrap()
}

/// Reads one item of a client subscription, bounded.
pub async fn next_item(sub: &mut nipworker_core::client::Subscription) -> SubscriptionItem {
    timeout(LIMIT, sub.next())
        .await
        .expect("no item in time")
        .expect("the subscription ended")
}

// ---------------------------------------------------------------------------------------------
// A NIP-46 remote signer (nostr-connect, an independent implementation) in bunker mode.
// ---------------------------------------------------------------------------------------------

/// Its public key in our type.
pub fn nc_to_ours(pk: &nc::PublicKey) -> PublicKey {
    PublicKey::from_hex(&pk.to_hex()).unwrap()
}

/// A bunker-mode remote signer (nostr-connect) on `url`, approving everything.
pub fn start_bunker(url: &str) -> (BunkerUri, nc::Keys, tokio::task::JoinHandle<()>) {
    start_bunker_with(
        url,
        nc::NostrConnectKeys {
            signer: nc::Keys::generate(),
            user: nc::Keys::generate(),
        },
    )
}

/// A bunker-mode remote signer with the given keys on `url`, approving everything.
pub fn start_bunker_with(
    url: &str,
    keys: nc::NostrConnectKeys,
) -> (BunkerUri, nc::Keys, tokio::task::JoinHandle<()>) {
    let (uri, user, task) = start_bunker_uri_with(url, keys);
    (BunkerUri::parse(&uri).unwrap(), user, task)
}

/// [`start_bunker`], its `bunker://` URI as text (what an app hands to `SignerSpec::bunker`).
pub fn start_bunker_uri(url: &str) -> (String, nc::Keys, tokio::task::JoinHandle<()>) {
    start_bunker_uri_with(
        url,
        nc::NostrConnectKeys {
            signer: nc::Keys::generate(),
            user: nc::Keys::generate(),
        },
    )
}

fn start_bunker_uri_with(
    url: &str,
    keys: nc::NostrConnectKeys,
) -> (String, nc::Keys, tokio::task::JoinHandle<()>) {
    struct Approve;
    impl nc::NostrConnectSignerActions for Approve {
        fn approve(&self, _: &nc::PublicKey, _: &nc::NostrConnectRequest) -> bool {
            true
        }
    }
    let user = keys.user.clone();
    let signer =
        nc::NostrConnectRemoteSigner::new(keys, [url], Some("e2e-secret".to_owned()), None)
            .unwrap();
    let uri = signer.bunker_uri().to_string();
    let task = tokio::spawn(async move {
        let _ = signer.serve(Approve).await;
    });
    (uri, user, task)
}
