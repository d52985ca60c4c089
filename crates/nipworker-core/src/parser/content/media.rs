//! What a URL points at (image, video, audio, or a plain link), from NIP-92 `imeta` tags when the
//! event has one for the URL, else from the path's file extension.

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
}
