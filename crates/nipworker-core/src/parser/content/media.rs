//! What a URL points at (image, video, audio, or a plain link), from NIP-92 `imeta` tags when the
//! event has one for the URL, else from the path's file extension. Also reads whole `imeta` tags
//! into owned [`MediaFile`]s: the files of picture and video events, and the details of media
//! blocks in notes.

use serde::Serialize;
use thiserror::Error;

use crate::protocol::Tag;

/// The kind of resource a URL points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MediaKind {
    /// Shown inline as a picture.
    Image,
    /// Shown inline as a player.
    Video,
    /// Shown inline as an audio player.
    Audio,
    /// Anything else: a link.
    Link,
}

impl MediaKind {
    /// Classifies a MIME type (`image/*`, `video/*`, `audio/*`); `None` for anything else.
    pub fn from_mime(mime: &str) -> Option<Self> {
        let top = mime.split('/').next()?.trim();
        if top.eq_ignore_ascii_case("image") {
            Some(Self::Image)
        } else if top.eq_ignore_ascii_case("video") {
            Some(Self::Video)
        } else if top.eq_ignore_ascii_case("audio") {
            Some(Self::Audio)
        } else {
            None
        }
    }

    /// Classifies an http(s) URL by the extension of its path's last segment.
    pub fn from_url(url: &str) -> Self {
        let Some(ext) = extension(url) else {
            return Self::Link;
        };
        let mut buf = [0u8; 8];
        let Some(lower) = buf.get_mut(..ext.len()) else {
            return Self::Link;
        };
        lower.copy_from_slice(ext.as_bytes());
        lower.make_ascii_lowercase();
        match &*lower {
            b"jpg" | b"jpeg" | b"png" | b"gif" | b"webp" | b"avif" | b"svg" | b"bmp" | b"heic"
            | b"heif" | b"jxl" | b"apng" => Self::Image,
            b"mp4" | b"mov" | b"webm" | b"m4v" | b"mkv" | b"m3u8" | b"ogv" | b"avi" => Self::Video,
            b"mp3" | b"wav" | b"ogg" | b"oga" | b"m4a" | b"flac" | b"aac" | b"opus" | b"weba" => {
                Self::Audio
            }
            _ => Self::Link,
        }
    }
}

/// The extension of the last path segment, without query or fragment.
fn extension(url: &str) -> Option<&str> {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    let end = after_scheme.find(['?', '#']).unwrap_or(after_scheme.len());
    let path_and_host = after_scheme.get(..end)?;
    // No '/' after the host: no path, so no file extension.
    let (_, path) = path_and_host.split_once('/')?;
    let segment = path.rsplit('/').next()?;
    let (_, ext) = segment.rsplit_once('.')?;
    (!ext.is_empty()).then_some(ext)
}

/// The fields of one NIP-92 `imeta` tag, borrowed from the tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MediaMeta<'a> {
    /// `url`
    pub url: Option<&'a str>,
    /// `m`: MIME type.
    pub mime: Option<&'a str>,
    /// `dim`: width and height in pixels.
    pub dim: Option<(u32, u32)>,
    /// `blurhash`
    pub blurhash: Option<&'a str>,
    /// `alt`: description for accessibility.
    pub alt: Option<&'a str>,
    /// `x`: SHA-256 of the file, hex.
    pub sha256: Option<&'a str>,
}

impl<'a> MediaMeta<'a> {
    /// Reads an `imeta` tag (`["imeta", "url https://...", "m image/jpeg", ...]`); `None` when the
    /// tag is not `imeta`. Unknown and repeated keys are ignored (the first wins).
    pub fn from_tag(tag: &'a Tag) -> Option<Self> {
        if tag.name() != Some("imeta") {
            return None;
        }
        let mut meta = MediaMeta::default();
        for entry in tag.as_slice().iter().skip(1) {
            let Some((key, value)) = entry.split_once(' ') else {
                continue;
            };
            let slot = match key {
                "url" => &mut meta.url,
                "m" => &mut meta.mime,
                "blurhash" => &mut meta.blurhash,
                "alt" => &mut meta.alt,
                "x" => &mut meta.sha256,
                "dim" => {
                    if meta.dim.is_none() {
                        meta.dim = parse_dim(value);
                    }
                    continue;
                }
                _ => continue,
            };
            if slot.is_none() {
                *slot = Some(value);
            }
        }
        Some(meta)
    }

    /// The media kind the tag declares through its MIME type.
    pub fn kind(&self) -> Option<MediaKind> {
        self.mime.and_then(MediaKind::from_mime)
    }
}

/// Most `fallback` or `image` entries kept per file: a hostile tag cannot make a file unbounded.
pub const MAX_MEDIA_ALTERNATIVES: usize = 16;

