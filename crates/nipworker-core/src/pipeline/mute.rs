//! Mute pipe: drops events by muted authors, muted event ids (and replies to them), muted
//! hashtags and muted words, given directly or read from a NIP-51 mute list (kind 10000, public
//! and decrypted private items). It applies to cached and live events alike. Words are looked for
//! in the content, the tags, or both ([`WordScope`]), as whoever builds the set chooses.

use std::collections::HashSet;

use super::item::Item;
use crate::parser::kinds::{
    Decryptor, List, ListItem, ListKind, ParseError, ParseErrorReason, parse_list,
};
use crate::protocol::{Event, EventId, Kind, PublicKey};

/// What to mute.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MuteSet {
    /// Authors.
    pub pubkeys: HashSet<PublicKey>,
    /// Events, and events that reference them with an `e` tag (muted threads).
    pub event_ids: HashSet<EventId>,
    /// Hashtags (`t` tags), compared case-insensitively.
    pub hashtags: HashSet<String>,
    /// Words or phrases, compared case-insensitively where [`MuteSet::word_scope`] says.
    pub words: Vec<String>,
    /// Where muted words are looked for (content and tags unless set otherwise).
    pub word_scope: WordScope,
}

/// Where a muted word mutes an event when it appears.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum WordScope {
    /// Only in the content.
    Content,
    /// Only in the tags (`t` hashtags, `subject`, `title`, `alt`, `imeta` descriptions...), never
    /// in the tags that only point at other things (see [`is_reference_tag`]).
    Tags,
    /// In either: the default, as in the browser library this one replaces.
    #[default]
    Both,
}

impl WordScope {
    fn content(self) -> bool {
        matches!(self, Self::Content | Self::Both)
    }

    fn tags(self) -> bool {
        matches!(self, Self::Tags | Self::Both)
    }
}

/// Tags whose values are ids, keys, addresses, kinds or relay hints, not words anyone wrote: a
/// muted word "damus" must not mute every event whose `p` tag carries a `wss://relay.damus.io`
/// hint.
pub fn is_reference_tag(name: &str) -> bool {
    matches!(
        name,
        "e" | "E" | "p" | "P" | "a" | "A" | "q" | "k" | "K" | "relay" | "relays"
    )
}

impl MuteSet {
    /// Reads a parsed NIP-51 mute list: its public items and, when decrypted, its private ones.
    pub fn from_list(list: &List) -> Self {
        let mut set = Self::default();
        for item in list.items() {
            match item {
                ListItem::Pubkey { pointer, .. } => {
                    set.pubkeys.insert(pointer.pubkey);
                }
                ListItem::Event { pointer } => {
                    set.event_ids.insert(pointer.id);
                }
                ListItem::Hashtag { tag } => {
                    set.hashtags.insert(tag.to_lowercase());
                }
                ListItem::Word { word } => set.add_word(word),
                _ => {}
            }
        }
        set
    }

    /// Reads a kind 10000 mute list event; with a decryptor for its author, the private items
    /// count too. Any other kind is a typed error.
    pub async fn from_event(
        event: &Event,
        decryptor: Option<&dyn Decryptor>,
    ) -> Result<Self, ParseError> {
        if event.kind != Kind(10000) {
            return Err(ParseError::new(
                event.kind,
                ParseErrorReason::InvalidTag("kind"),
            ));
        }
        let mut list = parse_list(event, ListKind::Mute);
        if let Some(d) = decryptor {
            list.decrypt(event, d).await;
        }
        Ok(Self::from_list(&list))
    }

    /// Adds a muted word (blank words are ignored: they would mute everything).
    pub fn add_word(&mut self, word: &str) {
        let w = word.trim().to_lowercase();
        if !w.is_empty() && !self.words.contains(&w) {
            self.words.push(w);
        }
    }

    /// Sets where muted words are looked for.
    pub fn with_word_scope(mut self, scope: WordScope) -> Self {
        self.word_scope = scope;
        self
    }

    /// Adds a muted hashtag.
    pub fn add_hashtag(&mut self, tag: &str) {
        let t = tag.trim().trim_start_matches('#').to_lowercase();
        if !t.is_empty() {
            self.hashtags.insert(t);
        }
    }

    /// True when nothing is muted.
    pub fn is_empty(&self) -> bool {
        self.pubkeys.is_empty()
            && self.event_ids.is_empty()
            && self.hashtags.is_empty()
            && self.words.is_empty()
    }

