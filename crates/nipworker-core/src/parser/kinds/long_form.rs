//! NIP-23 long-form content (kind 30023, drafts 30024): article metadata from tags and the
//! markdown body split into blocks.

use serde::Serialize;

use super::markdown::{MarkdownBlock, markdown_blocks};
use super::pointers::non_blank;
use crate::protocol::{Event, Kind, Timestamp};

/// Kind 30023.
pub const LONG_FORM: Kind = Kind(30023);
/// Kind 30024 (draft).
pub const LONG_FORM_DRAFT: Kind = Kind(30024);

/// A parsed long-form article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LongForm {
    /// The `d` tag ("" when absent).
    pub identifier: String,
    /// True for kind 30024.
    pub draft: bool,
    /// `title`.
    pub title: Option<String>,
    /// `summary`.
    pub summary: Option<String>,
    /// `image`.
    pub image: Option<String>,
    /// `published_at` (first publication, unlike `created_at` which changes on edits).
    pub published_at: Option<Timestamp>,
    /// `t` hashtags, lowercased.
    pub hashtags: Vec<String>,
    /// The markdown body, in blocks.
    pub blocks: Vec<MarkdownBlock>,
}

/// Parses a kind 30023/30024 event. Never fails.
pub fn parse_long_form(event: &Event) -> LongForm {
    let first = |name: &str| {
        event
            .tags_named(name)
            .find_map(|t| non_blank(t, 1))
            .map(str::to_owned)
    };
    LongForm {
        identifier: event.d_tag().to_owned(),
        draft: event.kind == LONG_FORM_DRAFT,
        title: first("title"),
        summary: first("summary"),
        image: first("image"),
        published_at: event
            .tags_named("published_at")
            .find_map(|t| non_blank(t, 1)?.parse::<u64>().ok())
            .map(Timestamp),
        hashtags: event
            .tags_named("t")
            .filter_map(|t| non_blank(t, 1))
            .map(|t| t.trim_start_matches('#').to_lowercase())
            .collect(),
        blocks: markdown_blocks(&event.content),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{EventBuilder, Keys, Tag};

    #[test]
    fn article_metadata_and_blocks() {
        let ev = EventBuilder::new(LONG_FORM, "# Hello\n\nFirst paragraph.")
            .tags([
                Tag::new(["d", "hello-world"]),
                Tag::new(["title", "Hello world"]),
                Tag::new(["summary", "A first post"]),
                Tag::new(["image", "https://i.io/cover.png"]),
                Tag::new(["published_at", "1296962229"]),
                Tag::new(["t", "Intro"]),
                Tag::new(["t", "nostr"]),
            ])
            .sign(&Keys::generate());
        let a = parse_long_form(&ev);
        assert_eq!(a.identifier, "hello-world");
        assert!(!a.draft);
        assert_eq!(a.title.as_deref(), Some("Hello world"));
        assert_eq!(a.summary.as_deref(), Some("A first post"));
        assert_eq!(a.image.as_deref(), Some("https://i.io/cover.png"));
        assert_eq!(a.published_at, Some(Timestamp(1_296_962_229)));
        assert_eq!(a.hashtags, vec!["intro", "nostr"]);
        assert_eq!(a.blocks.len(), 2);

        let draft = EventBuilder::new(LONG_FORM_DRAFT, "")
            .tag(Tag::new(["published_at", "soon"]))
            .sign(&Keys::generate());
        let d = parse_long_form(&draft);
        assert!(d.draft);
        assert_eq!(d.identifier, "");
        assert_eq!(d.published_at, None);
        assert!(d.blocks.is_empty());
    }
}
