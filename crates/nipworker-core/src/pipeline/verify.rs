//! Verify pipe: checks ids and signatures of live events in one batch per call, through a
//! [`Verifier`] (the crypto worker). Events that fail are dropped and counted; cached events were
//! verified before they were stored and pass untouched.

use std::sync::Arc;

use super::item::Item;
use super::services::Verifier;
use super::stats::PipelineStats;
use crate::protocol::Event;
use crate::protocol::flatbuffers::fb;

/// Drops live events whose id or signature does not check out.
#[derive(Clone)]
pub struct Verify {
    verifier: Arc<dyn Verifier>,
}

impl std::fmt::Debug for Verify {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Verify")
    }
}

impl Verify {
    /// A verify pipe asking `verifier`.
    pub fn new(verifier: Arc<dyn Verifier>) -> Self {
        Self { verifier }
    }

    /// Verifies the live events of `items` as one batch and drops those that fail. When the
    /// verifier itself fails, every live event of the batch is dropped (never delivered unchecked).
    pub async fn apply(&self, items: &mut Vec<Item>, stats: &mut PipelineStats) {
        let live: Vec<&Event> = items
            .iter()
            .filter(|i| !i.is_cached())
            .map(|i| &i.event)
            .collect();
        if live.is_empty() {
            return;
        }
        let n = live.len();
        let statuses = match self.verifier.verify(&live).await {
            Ok(s) if s.len() == n => s,
            Ok(_) => {
                tracing::warn!("verifier answered with a wrong count; dropping {n} events");
                stats.verify_errors += n as u64;
                items.retain(Item::is_cached);
                return;
            }
            Err(e) => {
                tracing::warn!("verification failed: {e}; dropping {n} events");
                stats.verify_errors += n as u64;
                items.retain(Item::is_cached);
                return;
            }
        };
        let mut next = statuses.into_iter();
        items.retain(|i| {
            if i.is_cached() {
                return true;
            }
            match next.next() {
                Some(fb::VerifyStatus::Valid) => {
                    stats.verified += 1;
                    true
                }
                Some(fb::VerifyStatus::IdMismatch) => {
                    stats.bad_ids += 1;
                    false
                }
                Some(_) | None => {
                    stats.bad_signatures += 1;
                    false
                }
            }
        });
    }
}
