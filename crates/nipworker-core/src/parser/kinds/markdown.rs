//! Splits markdown (NIP-23 long-form content) into top-level blocks a client can lay out
//! natively: headings, paragraphs, code, lists, quotes, images, rules, raw HTML.
//!
//! CommonMark parsing is pulldown-cmark's; this module only folds its event stream into blocks,
//! flattening what nests inside a list item or quote into that item's text.

use pulldown_cmark::{CodeBlockKind, Event as Md, Options, Parser, Tag as MdTag, TagEnd};
use serde::Serialize;

/// A link inside a block: its visible text and destination.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct MarkdownLink {
    /// The link text.
    pub text: String,
    /// The destination URL.
    pub url: String,
}

/// An image: alt text and source.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct MarkdownImage {
    /// The alt text.
    pub alt: String,
    /// The image URL.
    pub url: String,
}

/// One top-level block of a markdown document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum MarkdownBlock {
    /// `#`..`######`.
    Heading {
        /// 1 to 6.
        level: u8,
        /// Plain text.
        text: String,
    },
    /// Prose with its links and inline images.
    Paragraph {
        /// Plain text (soft breaks become spaces, hard breaks newlines).
        text: String,
        /// Links in order.
        links: Vec<MarkdownLink>,
        /// Images inside the prose.
        images: Vec<MarkdownImage>,
    },
    /// A paragraph holding only an image.
    Image(MarkdownImage),
    /// A fenced or indented code block.
    Code {
        /// The fence's info string, if any.
        language: Option<String>,
        /// The code, verbatim.
        code: String,
    },
    /// A bulleted or numbered list; nested content is flattened into each item's text.
    List {
        /// True for numbered lists.
        ordered: bool,
        /// The first number of a numbered list.
        start: Option<u64>,
        /// One plain-text entry per item.
        items: Vec<String>,
        /// Links in the items.
        links: Vec<MarkdownLink>,
    },
    /// A block quote, flattened to text.
    Quote {
        /// Plain text; nested paragraphs are separated by blank lines.
        text: String,
        /// Links in the quote.
        links: Vec<MarkdownLink>,
    },
    /// A thematic break (`---`).
    Rule,
    /// A raw HTML block.
    Html {
        /// The HTML, verbatim.
        html: String,
    },
}

/// What the open top-level block is.
enum Open {
    Heading(u8),
    Paragraph,
    Code(Option<String>),
    List(Option<u64>),
    Quote,
    Html,
    /// Anything else pulldown-cmark may emit at the top (tables, footnotes): kept as prose.
    Other,
}

#[derive(Default)]
struct Builder {
    blocks: Vec<MarkdownBlock>,
    open: Option<Open>,
    depth: u32,
    text: String,
    items: Vec<String>,
    links: Vec<MarkdownLink>,
    images: Vec<MarkdownImage>,
    /// Open links and images: where their text starts in the current target, and their URL.
    link_starts: Vec<(usize, String)>,
    image_starts: Vec<(usize, String)>,
    prose_outside_images: bool,
}

impl Builder {
    /// The string text currently goes to: the last list item, else the block text.
    fn target(&mut self) -> &mut String {
        if matches!(self.open, Some(Open::List(_))) {
            if self.items.is_empty() {
                self.items.push(String::new());
            }
            let last = self.items.len() - 1;
            &mut self.items[last]
        } else {
            &mut self.text
        }
    }

    fn push_text(&mut self, s: &str) {
        if self.image_starts.is_empty() && !s.trim().is_empty() {
            self.prose_outside_images = true;
        }
        self.target().push_str(s);
    }

    /// Separates nested blocks inside a list item or quote.
    fn separate(&mut self, sep: &str) {
        let t = self.target();
        if !t.is_empty() && !t.ends_with('\n') {
            t.push_str(sep);
        }
    }

