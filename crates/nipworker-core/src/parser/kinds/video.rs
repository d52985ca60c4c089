//! NIP-71 video events, kind 21 (normal) and 22 (short): the `imeta` variants (one per
//! resolution or format, with thumbnails and fallbacks), duration, title, text tracks, chapters
//! (`segment`), participants, hashtags and references. The description goes to the content parser.

use serde::Serialize;

use super::content_hook::{ContentBlocks, content_blocks};
use super::error::{ParseError, ParseErrorReason, SkipReason, Skipped};
use super::picture::{content_warning, push_file, push_hashtag};
use super::pointers::{ProfilePointer, hint, non_blank, profile_pointer};
use crate::parser::content::{MediaFile, media_is_http_url, media_seconds_to_ms};
use crate::protocol::{Event, Kind, Timestamp};

/// Kind 21: a normal (mostly landscape) video.
pub const VIDEO: Kind = Kind(21);

/// Kind 22: a short (mostly portrait) video.
pub const SHORT_VIDEO: Kind = Kind(22);

/// Most text tracks, segments or references kept per event.
pub const MAX_VIDEO_ENTRIES: usize = 256;

/// A `text-track`: captions or subtitles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextTrack {
    /// Where the track file is (usually WebVTT).
    pub url: String,
    /// What it is (`captions`, `subtitles`, `chapters`...).
    pub track_type: Option<String>,
    /// Its language (`en`...).
    pub language: Option<String>,
}

/// A `segment`: a chapter of the video.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Start, in milliseconds from the beginning.
    pub start_ms: u64,
    /// End, in milliseconds from the beginning.
    pub end_ms: u64,
    /// The chapter's title.
    pub title: Option<String>,
    /// A preview image.
    pub thumbnail: Option<String>,
}

/// A parsed kind 21 or 22 video event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Video {
    /// Kind 22, a short video.
    pub short: bool,
    /// `title`.
    pub title: Option<String>,
    /// The `imeta` variants in tag order (see [`Video::variants_by_resolution`]).
    pub variants: Vec<MediaFile>,
    /// `published_at`.
    pub published_at: Option<Timestamp>,
    /// `alt`: description for accessibility.
    pub alt: Option<String>,
    /// Play time in milliseconds: the `duration` tag, else the first variant's.
    pub duration_ms: Option<u64>,
    /// NIP-36 `content-warning`: `Some` when present (the reason, maybe empty).
    pub content_warning: Option<String>,
    /// `text-track` tags.
    pub text_tracks: Vec<TextTrack>,
    /// `segment` tags (chapters), in tag order.
    pub segments: Vec<Segment>,
    /// `t` hashtags, lowercased.
    pub hashtags: Vec<String>,
    /// People in the video (`p`, with relay hints).
    pub participants: Vec<ProfilePointer>,
    /// `r` web references.
    pub references: Vec<String>,
    /// The description split into blocks by `parser::content`.
    #[serde(skip)]
    pub content_blocks: ContentBlocks,
    /// Tags left out, with why.
    pub skipped: Vec<Skipped>,
}

impl Video {
    /// The variants from the highest resolution down (unknown sizes last, tag order kept among
    /// equals), for players that pick a resolution.
    pub fn variants_by_resolution(&self) -> Vec<&MediaFile> {
        let mut out: Vec<&MediaFile> = self.variants.iter().collect();
        out.sort_by_key(|v| std::cmp::Reverse(v.dim.map(|(w, h)| u64::from(w) * u64::from(h))));
        out
    }
}

