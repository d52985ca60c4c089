//! The cache worker through the real ipc channels, on a real SQLite file in a temp dir: every
//! request type, coalescing of queued saves, chunked queries, errors, backpressure without
//! deadlock, and shutdown flushing queued saves.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod storage_support;

use std::sync::Arc;
use std::time::Duration;

use nipworker_core::ipc::{CacheClient, ChannelMessage, IpcChannels, IpcConfig};
use nipworker_core::protocol::flatbuffers::{fb, write_event, write_filters};
use nipworker_core::protocol::{Event, EventId, Filter, Kind, Tag};
use nipworker_core::storage::{EventStore, SqliteConfig, SqliteStore};
use nipworker_core::workers::cache::{CacheStats, CacheWorker, CacheWorkerConfig};
use storage_support::{ev, keys};

const WAIT: Duration = Duration::from_secs(20);

type Request = ChannelMessage<fb::CacheRequest>;

struct Harness {
    client: CacheClient,
    stats: Arc<CacheStats>,
    store: SqliteStore,
    worker: Option<tokio::task::JoinHandle<()>>,
    _dir: tempfile::TempDir,
}

async fn open_store(dir: &tempfile::TempDir) -> SqliteStore {
    SqliteStore::open(SqliteConfig::new(dir.path().join("cache.db")))
        .await
        .unwrap()
}

/// Channels, a store and a worker; `before_start` runs on the client before the worker starts
/// (to queue requests that the worker then finds all at once).
async fn harness(ipc: IpcConfig, config: CacheWorkerConfig, before_start: Vec<Request>) -> Harness {
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(&dir).await;
    let channels = IpcChannels::new(&ipc).unwrap();
    let client = channels.parser.cache;
    for request in before_start {
        client.tx.try_send(request).unwrap();
    }
    let worker = CacheWorker::new(Arc::new(store.clone()), channels.cache, config);
    let stats = worker.stats();
    let worker = tokio::spawn(worker.run());
    Harness {
        client,
        stats,
        store,
        worker: Some(worker),
        _dir: dir,
    }
}

fn save(id: u64, events: &[Event]) -> Request {
    ChannelMessage::build(|b| {
        let offsets: Vec<_> = events.iter().map(|e| write_event(b, e)).collect();
        let events = b.create_vector(offsets.as_slice());
        let body = fb::SaveEvents::create(b, events);
        let body = fb::CacheRequestBody::create_save_events(b, body);
        fb::CacheRequest::create(b, id, body)
    })
}

fn query(id: u64, filters: &[Filter], chunk_size: u32) -> Request {
    ChannelMessage::build(|b| {
        let filters = write_filters(b, filters);
        let body = fb::Query::create(b, filters, chunk_size);
        let body = fb::CacheRequestBody::create_query(b, body);
        fb::CacheRequest::create(b, id, body)
    })
}

fn count(id: u64, filters: &[Filter]) -> Request {
    ChannelMessage::build(|b| {
        let filters = write_filters(b, filters);
        let body = fb::Count::create(b, filters);
        let body = fb::CacheRequestBody::create_count(b, body);
        fb::CacheRequest::create(b, id, body)
    })
}

fn delete(id: u64, filters: &[Filter]) -> Request {
    ChannelMessage::build(|b| {
        let filters = write_filters(b, filters);
        let body = fb::DeleteEvents::create(b, filters);
        let body = fb::CacheRequestBody::create_delete_events(b, body);
        fb::CacheRequest::create(b, id, body)
    })
}

fn get_event(id: u64, event: EventId) -> Request {
    ChannelMessage::build(|b| {
        let body = fb::GetEvent::create(b, fb::Bytes32::from(event));
        let body = fb::CacheRequestBody::create_get_event(b, body);
        fb::CacheRequest::create(b, id, body)
    })
}

fn get_relay_list(id: u64, pubkey: nipworker_core::protocol::PublicKey) -> Request {
    ChannelMessage::build(|b| {
        let body = fb::GetRelayList::create(b, fb::Bytes32::from(pubkey));
        let body = fb::CacheRequestBody::create_get_relay_list(b, body);
        fb::CacheRequest::create(b, id, body)
    })
}

fn wipe(id: u64) -> Request {
    ChannelMessage::build(|b| {
        let body = fb::Wipe::create(b);
        let body = fb::CacheRequestBody::create_wipe(b, body);
        fb::CacheRequest::create(b, id, body)
    })
}

