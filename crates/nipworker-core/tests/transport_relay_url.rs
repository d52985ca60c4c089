//! Relay URL normalization: the pool keys connections by `RelayUrl`, so every spelling of one relay
//! must collapse to one key, and junk from untrusted relay lists must be refused with a typed error.

use std::collections::HashSet;

use nipworker_core::transport::{MAX_RELAY_URL_LEN, RelayUrl, RelayUrlError};

#[test]
fn normalization_table() {
    let table: &[(&str, &str)] = &[
        ("wss://relay.damus.io", "wss://relay.damus.io"),
        ("wss://relay.damus.io/", "wss://relay.damus.io"),
        ("WSS://Relay.Damus.IO/", "wss://relay.damus.io"),
        ("wss://relay.damus.io:443", "wss://relay.damus.io"),
        ("wss://relay.damus.io:443/", "wss://relay.damus.io"),
        ("ws://relay.example.com:80/", "ws://relay.example.com"),
        ("ws://relay.example.com:443", "ws://relay.example.com:443"),
        ("wss://relay.example.com:80", "wss://relay.example.com:80"),
        (
            "wss://relay.example.com:7777/",
            "wss://relay.example.com:7777",
        ),
        ("  wss://nos.lol/  ", "wss://nos.lol"),
        (
            "wss://relay.example.com/nostr",
            "wss://relay.example.com/nostr",
        ),
        (
            "wss://relay.example.com/nostr/",
            "wss://relay.example.com/nostr",
        ),
        (
            "wss://relay.example.com/nostr//",
            "wss://relay.example.com/nostr",
        ),
        (
            "wss://relay.example.com/Path",
            "wss://relay.example.com/Path",
        ),
        ("wss://relay.example.com?", "wss://relay.example.com"),
        ("wss://relay.example.com/?", "wss://relay.example.com"),
        (
            "wss://relay.example.com/?a=1",
            "wss://relay.example.com?a=1",
        ),
        (
            "wss://relay.example.com/inbox/?Key=V",
            "wss://relay.example.com/inbox?Key=V",
        ),
        ("ws://127.0.0.1:7000/", "ws://127.0.0.1:7000"),
        ("ws://[::1]:7000/", "ws://[::1]:7000"),
        ("ws://[0:0:0:0:0:0:0:1]:80", "ws://[::1]"),
        ("wss://RELAY.exAmple.COM.", "wss://relay.example.com."),
        ("wss://bücher.example/", "wss://xn--bcher-kva.example"),
        (
            "wss://relay.example.com/a%20b/",
            "wss://relay.example.com/a%20b",
        ),
        (
            "wss://relay.example.com/a b",
            "wss://relay.example.com/a%20b",
        ),
    ];
    for (input, expected) in table {
        let url = RelayUrl::parse(input).unwrap_or_else(|e| panic!("{input:?}: {e}"));
        assert_eq!(url.as_str(), *expected, "input {input:?}");
        assert_eq!(url.to_string(), *expected);
        // Normalizing is idempotent.
        assert_eq!(
            RelayUrl::parse(expected).unwrap(),
            url,
            "reparse {expected:?}"
        );
    }
}

#[test]
fn rejection_table() {
    let long = format!("wss://{}.example.com", "a".repeat(MAX_RELAY_URL_LEN));
    type Check = fn(&RelayUrlError) -> bool;
    let table: Vec<(&str, Check)> = vec![
        ("", |e| matches!(e, RelayUrlError::Parse(_))),
        ("relay.damus.io", |e| matches!(e, RelayUrlError::Parse(_))),
        ("wss://", |e| matches!(e, RelayUrlError::Parse(_))),
        ("wss://:443", |e| matches!(e, RelayUrlError::Parse(_))),
        ("wss://exa mple.com", |e| {
            matches!(e, RelayUrlError::Parse(_))
        }),
        ("wss://relay.example.com:99999", |e| {
            matches!(e, RelayUrlError::Parse(_))
        }),
        (
            "https://relay.damus.io",
            |e| matches!(e, RelayUrlError::UnsupportedScheme(s) if s == "https"),
        ),
        ("http://relay.damus.io", |e| {
            matches!(e, RelayUrlError::UnsupportedScheme(_))
        }),
        ("nostr:npub1xyz", |e| {
            matches!(e, RelayUrlError::UnsupportedScheme(_))
        }),
        ("file:///etc/passwd", |e| {
            matches!(e, RelayUrlError::UnsupportedScheme(_))
        }),
        ("wss://user@relay.example.com", |e| {
            matches!(e, RelayUrlError::UserInfo)
        }),
        ("wss://user:pw@relay.example.com", |e| {
            matches!(e, RelayUrlError::UserInfo)
        }),
        ("wss://:pw@relay.example.com", |e| {
            matches!(e, RelayUrlError::UserInfo)
        }),
        ("wss://relay.example.com/#frag", |e| {
            matches!(e, RelayUrlError::Fragment)
        }),
        ("wss://relay.example.com#", |e| {
            matches!(e, RelayUrlError::Fragment)
        }),
        (
            long.as_str(),
            |e| matches!(e, RelayUrlError::TooLong { max, .. } if *max == MAX_RELAY_URL_LEN),
        ),
    ];
    for (input, check) in table {
        match RelayUrl::parse(input) {
            Ok(url) => panic!("{input:?} accepted as {url}"),
            Err(e) => assert!(check(&e), "{input:?}: unexpected error {e:?}"),
        }
    }
}

