//! Round trips of events and filters through FlatBuffers, and hostile buffers.

use std::collections::{BTreeMap, BTreeSet};

use planus::{Builder, ReadAsRoot};
use proptest::prelude::*;

use super::*;
use crate::protocol::{
    Event, EventBuilder, EventId, Filter, Keys, Kind, PublicKey, Signature, Tag, Timestamp,
};

/// Real events: every line of the corpus files is a bare event or an `["EVENT", (sub,) event]`.
fn corpus_events() -> Vec<Event> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../testdata/corpus/");
    let mut events = Vec::new();
    for file in ["contacts.json", "random.json", "reactions.json"] {
        let text = std::fs::read_to_string(format!("{dir}{file}")).unwrap();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let value: serde_json::Value = serde_json::from_str(line).unwrap();
            let object = match value {
                serde_json::Value::Array(items) => items.last().cloned().unwrap(),
                other => other,
            };
            events.push(serde_json::from_value(object).unwrap());
        }
    }
    assert_eq!(events.len(), 9);
    events
}

fn event_buffer(event: &Event) -> Vec<u8> {
    let mut builder = Builder::new();
    let root = write_event(&mut builder, event);
    builder.finish(root, None).to_vec()
}

fn filter_buffer(filter: &Filter) -> Vec<u8> {
    let mut builder = Builder::new();
    let root = write_filter(&mut builder, filter);
    builder.finish(root, None).to_vec()
}

fn save_batch_buffer(events: &[Event]) -> Vec<u8> {
    let mut builder = Builder::new();
    let offsets: Vec<_> = events
        .iter()
        .map(|e| write_event(&mut builder, e))
        .collect();
    let events = builder.create_vector(offsets.as_slice());
    let save = fb::SaveEvents::create(&mut builder, events);
    let body = fb::CacheRequestBody::create_save_events(&mut builder, save);
    let root = fb::CacheRequest::create(&mut builder, 1u64, body);
    builder.finish(root, None).to_vec()
}

fn query_buffer(filters: &[Filter]) -> Vec<u8> {
    let mut builder = Builder::new();
    let filters = write_filters(&mut builder, filters);
    let query = fb::Query::create(&mut builder, filters, 100u32);
    let body = fb::CacheRequestBody::create_query(&mut builder, query);
    let root = fb::CacheRequest::create(&mut builder, 2u64, body);
    builder.finish(root, None).to_vec()
}

/// Reads everything reachable in a cache request; the result only matters for not panicking.
fn read_all_cache_request(buf: &[u8]) -> Result<(Vec<Event>, Vec<Filter>), FlatBufferError> {
    let root = fb::CacheRequestRef::read_as_root(buf)?;
    root.request_id()?;
    match root.body()? {
        fb::CacheRequestBodyRef::SaveEvents(save) => {
            let mut out = Vec::new();
            if let Some(events) = save.events()? {
                for event in events {
                    out.push(read_event(event?)?);
                }
            }
            Ok((out, Vec::new()))
        }
        fb::CacheRequestBodyRef::Query(query) => Ok((Vec::new(), read_filters(query.filters()?)?)),
        _ => Ok((Vec::new(), Vec::new())),
    }
}

#[test]
fn corpus_events_round_trip_and_still_verify() {
    for event in corpus_events() {
        let buf = event_buffer(&event);
        let back = read_event(fb::EventRef::read_as_root(&buf).unwrap()).unwrap();
        assert_eq!(back, event);
        assert_eq!(back.verify(), Ok(()));

        let owned = fb::Event::from(&event);
        assert_eq!(Event::from(owned.clone()), event);
        // The owned and the borrowed writers produce readable, equal tables.
        let mut builder = Builder::new();
        let via_owned = builder.finish(&owned, None).to_vec();
        let again = Event::try_from(fb::EventRef::read_as_root(&via_owned).unwrap()).unwrap();
        assert_eq!(again, event);
    }
}

#[test]
fn fixed_bytes_keep_their_order_in_the_buffer() {
    let id = EventId(std::array::from_fn(|i| i as u8));
    let words = fb::Bytes32::from(id);
    assert_eq!(words.w0, u64::from_le_bytes([0, 1, 2, 3, 4, 5, 6, 7]));
    assert_eq!(EventId::from(words), id);
    let sig = Signature(std::array::from_fn(|i| 255 - i as u8));
    assert_eq!(Signature::from(fb::Bytes64::from(sig)), sig);
    let event = EventBuilder::new(Kind::TEXT_NOTE, "x").sign(&Keys::generate());
    let buf = event_buffer(&event);
    // The id's 32 bytes appear verbatim, as `[ubyte:32]` would lay them out.
    assert!(buf.windows(32).any(|w| w == event.id.as_bytes()));
}

