//! Unit, corpus and property tests of the content parser.

use super::*;
use crate::protocol::{EventId, Kind, Nip19Address, Nip19Event, Nip19Profile, PublicKey};

const NPUB: &str = "npub10elfcs4fr0l0r8af98jlmgdh9c8tcxjvz9qkw038js35mp4dma8qzvjptg";
const NPUB_HEX: &str = "7e7e9c42a91bfef19fa929e5fda1b72e0ebc1a4c1141673e2794234d86addf4e";
const NSEC: &str = "nsec1vl029mgpspedva04g90vltkh6fvh240zqtv9k0t9af8935ke9laqsnlfe5";
const NPROFILE: &str = "nprofile1qqsrhuxx8l9ex335q7he0f09aej04zpazpl0ne2cgukyawd24mayt8gpp4mhxue69uhhytnc9e3k7mgpz4mhxue69uhkg6nzv9ejuumpv34kytnrdaksjlyr9p";
/// BOLT #11 example "Please send $3 for a cup of coffee to the same peer, within one minute".
const INVOICE: &str = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh";
/// NUT-00 V4 vector (single keyset).
const CASHU_B: &str = "cashuBpGF0gaJhaUgArSaMTR9YJmFwgaNhYQFhc3hAOWE2ZGJiODQ3YmQyMzJiYTc2ZGIwZGYxOTcyMTZiMjlkM2I4Y2MxNDU1M2NkMjc4MjdmYzFjYzk0MmZlZGI0ZWFjWCEDhhhUP_trhpXfStS6vN6So0qWvc2X3O4NfM-Y1HISZ5JhZGlUaGFuayB5b3VhbXVodHRwOi8vbG9jYWxob3N0OjMzMzhhdWNzYXQ=";

/// The invariants every parse must keep: blocks tile the input exactly, on char boundaries, with
/// no empty blocks, no two text blocks in a row, and sub-ranges inside their block.
pub(super) fn check_tiling(content: &str, blocks: &[Block]) {
    let mut at = 0;
    let mut rebuilt = String::with_capacity(content.len());
    let mut prev_text = false;
    for b in blocks {
        assert_eq!(
            b.range.start, at,
            "gap or overlap in {content:?}: {blocks:?}"
        );
        assert!(b.range.end > b.range.start, "empty block {b:?}");
        assert!(content.is_char_boundary(b.range.start) && content.is_char_boundary(b.range.end));
        let is_text = b.kind == BlockKind::Text;
        assert!(
            !(is_text && prev_text),
            "adjacent text blocks in {content:?}"
        );
        prev_text = is_text;
        let inner: Vec<Range<usize>> = match &b.kind {
            BlockKind::Hashtag { name } => vec![name.clone()],
            BlockKind::Emoji { shortcode, .. } => vec![shortcode.clone()],
            BlockKind::Code { code, language, .. } => {
                let mut v = vec![code.clone()];
                v.extend(language.clone());
                v
            }
            _ => vec![],
        };
        for r in inner {
            assert!(r.start >= b.range.start && r.end <= b.range.end && r.start <= r.end);
            assert!(content.get(r).is_some());
        }
        rebuilt.push_str(b.text(content));
        at = b.range.end;
    }
    assert_eq!(at, content.len());
    assert_eq!(rebuilt, content);
}

fn parse(content: &str, tags: &[Tag]) -> Vec<Block> {
    let blocks = parse_content(content, tags);
    check_tiling(content, &blocks);
    blocks
}

/// `(text, kind)` pairs, for readable assertions.
fn pieces<'a>(content: &'a str, blocks: &'a [Block]) -> Vec<(&'a str, &'a BlockKind)> {
    blocks.iter().map(|b| (b.text(content), &b.kind)).collect()
}

fn texts<'a>(content: &'a str, blocks: &'a [Block]) -> Vec<&'a str> {
    blocks.iter().map(|b| b.text(content)).collect()
}

#[test]
fn plain_and_empty() {
    assert!(parse("", &[]).is_empty());
    let s =
        "gm nostr, a quick brown fox jumped over the lazy dog. no links, no tags, only words here.";
    assert_eq!(
        parse(s, &[]),
        vec![Block {
            range: 0..s.len(),
            kind: BlockKind::Text
        }]
    );
}