/// Parses a kind 21 or 22 event. Fails when no `imeta` tag holds a usable video URL.
pub fn parse_video(event: &Event) -> Result<Video, ParseError> {
    let mut v = Video {
        short: event.kind == SHORT_VIDEO,
        title: None,
        variants: Vec::new(),
        published_at: None,
        alt: None,
        duration_ms: None,
        content_warning: None,
        text_tracks: Vec::new(),
        segments: Vec::new(),
        hashtags: Vec::new(),
        participants: Vec::new(),
        references: Vec::new(),
        content_blocks: Vec::new(),
        skipped: Vec::new(),
    };
    let full = |n: usize| n >= MAX_VIDEO_ENTRIES;
    for (i, tag) in event.tags.iter().enumerate() {
        let skip = |skipped: &mut Vec<Skipped>, reason| skipped.push(Skipped::tag(i, reason));
        match tag.name() {
            Some("imeta") => push_file(&mut v.variants, &mut v.skipped, i, tag),
            Some("title") if v.title.is_none() => v.title = hint(tag, 1),
            Some("alt") if v.alt.is_none() => v.alt = hint(tag, 1),
            Some("published_at") if v.published_at.is_none() => {
                match non_blank(tag, 1).map(str::parse::<u64>) {
                    Some(Ok(t)) => v.published_at = Some(Timestamp(t)),
                    _ => skip(&mut v.skipped, SkipReason::InvalidNumber),
                }
            }
            Some("duration") if v.duration_ms.is_none() => {
                match non_blank(tag, 1).and_then(media_seconds_to_ms) {
                    Some(ms) => v.duration_ms = Some(ms),
                    None => skip(&mut v.skipped, SkipReason::InvalidNumber),
                }
            }
            Some("content-warning") if v.content_warning.is_none() => {
                v.content_warning = Some(content_warning(tag));
            }
            Some("text-track") if full(v.text_tracks.len()) => {
                skip(&mut v.skipped, SkipReason::OverLimit);
            }
            Some("text-track") => match non_blank(tag, 1).filter(|u| media_is_http_url(u)) {
                Some(url) => v.text_tracks.push(TextTrack {
                    url: url.to_owned(),
                    track_type: hint(tag, 2),
                    language: hint(tag, 3),
                }),
                None => skip(&mut v.skipped, SkipReason::InvalidUrl),
            },
            Some("segment") if full(v.segments.len()) => {
                skip(&mut v.skipped, SkipReason::OverLimit)
            }
            Some("segment") => {
                let start = non_blank(tag, 1).and_then(clock_to_ms);
                let end = non_blank(tag, 2).and_then(clock_to_ms);
                match (start, end) {
                    (Some(start_ms), Some(end_ms)) if start_ms <= end_ms => {
                        v.segments.push(Segment {
                            start_ms,
                            end_ms,
                            title: hint(tag, 3),
                            thumbnail: non_blank(tag, 4)
                                .filter(|u| media_is_http_url(u))
                                .map(str::to_owned),
                        });
                    }
                    _ => skip(&mut v.skipped, SkipReason::InvalidNumber),
                }
            }
            Some("t") => push_hashtag(&mut v.hashtags, &mut v.skipped, i, tag),
            Some("p") => match profile_pointer(tag) {
                Ok(p) => v.participants.push(p),
                Err(reason) => skip(&mut v.skipped, reason),
            },
            Some("r") if full(v.references.len()) => skip(&mut v.skipped, SkipReason::OverLimit),
            Some("r") => match non_blank(tag, 1).filter(|u| media_is_http_url(u)) {
                Some(url) => v.references.push(url.to_owned()),
                None => skip(&mut v.skipped, SkipReason::InvalidUrl),
            },
            _ => {}
        }
    }
    if v.variants.is_empty() {
        return Err(ParseError::new(
            event.kind,
            ParseErrorReason::MissingTag("imeta"),
        ));
    }
    if v.duration_ms.is_none() {
        v.duration_ms = v.variants.iter().find_map(|f| f.duration_ms);
    }
    v.content_blocks = content_blocks(event);
    Ok(v)
}

