//! NIP-46 against a real, independent remote signer (`nostr-connect`'s
//! `NostrConnectRemoteSigner`) on a real relay (`nostr-relay-builder`'s `MockRelay`) on
//! 127.0.0.1: bunker:// and nostrconnect:// flows, sign_event, NIP-44/NIP-04 round trips,
//! timeouts, wrong secrets, the crypto worker's full path, and secrets kept out of output.
//!
//! The connections worker is written elsewhere; [`stand_in`] serves its end of the NIP-46
//! channel (`IpcChannels::connections.nip46`) with one `TokioWebSocket` to the relay. It is a
//! minimal test stand-in, not the connections worker.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on bad fixtures
#![cfg(feature = "tokio-runtime")]

mod crypto_support;

use std::sync::Arc;
use std::time::Duration;

use nipworker_core::crypto::{nip04, nip44};
use nipworker_core::ipc::{IpcChannels, IpcConfig, Nip46Service};
use nipworker_core::protocol::flatbuffers::fb;
use nipworker_core::protocol::{EventBuilder, Keys, Kind, PublicKey, RelayUrl, Tag, Timestamp};
use nipworker_core::signer::nip46::{
    BunkerUri, Nip46Error, Nip46Options, Nip46Relay, Nip46Signer, NostrConnectUri,
};
use nipworker_core::signer::{Signer, SignerError};
use nipworker_core::workers::crypto::{CryptoWorker, CryptoWorkerConfig, CryptoWorkerHandle};
use nostr_connect::prelude as nc;
use nostr_relay_builder::MockRelay;
use tokio::sync::watch;
use tokio::task::JoinHandle;

use crypto_support::{Answer, call, sign_event};

const LIMIT: Duration = Duration::from_secs(30);

/// Stand-in for the connections worker's NIP-46 side: one WebSocket to `relay`.
mod stand_in {
    use std::collections::HashMap;

    use nipworker_core::ipc::{ChannelMessage, Nip46Service};
    use nipworker_core::protocol::flatbuffers::{fb, read_event, read_filters, write_event};
    use nipworker_core::protocol::{ClientMessage, RelayMessage, RelayUrl, ScanLimits};
    use nipworker_core::transport::{
        ConnectOptions, Incoming, TlsOptions, TokioWebSocket, WebSocketTransport,
    };
    use tokio::sync::watch;

