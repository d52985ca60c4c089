//! Content parser cost: a plain ~140-character note and a rich note (two `nostr:` mentions, two
//! links, an image, three hashtags, a BOLT11 invoice, a custom emoji), the content step alone and
//! together with reading the event JSON; plus throughput on a long text, and on 1 MiB worst
//! cases next to 1 MiB of ordinary prose (issue 11 item 7: a super-linear scan shows as a ratio);
//! and the issue 14 additions: previews of the rich note, and reading the `imeta` tag of a media
//! block.
//!
//! Run: `cargo bench -p nipworker-core --bench content`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use nipworker_core::parser::content::{
    Block, Bolt11Invoice, PreviewLimit, parse_content, parse_content_into, preview,
};
use nipworker_core::protocol::{
    Event, EventBuilder, EventId, Keys, Kind, Nip19Entity, Nip19Event, Tag,
};

const NPUB: &str = "npub10elfcs4fr0l0r8af98jlmgdh9c8tcxjvz9qkw038js35mp4dma8qzvjptg";
const NPUB_HEX: &str = "7e7e9c42a91bfef19fa929e5fda1b72e0ebc1a4c1141673e2794234d86addf4e";
/// BOLT #11 example "Please send $3 for a cup of coffee to the same peer, within one minute".
const INVOICE: &str = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh";

fn plain_note() -> (String, Vec<Tag>) {
    let content = "Just finished a long walk by the river this morning. The light was soft, the air \
                   was cold, and the coffee afterwards tasted better than usual.";
    (content.to_string(), vec![])
}

fn rich_note() -> (String, Vec<Tag>) {
    let nevent = Nip19Entity::Event(Nip19Event {
        id: EventId([1; 32]),
        relays: vec!["wss://relay.damus.io".into()],
        author: None,
        kind: None,
    })
    .to_bech32()
    .unwrap_or_default();
    let content = format!(
        "GM #nostr friends :soapbox: Great thread by nostr:{NPUB} about nostr:{nevent}\n\
         Read https://github.com/nostr-protocol/nips/blob/master/19.md and \
         https://example.com/blog?post=42 then look at this https://i.nostr.build/abc.jpg\n\
         #bitcoin #zaps Pay here: {INVOICE}"
    );
    let tags = vec![
        Tag::new(["p", NPUB_HEX]),
        Tag::new(["t", "nostr"]),
        Tag::new(["t", "bitcoin"]),
        Tag::new(["t", "zaps"]),
        Tag::new([
            "emoji",
            "soapbox",
            "https://gleasonator.com/emoji/soapbox.png",
        ]),
    ];
    (content, tags)
}

fn signed_json(content: &str, tags: &[Tag]) -> String {
    let keys = Keys::generate();
    EventBuilder::new(Kind(1), content)
        .tags(tags.iter().cloned())
        .sign(&keys)
        .to_json()
}

