//! Where the client sends a request that names no relays, and what it learns about relays first:
//! the outbox model over the cached kind 10002 lists (missing lists fetched from the indexer
//! relays), and each relay's NIP-11 limits, fetched once and handed to the connections worker.

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::time::Duration;

use super::outbox::{OutboxConfig, OutboxPlanner};
use crate::protocol::flatbuffers::fb;
use crate::protocol::{Event, Filter, Kind, PublicKey, RelayUrl};
use crate::storage::RelayList;
use crate::workers::parser::ParserHandle;

/// NIP-65 relay lists.
const RELAY_LIST: Kind = Kind(10002);

/// Longest wait for the indexer relays when relay lists are missing: past it, the authors
/// without a list are read from the default relays.
pub(crate) const INDEXER_WAIT: Duration = Duration::from_secs(3);

/// The client's routing state.
pub(crate) struct Routing {
    /// `None` when no default read and write relays are configured (every request names relays).
    planner: Option<OutboxPlanner>,
    pub(crate) indexers: Vec<RelayUrl>,
    /// Relays whose NIP-11 document was asked for already.
    asked: Mutex<HashSet<RelayUrl>>,
    #[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
    nip11: Option<std::sync::Arc<super::nip11::Nip11Fetcher>>,
}

impl Routing {
    pub(crate) fn new(read: &[RelayUrl], write: &[RelayUrl], indexers: &[RelayUrl]) -> Self {
        let planner = OutboxPlanner::new(OutboxConfig::new(read.to_vec(), write.to_vec())).ok();
        Self {
            planner,
            indexers: indexers.to_vec(),
            asked: Mutex::new(HashSet::new()),
            #[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
            nip11: super::nip11::Nip11Fetcher::new()
                .ok()
                .map(std::sync::Arc::new),
        }
    }

    /// Fetches the NIP-11 documents of relays not asked before, in the background, and hands their
    /// limits to the connections worker (they apply to subscriptions opened afterwards).
    pub(crate) fn learn_limits(&self, parser: &ParserHandle, relays: &[RelayUrl]) {
        let fresh: Vec<RelayUrl> = match self.asked.lock() {
            Ok(mut asked) => relays
                .iter()
                .filter(|r| asked.insert((*r).clone()))
                .cloned()
                .collect(),
            Err(_) => return,
        };
        #[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
        if let Some(fetcher) = &self.nip11 {
            for relay in fresh {
                let fetcher = fetcher.clone();
                let parser = parser.clone();
                // Bounded by the fetcher's timeout; a relay without NIP-11 just keeps its limits.
                crate::runtime::spawn(async move {
                    match fetcher.fetch(&relay).await {
                        Ok(info) => {
                            let limits = info.limits();
                            if limits != crate::workers::connections::RelayLimits::default() {
                                let _ = parser
                                    .set_relay_limits(relay.as_str().to_owned(), limits)
                                    .await;
                            }
                        }
                        Err(e) => tracing::debug!(%relay, error = %e, "no NIP-11 document"),
                    }
                });
            }
        }
        #[cfg(not(all(feature = "tokio-runtime", not(target_arch = "wasm32"))))]
        let _ = (parser, fresh);
    }

    /// The relays to read `filters` from under the outbox model, or `None` to use the defaults
    /// (no author or tagged user to route by, or no defaults configured).
    pub(crate) async fn read_relays(
        &self,
        parser: &ParserHandle,
        filters: &[Filter],
    ) -> Option<Vec<RelayUrl>> {
        let planner = self.planner.as_ref()?;
        let people = people_of(filters);
        if people.is_empty() {
            return None;
        }
        let mut lists = cached_lists(parser, &people).await;
        let mut plan = planner.plan_read(filters, &lists);
        if !plan.missing.is_empty() && !self.indexers.is_empty() {
            lists.extend(indexed_lists(parser, &self.indexers, &plan.missing).await);
            plan = planner.plan_read(filters, &lists);
        }
        Some(plan.relays.into_keys().collect())
    }

