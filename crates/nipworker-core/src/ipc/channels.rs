//! The typed, bounded channels between the four workers, and the relay-status broadcast.
//!
//! [`IpcChannels::new`] builds the whole set at once and hands each worker exactly its ends.
//!
//! Every request channel is paired with a bounded reply channel, so two workers can block on each
//! other: a worker must never `send().await` to a peer while that peer may be waiting to send to
//! it. Workers wait for send capacity and for incoming messages in the same `select!` (with
//! [`Sender::reserve`]) or use [`Sender::try_send`] and handle [`IpcError::Full`].

use tokio::sync::{broadcast, mpsc};

use super::error::{IpcConfigError, IpcError, Unsent};
use super::message::{ChannelMessage, RootMessage};
use crate::protocol::flatbuffers::fb;

/// The sending end of one bounded channel carrying `R` messages.
#[derive(Debug)]
pub struct Sender<R: RootMessage> {
    inner: mpsc::Sender<ChannelMessage<R>>,
    name: &'static str,
}

impl<R: RootMessage> Clone for Sender<R> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
            name: self.name,
        }
    }
}

impl<R: RootMessage> Sender<R> {
    /// Sends, waiting while the channel is full (backpressure).
    pub async fn send(&self, message: ChannelMessage<R>) -> Result<(), Unsent<R>> {
        self.inner.send(message).await.map_err(|e| Unsent {
            error: IpcError::Closed { channel: self.name },
            message: e.0,
        })
    }

    /// Sends without waiting; a full channel hands the message back with [`IpcError::Full`].
    pub fn try_send(&self, message: ChannelMessage<R>) -> Result<(), Unsent<R>> {
        self.inner.try_send(message).map_err(|e| match e {
            mpsc::error::TrySendError::Full(message) => Unsent {
                error: IpcError::Full { channel: self.name },
                message,
            },
            mpsc::error::TrySendError::Closed(message) => Unsent {
                error: IpcError::Closed { channel: self.name },
                message,
            },
        })
    }

    /// Waits for one free slot, to be used in a `select!` beside the worker's receives.
    pub async fn reserve(&self) -> Result<Permit<'_, R>, IpcError> {
        self.inner
            .reserve()
            .await
            .map(|inner| Permit { inner })
            .map_err(|_| IpcError::Closed { channel: self.name })
    }

    /// Free slots right now.
    pub fn capacity(&self) -> usize {
        self.inner.capacity()
    }

    /// The bound of the channel.
    pub fn max_capacity(&self) -> usize {
        self.inner.max_capacity()
    }

    /// True once the receiver is gone.
    pub fn is_closed(&self) -> bool {
        self.inner.is_closed()
    }

    /// Completes when the receiver is gone.
    pub async fn closed(&self) {
        self.inner.closed().await;
    }

    /// The channel's name, e.g. `parser->crypto`.
    pub fn name(&self) -> &'static str {
        self.name
    }
}

/// One reserved slot of a channel: sending through it cannot fail or wait.
#[derive(Debug)]
pub struct Permit<'a, R: RootMessage> {
    inner: mpsc::Permit<'a, ChannelMessage<R>>,
}

impl<R: RootMessage> Permit<'_, R> {
    /// Sends into the reserved slot.
    pub fn send(self, message: ChannelMessage<R>) {
        self.inner.send(message);
    }
}

/// The receiving end of one bounded channel carrying `R` messages.
#[derive(Debug)]
pub struct Receiver<R: RootMessage> {
    inner: mpsc::Receiver<ChannelMessage<R>>,
    name: &'static str,
}

impl<R: RootMessage> Receiver<R> {
    /// The next message; `None` once every sender is gone and the queue is drained.
    pub async fn recv(&mut self) -> Option<ChannelMessage<R>> {
        self.inner.recv().await
    }

    /// Waits for at least one message, then takes up to `limit` into `buffer` (for batching).
    /// Returns 0 only once every sender is gone and the queue is drained.
    pub async fn recv_many(&mut self, buffer: &mut Vec<ChannelMessage<R>>, limit: usize) -> usize {
        self.inner.recv_many(buffer, limit).await
    }

