//! The cache worker: owns the event store and serves the parser's `CacheRequest`s (schemas/cache.fbs)
//! over its ipc channels, answering each with `CacheResponse`s in request order.
//!
//! Saves already queued one after another share one store transaction; queries stream from the
//! store in `QueryChunk`s, so a large result never sits in memory whole.
//!
//! # Never blocking against the parser
//! Requests and replies travel on two bounded channels. While a reply waits for room, the worker
//! keeps taking requests into a bounded backlog (`select` over the reply slot and the request
//! queue, see `crate::ipc::channels`), so a parser blocked on sending a request can never deadlock
//! against a worker blocked on sending it a reply. When the backlog is full too, the worker only
//! waits for room: the parser, reading its replies, makes some.

use std::collections::VecDeque;
use std::ops::Range;
use std::pin::pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use futures::StreamExt as _;
use futures::future::{Either, select};
use planus::{Builder, Offset};

use crate::ipc::{CacheEndpoints, CacheService, ChannelMessage};
use crate::protocol::flatbuffers::{FlatBufferError, fb, read_event, read_filters, write_event};
use crate::protocol::{Event, EventId, Filter, PublicKey};
use crate::storage::{EventStore, RelayList, SaveStatus, StorageError};

/// Tuning of the cache worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheWorkerConfig {
    /// Most events queued saves are merged into for one transaction. A single request larger
    /// than this is still saved whole, in one transaction of its own.
    pub max_coalesced_events: usize,
    /// Most requests taken from the channel at once (and so merged into one transaction).
    pub max_requests_per_round: usize,
    /// Events per `QueryChunk` when the request asks for 0 (lets the worker choose).
    pub default_chunk_size: usize,
    /// Largest `chunk_size` honoured (larger asks are lowered to it): bounds a chunk's memory.
    pub max_chunk_size: usize,
    /// Requests held while a reply waits for room in the reply channel.
    pub max_backlog: usize,
}

impl Default for CacheWorkerConfig {
    fn default() -> Self {
        Self {
            max_coalesced_events: 10_000,
            max_requests_per_round: 256,
            default_chunk_size: 256,
            max_chunk_size: 4_096,
            max_backlog: 1_024,
        }
    }
}

/// Counters of a running cache worker (shared: read them while it runs).
#[derive(Debug, Default)]
pub struct CacheStats {
    requests: AtomicU64,
    save_requests: AtomicU64,
    save_transactions: AtomicU64,
    events_submitted: AtomicU64,
    queries: AtomicU64,
    query_events: AtomicU64,
    errors: AtomicU64,
    replies_dropped: AtomicU64,
}

/// A copy of [`CacheStats`] at one moment.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CacheStatsSnapshot {
    /// Requests received.
    pub requests: u64,
    /// `SaveEvents` requests received.
    pub save_requests: u64,
    /// Store transactions (`save_batch` calls) those saves took: fewer when they coalesced.
    pub save_transactions: u64,
    /// Events handed to the store in saves.
    pub events_submitted: u64,
    /// `Query` requests received.
    pub queries: u64,
    /// Events sent in `QueryChunk`s.
    pub query_events: u64,
    /// Requests answered with a `CacheError`.
    pub errors: u64,
    /// Replies dropped because the parser's reply receiver was gone.
    pub replies_dropped: u64,
}

impl CacheStats {
    /// The counters now.
    pub fn snapshot(&self) -> CacheStatsSnapshot {
        let get = |c: &AtomicU64| c.load(Ordering::Relaxed);
        CacheStatsSnapshot {
            requests: get(&self.requests),
            save_requests: get(&self.save_requests),
            save_transactions: get(&self.save_transactions),
            events_submitted: get(&self.events_submitted),
            queries: get(&self.queries),
            query_events: get(&self.query_events),
            errors: get(&self.errors),
            replies_dropped: get(&self.replies_dropped),
        }
    }

    fn add(counter: &AtomicU64, n: u64) {
        counter.fetch_add(n, Ordering::Relaxed);
    }
}

