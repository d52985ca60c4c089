//! The NIP-65 outbox model as pure planning: which relays to read an author's (or a mentioned
//! user's) events from, and where to publish an event, from the relay lists already known.
//!
//! No I/O and no clock: output is sorted, so equal inputs give equal plans (tests, caching).

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet, BinaryHeap, HashMap};
use std::hash::BuildHasher;

use thiserror::Error;

use crate::parser::kinds::relay_list::MAX_RELAYS;
use crate::protocol::{Event, Filter, PublicKey, RelayUrl};
use crate::storage::RelayList;

/// Default for [`OutboxConfig::max_relays_per_request`].
pub const DEFAULT_MAX_RELAYS_PER_REQUEST: usize = 8;
/// Default for [`OutboxConfig::max_relays_per_author`] (2 is a common client default).
pub const DEFAULT_MAX_RELAYS_PER_AUTHOR: usize = 2;

/// Limits and fallback relays of the outbox planner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxConfig {
    /// Most relays one read plan or one publish may use, default relays included.
    pub max_relays_per_request: usize,
    /// Most outbox relays chosen for one author (or one mentioned user).
    pub max_relays_per_author: usize,
    /// Relays for users without a known relay list and for filters naming nobody.
    pub default_read: Vec<RelayUrl>,
    /// Relays every publish also goes to.
    pub default_write: Vec<RelayUrl>,
}

impl OutboxConfig {
    /// A config with the default limits and these fallback relays.
    pub fn new(default_read: Vec<RelayUrl>, default_write: Vec<RelayUrl>) -> Self {
        Self {
            max_relays_per_request: DEFAULT_MAX_RELAYS_PER_REQUEST,
            max_relays_per_author: DEFAULT_MAX_RELAYS_PER_AUTHOR,
            default_read,
            default_write,
        }
    }

    /// Checks the limits against each other and the default relays.
    pub fn validate(&self) -> Result<(), OutboxConfigError> {
        let per_request = self.max_relays_per_request;
        if per_request == 0 {
            return Err(OutboxConfigError::ZeroRelaysPerRequest);
        }
        if self.max_relays_per_author == 0 {
            return Err(OutboxConfigError::ZeroRelaysPerAuthor);
        }
        if self.max_relays_per_author > per_request {
            return Err(OutboxConfigError::PerAuthorAboveTotal {
                per_author: self.max_relays_per_author,
                per_request,
            });
        }
        // Users without a list are read from the defaults: with none they would be dropped.
        let read = distinct(&self.default_read).len();
        if read == 0 {
            return Err(OutboxConfigError::NoDefaultRead);
        }
        if read > per_request {
            return Err(OutboxConfigError::TooManyDefaultRead {
                count: read,
                max: per_request,
            });
        }
        // An author without a list would otherwise have nowhere to publish.
        let write = distinct(&self.default_write).len();
        if write == 0 {
            return Err(OutboxConfigError::NoDefaultWrite);
        }
        if write > per_request {
            return Err(OutboxConfigError::TooManyDefaultWrite {
                count: write,
                max: per_request,
            });
        }
        Ok(())
    }
}

/// Why an [`OutboxConfig`] is unusable.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OutboxConfigError {
    /// `max_relays_per_request` is 0.
    #[error("max_relays_per_request must be at least 1")]
    ZeroRelaysPerRequest,
    /// `max_relays_per_author` is 0.
    #[error("max_relays_per_author must be at least 1")]
    ZeroRelaysPerAuthor,
    /// `max_relays_per_author` is above `max_relays_per_request`.
    #[error("max_relays_per_author ({per_author}) exceeds max_relays_per_request ({per_request})")]
    PerAuthorAboveTotal {
        /// The per-author limit given.
        per_author: usize,
        /// The total limit given.
        per_request: usize,
    },
    /// `default_read` is empty.
    #[error("default_read is empty: users without a relay list could not be read")]
    NoDefaultRead,
    /// `default_write` is empty.
    #[error("default_write is empty: authors without a relay list could not publish")]
    NoDefaultWrite,
    /// More distinct `default_read` relays than `max_relays_per_request`.
    #[error("{count} default read relays exceed max_relays_per_request ({max})")]
    TooManyDefaultRead {
        /// Distinct default read relays.
        count: usize,
        /// `max_relays_per_request`.
        max: usize,
    },
    /// More distinct `default_write` relays than `max_relays_per_request`.
    #[error("{count} default write relays exceed max_relays_per_request ({max})")]
    TooManyDefaultWrite {
        /// Distinct default write relays.
        count: usize,
        /// `max_relays_per_request`.
        max: usize,
    },
}

/// Known NIP-65 relay lists by user (what [`crate::storage::EventStore::relay_lists`] returns).
pub trait RelayLists {
    /// The relay list of `pubkey`, if known.
    fn relay_list(&self, pubkey: &PublicKey) -> Option<&RelayList>;
}