#[test]
fn urls_and_media() {
    let s = "pic https://i.nostr.build/abc.JPG and a clip https://v.nostr.build/x.mp4?t=3 \
             song https://cdn.example/a.mp3, see (https://en.wikipedia.org/wiki/Bitcoin_(disambiguation)). \
             HTTPS://EXAMPLE.COM! http://localhost:7777/a?b=c#frag";
    let b = parse(s, &[]);
    let urls: Vec<(&str, MediaKind)> = b
        .iter()
        .filter_map(|blk| match blk.kind {
            BlockKind::Url { media, imeta } => {
                assert_eq!(imeta, None);
                Some((blk.text(s), media))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        urls,
        vec![
            ("https://i.nostr.build/abc.JPG", MediaKind::Image),
            ("https://v.nostr.build/x.mp4?t=3", MediaKind::Video),
            ("https://cdn.example/a.mp3", MediaKind::Audio),
            (
                "https://en.wikipedia.org/wiki/Bitcoin_(disambiguation)",
                MediaKind::Link
            ),
            ("HTTPS://EXAMPLE.COM", MediaKind::Link),
            ("http://localhost:7777/a?b=c#frag", MediaKind::Link),
        ]
    );
    // Not URLs: no host, or glued to a preceding word.
    for s in [
        "https:// nothing",
        "xhttps://example.com",
        "http://",
        "https://.",
    ] {
        assert!(
            parse(s, &[])
                .iter()
                .all(|b| !matches!(b.kind, BlockKind::Url { .. })),
            "{s}"
        );
    }
}

#[test]
fn urls_in_cjk_text() {
    let s = "これ見てhttps://example.com/画像.png、すごい。「https://nostr.com」";
    let b = parse(s, &[]);
    assert_eq!(
        texts(s, &b),
        vec![
            "これ見て",
            "https://example.com/画像.png",
            "、すごい。「",
            "https://nostr.com",
            "」"
        ]
    );
    assert!(matches!(
        b[1].kind,
        BlockKind::Url {
            media: MediaKind::Image,
            ..
        }
    ));
}

#[test]
fn imeta_overrides_extension() {
    let url =
        "https://blossom.example/5d2899290e0e69bcd809949ee516a4a1597205390878f780c098707a7f18e3df";
    let tags = vec![
        Tag::new(["p", NPUB_HEX]),
        Tag::new([
            "imeta".to_string(),
            format!("url {url}"),
            "m video/mp4".to_string(),
            "dim 1920x1080".to_string(),
        ]),
    ];
    let s = format!("watch this\n{url}\n");
    let b = parse(&s, &tags);
    assert_eq!(
        b[1].kind,
        BlockKind::Url {
            media: MediaKind::Video,
            imeta: Some(1)
        }
    );
    let meta = MediaMeta::from_tag(&tags[1]).unwrap();
    assert_eq!(meta.dim, Some((1920, 1080)));
    // Without the tag it is a plain link.
    assert_eq!(
        parse(&s, &[])[1].kind,
        BlockKind::Url {
            media: MediaKind::Link,
            imeta: None
        }
    );
}

#[test]
fn hashtags() {
    let s =
        "#nostr is #1 at #Bitcoin, C# is not a tag, ## neither, #日本語、#ไทยภาษา #hindi_हिन्दी #21";
    let b = parse(s, &[]);
    let tags: Vec<&str> = b
        .iter()
        .filter_map(|blk| match &blk.kind {
            BlockKind::Hashtag { name } => Some(&s[name.clone()]),
            _ => None,
        })
        .collect();
    assert_eq!(
        tags,
        vec!["nostr", "Bitcoin", "日本語", "ไทยภาษา", "hindi_हिन्दी"]
    );
    // An all-digit tag counts when the author tagged it.
    let b = parse(s, &[Tag::new(["t", "21"])]);
    assert!(
        b.iter().any(
            |blk| matches!(&blk.kind, BlockKind::Hashtag { name } if &s[name.clone()] == "21")
        )
    );
}

#[test]
fn mentions() {
    let nevent = Nip19Entity::Event(Nip19Event {
        id: EventId([1; 32]),
        relays: vec!["wss://relay.damus.io".into()],
        author: Some(PublicKey([2; 32])),
        kind: Some(Kind(1)),
    })
    .to_bech32()
    .unwrap();
    let naddr = Nip19Entity::Address(Nip19Address {
        identifier: "long-form".into(),
        public_key: PublicKey([2; 32]),
        kind: Kind(30023),
        relays: vec![],
    })
    .to_bech32()
    .unwrap();
    let note = EventId([3; 32]).to_note();
    let s = format!(
        "hi nostr:{NPUB}, see nostr:{nevent} and NOSTR:{naddr}. cc @{NPROFILE} {note}\n\
         bad nostr:npub10elfcs4fr0l0r8af98jlmgdh9c8tcxjvz9qkw038js35mp4dma8qzvjptq \
         secret nostr:{NSEC} {NSEC} glued {NPUB}yes"
    );
    let b = parse(&s, &[]);
    let mentions: Vec<(&str, &Mention)> = b
        .iter()
        .filter_map(|blk| match &blk.kind {
            BlockKind::Mention(m) => Some((blk.text(&s), m)),
            _ => None,
        })
        .collect();
    assert_eq!(mentions.len(), 6, "{mentions:#?}");
    assert_eq!(mentions[0].0, format!("nostr:{NPUB}"));
    assert_eq!(
        mentions[0].1.entity,
        Nip19Entity::Pubkey(PublicKey::from_hex(NPUB_HEX).unwrap())
    );
    assert_eq!(mentions[0].1.source, MentionSource::Uri);
    assert!(matches!(mentions[1].1.entity, Nip19Entity::Event(_)));
    assert_eq!(mentions[2].0, format!("NOSTR:{naddr}"));
    assert!(matches!(mentions[2].1.entity, Nip19Entity::Address(_)));
    assert!(matches!(
        &mentions[3].1.entity,
        Nip19Entity::Profile(Nip19Profile { relays, .. }) if relays.len() == 2
    ));
    assert_eq!(mentions[3].1.source, MentionSource::Bare);
    assert_eq!(mentions[4].1.entity, Nip19Entity::Note(EventId([3; 32])));
    // A npub glued to following letters is still found, the letters stay text.
    assert_eq!(mentions[5].0, NPUB);
    assert!(s.contains(&format!("{NPUB}yes")));
    // The bad checksum and both nsecs stay plain text.
    let text: String = b
        .iter()
        .filter(|blk| blk.kind == BlockKind::Text)
        .map(|blk| blk.text(&s))
        .collect();
    assert!(text.contains("dma8qzvjptq"));
    assert_eq!(text.matches(NSEC).count(), 2);
}

#[test]
fn nip08_tag_references() {
    // From testdata/corpus/random.json (see corpus test): "#[0]" with a `p` tag.
    let tags = vec![
        Tag::new(["p", NPUB_HEX, "wss://nostr-relay.untethr.me"]),
        Tag::new(["t", "x"]),
        Tag::new(["e", &"ab".repeat(32)]),
        Tag::new(["a", &format!("30023:{NPUB_HEX}:my-post"), "wss://r"]),
    ];
    let s = "to #[0] re #[2] in #[3], not #[1] nor #[9] nor #[x]";
    let b = parse(s, &tags);
    let refs: Vec<(&str, &Mention)> = b
        .iter()
        .filter_map(|blk| match &blk.kind {
            BlockKind::Mention(m) => Some((blk.text(s), m)),
            _ => None,
        })
        .collect();
    assert_eq!(refs.len(), 3);
    assert_eq!(refs[0].0, "#[0]");
    assert_eq!(refs[0].1.source, MentionSource::TagIndex(0));
    assert_eq!(
        refs[1].1.entity,
        Nip19Entity::Note(EventId::from_hex(&"ab".repeat(32)).unwrap())
    );
    assert!(matches!(
        &refs[2].1.entity,
        Nip19Entity::Address(a) if a.identifier == "my-post" && a.kind == Kind(30023)
    ));
}

#[test]
fn custom_emoji() {
    let tags = vec![
        Tag::new([
            "emoji",
            "soapbox",
            "https://gleasonator.com/emoji/Gleasonator/soapbox.png",
        ]),
        Tag::new(["emoji", "ablobcatrainbow", "https://x.example/a.png"]),
    ];
    let s = "Hello :gleasonator: :soapbox::ablobcatrainbow: time 12:30:45 :soapbox";
    let b = parse(s, &tags);
    let emoji: Vec<(&str, usize)> = b
        .iter()
        .filter_map(|blk| match &blk.kind {
            BlockKind::Emoji { shortcode, tag } => Some((&s[shortcode.clone()], *tag)),
            _ => None,
        })
        .collect();
    assert_eq!(emoji, vec![("soapbox", 0), ("ablobcatrainbow", 1)]);
    assert_eq!(
        emoji_url(&tags, 0),
        Some("https://gleasonator.com/emoji/Gleasonator/soapbox.png")
    );
    // No emoji tags: no emoji blocks at all.
    assert!(
        parse(s, &[])
            .iter()
            .all(|b| !matches!(b.kind, BlockKind::Emoji { .. }))
    );
}

#[test]
fn many_tags_and_tokens() {
    // Duplicate shortcodes resolve to the first tag; thousands of tags and candidate tokens are
    // looked up in sorted tables, not scanned per token.
    let mut tags: Vec<Tag> = (0..5000)
        .map(|i| {
            Tag::new([
                "emoji".to_string(),
                format!("e{i}"),
                "https://x/e.png".into(),
            ])
        })
        .collect();
    tags.push(Tag::new(["emoji", "e7", "https://x/dup.png"]));
    let s = ":e7: :nope: ".repeat(5000);
    let b = parse(&s, &tags);
    let emoji: Vec<usize> = b
        .iter()
        .filter_map(|blk| match blk.kind {
            BlockKind::Emoji { tag, .. } => Some(tag),
            _ => None,
        })
        .collect();
    assert_eq!(emoji.len(), 5000);
    assert!(emoji.iter().all(|&t| t == 7));
}

#[test]
fn cashu_tokens() {
    let s = format!("here is 1 sat for you {CASHU_B} enjoy! also cashuApp is a word");
    let b = parse(&s, &[]);
    let p = pieces(&s, &b);
    let (text, kind) = p[1];
    assert_eq!(text, CASHU_B);
    let BlockKind::Cashu(Ok(token)) = kind else {
        panic!("{kind:?}")
    };
    assert_eq!(token.mint, "http://localhost:3338");
    assert_eq!(token.unit.as_deref(), Some("sat"));
    assert_eq!(token.total_amount(), Some(1));
    assert_eq!(p.len(), 3);

    // A truncated token is flagged, not dropped and not a panic.
    let broken = &CASHU_B[..120];
    let s = format!("oops {broken}");
    let b = parse(&s, &[]);
    assert!(matches!(b[1].kind, BlockKind::Cashu(Err(_))));
}

#[test]
fn invoices() {
    let s = format!(
        "pay me {INVOICE} or lightning:{} thanks",
        INVOICE.to_uppercase()
    );
    let b = parse(&s, &[]);
    let invoices: Vec<(&str, &Bolt11Invoice)> = b
        .iter()
        .filter_map(|blk| match &blk.kind {
            BlockKind::Invoice(i) => Some((blk.text(&s), &**i)),
            _ => None,
        })
        .collect();
    assert_eq!(invoices.len(), 2);
    assert_eq!(invoices[0].0, INVOICE);
    assert_eq!(invoices[0].1.amount_msat, Some(250_000_000));
    assert!(invoices[1].0.starts_with("lightning:LNBC2500U"));
    // One changed character breaks the checksum: plain text.
    let mut bad = INVOICE.to_string();
    bad.replace_range(40..41, "x");
    let b = parse(&format!("pay {bad}"), &[]);
    assert_eq!(b.len(), 1);
    assert_eq!(b[0].kind, BlockKind::Text);
}

#[test]
fn invoices_with_impossible_signatures_are_text() {
    let mut one = [0u8; 32];
    one[31] = 1;
    for (r, s) in [([0u8; 32], one), (one, [0u8; 32]), ([0xff; 32], one)] {
        let mut sig = [0u8; 65];
        sig[..32].copy_from_slice(&r);
        sig[32..64].copy_from_slice(&s);
        let bad = super::bolt11::tests::with_signature(INVOICE, &sig);
        // The checksum is right, so only the signature check keeps it from being an invoice.
        assert_eq!(
            Bolt11Invoice::parse(&bad),
            Err(Bolt11Error::InvalidSignature)
        );
        let text = format!("pay {bad} or lightning:{bad}");
        let b = parse(&text, &[]);
        assert_eq!(b.len(), 1, "{b:?}");
        assert_eq!(b[0].kind, BlockKind::Text);
    }
}

#[test]
fn a_literal_backslash_ends_a_url() {
    // Double-escaping clients send a backslash and an `n` where a line break was meant.
    let s = r"https://example.com/a.jpg\nhttps://example.com/b.png\tnpub10elfcs4fr0l0r8af98jlmgdh9c8tcxjvz9qkw038js35mp4dma8qzvjptg\n#nostr \https://x.io/c.mp4\";
    let b = parse(s, &[]);
    let got: Vec<(&str, &BlockKind)> = pieces(s, &b);
    let urls: Vec<(&str, MediaKind)> = b
        .iter()
        .filter_map(|blk| match blk.kind {
            BlockKind::Url { media, .. } => Some((blk.text(s), media)),
            _ => None,
        })
        .collect();
    assert_eq!(
        urls,
        vec![
            ("https://example.com/a.jpg", MediaKind::Image),
            ("https://example.com/b.png", MediaKind::Image),
            ("https://x.io/c.mp4", MediaKind::Video),
        ],
        "{got:?}"
    );
    assert!(
        b.iter().any(
            |blk| matches!(&blk.kind, BlockKind::Mention(m) if m.source == MentionSource::Bare)
        ),
        "{got:?}"
    );
    assert!(
        b.iter().any(
            |blk| matches!(&blk.kind, BlockKind::Hashtag { name } if &s[name.clone()] == "nostr")
        ),
        "{got:?}"
    );
    let plain: Vec<&str> = b
        .iter()
        .filter(|blk| blk.kind == BlockKind::Text)
        .map(|blk| blk.text(s))
        .collect();
    assert_eq!(plain, vec![r"\n", r"\t", r"\n", r" \", r"\"]);
    // A backslash and another letter is still a word: no link glued behind it.
    let s = r"a\xhttps://example.com";
    assert!(
        parse(s, &[])
            .iter()
            .all(|b| !matches!(b.kind, BlockKind::Url { .. }))
    );
}

#[test]
fn code_spans() {
    let s = "run `cargo test #notatag https://x.com` then\n```rust\nlet url = \"https://example.com\";\n```\nand ``a ` b`` and `unclosed\n```\nnever closed https://a.com";
    let b = parse(s, &[]);
    let p = pieces(s, &b);
    let codes: Vec<(&str, Option<&str>, bool)> = b
        .iter()
        .filter_map(|blk| match &blk.kind {
            BlockKind::Code {
                code,
                language,
                fenced,
            } => Some((&s[code.clone()], language.clone().map(|l| &s[l]), *fenced)),
            _ => None,
        })
        .collect();
    assert_eq!(
        codes,
        vec![
            ("cargo test #notatag https://x.com", None, false),
            ("let url = \"https://example.com\";", Some("rust"), true),
            ("a ` b", None, false),
        ]
    );
    assert_eq!(p[3].0, "```rust\nlet url = \"https://example.com\";\n```");
    // The unclosed fence stays text, and the URL after it is still found.
    assert!(matches!(b.last().unwrap().kind, BlockKind::Url { .. }));
    // CRLF fences and an empty body.
    let s = "```\r\ncode\r\n```\r\n```\n```";
    let b = parse(s, &[]);
    let BlockKind::Code { code, .. } = &b[0].kind else {
        panic!("{b:?}")
    };
    assert_eq!(&s[code.clone()], "code");
    let BlockKind::Code { code, .. } = &b[2].kind else {
        panic!("{b:?}")
    };
    assert!(code.is_empty());
}

#[test]
fn pathological_backticks_stay_linear() {
    // Many distinct run lengths on one line and many unclosed fences must not blow up.
    let mut s = String::new();
    for i in 1..200 {
        s.push_str(&"`".repeat(i % 70 + 1));
        s.push(' ');
    }
    s.push('\n');
    for _ in 0..2000 {
        s.push_str("```\nx\n");
    }
    check_tiling(&s, &parse_content(&s, &[]));
}

/// The rich note of the benchmark: every block type at once.
pub(super) fn rich_note() -> (String, Vec<Tag>) {
    let nevent = Nip19Entity::Event(Nip19Event {
        id: EventId([1; 32]),
        relays: vec!["wss://relay.damus.io".into()],
        author: None,
        kind: None,
    })
    .to_bech32()
    .unwrap();
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

#[test]
fn rich_note_blocks() {
    let (content, tags) = rich_note();
    let b = parse(&content, &tags);
    let count = |f: fn(&BlockKind) -> bool| b.iter().filter(|blk| f(&blk.kind)).count();
    assert_eq!(count(|k| matches!(k, BlockKind::Mention(_))), 2);
    assert_eq!(count(|k| matches!(k, BlockKind::Url { .. })), 3);
    assert_eq!(
        count(|k| matches!(
            k,
            BlockKind::Url {
                media: MediaKind::Image,
                ..
            }
        )),
        1
    );
    assert_eq!(count(|k| matches!(k, BlockKind::Hashtag { .. })), 3);
    assert_eq!(count(|k| matches!(k, BlockKind::Invoice(_))), 1);
    assert_eq!(count(|k| matches!(k, BlockKind::Emoji { .. })), 1);
}

#[test]
fn reuses_output_vector() {
    let mut out = Vec::new();
    parse_content_into("#a", &[], &mut out);
    parse_content_into("b", &[], &mut out);
    assert_eq!(out.len(), 2);
}

mod corpus {
    use super::*;
    use crate::protocol::Event;

    fn corpus_events(file: &str) -> Vec<Event> {
        let path = format!(
            "{}/../../testdata/corpus/{file}",
            env!("CARGO_MANIFEST_DIR")
        );
        let text = std::fs::read_to_string(path).unwrap();
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).unwrap();
                let ev = v.as_array().unwrap().last().unwrap().clone();
                serde_json::from_value(ev).unwrap()
            })
            .collect()
    }

    #[test]
    fn real_notes() {
        let mut notes = Vec::new();
        for f in ["random.json", "reactions.json", "search.json"] {
            notes.extend(corpus_events(f).into_iter().filter(|e| e.kind == Kind(1)));
        }
        assert_eq!(notes.len(), 8);
        for ev in &notes {
            let b = parse(&ev.content, &ev.tags);
            let p = pieces(&ev.content, &b);
            match ev.id.to_hex().as_str() {
                // "... This was generated with https://github.com/jb55/nostril"
                "00000e1253a8888a195da04ebc528d2b44a3d4e2788e79b85ec1a2c61eef3733" => {
                    assert_eq!(p.last().unwrap().0, "https://github.com/jb55/nostril");
                }
                // "I made a robot friend that mines nostr events: #[0] "
                "a4b73fc5b901b74f4d96c6f7104fc58472deae474a225fa172eccaf88df50505" => {
                    assert_eq!(p[1].0, "#[0]");
                    let BlockKind::Mention(m) = p[1].1 else {
                        panic!("{p:?}")
                    };
                    assert_eq!(
                        m.entity,
                        Nip19Entity::Pubkey(
                            PublicKey::from_hex(
                                "6cad545430904b84a8101c5783b65043f19ae29d2da1076b8fc3e64892736f03"
                            )
                            .unwrap()
                        )
                    );
                }
                _ => assert!(
                    b.iter().all(|blk| blk.kind == BlockKind::Text),
                    "{}: {p:?}",
                    ev.content
                ),
            }
        }
    }

    /// Clients run profile texts (about, names, lud06...) through the same parser; the 501 real
    /// profiles hold Japanese text, `nostr:` and bare npubs, URLs, hashtags and real invoices.
    #[test]
    fn real_profile_texts() {
        let events = corpus_events("profiles.json");
        assert_eq!(events.len(), 501);
        let mut fields = 0;
        let mut counts = std::collections::HashMap::<&str, usize>::new();
        let mut abouts = std::collections::HashMap::<String, Vec<Block>>::new();
        for ev in &events {
            let Ok(serde_json::Value::Object(map)) =
                serde_json::from_str::<serde_json::Value>(&ev.content)
            else {
                continue;
            };
            for (key, value) in map {
                let Some(text) = value.as_str() else { continue };
                fields += 1;
                let blocks = parse(text, &ev.tags);
                for blk in &blocks {
                    let name = match &blk.kind {
                        BlockKind::Text => "text",
                        BlockKind::Hashtag { .. } => "hashtag",
                        BlockKind::Url { .. } => "url",
                        BlockKind::Mention(_) => "mention",
                        BlockKind::Emoji { .. } => "emoji",
                        BlockKind::Cashu(_) => "cashu",
                        BlockKind::Invoice(_) => "invoice",
                        BlockKind::Code { .. } => "code",
                    };
                    *counts.entry(name).or_default() += 1;
                }
                if key == "about" {
                    abouts.insert(ev.id.to_hex()[..8].to_string(), blocks);
                }
            }
        }
        eprintln!("{fields} fields: {counts:?}");
        assert!(fields > 2000, "{fields}");
        // Every lud06 invoice in the corpus has a valid checksum and decodes.
        assert!(counts["invoice"] >= 4, "{counts:?}");
        assert!(counts["url"] > 500, "{counts:?}");
        assert!(counts["mention"] > 20, "{counts:?}");
        assert!(counts["hashtag"] > 20, "{counts:?}");

        // "...bot管理人:kojira(nostr:npub1k0jr...)": a mention inside Japanese text and parens.
        let about = &abouts["48582df9"];
        assert!(
            about.iter().any(
                |b| matches!(&b.kind, BlockKind::Mention(m) if m.source == MentionSource::Uri)
            )
        );
        // "New pubkey: @npub1l0un...": a bare npub after '@'.
        assert!(
            abouts["88aa0e1d"].iter().any(
                |b| matches!(&b.kind, BlockKind::Mention(m) if m.source == MentionSource::Bare)
            )
        );
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    /// Fragments that reach every token path, glued in random orders with random separators.
    fn soup() -> impl Strategy<Value = String> {
        let fragments = vec![
            "https://",
            "http://x.com/a_(b)",
            "https://i.nostr.build/a.png",
            "nostr:",
            NPUB,
            NPROFILE,
            NSEC,
            "npub1",
            "#",
            "#tag",
            "#[0]",
            "#[",
            ":",
            ":soapbox:",
            "`",
            "```",
            "```rust\n",
            "\n",
            "\r\n",
            " ",
            "、",
            "日本",
            "é",
            "\u{200d}",
            "😀",
            "cashuA",
            CASHU_B,
            "lightning:",
            INVOICE,
            "lnbc",
            "(",
            ")",
            "]",
            ".",
            "=",
            "@",
            "\u{0}",
        ];
        proptest::collection::vec((proptest::sample::select(fragments), 0usize..4), 0..40).prop_map(
            |parts| {
                let mut s = String::new();
                for (frag, cut) in parts {
                    // Sometimes cut a fragment short (on a char boundary) to make near-misses.
                    let mut end = frag.len().saturating_sub(cut * 7);
                    while !frag.is_char_boundary(end) {
                        end -= 1;
                    }
                    if end == 0 {
                        end = frag.len();
                    }
                    s.push_str(&frag[..end]);
                }
                s
            },
        )
    }

    fn tags() -> Vec<Tag> {
        vec![
            Tag::new(["p", NPUB_HEX]),
            Tag::new(["emoji", "soapbox", "https://x/s.png"]),
            Tag::new(["imeta", "url https://i.nostr.build/a.png", "m image/png"]),
            Tag::new(["t", "21"]),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        #[test]
        fn any_utf8_string_tiles(s in "\\PC{0,200}") {
            check_tiling(&s, &parse_content(&s, &tags()));
        }

        #[test]
        fn any_string_with_controls_tiles(s in any::<String>()) {
            check_tiling(&s, &parse_content(&s, &[]));
        }

        #[test]
        fn token_soup_tiles(s in soup()) {
            check_tiling(&s, &parse_content(&s, &tags()));
        }

        /// A preview is a prefix of the parse: whole blocks, then maybe one cut text block,
        /// within the limits, flagged exactly when it ends before the content does.
        #[test]
        fn previews_are_prefixes_within_limits(
            s in soup(),
            max_chars in proptest::option::of(0usize..120),
            max_blocks in proptest::option::of(0usize..12),
        ) {
            let blocks = parse_content(&s, &tags());
            let limit = PreviewLimit { max_chars, max_blocks };
            let p = preview(&s, &blocks, limit);
            prop_assert!(p.end <= s.len() && s.is_char_boundary(p.end));
            prop_assert!(max_blocks.is_none_or(|m| p.blocks.len() <= m));
            let mut at = 0;
            for (i, b) in p.blocks.iter().enumerate() {
                prop_assert_eq!(b.range.start, at);
                if i + 1 < p.blocks.len() || b.kind != BlockKind::Text {
                    prop_assert_eq!(b, &blocks[i]);
                } else {
                    prop_assert!(b.range.end <= blocks[i].range.end);
                }
                at = b.range.end;
            }
            prop_assert_eq!(at, p.end);
            let whole = p.blocks.len() == blocks.len()
                && p.blocks.last().map(|b| b.range.end) == blocks.last().map(|b| b.range.end);
            prop_assert_eq!(p.truncated, !whole);
        }
    }
}

// ---- Worst cases (issue 11 item 7): hostile content must cost linear work ---------------------

/// One MiB: the size a relay may forward in one event.
const MIB: usize = 1 << 20;

/// `unit` repeated to (about) one MiB.
fn mib_of(unit: &str) -> String {
    unit.repeat(MIB / unit.len())
}

/// Parses `content`, checks the tiling, and asserts the scanner examined at most `factor` units
/// per input byte: a quadratic scan of one MiB would examine ~10^11.
fn scan_linear(content: &str, tags: &[Tag], factor: usize) -> Vec<Block> {
    let mut out = Vec::new();
    let work = super::scan::scan_counting_work(content, tags, &mut out);
    check_tiling(content, &out);
    assert!(
        work <= factor * content.len() + 64,
        "{work} units for {} bytes starting {:?}",
        content.len(),
        &content[..content.len().min(40)]
    );
    out
}

fn only_text(content: &str, blocks: &[Block]) {
    assert_eq!(
        blocks,
        [Block {
            range: 0..content.len(),
            kind: BlockKind::Text
        }]
    );
}

#[test]
fn schemes_without_host_are_linear() {
    // Fuzzing found this one: each "http://" walked the whole rest of the URL run.
    for unit in ["http://.", "https://.", "HTTP://-", "http://\u{2014}"] {
        let content = mib_of(unit);
        only_text(&content, &scan_linear(&content, &[], 6));
    }
    // Where a URL does start, it runs to the end of the run, swallowing later schemes.
    for (unit, first) in [("http://", 0), ("http://.http://a", 8)] {
        let content = mib_of(unit);
        let blocks = scan_linear(&content, &[], 6);
        assert_eq!(
            blocks.last().map(|b| b.range.clone()),
            Some(first..content.len())
        );
        assert!(matches!(
            blocks.last().map(|b| &b.kind),
            Some(BlockKind::Url { .. })
        ));
    }
}

#[test]
fn hostile_punctuation_and_prefixes_are_linear() {
    let tags = [
        Tag::new(["emoji", "a", "https://e.example/a.png"]),
        Tag::new(["t", "1"]),
    ];
    for unit in [
        ":",
        ":a",
        "::b-",
        "#",
        "#[",
        "#[1",
        "#[12345",
        "#1 ",
        "nostr:",
        "nostr:npub1",
        "npub1 ",
        "note1x.",
        "lightning:",
        "lightning:lnbc",
        "lnbc1 ",
        "cashuA ",
        "cashu",
        "h",
        "n",
    ] {
        let content = mib_of(unit);
        scan_linear(&content, &tags, 8);
    }
    // Shortcodes that are not tagged stay text; tagged ones all become emoji.
    let content = mib_of(":b:");
    only_text(&content, &scan_linear(&content, &tags, 8));
    let content = mib_of(":a: ");
    let blocks = scan_linear(&content, &tags, 8);
    assert_eq!(blocks.len(), 2 * (MIB / 4));
}

#[test]
fn long_words_after_prefixes_are_linear() {
    // One huge token after each prefix: scanned a bounded number of times, then left as text.
    for prefix in [
        "nostr:npub1",
        "npub1",
        "lightning:lnbc",
        "lnbc",
        "http://a",
        "#",
        ":",
    ] {
        let content = format!("{prefix}{}", "q".repeat(MIB));
        scan_linear(&content, &[], 8);
    }
}

#[test]
fn unclosed_fences_of_falling_length_are_linear() {
    // Openers of 1450, 1449, ... backticks: none has a long enough closer after it, and each
    // used to rescan the rest of the content (n^1.5 work).
    let mut content = String::new();
    let mut ticks = 1450;
    while ticks >= 3 {
        content.push_str(&"`".repeat(ticks));
        content.push('\n');
        ticks -= 1;
    }
    assert!(content.len() > MIB);
    only_text(&content, &scan_linear(&content, &[], 8));
    // Closed fences are still found, nested lengths included.
    let content = "````md\n```\ninner\n```\n````\ntext\n```\nx\n```";
    let blocks = scan_linear(content, &[], 8);
    let fenced: Vec<&str> = blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Code {
                code, fenced: true, ..
            } => Some(&content[code.clone()]),
            _ => None,
        })
        .collect();
    assert_eq!(fenced, ["```\ninner\n```", "x"]);
}

#[test]
fn unclosed_inline_code_is_linear() {
    // Every backtick-run length below the memo's limit, then a long line with no closer.
    let mut content = String::new();
    for ticks in 1..64 {
        content.push_str(&"`".repeat(ticks));
        content.push('a');
    }
    content.push_str(&"x".repeat(MIB));
    scan_linear(&content, &[], 70);
    let content = mib_of("`a");
    scan_linear(&content, &[], 8);
}
