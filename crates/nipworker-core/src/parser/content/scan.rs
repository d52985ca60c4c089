//! The single-pass byte scanner behind [`super::parse_content`].
//!
//! Only ASCII bytes can start a token, so every token starts on a char boundary; tokens end either
//! after an ASCII byte or after a whole char, so every range is on char boundaries.

use std::ops::Range;

use memchr::{memchr, memchr2};

use super::bolt11::Bolt11Invoice;
use super::cashu::CashuToken;
use super::media::{MediaKind, MediaMeta};
use super::{Block, BlockKind, Mention, MentionSource};
use crate::protocol::{EventId, Kind, Nip19Address, Nip19Entity, PublicKey, Tag};

/// Bytes that may start a token: http(s), nostr:/npub/note..., #, :, cashu, lightning/ln..., `,
/// and `\` (a literal escape like `\n` is a word boundary, see `Scanner::escape`).
const TRIGGER: [bool; 256] = {
    let mut t = [false; 256];
    let bytes = b"hHnN#:cClL`\\";
    let mut i = 0;
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    t
};

/// Length of a npub/note string: "npub" + "1" + 52 data + 6 checksum characters.
const FIXED_ENTITY_LEN: usize = 63;

/// Backtick runs this long or longer are never code delimiters (bounds the memo below).
const MAX_TICKS: usize = 64;

/// What the event's tags contribute, gathered once per parse into sorted tables so that a
/// hostile event with thousands of tags and tokens stays `O(n log n)`.
struct TagContext<'t> {
    tags: &'t [Tag],
    /// `(shortcode, tag index)` of every `emoji` tag, sorted (first tag wins on duplicates).
    emojis: Vec<(&'t str, usize)>,
    /// `(url, tag index)` of every `imeta` tag with a `url` entry, sorted likewise.
    imeta: Vec<(&'t str, usize)>,
    /// Values of `t` tags, sorted (they make all-digit hashtags like `#21` count).
    hashtags: Vec<&'t str>,
}

impl<'t> TagContext<'t> {
    fn new(tags: &'t [Tag]) -> Self {
        let mut ctx = TagContext {
            tags,
            emojis: Vec::new(),
            imeta: Vec::new(),
            hashtags: Vec::new(),
        };
        for (i, tag) in tags.iter().enumerate() {
            match tag.name() {
                Some("emoji") => {
                    if let (Some(code), Some(_url)) = (tag.get(1), tag.get(2)) {
                        ctx.emojis.push((code, i));
                    }
                }
                Some("imeta") => {
                    if let Some(url) = MediaMeta::from_tag(tag).and_then(|m| m.url) {
                        ctx.imeta.push((url, i));
                    }
                }
                Some("t") => {
                    if let Some(v) = tag.value() {
                        ctx.hashtags.push(v);
                    }
                }
                _ => {}
            }
        }
        ctx.emojis.sort_unstable();
        ctx.imeta.sort_unstable();
        ctx.hashtags.sort_unstable();
        ctx
    }

    fn emoji(&self, code: &str) -> Option<usize> {
        lookup(&self.emojis, code)
    }

    fn imeta(&self, url: &str) -> Option<usize> {
        lookup(&self.imeta, url)
    }

    fn has_hashtag(&self, name: &str) -> bool {
        self.hashtags.binary_search(&name).is_ok()
    }
}

/// The lowest tag index stored for `key` in a sorted `(key, index)` table.
fn lookup(table: &[(&str, usize)], key: &str) -> Option<usize> {
    let first = table.partition_point(|(k, _)| *k < key);
    table.get(first).filter(|(k, _)| *k == key).map(|&(_, i)| i)
}

/// Outcome of looking at a trigger byte.
enum Step {
    /// A token ends at this byte offset.
    Token(usize, BlockKind),
    /// No token here: move on this many bytes (all ASCII, so the next offset is a boundary).
    Skip(usize),
}

struct Scanner<'c, 't, 'o> {
    content: &'c str,
    bytes: &'c [u8],
    ctx: TagContext<'t>,
    out: &'o mut Vec<Block>,
    pos: usize,
    text_start: usize,
    /// Inline code: lengths (bit n = n backticks) already known to have no closer on the line
    /// that ends at `inline_fail_line_end`, so a line full of backticks stays linear.
    inline_fail_line_end: usize,
    inline_fail_mask: u64,
    /// Fenced code: every line that could close a fence, indexed once on the first opener, so
    /// failed openers (up to about sqrt(2n) of them, with distinct lengths) never rescan the rest.
    closers: Option<FenceClosers>,
    /// Bytes and entries examined, for tests that prove the scan linear without timing it.
    #[cfg(test)]
    work: std::cell::Cell<usize>,
}