    /// The next message if one is queued: `Ok(None)` when empty, [`IpcError::Closed`] once every
    /// sender is gone and the queue is drained.
    pub fn try_recv(&mut self) -> Result<Option<ChannelMessage<R>>, IpcError> {
        match self.inner.try_recv() {
            Ok(message) => Ok(Some(message)),
            Err(mpsc::error::TryRecvError::Empty) => Ok(None),
            Err(mpsc::error::TryRecvError::Disconnected) => {
                Err(IpcError::Closed { channel: self.name })
            }
        }
    }

    /// Refuses new messages; queued ones can still be received (graceful shutdown).
    pub fn close(&mut self) {
        self.inner.close();
    }

    /// Messages queued right now.
    pub fn len(&self) -> usize {
        self.inner.len()
    }

    /// True when nothing is queued.
    pub fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }

    /// The channel's name, e.g. `parser->crypto`.
    pub fn name(&self) -> &'static str {
        self.name
    }
}

/// One worker's side of a request/reply pair: it sends `T` and receives `R`.
#[derive(Debug)]
pub struct Endpoint<T: RootMessage, R: RootMessage> {
    /// Outgoing messages.
    pub tx: Sender<T>,
    /// Incoming messages.
    pub rx: Receiver<R>,
}

/// The asking side of the crypto worker's channels (parser; connections for AUTH).
pub type CryptoClient = Endpoint<fb::CryptoRequest, fb::CryptoResponse>;
/// The crypto worker's side of one of its request channels.
pub type CryptoService = Endpoint<fb::CryptoResponse, fb::CryptoRequest>;
/// The parser's side of the cache channels.
pub type CacheClient = Endpoint<fb::CacheRequest, fb::CacheResponse>;
/// The cache worker's side.
pub type CacheService = Endpoint<fb::CacheResponse, fb::CacheRequest>;
/// The parser's side of the connections channels.
pub type ConnectionsClient = Endpoint<fb::ConnectionsRequest, fb::ConnectionsMessage>;
/// The connections worker's side of the parser channels.
pub type ConnectionsService = Endpoint<fb::ConnectionsMessage, fb::ConnectionsRequest>;
/// The crypto worker's side of the NIP-46 relay traffic.
pub type Nip46Client = Endpoint<fb::Nip46Request, fb::Nip46Message>;
/// The connections worker's side of the NIP-46 relay traffic.
pub type Nip46Service = Endpoint<fb::Nip46Message, fb::Nip46Request>;

/// Broadcasts relay status changes (held by the connections worker).
#[derive(Debug, Clone)]
pub struct StatusSender {
    inner: broadcast::Sender<ChannelMessage<fb::RelayStatus>>,
}

impl StatusSender {
    /// Publishes a status change; returns how many listeners will see it (none is fine).
    pub fn send(&self, status: ChannelMessage<fb::RelayStatus>) -> usize {
        self.inner.send(status).unwrap_or(0)
    }

    /// A new listener that sees changes from now on.
    pub fn subscribe(&self) -> StatusReceiver {
        StatusReceiver {
            inner: self.inner.subscribe(),
        }
    }

    /// Listeners right now.
    pub fn receiver_count(&self) -> usize {
        self.inner.receiver_count()
    }
}

/// Listens to relay status changes.
#[derive(Debug)]
pub struct StatusReceiver {
    inner: broadcast::Receiver<ChannelMessage<fb::RelayStatus>>,
}

impl StatusReceiver {
    /// The next change. A listener that fell more than the capacity behind gets
    /// [`IpcError::Lagged`] once, then continues with the oldest change still held.
    pub async fn recv(&mut self) -> Result<ChannelMessage<fb::RelayStatus>, IpcError> {
        self.inner.recv().await.map_err(|e| match e {
            broadcast::error::RecvError::Closed => IpcError::Closed {
                channel: STATUS_CHANNEL,
            },
            broadcast::error::RecvError::Lagged(skipped) => IpcError::Lagged {
                channel: STATUS_CHANNEL,
                skipped,
            },
        })
    }