#[test]
fn filter_table() {
    let pk = PublicKey([7; 32]);
    let filters = vec![
        Filter::new(),
        Filter::new()
            .kinds([Kind(0), Kind(1), Kind(30023)])
            .limit(20),
        Filter::new()
            .author(pk)
            .id(EventId([1; 32]))
            .since(Timestamp(0))
            .until(Timestamp(u64::MAX))
            .limit(0),
        Filter::new()
            .tag('e', ["a", "b"])
            .hashtag("nostr")
            .tag('p', [""]),
        Filter::new().search("bitcoin OR nostr"),
        // Given-but-empty lists match nothing and must stay distinct from absent ones.
        Filter {
            ids: Some(BTreeSet::new()),
            authors: Some(BTreeSet::new()),
            kinds: Some(BTreeSet::new()),
            tags: BTreeMap::from([('t', BTreeSet::new())]),
            ..Filter::default()
        },
        // Any char survives, even though only ASCII letters ever match.
        Filter::new().tag('é', ["x"]).tag('Z', ["y"]),
    ];
    for filter in &filters {
        let buf = filter_buffer(filter);
        let back = read_filter(fb::FilterRef::read_as_root(&buf).unwrap()).unwrap();
        assert_eq!(&back, filter, "{}", filter.to_json());
        assert_eq!(back.is_unsatisfiable(), filter.is_unsatisfiable());
        let owned = fb::Filter::from(filter);
        assert_eq!(&Filter::try_from(owned).unwrap(), filter);
    }
    let mut builder = Builder::new();
    let v = write_filters(&mut builder, &filters);
    let query = fb::Query::create(&mut builder, v, 0u32);
    let buf = builder.finish(query, None).to_vec();
    let query = fb::QueryRef::read_as_root(&buf).unwrap();
    assert_eq!(read_filters(query.filters().unwrap()).unwrap(), filters);
    assert!(read_filters(None).unwrap().is_empty());
}

#[test]
fn invalid_values_are_typed_errors() {
    let bad = fb::Filter {
        tags: Some(vec![fb::TagFilter {
            letter: 0xD800,
            values: None,
        }]),
        ..fb::Filter::default()
    };
    let mut builder = Builder::new();
    let buf = builder.finish(&bad, None).to_vec();
    let err = read_filter(fb::FilterRef::read_as_root(&buf).unwrap()).unwrap_err();
    assert!(matches!(err, FlatBufferError::InvalidTagLetter(0xD800)));
    assert!(matches!(
        Filter::try_from(bad),
        Err(FlatBufferError::InvalidTagLetter(0xD800))
    ));

    // An unsigned event without a public key needs the signer's.
    let template = fb::UnsignedEvent {
        kind: 1,
        content: Some("hi".into()),
        ..fb::UnsignedEvent::default()
    };
    let mut builder = Builder::new();
    let buf = builder.finish(&template, None).to_vec();
    let r = fb::UnsignedEventRef::read_as_root(&buf).unwrap();
    assert!(matches!(
        read_unsigned_event(r, None),
        Err(FlatBufferError::MissingField { field: "pubkey" })
    ));
    let keys = Keys::generate();
    let unsigned = read_unsigned_event(r, Some(keys.public_key())).unwrap();
    assert_eq!(unsigned.pubkey, keys.public_key());
    assert_eq!(unsigned.content, "hi");
    assert!(unsigned.clone().sign(&keys).unwrap().verify().is_ok());

    let mut builder = Builder::new();
    let root = write_unsigned_event(&mut builder, &unsigned);
    let buf = builder.finish(root, None).to_vec();
    let r = fb::UnsignedEventRef::read_as_root(&buf).unwrap();
    assert_eq!(read_unsigned_event(r, None).unwrap(), unsigned);

    // An event table without its required id.
    let mut builder = Builder::new();
    let root = fb::Tag::create(&mut builder, ["x"].as_slice());
    let buf = builder.finish(root, None).to_vec();
    let err = read_event(fb::EventRef::read_as_root(&buf).unwrap()).unwrap_err();
    assert!(matches!(
        err.planus_kind(),
        Some(planus::errors::ErrorKind::MissingRequired | planus::errors::ErrorKind::InvalidOffset)
    ));
}