fn bench_content(c: &mut Criterion) {
    let mut group = c.benchmark_group("content");
    for (name, (content, tags)) in [("plain", plain_note()), ("rich", rich_note())] {
        let blocks = parse_content(&content, &tags);
        eprintln!("{name}: {} bytes, {} blocks", content.len(), blocks.len());
        group.throughput(Throughput::Bytes(content.len() as u64));
        group.bench_function(format!("{name}/parse_content"), |b| {
            b.iter(|| parse_content(black_box(&content), black_box(&tags)))
        });
        let mut out: Vec<Block> = Vec::with_capacity(64);
        group.bench_function(format!("{name}/parse_content_into_reused_vec"), |b| {
            b.iter(|| {
                out.clear();
                parse_content_into(black_box(&content), black_box(&tags), &mut out);
                out.len()
            })
        });
        let json = signed_json(&content, &tags);
        group.bench_function(format!("{name}/event_json_then_content"), |b| {
            b.iter(|| {
                let ev = Event::from_json(black_box(&json)).ok()?;
                Some(parse_content(&ev.content, &ev.tags).len())
            })
        });
    }
    group.finish();

    // The decoders the rich note spends most of its time in.
    let nevent = rich_note()
        .0
        .split("nostr:")
        .nth(2)
        .and_then(|s| s.split_whitespace().next())
        .unwrap_or_default()
        .to_string();
    let mut group = c.benchmark_group("content_parts");
    group.bench_function("npub_decode", |b| {
        b.iter(|| Nip19Entity::from_bech32(black_box(NPUB)).is_ok())
    });
    group.bench_function("nevent_decode", |b| {
        b.iter(|| Nip19Entity::from_bech32(black_box(&nevent)).is_ok())
    });
    group.bench_function("bolt11_decode", |b| {
        b.iter(|| Bolt11Invoice::parse(black_box(INVOICE)).is_ok())
    });
    group.finish();

    // Previews of the rich note (blocks already parsed), and a media block's imeta details.
    let (content, tags) = rich_note();
    let blocks = parse_content(&content, &tags);
    let mut group = c.benchmark_group("content_preview");
    for (name, limit) in [
        ("rich/chars_80", PreviewLimit::chars(80)),
        ("rich/blocks_3", PreviewLimit::blocks(3)),
        ("rich/whole", PreviewLimit::chars(10_000)),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| preview(black_box(&content), black_box(&blocks), limit).end)
        });
    }
    group.finish();
    let content = "look https://i.nostr.build/abc.jpg";
    let tags = vec![Tag::new([
        "imeta",
        "url https://i.nostr.build/abc.jpg",
        "m image/jpeg",
        "blurhash eVF$^OI:${M{o#*0-nNFxakD-?xVM}WEWB%iNKxvR-oetmo#R-aen$",
        "dim 3024x4032",
        "alt A scenic photo overlooking the coast of Costa Rica",
        "x 5d2899290e0e69bcd809949ee516a4a1597205390878f780c098707a7f18e3df",
        "fallback https://nostrcheck.me/alt1.jpg",
    ])];
    let blocks = parse_content(content, &tags);
    let mut group = c.benchmark_group("content_imeta");
    group.bench_function("parse_with_imeta", |b| {
        b.iter(|| parse_content(black_box(content), black_box(&tags)))
    });
    group.bench_function("media_file_of_block", |b| {
        b.iter(|| black_box(&blocks[1]).media_file(black_box(&tags)))
    });
    group.finish();

    // Throughput on a long text of ordinary prose with a link every few lines.
    let line = "The quick brown fox jumps over the lazy dog, then reads https://example.com/a \
                and tags it #fox.\n";
    let long = line.repeat(200);
    let mut group = c.benchmark_group("content_long");
    group.throughput(Throughput::Bytes(long.len() as u64));
    group.bench_function("prose_20kb", |b| {
        b.iter(|| parse_content(black_box(&long), &[]))
    });
    group.finish();
}

/// One MiB of `unit` repeated.
fn mib_of(unit: &str) -> String {
    unit.repeat((1 << 20) / unit.len())
}

fn bench_worst_cases(c: &mut Criterion) {
    let line = "The quick brown fox jumps over the lazy dog, then reads https://example.com/a \
                and tags it #fox.\n";
    let mut falling_fences = String::new();
    let mut ticks = 1450;
    while ticks >= 3 {
        falling_fences.push_str(&"`".repeat(ticks));
        falling_fences.push('\n');
        ticks -= 1;
    }
    let tags = vec![
        Tag::new(["emoji", "a", "https://e.example/a.png"]),
        Tag::new(["t", "21"]),
    ];
    let cases = [
        ("ordinary_prose", mib_of(line)),
        ("http_dot", mib_of("http://.")),
        ("https_dot", mib_of("https://.")),
        ("colons", mib_of(":")),
        ("unknown_shortcodes", mib_of(":b:")),
        ("hashes", mib_of("#")),
        ("tag_refs", mib_of("#[")),
        ("nostr_prefixes", mib_of("nostr:")),
        ("npub_prefixes", mib_of("nostr:npub1 ")),
        ("lightning_prefixes", mib_of("lightning:lnbc ")),
        ("cashu_prefixes", mib_of("cashuA ")),
        ("inline_ticks", mib_of("`a")),
        ("falling_fences", falling_fences),
    ];
    let mut group = c.benchmark_group("content_worst_1mib");
    group.sample_size(10);
    for (name, content) in &cases {
        group.throughput(Throughput::Bytes(content.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| parse_content(black_box(content), black_box(&tags)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench_content, bench_worst_cases);
criterion_main!(benches);
