//! A session with one remote signer: connecting (bunker:// or nostrconnect://), sending
//! encrypted requests, matching responses by id, surfacing `auth_url` challenges, and the
//! [`Signer`] impl on top.

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use async_trait::async_trait;
use tokio::sync::{broadcast, mpsc, oneshot};

use super::relay::{Nip46Relay, Nip46Subscription};
use super::rpc::{Message, Method, Request, Response, random_id};
use super::uri::{BunkerUri, Nip46Secret, NostrConnectUri};
use super::{Nip46Error, Nip46Options};
use crate::crypto::{nip04, nip44};
use crate::protocol::{
    Event, EventBuilder, Filter, Keys, Kind, PublicKey, RelayUrl, Tag, Timestamp, UnsignedEvent,
};
use crate::runtime;
use crate::signer::{Signer, SignerError};

/// What the reader task and the callers share.
struct Shared {
    pending: Mutex<HashMap<String, oneshot::Sender<Response>>>,
    auth_urls: broadcast::Sender<String>,
    closed: AtomicBool,
}

impl Shared {
    fn pending(&self) -> MutexGuard<'_, HashMap<String, oneshot::Sender<Response>>> {
        // Plain map: a panic elsewhere cannot leave it inconsistent.
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn close(&self) {
        self.closed.store(true, Ordering::SeqCst);
        // Dropping the senders fails every waiting request with `Closed`.
        self.pending().clear();
    }
}

/// Removes a request's slot when its caller stops waiting (answer, timeout or cancellation).
struct PendingGuard<'a> {
    shared: &'a Shared,
    id: String,
}

impl Drop for PendingGuard<'_> {
    fn drop(&mut self) {
        self.shared.pending().remove(&self.id);
    }
}

/// A connected NIP-46 remote signer.
pub struct Nip46Signer {
    client: Keys,
    remote: PublicKey,
    user: PublicKey,
    conversation: nip44::ConversationKey,
    relays: Vec<RelayUrl>,
    relay: Arc<dyn Nip46Relay>,
    subscription_id: String,
    shared: Arc<Shared>,
    options: Nip46Options,
}

impl fmt::Debug for Nip46Signer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Nip46Signer")
            .field("client", &self.client.public_key())
            .field("remote_signer", &self.remote)
            .field("user", &self.user)
            .field("relays", &self.relays)
            .finish_non_exhaustive()
    }
}

/// Runs `fut` with a deadline; the returned future is `Send` on every target, as the
/// [`Signer`] futures must be. Browser timers are not `Send`, so there the timer runs as a
/// local task that signals through a oneshot channel.
async fn within<F: std::future::Future>(
    limit: Duration,
    fut: F,
) -> Result<F::Output, runtime::Elapsed> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        runtime::timeout(limit, fut).await
    }
    #[cfg(target_arch = "wasm32")]
    {
        use futures::future::{Either, select};
        let (tx, rx) = oneshot::channel::<()>();
        runtime::spawn(async move {
            runtime::sleep(limit).await;
            let _ = tx.send(());
        });
        match select(std::pin::pin!(fut), rx).await {
            Either::Left((out, _)) => Ok(out),
            Either::Right(_) => Err(runtime::Elapsed(limit)),
        }
    }
}

/// The filter for answers addressed to the client key.
fn inbox(client: &PublicKey) -> Filter {
    // Kind 24133 is ephemeral: only live events arrive; `since` keeps stored stragglers out.
    Filter::new()
        .kind(Kind::NOSTR_CONNECT)
        .pubkey(*client)
        .since(Timestamp::now().saturating_sub(30))
}

/// Decrypts a kind-24133 payload from `from`: NIP-44, or NIP-04 (`?iv=`) from older signers.
fn open(client: &Keys, from: &PublicKey, content: &str) -> Option<String> {
    if content.contains("?iv=") {
        return nip04::decrypt(client, from, content).ok();
    }
    let key = nip44::ConversationKey::from_keys(client, from).ok()?;
    nip44::decrypt(&key, content).ok()
}

/// Reads a signer's event: kind, signature, then the decrypted message.
fn read_message(client: &Keys, event: &Event) -> Option<Message> {
    if event.kind != Kind::NOSTR_CONNECT || event.verify().is_err() {
        return None;
    }
    let json = open(client, &event.pubkey, &event.content)?;
    Message::from_json(&json).ok()
}

