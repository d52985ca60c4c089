//! Property tests: for random signed event sets and random NIP-01 filters, both stores return
//! exactly what `Filter::matches` selects, newest first (ties by lowest id), each filter limited
//! to its own `limit`, no duplicates; and a brute-force model of the storage rules agrees with
//! both stores on every save status and on what is left.

// Helpers outside #[test] fns panic on failure too, like the tests.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod storage_support;

use std::collections::BTreeMap;

use nipworker_core::protocol::{Event, EventId, Filter, Keys, Kind, PublicKey, Tag, Timestamp};
use nipworker_core::storage::{RejectReason, SaveStatus, StoreConfig};
use proptest::prelude::*;
use storage_support::{STORES, all, collect, ev, keys, open, order_key};

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48)
}

const KINDS: [u16; 4] = [1, 4, 7, 1111];
const LETTERS: [char; 4] = ['e', 'p', 't', 'E'];

#[derive(Debug, Clone)]
struct EventSpec {
    author: u8,
    kind: u16,
    at: u64,
    tags: Vec<(u8, u8)>,
    content: u8,
}

fn event_spec() -> impl Strategy<Value = EventSpec> {
    (
        0u8..4,
        prop::sample::select(KINDS.to_vec()),
        0u64..20,
        prop::collection::vec((0u8..6, 0u8..5), 0..4),
        0u8..3,
    )
        .prop_map(|(author, kind, at, tags, content)| EventSpec {
            author,
            kind,
            at,
            tags,
            content,
        })
}

fn build(spec: &EventSpec, keyring: &[Keys]) -> Event {
    let tags = spec
        .tags
        .iter()
        .map(|&(letter, value)| match letter {
            // A two-letter tag and a tag without value: never matched by #x filters.
            4 => Tag::new(["ee".to_string(), format!("v{value}")]),
            5 => Tag::new(["p"]),
            l => Tag::new([LETTERS[l as usize].to_string(), format!("v{value}")]),
        })
        .collect();
    ev(
        &keyring[spec.author as usize],
        spec.kind,
        spec.at,
        tags,
        &format!("c{}", spec.content),
    )
}

#[derive(Debug, Clone)]
struct FilterSpec {
    ids: Option<Vec<usize>>,
    authors: Option<Vec<u8>>,
    kinds: Option<Vec<u16>>,
    tags: Vec<(u8, Vec<u8>)>,
    since: Option<u64>,
    until: Option<u64>,
    limit: Option<usize>,
}

fn filter_spec() -> impl Strategy<Value = FilterSpec> {
    let kinds = prop::sample::select(vec![0u16, 1, 4, 7, 1111, 20001]);
    (
        prop::option::weighted(0.2, prop::collection::vec(0usize..64, 0..4)),
        prop::option::weighted(0.4, prop::collection::vec(0u8..5, 0..3)),
        prop::option::weighted(0.5, prop::collection::vec(kinds, 0..3)),
        prop::collection::vec((0u8..5, prop::collection::vec(0u8..6, 0..3)), 0..2),
        prop::option::weighted(0.3, 0u64..20),
        prop::option::weighted(0.3, 0u64..20),
        prop::option::weighted(0.6, 0usize..8),
    )
        .prop_map(
            |(ids, authors, kinds, tags, since, until, limit)| FilterSpec {
                ids,
                authors,
                kinds,
                tags,
                since,
                until,
                limit,
            },
        )
}

fn build_filter(spec: &FilterSpec, events: &[Event], keyring: &[Keys]) -> Filter {
    let mut f = Filter::new();
    if let Some(ids) = &spec.ids {
        // Indices past the event list name ids that are not stored.
        f.ids = Some(
            ids.iter()
                .map(|&i| events.get(i).map_or(EventId([i as u8; 32]), |e| e.id))
                .collect(),
        );
    }
    if let Some(authors) = &spec.authors {
        f.authors = Some(
            authors
                .iter()
                .map(|&a| {
                    keyring
                        .get(a as usize)
                        .map_or(PublicKey([7; 32]), Keys::public_key)
                })
                .collect(),
        );
    }
    if let Some(kinds) = &spec.kinds {
        f.kinds = Some(kinds.iter().map(|&k| Kind(k)).collect());
    }
    for (letter, values) in &spec.tags {
        // Letter 4 asks for a letter no event uses.
        let letter = LETTERS.get(*letter as usize).copied().unwrap_or('x');
        f.tags
            .entry(letter)
            .or_default()
            .extend(values.iter().map(|v| format!("v{v}")));
    }
    f.since = spec.since.map(Timestamp);
    f.until = spec.until.map(Timestamp);
    f.limit = spec.limit;
    f
}

