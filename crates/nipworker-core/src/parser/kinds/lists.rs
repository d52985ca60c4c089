//! NIP-51 lists and sets: public items from tags, private items from the encrypted content
//! (a JSON array shaped like `tags`), decrypted only when the signer is the list's author.

use serde::Serialize;

use super::decrypt::{Decryptor, Encrypted};
use super::error::{SkipReason, Skipped};
use super::pointers::{
    AddressPointer, EventPointer, ProfilePointer, address_pointer, event_pointer, hint, non_blank,
    profile_pointer,
};
use crate::protocol::normalize_relay_url;
use crate::protocol::{Event, Kind, Tag};

/// Which NIP-51 list or set an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    /// 10000: things the user does not want to see.
    Mute,
    /// 10001: pinned notes.
    Pin,
    /// 10003: bookmarks.
    Bookmarks,
    /// 10004: NIP-72 communities.
    Communities,
    /// 10005: NIP-28 public chats.
    PublicChats,
    /// 10006: relays never to connect to.
    BlockedRelays,
    /// 10007: relays for search.
    SearchRelays,
    /// 10009: NIP-29 simple groups.
    SimpleGroups,
    /// 10012: favorite relays and relay sets (relay feeds).
    RelayFeeds,
    /// 10015: interests (hashtags and interest sets).
    Interests,
    /// 10020: media follows.
    MediaFollows,
    /// 10030: preferred emojis and emoji sets.
    Emojis,
    /// 10050: NIP-17 DM relays.
    DmRelays,
    /// 10101: NIP-54 good wiki authors.
    GoodWikiAuthors,
    /// 10102: NIP-54 good wiki relays.
    GoodWikiRelays,
    /// 30000: follow sets.
    FollowSet,
    /// 30001: the deprecated generic list (`d` = mute, pin, bookmark...).
    GenericList,
    /// 30002: relay sets.
    RelaySet,
    /// 30003: bookmark sets.
    BookmarkSet,
    /// 30004: curation sets of articles and notes.
    ArticleCurationSet,
    /// 30005: curation sets of videos.
    VideoCurationSet,
    /// 30006: curation sets of pictures.
    PictureCurationSet,
    /// 30007: kind mute sets (`d` is the muted kind).
    KindMuteSet,
    /// 30015: interest sets.
    InterestSet,
    /// 30030: emoji sets.
    EmojiSet,
    /// 30037: music playlists.
    MusicPlaylist,
    /// 30038: podcast playlists.
    PodcastPlaylist,
    /// 30063: release artifact sets.
    ReleaseArtifactSet,
    /// 30267: app curation sets.
    AppCurationSet,
    /// 39089: starter packs.
    StarterPack,
    /// 39092: media starter packs.
    MediaStarterPack,
}

impl ListKind {
    /// The list kind of an event kind, if it is a NIP-51 list or set.
    pub const fn from_kind(kind: Kind) -> Option<Self> {
        Some(match kind.0 {
            10000 => Self::Mute,
            10001 => Self::Pin,
            10003 => Self::Bookmarks,
            10004 => Self::Communities,
            10005 => Self::PublicChats,
            10006 => Self::BlockedRelays,
            10007 => Self::SearchRelays,
            10009 => Self::SimpleGroups,
            10012 => Self::RelayFeeds,
            10015 => Self::Interests,
            10020 => Self::MediaFollows,
            10030 => Self::Emojis,
            10050 => Self::DmRelays,
            10101 => Self::GoodWikiAuthors,
            10102 => Self::GoodWikiRelays,
            30000 => Self::FollowSet,
            30001 => Self::GenericList,
            30002 => Self::RelaySet,
            30003 => Self::BookmarkSet,
            30004 => Self::ArticleCurationSet,
            30005 => Self::VideoCurationSet,
            30006 => Self::PictureCurationSet,
            30007 => Self::KindMuteSet,
            30015 => Self::InterestSet,
            30030 => Self::EmojiSet,
            30037 => Self::MusicPlaylist,
            30038 => Self::PodcastPlaylist,
            30063 => Self::ReleaseArtifactSet,
            30267 => Self::AppCurationSet,
            39089 => Self::StarterPack,
            39092 => Self::MediaStarterPack,
            _ => return None,
        })
    }

    /// True for sets (addressable, several per user, named by `d`).
    pub const fn is_set(self) -> bool {
        !matches!(
            self,
            Self::Mute
                | Self::Pin
                | Self::Bookmarks
                | Self::Communities
                | Self::PublicChats
                | Self::BlockedRelays
                | Self::SearchRelays
                | Self::SimpleGroups
                | Self::RelayFeeds
                | Self::Interests
                | Self::MediaFollows
                | Self::Emojis
                | Self::DmRelays
                | Self::GoodWikiAuthors
                | Self::GoodWikiRelays
        )
    }
}

