//! NIP-68 kind 20 picture events: every `imeta` image (url, type, size, blurhash, alt, hash,
//! fallbacks), the title, a content warning, the location, hashtags and tagged people. The
//! description in the content goes to the content parser. The `imeta` readers here serve NIP-71
//! videos too.

use serde::Serialize;

use super::content_hook::{ContentBlocks, content_blocks};
use super::error::{ParseError, ParseErrorReason, SkipReason, Skipped};
use super::pointers::{ProfilePointer, hint, non_blank, profile_pointer};
use crate::parser::content::{MediaFile, MediaFileError};
use crate::protocol::{Event, Kind, Tag};

/// Kind 20.
pub const PICTURE: Kind = Kind(20);

/// Most `imeta` files kept per event.
pub const MAX_MEDIA_FILES: usize = 64;

/// A parsed kind 20 picture event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Picture {
    /// `title`.
    pub title: Option<String>,
    /// Every readable `imeta` image, in tag order.
    pub images: Vec<MediaFile>,
    /// NIP-36 `content-warning`: `Some` when present (the reason, maybe empty).
    pub content_warning: Option<String>,
    /// `location`: a place name.
    pub location: Option<String>,
    /// `g`: a geohash.
    pub geohash: Option<String>,
    /// `t` hashtags, lowercased.
    pub hashtags: Vec<String>,
    /// People in the picture or tagged (`p`).
    pub people: Vec<ProfilePointer>,
    /// The description split into blocks by `parser::content`.
    #[serde(skip)]
    pub content_blocks: ContentBlocks,
    /// Tags left out, with why.
    pub skipped: Vec<Skipped>,
}

/// Parses a kind 20 event. Fails when no `imeta` tag holds a usable image URL (NIP-68 makes
/// them the event's subject).
pub fn parse_picture(event: &Event) -> Result<Picture, ParseError> {
    let mut pic = Picture {
        title: None,
        images: Vec::new(),
        content_warning: None,
        location: None,
        geohash: None,
        hashtags: Vec::new(),
        people: Vec::new(),
        content_blocks: Vec::new(),
        skipped: Vec::new(),
    };
    for (i, tag) in event.tags.iter().enumerate() {
        match tag.name() {
            Some("imeta") => push_file(&mut pic.images, &mut pic.skipped, i, tag),
            Some("title") if pic.title.is_none() => pic.title = hint(tag, 1),
            Some("location") if pic.location.is_none() => pic.location = hint(tag, 1),
            Some("g") if pic.geohash.is_none() => pic.geohash = hint(tag, 1),
            Some("content-warning") if pic.content_warning.is_none() => {
                pic.content_warning = Some(content_warning(tag));
            }
            Some("t") => push_hashtag(&mut pic.hashtags, &mut pic.skipped, i, tag),
            Some("p") => match profile_pointer(tag) {
                Ok(p) => pic.people.push(p),
                Err(reason) => pic.skipped.push(Skipped::tag(i, reason)),
            },
            _ => {}
        }
    }
    if pic.images.is_empty() {
        return Err(ParseError::new(
            PICTURE,
            ParseErrorReason::MissingTag("imeta"),
        ));
    }
    pic.content_blocks = content_blocks(event);
    Ok(pic)
}

/// Reads one `imeta` tag into `files`, or records why not.
pub(crate) fn push_file(
    files: &mut Vec<MediaFile>,
    skipped: &mut Vec<Skipped>,
    index: usize,
    tag: &Tag,
) {
    if files.len() >= MAX_MEDIA_FILES {
        skipped.push(Skipped::tag(index, SkipReason::OverLimit));
        return;
    }
    match MediaFile::from_tag(tag) {
        Ok(file) => files.push(file),
        Err(MediaFileError::MissingUrl | MediaFileError::NotImeta) => {
            skipped.push(Skipped::tag(index, SkipReason::MissingValue));
        }
        Err(MediaFileError::InvalidUrl) => {
            skipped.push(Skipped::tag(index, SkipReason::InvalidUrl))
        }
    }
}