    /// The relays to publish `event` to under the outbox model (`None`: the defaults).
    pub(crate) async fn publish_relays(
        &self,
        parser: &ParserHandle,
        event: &Event,
    ) -> Option<Vec<RelayUrl>> {
        let planner = self.planner.as_ref()?;
        let mut people: Vec<PublicKey> = vec![event.pubkey];
        people.extend(
            event
                .tags_named("p")
                .filter_map(|t| t.value())
                .filter_map(|v| PublicKey::from_hex(v).ok()),
        );
        let lists = cached_lists(parser, &people).await;
        Some(planner.plan_publish(event, lists.get(&event.pubkey), &lists))
    }
}

/// Authors and tagged users (`#p`) of `filters`.
fn people_of(filters: &[Filter]) -> Vec<PublicKey> {
    let mut people: HashSet<PublicKey> = HashSet::new();
    for f in filters {
        if let Some(authors) = &f.authors {
            people.extend(authors.iter().copied());
        }
        if let Some(tagged) = f.tags.get(&'p') {
            people.extend(tagged.iter().filter_map(|v| PublicKey::from_hex(v).ok()));
        }
    }
    people.into_iter().collect()
}

/// The newest cached relay list of each of `people`.
async fn cached_lists(
    parser: &ParserHandle,
    people: &[PublicKey],
) -> HashMap<PublicKey, RelayList> {
    let filter = Filter::new()
        .kind(RELAY_LIST)
        .authors(people.iter().copied());
    let mut newest: HashMap<PublicKey, Event> = HashMap::new();
    let Ok(mut query) = parser.cache().query(&[filter], 0).await else {
        return HashMap::new();
    };
    // Bounded by the number of chunks the cache sends for one list per author.
    while let Ok(Some(chunk)) = query.next_chunk().await {
        for event in chunk {
            let keep = newest
                .get(&event.pubkey)
                .is_none_or(|e| event.created_at > e.created_at);
            if keep {
                newest.insert(event.pubkey, event);
            }
        }
    }
    newest
        .into_iter()
        .map(|(pk, e)| (pk, RelayList::from_event(&e)))
        .collect()
}

/// Relay lists of `people` fetched from the indexer relays (verified, and cached by the
/// subscription's pipeline for next time).
async fn indexed_lists(
    parser: &ParserHandle,
    indexers: &[RelayUrl],
    people: &[PublicKey],
) -> HashMap<PublicKey, RelayList> {
    use crate::workers::parser::{CacheMode, SubscribeOptions};
    let filter = Filter::new()
        .kind(RELAY_LIST)
        .authors(people.iter().copied());
    let options = SubscribeOptions {
        relays: Some(indexers.iter().map(|u| u.as_str().to_owned()).collect()),
        pipeline: crate::pipeline::PipelineConfig::raw(),
        cache: CacheMode::NoCache,
        close_on_eose: true,
        eose_timeout: Some(INDEXER_WAIT),
        ..SubscribeOptions::default()
    };
    let Ok(sub) = parser.subscribe(vec![filter], options).await else {
        return HashMap::new();
    };
    let (_closer, mut rx) = sub.split();
    let mut newest: HashMap<PublicKey, Event> = HashMap::new();
    let deadline = INDEXER_WAIT + Duration::from_secs(1);
    let _ = crate::runtime::timeout(deadline, async {
        // Ends with the subscription (every indexer done or timed out).
        while let Some(message) = rx.recv().await {
            let Ok(root) = message.root() else { continue };
            let Ok(fb::parsed::SubscriptionBodyRef::RawEvent(raw)) = root.body() else {
                continue;
            };
            let Ok(Ok(event)) = raw.event().map(crate::protocol::flatbuffers::read_event) else {
                continue;
            };
            let keep = newest
                .get(&event.pubkey)
                .is_none_or(|e| event.created_at > e.created_at);
            if keep {
                newest.insert(event.pubkey, event);
            }
        }
    })
    .await;
    newest
        .into_iter()
        .map(|(pk, e)| (pk, RelayList::from_event(&e)))
        .collect()
}