/// Why one request failed, as sent back in a `CacheError`.
#[derive(Debug, thiserror::Error)]
enum RequestError {
    #[error("malformed request: {0}")]
    Malformed(#[from] FlatBufferError),
    #[error(transparent)]
    Storage(#[from] StorageError),
}

impl From<planus::Error> for RequestError {
    fn from(err: planus::Error) -> Self {
        RequestError::Malformed(err.into())
    }
}

impl RequestError {
    fn code(&self) -> fb::CacheErrorCode {
        match self {
            RequestError::Malformed(_) => fb::CacheErrorCode::InvalidInput,
            RequestError::Storage(StorageError::SearchUnsupported) => {
                fb::CacheErrorCode::UnsupportedFilter
            }
            RequestError::Storage(_) => fb::CacheErrorCode::Storage,
        }
    }
}

type Request = ChannelMessage<fb::CacheRequest>;
type Response = ChannelMessage<fb::CacheResponse>;

/// The cache worker. Build it with [`CacheWorker::new`], keep [`CacheWorker::stats`] if wanted,
/// then run [`CacheWorker::run`] as a task.
#[derive(Debug)]
pub struct CacheWorker {
    store: Arc<dyn EventStore>,
    channels: CacheService,
    config: CacheWorkerConfig,
    stats: Arc<CacheStats>,
    builder: Builder,
    /// Requests received and not yet served, oldest first.
    backlog: VecDeque<Request>,
    /// The request channel is closed and drained.
    requests_closed: bool,
    /// The reply channel is closed: replies are dropped (saves still happen).
    replies_closed: bool,
}

impl CacheWorker {
    /// A worker serving `endpoints` from `store`.
    pub fn new(
        store: Arc<dyn EventStore>,
        endpoints: CacheEndpoints,
        config: CacheWorkerConfig,
    ) -> Self {
        Self {
            store,
            channels: endpoints.parser,
            config,
            stats: Arc::new(CacheStats::default()),
            builder: Builder::new(),
            backlog: VecDeque::new(),
            requests_closed: false,
            replies_closed: false,
        }
    }

    /// The worker's counters, readable while it runs.
    pub fn stats(&self) -> Arc<CacheStats> {
        Arc::clone(&self.stats)
    }

    /// Serves requests until the request channel is closed and every request received has been
    /// answered (queued saves are saved before it returns).
    pub async fn run(mut self) {
        loop {
            self.fill().await;
            let Some(first) = self.backlog.pop_front() else {
                break;
            };
            if is_save(&first) {
                let mut group = vec![first];
                let mut events = save_len(&group[0]);
                let max = self.config.max_coalesced_events.max(1);
                while let Some(next) = self.backlog.front() {
                    let n = save_len(next);
                    if !is_save(next) || events + n > max {
                        break;
                    }
                    events += n;
                    if let Some(next) = self.backlog.pop_front() {
                        group.push(next);
                    }
                }
                self.save(group).await;
            } else {
                self.serve_one(first).await;
            }
        }
        tracing::debug!(stats = ?self.stats.snapshot(), "cache worker stopped");
    }

    /// Waits for requests when none are held, then takes what is queued (up to a round's worth).
    async fn fill(&mut self) {
        let limit = self.config.max_requests_per_round.max(1);
        if self.backlog.is_empty() && !self.requests_closed {
            let mut buffer = Vec::with_capacity(limit);
            if self.channels.rx.recv_many(&mut buffer, limit).await == 0 {
                self.requests_closed = true;
            }
            self.count_received(buffer.len());
            self.backlog.extend(buffer);
        }
        while !self.requests_closed && self.backlog.len() < limit {
            match self.channels.rx.try_recv() {
                Ok(Some(request)) => {
                    self.count_received(1);
                    self.backlog.push_back(request);
                }
                Ok(None) => break,
                Err(_) => self.requests_closed = true,
            }
        }
    }

    fn count_received(&self, n: usize) {
        CacheStats::add(&self.stats.requests, n as u64);
    }

    /// Sends one reply, taking requests into the backlog while the reply channel is full.
    async fn reply(&mut self, response: Response) {
        if self.replies_closed {
            CacheStats::add(&self.stats.replies_dropped, 1);
            return;
        }
        let mut response = Some(response);
        // Bounded: each turn either sends (and returns), finds the channel gone (and returns),
        // or takes one request into the bounded backlog; once the backlog is full or the request
        // channel closed, the next turn only waits for room.
        loop {
            let may_receive = !self.requests_closed && self.backlog.len() < self.config.max_backlog;
            let gone = if may_receive {
                let reserve = pin!(self.channels.tx.reserve());
                let receive = pin!(self.channels.rx.recv());
                match select(reserve, receive).await {
                    Either::Left((Ok(permit), _)) => {
                        if let Some(r) = response.take() {
                            permit.send(r);
                        }
                        return;
                    }
                    Either::Left((Err(_), _)) => true,
                    Either::Right((Some(request), _)) => {
                        CacheStats::add(&self.stats.requests, 1);
                        self.backlog.push_back(request);
                        false
                    }
                    Either::Right((None, _)) => {
                        self.requests_closed = true;
                        false
                    }
                }
            } else {
                match self.channels.tx.reserve().await {
                    Ok(permit) => {
                        if let Some(r) = response.take() {
                            permit.send(r);
                        }
                        return;
                    }
                    Err(_) => true,
                }
            };
            if gone {
                self.reply_channel_gone();
                return;
            }
        }
    }

    fn reply_channel_gone(&mut self) {
        if !self.replies_closed {
            tracing::warn!("cache worker: the reply channel is closed; serving without replies");
        }
        self.replies_closed = true;
        CacheStats::add(&self.stats.replies_dropped, 1);
    }

    async fn reply_error(&mut self, request_id: u64, error: &RequestError) {
        CacheStats::add(&self.stats.errors, 1);
        let code = error.code();
        let message = error.to_string();
        let response = Response::build_with(&mut self.builder, |b| {
            let body = fb::CacheError::create(b, code, message.as_str());
            let body = fb::CacheResponseBody::create_cache_error(b, body);
            fb::CacheResponse::create(b, request_id, body)
        });
        self.reply(response).await;
    }

    /// Saves several consecutive `SaveEvents` requests in one transaction and answers each.
    async fn save(&mut self, group: Vec<Request>) {
        CacheStats::add(&self.stats.save_requests, group.len() as u64);
        let mut events: Vec<Event> = Vec::new();
        let mut parts: Vec<(u64, Result<Range<usize>, RequestError>)> =
            Vec::with_capacity(group.len());
        for request in &group {
            let start = events.len();
            match decode_save(request, &mut events) {
                Ok(()) => parts.push((request_id(request), Ok(start..events.len()))),
                Err(err) => {
                    events.truncate(start);
                    parts.push((request_id(request), Err(err)));
                }
            }
        }
        drop(group);
        let saved = if events.is_empty() {
            Ok(Vec::new())
        } else {
            CacheStats::add(&self.stats.save_transactions, 1);
            CacheStats::add(&self.stats.events_submitted, events.len() as u64);
            self.store.save_batch(&events).await
        };
        drop(events);
        match saved {
            Ok(statuses) => {
                for (id, part) in parts {
                    match part {
                        Ok(range) => {
                            let outcomes = statuses.get(range).unwrap_or_default();
                            let response = save_result(&mut self.builder, id, outcomes);
                            self.reply(response).await;
                        }
                        Err(err) => self.reply_error(id, &err).await,
                    }
                }
            }
            Err(err) => {
                // The transaction rolled back: nothing of the group is saved. Every request hears
                // why (the error is not `Clone`: its text is shared).
                tracing::warn!(%err, "cache worker: saving a batch failed");
                let err = RequestError::Storage(err);
                for (id, part) in parts {
                    match part {
                        Ok(_) => self.reply_error(id, &err).await,
                        Err(own) => self.reply_error(id, &own).await,
                    }
                }
            }
        }
    }

    /// Serves any request but `SaveEvents`.
    async fn serve_one(&mut self, request: Request) {
        let id = request_id(&request);
        let result = match request.root().and_then(|r| Ok(r.body()?)) {
            Err(err) => Err(RequestError::from(err)),
            Ok(body) => match body {
                fb::CacheRequestBodyRef::Query(q) => {
                    CacheStats::add(&self.stats.queries, 1);
                    let chunk_size = q.chunk_size().map_err(FlatBufferError::from);
                    match (filters_of(q.filters()), chunk_size) {
                        (Ok(filters), Ok(chunk)) => {
                            // Streams its own replies, errors included.
                            return self.query(id, filters, chunk as usize).await;
                        }
                        (Err(err), _) | (_, Err(err)) => Err(RequestError::from(err)),
                    }
                }
                fb::CacheRequestBodyRef::Count(c) => match filters_of(c.filters()) {
                    Ok(filters) => self
                        .store
                        .count(&filters)
                        .await
                        .map(|n| {
                            Response::build_with(&mut self.builder, |b| {
                                let body = fb::CountResult::create(b, n);
                                let body = fb::CacheResponseBody::create_count_result(b, body);
                                fb::CacheResponse::create(b, id, body)
                            })
                        })
                        .map_err(RequestError::from),
                    Err(err) => Err(RequestError::from(err)),
                },
                fb::CacheRequestBodyRef::GetEvent(g) => match g.id() {
                    Ok(event_id) => {
                        let event_id = EventId::from(event_id);
                        self.store
                            .get_by_id(&event_id)
                            .await
                            .map(|event| {
                                Response::build_with(&mut self.builder, |b| {
                                    let event = event.as_ref().map(|e| write_event(b, e));
                                    let body = fb::EventResult::create(b, event);
                                    let body = fb::CacheResponseBody::create_event_result(b, body);
                                    fb::CacheResponse::create(b, id, body)
                                })
                            })
                            .map_err(RequestError::from)
                    }
                    Err(err) => Err(FlatBufferError::from(err).into()),
                },
                fb::CacheRequestBodyRef::DeleteEvents(d) => match filters_of(d.filters()) {
                    Ok(filters) => self
                        .store
                        .delete(&filters)
                        .await
                        .map(|ids| {
                            Response::build_with(&mut self.builder, |b| {
                                let body = fb::DeleteResult::create(b, ids.len() as u64);
                                let body = fb::CacheResponseBody::create_delete_result(b, body);
                                fb::CacheResponse::create(b, id, body)
                            })
                        })
                        .map_err(RequestError::from),
                    Err(err) => Err(RequestError::from(err)),
                },
                fb::CacheRequestBodyRef::GetRelayList(g) => match g.pubkey() {
                    Ok(pubkey) => self
                        .store
                        .relay_list(&PublicKey::from(pubkey))
                        .await
                        .map(|list| relay_list_result(&mut self.builder, id, list.as_ref()))
                        .map_err(RequestError::from),
                    Err(err) => Err(FlatBufferError::from(err).into()),
                },
                fb::CacheRequestBodyRef::Wipe(_) => self
                    .store
                    .wipe()
                    .await
                    .map(|()| {
                        Response::build_with(&mut self.builder, |b| {
                            let body = fb::WipeResult::create(b);
                            let body = fb::CacheResponseBody::create_wipe_result(b, body);
                            fb::CacheResponse::create(b, id, body)
                        })
                    })
                    .map_err(RequestError::from),
                // Saves are grouped by `run`; one reaching here is served alone.
                fb::CacheRequestBodyRef::SaveEvents(_) => {
                    return self.save(vec![request]).await;
                }
            },
        };
        match result {
            Ok(response) => self.reply(response).await,
            Err(err) => self.reply_error(id, &err).await,
        }
    }

    /// Streams a query's results in chunks, then `QueryDone` (or a `CacheError`).
    async fn query(&mut self, id: u64, filters: Vec<Filter>, chunk_size: usize) {
        let chunk_size = match chunk_size {
            0 => self.config.default_chunk_size,
            n => n.min(self.config.max_chunk_size),
        }
        .max(1);
        let mut stream = match self.store.query(&filters).await {
            Ok(stream) => stream,
            Err(err) => return self.reply_error(id, &err.into()).await,
        };
        let mut total: u64 = 0;
        let mut chunk: Vec<Event> = Vec::with_capacity(chunk_size.min(1024));
        loop {
            let next = stream.next().await;
            let end = match next {
                Some(Ok(event)) => {
                    chunk.push(event);
                    false
                }
                Some(Err(err)) => {
                    return self.reply_error(id, &err.into()).await;
                }
                None => true,
            };
            if chunk.len() == chunk_size || (end && !chunk.is_empty()) {
                total += chunk.len() as u64;
                CacheStats::add(&self.stats.query_events, chunk.len() as u64);
                let response = Response::build_with(&mut self.builder, |b| {
                    let events: Vec<Offset<fb::Event>> =
                        chunk.iter().map(|e| write_event(b, e)).collect();
                    let events = b.create_vector(events.as_slice());
                    let body = fb::QueryChunk::create(b, events);
                    let body = fb::CacheResponseBody::create_query_chunk(b, body);
                    fb::CacheResponse::create(b, id, body)
                });
                chunk.clear();
                self.reply(response).await;
                if self.replies_closed {
                    // Nobody will read the rest: stop reading the store.
                    return;
                }
            }
            if end {
                break;
            }
        }
        let response = Response::build_with(&mut self.builder, |b| {
            let body = fb::QueryDone::create(b, total);
            let body = fb::CacheResponseBody::create_query_done(b, body);
            fb::CacheResponse::create(b, id, body)
        });
        self.reply(response).await;
    }
}

/// The request's id (0 if even that cannot be read: a malformed message still gets an answer).
fn request_id(request: &Request) -> u64 {
    request.request_id().unwrap_or(0)
}

fn is_save(request: &Request) -> bool {
    matches!(
        request.root().and_then(|r| Ok(r.body()?)),
        Ok(fb::CacheRequestBodyRef::SaveEvents(_))
    )
}

/// Events in a `SaveEvents` request (0 for anything else or unreadable).
fn save_len(request: &Request) -> usize {
    match request.root().and_then(|r| Ok(r.body()?)) {
        Ok(fb::CacheRequestBodyRef::SaveEvents(s)) => {
            s.events().ok().flatten().map_or(0, |v| v.len())
        }
        _ => 0,
    }
}

/// Appends the events of a `SaveEvents` request to `out` (all or, on error, some).
fn decode_save(request: &Request, out: &mut Vec<Event>) -> Result<(), RequestError> {
    let fb::CacheRequestBodyRef::SaveEvents(save) = request.root()?.body()? else {
        return Ok(());
    };
    if let Some(events) = save.events()? {
        out.reserve(events.len());
        for event in events {
            out.push(read_event(event?)?);
        }
    }
    Ok(())
}

fn filters_of(
    filters: planus::Result<Option<planus::Vector<'_, planus::Result<fb::FilterRef<'_>>>>>,
) -> Result<Vec<Filter>, FlatBufferError> {
    read_filters(filters?)
}

fn save_result(builder: &mut Builder, id: u64, statuses: &[SaveStatus]) -> Response {
    Response::build_with(builder, |b| {
        let outcomes: Vec<Offset<fb::SaveOutcome>> = statuses
            .iter()
            .map(|status| {
                let (code, reason) = match status {
                    SaveStatus::Saved => (fb::SaveStatus::Saved, None),
                    SaveStatus::Duplicate => (fb::SaveStatus::Duplicate, None),
                    SaveStatus::Replaced { .. } => (fb::SaveStatus::Replaced, None),
                    // A deletion that removed stored events was itself stored.
                    SaveStatus::Deleted { removed } if !removed.is_empty() => {
                        (fb::SaveStatus::Saved, None)
                    }
                    SaveStatus::Deleted { .. } => (fb::SaveStatus::Deleted, None),
                    SaveStatus::Rejected { reason } => {
                        (fb::SaveStatus::Rejected, Some(reason.to_string()))
                    }
                };
                fb::SaveOutcome::create(b, code, reason.as_deref())
            })
            .collect();
        let outcomes = b.create_vector(outcomes.as_slice());
        let body = fb::SaveResult::create(b, outcomes);
        let body = fb::CacheResponseBody::create_save_result(b, body);
        fb::CacheResponse::create(b, id, body)
    })
}

fn relay_list_result(builder: &mut Builder, id: u64, list: Option<&RelayList>) -> Response {
    Response::build_with(builder, |b| {
        let body = match list {
            Some(list) => fb::RelayListResult::create(
                b,
                list.read.as_slice(),
                list.write.as_slice(),
                Some(list.created_at.as_u64()),
            ),
            None => fb::RelayListResult::create(b, (), (), None::<u64>),
        };
        let body = fb::CacheResponseBody::create_relay_list_result(b, body);
        fb::CacheResponse::create(b, id, body)
    })
}