async fn recv(client: &mut CacheClient) -> fb::CacheResponse {
    let msg = tokio::time::timeout(WAIT, client.rx.recv())
        .await
        .expect("a reply in time")
        .expect("reply channel open");
    msg.to_table().unwrap()
}

async fn send(client: &CacheClient, request: Request) {
    tokio::time::timeout(WAIT, client.tx.send(request))
        .await
        .expect("send in time")
        .unwrap();
}

fn statuses(response: &fb::CacheResponse) -> Vec<(fb::SaveStatus, Option<String>)> {
    let fb::CacheResponseBody::SaveResult(result) = &response.body else {
        panic!("not a SaveResult: {response:?}");
    };
    result
        .outcomes
        .iter()
        .flatten()
        .map(|o| (o.status, o.reason.clone()))
        .collect()
}

/// Reads a query's answer: the events of every chunk (and each chunk's size), and the total.
async fn read_query(client: &mut CacheClient, id: u64) -> (Vec<Event>, Vec<usize>, u64) {
    let mut events = Vec::new();
    let mut sizes = Vec::new();
    // Bounded: a query answer of more than 10,000 messages is a failure.
    for _ in 0..10_000 {
        let response = recv(client).await;
        assert_eq!(response.request_id, id);
        match response.body {
            fb::CacheResponseBody::QueryChunk(chunk) => {
                let chunk: Vec<Event> = chunk
                    .events
                    .unwrap_or_default()
                    .into_iter()
                    .map(Event::from)
                    .collect();
                sizes.push(chunk.len());
                events.extend(chunk);
            }
            fb::CacheResponseBody::QueryDone(done) => return (events, sizes, done.total),
            other => panic!("unexpected {other:?}"),
        }
    }
    panic!("query answer never ended");
}

fn error_code(response: &fb::CacheResponse) -> fb::CacheErrorCode {
    match &response.body {
        fb::CacheResponseBody::CacheError(e) => e.code,
        other => panic!("not an error: {other:?}"),
    }
}

fn notes(author: u8, n: usize, start: u64) -> Vec<Event> {
    let k = keys(author);
    (0..n)
        .map(|i| {
            ev(
                &k,
                1,
                start + i as u64,
                vec![Tag::new(["t", "cache"])],
                &format!("note {author} {i}"),
            )
        })
        .collect()
}

#[tokio::test]
async fn serves_every_request_type() {
    let mut h = harness(IpcConfig::default(), CacheWorkerConfig::default(), vec![]).await;
    let k = keys(1);
    let notes = notes(1, 3, 1_700_000_000);
    let relays = ev(
        &k,
        10002,
        1_700_000_100,
        vec![
            Tag::new(["r", "wss://both.example"]),
            Tag::new(["r", "wss://in.example", "read"]),
            Tag::new(["r", "wss://out.example", "write"]),
        ],
        "",
    );
    let ephemeral = ev(&k, 20001, 1_700_000_000, vec![], "");
    let mut batch = notes.clone();
    batch.push(relays.clone());
    batch.push(ephemeral);
    batch.push(notes[0].clone());

    send(&h.client, save(1, &batch)).await;
    let r = recv(&mut h.client).await;
    assert_eq!(r.request_id, 1);
    let got = statuses(&r);
    assert_eq!(got.len(), 6);
    assert!(
        got[..4].iter().all(|s| s.0 == fb::SaveStatus::Saved),
        "{got:?}"
    );
    assert_eq!(got[4].0, fb::SaveStatus::Rejected);
    assert_eq!(got[4].1.as_deref(), Some("ephemeral kind"));
    assert_eq!(got[5].0, fb::SaveStatus::Duplicate);

    // Query, in chunks of 2: newest first.
    send(&h.client, query(2, &[Filter::new().kind(Kind(1))], 2)).await;
    let (events, sizes, total) = read_query(&mut h.client, 2).await;
    assert_eq!(sizes, vec![2, 1]);
    assert_eq!(total, 3);
    let mut expected = notes.clone();
    expected.sort_by_key(storage_support::order_key);
    assert_eq!(events, expected);

    send(&h.client, count(3, &[Filter::new().author(k.public_key())])).await;
    let r = recv(&mut h.client).await;
    assert_eq!(r.request_id, 3);
    assert!(matches!(r.body, fb::CacheResponseBody::CountResult(c) if c.count == 4));

    send(&h.client, get_event(4, notes[1].id)).await;
    let r = recv(&mut h.client).await;
    let fb::CacheResponseBody::EventResult(found) = r.body else {
        panic!("{r:?}")
    };
    assert_eq!(found.event.map(|e| Event::from(*e)), Some(notes[1].clone()));
    send(&h.client, get_event(5, EventId([7; 32]))).await;
    let r = recv(&mut h.client).await;
    assert!(matches!(r.body, fb::CacheResponseBody::EventResult(e) if e.event.is_none()));

    send(&h.client, get_relay_list(6, k.public_key())).await;
    let r = recv(&mut h.client).await;
    let fb::CacheResponseBody::RelayListResult(list) = r.body else {
        panic!("{r:?}")
    };
    assert_eq!(
        list.read.unwrap(),
        vec!["wss://both.example", "wss://in.example"]
    );
    assert_eq!(
        list.write.unwrap(),
        vec!["wss://both.example", "wss://out.example"]
    );
    assert_eq!(list.created_at, Some(1_700_000_100));
    send(&h.client, get_relay_list(7, keys(9).public_key())).await;
    let r = recv(&mut h.client).await;
    assert!(matches!(r.body, fb::CacheResponseBody::RelayListResult(l) if l.created_at.is_none()));

    send(&h.client, delete(8, &[Filter::new().id(notes[0].id)])).await;
    let r = recv(&mut h.client).await;
    assert!(matches!(r.body, fb::CacheResponseBody::DeleteResult(d) if d.deleted == 1));
    assert_eq!(h.store.get_by_id(&notes[0].id).await.unwrap(), None);

    send(&h.client, wipe(9)).await;
    let r = recv(&mut h.client).await;
    assert!(matches!(r.body, fb::CacheResponseBody::WipeResult(_)));
    send(&h.client, count(10, &[Filter::new()])).await;
    let r = recv(&mut h.client).await;
    assert!(matches!(r.body, fb::CacheResponseBody::CountResult(c) if c.count == 0));

    let stats = h.stats.snapshot();
    assert_eq!(stats.requests, 10);
    assert_eq!(stats.save_transactions, 1);
    assert_eq!(stats.errors, 0);
}