/// Reads a `t` tag into `hashtags`, lowercased and without a leading `#` (NIP-24).
pub(crate) fn push_hashtag(
    hashtags: &mut Vec<String>,
    skipped: &mut Vec<Skipped>,
    index: usize,
    tag: &Tag,
) {
    match non_blank(tag, 1) {
        Some(t) => hashtags.push(t.trim_start_matches('#').to_lowercase()),
        None => skipped.push(Skipped::tag(index, SkipReason::MissingValue)),
    }
}

/// The reason of a NIP-36 `content-warning` tag ("" when it gives none).
pub(crate) fn content_warning(tag: &Tag) -> String {
    non_blank(tag, 1).unwrap_or("").to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::content::BlockKind;
    use crate::protocol::{EventBuilder, Keys};

    #[test]
    fn reads_every_image_and_the_post_around_it() {
        let pk = Keys::generate().public_key().to_hex();
        let ev = EventBuilder::new(PICTURE, "Sunset at the coast #travel")
            .tags([
                Tag::new(["title", "Costa Rica"]),
                Tag::new([
                    "imeta",
                    "url https://nostr.build/i/1.jpg",
                    "m image/jpeg",
                    "blurhash eVF$^OI:${M{o#*0-nNFxakD-?xVM}WEWB%iNKxvR-oetmo#R-aen$",
                    "dim 3024x4032",
                    "alt A scenic photo",
                    "x 5d2899290e0e69bcd809949ee516a4a1597205390878f780c098707a7f18e3df",
                    "fallback https://nostrcheck.me/alt1.jpg",
                ]),
                Tag::new(["imeta", "url https://nostr.build/i/2.png"]),
                Tag::new(["imeta", "m image/png"]),
                Tag::new(["content-warning"]),
                Tag::new(["location", "Nosara"]),
                Tag::new(["g", "d1u0"]),
                Tag::new(["t", "#Travel"]),
                Tag::new(["p", &pk, "wss://r.io"]),
            ])
            .sign(&Keys::generate());
        let pic = parse_picture(&ev).unwrap();
        assert_eq!(pic.title.as_deref(), Some("Costa Rica"));
        assert_eq!(pic.images.len(), 2);
        let first = &pic.images[0];
        assert_eq!(first.dim, Some((3024, 4032)));
        assert_eq!(first.alt.as_deref(), Some("A scenic photo"));
        assert_eq!(first.fallbacks, vec!["https://nostrcheck.me/alt1.jpg"]);
        assert!(first.blurhash.is_some() && first.sha256.is_some());
        assert_eq!(pic.images[1].mime, None);
        assert_eq!(pic.content_warning.as_deref(), Some(""));
        assert_eq!(pic.location.as_deref(), Some("Nosara"));
        assert_eq!(pic.geohash.as_deref(), Some("d1u0"));
        assert_eq!(pic.hashtags, vec!["travel"]);
        assert_eq!(pic.people[0].pubkey.to_hex(), pk);
        assert_eq!(pic.skipped, vec![Skipped::tag(3, SkipReason::MissingValue)]);
        assert!(
            pic.content_blocks
                .iter()
                .any(|b| matches!(b.kind, BlockKind::Hashtag { .. }))
        );
    }

    #[test]
    fn hostile_pictures_are_bounded() {
        let tags: Vec<Tag> = (0..MAX_MEDIA_FILES + 3)
            .map(|i| Tag::new(["imeta", &format!("url https://i.io/{i}.jpg")]))
            .collect();
        let ev = EventBuilder::new(PICTURE, "")
            .tags(tags)
            .sign(&Keys::generate());
        let pic = parse_picture(&ev).unwrap();
        assert_eq!(pic.images.len(), MAX_MEDIA_FILES);
        assert_eq!(
            pic.skipped,
            (MAX_MEDIA_FILES..MAX_MEDIA_FILES + 3)
                .map(|i| Skipped::tag(i, SkipReason::OverLimit))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn no_image_is_an_error() {
        let ev = EventBuilder::new(PICTURE, "")
            .tag(Tag::new(["imeta", "url javascript:alert(1)"]))
            .sign(&Keys::generate());
        assert_eq!(
            parse_picture(&ev).unwrap_err().reason,
            ParseErrorReason::MissingTag("imeta")
        );
    }
}
