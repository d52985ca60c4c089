//! The `NostrClient` object: each method checks its arguments, then calls the core's
//! `NostrClient` on the bindings' runtime; plus the signer specs and the nostrconnect pairing
//! handed to it. No second client logic lives here.

#![deny(unsafe_code)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::StreamExt;
use nipworker_core::client::{self as core_client};
use nipworker_core::signer::PrivateKeySigner;
use nipworker_core::signer::nip46::BunkerUri;
use nipworker_core::{Kind, Timestamp};
use zeroize::Zeroizing;

use crate::error::NipworkerError;
use crate::runtime::{drop_in_runtime, guard, run, run_pinned, runtime};
use crate::subscription::{EventItem, Subscription, SubscriptionListener, event_item};
use crate::types::{
    ClientConfig, Event, Filter, PublishResult, RelayStatus, SubscribeOptions, UnsignedEvent,
    checked_tags, core_filters,
};

/// Longest timeout accepted for signer connections and pairings.
const MAX_SIGNER_TIMEOUT_MS: u64 = 3_600_000;

/// Most events one `query` returns; larger reads use `subscribe`.
pub const MAX_QUERY_EVENTS: usize = 100_000;

/// How long `close` waits for calls still running on the client before closing it.
const CLOSE_IN_FLIGHT_WAIT: Duration = Duration::from_secs(5);
const CLOSE_POLL: Duration = Duration::from_millis(20);

fn signer_timeout(ms: u64) -> Result<Duration, NipworkerError> {
    if ms == 0 || ms > MAX_SIGNER_TIMEOUT_MS {
        return Err(NipworkerError::argument(format!(
            "timeout_ms must be between 1 and {MAX_SIGNER_TIMEOUT_MS}, got {ms}"
        )));
    }
    Ok(Duration::from_millis(ms))
}

/// A signer for `NostrClient::set_signer`, checked when made (`SignerSpec` in the UDL).
pub struct SignerSpec {
    spec: core_client::SignerSpec,
}

impl std::fmt::Debug for SignerSpec {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The core's Debug redacts the secret.
        self.spec.fmt(f)
    }
}

impl SignerSpec {
    /// A private key in hex or nsec (kept zeroized).
    pub fn private_key(secret: String) -> Result<Self, NipworkerError> {
        let secret = Zeroizing::new(secret);
        guard(|| {
            PrivateKeySigner::parse(&secret).map_err(|e| NipworkerError::InvalidSigner {
                reason: e.to_string(),
            })?;
            Ok(Self {
                spec: core_client::SignerSpec::PrivateKey(secret.clone()),
            })
        })
    }

    /// A `bunker://` URI (its secret kept zeroized), connecting within `timeout_ms`.
    pub fn bunker(uri: String, timeout_ms: u64) -> Result<Self, NipworkerError> {
        let uri = Zeroizing::new(uri);
        guard(|| {
            let timeout = signer_timeout(timeout_ms)?;
            // Nip46Error never echoes the URI.
            BunkerUri::parse(&uri).map_err(|e| NipworkerError::InvalidSigner {
                reason: e.to_string(),
            })?;
            Ok(Self {
                spec: core_client::SignerSpec::Bunker {
                    uri: uri.clone(),
                    timeout,
                },
            })
        })
    }
}

/// A nostrconnect pairing under way (`NostrConnectPairing` in the UDL).
pub struct NostrConnectPairing {
    uri: Zeroizing<String>,
    pairing: Mutex<Option<core_client::NostrConnectPairing>>,
}

impl std::fmt::Debug for NostrConnectPairing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NostrConnectPairing(<uri redacted>)")
    }
}

impl NostrConnectPairing {
    /// The URI to show as a QR code.
    pub fn uri(&self) -> String {
        self.uri.to_string()
    }
}

/// The Nostr client (`NostrClient` in the UDL).
pub struct NostrClient {
    /// `None` once closed.
    inner: Mutex<Option<Arc<core_client::NostrClient>>>,
}

