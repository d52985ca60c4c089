//! Per-kind parse cost on real and realistic events: a corpus profile, the corpus contact list
//! (773 follows plus a relay map), a corpus reaction, a zap receipt (which verifies the
//! embedded request's signature) and a long-form article (pulldown-cmark).

// Benchmarks load fixed fixtures; a missing one should stop the run loudly.
#![allow(clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use nipworker_core::parser::kinds::{markdown_blocks, parse_event};
use nipworker_core::protocol::{Event, EventBuilder, Keys, Kind, Tag, Timestamp};
use serde_json::Value;

fn corpus(name: &str) -> String {
    let path = format!(
        "{}/../../testdata/corpus/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path).expect("corpus file")
}

fn event_line(line: &str) -> Event {
    let msg: Vec<Value> = serde_json::from_str(line).expect("relay message");
    serde_json::from_value(msg.last().expect("event").clone()).expect("event")
}

fn zap_receipt() -> Event {
    let sender = Keys::generate();
    let recipient = Keys::generate();
    let note = hex::encode([7u8; 32]);
    let request = EventBuilder::new(Kind(9734), "Onward!")
        .tags([
            Tag::new(["relays", "wss://relay.damus.io", "wss://nos.lol"]),
            Tag::new(["amount", "250000000"]),
            Tag::new(["lnurl", "lnurl1dp68gurn8ghj7um9wfmxjcm99e3k7mf0v9cxj0m385ekvcenxc6r2c35xvukxefcv5mkvv34x5ekzd3ev56nyd3hxqurzepexejxxepnxscrvwfnv9nxzcn9xq6xyefhvgcxxcmyxymnserxfq5fns"]),
            Tag::new(["p", &recipient.public_key().to_hex()]),
            Tag::new(["e", &note]),
        ])
        .created_at(Timestamp(1_700_000_000))
        .sign(&sender);
    let invoice = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh";
    EventBuilder::new(Kind(9735), "")
        .tags([
            Tag::new(["p", &recipient.public_key().to_hex()]),
            Tag::new(["P", &sender.public_key().to_hex()]),
            Tag::new(["e", &note]),
            Tag::new(["bolt11", invoice]),
            Tag::new(["description", &request.to_json()]),
            Tag::new(["preimage", &hex::encode([9u8; 32])]),
        ])
        .created_at(Timestamp(1_700_000_010))
        .sign(&Keys::generate())
}

const ARTICLE: &str = "# A long-form post\n\nIntro paragraph with a [link](https://example.com) and *emphasis*.\n\n\
## Section\n\n- first point\n- second point with `code`\n- third point\n\n\
```rust\nfn main() {\n    println!(\"hello\");\n}\n```\n\n\
> A quote that spans\n> two lines.\n\n\
![cover](https://example.com/cover.png)\n\n\
Closing paragraph, long enough to look like prose: Lorem ipsum dolor sit amet, consectetur \
adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.\n";

fn bench(c: &mut Criterion) {
    let profiles = corpus("profiles.json");
    let profile = event_line(profiles.lines().next().expect("a profile"));
    let contacts: Event = serde_json::from_str(&corpus("contacts.json")).expect("contacts");
    let reactions = corpus("reactions.json");
    let reaction = event_line(reactions.lines().nth(1).expect("a reaction"));
    let receipt = zap_receipt();
    let article = EventBuilder::new(Kind(30023), ARTICLE.repeat(4))
        .tags([
            Tag::new(["d", "post"]),
            Tag::new(["title", "A long-form post"]),
            Tag::new(["published_at", "1700000000"]),
        ])
        .sign(&Keys::generate());

    let mut g = c.benchmark_group("kinds");
    g.bench_function("kind0_profile", |b| {
        b.iter(|| parse_event(black_box(&profile)))
    });
    g.bench_function("kind3_contacts_773", |b| {
        b.iter(|| parse_event(black_box(&contacts)))
    });
    g.bench_function("kind7_reaction", |b| {
        b.iter(|| parse_event(black_box(&reaction)))
    });
    g.bench_function("kind9735_zap_receipt", |b| {
        b.iter(|| parse_event(black_box(&receipt)))
    });
    g.bench_function("kind30023_long_form_2kb", |b| {
        b.iter(|| parse_event(black_box(&article)))
    });
    g.bench_function("markdown_blocks_only_2kb", |b| {
        b.iter(|| markdown_blocks(black_box(&article.content)))
    });
    g.finish();

    // Reference points: what the zap receipt pays for verification and the profile for JSON.
    let request: Event =
        serde_json::from_str(receipt.first_tag_value("description").expect("description"))
            .expect("request");
    c.bench_function("reference/zap_request_verify", |b| {
        b.iter(|| black_box(&request).verify())
    });
    c.bench_function("reference/profile_serde_json_value", |b| {
        b.iter(|| serde_json::from_str::<Value>(black_box(&profile.content)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