/// Routes the signer's answers to the waiting requests until the subscription ends.
async fn read_loop(
    mut events: mpsc::Receiver<Event>,
    client: Keys,
    remote: PublicKey,
    shared: Arc<Shared>,
) {
    while let Some(event) = events.recv().await {
        if event.pubkey != remote {
            continue;
        }
        let Some(Message::Response(response)) = read_message(&client, &event) else {
            tracing::debug!("NIP-46: ignored an event that is no response");
            continue;
        };
        if response.is_auth_url() {
            if let Some(url) = response.error {
                // No listener is fine: the request still waits for its real answer.
                let _ = shared.auth_urls.send(url);
            }
            continue;
        }
        let waiting = shared.pending().remove(&response.id);
        if let Some(tx) = waiting {
            let _ = tx.send(response);
        }
    }
    shared.close();
}

/// Does the `connect` answer of a nostrconnect signer carry our secret? `None`: not a connect
/// answer at all.
fn connect_secret_matches(message: &Message, secret: &Nip46Secret) -> Option<bool> {
    match message {
        // NIP-46: a response whose result is the secret.
        Message::Response(r) if r.error.is_none() => {
            r.result.as_deref().map(|got| got == secret.expose())
        }
        // Signers such as nostr-connect 0.44 send a `connect` request [signer key, secret].
        Message::Request(r) if r.method == Method::Connect.as_str() => {
            Some(r.params.get(1).map(String::as_str) == Some(secret.expose()))
        }
        _ => None,
    }
}

impl Nip46Signer {
    /// Connects to the signer of a `bunker://` URI: sends `connect` with the URI's secret, then
    /// learns the user's public key.
    pub async fn connect_bunker(
        uri: &BunkerUri,
        client: Keys,
        relay: Arc<dyn Nip46Relay>,
        options: Nip46Options,
    ) -> Result<Self, Nip46Error> {
        let subscription = within(
            options.request_timeout,
            relay.subscribe(inbox(&client.public_key()), &uri.relays),
        )
        .await
        .map_err(|_| Nip46Error::Timeout)??;
        let mut signer = Self::start(
            client,
            uri.remote_signer,
            uri.relays.clone(),
            relay,
            subscription,
            options,
        )?;
        let mut params = vec![uri.remote_signer.to_hex()];
        if let Some(secret) = &uri.secret {
            params.push(secret.expose().to_owned());
        }
        let result = signer
            .call_within(Method::Connect, params, options.connect_timeout)
            .await?;
        let acked = result == "ack" || uri.secret.as_ref().is_some_and(|s| s.expose() == result);
        if !acked {
            return Err(Nip46Error::SecretMismatch);
        }
        signer.user = signer.fetch_public_key().await?;
        Ok(signer)
    }

    /// A `nostrconnect://` URI for `client` with a fresh secret, to show the signer.
    pub fn nostrconnect_uri(
        client: &Keys,
        relays: Vec<RelayUrl>,
        name: Option<String>,
    ) -> Result<NostrConnectUri, Nip46Error> {
        if relays.is_empty() {
            return Err(Nip46Error::InvalidUri("no relay"));
        }
        Ok(NostrConnectUri {
            client: client.public_key(),
            relays,
            secret: Nip46Secret::generate()?,
            name,
        })
    }

