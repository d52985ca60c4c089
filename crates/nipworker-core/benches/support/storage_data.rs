//! The storage benches' data set, shared by `benches/storage.rs` and the anchor bench
//! (`bench/vs-anchors`): 100,000 events from a fixed seed, really signed, 1,000 authors with
//! Zipf-like activity over one month (see `benches/storage.rs` for the full description).

use std::time::Instant;

use nipworker_core::protocol::{Event, EventBuilder, EventId, Keys, Kind, Tag, Timestamp};
use rand::distr::Distribution;
use rand::distr::weighted::WeightedIndex;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// Events generated.
pub const EVENTS: usize = 100_000;
/// Authors.
pub const AUTHORS: usize = 1_000;
/// First timestamp of the month.
pub const START: u64 = 1_700_000_000;
/// The span of the data.
pub const MONTH: u64 = 30 * 24 * 3600;

/// The generated events and the subjects of the query shapes.
pub struct Dataset {
    /// Every event, in ingest order.
    pub events: Vec<Event>,
    /// The most active and most mentioned author.
    pub top_author: Keys,
    /// 100 authors drawn at random (seed 7): a follow feed.
    pub feed_authors: Vec<Keys>,
    /// Every author: a follow feed of 1,000.
    pub all_authors: Vec<Keys>,
    /// The note with the most `e` references.
    pub popular_note: EventId,
}

struct Draft {
    author: usize,
    kind: u16,
    at: u64,
    tags: Vec<Tag>,
    content: String,
}

