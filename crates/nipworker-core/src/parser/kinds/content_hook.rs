//! The seam between kind parsers and the content parser (`parser::content`), which is written
//! separately: notes and comments carry a `content_blocks` field this hook fills.
//!
//! Until the two are merged the hook returns `None`; the merge replaces the alias and the body.

use crate::protocol::Event;

/// The content parser's block list for an event's text (a placeholder until the merge).
pub type ContentBlocks = ();

/// Splits an event's content into blocks with `parser::content` (`None` until it is merged).
pub(crate) fn content_blocks(_event: &Event) -> Option<ContentBlocks> {
    None
}