impl<S: BuildHasher> RelayLists for HashMap<PublicKey, RelayList, S> {
    fn relay_list(&self, pubkey: &PublicKey) -> Option<&RelayList> {
        self.get(pubkey)
    }
}

impl RelayLists for BTreeMap<PublicKey, RelayList> {
    fn relay_list(&self, pubkey: &PublicKey) -> Option<&RelayList> {
        self.get(pubkey)
    }
}

/// Where to send a request's filters.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadPlan {
    /// Per relay (sorted), the filters to send there, in the order of the input filters.
    pub relays: BTreeMap<RelayUrl, Vec<Filter>>,
    /// Users (sorted) whose relay list is unknown: fetch their kind 10002 from indexer relays.
    pub missing: Vec<PublicKey>,
}

/// Plans reads and publishes with a validated [`OutboxConfig`].
#[derive(Debug, Clone)]
pub struct OutboxPlanner {
    config: OutboxConfig,
}

/// Which side of a relay list a user is looked up by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Side {
    /// Their own events: the relays they write to.
    Write,
    /// Events mentioning them: the relays they read from.
    Read,
}

impl OutboxPlanner {
    /// Validates `config`; duplicate default relays are merged.
    pub fn new(mut config: OutboxConfig) -> Result<Self, OutboxConfigError> {
        config.validate()?;
        config.default_read = distinct(&config.default_read);
        config.default_write = distinct(&config.default_write);
        Ok(Self { config })
    }

    /// The config in use.
    pub fn config(&self) -> &OutboxConfig {
        &self.config
    }

    /// Splits `filters` by `authors` (write relays), else `#p` (read relays), else to the defaults.
    pub fn plan_read(&self, filters: &[Filter], lists: &impl RelayLists) -> ReadPlan {
        let cfg = &self.config;
        let mut urls = UrlCache::default();
        let mut target_of: HashMap<(PublicKey, Side), usize> = HashMap::new();
        let mut cands: Vec<Vec<RelayUrl>> = Vec::new();
        let mut missing = BTreeSet::new();
        let mut needs_defaults = false;

        let mut target = |pk: PublicKey, side: Side, needs_defaults: &mut bool| {
            *target_of.entry((pk, side)).or_insert_with(|| {
                let found = match lists.relay_list(&pk) {
                    None => {
                        missing.insert(pk);
                        Vec::new()
                    }
                    Some(list) => urls.candidates(match side {
                        Side::Write => &list.write,
                        Side::Read => &list.read,
                    }),
                };
                if found.is_empty() {
                    *needs_defaults = true;
                }
                cands.push(found);
                cands.len() - 1
            })
        };
        for filter in filters {
            match route_of(filter) {
                Route::Authors(authors) => {
                    for pk in authors {
                        target(*pk, Side::Write, &mut needs_defaults);
                    }
                }
                Route::Mentions(values) => {
                    for value in values {
                        match PublicKey::from_hex(value) {
                            Ok(pk) => {
                                target(pk, Side::Read, &mut needs_defaults);
                            }
                            // Not a key (or not lowercase hex): no list to look up.
                            Err(_) => needs_defaults = true,
                        }
                    }
                }
                Route::Defaults => needs_defaults = true,
            }
        }

        let mut cover = Cover::new(cands, &cfg.default_read, cfg.max_relays_per_author);
        let defaults: Vec<usize> = cfg
            .default_read
            .iter()
            .filter_map(|u| cover.index(u))
            .collect();
        if needs_defaults {
            // Connected anyway: authors who list them are served there at no extra cost.
            for &d in &defaults {
                cover.choose(d);
            }
        }
        cover.greedy(cfg.max_relays_per_request);
        // Who was left with no chosen relay (their relays fell off the total cap) goes to the
        // defaults if those are in the plan, else to the relays serving the most users.
        let fallback = if needs_defaults {
            defaults.clone()
        } else {
            cover.most_used(cfg.max_relays_per_author)
        };
        let route = |key: (PublicKey, Side)| -> &[usize] {
            match target_of.get(&key).and_then(|&t| cover.targets.get(t)) {
                Some(t) if !t.assigned.is_empty() => &t.assigned,
                _ => &fallback,
            }
        };

        let mut per_relay: Vec<Vec<Filter>> = vec![Vec::new(); cover.urls.len()];
        for filter in filters {
            match route_of(filter) {
                Route::Authors(authors) => {
                    let mut groups: BTreeMap<usize, BTreeSet<PublicKey>> = BTreeMap::new();
                    for pk in authors {
                        for &r in route((*pk, Side::Write)) {
                            groups.entry(r).or_default().insert(*pk);
                        }
                    }
                    let mut base = filter.clone();
                    base.authors = None;
                    for (r, set) in groups {
                        let mut narrowed = base.clone();
                        narrowed.authors = Some(set);
                        push(&mut per_relay, r, narrowed);
                    }
                }
                Route::Mentions(values) => {
                    let mut groups: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
                    for value in values {
                        let relays = match PublicKey::from_hex(value) {
                            Ok(pk) => route((pk, Side::Read)),
                            Err(_) => defaults.as_slice(),
                        };
                        for &r in relays {
                            groups.entry(r).or_default().insert(value.clone());
                        }
                    }
                    let mut base = filter.clone();
                    base.tags.remove(&'p');
                    for (r, set) in groups {
                        let mut narrowed = base.clone();
                        narrowed.tags.insert('p', set);
                        push(&mut per_relay, r, narrowed);
                    }
                }
                Route::Defaults => {
                    for &d in &defaults {
                        push(&mut per_relay, d, filter.clone());
                    }
                }
            }
        }

        ReadPlan {
            relays: cover
                .urls
                .iter()
                .zip(per_relay)
                .filter(|(_, fs)| !fs.is_empty())
                .map(|(u, fs)| (u.clone(), fs))
                .collect(),
            missing: missing.into_iter().collect(),
        }
    }