/// One item of a list.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum ListItem {
    /// `p`: a profile (with an optional petname, as kind 3 writes it).
    Pubkey {
        /// The profile.
        pointer: ProfilePointer,
        /// A local name.
        petname: Option<String>,
    },
    /// `e`: an event.
    Event {
        /// The event.
        pointer: EventPointer,
    },
    /// `a`: an addressable event or another list.
    Address {
        /// The address.
        pointer: AddressPointer,
    },
    /// `t`: a hashtag, lowercased.
    Hashtag {
        /// The hashtag without `#`.
        tag: String,
    },
    /// `word`: a muted word, lowercased.
    Word {
        /// The word.
        word: String,
    },
    /// `relay`: a relay URL, normalized.
    Relay {
        /// The URL.
        url: String,
    },
    /// `r`: a web URL (bookmarks).
    Url {
        /// The URL as written.
        url: String,
    },
    /// `group`: a NIP-29 group id with its relay.
    Group {
        /// The group id.
        id: String,
        /// The group's relay.
        relay: Option<String>,
        /// The group's name.
        name: Option<String>,
    },
    /// `emoji`: a NIP-30 custom emoji.
    Emoji {
        /// The shortcode.
        shortcode: String,
        /// The image URL.
        url: String,
    },
    /// Any other tag, kept as written (`i`, `version`, `k`...).
    Other {
        /// The tag.
        tag: Tag,
    },
}

/// A parsed NIP-51 list or set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct List {
    /// Which list.
    pub list_kind: ListKind,
    /// The `d` tag (sets), `None` for standard lists.
    pub identifier: Option<String>,
    /// `title` (falls back to the deprecated `name`).
    pub title: Option<String>,
    /// `description` (falls back to `about`).
    pub description: Option<String>,
    /// `image` (falls back to `picture`).
    pub image: Option<String>,
    /// Public items, in tag order.
    pub public: Vec<ListItem>,
    /// Private items from the encrypted content.
    pub private: Encrypted<Vec<ListItem>>,
    /// Entries left out, with why (public and, once decrypted, private).
    pub skipped: Vec<Skipped>,
}

impl List {
    /// Public items, then private ones when decrypted.
    pub fn items(&self) -> impl Iterator<Item = &ListItem> {
        self.public
            .iter()
            .chain(self.private.value().into_iter().flatten())
    }

    /// Decrypts the private items when the signer is the author (NIP-51 encrypts to self).
    pub async fn decrypt(&mut self, event: &Event, decryptor: &dyn Decryptor) {
        if !self.private.is_sealed() {
            return;
        }
        if decryptor.public_key() != event.pubkey {
            self.private.not_a_party();
            return;
        }
        let mut private_skipped = Vec::new();
        self.private
            .open(decryptor, &event.pubkey, &event.content, |plain| {
                let tags: Vec<Tag> = serde_json::from_str(plain).ok()?;
                Some(read_items(
                    &tags,
                    &mut private_skipped,
                    Skipped::private_tag,
                ))
            })
            .await;
        self.skipped.append(&mut private_skipped);
    }
}

/// Parses a NIP-51 list event (`kind` must be one `ListKind::from_kind` knows).
pub fn parse_list(event: &Event, list_kind: ListKind) -> List {
    let mut skipped = Vec::new();
    let public = read_items(&event.tags, &mut skipped, Skipped::tag);
    let first = |names: &[&str]| {
        names.iter().find_map(|n| {
            event
                .tags_named(n)
                .find_map(|t| non_blank(t, 1))
                .map(str::to_owned)
        })
    };
    List {
        list_kind,
        identifier: list_kind.is_set().then(|| event.d_tag().to_owned()),
        title: first(&["title", "name"]),
        description: first(&["description", "about"]),
        image: first(&["image", "picture"]),
        public,
        private: Encrypted::from_content(&event.content),
        skipped,
    }
}

/// Most items a list keeps in each part (public tags, decrypted tags). Items are mostly `p` tags of
/// at least 73 bytes, so a 1 MiB event (the largest most relays store) holds about 14,000: the cap
/// never cuts a list a relay would keep, yet bounds what a permissive relay can make us hold. The
/// rest are skipped as [`SkipReason::OverLimit`].
pub const MAX_LIST_ITEMS: usize = 50_000;

/// Tags that describe the list itself rather than being items.
const METADATA_TAGS: &[&str] = &[
    "d",
    "title",
    "name",
    "description",
    "about",
    "image",
    "picture",
    "alt",
    "client",
    "expiration",
];

