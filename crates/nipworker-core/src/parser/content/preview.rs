//! Short forms of parsed content for timelines and notifications: the first blocks of a text up
//! to a number of characters or blocks, never cutting a link, mention, invoice, token, emoji,
//! hashtag or code span in half, and saying whether anything was left out.
//!
//! Plain text is the only block a preview cuts, and it cuts at a word boundary when the kept part
//! has one. Blocks an app renders as one unit (a mention as a name, an emoji as an image, an
//! invoice or token as a card) weigh one character; links, hashtags and code weigh their text.

use super::{Block, BlockKind};

/// How much of a content a preview keeps; `None` means no limit of that sort.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct PreviewLimit {
    /// Most characters (Unicode scalar values, weighed as the module says).
    pub max_chars: Option<usize>,
    /// Most blocks.
    pub max_blocks: Option<usize>,
}

impl PreviewLimit {
    /// At most `n` characters.
    pub fn chars(n: usize) -> Self {
        Self {
            max_chars: Some(n),
            max_blocks: None,
        }
    }

    /// At most `n` blocks.
    pub fn blocks(n: usize) -> Self {
        Self {
            max_chars: None,
            max_blocks: Some(n),
        }
    }
}

/// The kept part of a content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// The kept blocks, in order; the last may be a text block cut short.
    pub blocks: Vec<Block>,
    /// Byte offset in the content where the preview ends (`content[..end]` is its text).
    pub end: usize,
    /// True when something was left out: apps show an ellipsis or a "show more".
    pub truncated: bool,
}

impl Preview {
    /// The preview as counts, for readers that hold the blocks (the FlatBuffers output).
    pub fn span(&self) -> PreviewSpan {
        PreviewSpan {
            blocks: self.blocks.len(),
            end: self.end,
            truncated: self.truncated,
        }
    }
}

/// A preview told by counts: the first `blocks` blocks of the parse, the last one ending at byte
/// `end` of the content (a cut text block ends early).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PreviewSpan {
    /// How many leading blocks are kept.
    pub blocks: usize,
    /// Byte offset in the content where the preview ends.
    pub end: usize,
    /// True when something was left out.
    pub truncated: bool,
}

/// What a block weighs against `max_chars`.
fn weight(block: &Block, content: &str) -> usize {
    match block.kind {
        BlockKind::Mention(_) | BlockKind::Emoji { .. } | BlockKind::Cashu(_) => 1,
        BlockKind::Invoice(_) => 1,
        _ => block.text(content).chars().count(),
    }
}

/// Shortens `blocks` (a parse of `content`) to `limit`.
pub fn preview(content: &str, blocks: &[Block], limit: PreviewLimit) -> Preview {
    let mut kept = Vec::new();
    let mut chars = 0usize;
    let mut end = 0usize;
    for (n, block) in blocks.iter().enumerate() {
        if limit.max_blocks.is_some_and(|max| n >= max) {
            return cut_short(content, kept, end);
        }
        let w = weight(block, content);
        let room = limit
            .max_chars
            .map_or(usize::MAX, |max| max.saturating_sub(chars));
        if w <= room {
            chars += w;
            end = block.range.end;
            kept.push(block.clone());
            continue;
        }
        if block.kind == BlockKind::Text
            && let Some(cut) = cut_text(content, block, room)
        {
            end = cut;
            kept.push(Block {
                range: block.range.start..cut,
                kind: BlockKind::Text,
            });
        }
        return cut_short(content, kept, end);
    }
    Preview {
        blocks: kept,
        end,
        truncated: false,
    }
}

/// A preview that ends before the content does, with trailing blanks dropped.
fn cut_short(content: &str, mut blocks: Vec<Block>, mut end: usize) -> Preview {
    if let Some(last) = blocks.last_mut()
        && last.kind == BlockKind::Text
    {
        let text = last.text(content);
        let trimmed = text.trim_end().len();
        last.range.end = last.range.start + trimmed;
        end = last.range.end;
        if trimmed == 0 {
            blocks.pop();
            end = blocks.last().map_or(0, |b| b.range.end);
        }
    }
    Preview {
        blocks,
        end,
        truncated: true,
    }
}