    /// Waits for the signer that scanned `uri`: its `connect` answer must carry the URI's
    /// secret; its key becomes the remote signer. Then learns the user's public key.
    pub async fn connect_nostrconnect(
        uri: &NostrConnectUri,
        client: Keys,
        relay: Arc<dyn Nip46Relay>,
        options: Nip46Options,
    ) -> Result<Self, Nip46Error> {
        if uri.client != client.public_key() {
            return Err(Nip46Error::InvalidUri("URI is for another client key"));
        }
        let mut subscription = within(
            options.request_timeout,
            relay.subscribe(inbox(&uri.client), &uri.relays),
        )
        .await
        .map_err(|_| Nip46Error::Timeout)??;
        let mut mismatch = false;
        let waited = within(options.connect_timeout, async {
            // Bounded by the timeout around it.
            while let Some(event) = subscription.events.recv().await {
                let Some(message) = read_message(&client, &event) else {
                    continue;
                };
                match connect_secret_matches(&message, &uri.secret) {
                    Some(true) => return Ok(event.pubkey),
                    Some(false) => {
                        tracing::debug!("NIP-46: connect answer with a wrong secret ignored");
                        mismatch = true;
                    }
                    None => {}
                }
            }
            Err(Nip46Error::Relay("subscription ended"))
        })
        .await;
        let remote = match waited {
            Ok(result) => result?,
            Err(_) if mismatch => return Err(Nip46Error::SecretMismatch),
            Err(_) => return Err(Nip46Error::Timeout),
        };
        let mut signer = Self::start(
            client,
            remote,
            uri.relays.clone(),
            relay,
            subscription,
            options,
        )?;
        // Some signers (nostr-connect 0.44) start reading requests only after sending their
        // connect answer, so the first request may be lost: `get_public_key` is idempotent and
        // is asked up to three times within the request timeout.
        let attempt = options.request_timeout / 3;
        let mut last = Err(Nip46Error::Timeout);
        for _ in 0..3 {
            last = signer
                .call_within(Method::GetPublicKey, Vec::new(), attempt)
                .await;
            if !matches!(last, Err(Nip46Error::Timeout)) {
                break;
            }
        }
        signer.user = PublicKey::from_hex(&last?).map_err(|_| Nip46Error::InvalidResponse)?;
        Ok(signer)
    }

    fn start(
        client: Keys,
        remote: PublicKey,
        relays: Vec<RelayUrl>,
        relay: Arc<dyn Nip46Relay>,
        subscription: Nip46Subscription,
        options: Nip46Options,
    ) -> Result<Self, Nip46Error> {
        let conversation = nip44::ConversationKey::from_keys(&client, &remote)
            .map_err(|_| Nip46Error::InvalidUri("remote signer key is not a curve point"))?;
        let shared = Arc::new(Shared {
            pending: Mutex::new(HashMap::new()),
            auth_urls: broadcast::channel(16).0,
            closed: AtomicBool::new(false),
        });
        runtime::spawn(read_loop(
            subscription.events,
            client.clone(),
            remote,
            shared.clone(),
        ));
        Ok(Self {
            client,
            remote,
            // Set from `get_public_key` before the signer is handed out.
            user: remote,
            conversation,
            relays,
            relay,
            subscription_id: subscription.id,
            shared,
            options,
        })
    }

    /// Sends one request and waits up to `limit` for its answer's `result`.
    async fn call_within(
        &self,
        method: Method,
        params: Vec<String>,
        limit: Duration,
    ) -> Result<String, Nip46Error> {
        if self.shared.closed.load(Ordering::SeqCst) {
            return Err(Nip46Error::Closed);
        }
        let id = random_id()?;
        let (tx, rx) = oneshot::channel();
        {
            let mut pending = self.shared.pending();
            if pending.len() >= self.options.max_pending {
                return Err(Nip46Error::TooManyRequests);
            }
            pending.insert(id.clone(), tx);
        }
        let _guard = PendingGuard {
            shared: &self.shared,
            id: id.clone(),
        };
        let request = Request {
            id,
            method: method.as_str().to_owned(),
            params,
        };
        let json = serde_json::to_string(&request).map_err(|_| Nip46Error::Encryption)?;
        let content =
            nip44::encrypt(&self.conversation, &json).map_err(|_| Nip46Error::Encryption)?;
        let event = EventBuilder::new(Kind::NOSTR_CONNECT, content)
            .tag(Tag::new(["p".to_owned(), self.remote.to_hex()]))
            .sign(&self.client);
        let response = within(limit, async {
            self.relay.publish(event, &self.relays).await?;
            rx.await.map_err(|_| Nip46Error::Closed)
        })
        .await
        .map_err(|_| Nip46Error::Timeout)??;
        if response.error.as_deref().is_some_and(|e| !e.is_empty()) {
            return Err(Nip46Error::Rejected);
        }
        response.result.ok_or(Nip46Error::InvalidResponse)
    }

