//! Kind parsers against real events captured from public relays (testdata/corpus, from the
//! damus-io/nostrdb test data): every profile parses, the contact list and reactions read right.

// Test helpers outside #[test] functions may panic on setup failure: that is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use nipworker_core::parser::kinds::{
    ParsedKind, ReactionType, SkipReason, Threading, parse_contacts, parse_event, parse_profile,
};
use nipworker_core::protocol::{Event, Kind, PublicKey};
use serde_json::Value;

fn corpus(name: &str) -> String {
    let path = format!(
        "{}/../../testdata/corpus/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Reads one event per line from `["EVENT", sub?, {...}]` relay messages.
fn relay_messages(name: &str) -> Vec<Event> {
    corpus(name)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let msg: Vec<Value> = serde_json::from_str(line).unwrap();
            assert_eq!(msg[0], "EVENT");
            serde_json::from_value(msg.last().unwrap().clone()).unwrap()
        })
        .collect()
}

/// What a field should parse to, read independently through `serde_json::Value`.
fn expected(obj: &serde_json::Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| match obj.get(*k) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

#[test]
fn all_501_profiles_parse_and_agree_with_a_plain_json_read() {
    let events = relay_messages("profiles.json");
    assert_eq!(events.len(), 501);
    let mut named = 0;
    let mut aliased = 0;
    for ev in &events {
        assert_eq!(ev.kind, Kind::METADATA);
        assert!(ev.verify().is_ok(), "{}", ev.id);
        let profile = parse_profile(ev).unwrap_or_else(|e| panic!("{}: {e}", ev.id));
        assert!(matches!(parse_event(ev), Ok(ParsedKind::Profile(_))));

        let obj: serde_json::Map<String, Value> = serde_json::from_str(&ev.content).unwrap();
        let checks: [(&Option<String>, &[&str]); 9] = [
            (&profile.name, &["name", "username"]),
            (&profile.display_name, &["display_name", "displayName"]),
            (&profile.about, &["about"]),
            (&profile.picture, &["picture", "image"]),
            (&profile.banner, &["banner"]),
            (&profile.website, &["website"]),
            (&profile.nip05, &["nip05"]),
            (&profile.lud06, &["lud06"]),
            (&profile.lud16, &["lud16"]),
        ];
        for (got, keys) in checks {
            assert_eq!(got, &expected(&obj, keys), "{} {keys:?}", ev.id);
        }
        named += usize::from(profile.best_name().is_some());
        aliased += usize::from(
            !obj.contains_key("display_name") && obj.contains_key("displayName")
                || !obj.contains_key("name") && obj.contains_key("username"),
        );
    }
    // Every corpus profile but two has a name of some kind; some only through aliases.
    assert!(named >= 499, "{named}");
    assert!(aliased > 0);
}

#[test]
fn the_corpus_contact_list() {
    let ev: Event = serde_json::from_str(&corpus("contacts.json")).unwrap();
    assert!(ev.verify().is_ok());
    assert_eq!(ev.kind, Kind::CONTACTS);
    let p_tags = ev.tags.iter().filter(|t| t.name() == Some("p")).count();
    assert_eq!(p_tags, 773);

    let list = parse_contacts(&ev);
    assert_eq!(
        list.contacts.len(),
        773,
        "every p tag is a valid, distinct key"
    );
    assert!(list.skipped.is_empty(), "{:?}", list.skipped);
    let first = &list.contacts[0];
    assert_eq!(
        first.pubkey.to_hex(),
        "6cad545430904b84a8101c5783b65043f19ae29d2da1076b8fc3e64892736f03"
    );
    assert_eq!(
        first.relay.as_deref(),
        Some("wss://nostr-pub.wellorder.net")
    );
    assert!(list.contacts.iter().all(|c| c.petname.is_none()));
    let with_hint = list.contacts.iter().filter(|c| c.relay.is_some()).count();
    assert_eq!(
        with_hint,
        ev.tags
            .iter()
            .filter(|t| t.name() == Some("p") && t.get(2).is_some_and(|r| !r.is_empty()))
            .count()
    );

    let urls: Vec<_> = list.relays.iter().map(|r| r.url.as_str()).collect();
    assert_eq!(
        urls,
        vec![
            "ws://monad.jb55.com:8080",
            "wss://eden.nostr.land",
            "wss://nos.lol",
            "wss://nostr-pub.wellorder.net",
            "wss://nostr.wine",
            "wss://relay.damus.io",
            "wss://relay.mostr.pub",
            "wss://welcome.nostr.wine",
        ]
    );
    assert!(list.relays.iter().all(|r| r.read && r.write));
}

#[test]
fn the_corpus_reactions() {
    let events = relay_messages("reactions.json");
    assert_eq!(events.len(), 3);
    for ev in &events {
        assert!(ev.verify().is_ok(), "{}", ev.id);
    }
    let note_id = events[0].id;
    let note_author = events[0].pubkey;
    let Ok(ParsedKind::Note(note)) = parse_event(&events[0]) else {
        panic!("first event is a note")
    };
    assert_eq!(note.threading, Threading::None);

    let kinds: Vec<_> = events[1..]
        .iter()
        .map(|ev| match parse_event(ev) {
            Ok(ParsedKind::Reaction(r)) => {
                // NIP-25: the last `e` tag is the target, even with an earlier one present.
                assert_eq!(r.target.as_ref().unwrap().id, note_id, "{}", ev.id);
                assert_eq!(r.target_author, Some(note_author));
                assert_eq!(r.target_kind, None);
                r.reaction
            }
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(kinds, vec![ReactionType::Like, ReactionType::Dislike]);
}

#[test]
fn the_corpus_notes_thread_positionally() {
    let events = relay_messages("random.json");
    assert_eq!(events.len(), 5);
    let mut notes = 0;
    for ev in &events {
        assert!(ev.verify().is_ok(), "{}", ev.id);
        match parse_event(ev).unwrap() {
            ParsedKind::Note(n) => {
                notes += 1;
                assert!(n.skipped.is_empty());
                if ev.id.to_hex().starts_with("dc964f4c") {
                    // Two unmarked `e` tags: the deprecated positional form.
                    assert_eq!(n.threading, Threading::Positional);
                    assert!(n.root.unwrap().id.to_hex().starts_with("8bc0f167"));
                    assert!(n.reply.unwrap().id.to_hex().starts_with("f78f0480"));
                    assert!(n.mentions.is_empty());
                    assert_eq!(n.pubkeys.len(), 2);
                    assert_eq!(
                        n.pubkeys[1].relay.as_deref(),
                        Some("wss://nostr-relay.untethr.me")
                    );
                }
            }
            ParsedKind::Profile(p) => assert_eq!(p.name.as_deref(), Some("jb55")),
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(notes, 4);
}

#[test]
fn skip_reasons_are_counter_keys() {
    // The contact list with one entry broken the way real lists break.
    let mut ev: Event = serde_json::from_str(&corpus("contacts.json")).unwrap();
    ev.tags[0].0[1].truncate(10);
    let list = parse_contacts(&ev);
    assert_eq!(list.contacts.len(), 772);
    assert_eq!(list.skipped.len(), 1);
    assert_eq!(list.skipped[0].reason, SkipReason::InvalidPubkey);
    let _: Option<PublicKey> = list.contacts.first().map(|c| c.pubkey);
}