impl std::fmt::Debug for NostrClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NostrClient").finish_non_exhaustive()
    }
}

impl NostrClient {
    /// Checks `config`, opens the store and starts the workers.
    pub async fn create(config: ClientConfig) -> Result<Self, NipworkerError> {
        let config = core_client::ClientConfig::from(config);
        let client =
            run_pinned(move || async move { Ok(core_client::NostrClient::new(config).await?) })
                .await?;
        Ok(Self {
            inner: Mutex::new(Some(Arc::new(client))),
        })
    }

    fn client(&self) -> Result<Arc<core_client::NostrClient>, NipworkerError> {
        self.inner
            .lock()
            .map_err(|_| NipworkerError::Internal {
                reason: "client state poisoned".into(),
            })?
            .clone()
            .ok_or(NipworkerError::Closed)
    }

    /// Makes `signer` the client's signer; returns its public key (hex).
    pub async fn set_signer(&self, signer: Arc<SignerSpec>) -> Result<String, NipworkerError> {
        let client = self.client()?;
        let spec = signer.spec.clone();
        run(async move { Ok(client.set_signer(spec).await?.to_hex()) }).await
    }

    /// Starts a nostrconnect pairing.
    pub fn nostrconnect(
        &self,
        relays: Vec<String>,
        app_name: Option<String>,
        timeout_ms: u64,
    ) -> Result<Arc<NostrConnectPairing>, NipworkerError> {
        guard(|| {
            let client = self.client()?;
            let timeout = signer_timeout(timeout_ms)?;
            if relays.is_empty() {
                return Err(NipworkerError::argument(
                    "nostrconnect needs at least one relay",
                ));
            }
            // The pairing starts listening on a runtime task.
            let _entered = runtime()?.enter();
            let pairing = client.nostrconnect(relays, app_name, timeout)?;
            Ok(Arc::new(NostrConnectPairing {
                uri: Zeroizing::new(pairing.uri().to_owned()),
                pairing: Mutex::new(Some(pairing)),
            }))
        })
    }

    /// Waits for the pairing's signer and makes it the client's signer.
    pub async fn finish_nostrconnect(
        &self,
        pairing: Arc<NostrConnectPairing>,
    ) -> Result<String, NipworkerError> {
        let client = self.client()?;
        let pairing = pairing
            .pairing
            .lock()
            .ok()
            .and_then(|mut p| p.take())
            .ok_or_else(|| NipworkerError::argument("this pairing was already finished"))?;
        run(async move { Ok(client.finish_nostrconnect(pairing).await?.to_hex()) }).await
    }

    /// Removes the signer.
    pub fn clear_signer(&self) -> Result<(), NipworkerError> {
        guard(|| Ok(self.client()?.clear_signer()?))
    }

    /// The signer's public key (hex), if there is a signer.
    pub async fn public_key(&self) -> Result<Option<String>, NipworkerError> {
        let client = self.client()?;
        run(async move { Ok(client.public_key().await?.map(|k| k.to_hex())) }).await
    }

    async fn open(
        &self,
        filters: Vec<Filter>,
        options: &SubscribeOptions,
    ) -> Result<Subscription, NipworkerError> {
        let client = self.client()?;
        let filters = core_filters(filters)?;
        let core_options = options.to_core()?;
        let include_raw = options.include_raw;
        run(async move {
            let sub = client.subscribe(filters, core_options).await?;
            Ok(Subscription::new(sub, include_raw))
        })
        .await
    }

    /// Opens a subscription.
    pub async fn subscribe(
        &self,
        filters: Vec<Filter>,
        options: SubscribeOptions,
    ) -> Result<Arc<Subscription>, NipworkerError> {
        Ok(Arc::new(self.open(filters, &options).await?))
    }

