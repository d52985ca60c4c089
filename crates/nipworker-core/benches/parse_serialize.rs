//! Kind-1 parse + FlatBuffers serialize, the parser worker's per-event cost: a plain ~140-character
//! note and a rich note (two `nostr:` mentions, three links one of them an image, three hashtags, a
//! custom emoji, a BOLT11 invoice). Each is measured as parse only, serialize only (a reused
//! builder, as the worker does), and both together — the number the issue's targets are about
//! (rich < 20 µs, plain < 3 µs). Then the issue 14 additions, parse plus serialize: a note whose
//! image has an `imeta` tag (its details are written on the block), a kind 20 picture and a kind
//! 21 video from testdata/crafted, and the rich note with a preview written next to its blocks.
//!
//! Run: `cargo bench -p nipworker-core --bench parse_serialize`

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use nipworker_core::parser::content::{PreviewLimit, preview};
use nipworker_core::parser::kinds::parse_event;
use nipworker_core::parser::serialize::{
    Annotations, parsed_event_message, parsed_event_message_annotated,
};
use nipworker_core::protocol::{
    Event, EventBuilder, EventId, Keys, Kind, Nip19Entity, Nip19Event, Tag,
};
use planus::Builder;

const NPUB: &str = "npub10elfcs4fr0l0r8af98jlmgdh9c8tcxjvz9qkw038js35mp4dma8qzvjptg";
const NPUB_HEX: &str = "7e7e9c42a91bfef19fa929e5fda1b72e0ebc1a4c1141673e2794234d86addf4e";
/// BOLT #11 example "Please send $3 for a cup of coffee to the same peer, within one minute".
const INVOICE: &str = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh";

fn plain_note(keys: &Keys) -> Event {
    let content = "Just finished a long walk by the river this morning. The light was soft, the air \
                   was cold, and the coffee afterwards tasted better than usual.";
    EventBuilder::new(Kind(1), content).sign(keys)
}

fn rich_note(keys: &Keys) -> Event {
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
    let root = hex::encode([2u8; 32]);
    EventBuilder::new(Kind(1), content)
        .tags([
            Tag::new(["e", &root, "wss://relay.damus.io", "root"]),
            Tag::new(["p", NPUB_HEX]),
            Tag::new(["t", "nostr"]),
            Tag::new(["t", "bitcoin"]),
            Tag::new(["t", "zaps"]),
            Tag::new([
                "emoji",
                "soapbox",
                "https://gleasonator.com/emoji/soapbox.png",
            ]),
        ])
        .sign(keys)
}

fn bench(c: &mut Criterion) {
    let keys = Keys::generate();
    let mut group = c.benchmark_group("kind1");
    for (name, event) in [("plain", plain_note(&keys)), ("rich", rich_note(&keys))] {
        let mut builder = Builder::new();
        let parsed = parse_event(&event);
        let size = parsed_event_message(
            &mut builder,
            "sub",
            &event,
            Some("wss://r"),
            false,
            Some(parsed.as_ref()),
            &[],
        )
        .len();
        eprintln!(
            "{name}: content {} bytes, message {size} bytes",
            event.content.len()
        );
        group.bench_function(format!("{name}/parse"), |b| {
            b.iter(|| parse_event(black_box(&event)))
        });
        group.bench_function(format!("{name}/serialize"), |b| {
            b.iter(|| {
                parsed_event_message(
                    &mut builder,
                    "sub",
                    black_box(&event),
                    Some("wss://r"),
                    false,
                    Some(parsed.as_ref()),
                    &[],
                )
                .len()
            })
        });
        group.bench_function(format!("{name}/parse_serialize"), |b| {
            b.iter(|| {
                let parsed = parse_event(black_box(&event));
                parsed_event_message(
                    &mut builder,
                    "sub",
                    &event,
                    Some("wss://r"),
                    false,
                    Some(parsed.as_ref()),
                    &[],
                )
                .len()
            })
        });
    }
    group.finish();
}

fn crafted(kind: u16) -> Event {
    let path = format!(
        "{}/../../testdata/crafted/parity.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(path).unwrap_or_default();
    text.lines()
        .filter_map(|line| {
            let msg: Vec<serde_json::Value> = serde_json::from_str(line).ok()?;
            serde_json::from_value::<Event>(msg.get(2)?.clone()).ok()
        })
        .find(|e| e.kind == Kind(kind))
        .unwrap_or_else(|| EventBuilder::new(Kind(kind), "").sign(&Keys::generate()))
}

fn bench_issue14(c: &mut Criterion) {
    let mut group = c.benchmark_group("issue14");
    let mut builder = Builder::new();
    for (name, event) in [
        ("kind1_imeta_note", crafted(1)),
        ("kind20_picture", crafted(20)),
        ("kind21_video", crafted(21)),
    ] {
        group.bench_function(format!("{name}/parse_serialize"), |b| {
            b.iter(|| {
                let parsed = parse_event(black_box(&event));
                parsed_event_message(
                    &mut builder,
                    "sub",
                    &event,
                    Some("wss://r"),
                    false,
                    Some(parsed.as_ref()),
                    &[],
                )
                .len()
            })
        });
    }
    let rich = rich_note(&Keys::generate());
    group.bench_function("rich_preview_80/parse_preview_serialize", |b| {
        b.iter(|| {
            let parsed = parse_event(black_box(&rich));
            let span = parsed
                .as_ref()
                .ok()
                .and_then(|p| p.content_blocks())
                .map(|blocks| preview(&rich.content, blocks, PreviewLimit::chars(80)).span());
            parsed_event_message_annotated(
                &mut builder,
                "sub",
                &rich,
                Some("wss://r"),
                false,
                Some(parsed.as_ref()),
                Annotations {
                    proof_status: &[],
                    preview: span,
                },
            )
            .len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench, bench_issue14);
criterion_main!(benches);