/// The byte offset at which to cut a text block to at most `room` chars: where a word ends
/// within them when one does, else mid-word (one word longer than the room, or text written
/// without spaces). `None` when nothing is kept.
fn cut_text(content: &str, block: &Block, room: usize) -> Option<usize> {
    if room == 0 {
        return None;
    }
    let text = block.text(content);
    let hard = text
        .char_indices()
        .nth(room)
        .map_or(text.len(), |(at, _)| at);
    let head = text.get(..hard)?;
    let word_ends_at_hard = text[hard..].chars().next().is_none_or(char::is_whitespace);
    let cut = if word_ends_at_hard {
        hard
    } else {
        head.char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(hard, |(at, _)| at)
    };
    (cut > 0).then_some(block.range.start + cut)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::content::parse_content;
    use crate::protocol::Tag;

    const INVOICE: &str = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh";
    const NPUB: &str = "npub10elfcs4fr0l0r8af98jlmgdh9c8tcxjvz9qkw038js35mp4dma8qzvjptg";

    fn pv(content: &str, tags: &[Tag], limit: PreviewLimit) -> (String, Preview) {
        let blocks = parse_content(content, tags);
        let p = preview(content, &blocks, limit);
        // The kept blocks tile content[..end].
        let mut at = 0;
        for b in &p.blocks {
            assert_eq!(b.range.start, at, "{p:?}");
            at = b.range.end;
        }
        assert_eq!(at, p.end);
        (content[..p.end].to_owned(), p)
    }

    #[test]
    fn short_content_is_whole() {
        let (text, p) = pv("gm #nostr", &[], PreviewLimit::chars(100));
        assert_eq!(text, "gm #nostr");
        assert!(!p.truncated);
        let (_, p) = pv("", &[], PreviewLimit::blocks(0));
        assert!(!p.truncated && p.blocks.is_empty());
        let (text, p) = pv("no limit at all", &[], PreviewLimit::default());
        assert_eq!((text.as_str(), p.truncated), ("no limit at all", false));
    }

    #[test]
    fn text_is_cut_at_a_word() {
        let (text, p) = pv("the quick brown fox jumps", &[], PreviewLimit::chars(12));
        assert_eq!(text, "the quick");
        assert!(p.truncated);
        let (text, _) = pv("the quick brown fox jumps", &[], PreviewLimit::chars(15));
        assert_eq!(
            text, "the quick brown",
            "a word ending right at the limit is kept"
        );
        // One word longer than the room: cut inside it rather than show nothing.
        let (text, _) = pv("supercalifragilistic", &[], PreviewLimit::chars(5));
        assert_eq!(text, "super");
        // Multibyte text is cut on char boundaries.
        let (text, p) = pv("日本語のテキストです", &[], PreviewLimit::chars(3));
        assert_eq!(text, "日本語");
        assert!(p.truncated);
    }

    #[test]
    fn links_mentions_invoices_and_emoji_stay_whole() {
        let content = "see https://example.com/a/very/long/path/to/a/page.html now";
        let (text, p) = pv(content, &[], PreviewLimit::chars(20));
        assert_eq!(
            text, "see",
            "the link does not fit: it is left out, not cut"
        );
        assert!(p.truncated);
        let (text, p) = pv(content, &[], PreviewLimit::chars(56));
        assert!(p.truncated, "the link fits, \" now\" does not");
        assert_eq!(
            text,
            "see https://example.com/a/very/long/path/to/a/page.html"
        );

        // A mention, an emoji and an invoice weigh one character each.
        let content = format!("hi nostr:{NPUB} :wave: pay {INVOICE} thanks a lot");
        let tags = [Tag::new(["emoji", "wave", "https://e.io/w.png"])];
        let (text, p) = pv(&content, &tags, PreviewLimit::chars(14));
        assert_eq!(text, format!("hi nostr:{NPUB} :wave: pay {INVOICE}"));
        assert!(p.truncated);
        assert!(matches!(
            p.blocks.last().unwrap().kind,
            BlockKind::Invoice(_)
        ));
        let (text, _) = pv(&content, &tags, PreviewLimit::chars(4));
        assert_eq!(text, format!("hi nostr:{NPUB}"));
        let (text, _) = pv(&content, &tags, PreviewLimit::chars(3));
        assert_eq!(text, "hi");
    }

    #[test]
    fn block_limits() {
        let content = "one https://a.io/x.jpg two https://b.io/y.jpg three";
        let (text, p) = pv(content, &[], PreviewLimit::blocks(2));
        assert_eq!(text, "one https://a.io/x.jpg");
        assert!(p.truncated);
        assert_eq!(p.blocks.len(), 2);
        // Both limits: whichever comes first.
        let both = PreviewLimit {
            max_chars: Some(6),
            max_blocks: Some(3),
        };
        let (text, _) = pv(content, &[], both);
        assert_eq!(text, "one");
        let (text, p) = pv(content, &[], PreviewLimit::blocks(5));
        assert_eq!(text, content);
        assert!(!p.truncated);
    }
}