#[tokio::test]
async fn errors_carry_codes_and_keep_the_worker_serving() {
    let mut h = harness(IpcConfig::default(), CacheWorkerConfig::default(), vec![]).await;
    send(&h.client, save(1, &notes(2, 2, 1_700_000_000))).await;
    recv(&mut h.client).await;

    // NIP-50 search: refused, never a superset.
    send(&h.client, query(2, &[Filter::new().search("nostr")], 0)).await;
    let r = recv(&mut h.client).await;
    assert_eq!(r.request_id, 2);
    assert_eq!(error_code(&r), fb::CacheErrorCode::UnsupportedFilter);
    send(&h.client, count(3, &[Filter::new().search("x")])).await;
    assert_eq!(
        error_code(&recv(&mut h.client).await),
        fb::CacheErrorCode::UnsupportedFilter
    );

    // A tag filter whose letter is no character: invalid input.
    let bad = ChannelMessage::build(|b| {
        let values: &[&str] = &["x"];
        let tag = fb::TagFilter::create(b, 0xD800u32, values);
        let tags = b.create_vector([tag]);
        let filter = fb::Filter::create(
            b,
            (),
            (),
            (),
            tags,
            None::<u64>,
            None::<u64>,
            None::<u64>,
            (),
        );
        let filters = b.create_vector([filter]);
        let body = fb::Query::create(b, filters, 0u32);
        let body = fb::CacheRequestBody::create_query(b, body);
        fb::CacheRequest::create(b, 4u64, body)
    });
    send(&h.client, bad).await;
    let r = recv(&mut h.client).await;
    assert_eq!(r.request_id, 4);
    assert_eq!(error_code(&r), fb::CacheErrorCode::InvalidInput);

    // Still serving.
    send(&h.client, count(5, &[Filter::new().kind(Kind(1))])).await;
    let r = recv(&mut h.client).await;
    assert!(matches!(r.body, fb::CacheResponseBody::CountResult(c) if c.count == 2));
    assert_eq!(h.stats.snapshot().errors, 3);
}