/// One media file described by an `imeta` tag (NIP-92, with the NIP-94 and NIP-71 fields).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MediaFile {
    /// `url`: the file (http or https).
    pub url: String,
    /// `m`: MIME type, lowercased.
    pub mime: Option<String>,
    /// `dim`: width and height in pixels.
    pub dim: Option<(u32, u32)>,
    /// `blurhash`: placeholder to show while loading.
    pub blurhash: Option<String>,
    /// `alt`: description for accessibility.
    pub alt: Option<String>,
    /// `x`: SHA-256 of the file, lowercase hex (kept only when it is 64 hex characters).
    pub sha256: Option<String>,
    /// `size`: bytes.
    pub size: Option<u64>,
    /// `fallback`: other URLs of the same file, in tag order.
    pub fallbacks: Vec<String>,
    /// `image` (NIP-71) or `thumb` (NIP-94): preview images, in tag order.
    pub thumbnails: Vec<String>,
    /// `duration`: play time in milliseconds (written as decimal seconds).
    pub duration_ms: Option<u64>,
    /// `bitrate`: bits per second.
    pub bitrate: Option<u64>,
    /// `service`: the hosting service's protocol (e.g. `nip96`).
    pub service: Option<String>,
}

/// Why an `imeta` tag describes no usable file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum MediaFileError {
    /// The tag is not `imeta`.
    #[error("not an imeta tag")]
    NotImeta,
    /// No `url` entry.
    #[error("imeta tag without url")]
    MissingUrl,
    /// The `url` is not an http(s) URL.
    #[error("imeta url is not http(s)")]
    InvalidUrl,
}

impl MediaFile {
    /// Reads an `imeta` tag. The first of a repeated single-valued key wins; `fallback`,
    /// `image` and `thumb` collect (up to [`MAX_MEDIA_ALTERNATIVES`] each); unreadable values
    /// are left out rather than failing the file.
    pub fn from_tag(tag: &Tag) -> Result<Self, MediaFileError> {
        if tag.name() != Some("imeta") {
            return Err(MediaFileError::NotImeta);
        }
        let mut url = None;
        let mut file = MediaFile::default();
        for entry in tag.as_slice().iter().skip(1) {
            let Some((key, value)) = entry.split_once(' ') else {
                continue;
            };
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let text = || Some(value.to_owned());
            match key {
                "url" if url.is_none() => url = Some(value),
                "m" if file.mime.is_none() => file.mime = Some(value.to_ascii_lowercase()),
                "dim" if file.dim.is_none() => file.dim = parse_dim(value),
                "blurhash" if file.blurhash.is_none() => file.blurhash = text(),
                "alt" if file.alt.is_none() => file.alt = text(),
                "x" if file.sha256.is_none() => {
                    file.sha256 = (value.len() == 64
                        && value.bytes().all(|b| b.is_ascii_hexdigit()))
                    .then(|| value.to_ascii_lowercase());
                }
                "size" if file.size.is_none() => file.size = value.parse().ok(),
                "fallback"
                    if is_http_url(value) && file.fallbacks.len() < MAX_MEDIA_ALTERNATIVES =>
                {
                    file.fallbacks.push(value.to_owned());
                }
                "image" | "thumb"
                    if is_http_url(value) && file.thumbnails.len() < MAX_MEDIA_ALTERNATIVES =>
                {
                    file.thumbnails.push(value.to_owned());
                }
                "duration" if file.duration_ms.is_none() => file.duration_ms = seconds_to_ms(value),
                "bitrate" if file.bitrate.is_none() => file.bitrate = value.parse().ok(),
                "service" if file.service.is_none() => file.service = text(),
                _ => {}
            }
        }
        let url = url.ok_or(MediaFileError::MissingUrl)?;
        if !is_http_url(url) {
            return Err(MediaFileError::InvalidUrl);
        }
        file.url = url.to_owned();
        Ok(file)
    }

    /// The media kind: from the MIME type when it names one, else from the URL's extension.
    pub fn kind(&self) -> MediaKind {
        self.mime
            .as_deref()
            .and_then(MediaKind::from_mime)
            .unwrap_or_else(|| MediaKind::from_url(&self.url))
    }
}

/// True for `http://` or `https://` followed by something (either case).
pub(crate) fn is_http_url(s: &str) -> bool {
    let after = |scheme: &str| {
        s.len() > scheme.len()
            && s.get(..scheme.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(scheme))
    };
    after("https://") || after("http://")
}

/// Decimal seconds (`29.223`) to milliseconds; digits beyond the third decimal are dropped.
pub(crate) fn seconds_to_ms(s: &str) -> Option<u64> {
    let (whole, frac) = s.split_once('.').unwrap_or((s, ""));
    if whole.is_empty() && frac.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let mut ms = 0u64;
    for (i, b) in frac
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(3)
        .enumerate()
    {
        ms += u64::from(b - b'0') * [100, 10, 1][i];
    }
    whole.checked_mul(1000)?.checked_add(ms)
}