    /// Sorted relays for `event`: author's write relays, default write, `p`-tagged users' read.
    pub fn plan_publish(
        &self,
        event: &Event,
        author_list: Option<&RelayList>,
        tagged: &impl RelayLists,
    ) -> Vec<RelayUrl> {
        let cfg = &self.config;
        let mut urls = UrlCache::default();
        // Seeds in priority order for the total cap: the author's own relays (in their list's
        // order) are where followers look, then the defaults; mentions get what room is left.
        let mut seeds: Vec<RelayUrl> = Vec::new();
        if let Some(list) = author_list {
            for raw in list.write.iter().take(MAX_RELAYS) {
                if let Some(u) = urls.normalize(raw) {
                    seeds.push(u);
                }
            }
        }
        seeds.extend(cfg.default_write.iter().cloned());

        let mentioned: BTreeSet<PublicKey> = event
            .tags_named("p")
            .filter_map(|t| t.value())
            .filter_map(|v| PublicKey::from_hex(v).ok())
            .collect();
        // Mentioned users without a list are skipped: the event still reaches the author's relays.
        let cands: Vec<Vec<RelayUrl>> = mentioned
            .iter()
            .filter_map(|pk| tagged.relay_list(pk))
            .map(|list| urls.candidates(&list.read))
            .collect();

        let mut cover = Cover::new(cands, &seeds, cfg.max_relays_per_author);
        for seed in &seeds {
            if cover.picked.len() >= cfg.max_relays_per_request {
                break;
            }
            if let Some(i) = cover.index(seed) {
                cover.choose(i);
            }
        }
        cover.greedy(cfg.max_relays_per_request);
        let mut out: Vec<RelayUrl> = cover
            .picked
            .iter()
            .filter_map(|&i| cover.urls.get(i).cloned())
            .collect();
        out.sort();
        out
    }
}

/// How a filter is split.
enum Route<'f> {
    /// By author, over their write relays.
    Authors(&'f BTreeSet<PublicKey>),
    /// By `#p` value, over the mentioned users' read relays.
    Mentions(&'f BTreeSet<String>),
    /// Unsplit, to the default read relays.
    Defaults,
}

/// `authors` wins over `#p`: an event by A mentioning B sits on A's write relays either way, and
/// the author set is the narrower one.
fn route_of(filter: &Filter) -> Route<'_> {
    if let Some(authors) = filter.authors.as_ref().filter(|a| !a.is_empty()) {
        Route::Authors(authors)
    } else if let Some(values) = filter.tags.get(&'p').filter(|v| !v.is_empty()) {
        Route::Mentions(values)
    } else {
        Route::Defaults
    }
}

fn push(per_relay: &mut [Vec<Filter>], relay: usize, filter: Filter) {
    if let Some(slot) = per_relay.get_mut(relay) {
        slot.push(filter);
    }
}

/// Sorted, without duplicates.
fn distinct(urls: &[RelayUrl]) -> Vec<RelayUrl> {
    let mut out = urls.to_vec();
    out.sort();
    out.dedup();
    out
}

/// Normalizes relay-list URLs once per distinct spelling: thousands of follows mostly name the
/// same few dozen relays, and parsing a URL costs far more than a hash lookup.
#[derive(Default)]
struct UrlCache<'a> {
    cache: HashMap<&'a str, Option<RelayUrl>>,
}

impl<'a> UrlCache<'a> {
    /// The canonical form of `raw`, or `None` if it is not a relay URL.
    fn normalize(&mut self, raw: &'a str) -> Option<RelayUrl> {
        self.cache
            .entry(raw)
            .or_insert_with(|| RelayUrl::parse(raw.trim()).ok())
            .clone()
    }