#[test]
fn spellings_of_one_relay_are_one_key() {
    let spellings = [
        "wss://relay.nostr.band",
        "wss://relay.nostr.band/",
        "WSS://RELAY.NOSTR.BAND:443",
        "wss://Relay.Nostr.Band:443/",
        " wss://relay.nostr.band/ ",
    ];
    let keys: HashSet<RelayUrl> = spellings
        .iter()
        .map(|s| RelayUrl::parse(s).unwrap())
        .collect();
    assert_eq!(keys.len(), 1);
}

#[test]
fn accessors_and_serde() {
    let url = RelayUrl::parse("wss://relay.example.com/nostr/").unwrap();
    assert!(url.is_secure());
    assert_eq!(url.port(), 443);
    assert_eq!(url.host_str(), "relay.example.com");
    assert_eq!(url.url().path(), "/nostr/");

    let plain = RelayUrl::parse("ws://127.0.0.1:7000").unwrap();
    assert!(!plain.is_secure());
    assert_eq!(plain.port(), 7000);
    assert_eq!(plain.url().path(), "/");
    assert_eq!(
        RelayUrl::parse("ws://localhost").unwrap().port(),
        80,
        "default ws port"
    );

    let json = serde_json::to_string(&url).unwrap();
    assert_eq!(json, "\"wss://relay.example.com/nostr\"");
    let back: RelayUrl = serde_json::from_str("\"WSS://relay.example.com:443/nostr/\"").unwrap();
    assert_eq!(back, url);
    assert!(serde_json::from_str::<RelayUrl>("\"https://relay.example.com\"").is_err());
    assert_eq!(
        format!("{url:?}"),
        "RelayUrl(wss://relay.example.com/nostr)"
    );
}

#[test]
fn what_people_type_becomes_a_wss_url() {
    let table: &[(&str, &str)] = &[
        ("relay.example.com", "wss://relay.example.com"),
        ("//relay.example.com", "wss://relay.example.com"),
        ("  Relay.Example.com/  ", "wss://relay.example.com"),
        ("relay.example.com:7777", "wss://relay.example.com:7777"),
        ("relay.example.com/nostr", "wss://relay.example.com/nostr"),
        ("https://relay.damus.io/", "wss://relay.damus.io"),
        ("http://localhost:7777", "ws://localhost:7777"),
        ("ws://localhost:7777", "ws://localhost:7777"),
        ("WSS://nos.lol", "wss://nos.lol"),
        ("wss:nos.lol", "wss://nos.lol"),
        ("nos.lol:443", "wss://nos.lol"),
    ];
    for (typed, want) in table {
        let url = RelayUrl::from_user_input(typed).unwrap_or_else(|e| panic!("{typed:?}: {e}"));
        assert_eq!(url.as_str(), *want, "{typed:?}");
        assert_eq!(
            nipworker_core::protocol::normalize_user_relay_url(typed).as_deref(),
            Ok(*want)
        );
    }
    // The network door stays strict: the same text from a tag or a NIP-19 hint is refused.
    for typed in ["relay.example.com", "//relay.example.com"] {
        assert!(RelayUrl::parse(typed).is_err(), "{typed:?}");
        assert!(nipworker_core::protocol::normalize_relay_url(typed).is_err());
    }
    // Typed junk is still a typed error, never a guess.
    let long = "a".repeat(MAX_RELAY_URL_LEN + 1);
    for (typed, check) in [
        (
            "",
            (|e| matches!(e, RelayUrlError::Parse(_))) as fn(&RelayUrlError) -> bool,
        ),
        ("   ", |e| matches!(e, RelayUrlError::Parse(_))),
        ("exa mple.com", |e| matches!(e, RelayUrlError::Parse(_))),
        (
            "ftp://relay.example.com",
            |e| matches!(e, RelayUrlError::UnsupportedScheme(s) if s == "ftp"),
        ),
        ("user@relay.example.com", |e| {
            matches!(e, RelayUrlError::UserInfo)
        }),
        ("relay.example.com#x", |e| {
            matches!(e, RelayUrlError::Fragment)
        }),
        (long.as_str(), |e| {
            matches!(e, RelayUrlError::TooLong { .. })
        }),
    ] {
        match RelayUrl::from_user_input(typed) {
            Ok(url) => panic!("{typed:?} accepted as {url}"),
            Err(e) => assert!(check(&e), "{typed:?}: {e:?}"),
        }
    }
}