/// What NIP-01 says a query returns, computed from `Filter::matches` over the stored events.
fn reference(stored: &[Event], filters: &[Filter]) -> Vec<EventId> {
    let mut out = BTreeMap::new();
    for f in filters {
        let mut matched: Vec<&Event> = stored.iter().filter(|e| f.matches(e)).collect();
        matched.sort_by_key(|e| order_key(e));
        matched.truncate(f.limit.unwrap_or(usize::MAX));
        for e in matched {
            out.insert(order_key(e), e.id);
        }
    }
    out.into_values().collect()
}

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn queries_match_the_nip01_reference(
        specs in prop::collection::vec(event_spec(), 0..40),
        batch in 1usize..16,
        filters in prop::collection::vec(prop::collection::vec(filter_spec(), 1..4), 1..5),
    ) {
        let keyring: Vec<Keys> = (1..=4).map(keys).collect();
        let events: Vec<Event> = specs.iter().map(|s| build(s, &keyring)).collect();
        let mut unique: BTreeMap<EventId, Event> = BTreeMap::new();
        for e in &events {
            unique.insert(e.id, e.clone());
        }
        let stored: Vec<Event> = unique.into_values().collect();
        runtime().block_on(async {
            for which in STORES {
                let s = open(which, StoreConfig::default()).await;
                for chunk in events.chunks(batch) {
                    s.store.save_batch(chunk).await.unwrap();
                }
                for specs in &filters {
                    let fs: Vec<Filter> =
                        specs.iter().map(|f| build_filter(f, &events, &keyring)).collect();
                    let want = reference(&stored, &fs);
                    let got: Vec<EventId> =
                        collect(&*s.store, &fs).await.iter().map(|e| e.id).collect();
                    let json: Vec<String> = fs.iter().map(Filter::to_json).collect();
                    assert_eq!(got, want, "{which:?} {json:?}");
                    let count = s.store.count(&fs).await.unwrap();
                    assert_eq!(count as usize, want.len(), "{which:?} count {json:?}");
                }
            }
        });
    }
}

/// A brute-force model of the storage rules, written independently of the stores' planner.
#[derive(Default)]
struct Model {
    stored: Vec<Event>,
    deletions: Vec<Event>,
}

fn address(e: &Event) -> Option<(u16, PublicKey, String)> {
    let k = e.kind.as_u16();
    if k == 0 || k == 3 || (10000..20000).contains(&k) {
        Some((k, e.pubkey, String::new()))
    } else if (30000..40000).contains(&k) {
        let d = e
            .tags
            .iter()
            .find(|t| t.0.len() >= 2 && t.0[0] == "d")
            .map(|t| t.0[1].clone())
            .unwrap_or_default();
        Some((k, e.pubkey, d))
    } else {
        None
    }
}

fn parse_a(v: &str) -> Option<(u16, PublicKey, String)> {
    let (kind, rest) = v.split_once(':')?;
    let (pk, d) = rest.split_once(':')?;
    Some((
        kind.parse().ok()?,
        PublicKey::from_hex(pk).ok()?,
        d.to_string(),
    ))
}

fn values<'a>(e: &'a Event, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
    e.tags
        .iter()
        .filter(move |t| t.0.len() >= 2 && t.0[0] == name)
        .map(|t| t.0[1].as_str())
}

impl Model {
    fn save(&mut self, e: &Event) -> SaveStatus {
        let k = e.kind.as_u16();
        if (20000..30000).contains(&k) {
            return SaveStatus::Rejected {
                reason: RejectReason::Ephemeral,
            };
        }
        if self.stored.iter().any(|s| s.id == e.id) {
            return SaveStatus::Duplicate;
        }
        let hex = e.id.to_hex();
        if k != 5
            && self
                .deletions
                .iter()
                .any(|d| d.pubkey == e.pubkey && values(d, "e").any(|v| v == hex))
        {
            return SaveStatus::Deleted { removed: vec![] };
        }
        let mut status = SaveStatus::Saved;
        if let Some(addr) = address(e) {
            let deleted = self.deletions.iter().any(|d| {
                d.pubkey == e.pubkey
                    && e.created_at <= d.created_at
                    && values(d, "a").any(|v| parse_a(v).as_ref() == Some(&addr))
            });
            if deleted {
                return SaveStatus::Deleted { removed: vec![] };
            }
            if let Some(pos) = self
                .stored
                .iter()
                .position(|s| address(s).as_ref() == Some(&addr))
            {
                let h = &self.stored[pos];
                if h.created_at > e.created_at || (h.created_at == e.created_at && h.id < e.id) {
                    return SaveStatus::Rejected {
                        reason: RejectReason::Superseded,
                    };
                }
                status = SaveStatus::Replaced { old: vec![h.id] };
                self.stored.remove(pos);
            }
        }
        self.stored.push(e.clone());
        if k == 5 {
            self.deletions.push(e.clone());
            let mut removed = Vec::new();
            for t in &e.tags {
                match (t.0.first().map(String::as_str), t.0.get(1)) {
                    (Some("e"), Some(v)) => {
                        if let Some(pos) = self.stored.iter().position(|s| {
                            s.id.to_hex() == *v && s.pubkey == e.pubkey && s.kind.as_u16() != 5
                        }) {
                            removed.push(self.stored.remove(pos).id);
                        }
                    }
                    (Some("a"), Some(v)) => {
                        let Some(a) = parse_a(v) else { continue };
                        if a.1 != e.pubkey {
                            continue;
                        }
                        if let Some(pos) = self.stored.iter().position(|s| {
                            address(s).as_ref() == Some(&a) && s.created_at <= e.created_at
                        }) {
                            removed.push(self.stored.remove(pos).id);
                        }
                    }
                    _ => {}
                }
            }
            if !removed.is_empty() {
                status = SaveStatus::Deleted { removed };
            }
        }
        status
    }
}

