//! Per-kind parse cost on real and realistic events: a corpus profile, the corpus contact list
//! (773 follows plus a relay map), a corpus reaction, a zap receipt (which verifies the
//! embedded request's signature) and a long-form article (pulldown-cmark); then, per parser, an
//! ordinary event next to a worst case of about 1 MiB (issue 11 item 7), both reported in bytes
//! per second so a super-linear regression shows as a ratio. The kinds of issue 14 (badge award,
//! external reaction, picture, videos, poll and response, live chat) run on the crafted events of
//! testdata/crafted/parity.json.

// Benchmarks load fixed fixtures; a missing one should stop the run loudly.
#![allow(clippy::expect_used)]

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
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

fn crafted(kind: u16) -> Event {
    let path = format!(
        "{}/../../testdata/crafted/parity.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path)
        .expect("crafted events")
        .lines()
        .map(event_line)
        .find(|e| e.kind == Kind(kind))
        .expect("a crafted event of that kind")
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
    for (name, kind) in [
        ("kind8_badge_award", 8),
        ("kind17_external_reaction", 17),
        ("kind20_picture_2_imeta", 20),
        ("kind21_video_3_variants", 21),
        ("kind22_short_video", 22),
        ("kind1068_poll_3_options", 1068),
        ("kind1018_poll_response", 1018),
        ("kind1311_live_chat", 1311),
    ] {
        let event = crafted(kind);
        g.bench_function(name, |b| b.iter(|| parse_event(black_box(&event))));
    }
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

/// About one MiB of tags or content.
const MIB: usize = 1 << 20;

fn signed(kind: u16, content: &str, tags: Vec<Tag>) -> Event {
    EventBuilder::new(Kind(kind), content)
        .tags(tags)
        .sign(&Keys::generate())
}

/// Tags `make(i)` for i = 0.. until their JSON reaches one MiB.
fn mib_of_tags(make: impl Fn(usize) -> Tag) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut size = 0;
    while size < MIB {
        let tag = make(tags.len());
        size += tag.as_slice().iter().map(|s| s.len() + 3).sum::<usize>() + 2;
        tags.push(tag);
    }
    tags
}

/// `unit` repeated to one MiB.
fn mib_of(unit: &str) -> String {
    unit.repeat(MIB / unit.len())
}

fn bench_worst_cases(c: &mut Criterion) {
    let pk = |i: usize| {
        let mut bytes = [0u8; 32];
        bytes[..8].copy_from_slice(&(i as u64).to_be_bytes());
        hex::encode(bytes)
    };
    let relay = |i: usize| format!("wss://r{i}.example");
    let mint = |i: usize| format!("https://m{i}.example");
    let few = |make: &dyn Fn(usize) -> Tag| (0..8).map(make).collect::<Vec<_>>();
    let r_tag = |i: usize| Tag::new(["r", &relay(i)]);
    let relay_tag = |i: usize| Tag::new(["relay", &relay(i)]);
    let mint_tag = |i: usize| Tag::new(["mint", &mint(i)]);
    let p_tag = |i: usize| Tag::new(["p", &pk(i)]);
    let t_tag = |i: usize| Tag::new(["t", &format!("t{i}")]);
    let option_tag = |i: usize| Tag::new(["option", &format!("o{i}"), "An option"]);
    let imeta_tag = |i: usize| {
        Tag::new([
            "imeta",
            &format!("url https://i.example/{i}.jpg"),
            "m image/jpeg",
            "dim 800x600",
        ])
    };
    let segment_tag = |i: usize| Tag::new(["segment", &format!("{i}"), &format!("{}", i + 1)]);
    let definition = Tag::new(["a", &format!("30009:{}:badge", pk(0))]);
    let with = |first: &Tag, mut rest: Vec<Tag>| {
        rest.insert(0, first.clone());
        rest
    };
    let variant = Tag::new(["imeta", "url https://v.example/a.mp4"]);
    let zap_relays = |n: usize| {
        let mut t = vec!["relays".to_string()];
        t.extend((0..n).map(relay));
        vec![
            Tag::new(t),
            Tag::new(["p", &pk(1)]),
            Tag::new(["amount", "21000"]),
        ]
    };
    let md_ordinary = ARTICLE.repeat(MIB / ARTICLE.len());
    let cases: Vec<(&str, Event, Event)> = vec![
        (
            "kind10002_relay_list/57k_r_tags",
            signed(10002, "", few(&r_tag)),
            signed(10002, "", mib_of_tags(r_tag)),
        ),
        (
            "kind17375_wallet/69k_mint_tags",
            signed(17375, "", few(&mint_tag)),
            signed(17375, "", mib_of_tags(mint_tag)),
        ),
        (
            "kind10019_nutzap_info/relay_tags",
            signed(10019, "", few(&relay_tag)),
            signed(10019, "", mib_of_tags(relay_tag)),
        ),
        (
            "kind10019_nutzap_info/mint_tags",
            signed(10019, "", few(&mint_tag)),
            signed(10019, "", mib_of_tags(mint_tag)),
        ),
        (
            "kind3_contacts/p_tags",
            signed(3, "", few(&p_tag)),
            signed(3, "", mib_of_tags(p_tag)),
        ),
        (
            "kind10000_mute_list/t_tags",
            signed(10000, "", few(&t_tag)),
            signed(10000, "", mib_of_tags(t_tag)),
        ),
        (
            "kind9734_zap_request/relays",
            signed(9734, "", zap_relays(8)),
            signed(9734, "", zap_relays(MIB / 20)),
        ),
        (
            "kind8_badge_award/p_tags",
            signed(8, "", with(&definition, few(&p_tag))),
            signed(8, "", with(&definition, mib_of_tags(p_tag))),
        ),
        (
            "kind1068_poll/option_tags",
            signed(1068, "?", few(&option_tag)),
            signed(1068, "?", mib_of_tags(option_tag)),
        ),
        (
            "kind20_picture/imeta_tags",
            signed(20, "", few(&imeta_tag)),
            signed(20, "", mib_of_tags(imeta_tag)),
        ),
        (
            "kind21_video/segment_tags",
            signed(21, "", with(&variant, few(&segment_tag))),
            signed(21, "", with(&variant, mib_of_tags(segment_tag))),
        ),
        (
            "kind1_note/http_dot",
            signed(1, "GM https://example.com/a.png #nostr", vec![]),
            signed(1, &mib_of("http://."), vec![]),
        ),
        (
            "kind30023_long_form/nested_images",
            signed(30023, ARTICLE, vec![Tag::new(["d", "a"])]),
            signed(30023, &mib_of("!["), vec![Tag::new(["d", "a"])]),
        ),
        (
            "kind30023_long_form/ordinary_1mib",
            signed(30023, ARTICLE, vec![Tag::new(["d", "a"])]),
            signed(30023, &md_ordinary, vec![Tag::new(["d", "a"])]),
        ),
    ];
    let mut g = c.benchmark_group("worst_case");
    g.sample_size(10);
    for (name, ordinary, worst) in &cases {
        for (label, ev) in [("ordinary", ordinary), ("worst_1mib", worst)] {
            let bytes = ev.to_json().len() as u64;
            g.throughput(Throughput::Bytes(bytes));
            g.bench_function(format!("{name}/{label}"), |b| {
                b.iter(|| parse_event(black_box(ev)))
            });
        }
    }
    g.finish();

    // Markdown shapes that stress pulldown-cmark's inline and block parsers, at a quarter MiB and
    // a MiB: equal throughput at both sizes is what linear looks like.
    let mut g = c.benchmark_group("worst_case_markdown");
    g.sample_size(10);
    for (name, unit) in [
        ("ordinary", ARTICLE),
        ("open_brackets", "["),
        ("open_images", "!["),
        ("emphasis", "*a_"),
        ("backticks", "`a``"),
        ("nested_quotes", "> "),
        ("nested_lists", "- "),
        ("links", "[a](b) "),
    ] {
        for (size, bytes) in [("256k", MIB / 4), ("1mib", MIB)] {
            let md = format!("{}x", unit.repeat(bytes / unit.len()));
            g.throughput(Throughput::Bytes(md.len() as u64));
            g.bench_function(format!("{name}/{size}"), |b| {
                b.iter(|| markdown_blocks(black_box(&md)))
            });
        }
    }
    g.finish();
}

criterion_group!(benches, bench, bench_worst_cases);
criterion_main!(benches);
