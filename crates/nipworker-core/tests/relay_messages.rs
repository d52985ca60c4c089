//! Relay and client messages: round trips of every variant in both directions, the exact wire
//! form, and hostile frames (truncated real frames, wrong types, huge numbers, bad hex, deep
//! nesting, oversized, bad escapes) that must give typed errors and never panic.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod corpus_lines;

use std::borrow::Cow;

use nipworker_core::protocol::{
    ClientMessage, Event, EventBuilder, EventField, EventId, EventJsonError, FieldProblem, Filter,
    FrameError, Keys, Kind, PublicKey, ReasonPrefix, RelayMessage, ScanLimits, Signature, Tag,
    Timestamp,
};

const LIMITS: ScanLimits = ScanLimits::DEFAULT;

/// A predicate on the error a hostile frame must give.
type Check = Box<dyn Fn(&FrameError) -> bool>;

fn relay(frame: &str) -> Result<RelayMessage<'_>, FrameError> {
    RelayMessage::parse(frame, &LIMITS)
}

fn client(frame: &str) -> Result<ClientMessage<'_>, FrameError> {
    ClientMessage::parse(frame, &LIMITS)
}

fn sample_event() -> Event {
    let keys = Keys::from_hex(&"11".repeat(32)).unwrap();
    EventBuilder::new(Kind::TEXT_NOTE, "hello \"world\"\n\u{1} é 😀 \\")
        .tag(Tag::new([
            "e",
            &"ab".repeat(32),
            "wss://relay.example",
            "reply",
        ]))
        .tag(Tag::new(["t", "nostr"]))
        .tag(Tag::new(["p"]))
        .created_at(Timestamp(1_700_000_000))
        .sign(&keys)
}

/// A valid event object as JSON, with `field` replaced by `value` (or removed when `None`).
fn event_json_with(field: &str, value: Option<&str>) -> String {
    let event = sample_event();
    let mut map: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&event.to_json()).unwrap();
    map.remove(field);
    let mut json = serde_json::to_string(&map).unwrap();
    if let Some(value) = value {
        json.pop();
        json.push_str(&format!(",\"{field}\":{value}}}"));
    }
    json
}

fn relay_event_frame(event_json: &str) -> String {
    format!("[\"EVENT\",\"sub\",{event_json}]")
}

