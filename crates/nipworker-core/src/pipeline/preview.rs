//! Preview pipe: shortens the content blocks of parsed notes, comments, pictures, videos and live
//! chat messages to a limit ([`PreviewLimit`]) so timelines and notifications get a short form
//! with a "shortened" flag, written next to the full blocks.

use super::item::Item;
use crate::parser::content::{PreviewLimit, preview};

/// Adds a preview to every parsed item whose kind has content blocks.
#[derive(Debug, Clone, Copy, Default)]
pub struct Previews {
    limit: PreviewLimit,
}

impl Previews {
    /// A preview pipe shortening to `limit`.
    pub fn new(limit: PreviewLimit) -> Self {
        Self { limit }
    }

    /// Sets `preview` on each item that has content blocks; others are left as they are.
    pub fn apply(&self, items: &mut [Item]) {
        for item in items {
            let Some(Ok(parsed)) = &item.parsed else {
                continue;
            };
            if let Some(blocks) = parsed.content_blocks() {
                item.preview = Some(preview(&item.event.content, blocks, self.limit).span());
            }
        }
    }
}