    /// The distinct valid relays of one side of a list (at most [`MAX_RELAYS`] looked at, so a
    /// hostile list cannot blow up the plan).
    fn candidates(&mut self, raws: &'a [String]) -> Vec<RelayUrl> {
        let mut out: Vec<RelayUrl> = raws
            .iter()
            .take(MAX_RELAYS)
            .filter_map(|r| self.normalize(r))
            .collect();
        out.sort();
        out.dedup();
        out
    }
}

/// One user to cover: the relays they list, how many more they need, the chosen ones serving them.
struct Target {
    cands: Vec<usize>,
    need: usize,
    assigned: Vec<usize>,
}

/// Greedy multi-cover: repeatedly choose the relay serving the most users who still need one, so
/// relays shared by many users are preferred and the total stays small. Gains only shrink, so a
/// lazy max-heap finds the best relay in O(log n): the whole plan is O(entries · log relays).
struct Cover {
    /// Every relay involved, sorted: the index order is the URL order, used to break ties.
    urls: Vec<RelayUrl>,
    index: HashMap<RelayUrl, usize>,
    /// Per relay, the targets listing it.
    holders: Vec<Vec<usize>>,
    /// Per relay, the targets listing it that still need a relay.
    gain: Vec<usize>,
    chosen: Vec<bool>,
    /// Chosen relays, in choice order.
    picked: Vec<usize>,
    targets: Vec<Target>,
}

impl Cover {
    fn new(cands: Vec<Vec<RelayUrl>>, extra: &[RelayUrl], per_target: usize) -> Self {
        let all: BTreeSet<&RelayUrl> = cands.iter().flatten().chain(extra).collect();
        let urls: Vec<RelayUrl> = all.into_iter().cloned().collect();
        let index: HashMap<RelayUrl, usize> = urls
            .iter()
            .enumerate()
            .map(|(i, u)| (u.clone(), i))
            .collect();
        let mut holders = vec![Vec::new(); urls.len()];
        let mut gain = vec![0; urls.len()];
        let mut targets = Vec::with_capacity(cands.len());
        for (t, list) in cands.into_iter().enumerate() {
            let cands: Vec<usize> = list.iter().filter_map(|u| index.get(u).copied()).collect();
            let need = per_target.min(cands.len());
            for &c in &cands {
                if let Some(h) = holders.get_mut(c) {
                    h.push(t);
                }
                if need > 0
                    && let Some(g) = gain.get_mut(c)
                {
                    *g += 1;
                }
            }
            targets.push(Target {
                cands,
                need,
                assigned: Vec::new(),
            });
        }
        Self {
            chosen: vec![false; urls.len()],
            urls,
            index,
            holders,
            gain,
            picked: Vec::new(),
            targets,
        }
    }

    fn index(&self, url: &RelayUrl) -> Option<usize> {
        self.index.get(url).copied()
    }

    /// Adds relay `r` and assigns it to every target listing it that still needs one.
    fn choose(&mut self, r: usize) {
        match self.chosen.get_mut(r) {
            Some(c) if !*c => *c = true,
            _ => return,
        }
        self.picked.push(r);
        // A chosen relay is never chosen again, so its holder list is not needed any more.
        let holders = self
            .holders
            .get_mut(r)
            .map(std::mem::take)
            .unwrap_or_default();
        for t in holders {
            let Some(target) = self.targets.get_mut(t) else {
                continue;
            };
            if target.need == 0 {
                continue;
            }
            target.assigned.push(r);
            target.need -= 1;
            if target.need == 0 {
                for &c in &target.cands {
                    if let Some(g) = self.gain.get_mut(c) {
                        *g = g.saturating_sub(1);
                    }
                }
            }
        }
    }

    /// Chooses relays by gain (ties: lowest URL) until everyone is served or `cap` are chosen.
    fn greedy(&mut self, cap: usize) {
        let mut heap: BinaryHeap<(usize, Reverse<usize>)> = self
            .gain
            .iter()
            .enumerate()
            .filter(|&(r, &g)| g > 0 && !self.chosen.get(r).copied().unwrap_or(true))
            .map(|(r, &g)| (g, Reverse(r)))
            .collect();
        while self.picked.len() < cap {
            let Some((g, Reverse(r))) = heap.pop() else {
                break;
            };
            if self.chosen.get(r).copied().unwrap_or(true) {
                continue;
            }
            let now = self.gain.get(r).copied().unwrap_or(0);
            if now != g {
                // Stale entry: re-queue with the current gain (gains only go down).
                if now > 0 {
                    heap.push((now, Reverse(r)));
                }
                continue;
            }
            self.choose(r);
        }
    }