    /// Serves `service` until either side closes; `live` counts subscriptions the relay EOSEd.
    pub async fn serve(mut service: Nip46Service, relay: String, live: watch::Sender<usize>) {
        let transport = TokioWebSocket::new(TlsOptions::default()).unwrap();
        let url = RelayUrl::parse(&relay).unwrap();
        let conn = transport
            .connect(&url, &ConnectOptions::default())
            .await
            .unwrap();
        let (sender, mut receiver) = (conn.sender, conn.receiver);
        let mut publishes: HashMap<[u8; 32], u64> = HashMap::new();
        let mut subscriptions: HashMap<String, u64> = HashMap::new();
        let limits = ScanLimits::default();
        loop {
            tokio::select! {
                request = service.rx.recv() => {
                    let Some(request) = request else { return };
                    let root = request.root().unwrap();
                    let id = root.request_id().unwrap();
                    let frame = match root.body().unwrap() {
                        fb::Nip46RequestBodyRef::Publish(p) => {
                            let event = read_event(p.event().unwrap()).unwrap();
                            publishes.insert(*event.id.as_bytes(), id);
                            ClientMessage::event(&event).to_json()
                        }
                        fb::Nip46RequestBodyRef::Subscribe(s) => {
                            let sub = s.subscription_id().unwrap().to_owned();
                            let filters = read_filters(s.filters().unwrap()).unwrap();
                            subscriptions.insert(sub.clone(), id);
                            ClientMessage::req(sub, &filters).to_json()
                        }
                        fb::Nip46RequestBodyRef::Close(c) => {
                            let sub = c.subscription_id().unwrap().to_owned();
                            subscriptions.remove(&sub);
                            ClientMessage::close(sub).to_json()
                        }
                    };
                    if sender.send_text(frame).await.is_err() {
                        return;
                    }
                }
                incoming = receiver.recv() => {
                    let Some(Incoming::Text(text)) = incoming else { return };
                    let Ok(message) = RelayMessage::parse(&text, &limits) else { continue };
                    let reply = match message {
                        RelayMessage::Ok { event_id, accepted, message } => {
                            let Some(id) = publishes.remove(event_id.as_bytes()) else { continue };
                            ChannelMessage::build(|b| {
                                let status = if accepted { fb::RelayOkStatus::Accepted } else { fb::RelayOkStatus::Rejected };
                                let ok = fb::RelayOk::create(b, relay.as_str(), status, message.as_ref());
                                let results = b.create_vector([ok]);
                                let body = fb::PublishResult::create(b, fb::Bytes32::from(event_id), results);
                                let body = fb::Nip46MessageBody::create_publish_result(b, body);
                                fb::Nip46Message::create(b, id, body)
                            })
                        }
                        RelayMessage::Event { subscription_id, event } => {
                            let Some(&id) = subscriptions.get(subscription_id.as_ref()) else { continue };
                            ChannelMessage::build(|b| {
                                let ev = write_event(b, &event);
                                let body = fb::EventReceived::create(b, subscription_id.as_ref(), relay.as_str(), ev);
                                let body = fb::Nip46MessageBody::create_event_received(b, body);
                                fb::Nip46Message::create(b, id, body)
                            })
                        }
                        RelayMessage::Eose { subscription_id } => {
                            let Some(&id) = subscriptions.get(subscription_id.as_ref()) else { continue };
                            live.send_modify(|n| *n += 1);
                            ChannelMessage::build(|b| {
                                let body =
                                fb::Eose::create(b, subscription_id.as_ref(), relay.as_str(), 0u32, false);
                                let body = fb::Nip46MessageBody::create_eose(b, body);
                                fb::Nip46Message::create(b, id, body)
                            })
                        }
                        _ => continue,
                    };
                    if service.tx.send(reply).await.is_err() {
                        return;
                    }
                }
            }
        }
    }
}

/// Approves every request, as a user who trusts the app would.
struct Approve;

impl nc::NostrConnectSignerActions for Approve {
    fn approve(&self, _public_key: &nc::PublicKey, _req: &nc::NostrConnectRequest) -> bool {
        true
    }
}

/// A relay, a running crypto worker with the stand-in on its NIP-46 channel.
struct Setup {
    _relay: MockRelay,
    url: String,
    handle: CryptoWorkerHandle,
    channels: IpcChannels,
    live: watch::Receiver<usize>,
}

async fn setup() -> Setup {
    let relay = MockRelay::run().await.unwrap();
    let url = relay.url().await.to_string();
    let ipc = IpcConfig::default();
    let mut channels = IpcChannels::new(&ipc).unwrap();
    let spare = IpcChannels::new(&ipc).unwrap();
    let crypto = std::mem::replace(&mut channels.crypto, spare.crypto);
    let nip46: Nip46Service =
        std::mem::replace(&mut channels.connections.nip46, spare.connections.nip46);
    let (worker, handle) = CryptoWorker::new(crypto, CryptoWorkerConfig::default()).unwrap();
    tokio::spawn(worker.run());
    let (live_tx, live) = watch::channel(0);
    tokio::spawn(stand_in::serve(nip46, url.clone(), live_tx));
    Setup {
        _relay: relay,
        url,
        handle,
        channels,
        live,
    }
}

fn our_key(pk: &nc::PublicKey) -> PublicKey {
    PublicKey::from_hex(&pk.to_hex()).unwrap()
}