fn read_items(
    tags: &[Tag],
    skipped: &mut Vec<Skipped>,
    at: fn(usize, SkipReason) -> Skipped,
) -> Vec<ListItem> {
    let mut items = Vec::with_capacity(tags.len().min(MAX_LIST_ITEMS));
    for (i, tag) in tags.iter().enumerate() {
        let Some(name) = tag.name() else { continue };
        if METADATA_TAGS.contains(&name) {
            continue;
        }
        if items.len() >= MAX_LIST_ITEMS {
            skipped.push(at(i, SkipReason::OverLimit));
            continue;
        }
        match item(name, tag) {
            Ok(item) => items.push(item),
            Err(reason) => skipped.push(at(i, reason)),
        }
    }
    items
}

fn item(name: &str, tag: &Tag) -> Result<ListItem, SkipReason> {
    let value = || non_blank(tag, 1).ok_or(SkipReason::MissingValue);
    Ok(match name {
        "p" => ListItem::Pubkey {
            pointer: profile_pointer(tag)?,
            petname: hint(tag, 3),
        },
        "e" => ListItem::Event {
            pointer: event_pointer(tag, 3)?,
        },
        "a" => ListItem::Address {
            pointer: address_pointer(tag)?,
        },
        "t" => ListItem::Hashtag {
            tag: value()?.trim_start_matches('#').to_lowercase(),
        },
        "word" => ListItem::Word {
            word: value()?.to_lowercase(),
        },
        "relay" => ListItem::Relay {
            url: normalize_relay_url(value()?).map_err(|_| SkipReason::InvalidRelayUrl)?,
        },
        "r" => ListItem::Url {
            url: value()?.to_owned(),
        },
        "group" => ListItem::Group {
            id: value()?.to_owned(),
            relay: hint(tag, 2),
            name: hint(tag, 3),
        },
        "emoji" => ListItem::Emoji {
            shortcode: value()?.to_owned(),
            url: non_blank(tag, 2)
                .ok_or(SkipReason::MissingValue)?
                .to_owned(),
        },
        _ => ListItem::Other { tag: tag.clone() },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::kinds::decrypt::testing::{FakeDecryptor, seal};
    use crate::parser::kinds::decrypt::{EncryptionScheme, SealedReason};
    use crate::parser::kinds::error::EntryLocation;
    use crate::protocol::{EventBuilder, Keys};

    #[test]
    fn every_kind_in_the_table_maps() {
        let kinds = [
            10000, 10001, 10003, 10004, 10005, 10006, 10007, 10009, 10012, 10015, 10020, 10030,
            10050, 10101, 10102, 30000, 30001, 30002, 30003, 30004, 30005, 30006, 30007, 30015,
            30030, 30037, 30038, 30063, 30267, 39089, 39092,
        ];
        for k in kinds {
            let lk = ListKind::from_kind(Kind(k)).unwrap();
            assert_eq!(lk.is_set(), k >= 30000, "{k}");
        }
        for k in [10002, 10019, 10013, 3, 30023] {
            assert_eq!(ListKind::from_kind(Kind(k)), None, "{k}");
        }
    }

    #[tokio::test]
    async fn mute_list_public_and_private_items() {
        let me = Keys::generate();
        let muted = Keys::generate().public_key();
        let private = serde_json::to_string(&vec![
            Tag::new(["p", &muted.to_hex()]),
            Tag::new(["word", "Spam"]),
            Tag::new(["p", "bad"]),
        ])
        .unwrap();
        for scheme in [EncryptionScheme::Nip44, EncryptionScheme::Nip04] {
            let ev = EventBuilder::new(Kind(10000), seal(scheme, &private))
                .tags([
                    Tag::new(["p", &muted.to_hex(), "wss://m.io", "spammer"]),
                    Tag::new(["t", "#NSFW"]),
                    Tag::new(["word", "Crypto"]),
                    Tag::new(["e", &hex::encode([3u8; 32])]),
                    Tag::new(["e", "short"]),
                ])
                .sign(&me);
            let mut list = parse_list(&ev, ListKind::Mute);
            assert_eq!(list.identifier, None);
            assert_eq!(
                list.private,
                Encrypted::Sealed {
                    scheme,
                    reason: SealedReason::NoDecryptor
                }
            );
            assert_eq!(list.public.len(), 4);
            assert_eq!(
                list.public[0],
                ListItem::Pubkey {
                    pointer: ProfilePointer {
                        pubkey: muted,
                        relay: Some("wss://m.io".into())
                    },
                    petname: Some("spammer".into())
                }
            );
            assert_eq!(list.public[1], ListItem::Hashtag { tag: "nsfw".into() });
            assert_eq!(
                list.public[2],
                ListItem::Word {
                    word: "crypto".into()
                }
            );

            // Someone else's signer is not asked.
            let other = FakeDecryptor::new(Keys::generate().public_key());
            let mut theirs = list.clone();
            theirs.decrypt(&ev, &other).await;
            assert!(other.calls().is_empty());
            assert!(theirs.private.is_encrypted());

            let dec = FakeDecryptor::new(me.public_key());
            list.decrypt(&ev, &dec).await;
            assert_eq!(dec.calls(), vec![(scheme, me.public_key())]);
            let private = list.private.value().unwrap();
            assert_eq!(private.len(), 2);
            assert_eq!(
                private[1],
                ListItem::Word {
                    word: "spam".into()
                }
            );
            assert_eq!(list.items().count(), 6);
            let locations: Vec<_> = list.skipped.iter().map(|s| s.location).collect();
            assert_eq!(
                locations,
                vec![EntryLocation::Tag(4), EntryLocation::PrivateTag(2)]
            );
        }
    }

    #[test]
    fn set_metadata_and_other_item_types() {
        let keys = Keys::generate();
        let coord = format!("30030:{}:cats", keys.public_key());
        let ev = EventBuilder::new(Kind(30002), "")
            .tags([
                Tag::new(["d", "fast"]),
                Tag::new(["name", "Old name"]),
                Tag::new(["title", "Fast relays"]),
                Tag::new(["about", "desc"]),
                Tag::new(["picture", "https://i.io/x.png"]),
                Tag::new(["relay", "WSS://Fast.io/"]),
                Tag::new(["relay", "http://nope"]),
                Tag::new(["r", "https://example.com/page"]),
                Tag::new(["group", "abc", "wss://g.io", "Group"]),
                Tag::new(["emoji", "cat", "https://e.io/cat.png"]),
                Tag::new(["emoji", "nourl"]),
                Tag::new(["a", &coord]),
                Tag::new(["version", "1.0"]),
            ])
            .sign(&keys);
        let list = parse_list(&ev, ListKind::RelaySet);
        assert_eq!(list.identifier.as_deref(), Some("fast"));
        assert_eq!(list.title.as_deref(), Some("Fast relays"));
        assert_eq!(list.description.as_deref(), Some("desc"));
        assert_eq!(list.image.as_deref(), Some("https://i.io/x.png"));
        assert_eq!(list.private, Encrypted::Empty);
        assert_eq!(
            list.public,
            vec![
                ListItem::Relay {
                    url: "wss://fast.io".into()
                },
                ListItem::Url {
                    url: "https://example.com/page".into()
                },
                ListItem::Group {
                    id: "abc".into(),
                    relay: Some("wss://g.io".into()),
                    name: Some("Group".into())
                },
                ListItem::Emoji {
                    shortcode: "cat".into(),
                    url: "https://e.io/cat.png".into()
                },
                ListItem::Address {
                    pointer: address_pointer(&Tag::new(["a", &coord])).unwrap()
                },
                ListItem::Other {
                    tag: Tag::new(["version", "1.0"])
                },
            ]
        );
        let reasons: Vec<_> = list.skipped.iter().map(|s| s.reason).collect();
        assert_eq!(
            reasons,
            vec![SkipReason::InvalidRelayUrl, SkipReason::MissingValue]
        );
    }

    #[tokio::test]
    async fn unreadable_private_json_is_a_typed_failure() {
        let me = Keys::generate();
        let ev =
            EventBuilder::new(Kind(10003), seal(EncryptionScheme::Nip44, "{not tags}")).sign(&me);
        let mut list = parse_list(&ev, ListKind::Bookmarks);
        list.decrypt(&ev, &FakeDecryptor::new(me.public_key()))
            .await;
        assert_eq!(
            list.private,
            Encrypted::Failed {
                scheme: EncryptionScheme::Nip44,
                failure: crate::parser::kinds::decrypt::DecryptFailure::InvalidPlaintext
            }
        );
    }

    /// A list past [`MAX_LIST_ITEMS`] keeps the first items in order and counts the rest.
    #[test]
    fn long_list_is_capped() {
        let n = MAX_LIST_ITEMS + 10;
        let tags: Vec<Tag> = (0..n)
            .map(|i| Tag::new(["t".to_string(), format!("t{i}")]))
            .collect();
        let ev = EventBuilder::new(Kind(10015), "")
            .tags(tags)
            .sign(&Keys::generate());
        let list = parse_list(&ev, ListKind::Interests);
        assert_eq!(list.public.len(), MAX_LIST_ITEMS);
        assert_eq!(
            list.public.last(),
            Some(&ListItem::Hashtag {
                tag: format!("t{}", MAX_LIST_ITEMS - 1)
            })
        );
        assert_eq!(list.skipped.len(), 10);
        assert_eq!(
            list.skipped[0].location,
            EntryLocation::Tag(MAX_LIST_ITEMS as u32)
        );
        assert!(
            list.skipped
                .iter()
                .all(|s| s.reason == SkipReason::OverLimit)
        );
    }
}