/// The lines made of three or more backticks and trailing blanks, in content order.
struct FenceClosers {
    /// `(line start, line end, backtick run)` of each closing line.
    lines: Vec<(usize, usize, usize)>,
    /// `suffix_max[i]`: the longest run among `lines[i..]`, to answer "no closer" at once.
    suffix_max: Vec<usize>,
}

impl FenceClosers {
    fn new(bytes: &[u8]) -> Self {
        let mut lines = Vec::new();
        let mut line = 0;
        loop {
            let line_end = memchr(b'\n', &bytes[line..]).map_or(bytes.len(), |n| line + n);
            let text = &bytes[line..line_end];
            let run = text.iter().position(|&b| b != b'`').unwrap_or(text.len());
            if run >= 3
                && text[run..]
                    .iter()
                    .all(|b| matches!(b, b' ' | b'\t' | b'\r'))
            {
                lines.push((line, line_end, run));
            }
            if line_end >= bytes.len() {
                break;
            }
            line = line_end + 1;
        }
        let mut suffix_max = vec![0; lines.len()];
        let mut max = 0;
        for (slot, &(_, _, run)) in suffix_max.iter_mut().zip(&lines).rev() {
            max = max.max(run);
            *slot = max;
        }
        FenceClosers { lines, suffix_max }
    }

    /// The first closing line starting at or after `from` with at least `ticks` backticks. The
    /// walk past shorter closers is paid for once: a found fence is consumed up to its closer.
    /// Also returns how many closers were walked past.
    fn find(&self, from: usize, ticks: usize) -> Option<(usize, usize, usize)> {
        let first = self.lines.partition_point(|&(start, _, _)| start < from);
        if self.suffix_max.get(first).is_none_or(|&max| max < ticks) {
            return None;
        }
        self.lines[first..]
            .iter()
            .enumerate()
            .find(|&(_, &(_, _, run))| run >= ticks)
            .map(|(walked, &(start, end, _))| (start, end, walked + 1))
    }
}

pub(super) fn scan(content: &str, tags: &[Tag], out: &mut Vec<Block>) {
    scanner(content, tags, out).run();
}

/// Scans like [`scan`] and returns how many bytes and entries the scanner examined.
#[cfg(test)]
pub(super) fn scan_counting_work(content: &str, tags: &[Tag], out: &mut Vec<Block>) -> usize {
    let mut s = scanner(content, tags, out);
    s.run();
    s.work.get()
}

fn scanner<'c, 't, 'o>(
    content: &'c str,
    tags: &'t [Tag],
    out: &'o mut Vec<Block>,
) -> Scanner<'c, 't, 'o> {
    Scanner {
        content,
        bytes: content.as_bytes(),
        ctx: TagContext::new(tags),
        out,
        pos: 0,
        text_start: 0,
        inline_fail_line_end: 0,
        inline_fail_mask: 0,
        closers: None,
        #[cfg(test)]
        work: std::cell::Cell::new(0),
    }
}