fn options(connect: Duration, request: Duration) -> Nip46Options {
    Nip46Options {
        connect_timeout: connect,
        request_timeout: request,
        ..Nip46Options::default()
    }
}

/// Starts a bunker-mode remote signer with `secret`; returns its URI, user key and task.
fn start_bunker(url: &str, secret: &str) -> (BunkerUri, nc::Keys, JoinHandle<()>) {
    let keys = nc::NostrConnectKeys {
        signer: nc::Keys::generate(),
        user: nc::Keys::generate(),
    };
    let user = keys.user.clone();
    let signer =
        nc::NostrConnectRemoteSigner::new(keys, [url], Some(secret.to_owned()), None).unwrap();
    let uri = BunkerUri::parse(&signer.bunker_uri().to_string()).unwrap();
    let task = tokio::spawn(async move {
        let _ = signer.serve(Approve).await;
    });
    (uri, user, task)
}

/// Connects to a bunker, retrying while the signer's own subscription may not be live yet
/// (kind 24133 is ephemeral: a request sent before it listens is lost).
async fn connect_bunker(
    uri: &BunkerUri,
    relay: Arc<dyn Nip46Relay>,
) -> Result<Nip46Signer, Nip46Error> {
    let mut last = Err(Nip46Error::Timeout);
    for _ in 0..5 {
        last = Nip46Signer::connect_bunker(
            uri,
            Keys::generate(),
            relay.clone(),
            options(Duration::from_secs(3), Duration::from_secs(10)),
        )
        .await;
        if !matches!(last, Err(Nip46Error::Timeout)) {
            break;
        }
    }
    last
}