#[derive(Debug, Clone)]
enum RuleSpec {
    Plain {
        author: u8,
        kind: u16,
        at: u64,
        d: Option<u8>,
        content: u8,
    },
    DeleteIds {
        author: u8,
        at: u64,
        targets: Vec<usize>,
    },
    DeleteAddress {
        author: u8,
        at: u64,
        target: usize,
        kind_of_target: bool,
    },
}

fn rule_spec() -> impl Strategy<Value = RuleSpec> {
    let plain = (
        0u8..3,
        prop::sample::select(vec![1u16, 0, 3, 10002, 30000, 30001, 20001]),
        0u64..8,
        prop::option::of(0u8..3),
        0u8..3,
    )
        .prop_map(|(author, kind, at, d, content)| RuleSpec::Plain {
            author,
            kind,
            at,
            d,
            content,
        });
    let del_ids = (0u8..3, 0u64..8, prop::collection::vec(0usize..64, 1..3)).prop_map(
        |(author, at, targets)| RuleSpec::DeleteIds {
            author,
            at,
            targets,
        },
    );
    let del_addr = (0u8..3, 0u64..8, 0usize..64, any::<bool>()).prop_map(
        |(author, at, target, kind_of_target)| RuleSpec::DeleteAddress {
            author,
            at,
            target,
            kind_of_target,
        },
    );
    prop_oneof![6 => plain, 2 => del_ids, 2 => del_addr]
}

fn build_rules(specs: &[RuleSpec], order: &[u32], keyring: &[Keys]) -> Vec<Event> {
    let mut base = Vec::new();
    for s in specs {
        if let RuleSpec::Plain {
            author,
            kind,
            at,
            d,
            content,
        } = s
        {
            let tags = d.map(|d| vec![Tag::new(["d".to_string(), format!("d{d}")])]);
            base.push(ev(
                &keyring[*author as usize],
                *kind,
                *at,
                tags.unwrap_or_default(),
                &format!("c{content}"),
            ));
        }
    }
    let mut events = base.clone();
    for s in specs {
        match s {
            RuleSpec::Plain { .. } => {}
            RuleSpec::DeleteIds {
                author,
                at,
                targets,
            } if !base.is_empty() => {
                let tags = targets
                    .iter()
                    .map(|&t| Tag::new(["e".to_string(), base[t % base.len()].id.to_hex()]))
                    .collect();
                events.push(ev(&keyring[*author as usize], 5, *at, tags, ""));
            }
            RuleSpec::DeleteAddress {
                author,
                at,
                target,
                kind_of_target,
            } if !base.is_empty() => {
                let t = &base[target % base.len()];
                // Either the target's real coordinate or a replaceable-kind form of it.
                let (kind, d) = match address(t) {
                    Some((k, _, d)) if *kind_of_target => (k, d),
                    _ => (0, String::new()),
                };
                let coord = format!("{kind}:{}:{d}", t.pubkey.to_hex());
                events.push(ev(
                    &keyring[*author as usize],
                    5,
                    *at,
                    vec![Tag::new(["a", coord.as_str()])],
                    "",
                ));
            }
            _ => {}
        }
    }
    // Shuffle by the random keys so deletions often arrive before their targets.
    let mut keyed: Vec<(u32, Event)> = events
        .into_iter()
        .enumerate()
        .map(|(i, e)| (order.get(i).copied().unwrap_or(0), e))
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, e)| e).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn storage_rules_match_a_brute_force_model(
        specs in prop::collection::vec(rule_spec(), 0..30),
        order in prop::collection::vec(any::<u32>(), 30),
        batch in 1usize..10,
    ) {
        let keyring: Vec<Keys> = (11..=13).map(keys).collect();
        let events = build_rules(&specs, &order, &keyring);
        let mut model = Model::default();
        let mut want_status = Vec::new();
        for chunk in events.chunks(batch) {
            want_status.push(chunk.iter().map(|e| model.save(e)).collect::<Vec<_>>());
        }
        let mut want_left = model.stored.clone();
        want_left.sort_by_key(order_key);
        let want_left: Vec<EventId> = want_left.iter().map(|e| e.id).collect();
        runtime().block_on(async {
            for which in STORES {
                let s = open(which, StoreConfig::default()).await;
                for (chunk, want) in events.chunks(batch).zip(&want_status) {
                    let got = s.store.save_batch(chunk).await.unwrap();
                    assert_eq!(&got, want, "{which:?}");
                }
                let left: Vec<EventId> = all(&*s.store).await.iter().map(|e| e.id).collect();
                assert_eq!(left, want_left, "{which:?}");
                assert_eq!(s.store.stats().await.unwrap().events as usize, want_left.len());
            }
        });
    }
}