    /// The next change if one is waiting (`Ok(None)` when none).
    pub fn try_recv(&mut self) -> Result<Option<ChannelMessage<fb::RelayStatus>>, IpcError> {
        match self.inner.try_recv() {
            Ok(status) => Ok(Some(status)),
            Err(broadcast::error::TryRecvError::Empty) => Ok(None),
            Err(broadcast::error::TryRecvError::Closed) => Err(IpcError::Closed {
                channel: STATUS_CHANNEL,
            }),
            Err(broadcast::error::TryRecvError::Lagged(skipped)) => Err(IpcError::Lagged {
                channel: STATUS_CHANNEL,
                skipped,
            }),
        }
    }

    /// Another listener on the same channel, starting from now.
    pub fn resubscribe(&self) -> Self {
        Self {
            inner: self.inner.resubscribe(),
        }
    }
}

const STATUS_CHANNEL: &str = "relay-status";

/// Capacities of the channels, in messages. Each bound applies to both directions of its pair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IpcConfig {
    /// parser <-> crypto (verify batches, signing, encryption).
    pub crypto: usize,
    /// parser <-> cache (save batches, query chunks).
    pub cache: usize,
    /// parser -> connections (subscribe, close, publish).
    pub connections_requests: usize,
    /// connections -> parser: the relay stream, the busiest channel.
    pub relay_stream: usize,
    /// crypto <-> connections (NIP-42 AUTH signing and NIP-46 traffic).
    pub crypto_connections: usize,
    /// Relay status broadcast: changes kept for slow listeners before they lag.
    pub status: usize,
}

impl IpcConfig {
    /// The largest capacity accepted (Tokio's own limits are far higher; beyond this a bound
    /// no longer bounds memory in any useful way).
    pub const MAX_CAPACITY: usize = 1 << 20;

    fn validate(&self) -> Result<(), IpcConfigError> {
        for (channel, got) in [
            ("crypto", self.crypto),
            ("cache", self.cache),
            ("connections_requests", self.connections_requests),
            ("relay_stream", self.relay_stream),
            ("crypto_connections", self.crypto_connections),
            ("status", self.status),
        ] {
            if got == 0 || got > Self::MAX_CAPACITY {
                return Err(IpcConfigError::Capacity {
                    channel,
                    got,
                    max: Self::MAX_CAPACITY,
                });
            }
        }
        Ok(())
    }
}

impl Default for IpcConfig {
    fn default() -> Self {
        Self {
            crypto: 1024,
            cache: 256,
            connections_requests: 256,
            relay_stream: 4096,
            crypto_connections: 64,
            status: 256,
        }
    }
}

/// The parser worker's ends.
#[derive(Debug)]
pub struct ParserEndpoints {
    /// Requests to the crypto worker and its answers.
    pub crypto: CryptoClient,
    /// Requests to the cache worker and its answers.
    pub cache: CacheClient,
    /// Requests to the connections worker, and the relay stream back.
    pub connections: ConnectionsClient,
}

/// The crypto worker's ends.
#[derive(Debug)]
pub struct CryptoEndpoints {
    /// Requests from the parser.
    pub parser: CryptoService,
    /// AUTH signing requests from the connections worker.
    pub connections: CryptoService,
    /// NIP-46 relay traffic through the connections worker.
    pub nip46: Nip46Client,
}

/// The cache worker's ends.
#[derive(Debug)]
pub struct CacheEndpoints {
    /// Requests from the parser.
    pub parser: CacheService,
}

/// The connections worker's ends.
#[derive(Debug)]
pub struct ConnectionsEndpoints {
    /// Requests from the parser, and the relay stream to it.
    pub parser: ConnectionsService,
    /// AUTH signing requests to the crypto worker.
    pub crypto: CryptoClient,
    /// NIP-46 relay traffic for the crypto worker.
    pub nip46: Nip46Service,
    /// Relay status broadcast.
    pub status: StatusSender,
}

/// Every channel between the workers, split into per-worker ends.
#[derive(Debug)]
pub struct IpcChannels {
    /// Parser worker's ends.
    pub parser: ParserEndpoints,
    /// Crypto worker's ends.
    pub crypto: CryptoEndpoints,
    /// Cache worker's ends.
    pub cache: CacheEndpoints,
    /// Connections worker's ends.
    pub connections: ConnectionsEndpoints,
    /// A first status listener (for the orchestrator; `resubscribe` for more).
    pub status: StatusReceiver,
}

