//! Parse pipe: runs the per-kind parsers on every event and, given a decryptor (the crypto
//! worker), opens the encrypted parts the signer is a party to. Rule failures are kept on the item
//! (delivered with their reason) and counted per reason.

use std::sync::Arc;

use super::item::Item;
use super::stats::PipelineStats;
use crate::parser::kinds::{Decryptor, parse_event_with};

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
            let parsed = parse_event_with(&item.event, self.decryptor.as_deref()).await;
            if let Err(e) = &parsed {
                *stats.parse_failures.entry(e.reason.label()).or_insert(0) += 1;
            }
            item.parsed = Some(parsed);
        }
    }
}