#[tokio::test]
async fn queued_saves_share_one_transaction_and_answer_in_order() {
    // 40 requests of 10 events queued before the worker starts: one transaction.
    let batches: Vec<Vec<Event>> = (0..40u64)
        .map(|i| notes((i % 20) as u8 + 1, 10, 1_700_000_000 + i * 100))
        .collect();
    let requests = batches
        .iter()
        .enumerate()
        .map(|(i, b)| save(i as u64 + 1, b))
        .collect();
    let mut h = harness(IpcConfig::default(), CacheWorkerConfig::default(), requests).await;
    for i in 0..40u64 {
        let r = recv(&mut h.client).await;
        assert_eq!(r.request_id, i + 1, "replies in request order");
        let got = statuses(&r);
        assert_eq!(got.len(), 10);
        assert!(got.iter().all(|s| s.0 == fb::SaveStatus::Saved));
    }
    let stats = h.stats.snapshot();
    assert_eq!(stats.save_requests, 40);
    assert_eq!(stats.save_transactions, 1);
    assert_eq!(stats.events_submitted, 400);
    assert_eq!(h.store.stats().await.unwrap().events, 400);

    // With a cap of 100 events per transaction: 4 transactions of 10 requests.
    let requests = batches
        .iter()
        .enumerate()
        .map(|(i, b)| save(i as u64 + 1, b))
        .collect();
    let config = CacheWorkerConfig {
        max_coalesced_events: 100,
        ..CacheWorkerConfig::default()
    };
    let mut h = harness(IpcConfig::default(), config, requests).await;
    for i in 0..40u64 {
        let r = recv(&mut h.client).await;
        assert_eq!(r.request_id, i + 1);
    }
    assert_eq!(h.stats.snapshot().save_transactions, 4);

    // A save queued behind a query is not merged across it: order is kept.
    let k = keys(3);
    let first = ev(&k, 0, 1_700_000_000, vec![], "{\"name\":\"old\"}");
    let second = ev(&k, 0, 1_700_000_500, vec![], "{\"name\":\"new\"}");
    let requests = vec![
        save(1, std::slice::from_ref(&first)),
        query(2, &[Filter::new().author(k.public_key())], 0),
        save(3, std::slice::from_ref(&second)),
        query(4, &[Filter::new().author(k.public_key())], 0),
    ];
    let mut h = harness(IpcConfig::default(), CacheWorkerConfig::default(), requests).await;
    assert_eq!(
        statuses(&recv(&mut h.client).await)[0].0,
        fb::SaveStatus::Saved
    );
    assert_eq!(read_query(&mut h.client, 2).await.0, vec![first]);
    assert_eq!(
        statuses(&recv(&mut h.client).await)[0].0,
        fb::SaveStatus::Replaced
    );
    assert_eq!(read_query(&mut h.client, 4).await.0, vec![second]);
    assert_eq!(h.stats.snapshot().save_transactions, 2);
}

#[tokio::test]
async fn queries_stream_in_chunks_with_limits() {
    let config = CacheWorkerConfig {
        default_chunk_size: 50,
        max_chunk_size: 64,
        ..CacheWorkerConfig::default()
    };
    let mut h = harness(IpcConfig::default(), config, vec![]).await;
    let all: Vec<Event> = (1..=10u8)
        .flat_map(|a| notes(a, 100, 1_700_000_000 + u64::from(a) * 1000))
        .collect();
    for (i, chunk) in all.chunks(250).enumerate() {
        send(&h.client, save(i as u64, chunk)).await;
        recv(&mut h.client).await;
    }
    let mut expected = all.clone();
    expected.sort_by_key(storage_support::order_key);

    // Limit 250 in chunks of 40: 40 x 6 + 10.
    let f = Filter::new().kind(Kind(1)).limit(250);
    send(&h.client, query(100, std::slice::from_ref(&f), 40)).await;
    let (events, sizes, total) = read_query(&mut h.client, 100).await;
    assert_eq!(sizes, vec![40, 40, 40, 40, 40, 40, 10]);
    assert_eq!(total, 250);
    assert_eq!(events, expected[..250]);

    // No limit, chunk size 0: the worker's default (50); 1000 rows streamed from the store.
    send(&h.client, query(101, &[Filter::new().kind(Kind(1))], 0)).await;
    let (events, sizes, total) = read_query(&mut h.client, 101).await;
    assert_eq!(total, 1000);
    assert!(sizes.iter().all(|&n| n == 50));
    assert_eq!(events, expected);

    // A chunk size above the cap is lowered to it.
    send(
        &h.client,
        query(102, &[Filter::new().kind(Kind(1)).limit(130)], 1000),
    )
    .await;
    let (_, sizes, total) = read_query(&mut h.client, 102).await;
    assert_eq!(sizes, vec![64, 64, 2]);
    assert_eq!(total, 130);

    // Nothing matches: no chunk, just the end.
    send(&h.client, query(103, &[Filter::new().kind(Kind(7))], 0)).await;
    assert_eq!(read_query(&mut h.client, 103).await, (vec![], vec![], 0));

    // Two filters: the union, each limited, no event twice.
    let a = Filter::new().author(keys(1).public_key()).limit(5);
    let b = Filter::new().kind(Kind(1)).limit(3);
    send(&h.client, query(104, &[a, b], 0)).await;
    let (events, _, total) = read_query(&mut h.client, 104).await;
    assert_eq!(total, 8);
    let ids: std::collections::HashSet<_> = events.iter().map(|e| e.id).collect();
    assert_eq!(ids.len(), 8);
    assert_eq!(h.stats.snapshot().query_events, 250 + 1000 + 130 + 8);
}

