//! Mute pipe: drops events by muted authors, muted event ids (and replies to them), muted
//! hashtags and muted words, given directly or read from a NIP-51 mute list (kind 10000, public
//! and decrypted private items). It applies to cached and live events alike.

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
    /// Words or phrases in the content, compared case-insensitively.
    pub words: Vec<String>,
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
        if !self.words.is_empty() {
            let content = event.content.to_lowercase();
            if self.words.iter().any(|w| content.contains(w.as_str())) {
                return true;
            }
        }
        false
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