    async fn call(&self, method: Method, params: Vec<String>) -> Result<String, Nip46Error> {
        self.call_within(method, params, self.options.request_timeout)
            .await
    }

    async fn fetch_public_key(&self) -> Result<PublicKey, Nip46Error> {
        let hex = self.call(Method::GetPublicKey, Vec::new()).await?;
        PublicKey::from_hex(&hex).map_err(|_| Nip46Error::InvalidResponse)
    }

    /// The remote signer's own key (the one requests are encrypted to).
    pub fn remote_signer(&self) -> PublicKey {
        self.remote
    }

    /// The user's key, learnt from `get_public_key` when connecting.
    pub fn user_public_key(&self) -> PublicKey {
        self.user
    }

    /// `ping`: succeeds when the signer answers `pong`.
    pub async fn ping(&self) -> Result<(), Nip46Error> {
        match self.call(Method::Ping, Vec::new()).await?.as_str() {
            "pong" => Ok(()),
            _ => Err(Nip46Error::InvalidResponse),
        }
    }

    /// Ends the session (logout): closes the subscription and fails every waiting request;
    /// later calls fail with [`Nip46Error::Closed`].
    pub fn disconnect(&self) {
        if !self.shared.closed.swap(true, Ordering::SeqCst) {
            self.relay.unsubscribe(&self.subscription_id);
        }
        self.shared.close();
    }

    /// True once [`Self::disconnect`] ran or the subscription ended.
    pub fn is_closed(&self) -> bool {
        self.shared.closed.load(Ordering::SeqCst)
    }

    /// Listens for `auth_url` challenges: URLs the user must open to approve a request.
    pub fn subscribe_auth_urls(&self) -> broadcast::Receiver<String> {
        self.shared.auth_urls.subscribe()
    }
}

impl Drop for Nip46Signer {
    fn drop(&mut self) {
        self.disconnect();
    }
}

#[async_trait]
impl Signer for Nip46Signer {
    async fn public_key(&self) -> Result<PublicKey, SignerError> {
        Ok(self.user)
    }

    async fn sign_event(&self, unsigned: UnsignedEvent) -> Result<Event, SignerError> {
        if unsigned.pubkey != self.user {
            return Err(SignerError::WrongAuthor);
        }
        // NIP-46 sends `{kind, content, tags, created_at}`; `pubkey` is included as well
        // because some signers (nostr-connect 0.44) require it.
        let json = serde_json::to_string(&unsigned).map_err(|_| SignerError::InvalidResponse)?;
        let result = self.call(Method::SignEvent, vec![json]).await?;
        let event = Event::from_json(&result).map_err(|_| SignerError::InvalidResponse)?;
        let unchanged = event.pubkey == unsigned.pubkey
            && event.created_at == unsigned.created_at
            && event.kind == unsigned.kind
            && event.tags == unsigned.tags
            && event.content == unsigned.content;
        if !unchanged || event.verify().is_err() {
            return Err(SignerError::InvalidResponse);
        }
        Ok(event)
    }

    async fn nip04_encrypt(
        &self,
        peer: &PublicKey,
        plaintext: &str,
    ) -> Result<String, SignerError> {
        let params = vec![peer.to_hex(), plaintext.to_owned()];
        Ok(self.call(Method::Nip04Encrypt, params).await?)
    }

    async fn nip04_decrypt(&self, peer: &PublicKey, payload: &str) -> Result<String, SignerError> {
        let params = vec![peer.to_hex(), payload.to_owned()];
        Ok(self.call(Method::Nip04Decrypt, params).await?)
    }

    async fn nip44_encrypt(
        &self,
        peer: &PublicKey,
        plaintext: &str,
    ) -> Result<String, SignerError> {
        let params = vec![peer.to_hex(), plaintext.to_owned()];
        Ok(self.call(Method::Nip44Encrypt, params).await?)
    }

    async fn nip44_decrypt(&self, peer: &PublicKey, payload: &str) -> Result<String, SignerError> {
        let params = vec![peer.to_hex(), payload.to_owned()];
        Ok(self.call(Method::Nip44Decrypt, params).await?)
    }

    fn auth_urls(&self) -> Option<broadcast::Receiver<String>> {
        Some(self.subscribe_auth_urls())
    }
}