fn channel<R: RootMessage>(name: &'static str, capacity: usize) -> (Sender<R>, Receiver<R>) {
    let (tx, rx) = mpsc::channel(capacity);
    (Sender { inner: tx, name }, Receiver { inner: rx, name })
}

/// One standalone bounded channel, for pipes outside the worker set (per-subscription delivery,
/// tests, benchmarks). `name` shows up in its errors.
pub fn bounded<R: RootMessage>(
    name: &'static str,
    capacity: usize,
) -> Result<(Sender<R>, Receiver<R>), IpcConfigError> {
    if capacity == 0 || capacity > IpcConfig::MAX_CAPACITY {
        return Err(IpcConfigError::Capacity {
            channel: name,
            got: capacity,
            max: IpcConfig::MAX_CAPACITY,
        });
    }
    Ok(channel(name, capacity))
}

/// Builds both directions of a pair: the client sends `Q` and receives `A`.
fn pair<Q: RootMessage, A: RootMessage>(
    requests: &'static str,
    answers: &'static str,
    capacity: usize,
    answer_capacity: usize,
) -> (Endpoint<Q, A>, Endpoint<A, Q>) {
    let (q_tx, q_rx) = channel::<Q>(requests, capacity);
    let (a_tx, a_rx) = channel::<A>(answers, answer_capacity);
    (
        Endpoint { tx: q_tx, rx: a_rx },
        Endpoint { tx: a_tx, rx: q_rx },
    )
}