fn parse_dim(s: &str) -> Option<(u32, u32)> {
    let (w, h) = s.split_once('x')?;
    Some((w.trim().parse().ok()?, h.trim().parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_by_extension() {
        for (url, kind) in [
            ("https://i.nostr.build/abc.JPG", MediaKind::Image),
            ("https://x.com/a/b.webp?w=200#frag", MediaKind::Image),
            ("https://v.nostr.build/x.mp4", MediaKind::Video),
            ("https://stream.example/live/index.m3u8", MediaKind::Video),
            ("https://cdn.example/song.mp3", MediaKind::Audio),
            ("https://example.com", MediaKind::Link),
            ("https://example.com/", MediaKind::Link),
            ("https://example.png", MediaKind::Link),
            ("https://example.com/file.png/", MediaKind::Link),
            ("https://example.com/page?img=a.png", MediaKind::Link),
            ("https://example.com/archive.tar.gz", MediaKind::Link),
            ("https://example.com/x.verylongextension", MediaKind::Link),
            ("https://example.com/日本.png", MediaKind::Image),
        ] {
            assert_eq!(MediaKind::from_url(url), kind, "{url}");
        }
    }

    #[test]
    fn reads_imeta() {
        let tag = Tag::new([
            "imeta",
            "url https://nostr.build/i/my-image.jpg",
            "m image/jpeg",
            "blurhash eVF$^OI:${M{o#*0-nNFxakD-?xVM}WEWB%iNKxvR-oetmo#R-aen$",
            "dim 3024x4032",
            "alt A scenic photo overlooking the coast of Costa Rica",
            "x 5d2899290e0e69bcd809949ee516a4a1597205390878f780c098707a7f18e3df",
            "fallback https://nostrcheck.me/alt1.jpg",
        ]);
        let meta = MediaMeta::from_tag(&tag).unwrap();
        assert_eq!(meta.url, Some("https://nostr.build/i/my-image.jpg"));
        assert_eq!(meta.kind(), Some(MediaKind::Image));
        assert_eq!(meta.dim, Some((3024, 4032)));
        assert!(meta.alt.unwrap().starts_with("A scenic"));
        assert!(MediaMeta::from_tag(&Tag::new(["t", "x"])).is_none());
        assert_eq!(MediaKind::from_mime("video/mp4"), Some(MediaKind::Video));
        assert_eq!(MediaKind::from_mime("application/pdf"), None);
    }

    #[test]
    fn reads_imeta_into_an_owned_file() {
        let tag = Tag::new([
            "imeta",
            "url https://video.example/1080/abc.mp4",
            "m Video/MP4",
            "dim 1920x1080",
            "x 3093509D1E0BC604FF60CB9286F4CD7C781553BC8991937BEFAACFDC28EC5CDC",
            "image https://video.example/1080/abc.jpg",
            "image https://mirror.example/1080/abc.jpg",
            "image not-a-url",
            "fallback https://mirror.example/1080/abc.mp4",
            "duration 29.2236",
            "bitrate 3000000",
            "size 123456",
            "service nip96",
            "url https://second.example/ignored.mp4",
            "dim bogus",
            "novalue",
        ]);
        let file = MediaFile::from_tag(&tag).unwrap();
        assert_eq!(file.url, "https://video.example/1080/abc.mp4");
        assert_eq!(file.mime.as_deref(), Some("video/mp4"));
        assert_eq!(file.kind(), MediaKind::Video);
        assert_eq!(file.dim, Some((1920, 1080)));
        assert_eq!(
            file.sha256.as_deref(),
            Some("3093509d1e0bc604ff60cb9286f4cd7c781553bc8991937befaacfdc28ec5cdc")
        );
        assert_eq!(file.thumbnails.len(), 2);
        assert_eq!(file.fallbacks, vec!["https://mirror.example/1080/abc.mp4"]);
        assert_eq!(file.duration_ms, Some(29_223));
        assert_eq!(file.bitrate, Some(3_000_000));
        assert_eq!(file.size, Some(123_456));
        assert_eq!(file.service.as_deref(), Some("nip96"));

        assert_eq!(
            MediaFile::from_tag(&Tag::new(["imeta", "m image/png"])),
            Err(MediaFileError::MissingUrl)
        );
        assert_eq!(
            MediaFile::from_tag(&Tag::new(["imeta", "url ftp://x/a.png"])),
            Err(MediaFileError::InvalidUrl)
        );
        assert_eq!(
            MediaFile::from_tag(&Tag::new(["t", "x"])),
            Err(MediaFileError::NotImeta)
        );
        let many: Vec<String> = std::iter::once("imeta".to_owned())
            .chain(std::iter::once("url https://a.io/x.png".to_owned()))
            .chain((0..100).map(|i| format!("fallback https://m{i}.io/x.png")))
            .collect();
        let file = MediaFile::from_tag(&Tag(many)).unwrap();
        assert_eq!(file.fallbacks.len(), MAX_MEDIA_ALTERNATIVES);
    }

    #[test]
    fn durations_in_decimal_seconds() {
        for (s, ms) in [
            ("29.223", Some(29_223)),
            ("29", Some(29_000)),
            ("0.5", Some(500)),
            (".25", Some(250)),
            ("1.23456", Some(1_234)),
            ("", None),
            (".", None),
            ("-1", None),
            ("1e3", None),
            ("99999999999999999999", None),
        ] {
            assert_eq!(seconds_to_ms(s), ms, "{s:?}");
        }
        assert!(is_http_url("HTTPS://a") && is_http_url("http://a"));
        assert!(!is_http_url("https://") && !is_http_url("ftp://a") && !is_http_url("日本"));
    }
}