/// Sign, NIP-44 and NIP-04 both ways, ping: everything a connected signer offers.
async fn exercise(signer: &Nip46Signer, user: PublicKey) {
    assert_eq!(signer.public_key().await.unwrap(), user);
    signer.ping().await.unwrap();

    let unsigned = EventBuilder::new(Kind::TEXT_NOTE, "signed remotely")
        .tag(Tag::new(["t", "nip46"]))
        .created_at(Timestamp(1_700_000_123))
        .build(user);
    let event = signer.sign_event(unsigned.clone()).await.unwrap();
    event.verify().unwrap();
    assert_eq!(event.pubkey, user);
    assert_eq!(event.content, "signed remotely");
    assert_eq!(event.tags, unsigned.tags);
    // Another author's event is refused before anything is sent.
    let other = EventBuilder::new(Kind::TEXT_NOTE, "x").build(Keys::generate().public_key());
    assert_eq!(
        signer.sign_event(other).await,
        Err(SignerError::WrongAuthor)
    );

    let peer = Keys::generate();
    let key = nip44::ConversationKey::from_keys(&peer, &user).unwrap();
    let sealed = signer
        .nip44_encrypt(&peer.public_key(), "über secret")
        .await
        .unwrap();
    assert_eq!(nip44::decrypt(&key, &sealed).unwrap(), "über secret");
    let to_user = nip44::encrypt(&key, "reply 44").unwrap();
    assert_eq!(
        signer
            .nip44_decrypt(&peer.public_key(), &to_user)
            .await
            .unwrap(),
        "reply 44"
    );

    let sealed = signer
        .nip04_encrypt(&peer.public_key(), "old school")
        .await
        .unwrap();
    assert_eq!(nip04::decrypt(&peer, &user, &sealed).unwrap(), "old school");
    let to_user = nip04::encrypt(&peer, &user, "reply 04").unwrap();
    assert_eq!(
        signer
            .nip04_decrypt(&peer.public_key(), &to_user)
            .await
            .unwrap(),
        "reply 04"
    );
    // A payload the signer cannot open is its error, not a hang.
    let garbage = nip44::encrypt(
        &nip44::ConversationKey::from_keys(&peer, &peer.public_key()).unwrap(),
        "x",
    )
    .unwrap();
    assert_eq!(
        signer.nip44_decrypt(&peer.public_key(), &garbage).await,
        Err(SignerError::Rejected)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bunker_flow_signs_and_encrypts() {
    let s = setup().await;
    let (uri, user, task) = start_bunker(&s.url, "bunker-secret-1");
    let signer = tokio::time::timeout(LIMIT * 2, connect_bunker(&uri, s.handle.nip46_relay()))
        .await
        .unwrap()
        .unwrap();
    let user = our_key(&user.public_key());
    assert_eq!(signer.user_public_key(), user);
    assert_eq!(signer.remote_signer(), uri.remote_signer);
    assert_ne!(
        signer.remote_signer(),
        user,
        "separate signer and user keys"
    );
    tokio::time::timeout(LIMIT, exercise(&signer, user))
        .await
        .unwrap();

    // Logout: later calls fail fast, and nothing leaks the secret.
    signer.disconnect();
    assert!(signer.is_closed());
    assert_eq!(
        signer.nip44_encrypt(&user, "x").await,
        Err(SignerError::Unreachable("NIP-46 session is closed"))
    );
    task.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nostrconnect_flow_learns_the_signer() {
    let mut s = setup().await;
    let client = Keys::generate();
    let relay = RelayUrl::parse(&s.url).unwrap();
    let uri =
        Nip46Signer::nostrconnect_uri(&client, vec![relay], Some("nipworker test".into())).unwrap();
    let shown = uri.expose_uri();
    assert_eq!(NostrConnectUri::parse(&shown).unwrap(), uri);

    // The client listens first (its subscription is live once the relay sent EOSE) ...
    let before = *s.live.borrow();
    let traffic = s.handle.nip46_relay();
    let waiting = {
        let uri = uri.clone();
        tokio::spawn(async move {
            Nip46Signer::connect_nostrconnect(
                &uri,
                client,
                traffic,
                options(Duration::from_secs(20), Duration::from_secs(10)),
            )
            .await
        })
    };
    tokio::time::timeout(LIMIT, s.live.wait_for(|n| *n > before))
        .await
        .unwrap()
        .unwrap();

    // ... then the signer scans the URI and answers with the secret.
    let keys = nc::NostrConnectKeys {
        signer: nc::Keys::generate(),
        user: nc::Keys::generate(),
    };
    let (remote, user) = (
        our_key(&keys.signer.public_key()),
        our_key(&keys.user.public_key()),
    );
    let scanned = nc::NostrConnectURI::parse(&shown).unwrap();
    let signer = nc::NostrConnectRemoteSigner::from_uri(
        scanned,
        keys,
        Some(uri.secret.expose().to_owned()),
        None,
    )
    .unwrap();
    let task = tokio::spawn(async move {
        let _ = signer.serve(Approve).await;
    });

    let session = tokio::time::timeout(LIMIT, waiting)
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    assert_eq!(session.remote_signer(), remote);
    assert_eq!(session.user_public_key(), user);
    tokio::time::timeout(LIMIT, exercise(&session, user))
        .await
        .unwrap();
    task.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_secrets_are_refused() {
    let mut s = setup().await;
    // bunker://: the signer refuses a connect with another secret.
    let (mut uri, _user, task) = start_bunker(&s.url, "the-right-secret");
    uri.secret = Some(nipworker_core::signer::nip46::Nip46Secret::new(
        "a-wrong-secret",
    ));
    let result = tokio::time::timeout(LIMIT * 2, connect_bunker(&uri, s.handle.nip46_relay()))
        .await
        .unwrap();
    assert_eq!(result.unwrap_err(), Nip46Error::Rejected);
    task.abort();

    // nostrconnect://: a signer answering with another secret is not accepted.
    let client = Keys::generate();
    let relay = RelayUrl::parse(&s.url).unwrap();
    let uri = Nip46Signer::nostrconnect_uri(&client, vec![relay], None).unwrap();
    let before = *s.live.borrow();
    let traffic = s.handle.nip46_relay();
    let waiting = {
        let uri = uri.clone();
        tokio::spawn(async move {
            Nip46Signer::connect_nostrconnect(
                &uri,
                client,
                traffic,
                options(Duration::from_secs(4), Duration::from_secs(4)),
            )
            .await
        })
    };
    tokio::time::timeout(LIMIT, s.live.wait_for(|n| *n > before))
        .await
        .unwrap()
        .unwrap();
    let keys = nc::NostrConnectKeys {
        signer: nc::Keys::generate(),
        user: nc::Keys::generate(),
    };
    let scanned = nc::NostrConnectURI::parse(uri.expose_uri()).unwrap();
    let impostor =
        nc::NostrConnectRemoteSigner::from_uri(scanned, keys, Some("not-the-secret".into()), None)
            .unwrap();
    let task = tokio::spawn(async move {
        let _ = impostor.serve(Approve).await;
    });
    let result = tokio::time::timeout(LIMIT, waiting).await.unwrap().unwrap();
    assert_eq!(result.unwrap_err(), Nip46Error::SecretMismatch);
    task.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn silent_signers_time_out() {
    let s = setup().await;
    // Nobody listens for this signer key: the connect times out.
    let nobody = BunkerUri::parse(&format!(
        "bunker://{}?relay={}&secret=x",
        Keys::generate().public_key(),
        s.url
    ))
    .unwrap();
    let started = tokio::time::Instant::now();
    let result = Nip46Signer::connect_bunker(
        &nobody,
        Keys::generate(),
        s.handle.nip46_relay(),
        options(Duration::from_millis(800), Duration::from_secs(5)),
    )
    .await;
    assert_eq!(result.unwrap_err(), Nip46Error::Timeout);
    assert!(started.elapsed() < LIMIT);

    // A connected signer that stops answering: each request times out on its own.
    let (uri, user, task) = start_bunker(&s.url, "s");
    let connected = tokio::time::timeout(LIMIT * 2, async {
        let mut last = Err(Nip46Error::Timeout);
        for _ in 0..5 {
            last = Nip46Signer::connect_bunker(
                &uri,
                Keys::generate(),
                s.handle.nip46_relay(),
                options(Duration::from_secs(3), Duration::from_millis(800)),
            )
            .await;
            if !matches!(last, Err(Nip46Error::Timeout)) {
                break;
            }
        }
        last
    })
    .await
    .unwrap()
    .unwrap();
    task.abort();
    let _ = task.await;
    // The aborted signer's relay pool may take a moment to go quiet; ask until it has.
    let user = our_key(&user.public_key());
    let mut timed_out = false;
    for _ in 0..10 {
        if connected.nip44_encrypt(&user, "anyone?").await == Err(SignerError::Timeout) {
            timed_out = true;
            break;
        }
    }
    assert!(timed_out, "requests to a silent signer time out");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_worker_signs_through_a_remote_signer() {
    let mut s = setup().await;
    let (uri, user, task) = start_bunker(&s.url, "worker-secret");
    let signer = tokio::time::timeout(LIMIT * 2, connect_bunker(&uri, s.handle.nip46_relay()))
        .await
        .unwrap()
        .unwrap();
    let user = our_key(&user.public_key());
    s.handle.signer().set_signer(Arc::new(signer));

    let client = &mut s.channels.parser.crypto;
    let unsigned = EventBuilder::new(Kind::TEXT_NOTE, "via the worker").build(user);
    let Answer::Signed(event) =
        tokio::time::timeout(LIMIT, call(client, sign_event(1, &unsigned, false)))
            .await
            .unwrap()
    else {
        panic!("not signed");
    };
    event.verify().unwrap();
    assert_eq!(event.pubkey, user);
    let answer = tokio::time::timeout(
        LIMIT,
        call(
            &mut s.channels.connections.crypto,
            crypto_support::sign_auth(2, "wss://relay.example", "ch"),
        ),
    )
    .await
    .unwrap();
    let Answer::Signed(auth) = answer else {
        panic!("no auth: {answer:?}");
    };
    assert_eq!(auth.kind, Kind::AUTH);
    auth.verify().unwrap();
    let answer = tokio::time::timeout(
        LIMIT,
        call(
            client,
            crypto_support::encrypt(
                3,
                fb::EncryptionScheme::Nip44,
                Keys::generate().public_key(),
                "hi",
            ),
        ),
    )
    .await
    .unwrap();
    assert!(matches!(answer, Answer::Text(_)), "{answer:?}");
    task.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nip46_secrets_stay_out_of_output() {
    let s = setup().await;
    let secret = "do-not-print-this-secret";
    let (uri, _user, task) = start_bunker(&s.url, secret);
    let signer = tokio::time::timeout(LIMIT * 2, connect_bunker(&uri, s.handle.nip46_relay()))
        .await
        .unwrap()
        .unwrap();
    let client = Keys::generate();
    let nc_uri = Nip46Signer::nostrconnect_uri(&client, uri.relays.clone(), None).unwrap();
    let errors: Vec<String> = [
        Nip46Error::Rejected,
        Nip46Error::SecretMismatch,
        Nip46Error::Timeout,
        Nip46Error::InvalidUri("x"),
    ]
    .iter()
    .map(|e| format!("{e} {e:?} {}", SignerError::from(e.clone())))
    .collect();
    let bad =
        BunkerUri::parse(&format!("bunker://zz?relay={}&secret={secret}", s.url)).unwrap_err();
    let printed = [
        format!("{uri:?}"),
        format!("{signer:?}"),
        format!("{nc_uri:?}"),
        format!("{:?}", uri.secret),
        format!("{bad} {bad:?}"),
        format!("{:?}", s.handle),
        errors.join(" "),
    ];
    for text in &printed {
        assert!(!text.contains(secret), "{text}");
        assert!(!text.contains(nc_uri.secret.expose()), "{text}");
    }
    assert!(printed[0].contains(&uri.remote_signer.to_string()));
    // The exposing accessors are explicit and do carry the secret.
    assert!(uri.expose_uri().contains(secret));
    task.abort();
}

/// A hand-written signer in the style of older ones (fault injection: no crates.io signer
/// sends `auth_url` or NIP-04 replies on demand): it reads NIP-44 requests, answers every one
/// NIP-04-encrypted, and asks for approval through `auth_url` before signing.
async fn old_style_signer(relay: String, keys: Keys, ready: tokio::sync::oneshot::Sender<()>) {
    use nipworker_core::protocol::{
        ClientMessage, Filter, RelayMessage, ScanLimits, UnsignedEvent,
    };
    use nipworker_core::transport::{
        ConnectOptions, Incoming, TlsOptions, TokioWebSocket, WebSocketTransport,
    };
    let transport = TokioWebSocket::new(TlsOptions::default()).unwrap();
    let conn = transport
        .connect(
            &RelayUrl::parse(&relay).unwrap(),
            &ConnectOptions::default(),
        )
        .await
        .unwrap();
    let (sender, mut receiver) = (conn.sender, conn.receiver);
    let me = keys.public_key();
    let filters = [Filter::new().kind(Kind::NOSTR_CONNECT).pubkey(me)];
    sender
        .send_text(ClientMessage::req("old", &filters).to_json())
        .await
        .unwrap();
    let mut ready = Some(ready);
    let limits = ScanLimits::default();
    while let Some(Incoming::Text(text)) = receiver.recv().await {
        let event = match RelayMessage::parse(&text, &limits) {
            Ok(RelayMessage::Eose { .. }) => {
                if let Some(ready) = ready.take() {
                    let _ = ready.send(());
                }
                continue;
            }
            Ok(RelayMessage::Event { event, .. }) => event.into_owned(),
            _ => continue,
        };
        let client = event.pubkey;
        let key = nip44::ConversationKey::from_keys(&keys, &client).unwrap();
        let request: serde_json::Value =
            serde_json::from_str(&nip44::decrypt(&key, &event.content).unwrap()).unwrap();
        let id = request["id"].as_str().unwrap().to_owned();
        let params: Vec<String> = serde_json::from_value(request["params"].clone()).unwrap();
        let respond = |result: String, error: Option<String>| {
            let json =
                serde_json::json!({ "id": id, "result": result, "error": error }).to_string();
            let content = nip04::encrypt(&keys, &client, &json).unwrap();
            let answer = EventBuilder::new(Kind::NOSTR_CONNECT, content)
                .tag(Tag::new(["p".to_owned(), client.to_hex()]))
                .sign(&keys);
            ClientMessage::event(&answer).to_json()
        };
        let frames = match request["method"].as_str().unwrap() {
            "connect" => vec![respond("ack".into(), None)],
            "get_public_key" => vec![respond(me.to_hex(), None)],
            "sign_event" => {
                let unsigned: UnsignedEvent = serde_json::from_str(&params[0]).unwrap();
                let signed = unsigned.sign(&keys).unwrap();
                vec![
                    respond(
                        "auth_url".into(),
                        Some("https://signer.example/approve?req=1".into()),
                    ),
                    respond(signed.to_json(), None),
                ]
            }
            _ => vec![respond(String::new(), Some("unsupported".into()))],
        };
        let last = frames.len() - 1;
        for (i, frame) in frames.into_iter().enumerate() {
            sender.send_text(frame).await.unwrap();
            if i < last {
                // The user takes a moment to approve.
                tokio::time::sleep(Duration::from_millis(400)).await;
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn auth_url_challenges_and_nip04_replies() {
    let mut s = setup().await;
    let keys = Keys::generate();
    let (ready_tx, ready) = tokio::sync::oneshot::channel();
    let responder = tokio::spawn(old_style_signer(s.url.clone(), keys.clone(), ready_tx));
    tokio::time::timeout(LIMIT, ready).await.unwrap().unwrap();
    let uri = BunkerUri::parse(&format!("bunker://{}?relay={}", keys.public_key(), s.url)).unwrap();
    let signer = Nip46Signer::connect_bunker(
        &uri,
        Keys::generate(),
        s.handle.nip46_relay(),
        options(Duration::from_secs(10), Duration::from_secs(10)),
    )
    .await
    .unwrap();
    assert_eq!(signer.user_public_key(), keys.public_key());

    // Directly: the URL reaches the app while the request waits, then the answer arrives.
    let mut urls = signer.subscribe_auth_urls();
    let unsigned = EventBuilder::new(Kind::TEXT_NOTE, "approve me").build(keys.public_key());
    let event = tokio::time::timeout(LIMIT, signer.sign_event(unsigned.clone()))
        .await
        .unwrap()
        .unwrap();
    event.verify().unwrap();
    assert_eq!(
        urls.try_recv().unwrap(),
        "https://signer.example/approve?req=1"
    );

    // Through the worker: a non-final SignerAuthUrl for the request, then its signed event.
    s.handle.signer().set_signer(Arc::new(signer));
    let client = &mut s.channels.parser.crypto;
    client
        .tx
        .send(sign_event(7, &unsigned, false))
        .await
        .unwrap();
    let (id, first) = crypto_support::next(client).await;
    assert_eq!(id, 7);
    assert_eq!(
        first,
        Answer::AuthUrl("https://signer.example/approve?req=1".into())
    );
    let (id, last) = crypto_support::next(client).await;
    assert_eq!(id, 7);
    let Answer::Signed(event) = last else {
        panic!("no signed event: {last:?}");
    };
    event.verify().unwrap();
    responder.abort();
}
