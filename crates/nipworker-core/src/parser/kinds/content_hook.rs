//! Content blocks of notes and comments: the kind parsers hand the text to `parser::content`.
//!
//! Blocks hold byte ranges into the event's content and indices into its tags, so they carry no
//! lifetime and sit next to the event they describe.

use crate::parser::content::{Block, parse_content};
use crate::protocol::Event;

/// The content parser's block list for an event's text.
pub type ContentBlocks = Vec<Block>;

/// Splits an event's content into blocks.
pub(crate) fn content_blocks(event: &Event) -> ContentBlocks {
    parse_content(&event.content, &event.tags)
}