impl Scanner<'_, '_, '_> {
    /// Counts `n` units of work (tests only; compiled out otherwise).
    #[inline(always)]
    fn charge(&self, n: usize) {
        #[cfg(test)]
        self.work.set(self.work.get() + n);
        #[cfg(not(test))]
        let _ = n;
    }

    fn run(&mut self) {
        let len = self.bytes.len();
        while self.pos < len {
            let b = self.bytes[self.pos];
            if !TRIGGER[usize::from(b)] {
                self.pos += 1;
                continue;
            }
            self.charge(1);
            let step = match b {
                b'h' | b'H' => self.url(),
                b'n' | b'N' => self.nostr(),
                b'#' => self.hash(),
                b':' => self.emoji(),
                b'c' | b'C' => self.cashu(),
                b'l' | b'L' => self.lightning(),
                b'`' => self.code(),
                b'\\' => self.escape(),
                _ => Step::Skip(1),
            };
            match step {
                Step::Token(end, kind) => self.emit(end, kind),
                Step::Skip(n) => self.pos += n.max(1),
            }
        }
        self.flush_text(len);
    }

    fn emit(&mut self, end: usize, kind: BlockKind) {
        let start = self.pos;
        // Defensive: a token that would break the tiling is dropped back into the text.
        if end <= start || end > self.bytes.len() || !self.content.is_char_boundary(end) {
            debug_assert!(false, "token {start}..{end} is not on char boundaries");
            self.pos += 1;
            return;
        }
        self.flush_text(start);
        self.out.push(Block {
            range: start..end,
            kind,
        });
        self.pos = end;
        self.text_start = end;
    }

    fn flush_text(&mut self, upto: usize) {
        if self.text_start < upto {
            self.out.push(Block {
                range: self.text_start..upto,
                kind: BlockKind::Text,
            });
            self.text_start = upto;
        }
    }

    /// True when the byte before `at` is an ASCII letter or digit: letter triggers only start a
    /// token at the start of a word. A non-ASCII char before counts as a boundary, because CJK
    /// text runs links and tags into the sentence without spaces, and so does a literal escape
    /// (`\n`, `\t`, `\r`) that double-escaping clients leave where a line break was meant.
    fn inside_word(&self, at: usize) -> bool {
        at > 0 && self.bytes[at - 1].is_ascii_alphanumeric() && !self.after_escape(at)
    }

    /// True when `at` follows a literal `\n`, `\t` or `\r`.
    fn after_escape(&self, at: usize) -> bool {
        at >= 2 && self.bytes[at - 2] == b'\\' && matches!(self.bytes[at - 1], b'n' | b't' | b'r')
    }

    /// A literal `\n`, `\t` or `\r` is text, skipped whole so its letter starts no token (what
    /// follows it starts a word); any other backslash is one byte of text.
    fn escape(&self) -> Step {
        match self.bytes.get(self.pos + 1) {
            Some(b'n' | b't' | b'r') => Step::Skip(2),
            _ => Step::Skip(1),
        }
    }

    /// End of the run of ASCII letters and digits starting at `from`.
    fn alnum_end(&self, from: usize) -> usize {
        let end = self
            .bytes
            .get(from..)
            .and_then(|rest| rest.iter().position(|b| !b.is_ascii_alphanumeric()))
            .map_or(self.bytes.len(), |n| from + n);
        self.charge(end.saturating_sub(from));
        end
    }

    /// Skip over the rest of the word at the current position (nothing can start inside it).
    fn skip_word(&self) -> Step {
        Step::Skip(self.alnum_end(self.pos) - self.pos)
    }

    fn rest(&self) -> &[u8] {
        &self.bytes[self.pos..]
    }

    fn char_at(&self, at: usize) -> Option<char> {
        self.content.get(at..).and_then(|s| s.chars().next())
    }

    // ---- URLs ---------------------------------------------------------------------------------

    fn url(&mut self) -> Step {
        if self.inside_word(self.pos) {
            return self.skip_word();
        }
        let rest = self.rest();
        let scheme = if starts_with_ci(rest, b"https://") {
            8
        } else if starts_with_ci(rest, b"http://") {
            7
        } else {
            return self.skip_word();
        };
        let start = self.pos;
        let host = start + scheme;
        // The authority must start with a host character. Checked before walking the URL run:
        // a run of "http://." repeats would otherwise be walked once per scheme, quadratically.
        let host_ok = self
            .bytes
            .get(host)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'[' || b >= 0x80);
        if !host_ok {
            return Step::Skip(scheme);
        }
        let mut end = host;
        while end < self.bytes.len() {
            let b = self.bytes[end];
            if b < 0x80 {
                // A backslash is never part of a URL (RFC 3986); clients that double-escape
                // send `a.jpg\nhttps://...`, two URLs, not one.
                if b <= b' ' || b == 0x7f || matches!(b, b'<' | b'>' | b'"' | b'`' | b'\\') {
                    break;
                }
                end += 1;
            } else {
                match self.char_at(end) {
                    Some(c) if c.is_alphanumeric() || is_word_mark(c) => end += c.len_utf8(),
                    _ => break,
                }
            }
        }
        self.charge(2 * (end - host));
        let end = self.trim_url_end(host, end);
        // Only a non-ASCII first char that is no word char gets here with nothing to keep (a host
        // byte is never trimmed), so this failure walked no further than the host.
        if end <= host {
            return Step::Skip(scheme);
        }
        let url = &self.content[start..end];
        let imeta = self.ctx.imeta(url);
        let media = imeta
            .and_then(|i| self.ctx.tags.get(i))
            .and_then(MediaMeta::from_tag)
            .and_then(|m| m.kind())
            .unwrap_or_else(|| MediaKind::from_url(url));
        Step::Token(end, BlockKind::Url { media, imeta })
    }

    /// Drops trailing punctuation that ends the sentence rather than the URL, and closing
    /// brackets that have no opening partner inside the URL.
    fn trim_url_end(&self, host: usize, mut end: usize) -> usize {
        let url = &self.bytes[host..end];
        let count = |c: u8| url.iter().filter(|&&b| b == c).count() as isize;
        let mut parens = count(b'(') - count(b')');
        let mut brackets = count(b'[') - count(b']');
        while end > host {
            match self.bytes[end - 1] {
                b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b'*' => end -= 1,
                b')' if parens < 0 => {
                    parens += 1;
                    end -= 1;
                }
                b']' if brackets < 0 => {
                    brackets += 1;
                    end -= 1;
                }
                _ => break,
            }
        }
        end
    }

    // ---- nostr: mentions and bare NIP-19 strings ----------------------------------------------

    fn nostr(&mut self) -> Step {
        if self.inside_word(self.pos) {
            return self.skip_word();
        }
        let (start, source) = if starts_with_ci(self.rest(), b"nostr:") {
            (self.pos + 6, MentionSource::Uri)
        } else {
            (self.pos, MentionSource::Bare)
        };
        let fail = match source {
            MentionSource::Uri => Step::Skip(6),
            _ => self.skip_word(),
        };
        let end = self.alnum_end(start);
        let token = &self.content[start..end];
        let fixed = starts_with_ci(token.as_bytes(), b"npub1")
            || starts_with_ci(token.as_bytes(), b"note1");
        let tlv = starts_with_ci(token.as_bytes(), b"nprofile1")
            || starts_with_ci(token.as_bytes(), b"nevent1")
            || starts_with_ci(token.as_bytes(), b"naddr1");
        // nsec is never a mention: NIP-21 forbids it, and a pasted secret stays plain text.
        if !fixed && !tlv {
            return fail;
        }
        let decoded = match Nip19Entity::from_bech32(token) {
            Ok(e) => Some((end, e)),
            // A npub/note glued to following letters: try the fixed-length prefix.
            Err(_) if fixed && token.len() > FIXED_ENTITY_LEN => {
                Nip19Entity::from_bech32(&token[..FIXED_ENTITY_LEN])
                    .ok()
                    .map(|e| (start + FIXED_ENTITY_LEN, e))
            }
            Err(_) => None,
        };
        match decoded {
            Some((end, entity)) if !matches!(entity, Nip19Entity::Secret(_)) => {
                Step::Token(end, BlockKind::Mention(Mention { entity, source }))
            }
            _ => fail,
        }
    }

    // ---- #hashtags and NIP-08 #[n] ------------------------------------------------------------

    fn hash(&mut self) -> Step {
        let start = self.pos;
        if self.bytes.get(start + 1) == Some(&b'[') {
            return self.tag_reference();
        }
        if self.inside_word(start) {
            return Step::Skip(1);
        }
        let name_start = start + 1;
        let mut end = name_start;
        let mut all_digits = true;
        while end < self.bytes.len() {
            let b = self.bytes[end];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() || b == b'_' {
                    all_digits &= b.is_ascii_digit();
                    end += 1;
                } else {
                    break;
                }
            } else {
                match self.char_at(end) {
                    Some(c) if c.is_alphanumeric() || is_word_mark(c) => {
                        all_digits = false;
                        end += c.len_utf8();
                    }
                    _ => break,
                }
            }
        }
        self.charge(end - name_start);
        if end == name_start {
            return Step::Skip(1);
        }
        // "#1" is usually a rank, not a tag, unless the author tagged it (`["t", "21"]`).
        if all_digits {
            let name = &self.content[name_start..end];
            if !self.ctx.has_hashtag(name) {
                return Step::Skip(end - start);
            }
        }
        Step::Token(
            end,
            BlockKind::Hashtag {
                name: name_start..end,
            },
        )
    }

    /// NIP-08 `#[n]`: resolved through the event's `n`-th tag (`p`, `e` or `a`).
    fn tag_reference(&self) -> Step {
        let digits_start = self.pos + 2;
        let digits_end = self
            .bytes
            .get(digits_start..)
            .and_then(|r| r.iter().position(|b| !b.is_ascii_digit()))
            .map_or(self.bytes.len(), |n| digits_start + n);
        let n_digits = digits_end - digits_start;
        self.charge(n_digits);
        if n_digits == 0 || n_digits > 4 || self.bytes.get(digits_end) != Some(&b']') {
            return Step::Skip(1);
        }
        let index = self.content[digits_start..digits_end]
            .parse::<usize>()
            .unwrap_or(usize::MAX);
        match self.ctx.tags.get(index).and_then(tag_entity) {
            Some(entity) => Step::Token(
                digits_end + 1,
                BlockKind::Mention(Mention {
                    entity,
                    source: MentionSource::TagIndex(index),
                }),
            ),
            None => Step::Skip(1),
        }
    }

    // ---- :emoji: ------------------------------------------------------------------------------

    fn emoji(&mut self) -> Step {
        if self.ctx.emojis.is_empty() {
            return Step::Skip(1);
        }
        let code_start = self.pos + 1;
        let code_end = self
            .bytes
            .get(code_start..)
            .and_then(|r| {
                r.iter()
                    .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))
            })
            .map_or(self.bytes.len(), |n| code_start + n);
        self.charge(code_end - code_start);
        if code_end == code_start || self.bytes.get(code_end) != Some(&b':') {
            return Step::Skip(1);
        }
        let code = &self.content[code_start..code_end];
        match self.ctx.emoji(code) {
            Some(tag) => Step::Token(
                code_end + 1,
                BlockKind::Emoji {
                    shortcode: code_start..code_end,
                    tag,
                },
            ),
            // The closing colon may open the next shortcode (":a::b:").
            None => Step::Skip(1),
        }
    }

    // ---- cashuA / cashuB ----------------------------------------------------------------------

    fn cashu(&mut self) -> Step {
        if self.inside_word(self.pos) {
            return self.skip_word();
        }
        let rest = self.rest();
        if !(rest.starts_with(b"cashuA") || rest.starts_with(b"cashuB")) {
            return self.skip_word();
        }
        let body_start = self.pos + 6;
        let mut end = body_start;
        while end < self.bytes.len() {
            let b = self.bytes[end];
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'+' | b'/') {
                end += 1;
            } else {
                break;
            }
        }
        while self.bytes.get(end) == Some(&b'=') {
            end += 1;
        }
        self.charge(end - body_start);
        // Real tokens are hundreds of characters; short words like "cashuApp" stay text.
        if end - body_start < 40 {
            return self.skip_word();
        }
        let token = CashuToken::parse(&self.content[self.pos..end]).map(Box::new);
        Step::Token(end, BlockKind::Cashu(token))
    }

    // ---- BOLT11 invoices ----------------------------------------------------------------------

    fn lightning(&mut self) -> Step {
        if self.inside_word(self.pos) {
            return self.skip_word();
        }
        let (start, fail) = if starts_with_ci(self.rest(), b"lightning:") {
            (self.pos + 10, Step::Skip(10))
        } else {
            (self.pos, self.skip_word())
        };
        let rest = &self.bytes[start..];
        if !(starts_with_ci(rest, b"lnbc")
            || starts_with_ci(rest, b"lntb")
            || starts_with_ci(rest, b"lnsb"))
        {
            return fail;
        }
        let end = self.alnum_end(start);
        match Bolt11Invoice::parse(&self.content[start..end]) {
            Ok(invoice) => Step::Token(end, BlockKind::Invoice(Box::new(invoice))),
            Err(_) => fail,
        }
    }

    // ---- `code` and ``` fences ----------------------------------------------------------------

    fn code(&mut self) -> Step {
        let start = self.pos;
        let ticks = self.bytes[start..]
            .iter()
            .position(|&b| b != b'`')
            .unwrap_or(self.bytes.len() - start);
        self.charge(ticks);
        let at_line_start = start == 0 || self.bytes[start - 1] == b'\n';
        if ticks >= 3
            && at_line_start
            && let Some((end, kind)) = self.fenced(start, ticks)
        {
            return Step::Token(end, kind);
        }
        if ticks < MAX_TICKS
            && let Some((end, kind)) = self.inline_code(start, ticks)
        {
            return Step::Token(end, kind);
        }
        Step::Skip(ticks)
    }

    /// A closing run of exactly `ticks` backticks on the same line.
    fn inline_code(&mut self, start: usize, ticks: usize) -> Option<(usize, BlockKind)> {
        let bit = 1u64 << ticks;
        if start < self.inline_fail_line_end && self.inline_fail_mask & bit != 0 {
            return None;
        }
        let body = start + ticks;
        let mut i = body;
        loop {
            let Some(off) = memchr2(b'`', b'\n', &self.bytes[i..]) else {
                self.charge(self.bytes.len() - i);
                self.remember_inline_failure(self.bytes.len(), bit);
                return None;
            };
            let at = i + off;
            self.charge(off + 1);
            if self.bytes[at] == b'\n' {
                self.remember_inline_failure(at, bit);
                return None;
            }
            let run = self.bytes[at..]
                .iter()
                .position(|&b| b != b'`')
                .unwrap_or(self.bytes.len() - at);
            self.charge(run);
            if run == ticks {
                let kind = BlockKind::Code {
                    code: body..at,
                    language: None,
                    fenced: false,
                };
                return Some((at + run, kind));
            }
            i = at + run;
        }
    }

    fn remember_inline_failure(&mut self, line_end: usize, bit: u64) {
        if self.inline_fail_line_end != line_end {
            self.inline_fail_line_end = line_end;
            self.inline_fail_mask = 0;
        }
        self.inline_fail_mask |= bit;
    }

    /// A fence at a line start: info string, body, and a closing line of at least as many
    /// backticks. An unclosed fence is not code (chat text often has a stray one).
    fn fenced(&mut self, start: usize, ticks: usize) -> Option<(usize, BlockKind)> {
        let info_start = start + ticks;
        let info_end = info_start + memchr(b'\n', &self.bytes[info_start..])?;
        self.charge(info_end - info_start);
        let info = &self.bytes[info_start..info_end];
        if info.contains(&b'`') {
            return None;
        }
        let language = trim_range(info, info_start);
        let body_start = info_end + 1;
        let bytes = self.bytes;
        if self.closers.is_none() {
            self.charge(bytes.len());
        }
        let closers = self.closers.get_or_insert_with(|| FenceClosers::new(bytes));
        let (line, line_end, walked) = closers.find(body_start, ticks)?;
        self.charge(walked);
        let mut code_end = if line > body_start {
            line - 1
        } else {
            body_start
        };
        if code_end > body_start && self.bytes[code_end - 1] == b'\r' {
            code_end -= 1;
        }
        let kind = BlockKind::Code {
            code: body_start..code_end,
            language,
            fenced: true,
        };
        Some((line_end, kind))
    }
}