#[test]
fn relay_messages_round_trip() {
    let event = sample_event();
    let id = event.id;
    let messages = [
        RelayMessage::event("sub-1", &event),
        RelayMessage::event("sub \"quoted\" é", &event),
        RelayMessage::ok(id, true, ""),
        RelayMessage::ok(id, false, "duplicate: already have this event"),
        RelayMessage::eose("sub-1"),
        RelayMessage::closed("sub-1", "auth-required: we only serve members"),
        RelayMessage::closed("sub-1", ""),
        RelayMessage::notice("line\nbreak \\ \"quote\" \u{0} 😀"),
        RelayMessage::auth("challenge-string"),
        RelayMessage::count("q", 42, None),
        RelayMessage::count("q", u64::MAX, Some(true)),
        RelayMessage::count("q", 0, Some(false)),
    ];
    for msg in messages {
        let json = msg.to_json();
        let back = relay(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!(back, msg, "{json}");
        let mut buf = Vec::new();
        msg.write_json(&mut buf).unwrap();
        assert_eq!(buf, json.as_bytes());
        assert_eq!(
            RelayMessage::parse_slice(json.as_bytes(), &LIMITS).unwrap(),
            msg
        );
        assert_eq!(back.clone().into_owned(), msg);
        assert_eq!(back.type_name(), msg.type_name());
    }
}

#[test]
fn client_messages_round_trip() {
    let event = sample_event();
    let filters = vec![
        Filter::new().kinds([Kind(1), Kind(6)]).limit(10),
        Filter::new()
            .author(event.pubkey)
            .since(Timestamp(1))
            .until(Timestamp(2))
            .hashtag("nostr")
            .event(event.id)
            .search("q"),
        Filter::new(),
    ];
    let messages = [
        ClientMessage::event(&event),
        ClientMessage::req("sub-1", &filters),
        ClientMessage::req("one", &filters[..1]),
        ClientMessage::close("sub-1"),
        ClientMessage::auth(&event),
        ClientMessage::count("c", &filters),
    ];
    for msg in messages {
        let json = msg.to_json();
        let back = client(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!(back, msg, "{json}");
        assert_eq!(
            ClientMessage::parse_slice(json.as_bytes(), &LIMITS).unwrap(),
            msg
        );
        assert_eq!(back.into_owned(), msg);
    }
}

#[test]
fn wire_form_is_compact_nip01() {
    let event = sample_event();
    let id = event.id.to_hex();
    assert_eq!(RelayMessage::eose("s").to_json(), r#"["EOSE","s"]"#);
    assert_eq!(
        RelayMessage::ok(event.id, true, "duplicate: x").to_json(),
        format!(r#"["OK","{id}",true,"duplicate: x"]"#)
    );
    assert_eq!(
        RelayMessage::count("q", 5, Some(true)).to_json(),
        r#"["COUNT","q",{"count":5,"approximate":true}]"#
    );
    assert_eq!(
        RelayMessage::count("q", 5, None).to_json(),
        r#"["COUNT","q",{"count":5}]"#
    );
    assert_eq!(
        RelayMessage::event("s", &event).to_json(),
        format!(r#"["EVENT","s",{}]"#, event.to_json())
    );
    let filters = [Filter::new().kind(Kind(1)), Filter::new().limit(2)];
    assert_eq!(
        ClientMessage::req("s", &filters).to_json(),
        r#"["REQ","s",{"kinds":[1]},{"limit":2}]"#
    );
    assert_eq!(
        ClientMessage::count("s", &filters[1..]).to_json(),
        r#"["COUNT","s",{"limit":2}]"#
    );
    assert_eq!(ClientMessage::close("s").to_json(), r#"["CLOSE","s"]"#);
    assert_eq!(
        ClientMessage::event(&event).to_json(),
        format!(r#"["EVENT",{}]"#, event.to_json())
    );
}

#[test]
fn strings_are_borrowed_unless_escaped() {
    match relay(r#"["EOSE","abc"]"#).unwrap() {
        RelayMessage::Eose {
            subscription_id: Cow::Borrowed("abc"),
        } => {}
        other => panic!("{other:?}"),
    }
    match relay(r#"["NOTICE","a\"b"]"#).unwrap() {
        RelayMessage::Notice {
            message: Cow::Owned(m),
        } => assert_eq!(m, "a\"b"),
        other => panic!("{other:?}"),
    }
    // Escapes are decoded, surrogate pairs included.
    assert_eq!(
        relay(r#"["NOTICE","\u00e9\ud83d\ude00\n"]"#).unwrap(),
        RelayMessage::notice("é😀\n")
    );
}

#[test]
fn accessors_and_reason_prefixes() {
    let event = sample_event();
    assert_eq!(
        RelayMessage::event("a", &event).subscription_id(),
        Some("a")
    );
    assert_eq!(RelayMessage::closed("b", "").subscription_id(), Some("b"));
    assert_eq!(RelayMessage::notice("n").subscription_id(), None);
    assert_eq!(ClientMessage::close("c").subscription_id(), Some("c"));
    assert_eq!(ClientMessage::event(&event).subscription_id(), None);

    let table = [
        (
            "duplicate: have it",
            Some(ReasonPrefix::Duplicate),
            "have it",
        ),
        (
            "pow: difficulty 25>=24",
            Some(ReasonPrefix::Pow),
            "difficulty 25>=24",
        ),
        (
            "blocked: you are banned",
            Some(ReasonPrefix::Blocked),
            "you are banned",
        ),
        (
            "rate-limited: slow down",
            Some(ReasonPrefix::RateLimited),
            "slow down",
        ),
        ("invalid: bad sig", Some(ReasonPrefix::Invalid), "bad sig"),
        (
            "restricted: members only",
            Some(ReasonPrefix::Restricted),
            "members only",
        ),
        (
            "auth-required: log in",
            Some(ReasonPrefix::AuthRequired),
            "log in",
        ),
        ("error: disk full", Some(ReasonPrefix::Error), "disk full"),
        (
            "mute: no one listens",
            Some(ReasonPrefix::Mute),
            "no one listens",
        ),
        ("error:", Some(ReasonPrefix::Error), ""),
        ("payment-required: pay", None, "payment-required: pay"),
        ("Duplicate: case matters", None, "Duplicate: case matters"),
        ("no prefix here", None, "no prefix here"),
        ("", None, ""),
    ];
    for (message, prefix, text) in table {
        assert_eq!(ReasonPrefix::split(message), (prefix, text), "{message:?}");
        let ok = RelayMessage::ok(EventId([0; 32]), false, message);
        assert_eq!(ok.reason_prefix(), prefix);
        assert_eq!(RelayMessage::closed("s", message).reason_prefix(), prefix);
        if let Some(p) = prefix {
            assert_eq!(ReasonPrefix::split(&p.format(text)), (prefix, text));
        }
    }
    assert_eq!(RelayMessage::notice("error: x").reason_prefix(), None);
}

#[test]
fn lenient_where_relays_differ() {
    let id = "00".repeat(32);
    // Some relays omit the OK and CLOSED message: read as empty.
    assert_eq!(
        relay(&format!(r#"["OK","{id}",true]"#)).unwrap(),
        RelayMessage::ok(EventId([0; 32]), true, "")
    );
    assert_eq!(
        relay(r#"["CLOSED","s"]"#).unwrap(),
        RelayMessage::closed("s", "")
    );
    // Unknown keys of events and COUNT answers are skipped; whitespace is fine.
    let frame = relay_event_frame(&event_json_with(
        "x-extension",
        Some(r#"{"a":[1,2,{"b":null}]}"#),
    ));
    assert!(matches!(relay(&frame), Ok(RelayMessage::Event { .. })));
    assert_eq!(
        relay(" [ \"COUNT\" , \"q\" , {\"hll\":\"00ff\",\"count\":3} ] \n").unwrap(),
        RelayMessage::count("q", 3, None)
    );
}

#[test]
fn trailing_elements_of_relay_messages_are_ignored() {
    let id = "ab".repeat(32);
    let event = sample_event();
    let json = event.to_json();
    let cases: Vec<(String, RelayMessage<'_>)> = vec![
        (
            format!(r#"["OK","{id}",true,"",1]"#),
            RelayMessage::ok(EventId([0xab; 32]), true, ""),
        ),
        (
            format!(r#"["OK","{id}",false,"blocked: no",{{"a":[1]}},null]"#),
            RelayMessage::ok(EventId([0xab; 32]), false, "blocked: no"),
        ),
        (r#"["EOSE","sub",{}]"#.into(), RelayMessage::eose("sub")),
        (
            format!(r#"["EVENT","sub",{json},"x"]"#),
            RelayMessage::event("sub", &event),
        ),
        (
            r#"["CLOSED","s","msg",1]"#.into(),
            RelayMessage::closed("s", "msg"),
        ),
        (r#"["NOTICE","m",2]"#.into(), RelayMessage::notice("m")),
        (r#"["AUTH","c",3]"#.into(), RelayMessage::auth("c")),
        (
            r#"["COUNT","q",{"count":4},"hll?"]"#.into(),
            RelayMessage::count("q", 4, None),
        ),
    ];
    for (frame, want) in &cases {
        assert_eq!(relay(frame).as_ref(), Ok(want), "{frame}");
        assert_eq!(
            RelayMessage::parse_slice(frame.as_bytes(), &LIMITS).as_ref(),
            Ok(want),
            "{frame}"
        );
    }
    // The raw event text stops at the event, whatever follows it.
    for tail in [r#","x""#, r#" , {"}":"]"} , [[]] "#, ",\"]\"", ",1,2,3"] {
        let frame = format!(r#"["EVENT","sub", {json} {tail}]"#);
        let (msg, raw) = RelayMessage::parse_with_raw(&frame, &LIMITS).unwrap();
        assert_eq!(raw, Some(json.as_str()), "{frame}");
        assert_eq!(msg, RelayMessage::event("sub", &event));
    }
    // Too few elements and wrong types are still refused; client messages stay exact.
    assert!(matches!(
        relay(r#"["CLOSED"]"#),
        Err(FrameError::WrongArity {
            found: 1,
            expected_max: None,
            ..
        })
    ));
    assert!(matches!(
        relay(r#"["NOTICE",1,"m"]"#),
        Err(FrameError::WrongType { index: 1, .. })
    ));
    assert!(matches!(
        client(r#"["CLOSE","s","t"]"#),
        Err(FrameError::WrongArity { found: 3, .. })
    ));
}

#[test]
fn parse_with_raw_returns_the_exact_event_text() {
    let event_json = event_json_with("content", Some(r#""spaced \u00e9 text""#));
    let spaced = event_json.replace(",\"", ", \"");
    let frame = format!("[\"EVENT\",\"s\",  {spaced} ]");
    let (msg, raw) = RelayMessage::parse_with_raw(&frame, &LIMITS).unwrap();
    assert_eq!(raw, Some(spaced.as_str()));
    assert_eq!(msg, relay(&frame).unwrap());
    let (msg, raw) = RelayMessage::parse_with_raw(r#"["EOSE","s"]"#, &LIMITS).unwrap();
    assert_eq!((msg, raw), (RelayMessage::eose("s"), None));
    // Typed errors are the same as without the raw slice.
    for field in ["kind", "id", "sig"] {
        let frame = relay_event_frame(&event_json_with(field, Some("\"X\"")));
        assert_eq!(
            RelayMessage::parse_with_raw(&frame, &LIMITS).map(|(m, _)| m),
            relay(&frame),
            "{field}"
        );
    }
    let frame = relay_event_frame(&event_json_with("sig", None));
    assert_eq!(
        RelayMessage::parse_with_raw(&frame, &LIMITS).map(|(m, _)| m),
        relay(&frame)
    );
    assert!(matches!(
        RelayMessage::parse_with_raw(r#"["EVENT","s",5]"#, &LIMITS),
        Err(FrameError::WrongType { index: 2, .. })
    ));
}

fn wrong_type(message: &'static str, index: usize) -> impl Fn(&FrameError) -> bool {
    move |e| matches!(e, FrameError::WrongType { message: m, index: i, .. } if *m == message && *i == index)
}

fn arity(found: usize) -> impl Fn(&FrameError) -> bool {
    move |e| matches!(e, FrameError::WrongArity { found: f, .. } if *f == found)
}

fn invalid_field(field: EventField) -> impl Fn(&FrameError) -> bool {
    move |e| matches!(e, FrameError::InvalidEvent { field: f, problem: FieldProblem::Invalid(_) } if *f == field)
}

fn duplicate_key(
    message: &'static str,
    index: usize,
    key: &'static str,
) -> impl Fn(&FrameError) -> bool {
    move |e| {
        *e == FrameError::DuplicateFilterKey {
            message,
            index,
            key: key.to_owned(),
        }
    }
}

fn malformed(e: &FrameError) -> bool {
    matches!(e, FrameError::Malformed { .. })
}

#[test]
fn hostile_relay_frames_give_typed_errors() {
    let id = "ab".repeat(32);
    let long_type = "X".repeat(1000);
    let long_sub = "s".repeat(65);
    let cases: Vec<(String, Check)> = vec![
        (String::new(), Box::new(malformed)),
        ("   ".into(), Box::new(malformed)),
        ("{}".into(), Box::new(|e| *e == FrameError::NotAnArray)),
        (
            r#"{"EVENT":1}"#.into(),
            Box::new(|e| *e == FrameError::NotAnArray),
        ),
        (
            "\"EOSE\"".into(),
            Box::new(|e| *e == FrameError::NotAnArray),
        ),
        ("5".into(), Box::new(|e| *e == FrameError::NotAnArray)),
        ("null".into(), Box::new(|e| *e == FrameError::NotAnArray)),
        ("[]".into(), Box::new(|e| *e == FrameError::Empty)),
        ("[5]".into(), Box::new(wrong_type("message", 0))),
        ("[null,\"s\"]".into(), Box::new(wrong_type("message", 0))),
        (
            r#"["FOO","s"]"#.into(),
            Box::new(|e| *e == FrameError::UnknownType("FOO".into())),
        ),
        (
            r#"["eose","s"]"#.into(),
            Box::new(|e| *e == FrameError::UnknownType("eose".into())),
        ),
        (
            r#"["REQ","s",{}]"#.into(),
            Box::new(|e| *e == FrameError::UnknownType("REQ".into())),
        ),
        (
            format!(r#"["{long_type}"]"#),
            Box::new(|e| matches!(e, FrameError::UnknownType(t) if t.chars().count() == 33)),
        ),
        (r#"["EOSE"]"#.into(), Box::new(arity(1))),
        // Trailing elements are skipped, but must still be JSON within the nesting limit.
        (r#"["EOSE","a",]"#.into(), Box::new(malformed)),
        (
            format!(r#"["EOSE","a",{}]"#, nested(200)),
            Box::new(malformed),
        ),
        (r#"["EOSE",5]"#.into(), Box::new(wrong_type("EOSE", 1))),
        (r#"["EOSE",null]"#.into(), Box::new(wrong_type("EOSE", 1))),
        (
            r#"["EOSE",""]"#.into(),
            Box::new(|e| *e == FrameError::BadSubscriptionId { chars: 0, max: 64 }),
        ),
        (
            format!(r#"["EOSE","{long_sub}"]"#),
            Box::new(|e| *e == FrameError::BadSubscriptionId { chars: 65, max: 64 }),
        ),
        (r#"["NOTICE"]"#.into(), Box::new(arity(1))),
        (
            r#"["NOTICE",["x"]]"#.into(),
            Box::new(wrong_type("NOTICE", 1)),
        ),
        (r#"["AUTH",{}]"#.into(), Box::new(wrong_type("AUTH", 1))),
        (r#"["CLOSED"]"#.into(), Box::new(arity(1))),
        (
            r#"["CLOSED","s",1]"#.into(),
            Box::new(wrong_type("CLOSED", 2)),
        ),
        (format!(r#"["OK","{id}"]"#), Box::new(arity(2))),
        (
            format!(r#"["OK","{id}","true","x"]"#),
            Box::new(wrong_type("OK", 2)),
        ),
        (
            format!(r#"["OK","{id}",1,"x"]"#),
            Box::new(wrong_type("OK", 2)),
        ),
        (
            format!(r#"["OK","{id}",true,5,"y"]"#),
            Box::new(wrong_type("OK", 3)),
        ),
        (
            format!(r#"["OK","{}",true,""]"#, id.to_uppercase()),
            Box::new(wrong_type("OK", 1)),
        ),
        (
            r#"["OK","abc",true,""]"#.into(),
            Box::new(wrong_type("OK", 1)),
        ),
        (
            format!(r#"["OK","{}zz",true,""]"#, &id[2..]),
            Box::new(wrong_type("OK", 1)),
        ),
        (
            r#"["COUNT","q",{"count":-1}]"#.into(),
            Box::new(wrong_type("COUNT", 2)),
        ),
        (
            r#"["COUNT","q",{"count":1e30}]"#.into(),
            Box::new(wrong_type("COUNT", 2)),
        ),
        (
            r#"["COUNT","q",{"count":1.5}]"#.into(),
            Box::new(wrong_type("COUNT", 2)),
        ),
        (
            r#"["COUNT","q",{"count":18446744073709551616}]"#.into(),
            Box::new(wrong_type("COUNT", 2)),
        ),
        (
            r#"["COUNT","q",{}]"#.into(),
            Box::new(wrong_type("COUNT", 2)),
        ),
        (
            r#"["COUNT","q",{"count":1,"count":2}]"#.into(),
            Box::new(wrong_type("COUNT", 2)),
        ),
        (
            r#"["COUNT","q",{"count":1,"approximate":"yes"}]"#.into(),
            Box::new(wrong_type("COUNT", 2)),
        ),
        (
            r#"["COUNT","q",5]"#.into(),
            Box::new(wrong_type("COUNT", 2)),
        ),
        (r#"["COUNT","q"]"#.into(), Box::new(arity(2))),
        (r#"["EVENT","s"]"#.into(), Box::new(arity(2))),
        (
            r#"["EVENT","s",5]"#.into(),
            Box::new(wrong_type("EVENT", 2)),
        ),
        (
            r#"["EVENT","s",[]]"#.into(),
            Box::new(wrong_type("EVENT", 2)),
        ),
        (
            r#"["EVENT","s","{}"]"#.into(),
            Box::new(wrong_type("EVENT", 2)),
        ),
        (
            format!(r#"["EVENT","s",{},1]"#, event_json_with("sig", None)),
            Box::new(|e| {
                *e == FrameError::InvalidEvent {
                    field: EventField::Sig,
                    problem: FieldProblem::Missing,
                }
            }),
        ),
        // Malformed JSON.
        (r#"["EOSE","a",]"#.into(), Box::new(malformed)),
        (r#"["EOSE" "a"]"#.into(), Box::new(malformed)),
        (r#"["EOSE",'a']"#.into(), Box::new(malformed)),
        (r#"["NOTICE","\ud800"]"#.into(), Box::new(malformed)),
        (r#"["NOTICE","\udc00"]"#.into(), Box::new(malformed)),
        (r#"["NOTICE","\ud800\u0041"]"#.into(), Box::new(malformed)),
        (r#"["NOTICE","\x41"]"#.into(), Box::new(malformed)),
        (r#"["NOTICE","\u12"]"#.into(), Box::new(malformed)),
        (
            "[\"NOTICE\",\"raw\u{1}control\"]".into(),
            Box::new(malformed),
        ),
        (
            r#"["COUNT","q",{"count":1e400}]"#.into(),
            Box::new(malformed),
        ),
        (r#"["COUNT","q",{"count":01}]"#.into(), Box::new(malformed)),
        (r#"["NOTICE","x""#.into(), Box::new(malformed)),
        (r#"[NaN]"#.into(), Box::new(malformed)),
        // Trailing data.
        (
            r#"["EOSE","a"]x"#.into(),
            Box::new(|e| {
                matches!(
                    e,
                    FrameError::TrailingData {
                        line: 1,
                        column: 13
                    }
                )
            }),
        ),
        (
            r#"["EOSE","a"]["EOSE","b"]"#.into(),
            Box::new(|e| matches!(e, FrameError::TrailingData { .. })),
        ),
        (
            r#"["EOSE","a"],"#.into(),
            Box::new(|e| matches!(e, FrameError::TrailingData { .. })),
        ),
    ];
    for (frame, check) in &cases {
        let err = relay(frame).expect_err(frame);
        assert!(check(&err), "{frame:.200} gave {err:?}");
        assert!(!err.label().is_empty());
        // Error texts never carry more than a clipped piece of the input.
        assert!(err.to_string().len() < 400, "{err}");
    }
}

#[test]
fn hostile_events_give_field_errors() {
    use EventField as F;
    let cases: Vec<(&str, Option<String>, Check)> = vec![
        (
            "kind",
            Some("70000".to_owned()),
            Box::new(invalid_field(F::Kind)),
        ),
        (
            "kind",
            Some("65536".to_owned()),
            Box::new(invalid_field(F::Kind)),
        ),
        (
            "kind",
            Some("-1".to_owned()),
            Box::new(invalid_field(F::Kind)),
        ),
        (
            "kind",
            Some("1.0".to_owned()),
            Box::new(invalid_field(F::Kind)),
        ),
        (
            "kind",
            Some("\"1\"".to_owned()),
            Box::new(invalid_field(F::Kind)),
        ),
        (
            "created_at",
            Some("1e30".to_owned()),
            Box::new(invalid_field(F::CreatedAt)),
        ),
        (
            "created_at",
            Some("-1".to_owned()),
            Box::new(invalid_field(F::CreatedAt)),
        ),
        (
            "created_at",
            Some("18446744073709551616".to_owned()),
            Box::new(invalid_field(F::CreatedAt)),
        ),
        (
            "created_at",
            Some("null".to_owned()),
            Box::new(invalid_field(F::CreatedAt)),
        ),
        ("created_at", Some("1e400".to_owned()), Box::new(malformed)),
        (
            "id",
            Some(format!("\"{}\"", "AB".repeat(32))),
            Box::new(invalid_field(F::Id)),
        ),
        (
            "id",
            Some(format!("\"{}\"", "zz".repeat(32))),
            Box::new(invalid_field(F::Id)),
        ),
        (
            "id",
            Some("\"abcd\"".to_owned()),
            Box::new(invalid_field(F::Id)),
        ),
        (
            "id",
            Some(format!("\"{}\"", "ab".repeat(33))),
            Box::new(invalid_field(F::Id)),
        ),
        ("id", Some("7".to_owned()), Box::new(invalid_field(F::Id))),
        (
            "pubkey",
            Some(format!("\"{}\"", "Ab".repeat(32))),
            Box::new(invalid_field(F::Pubkey)),
        ),
        (
            "pubkey",
            Some("\"\"".to_owned()),
            Box::new(invalid_field(F::Pubkey)),
        ),
        (
            "sig",
            Some(format!("\"{}\"", "ab".repeat(32))),
            Box::new(invalid_field(F::Sig)),
        ),
        (
            "sig",
            Some(format!("\"{}\"", "g0".repeat(64))),
            Box::new(invalid_field(F::Sig)),
        ),
        (
            "tags",
            Some("{}".to_owned()),
            Box::new(invalid_field(F::Tags)),
        ),
        (
            "tags",
            Some("[[1]]".to_owned()),
            Box::new(invalid_field(F::Tags)),
        ),
        (
            "tags",
            Some("[\"e\"]".to_owned()),
            Box::new(invalid_field(F::Tags)),
        ),
        (
            "tags",
            Some("[[\"e\",null]]".to_owned()),
            Box::new(invalid_field(F::Tags)),
        ),
        (
            "tags",
            Some("[[\"e\"],[],[]]".to_owned()),
            Box::new(|e| {
                *e == FrameError::InvalidEvent {
                    field: EventField::Tags,
                    problem: FieldProblem::EmptyTag { index: 1 },
                }
            }),
        ),
        (
            "content",
            Some("5".to_owned()),
            Box::new(invalid_field(F::Content)),
        ),
        (
            "content",
            Some("null".to_owned()),
            Box::new(invalid_field(F::Content)),
        ),
        (
            "content",
            Some("{\"a\":1}".to_owned()),
            Box::new(invalid_field(F::Content)),
        ),
        (
            "content",
            Some("\"\\ud800\"".to_owned()),
            Box::new(malformed),
        ),
    ];
    for (field, value, check) in &cases {
        let event_json = event_json_with(field, value.as_deref());
        let frame = relay_event_frame(&event_json);
        let err = relay(&frame).expect_err(&frame);
        assert!(check(&err), "{field}={value:?} gave {err:?}");
        // Event::from_json (embedded events) refuses the same events with the same field error.
        let alone = Event::from_json(&event_json).expect_err(&event_json);
        if let FrameError::InvalidEvent { field, problem } = err {
            assert_eq!(alone, EventJsonError::InvalidEvent { field, problem });
        }
    }
    for field in F::ALL {
        let frame = relay_event_frame(&event_json_with(field.as_str(), None));
        assert_eq!(
            relay(&frame),
            Err(FrameError::InvalidEvent {
                field,
                problem: FieldProblem::Missing
            }),
            "{field}"
        );
        // A second copy of a field is refused: parsers would disagree on which one counts.
        let json = sample_event().to_json();
        let value =
            serde_json::from_str::<serde_json::Value>(&json).unwrap()[field.as_str()].to_string();
        let frame = relay_event_frame(&event_json_with(field.as_str(), Some(&value)).replacen(
            '{',
            &format!("{{\"{field}\":{value},"),
            1,
        ));
        assert_eq!(
            relay(&frame),
            Err(FrameError::InvalidEvent {
                field,
                problem: FieldProblem::Duplicate
            }),
            "{field}"
        );
    }
}

/// `depth` nested arrays.
fn nested(depth: usize) -> String {
    let mut s = String::with_capacity(depth * 2);
    s.extend(std::iter::repeat_n('[', depth));
    s.extend(std::iter::repeat_n(']', depth));
    s
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = nested(100_000);
    // Where a string is expected, the first bracket is already a type error.
    let frame = relay_event_frame(&event_json_with("tags", Some(&format!("[[\"e\",{deep}]]"))));
    assert!(invalid_field(EventField::Tags)(&relay(&frame).unwrap_err()));
    let frame = relay_event_frame(&event_json_with("tags", Some(&format!("[{deep}]"))));
    assert!(invalid_field(EventField::Tags)(&relay(&frame).unwrap_err()));
    let frame = relay_event_frame(&event_json_with("tags", Some(&deep)));
    assert!(invalid_field(EventField::Tags)(&relay(&frame).unwrap_err()));
    let frame = relay_event_frame(&event_json_with("content", Some(&deep)));
    assert!(invalid_field(EventField::Content)(
        &relay(&frame).unwrap_err()
    ));
    // Where any value is skipped, serde_json's depth limit (128) stops the descent.
    let recursion = |e: &FrameError| matches!(e, FrameError::Malformed { reason, .. } if reason.contains("recursion limit"));
    let frames = [
        relay_event_frame(&event_json_with("x-unknown", Some(&deep))),
        format!(r#"["EOSE","s",{deep}]"#),
        format!(r#"["COUNT","q",{{"count":1,"hll":{deep}}}]"#),
    ];
    for frame in &frames {
        let err = relay(frame).unwrap_err();
        assert!(recursion(&err), "{err:?}");
    }
    // A nested array where the type string belongs is a type error at once.
    assert!(wrong_type("message", 0)(&relay(&deep).unwrap_err()));
    assert!(wrong_type("message", 0)(
        &relay(&format!("[{deep}]")).unwrap_err()
    ));
    // Filter's own deserializer skips unknown keys with serde's IgnoredAny, which serde_json walks
    // iteratively (no stack growth, memory bounded by the frame): accepted, and ignored.
    assert!(matches!(
        client(&format!(r#"["REQ","s",{{"x":{deep}}}]"#)),
        Ok(ClientMessage::Req { filters, .. }) if filters[0] == Filter::new()
    ));
    assert!(recursion(
        &client(&format!(r#"["CLOSE","s",{deep}]"#)).unwrap_err()
    ));
    let err = client(&format!(r##"["REQ","s",{{"#e":[{deep}]}}]"##)).unwrap_err();
    assert!(wrong_type("REQ", 2)(&err), "{err:?}");
    // Objects nest the same way.
    let objects = "{\"a\":".repeat(100_000) + "1" + &"}".repeat(100_000);
    let err = relay(&relay_event_frame(&event_json_with("x", Some(&objects)))).unwrap_err();
    assert!(recursion(&err), "{err:?}");
    // Depth within the limit is fine.
    let ok = relay_event_frame(&event_json_with("x-unknown", Some(&nested(100))));
    assert!(relay(&ok).is_ok());
}

#[test]
fn oversized_frames_are_refused_before_parsing() {
    let limits = ScanLimits {
        max_frame_bytes: 64,
        ..ScanLimits::DEFAULT
    };
    let fits = format!(r#"["NOTICE","{}"]"#, "a".repeat(64 - 13));
    assert_eq!(fits.len(), 64);
    assert!(RelayMessage::parse(&fits, &limits).is_ok());
    let over = format!(r#"["NOTICE","{}"]"#, "a".repeat(64 - 12));
    assert_eq!(
        RelayMessage::parse(&over, &limits),
        Err(FrameError::TooLarge { size: 65, max: 64 })
    );
    // Garbage is refused for its size without being looked at.
    let garbage = vec![b'['; 65];
    assert_eq!(
        RelayMessage::parse_slice(&garbage, &limits),
        Err(FrameError::TooLarge { size: 65, max: 64 })
    );
    assert_eq!(
        ClientMessage::parse_slice(&garbage, &limits),
        Err(FrameError::TooLarge { size: 65, max: 64 })
    );
    assert!(matches!(
        RelayMessage::parse_with_raw(&over, &limits),
        Err(FrameError::TooLarge { .. })
    ));
    // The default admits the largest corpus frame (the 57 KB contact list).
    let big = "x".repeat((1 << 20) - 13);
    let frame = format!(r#"["NOTICE","{big}"]"#);
    assert!(relay(&frame).is_ok());
    let frame = format!(r#"["NOTICE","{big}x"]"#);
    assert!(matches!(relay(&frame), Err(FrameError::TooLarge { .. })));
}

#[test]
fn invalid_utf8_in_binary_frames() {
    for frame in [
        &b"[\"NOTICE\",\"\xff\"]"[..],
        b"[\"NOTICE\",\"\xc3\"]",
        b"[\"NOTICE\",\"\xed\xa0\x80\"]", // an encoded surrogate
        b"[\"EOSE\",\"\xf0\x9f\x98\"]",
        b"[\"\xff\"]",
        b"\xef\xbb\xbf[\"EOSE\",\"a\"]", // a byte-order mark is not JSON
    ] {
        let err = RelayMessage::parse_slice(frame, &LIMITS).unwrap_err();
        assert!(malformed(&err), "{frame:?}: {err:?}");
    }
    assert_eq!(
        RelayMessage::parse_slice("[\"NOTICE\",\"é😀\"]".as_bytes(), &LIMITS).unwrap(),
        RelayMessage::notice("é😀")
    );
}

#[test]
fn hostile_client_frames_give_typed_errors() {
    let event = sample_event().to_json();
    let cases: Vec<(String, Check)> = vec![
        (r#"["REQ","s"]"#.into(), Box::new(arity(2))),
        (r#"["REQ"]"#.into(), Box::new(arity(1))),
        (r#"["REQ","s",5]"#.into(), Box::new(wrong_type("REQ", 2))),
        (
            r#"["REQ","s",{},[]]"#.into(),
            Box::new(wrong_type("REQ", 3)),
        ),
        (r#"["REQ",{},{}]"#.into(), Box::new(wrong_type("REQ", 1))),
        (
            r#"["REQ","",{}]"#.into(),
            Box::new(|e| matches!(e, FrameError::BadSubscriptionId { chars: 0, .. })),
        ),
        (
            r##"["REQ","s",{"#ee":["x"]}]"##.into(),
            Box::new(wrong_type("REQ", 2)),
        ),
        (
            r#"["REQ","s",{"kinds":[70000]}]"#.into(),
            Box::new(wrong_type("REQ", 2)),
        ),
        (
            r#"["REQ","s",{"since":-5}]"#.into(),
            Box::new(wrong_type("REQ", 2)),
        ),
        (
            r#"["REQ","s",{"limit":1e30}]"#.into(),
            Box::new(wrong_type("REQ", 2)),
        ),
        (
            r#"["REQ","s",{"ids":["ABCD"]}]"#.into(),
            Box::new(wrong_type("REQ", 2)),
        ),
        (
            r#"["REQ","s",{"kinds":[1],"kinds":[7]}]"#.into(),
            Box::new(duplicate_key("REQ", 2, "kinds")),
        ),
        (
            r##"["REQ","s",{},{"#e":["a"],"limit":1,"#e":["b"]}]"##.into(),
            Box::new(duplicate_key("REQ", 3, "#e")),
        ),
        (
            // An escaped key is the same key once decoded.
            r#"["REQ","s",{"since":null,"since":5}]"#.into(),
            Box::new(duplicate_key("REQ", 2, "since")),
        ),
        (
            r#"["COUNT","s",{"authors":[],"authors":[]}]"#.into(),
            Box::new(duplicate_key("COUNT", 2, "authors")),
        ),
        (r#"["COUNT","s"]"#.into(), Box::new(arity(2))),
        (
            r#"["COUNT","s",null]"#.into(),
            Box::new(wrong_type("COUNT", 2)),
        ),
        (r#"["CLOSE"]"#.into(), Box::new(arity(1))),
        (r#"["CLOSE","s","t"]"#.into(), Box::new(arity(3))),
        (
            format!(r#"["EVENT","s",{event}]"#),
            Box::new(wrong_type("EVENT", 1)),
        ),
        (format!(r#"["EVENT",{event},{event}]"#), Box::new(arity(3))),
        (r#"["EVENT"]"#.into(), Box::new(arity(1))),
        (
            r#"["AUTH","challenge"]"#.into(),
            Box::new(wrong_type("AUTH", 1)),
        ),
        (
            format!(
                r#"["AUTH",{}]"#,
                event.replace("\"kind\":1", "\"kind\":99999")
            ),
            Box::new(invalid_field(EventField::Kind)),
        ),
        (
            r#"["EOSE","s"]"#.into(),
            Box::new(|e| *e == FrameError::UnknownType("EOSE".into())),
        ),
        (
            r#"["NOTICE","s"]"#.into(),
            Box::new(|e| *e == FrameError::UnknownType("NOTICE".into())),
        ),
        ("[]".into(), Box::new(|e| *e == FrameError::Empty)),
        ("{}".into(), Box::new(|e| *e == FrameError::NotAnArray)),
        (
            r#"["CLOSE","s"] x"#.into(),
            Box::new(|e| matches!(e, FrameError::TrailingData { .. })),
        ),
    ];
    for (frame, check) in &cases {
        let err = client(frame).expect_err(frame);
        assert!(check(&err), "{frame:.200} gave {err:?}");
    }
}

#[test]
fn filter_count_is_bounded() {
    let limits = ScanLimits {
        max_filters: 3,
        ..ScanLimits::DEFAULT
    };
    let frame = |n: usize| format!(r#"["REQ","s"{}]"#, ",{}".repeat(n));
    assert!(matches!(
        ClientMessage::parse(&frame(3), &limits),
        Ok(ClientMessage::Req { ref filters, .. }) if filters.len() == 3
    ));
    assert_eq!(
        ClientMessage::parse(&frame(4), &limits),
        Err(FrameError::TooManyFilters { max: 3 })
    );
    assert_eq!(
        ClientMessage::parse(&frame(1000), &limits),
        Err(FrameError::TooManyFilters { max: 3 })
    );
    let count = r#"["COUNT","s",{},{},{},{}]"#;
    assert_eq!(
        ClientMessage::parse(count, &limits),
        Err(FrameError::TooManyFilters { max: 3 })
    );
}

/// Small real frames of the corpus (every file but the 500-profile and contact-list ones).
fn small_real_frames() -> Vec<String> {
    corpus_lines::corpus()
        .into_iter()
        .filter(|l| l.file != "profiles.json" && l.file != "contacts.json")
        .map(|l| l.relay_frame())
        .collect()
}

#[test]
fn real_frames_truncated_at_every_byte_are_malformed() {
    let frames = small_real_frames();
    assert_eq!(frames.len(), 16);
    let mut checked = 0;
    for frame in &frames {
        let bytes = frame.as_bytes();
        assert!(RelayMessage::parse_slice(bytes, &LIMITS).is_ok());
        for end in 0..bytes.len() {
            let err = RelayMessage::parse_slice(&bytes[..end], &LIMITS).unwrap_err();
            assert!(malformed(&err), "cut at {end} of {frame:.80}: {err:?}");
            checked += 1;
        }
    }
    assert!(checked > 5_000, "{checked}");
}

#[test]
fn real_frames_with_one_byte_changed_never_panic() {
    let replacements = [
        b'"', b'\\', b'[', b']', b'{', b'}', b',', b':', b'0', b'A', 0x00, 0xff,
    ];
    for frame in small_real_frames().iter().take(6) {
        let original = frame.as_bytes();
        let mut bytes = original.to_vec();
        for i in 0..bytes.len() {
            for &r in &replacements {
                bytes[i] = r;
                let _ = RelayMessage::parse_slice(&bytes, &LIMITS);
                let _ = ClientMessage::parse_slice(&bytes, &LIMITS);
            }
            bytes[i] = original[i];
        }
    }
}

#[test]
fn error_labels_are_distinct() {
    let errors = [
        FrameError::TooLarge { size: 2, max: 1 },
        FrameError::Malformed {
            reason: String::new(),
            line: 1,
            column: 1,
        },
        FrameError::TrailingData { line: 1, column: 1 },
        FrameError::NotAnArray,
        FrameError::Empty,
        FrameError::UnknownType(String::new()),
        FrameError::WrongArity {
            message: "EOSE",
            expected_min: 2,
            expected_max: Some(2),
            found: 3,
        },
        FrameError::WrongType {
            message: "EOSE",
            index: 1,
            expected: "x",
            reason: String::new(),
        },
        FrameError::InvalidEvent {
            field: EventField::Id,
            problem: FieldProblem::Missing,
        },
        FrameError::BadSubscriptionId { chars: 0, max: 64 },
        FrameError::TooManyFilters { max: 1 },
        FrameError::DuplicateFilterKey {
            message: "REQ",
            index: 2,
            key: "kinds".into(),
        },
    ];
    let mut labels: Vec<&str> = errors.iter().map(FrameError::label).collect();
    labels.sort_unstable();
    labels.dedup();
    assert_eq!(labels.len(), errors.len());
    assert_eq!(
        errors[6].to_string(),
        "EOSE message with 3 elements (expected 2..=2)"
    );
}

mod properties {
    use super::*;
    use proptest::collection::{btree_set, vec};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in vec(any::<u8>(), 0..300)) {
            let _ = RelayMessage::parse_slice(&bytes, &LIMITS);
            let _ = ClientMessage::parse_slice(&bytes, &LIMITS);
        }

        #[test]
        fn arbitrary_strings_never_panic(s in ".{0,300}") {
            let _ = relay(&s);
            let _ = client(&s);
            let _ = RelayMessage::parse_with_raw(&s, &LIMITS);
        }

        #[test]
        fn json_like_strings_never_panic(
            head in prop::sample::select(vec![
                "[\"EVENT\",\"s\",{", "[\"OK\",\"", "[\"COUNT\",\"q\",{", "[\"REQ\",\"s\",{",
                "[\"EVENT\",{", "[\"CLOSED\",", "[",
            ]),
            body in "[\\[\\]{}\",:0-9a-f\\\\ .eE+-]{0,200}",
        ) {
            let s = format!("{head}{body}");
            let _ = relay(&s);
            let _ = client(&s);
        }
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof![".{0,40}", "[a-z0-9\"\\\\\n\t\u{0}-\u{1f}é😀]{0,40}"]
    }

    fn sub_id() -> impl Strategy<Value = String> {
        prop_oneof!["[a-zA-Z0-9:_-]{1,64}", "[\"\\\\\n é😀a-z]{1,64}"]
    }

    fn event() -> impl Strategy<Value = Event> {
        (
            any::<[u8; 32]>(),
            any::<[u8; 32]>(),
            any::<u64>(),
            any::<u16>(),
            vec(vec(text(), 1..4), 0..5),
            text(),
            vec(any::<u8>(), 64),
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

    fn filter() -> impl Strategy<Value = Filter> {
        (
            proptest::option::of(btree_set(any::<[u8; 32]>().prop_map(EventId), 0..3)),
            proptest::option::of(btree_set(any::<u16>().prop_map(Kind), 0..4)),
            vec(("[a-zA-Z]", btree_set(text(), 0..3)), 0..3),
            proptest::option::of(any::<u64>()),
            proptest::option::of(0usize..10_000),
            proptest::option::of(text()),
        )
            .prop_map(|(ids, kinds, tags, since, limit, search)| {
                let mut f = Filter {
                    ids,
                    kinds,
                    since: since.map(Timestamp),
                    limit,
                    search,
                    ..Filter::default()
                };
                for (letter, values) in tags {
                    let c = letter.chars().next().unwrap();
                    f.tags.entry(c).or_default().extend(values);
                }
                f
            })
    }

    fn relay_message() -> impl Strategy<Value = RelayMessage<'static>> {
        prop_oneof![
            (sub_id(), event()).prop_map(|(s, e)| RelayMessage::Event {
                subscription_id: s.into(),
                event: Cow::Owned(e)
            }),
            (any::<[u8; 32]>(), any::<bool>(), text()).prop_map(|(id, ok, m)| RelayMessage::ok(
                EventId(id),
                ok,
                m
            )),
            sub_id().prop_map(RelayMessage::eose),
            (sub_id(), text()).prop_map(|(s, m)| RelayMessage::closed(s, m)),
            text().prop_map(RelayMessage::notice),
            text().prop_map(RelayMessage::auth),
            (sub_id(), any::<u64>(), proptest::option::of(any::<bool>()))
                .prop_map(|(s, n, a)| RelayMessage::count(s, n, a)),
        ]
    }

    fn client_message() -> impl Strategy<Value = ClientMessage<'static>> {
        prop_oneof![
            event().prop_map(|e| ClientMessage::Event(Cow::Owned(e))),
            event().prop_map(|e| ClientMessage::Auth(Cow::Owned(e))),
            sub_id().prop_map(ClientMessage::close),
            (sub_id(), vec(filter(), 1..4)).prop_map(|(s, f)| ClientMessage::Req {
                subscription_id: s.into(),
                filters: Cow::Owned(f)
            }),
            (sub_id(), vec(filter(), 1..4)).prop_map(|(s, f)| ClientMessage::Count {
                subscription_id: s.into(),
                filters: Cow::Owned(f)
            }),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

        #[test]
        fn relay_messages_round_trip(msg in relay_message()) {
            let json = msg.to_json();
            prop_assert_eq!(&relay(&json).unwrap(), &msg);
            prop_assert_eq!(&RelayMessage::parse_slice(json.as_bytes(), &LIMITS).unwrap(), &msg);
            let (again, raw) = RelayMessage::parse_with_raw(&json, &LIMITS).unwrap();
            prop_assert_eq!(&again, &msg);
            if let RelayMessage::Event { event, .. } = &msg {
                let json = event.to_json();
                prop_assert_eq!(raw, Some(json.as_str()));
            }
            // Every strict prefix is refused, never accepted as something else.
            let cut = json.len() / 2;
            prop_assert!(RelayMessage::parse_slice(&json.as_bytes()[..cut], &LIMITS).is_err());
        }

        #[test]
        fn raw_event_text_survives_any_layout(
            event in event(),
            sub in sub_id(),
            ws in vec("[ \n\r\t]{0,3}", 8),
            escaped_type in any::<bool>(),
        ) {
            let event_json = event.to_json();
            let kind = if escaped_type { r#""\u0045VENT""# } else { r#""EVENT""# };
            let sub_json = serde_json::to_string(&sub).unwrap();
            let frame = format!(
                "{}[{}{kind}{},{}{sub_json}{},{}{event_json}{}]{}",
                ws[0], ws[1], ws[2], ws[3], ws[4], ws[5], ws[6], ws[7]
            );
            let (msg, raw) = RelayMessage::parse_with_raw(&frame, &LIMITS).unwrap();
            prop_assert_eq!(raw, Some(event_json.as_str()));
            prop_assert_eq!(msg, RelayMessage::event(sub, &event));
        }

        #[test]
        fn lowercase_hex_decoding_matches_a_plain_reference(
            s in "[0-9a-fA-Fxz\"é]{62,66}",
        ) {
            let reference = if s.len() != 64 {
                None
            } else {
                s.bytes().position(|c| !matches!(c, b'0'..=b'9' | b'a'..=b'f'))
            };
            match EventId::from_hex(&s) {
                Ok(id) => {
                    prop_assert_eq!(s.len(), 64);
                    prop_assert_eq!(reference, None);
                    prop_assert_eq!(id.0.to_vec(), hex::decode(&s).unwrap());
                }
                Err(nipworker_core::protocol::HexError::Char { position }) => {
                    prop_assert_eq!(Some(position), reference);
                }
                Err(nipworker_core::protocol::HexError::Length { found, .. }) => {
                    prop_assert_eq!(found, s.len());
                    prop_assert!(s.len() != 64);
                }
            }
        }

        #[test]
        fn client_messages_round_trip(msg in client_message()) {
            let json = msg.to_json();
            prop_assert_eq!(&client(&json).unwrap(), &msg);
            prop_assert_eq!(&ClientMessage::parse_slice(json.as_bytes(), &LIMITS).unwrap(), &msg);
        }
    }
}