    /// True when `event` is muted.
    pub fn mutes(&self, event: &Event) -> bool {
        if self.pubkeys.contains(&event.pubkey) || self.event_ids.contains(&event.id) {
            return true;
        }
        for tag in &event.tags {
            let muted = match (tag.name(), tag.value()) {
                (Some("e"), Some(v)) if !self.event_ids.is_empty() => {
                    EventId::from_hex(v).is_ok_and(|id| self.event_ids.contains(&id))
                }
                (Some("t"), Some(v)) if !self.hashtags.is_empty() => self
                    .hashtags
                    .contains(v.trim_start_matches('#').to_lowercase().as_str()),
                _ => false,
            };
            if muted {
                return true;
            }
        }
        if self.words.is_empty() {
            return false;
        }
        if self.word_scope.content() && self.has_word(&event.content) {
            return true;
        }
        self.word_scope.tags()
            && event.tags.iter().any(|tag| {
                let values = tag.as_slice();
                values.first().is_some_and(|name| !is_reference_tag(name))
                    && values.iter().skip(1).any(|v| self.has_word(v))
            })
    }

    /// True when `text` holds a muted word, ignoring case.
    fn has_word(&self, text: &str) -> bool {
        if text.is_empty() {
            return false;
        }
        let text = text.to_lowercase();
        self.words.iter().any(|w| text.contains(w.as_str()))
    }
}

/// Drops muted events.
#[derive(Debug, Clone, Default)]
pub struct Mute {
    set: MuteSet,
}

impl Mute {
    /// A mute pipe over `set`.
    pub fn new(set: MuteSet) -> Self {
        Self { set }
    }

    /// Replaces what is muted (e.g. when a newer mute list arrives).
    pub fn replace(&mut self, set: MuteSet) {
        self.set = set;
    }

    /// Drops muted events; returns how many.
    pub fn apply(&self, items: &mut Vec<Item>) -> u64 {
        if self.set.is_empty() {
            return 0;
        }
        let before = items.len();
        items.retain(|i| !self.set.mutes(&i.event));
        (before - items.len()) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{EventBuilder, Keys, Tag};

    /// The real kind 3 list of testdata/corpus/contacts.json: `t` tags (`nashville`...) and a
    /// relay map in the content (`wss://nos.lol`...).
    fn real_contact_list() -> Event {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../testdata/corpus/contacts.json"
        );
        let text = std::fs::read_to_string(path).unwrap();
        let event: Event = serde_json::from_str(&text).unwrap();
        assert!(event.verify().is_ok());
        event
    }

    fn words(scope: WordScope, words: &[&str]) -> MuteSet {
        let mut set = MuteSet::default().with_word_scope(scope);
        for w in words {
            set.add_word(w);
        }
        set
    }

    #[test]
    fn words_match_content_tags_or_both() {
        let ev = real_contact_list();
        assert_eq!(MuteSet::default().word_scope, WordScope::Both);
        // Only in a `t` tag: the default mutes it, as the old library did.
        for (scope, muted) in [
            (WordScope::Both, true),
            (WordScope::Tags, true),
            (WordScope::Content, false),
        ] {
            assert_eq!(words(scope, &["NashVille"]).mutes(&ev), muted, "{scope:?}");
        }
        // Only in the content.
        for (scope, muted) in [
            (WordScope::Both, true),
            (WordScope::Tags, false),
            (WordScope::Content, true),
        ] {
            assert_eq!(words(scope, &["nos.lol"]).mutes(&ev), muted, "{scope:?}");
        }
        assert!(!words(WordScope::Both, &["not in there"]).mutes(&ev));
    }

    #[test]
    fn reference_tags_are_not_words() {
        let keys = Keys::generate();
        let id = "aa".repeat(32);
        let pk = keys.public_key().to_hex();
        let ev = EventBuilder::new(Kind(1), "hello")
            .tags([
                Tag::new(["e", &id, "wss://relay.damus.io", "root"]),
                Tag::new(["p", &pk, "wss://relay.damus.io"]),
                Tag::new(["a", &format!("30023:{pk}:damus-article")]),
                Tag::new(["subject", "Weekly Politics roundup"]),
                Tag::new(["imeta", "url https://x.io/a.jpg", "alt a spider on a wall"]),
            ])
            .sign(&keys);
        assert!(!words(WordScope::Both, &["damus"]).mutes(&ev));
        assert!(words(WordScope::Both, &["politics"]).mutes(&ev));
        assert!(words(WordScope::Tags, &["spider"]).mutes(&ev));
        assert!(!words(WordScope::Content, &["spider"]).mutes(&ev));
        assert!(is_reference_tag("p") && !is_reference_tag("t"));
    }
}