/// Generates and signs the data set (same events every run).
pub fn generate() -> Dataset {
    let mut rng = StdRng::seed_from_u64(0x6e6f737472);
    let keys: Vec<Keys> = (0..AUTHORS)
        .map(|_| {
            loop {
                let bytes: [u8; 32] = rng.random();
                if let Ok(k) = Keys::from_secret_bytes(&bytes) {
                    break k;
                }
            }
        })
        .collect();
    let pks: Vec<String> = keys.iter().map(|k| k.public_key().to_hex()).collect();
    // Author activity and popularity: Zipf-like, author 0 most active and most mentioned.
    let weights: Vec<f64> = (0..AUTHORS)
        .map(|i| 1.0 / ((i + 1) as f64).powf(0.8))
        .collect();
    let zipf = WeightedIndex::new(&weights).expect("weights");
    let hashtags: Vec<String> = (0..50).map(|i| format!("topic{i}")).collect();

    let mut drafts: Vec<Draft> = Vec::with_capacity(EVENTS);
    for a in 0..AUTHORS {
        let at = START + rng.random_range(0..MONTH);
        drafts.push(Draft {
            author: a,
            kind: 0,
            at,
            tags: vec![],
            content: format!("{{\"name\":\"user{a}\",\"about\":\"bench profile {a}\"}}"),
        });
        let follows = rng.random_range(20..300);
        let tags = (0..follows)
            .map(|_| Tag::new(["p", pks[zipf.sample(&mut rng)].as_str()]))
            .collect();
        drafts.push(Draft {
            author: a,
            kind: 3,
            at: START + rng.random_range(0..MONTH),
            tags,
            content: String::new(),
        });
        let relays = (0..rng.random_range(2..6))
            .map(|i| Tag::new(["r".to_string(), format!("wss://relay{i}.example.com")]))
            .collect();
        drafts.push(Draft {
            author: a,
            kind: 10002,
            at: START + rng.random_range(0..MONTH),
            tags: relays,
            content: String::new(),
        });
    }
    // The rest in time order so references point backwards.
    let mut times: Vec<u64> = (drafts.len()..EVENTS)
        .map(|_| START + rng.random_range(0..MONTH))
        .collect();
    times.sort_unstable();
    let kinds = [
        (1u16, 50.0),
        (7, 30.0),
        (6, 5.0),
        (4, 4.0),
        (9735, 3.0),
        (1111, 3.0),
        (16, 2.0),
        (30023, 1.0),
        (5, 1.0),
    ];
    let kind_dist = WeightedIndex::new(kinds.iter().map(|k| k.1)).expect("weights");
    // Notes so far: (draft index, author).
    let mut notes: Vec<(usize, usize)> = Vec::new();
    let pick_note = |rng: &mut StdRng, notes: &[(usize, usize)]| {
        // Strongly skewed towards the earliest notes: a few go viral.
        let u: f64 = rng.random();
        notes[((notes.len() as f64) * u.powi(4)) as usize % notes.len()]
    };
    for at in times {
        let author = zipf.sample(&mut rng);
        let mut kind = kinds[kind_dist.sample(&mut rng)].0;
        if notes.is_empty() {
            kind = 1;
        }
        let mut tags = Vec::new();
        let mut content = String::new();
        match kind {
            1 => {
                content = format!(
                    "note {} {}",
                    drafts.len(),
                    "lorem ipsum ".repeat(rng.random_range(1..20))
                );
                if rng.random_bool(0.4) && !notes.is_empty() {
                    let (target, target_author) = pick_note(&mut rng, &notes);
                    tags.push(Tag::new([
                        "e".to_string(),
                        format!("@{target}"),
                        String::new(),
                        "root".into(),
                    ]));
                    tags.push(Tag::new(["p", pks[target_author].as_str()]));
                }
                for _ in 0..rng.random_range(0..3) {
                    tags.push(Tag::new([
                        "t",
                        hashtags[rng.random_range(0..hashtags.len())].as_str(),
                    ]));
                }
                if rng.random_bool(0.2) {
                    tags.push(Tag::new(["p", pks[zipf.sample(&mut rng)].as_str()]));
                }
            }
            7 | 6 | 16 | 9735 | 1111 | 5 => {
                let (target, target_author) = pick_note(&mut rng, &notes);
                let target_author = if kind == 5 { author } else { target_author };
                tags.push(Tag::new(["e".to_string(), format!("@{target}")]));
                if kind != 5 {
                    tags.push(Tag::new(["p", pks[target_author].as_str()]));
                }
                content = match kind {
                    7 => "+".into(),
                    1111 => "a comment".into(),
                    _ => String::new(),
                };
            }
            4 => {
                tags.push(Tag::new(["p", pks[zipf.sample(&mut rng)].as_str()]));
                content = "encrypted?iv=abc".into();
            }
            30023 => {
                tags.push(Tag::new([
                    "d".to_string(),
                    format!("article-{}", rng.random_range(0..5)),
                ]));
                tags.push(Tag::new([
                    "t",
                    hashtags[rng.random_range(0..hashtags.len())].as_str(),
                ]));
                content = "long form ".repeat(100);
            }
            _ => {}
        }
        if kind == 1 {
            notes.push((drafts.len(), author));
        }
        drafts.push(Draft {
            author,
            kind,
            at,
            tags,
            content,
        });
    }
    // Sign in order (references need the target's id), on two threads per chunk of independent
    // events: a reference always points to an earlier chunk or is resolved in a second pass.
    let started = Instant::now();
    let mut events: Vec<Option<Event>> = vec![None; drafts.len()];
    let chunk = 2_000;
    for start in (0..drafts.len()).step_by(chunk) {
        let end = (start + chunk).min(drafts.len());
        let resolved: Vec<(usize, Vec<Tag>)> = (start..end)
            .map(|i| {
                let tags = drafts[i]
                    .tags
                    .iter()
                    .map(|t| resolve(t, &events, &drafts, &keys))
                    .collect();
                (i, tags)
            })
            .collect();
        let half = resolved.len() / 2;
        let (left, right) = resolved.split_at(half);
        let sign = |part: &[(usize, Vec<Tag>)]| -> Vec<(usize, Event)> {
            part.iter()
                .map(|(i, tags)| {
                    let d = &drafts[*i];
                    let e = EventBuilder::new(Kind(d.kind), d.content.clone())
                        .tags(tags.clone())
                        .created_at(Timestamp(d.at))
                        .sign(&keys[d.author]);
                    (*i, e)
                })
                .collect()
        };
        let (a, b) = std::thread::scope(|s| {
            let h = s.spawn(|| sign(left));
            let b = sign(right);
            (h.join().expect("signer thread"), b)
        });
        for (i, e) in a.into_iter().chain(b) {
            events[i] = Some(e);
        }
    }
    let events: Vec<Event> = events.into_iter().flatten().collect();
    println!(
        "generated and signed {} events in {:.1?}",
        events.len(),
        started.elapsed()
    );
    let popular_note = most_referenced(&events);
    let mut feed_rng = StdRng::seed_from_u64(7);
    let feed_authors = (0..100)
        .map(|_| keys[feed_rng.random_range(0..AUTHORS)].clone())
        .collect();
    Dataset {
        events,
        top_author: keys[0].clone(),
        feed_authors,
        all_authors: keys.clone(),
        popular_note,
    }
}

/// Replaces a placeholder `@<draft index>` with the id of that (already signed) event. A target
/// in the same chunk is not signed yet: the reference then points at a made-up id.
fn resolve(t: &Tag, events: &[Option<Event>], _drafts: &[Draft], _keys: &[Keys]) -> Tag {
    let mut parts = t.0.clone();
    if let Some(v) = parts.get_mut(1)
        && let Some(index) = v.strip_prefix('@').and_then(|s| s.parse::<usize>().ok())
    {
        *v = match events.get(index).and_then(Option::as_ref) {
            Some(e) => e.id.to_hex(),
            None => format!("{index:064x}"),
        };
    }
    Tag(parts)
}

fn most_referenced(events: &[Event]) -> EventId {
    let mut counts = std::collections::HashMap::new();
    for e in events {
        for t in e.tags_named("e") {
            if let Some(id) = t.value().and_then(|v| EventId::from_hex(v).ok()) {
                *counts.entry(id).or_insert(0usize) += 1;
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|(id, n)| (*n, std::cmp::Reverse(*id)))
        .map(|(id, _)| id)
        .unwrap_or(EventId([0; 32]))
}