/// `HH:MM:SS.sss`, `MM:SS` or plain seconds to milliseconds.
fn clock_to_ms(s: &str) -> Option<u64> {
    let mut parts = s.rsplit(':');
    let mut ms = media_seconds_to_ms(parts.next()?)?;
    for unit in [60_000u64, 3_600_000] {
        let Some(part) = parts.next() else {
            return Some(ms);
        };
        if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        ms = ms.checked_add(part.parse::<u64>().ok()?.checked_mul(unit)?)?;
    }
    parts.next().is_none().then_some(ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{EventBuilder, Keys, Tag};

    #[test]
    fn reads_variants_tracks_and_chapters() {
        let pk = Keys::generate().public_key().to_hex();
        let ev = EventBuilder::new(SHORT_VIDEO, "My clip")
            .tags([
                Tag::new(["title", "Clip"]),
                Tag::new([
                    "imeta",
                    "dim 720x1280",
                    "url https://v.io/720/a.mp4",
                    "m video/mp4",
                    "image https://v.io/720/a.jpg",
                    "duration 61.5",
                ]),
                Tag::new([
                    "imeta",
                    "dim 1080x1920",
                    "url https://v.io/1080/a.mp4",
                    "fallback https://mirror.io/1080/a.mp4",
                    "service nip96",
                ]),
                Tag::new([
                    "imeta",
                    "url https://v.io/a.m3u8",
                    "m application/x-mpegURL",
                ]),
                Tag::new(["published_at", "1700000000"]),
                Tag::new(["alt", "A cat"]),
                Tag::new(["content-warning", "loud"]),
                Tag::new(["text-track", "https://v.io/a.vtt", "captions", "en"]),
                Tag::new(["text-track", "not a url"]),
                Tag::new([
                    "segment",
                    "00:00:00.000",
                    "00:01:00",
                    "Intro",
                    "https://v.io/i.jpg",
                ]),
                Tag::new(["segment", "1:00", "61.5"]),
                Tag::new(["segment", "00:02:00", "00:01:00"]),
                Tag::new(["t", "Cats"]),
                Tag::new(["p", &pk, "wss://r.io"]),
                Tag::new(["r", "https://cats.example"]),
            ])
            .sign(&Keys::generate());
        let v = parse_video(&ev).unwrap();
        assert!(v.short);
        assert_eq!(v.title.as_deref(), Some("Clip"));
        assert_eq!(v.variants.len(), 3);
        let by_res: Vec<_> = v
            .variants_by_resolution()
            .iter()
            .map(|f| f.url.as_str())
            .collect();
        assert_eq!(
            by_res,
            vec![
                "https://v.io/1080/a.mp4",
                "https://v.io/720/a.mp4",
                "https://v.io/a.m3u8"
            ]
        );
        assert_eq!(v.variants[0].thumbnails, vec!["https://v.io/720/a.jpg"]);
        assert_eq!(v.duration_ms, Some(61_500), "from the first variant");
        assert_eq!(v.published_at, Some(Timestamp(1_700_000_000)));
        assert_eq!(v.alt.as_deref(), Some("A cat"));
        assert_eq!(v.content_warning.as_deref(), Some("loud"));
        assert_eq!(v.text_tracks.len(), 1);
        assert_eq!(v.text_tracks[0].language.as_deref(), Some("en"));
        assert_eq!(v.segments.len(), 2);
        assert_eq!(v.segments[0].end_ms, 60_000);
        assert_eq!(v.segments[0].title.as_deref(), Some("Intro"));
        assert_eq!(v.segments[1].start_ms, 60_000);
        assert_eq!(v.segments[1].end_ms, 61_500);
        assert_eq!(v.hashtags, vec!["cats"]);
        assert_eq!(v.participants[0].pubkey.to_hex(), pk);
        assert_eq!(v.references, vec!["https://cats.example"]);
        let reasons: Vec<_> = v.skipped.iter().map(|s| s.reason).collect();
        assert_eq!(
            reasons,
            vec![SkipReason::InvalidUrl, SkipReason::InvalidNumber]
        );

        let long = EventBuilder::new(VIDEO, "")
            .tags([
                Tag::new(["imeta", "url https://v.io/b.mp4", "duration 5"]),
                Tag::new(["duration", "300"]),
            ])
            .sign(&Keys::generate());
        let v = parse_video(&long).unwrap();
        assert!(!v.short);
        assert_eq!(
            v.duration_ms,
            Some(300_000),
            "the tag wins over the variant"
        );

        let none = EventBuilder::new(VIDEO, "").sign(&Keys::generate());
        let err = parse_video(&none).unwrap_err();
        assert_eq!(
            err,
            ParseError::new(VIDEO, ParseErrorReason::MissingTag("imeta"))
        );
    }

    #[test]
    fn clock_times() {
        for (s, ms) in [
            ("00:00:01.5", Some(1_500)),
            ("01:02:03", Some(3_723_000)),
            ("2:03", Some(123_000)),
            ("45.25", Some(45_250)),
            ("1:2:3:4", None),
            ("a:00", None),
            (":00", None),
            ("", None),
        ] {
            assert_eq!(clock_to_ms(s), ms, "{s:?}");
        }
    }
}