    /// Up to `n` chosen relays serving the most targets (ties: lowest URL), sorted by index.
    fn most_used(&self, n: usize) -> Vec<usize> {
        let mut uses: HashMap<usize, usize> = HashMap::new();
        for t in &self.targets {
            for &r in &t.assigned {
                *uses.entry(r).or_default() += 1;
            }
        }
        let mut ranked: Vec<usize> = self.picked.clone();
        ranked.sort_by_key(|r| (Reverse(uses.get(r).copied().unwrap_or(0)), *r));
        ranked.truncate(n);
        ranked.sort_unstable();
        ranked
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{EventBuilder, Keys, Kind, Tag};

    fn pk(n: u8) -> PublicKey {
        PublicKey::from_bytes([n; 32])
    }

    fn url(s: &str) -> RelayUrl {
        RelayUrl::parse(s).unwrap()
    }

    fn urls(list: &[&str]) -> Vec<RelayUrl> {
        list.iter().map(|s| url(s)).collect()
    }

    fn both(relays: &[&str]) -> RelayList {
        RelayList {
            read: relays.iter().map(|s| s.to_string()).collect(),
            write: relays.iter().map(|s| s.to_string()).collect(),
            ..RelayList::default()
        }
    }

    fn planner(per_request: usize, per_author: usize) -> OutboxPlanner {
        OutboxPlanner::new(OutboxConfig {
            max_relays_per_request: per_request,
            max_relays_per_author: per_author,
            default_read: urls(&["wss://default.read"]),
            default_write: urls(&["wss://default.write"]),
        })
        .unwrap()
    }

    /// Authors each filter sent to `relay` names (union over that relay's filters).
    fn authors_at(plan: &ReadPlan, relay: &str) -> BTreeSet<PublicKey> {
        plan.relays
            .get(&url(relay))
            .into_iter()
            .flatten()
            .flat_map(|f| f.authors.iter().flatten().copied())
            .collect()
    }

    fn relay_names(plan: &ReadPlan) -> Vec<&str> {
        plan.relays.keys().map(RelayUrl::as_str).collect()
    }

    #[test]
    fn authors_are_split_over_their_write_relays() {
        let lists = HashMap::from([
            (pk(1), both(&["wss://r1.example"])),
            (pk(2), both(&["wss://r2.example"])),
        ]);
        let filter = Filter::new()
            .authors([pk(1), pk(2)])
            .kind(Kind(1))
            .limit(20);
        let plan = planner(8, 2).plan_read(&[filter], &lists);
        assert_eq!(
            plan.relays,
            BTreeMap::from([
                (
                    url("wss://r1.example"),
                    vec![Filter::new().author(pk(1)).kind(Kind(1)).limit(20)]
                ),
                (
                    url("wss://r2.example"),
                    vec![Filter::new().author(pk(2)).kind(Kind(1)).limit(20)]
                ),
            ])
        );
        assert!(plan.missing.is_empty());
    }

    /// A real kind 10002 event with markers, read by the store's parser: read-only relays serve
    /// mentions, write-only ones the author's own events.
    #[test]
    fn read_and_write_markers_are_honoured() {
        let keys = Keys::generate();
        let ev = EventBuilder::new(Kind::RELAY_LIST, "")
            .tags([
                Tag::new(["r", "wss://inbox.example", "read"]),
                Tag::new(["r", "wss://outbox.example", "write"]),
            ])
            .sign(&keys);
        let me = keys.public_key();
        let lists = HashMap::from([(me, RelayList::from_event(&ev))]);
        let by_me = Filter::new().author(me).kind(Kind(1));
        let mentions = Filter::new().pubkey(me).kind(Kind(1));
        let plan = planner(8, 2).plan_read(&[by_me.clone(), mentions.clone()], &lists);
        assert_eq!(
            plan.relays,
            BTreeMap::from([
                (url("wss://inbox.example"), vec![mentions]),
                (url("wss://outbox.example"), vec![by_me]),
            ])
        );
    }

    #[test]
    fn mentions_are_split_over_read_relays() {
        let lists = HashMap::from([
            (
                pk(1),
                RelayList {
                    read: vec!["wss://a-in.example".into()],
                    write: vec!["wss://a-out.example".into()],
                    ..RelayList::default()
                },
            ),
            (
                pk(2),
                RelayList {
                    read: vec!["wss://b-in.example".into()],
                    ..RelayList::default()
                },
            ),
        ]);
        let filter = Filter::new()
            .pubkey(pk(1))
            .pubkey(pk(2))
            .hashtag("nostr")
            .kind(Kind(7));
        let plan = planner(8, 2).plan_read(&[filter], &lists);
        let expect = |p: u8| Filter::new().pubkey(pk(p)).hashtag("nostr").kind(Kind(7));
        assert_eq!(
            plan.relays,
            BTreeMap::from([
                (url("wss://a-in.example"), vec![expect(1)]),
                (url("wss://b-in.example"), vec![expect(2)]),
            ])
        );
    }

    #[test]
    fn missing_lists_go_to_defaults_and_are_reported() {
        let lists = HashMap::from([
            (pk(1), both(&["wss://r1.example"])),
            // A list without write relays is known (not missing) but cannot serve the author.
            (
                pk(3),
                RelayList {
                    read: vec!["wss://r3.example".into()],
                    ..RelayList::default()
                },
            ),
        ]);
        let by_authors = Filter::new().authors([pk(1), pk(2), pk(3)]);
        let mentions = Filter::new().pubkey(pk(4)).tag('p', ["not-a-key"]);
        let anything = Filter::new().kind(Kind(0)).limit(5);
        let plan =
            planner(8, 2).plan_read(&[by_authors, mentions.clone(), anything.clone()], &lists);
        assert_eq!(plan.missing, vec![pk(2), pk(4)]);
        assert_eq!(
            relay_names(&plan),
            ["wss://default.read", "wss://r1.example"]
        );
        assert_eq!(
            plan.relays[&url("wss://default.read")],
            vec![Filter::new().authors([pk(2), pk(3)]), mentions, anything]
        );
        assert_eq!(
            plan.relays[&url("wss://r1.example")],
            vec![Filter::new().author(pk(1))]
        );
    }

    #[test]
    fn relays_shared_by_many_authors_are_preferred() {
        // Each author lists a private relay and the hub; one relay per author covers all at once.
        let lists: HashMap<_, _> = (1..=5)
            .map(|i| {
                let own = format!("wss://own{i}.example");
                (pk(i), both(&[own.as_str(), "wss://hub.example"]))
            })
            .collect();
        let filter = Filter::new().authors((1..=5).map(pk));
        let plan = planner(8, 1).plan_read(&[filter], &lists);
        assert_eq!(relay_names(&plan), ["wss://hub.example"]);
        assert_eq!(authors_at(&plan, "wss://hub.example").len(), 5);
    }

    #[test]
    fn per_author_cap_holds() {
        let lists: HashMap<_, _> = (1..=4)
            .map(|i| {
                let own: Vec<String> = (0..4).map(|j| format!("wss://a{i}-{j}.example")).collect();
                let mut list: Vec<&str> = own.iter().map(String::as_str).collect();
                list.push("wss://hub.example");
                (pk(i), both(&list))
            })
            .collect();
        let plan = planner(20, 2).plan_read(&[Filter::new().authors((1..=4).map(pk))], &lists);
        for i in 1..=4 {
            let relays = plan
                .relays
                .iter()
                .filter(|(_, fs)| {
                    fs.iter()
                        .any(|f| f.authors.iter().flatten().any(|a| *a == pk(i)))
                })
                .count();
            assert_eq!(relays, 2, "author {i}");
        }
        assert_eq!(authors_at(&plan, "wss://hub.example").len(), 4);
        // The hub plus one own relay each.
        assert_eq!(plan.relays.len(), 5);
    }

    /// 20 authors on disjoint relays, 4 relays allowed: everyone still lands somewhere.
    #[test]
    fn total_cap_holds_and_nobody_is_dropped() {
        let lists: HashMap<_, _> = (1..=20)
            .map(|i| {
                let a = format!("wss://x{i:02}.example");
                let b = format!("wss://y{i:02}.example");
                (pk(i), both(&[a.as_str(), b.as_str()]))
            })
            .collect();
        let everyone: BTreeSet<_> = (1..=20).map(pk).collect();
        let filter = Filter::new().authors(everyone.clone());

        let plan = planner(4, 2).plan_read(std::slice::from_ref(&filter), &lists);
        assert_eq!(plan.relays.len(), 4);
        let served: BTreeSet<_> = plan
            .relays
            .keys()
            .flat_map(|r| authors_at(&plan, r.as_str()))
            .collect();
        assert_eq!(served, everyone);
        for a in &everyone {
            let n = plan
                .relays
                .keys()
                .filter(|r| authors_at(&plan, r.as_str()).contains(a))
                .count();
            assert!((1..=2).contains(&n), "{a:?} on {n} relays");
        }

        // With a listless author the defaults join the plan and take the overflow instead.
        let with_missing = filter.author(pk(99));
        let plan = planner(4, 2).plan_read(&[with_missing], &lists);
        assert_eq!(plan.relays.len(), 4);
        assert_eq!(plan.missing, vec![pk(99)]);
        let defaults = authors_at(&plan, "wss://default.read");
        assert!(defaults.contains(&pk(99)));
        let served: BTreeSet<_> = plan
            .relays
            .keys()
            .flat_map(|r| authors_at(&plan, r.as_str()))
            .collect();
        assert_eq!(served.len(), 21);
        // Only 3 outbox relays fit next to the default: at most 3 authors served there, the
        // other 17 read from the default.
        assert_eq!(defaults.len(), 18);
    }

    #[test]
    fn relay_url_spellings_are_merged() {
        let lists = HashMap::from([
            (
                pk(1),
                both(&["wss://Relay.Example/", "wss://relay.example:443"]),
            ),
            (pk(2), both(&["WSS://relay.example"])),
            (
                pk(3),
                both(&["  wss://relay.example  ", "https://not.a.relay", "junk"]),
            ),
        ]);
        let plan = planner(8, 2).plan_read(&[Filter::new().authors([pk(1), pk(2), pk(3)])], &lists);
        assert_eq!(relay_names(&plan), ["wss://relay.example"]);
        assert_eq!(
            plan.relays[&url("wss://relay.example")],
            vec![Filter::new().authors([pk(1), pk(2), pk(3)])]
        );

        // Default relays given in two spellings count once.
        let planner = OutboxPlanner::new(OutboxConfig {
            max_relays_per_request: 1,
            max_relays_per_author: 1,
            default_read: urls(&["wss://Default.Example/", "wss://default.example"]),
            default_write: urls(&["wss://default.example"]),
        })
        .unwrap();
        assert_eq!(
            planner.config().default_read,
            urls(&["wss://default.example"])
        );
    }

    #[test]
    fn same_user_is_routed_consistently_across_filters() {
        let lists = HashMap::from([
            (
                pk(1),
                both(&["wss://a.example", "wss://b.example", "wss://c.example"]),
            ),
            (pk(2), both(&["wss://b.example"])),
        ]);
        let notes = Filter::new().authors([pk(1), pk(2)]).kind(Kind(1));
        let profile = Filter::new().author(pk(1)).kind(Kind(0));
        let plan = planner(8, 1).plan_read(&[notes, profile], &lists);
        // b serves both authors; pk(1) needs just one relay, so b for everything.
        assert_eq!(
            plan.relays,
            BTreeMap::from([(
                url("wss://b.example"),
                vec![
                    Filter::new().authors([pk(1), pk(2)]).kind(Kind(1)),
                    Filter::new().author(pk(1)).kind(Kind(0)),
                ]
            )])
        );
    }

    #[test]
    fn plans_are_deterministic() {
        let make = |order: &[u8]| -> HashMap<PublicKey, RelayList> {
            order
                .iter()
                .map(|&i| {
                    let relays: Vec<String> = (0..3)
                        .map(|j| format!("wss://r{}.example", (i + j) % 7))
                        .collect();
                    let refs: Vec<&str> = relays.iter().map(String::as_str).collect();
                    (pk(i), both(&refs))
                })
                .collect()
        };
        let filter = Filter::new().authors((1..=30).map(pk));
        let order: Vec<u8> = (1..=30).collect();
        let reversed: Vec<u8> = order.iter().rev().copied().collect();
        let p = planner(3, 2);
        let a = p.plan_read(std::slice::from_ref(&filter), &make(&order));
        let b = p.plan_read(std::slice::from_ref(&filter), &make(&reversed));
        assert_eq!(a, b);
        assert_eq!(a.relays.len(), 3);
    }

    #[test]
    fn publish_goes_to_outbox_defaults_and_mentioned_inboxes() {
        let keys = Keys::generate();
        let author = RelayList {
            read: vec!["wss://author-in.example".into()],
            write: vec![
                "wss://Author-Out.example/".into(),
                "wss://shared.example".into(),
            ],
            ..RelayList::default()
        };
        let tagged = HashMap::from([(
            pk(1),
            RelayList {
                read: vec![
                    "wss://b3.example".into(),
                    "wss://b1.example".into(),
                    "wss://b2.example".into(),
                ],
                write: vec!["wss://b-out.example".into()],
                ..RelayList::default()
            },
        )]);
        let event = EventBuilder::new(Kind(1), "hi")
            .tags([
                Tag::new(["p", pk(1).to_hex().as_str()]),
                // No list known: nothing to add for them.
                Tag::new(["p", pk(2).to_hex().as_str()]),
                Tag::new(["p", "garbage"]),
            ])
            .sign(&keys);
        let relays = planner(8, 2).plan_publish(&event, Some(&author), &tagged);
        assert_eq!(
            relays,
            urls(&[
                "wss://author-out.example",
                "wss://b1.example",
                "wss://b2.example",
                "wss://default.write",
                "wss://shared.example",
            ])
        );

        // Without an author list: defaults and mentions only.
        let relays = planner(8, 2).plan_publish(&event, None, &tagged);
        assert_eq!(
            relays,
            urls(&[
                "wss://b1.example",
                "wss://b2.example",
                "wss://default.write"
            ])
        );

        // Capped: the author's relays first, then the defaults, then mentions.
        let relays = planner(4, 2).plan_publish(&event, Some(&author), &tagged);
        assert_eq!(
            relays,
            urls(&[
                "wss://author-out.example",
                "wss://b1.example",
                "wss://default.write",
                "wss://shared.example",
            ])
        );
    }

    #[test]
    fn publish_counts_a_shared_relay_for_the_mentioned_user() {
        let keys = Keys::generate();
        let author = both(&["wss://shared.example"]);
        let tagged = HashMap::from([(
            pk(1),
            both(&["wss://shared.example", "wss://x.example", "wss://y.example"]),
        )]);
        let event = EventBuilder::new(Kind(1), "hi")
            .tag(Tag::new(["p", pk(1).to_hex().as_str()]))
            .sign(&keys);
        // shared already serves pk(1): one more (x, lowest URL) makes their two.
        assert_eq!(
            planner(8, 2).plan_publish(&event, Some(&author), &tagged),
            urls(&[
                "wss://default.write",
                "wss://shared.example",
                "wss://x.example"
            ])
        );
    }

    #[test]
    fn config_is_validated() {
        let ok = OutboxConfig::new(urls(&["wss://r.example"]), urls(&["wss://w.example"]));
        assert_eq!(ok.max_relays_per_request, DEFAULT_MAX_RELAYS_PER_REQUEST);
        assert!(ok.validate().is_ok());
        let err = |f: fn(&mut OutboxConfig)| {
            let mut c = ok.clone();
            f(&mut c);
            OutboxPlanner::new(c).err()
        };
        assert_eq!(
            err(|c| c.max_relays_per_request = 0),
            Some(OutboxConfigError::ZeroRelaysPerRequest)
        );
        assert_eq!(
            err(|c| c.max_relays_per_author = 0),
            Some(OutboxConfigError::ZeroRelaysPerAuthor)
        );
        assert_eq!(
            err(|c| c.max_relays_per_author = 9),
            Some(OutboxConfigError::PerAuthorAboveTotal {
                per_author: 9,
                per_request: 8
            })
        );
        assert_eq!(
            err(|c| c.default_read.clear()),
            Some(OutboxConfigError::NoDefaultRead)
        );
        assert_eq!(
            err(|c| c.default_write.clear()),
            Some(OutboxConfigError::NoDefaultWrite)
        );
        assert_eq!(
            err(|c| {
                c.max_relays_per_request = 2;
                c.default_read = urls(&["wss://a.example", "wss://b.example", "wss://c.example"]);
            }),
            Some(OutboxConfigError::TooManyDefaultRead { count: 3, max: 2 })
        );
        assert_eq!(
            err(|c| {
                c.max_relays_per_request = 2;
                c.default_write = urls(&["wss://a.example", "wss://b.example", "wss://c.example"]);
            }),
            Some(OutboxConfigError::TooManyDefaultWrite { count: 3, max: 2 })
        );
    }

    /// 5,000 follows on 3 relays each out of 300: a home feed's size. Not timed here (that is a
    /// bench's job); checks the caps and that everyone is served at this size.
    #[test]
    fn plans_five_thousand_authors() {
        let mut lists = HashMap::new();
        let mut authors = Vec::new();
        for i in 0u32..5_000 {
            let mut bytes = [0u8; 32];
            bytes[..4].copy_from_slice(&i.to_be_bytes());
            let key = PublicKey::from_bytes(bytes);
            // A few big relays everyone shares, plus a long tail.
            let relays = [
                format!("wss://big{}.example", i % 4),
                format!("wss://tail{}.example", i % 300),
                format!("wss://tail{}.example", (i * 7 + 1) % 300),
            ];
            let refs: Vec<&str> = relays.iter().map(String::as_str).collect();
            lists.insert(key, both(&refs));
            authors.push(key);
        }
        let filter = Filter::new().authors(authors.iter().copied()).kind(Kind(1));
        let plan = planner(8, 2).plan_read(&[filter], &lists);
        assert!(plan.missing.is_empty());
        assert!(plan.relays.len() <= 8);
        let mut seen: HashMap<PublicKey, usize> = HashMap::new();
        for filters in plan.relays.values() {
            for a in filters.iter().flat_map(|f| f.authors.iter().flatten()) {
                *seen.entry(*a).or_default() += 1;
            }
        }
        assert_eq!(seen.len(), 5_000);
        assert!(seen.values().all(|&n| (1..=2).contains(&n)));
        // The four big relays are chosen first: each serves a quarter of the follows.
        for b in 0..4 {
            assert!(authors_at(&plan, &format!("wss://big{b}.example")).len() >= 1_250);
        }
    }
}