    /// Opens a subscription whose items are pushed to `listener`.
    pub async fn subscribe_with_listener(
        &self,
        filters: Vec<Filter>,
        options: SubscribeOptions,
        listener: Box<dyn SubscriptionListener>,
    ) -> Result<Arc<Subscription>, NipworkerError> {
        let sub = self.open(filters, &options).await?;
        sub.pump(listener)?;
        Ok(Arc::new(sub))
    }

    /// Stored events and each relay's until its end of stored events (at most
    /// [`MAX_QUERY_EVENTS`]).
    pub async fn query(
        &self,
        filters: Vec<Filter>,
        options: SubscribeOptions,
    ) -> Result<Vec<EventItem>, NipworkerError> {
        let client = self.client()?;
        let filters = core_filters(filters)?;
        let core_options = options.to_core()?;
        let include_raw = options.include_raw;
        run(async move {
            let stream = client.query(filters, core_options).await?;
            Ok(stream
                .take(MAX_QUERY_EVENTS)
                .map(|view| event_item(&view, include_raw))
                .collect()
                .await)
        })
        .await
    }

    /// Publishes a signed event.
    pub async fn publish(
        &self,
        event: Event,
        relays: Option<Vec<String>>,
    ) -> Result<PublishResult, NipworkerError> {
        let client = self.client()?;
        let event = guard(|| nipworker_core::Event::try_from(event))?;
        run(async move { Ok(client.publish_to(event, relays).await?.into()) }).await
    }

    /// Signs with the client's signer, then publishes.
    pub async fn publish_unsigned(
        &self,
        event: UnsignedEvent,
        relays: Option<Vec<String>>,
    ) -> Result<PublishResult, NipworkerError> {
        let client = self.client()?;
        let tags = checked_tags(event.tags)?;
        run(async move {
            let pubkey = client.public_key().await?.ok_or(NipworkerError::NoSigner)?;
            let unsigned = nipworker_core::protocol::UnsignedEvent {
                pubkey,
                created_at: event.created_at.map_or_else(Timestamp::now, Timestamp),
                kind: Kind(event.kind),
                tags,
                content: event.content,
            };
            Ok(client.publish_to(unsigned, relays).await?.into())
        })
        .await
    }

    /// Every relay's state as last reported.
    pub fn relays(&self) -> Vec<RelayStatus> {
        guard(|| Ok(self.client()?.relays()))
            .unwrap_or_default()
            .into_iter()
            .map(RelayStatus::from)
            .collect()
    }

    /// Closes the client gracefully (subscriptions, cache, sockets, workers).
    pub async fn close(&self) -> Result<(), NipworkerError> {
        let taken = self
            .inner
            .lock()
            .map_err(|_| NipworkerError::Internal {
                reason: "client state poisoned".into(),
            })?
            .take();
        let Some(mut client) = taken else {
            return Ok(());
        };
        run_pinned(move || async move {
            // Calls still running hold the client; give them a moment, boundedly.
            let rounds = CLOSE_IN_FLIGHT_WAIT.as_millis() / CLOSE_POLL.as_millis();
            for _ in 0..rounds {
                match Arc::try_unwrap(client) {
                    Ok(owned) => return Ok(owned.close().await?),
                    Err(shared) => client = shared,
                }
                tokio::time::sleep(CLOSE_POLL).await;
            }
            let running = Arc::strong_count(&client) - 1;
            drop(client);
            Err(NipworkerError::Internal {
                reason: format!(
                    "close: {running} call(s) still running after {} s; the client stops when \
                     they end",
                    CLOSE_IN_FLIGHT_WAIT.as_secs()
                ),
            })
        })
        .await
    }
}

impl Drop for NostrClient {
    fn drop(&mut self) {
        // Freed by a foreign garbage collector without close(): subscriptions end and the workers
        // stop (the core's Drop), inside the runtime.
        if let Ok(mut inner) = self.inner.lock() {
            drop_in_runtime(inner.take());
        }
    }
}
