//! Parse pipe: runs the per-kind parsers on every event and, given a decryptor (the crypto
//! worker), opens the encrypted parts the signer is a party to. Rule failures are kept on the item
//! (delivered with their reason) and counted per reason.
//!
//! Natively, events above [`OFF_THREAD_PARSE_BYTES`] are parsed on Tokio's blocking pool, as
//! verification already runs off the worker task: a hostile 1 MiB event then holds a pool thread,
//! not the runtime thread the parser task shares with others. Items are still awaited one by one,
//! so their order is kept. In browsers everything stays inline (there is no thread to hop to).

use std::sync::Arc;

use super::item::Item;
use super::stats::PipelineStats;
use crate::parser::kinds::{Decryptor, ParseError, ParsedKind, parse_event};
use crate::protocol::Event;

/// Size (content plus tag strings, in bytes) above which an event is parsed off the parser
/// task's thread natively. Ordinary events are far smaller, and for them the hop to another
/// thread would cost more than the parse itself.
pub const OFF_THREAD_PARSE_BYTES: usize = 64 * 1024;

/// Parses events by kind.
#[derive(Clone, Default)]
pub struct Parse {
    decryptor: Option<Arc<dyn Decryptor>>,
}

impl std::fmt::Debug for Parse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Parse")
            .field("decrypts", &self.decryptor.is_some())
            .finish()
    }
}

impl Parse {
    /// A parse pipe; with a decryptor it opens DMs, private list items and wallet contents.
    pub fn new(decryptor: Option<Arc<dyn Decryptor>>) -> Self {
        Self { decryptor }
    }

    /// Parses every item.
    pub async fn apply(&self, items: &mut [Item], stats: &mut PipelineStats) {
        for item in items {
            let mut parsed = parse_sized(&item.event).await;
            if let (Ok(kind), Some(decryptor)) = (&mut parsed, self.decryptor.as_deref()) {
                kind.decrypt(&item.event, decryptor).await;
            }
            if let Err(e) = &parsed {
                *stats.parse_failures.entry(e.reason.label()).or_insert(0) += 1;
            }
            item.parsed = Some(parsed);
        }
    }
}

/// Content plus tag strings: what the per-kind parsers walk.
fn event_size(event: &Event) -> usize {
    let tags: usize = event
        .tags
        .iter()
        .map(|t| t.as_slice().iter().map(String::len).sum::<usize>())
        .sum();
    event.content.len() + tags
}

/// Parses `event`, on the blocking pool when it is large and a Tokio runtime is at hand.
async fn parse_sized(event: &Event) -> Result<ParsedKind, ParseError> {
    #[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
    if event_size(event) > OFF_THREAD_PARSE_BYTES
        && let Ok(runtime) = tokio::runtime::Handle::try_current()
    {
        let owned = event.clone();
        match runtime.spawn_blocking(move || parse_event(&owned)).await {
            Ok(parsed) => return parsed,
            // A parser panic stays a panic, as it would be inline.
            Err(e) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            // Cancelled: the runtime is shutting down; parse here rather than lose the item.
            Err(_) => {}
        }
    }
    #[cfg(not(all(feature = "tokio-runtime", not(target_arch = "wasm32"))))]
    let _ = event_size;
    parse_event(event)
}

#[cfg(all(test, feature = "tokio-runtime", not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::pipeline::item::Item;
    use crate::protocol::{EventBuilder, Keys, Kind, Tag};

    fn items() -> Vec<Item> {
        let keys = Keys::generate();
        let big = format!("{} #big", "http://.".repeat(OFF_THREAD_PARSE_BYTES / 4));
        let tags: Vec<Tag> = (0..20_000)
            .map(|i| Tag::new(["r".to_string(), format!("wss://r{i}.example")]))
            .collect();
        [
            EventBuilder::new(Kind(1), "small #one").sign(&keys),
            EventBuilder::new(Kind(1), big).sign(&keys),
            EventBuilder::new(Kind::RELAY_LIST, "")
                .tags(tags)
                .sign(&keys),
            EventBuilder::new(Kind(0), "not json").sign(&keys),
            EventBuilder::new(Kind(1), "small #two").sign(&keys),
        ]
        .into_iter()
        .map(Item::cached)
        .collect()
    }

    async fn check_same_as_inline() {
        let mut items = items();
        assert!(event_size(&items[1].event) > OFF_THREAD_PARSE_BYTES);
        assert!(event_size(&items[2].event) > OFF_THREAD_PARSE_BYTES);
        let mut stats = PipelineStats::default();
        Parse::new(None).apply(&mut items, &mut stats).await;
        for item in &items {
            assert_eq!(item.parsed.as_ref(), Some(&parse_event(&item.event)));
        }
        assert_eq!(stats.parse_failures.values().sum::<u64>(), 1);
    }

    #[tokio::test]
    async fn large_events_parse_off_thread_in_order() {
        check_same_as_inline().await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn large_events_parse_off_thread_multi_thread() {
        check_same_as_inline().await;
    }

    #[test]
    fn without_a_runtime_parsing_stays_inline() {
        // Outside a runtime nothing is spawned, so the future completes on its first poll.
        use futures::FutureExt;
        assert!(check_same_as_inline().now_or_never().is_some());
    }
}