impl IpcChannels {
    /// Builds every channel with the given capacities.
    pub fn new(config: &IpcConfig) -> Result<Self, IpcConfigError> {
        config.validate()?;
        let (parser_crypto, crypto_parser) = pair(
            "parser->crypto",
            "crypto->parser",
            config.crypto,
            config.crypto,
        );
        let (parser_cache, cache_parser) =
            pair("parser->cache", "cache->parser", config.cache, config.cache);
        let (parser_connections, connections_parser) = pair(
            "parser->connections",
            "connections->parser",
            config.connections_requests,
            config.relay_stream,
        );
        let (connections_auth, crypto_auth) = pair(
            "connections->crypto",
            "crypto->connections",
            config.crypto_connections,
            config.crypto_connections,
        );
        let (crypto_nip46, connections_nip46) = pair(
            "crypto->connections/nip46",
            "connections->crypto/nip46",
            config.crypto_connections,
            config.crypto_connections,
        );
        let (status_tx, status_rx) = broadcast::channel(config.status);
        Ok(Self {
            parser: ParserEndpoints {
                crypto: parser_crypto,
                cache: parser_cache,
                connections: parser_connections,
            },
            crypto: CryptoEndpoints {
                parser: crypto_parser,
                connections: crypto_auth,
                nip46: crypto_nip46,
            },
            cache: CacheEndpoints {
                parser: cache_parser,
            },
            connections: ConnectionsEndpoints {
                parser: connections_parser,
                crypto: connections_auth,
                nip46: connections_nip46,
                status: StatusSender { inner: status_tx },
            },
            status: StatusReceiver { inner: status_rx },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crypto_request(id: u64) -> ChannelMessage<fb::CryptoRequest> {
        ChannelMessage::from_table(&fb::CryptoRequest {
            request_id: id,
            body: fb::CryptoRequestBody::GetPublicKey(Box::new(fb::GetPublicKey {})),
        })
    }

    fn crypto_response(id: u64) -> ChannelMessage<fb::CryptoResponse> {
        ChannelMessage::from_table(&fb::CryptoResponse {
            request_id: id,
            body: fb::CryptoResponseBody::CryptoError(Box::new(fb::CryptoError {
                code: fb::CryptoErrorCode::NoSigner,
                message: None,
            })),
        })
    }

    fn status_msg(n: u32) -> ChannelMessage<fb::RelayStatus> {
        ChannelMessage::from_table(&fb::RelayStatus {
            relay_url: "wss://relay.example".into(),
            state: fb::RelayState::BackingOff,
            reason: None,
            retry_at_ms: Some(1),
            attempt: n,
        })
    }

    async fn round_trip<Q: RootMessage + super::super::Correlated, A>(
        client: &mut Endpoint<Q, A>,
        service: &mut Endpoint<A, Q>,
        request: ChannelMessage<Q>,
        answer: ChannelMessage<A>,
    ) where
        A: RootMessage + super::super::Correlated,
    {
        let id = request.request_id().unwrap();
        client.tx.send(request.clone()).await.unwrap();
        let got = service.rx.recv().await.unwrap();
        assert_eq!(got, request);
        assert_eq!(got.request_id().unwrap(), id);
        service.tx.send(answer.clone()).await.unwrap();
        assert_eq!(client.rx.recv().await.unwrap(), answer);
    }

    #[tokio::test]
    async fn every_pair_flows_both_ways() {
        let IpcChannels {
            mut parser,
            mut crypto,
            mut cache,
            mut connections,
            mut status,
        } = IpcChannels::new(&IpcConfig::default()).unwrap();

        round_trip(
            &mut parser.crypto,
            &mut crypto.parser,
            crypto_request(1),
            crypto_response(1),
        )
        .await;
        round_trip(
            &mut connections.crypto,
            &mut crypto.connections,
            crypto_request(2),
            crypto_response(2),
        )
        .await;
        round_trip(
            &mut parser.cache,
            &mut cache.parser,
            ChannelMessage::from_table(&fb::CacheRequest {
                request_id: 3,
                body: fb::CacheRequestBody::Wipe(Box::new(fb::Wipe {})),
            }),
            ChannelMessage::from_table(&fb::CacheResponse {
                request_id: 3,
                body: fb::CacheResponseBody::WipeResult(Box::new(fb::WipeResult {})),
            }),
        )
        .await;
        round_trip(
            &mut parser.connections,
            &mut connections.parser,
            ChannelMessage::from_table(&fb::ConnectionsRequest {
                request_id: 4,
                body: fb::ConnectionsRequestBody::Close(Box::new(fb::Close {
                    subscription_id: "s".into(),
                })),
            }),
            ChannelMessage::from_table(&fb::ConnectionsMessage {
                request_id: 4,
                body: fb::ConnectionsMessageBody::Closed(Box::new(fb::Closed {
                    subscription_id: "s".into(),
                    relay_url: "wss://r".into(),
                    reason: Some("closed by client".into()),
                    cause: fb::ClosedCause::Relay,
                })),
            }),
        )
        .await;
        round_trip(
            &mut crypto.nip46,
            &mut connections.nip46,
            ChannelMessage::from_table(&fb::Nip46Request {
                request_id: 5,
                body: fb::Nip46RequestBody::Close(Box::new(fb::Close {
                    subscription_id: "n".into(),
                })),
            }),
            ChannelMessage::from_table(&fb::Nip46Message {
                request_id: 5,
                body: fb::Nip46MessageBody::Eose(Box::new(fb::Eose {
                    subscription_id: "n".into(),
                    relay_url: "wss://r".into(),
                    pending_relays: 0,
                    timed_out: false,
                })),
            }),
        )
        .await;

        let mut second = connections.status.subscribe();
        assert_eq!(connections.status.send(status_msg(1)), 2);
        assert_eq!(status.recv().await.unwrap(), status_msg(1));
        assert_eq!(second.recv().await.unwrap(), status_msg(1));
        assert!(status.try_recv().unwrap().is_none());
    }

    #[tokio::test]
    async fn bounded_channels_push_back() {
        let config = IpcConfig {
            crypto: 2,
            ..IpcConfig::default()
        };
        let mut ipc = IpcChannels::new(&config).unwrap();
        let tx = &ipc.parser.crypto.tx;
        assert_eq!(tx.max_capacity(), 2);
        tx.try_send(crypto_request(1)).unwrap();
        tx.try_send(crypto_request(2)).unwrap();
        assert_eq!(tx.capacity(), 0);
        let unsent = tx.try_send(crypto_request(3)).unwrap_err();
        assert!(matches!(
            unsent.error,
            IpcError::Full {
                channel: "parser->crypto"
            }
        ));
        assert_eq!(unsent.message.request_id().unwrap(), 3);

        // A waiting send completes as soon as the receiver makes room.
        let tx = tx.clone();
        let waiting = tokio::spawn(async move { tx.send(crypto_request(3)).await.is_ok() });
        tokio::task::yield_now().await;
        let rx = &mut ipc.crypto.parser.rx;
        assert_eq!(rx.recv().await.unwrap().request_id().unwrap(), 1);
        assert!(waiting.await.unwrap());
        let mut batch = Vec::new();
        assert_eq!(rx.recv_many(&mut batch, 10).await, 2);
        let ids: Vec<u64> = batch.iter().map(|m| m.request_id().unwrap()).collect();
        assert_eq!(ids, [2, 3]);
        assert!(rx.try_recv().unwrap().is_none());

        // A reserved slot is a guaranteed send.
        let permit = ipc.parser.crypto.tx.reserve().await.unwrap();
        permit.send(crypto_request(4));
        assert_eq!(rx.len(), 1);
    }

    #[tokio::test]
    async fn dropped_ends_give_typed_errors() {
        let IpcChannels {
            parser,
            crypto,
            cache,
            connections,
            status,
        } = IpcChannels::new(&IpcConfig::default()).unwrap();
        drop(crypto);
        let unsent = parser.crypto.tx.send(crypto_request(1)).await.unwrap_err();
        assert!(matches!(
            unsent.error,
            IpcError::Closed {
                channel: "parser->crypto"
            }
        ));
        assert!(parser.crypto.tx.is_closed());
        let err = parser.crypto.tx.try_send(crypto_request(2)).unwrap_err();
        assert!(matches!(IpcError::from(err), IpcError::Closed { .. }));
        assert!(parser.crypto.tx.reserve().await.is_err());

        // The receiver drains what was queued, then reports the closed channel.
        let mut cache = cache;
        let tx = parser.cache.tx.clone();
        tx.send(ChannelMessage::from_table(&fb::CacheRequest {
            request_id: 7,
            body: fb::CacheRequestBody::Wipe(Box::new(fb::Wipe {})),
        }))
        .await
        .unwrap();
        drop(tx);
        drop(parser);
        assert!(cache.parser.rx.try_recv().unwrap().is_some());
        assert!(matches!(
            cache.parser.rx.try_recv(),
            Err(IpcError::Closed {
                channel: "parser->cache"
            })
        ));
        assert!(cache.parser.rx.recv().await.is_none());

        let mut status = status;
        drop(connections);
        assert!(matches!(
            status.recv().await,
            Err(IpcError::Closed {
                channel: "relay-status"
            })
        ));
    }

    #[tokio::test]
    async fn status_lag_is_reported() {
        let config = IpcConfig {
            status: 2,
            ..IpcConfig::default()
        };
        let ipc = IpcChannels::new(&config).unwrap();
        let mut rx = ipc.status;
        for n in 0..5 {
            ipc.connections.status.send(status_msg(n));
        }
        assert!(matches!(
            rx.recv().await,
            Err(IpcError::Lagged { skipped: 3, .. })
        ));
        let next = rx.recv().await.unwrap().to_table().unwrap();
        assert_eq!(next.attempt, 3);
        assert!(matches!(rx.resubscribe().try_recv(), Ok(None)));
        // Nobody listening is not an error for status.
        drop(rx);
        assert_eq!(ipc.connections.status.send(status_msg(9)), 0);
    }

    #[tokio::test]
    async fn standalone_channel() {
        assert!(bounded::<fb::RelayStatus>("x", 0).is_err());
        let (tx, mut rx) = bounded::<fb::RelayStatus>("deliver", 1).unwrap();
        tx.send(status_msg(1)).await.unwrap();
        assert!(matches!(
            tx.try_send(status_msg(2)).unwrap_err().error,
            IpcError::Full { channel: "deliver" }
        ));
        assert_eq!(rx.recv().await.unwrap(), status_msg(1));
    }

    #[test]
    fn capacities_are_validated() {
        for config in [
            IpcConfig {
                cache: 0,
                ..IpcConfig::default()
            },
            IpcConfig {
                status: IpcConfig::MAX_CAPACITY + 1,
                ..IpcConfig::default()
            },
        ] {
            assert!(matches!(
                IpcChannels::new(&config),
                Err(IpcConfigError::Capacity { .. })
            ));
        }
    }
}