fn starts_with_ci(haystack: &[u8], prefix: &[u8]) -> bool {
    haystack.len() >= prefix.len() && haystack[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// The range of `bytes` (which start at `offset`) without surrounding ASCII whitespace.
fn trim_range(bytes: &[u8], offset: usize) -> Option<Range<usize>> {
    let first = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let last = bytes.iter().rposition(|b| !b.is_ascii_whitespace())?;
    Some(offset + first..offset + last + 1)
}

/// Marks and joiners that belong inside a word although `char::is_alphanumeric` says no:
/// combining diacritics, zero-width (non-)joiners, and the vowel signs and viramas of Indic and
/// Thai scripts (their punctuation excluded).
fn is_word_mark(c: char) -> bool {
    let u = u32::from(c);
    matches!(
        u,
        0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F
            | 0x200C | 0x200D
    ) || (matches!(u, 0x0900..=0x0E7F)
        && !matches!(
            u,
            0x0964 | 0x0965 | 0x0970 | 0x0DF4 | 0x0E2F | 0x0E4F | 0x0E5A | 0x0E5B
        ))
}

/// The entity a NIP-08 reference points at: `p` a profile, `e` a note, `a` an address.
fn tag_entity(tag: &Tag) -> Option<Nip19Entity> {
    let value = tag.value()?;
    match tag.name()? {
        "p" => PublicKey::from_hex(value).ok().map(Nip19Entity::Pubkey),
        "e" => EventId::from_hex(value).ok().map(Nip19Entity::Note),
        "a" => {
            let mut parts = value.splitn(3, ':');
            let kind = parts.next()?.parse::<u16>().ok()?;
            let public_key = PublicKey::from_hex(parts.next()?).ok()?;
            let identifier = parts.next().unwrap_or("").to_string();
            let relays = tag.get(2).map(|r| vec![r.to_string()]).unwrap_or_default();
            Some(Nip19Entity::Address(Nip19Address {
                identifier,
                public_key,
                kind: Kind(kind),
                relays,
            }))
        }
        _ => None,
    }
}