    fn start(&mut self, tag: MdTag<'_>) {
        if self.depth == 0 {
            self.open = Some(match tag {
                MdTag::Heading { level, .. } => Open::Heading(level as u8),
                MdTag::Paragraph => Open::Paragraph,
                MdTag::CodeBlock(CodeBlockKind::Fenced(info)) => Open::Code(
                    info.split_whitespace()
                        .next()
                        .filter(|l| !l.is_empty())
                        .map(str::to_owned),
                ),
                MdTag::CodeBlock(CodeBlockKind::Indented) => Open::Code(None),
                MdTag::List(start) => Open::List(start),
                MdTag::BlockQuote(_) => Open::Quote,
                MdTag::HtmlBlock => Open::Html,
                _ => Open::Other,
            });
            self.depth = 1;
            return;
        }
        self.depth += 1;
        match tag {
            MdTag::Item if self.depth == 2 && matches!(self.open, Some(Open::List(_))) => {
                self.items.push(String::new());
            }
            MdTag::Paragraph | MdTag::Heading { .. } | MdTag::CodeBlock(_) => {
                let sep = if matches!(self.open, Some(Open::Quote)) {
                    "\n\n"
                } else {
                    "\n"
                };
                self.separate(sep);
            }
            MdTag::Item | MdTag::List(_) => self.separate("\n"),
            MdTag::Link { dest_url, .. } => {
                let at = self.target().len();
                self.link_starts.push((at, dest_url.into_string()));
            }
            MdTag::Image { dest_url, .. } => {
                let at = self.target().len();
                self.image_starts.push((at, dest_url.into_string()));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Link => {
                if let Some((at, url)) = self.link_starts.pop() {
                    let text = self.target().get(at..).unwrap_or("").to_owned();
                    self.links.push(MarkdownLink { text, url });
                }
            }
            TagEnd::Image => {
                if let Some((at, url)) = self.image_starts.pop() {
                    let alt = self.target().get(at..).unwrap_or("").to_owned();
                    self.images.push(MarkdownImage { alt, url });
                }
            }
            _ => {}
        }
        self.depth = self.depth.saturating_sub(1);
        if self.depth == 0 {
            self.finish();
        }
    }

    fn finish(&mut self) {
        let Some(open) = self.open.take() else { return };
        let text = std::mem::take(&mut self.text);
        let links = std::mem::take(&mut self.links);
        let images = std::mem::take(&mut self.images);
        let items = std::mem::take(&mut self.items);
        let only_images = !std::mem::take(&mut self.prose_outside_images);
        self.link_starts.clear();
        self.image_starts.clear();
        match open {
            Open::Heading(level) => self.blocks.push(MarkdownBlock::Heading {
                level,
                text: text.trim().to_owned(),
            }),
            Open::Paragraph if only_images && !images.is_empty() => self
                .blocks
                .extend(images.into_iter().map(MarkdownBlock::Image)),
            Open::Paragraph | Open::Other => self.blocks.push(MarkdownBlock::Paragraph {
                text: text.trim().to_owned(),
                links,
                images,
            }),
            Open::Code(language) => self.blocks.push(MarkdownBlock::Code {
                language,
                code: text,
            }),
            Open::List(start) => self.blocks.push(MarkdownBlock::List {
                ordered: start.is_some(),
                start,
                items: items.into_iter().map(|i| i.trim().to_owned()).collect(),
                links,
            }),
            Open::Quote => self.blocks.push(MarkdownBlock::Quote {
                text: text.trim().to_owned(),
                links,
            }),
            Open::Html => self.blocks.push(MarkdownBlock::Html { html: text }),
        }
    }
}

/// Splits a markdown document into top-level blocks. Any input is accepted.
pub fn markdown_blocks(markdown: &str) -> Vec<MarkdownBlock> {
    let mut b = Builder::default();
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Md::Start(tag) => b.start(tag),
            Md::End(tag) => b.end(tag),
            Md::Text(t) | Md::Code(t) | Md::InlineMath(t) | Md::DisplayMath(t) => {
                b.push_text(&t);
            }
            Md::Html(t) | Md::InlineHtml(t) => b.push_text(&t),
            Md::SoftBreak => b.push_text(" "),
            Md::HardBreak => b.push_text("\n"),
            Md::Rule if b.depth == 0 => b.blocks.push(MarkdownBlock::Rule),
            Md::Rule | Md::FootnoteReference(_) | Md::TaskListMarker(_) => {}
        }
    }
    // Unbalanced streams cannot come from pulldown-cmark, but never lose text if one did.
    b.depth = 0;
    b.finish();
    b.blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_every_block_type() {
        let md = "# Title\n\nSome *rich* text with a [link](https://a.io) and\na soft break.  \nHard.\n\n\
                  ![cat](https://img.io/cat.png)\n\n\
                  ```rust extra\nfn main() {}\n```\n\n\
                  - one\n- two [x](https://x.io)\n  - nested\n\n\
                  3. third\n4. fourth\n\n\
                  > quoted\n>\n> again\n\n\
                  ---\n\n\
                  <div>raw</div>\n\n\
                  inline ![pic](https://p.io/p.png) here\n\n    indented code\n";
        let blocks = markdown_blocks(md);
        assert_eq!(
            blocks,
            vec![
                MarkdownBlock::Heading {
                    level: 1,
                    text: "Title".into()
                },
                MarkdownBlock::Paragraph {
                    text: "Some rich text with a link and a soft break.\nHard.".into(),
                    links: vec![MarkdownLink {
                        text: "link".into(),
                        url: "https://a.io".into()
                    }],
                    images: vec![],
                },
                MarkdownBlock::Image(MarkdownImage {
                    alt: "cat".into(),
                    url: "https://img.io/cat.png".into()
                }),
                MarkdownBlock::Code {
                    language: Some("rust".into()),
                    code: "fn main() {}\n".into()
                },
                MarkdownBlock::List {
                    ordered: false,
                    start: None,
                    items: vec!["one".into(), "two x\nnested".into()],
                    links: vec![MarkdownLink {
                        text: "x".into(),
                        url: "https://x.io".into()
                    }],
                },
                MarkdownBlock::List {
                    ordered: true,
                    start: Some(3),
                    items: vec!["third".into(), "fourth".into()],
                    links: vec![],
                },
                MarkdownBlock::Quote {
                    text: "quoted\n\nagain".into(),
                    links: vec![]
                },
                MarkdownBlock::Rule,
                MarkdownBlock::Html {
                    html: "<div>raw</div>\n".into()
                },
                MarkdownBlock::Paragraph {
                    text: "inline pic here".into(),
                    links: vec![],
                    images: vec![MarkdownImage {
                        alt: "pic".into(),
                        url: "https://p.io/p.png".into()
                    }],
                },
                MarkdownBlock::Code {
                    language: None,
                    code: "indented code\n".into()
                },
            ]
        );
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for md in [
            "",
            "\n\n",
            "[unclosed](",
            "```\nno end",
            "> > > deep\n> > quote",
            "- a\n\n  - b\n\n    - c",
            "é 🤙 ![](x)",
            "<!-- c -->",
        ] {
            let _ = markdown_blocks(md);
        }
        assert!(markdown_blocks("").is_empty());
    }
}