#[tokio::test]
async fn full_reply_channel_does_not_deadlock() {
    // Channels of 2 messages; the client sends 30 queries answered by 5 messages each before it
    // reads a single reply. The worker keeps taking requests while its replies wait.
    let ipc = IpcConfig {
        cache: 2,
        ..IpcConfig::default()
    };
    let config = CacheWorkerConfig {
        default_chunk_size: 10,
        ..CacheWorkerConfig::default()
    };
    let mut h = harness(ipc, config, vec![]).await;
    send(&h.client, save(1, &notes(4, 40, 1_700_000_000))).await;
    recv(&mut h.client).await;
    for id in 0..30u64 {
        send(
            &h.client,
            query(100 + id, &[Filter::new().kind(Kind(1))], 0),
        )
        .await;
    }
    for id in 0..30u64 {
        let (events, sizes, _) = read_query(&mut h.client, 100 + id).await;
        assert_eq!(events.len(), 40);
        assert_eq!(sizes, vec![10; 4]);
    }
}

#[tokio::test]
async fn closing_the_request_channel_flushes_queued_saves() {
    let dir = tempfile::tempdir().unwrap();
    let store = open_store(&dir).await;
    let channels = IpcChannels::new(&IpcConfig::default()).unwrap();
    let client = channels.parser.cache;
    let all: Vec<Event> = (1..=5u8)
        .flat_map(|a| notes(a, 30, 1_700_000_000))
        .collect();
    for (i, chunk) in all.chunks(10).enumerate() {
        client.tx.try_send(save(i as u64, chunk)).unwrap();
    }
    // The parser goes away entirely (requests and replies) with 15 saves queued.
    drop(client);
    let worker = CacheWorker::new(Arc::new(store.clone()), channels.cache, Default::default());
    let stats = worker.stats();
    tokio::time::timeout(WAIT, worker.run())
        .await
        .expect("the worker stops once the request channel is drained");
    let snapshot = stats.snapshot();
    assert_eq!(snapshot.save_requests, 15);
    assert_eq!(snapshot.replies_dropped, 15);
    store.close().await.unwrap();

    // Everything is in the file.
    let store = open_store(&dir).await;
    assert_eq!(store.stats().await.unwrap().events, 150);
    for e in &all {
        assert!(store.get_by_id(&e.id).await.unwrap().is_some());
    }
}

#[tokio::test]
async fn worker_answers_then_ends_when_requests_close() {
    let h = harness(IpcConfig::default(), CacheWorkerConfig::default(), vec![]).await;
    let events = notes(6, 5, 1_700_000_000);
    let CacheClient { tx, rx } = h.client;
    let mut client_rx = CacheClient { tx: tx.clone(), rx };
    send(&client_rx, save(1, &events)).await;
    send(&client_rx, count(2, &[Filter::new()])).await;
    // Every sender gone: the request channel closes; queued requests are still answered.
    drop(tx);
    let CacheClient { tx: last, rx } = client_rx;
    drop(last);
    client_rx = CacheClient {
        tx: IpcChannels::new(&IpcConfig::default())
            .unwrap()
            .parser
            .cache
            .tx,
        rx,
    };
    assert_eq!(statuses(&recv(&mut client_rx).await).len(), 5);
    let r = recv(&mut client_rx).await;
    assert!(matches!(r.body, fb::CacheResponseBody::CountResult(c) if c.count == 5));
    tokio::time::timeout(WAIT, h.worker.unwrap())
        .await
        .expect("worker ends")
        .unwrap();
    assert_eq!(h.store.stats().await.unwrap().events, 5);
}