#[test]
fn every_truncation_is_an_error_or_a_clean_read() {
    let events = corpus_events();
    let filters = vec![
        Filter::new().kind(Kind(1)).hashtag("nostr").limit(5),
        Filter::new().author(events[0].pubkey).since(Timestamp(1)),
    ];
    let save = save_batch_buffer(&events);
    assert_eq!(read_all_cache_request(&save).unwrap().0, events);
    let query = query_buffer(&filters);
    assert_eq!(read_all_cache_request(&query).unwrap().1, filters);
    for buf in [save, query] {
        let full = read_all_cache_request(&buf).unwrap();
        let mut errors = 0;
        for cut in 0..buf.len() {
            // Only trailing padding or a string's NUL terminator may go missing unnoticed; then
            // the read is complete and exact.
            match read_all_cache_request(&buf[..cut]) {
                Err(_) => errors += 1,
                Ok(read) => assert_eq!(read, full, "cut at {cut}"),
            }
        }
        assert!(
            errors + 8 >= buf.len(),
            "{errors} errors for {} cuts",
            buf.len()
        );
    }
    for garbage in [&[][..], &[0xff; 3], &[0xff; 64], &[0; 64]] {
        assert!(read_all_cache_request(garbage).is_err());
    }
}

fn arb_string() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9 ]{0,12}",
        any::<String>(),
        Just(String::new()),
        "\\PC{0,40}",
    ]
}

fn arb_event() -> impl Strategy<Value = Event> {
    (
        any::<[u8; 32]>(),
        any::<[u8; 32]>(),
        any::<u64>(),
        any::<u16>(),
        prop::collection::vec(prop::collection::vec(arb_string(), 0..5), 0..6),
        arb_string(),
        prop::collection::vec(any::<u8>(), 64),
    )
        .prop_map(|(id, pk, at, kind, tags, content, sig)| Event {
            id: EventId(id),
            pubkey: PublicKey(pk),
            created_at: Timestamp(at),
            kind: Kind(kind),
            tags: tags.into_iter().map(Tag).collect(),
            content,
            sig: Signature::from_slice(&sig).unwrap(),
        })
}

fn arb_filter() -> impl Strategy<Value = Filter> {
    (
        prop::option::of(prop::collection::btree_set(any::<[u8; 32]>(), 0..4)),
        prop::option::of(prop::collection::btree_set(any::<[u8; 32]>(), 0..4)),
        prop::option::of(prop::collection::btree_set(any::<u16>(), 0..6)),
        prop::collection::btree_map(
            any::<char>(),
            prop::collection::btree_set(arb_string(), 0..4),
            0..4,
        ),
        prop::option::of(any::<u64>()),
        prop::option::of(any::<u64>()),
        prop::option::of(any::<usize>()),
        prop::option::of(arb_string()),
    )
        .prop_map(
            |(ids, authors, kinds, tags, since, until, limit, search)| Filter {
                ids: ids.map(|s| s.into_iter().map(EventId).collect()),
                authors: authors.map(|s| s.into_iter().map(PublicKey).collect()),
                kinds: kinds.map(|s| s.into_iter().map(Kind).collect()),
                tags,
                since: since.map(Timestamp),
                until: until.map(Timestamp),
                limit,
                search,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_events_round_trip(event in arb_event()) {
        let buf = event_buffer(&event);
        let back = read_event(fb::EventRef::read_as_root(&buf).unwrap()).unwrap();
        prop_assert_eq!(&back, &event);
        prop_assert_eq!(Event::from(fb::Event::from(&event)), event);
    }

    #[test]
    fn random_filters_round_trip(filter in arb_filter()) {
        let buf = filter_buffer(&filter);
        let back = read_filter(fb::FilterRef::read_as_root(&buf).unwrap()).unwrap();
        prop_assert_eq!(&back, &filter);
        prop_assert_eq!(Filter::try_from(fb::Filter::from(&filter)).unwrap(), filter);
    }

    #[test]
    fn mutated_buffers_never_panic(
        event in arb_event(),
        filter in arb_filter(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
        cut in any::<prop::sample::Index>(),
    ) {
        let buffers = [
            save_batch_buffer(std::slice::from_ref(&event)),
            query_buffer(std::slice::from_ref(&filter)),
        ];
        for mut buf in buffers {
            for (at, value) in &flips {
                let i = at.index(buf.len());
                buf[i] = *value;
            }
            let _ = read_all_cache_request(&buf);
            let _ = read_all_cache_request(&buf[..cut.index(buf.len())]);
            let _ = fb::EventRef::read_as_root(&buf).map(read_event);
            let _ = fb::FilterRef::read_as_root(&buf).map(read_filter);
        }
    }
}
