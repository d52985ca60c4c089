//! Conversions between the protocol types and their FlatBuffers tables, both ways.
//!
//! Writers (`write_*`) build straight from borrowed protocol values into a `planus::Builder`, with
//! no intermediate owned tables; readers (`read_*`) check every offset through planus.

use std::collections::{BTreeMap, BTreeSet};

use planus::{Builder, Offset, Vector};

use super::{FlatBufferError, fb};
use crate::protocol::{
    Event, EventId, Filter, Kind, PublicKey, Signature, Tag, Timestamp, UnsignedEvent,
};

fn words<const W: usize>(bytes: &[u8]) -> [u64; W] {
    let mut out = [0u64; W];
    for (word, chunk) in out.iter_mut().zip(bytes.chunks_exact(8)) {
        let mut b = [0u8; 8];
        b.copy_from_slice(chunk);
        *word = u64::from_le_bytes(b);
    }
    out
}

fn unwords<const N: usize>(words: &[u64]) -> [u8; N] {
    let mut out = [0u8; N];
    for (chunk, word) in out.chunks_exact_mut(8).zip(words) {
        chunk.copy_from_slice(&word.to_le_bytes());
    }
    out
}

/// The schema's word layout of 32 bytes (see `Bytes32` in common.fbs).
pub(crate) fn to_bytes32(bytes: &[u8; 32]) -> fb::Bytes32 {
    let [w0, w1, w2, w3] = words::<4>(bytes);
    fb::Bytes32 { w0, w1, w2, w3 }
}

/// The 32 bytes held by a `Bytes32`.
pub(crate) fn from_bytes32(b: fb::Bytes32) -> [u8; 32] {
    unwords::<32>(&[b.w0, b.w1, b.w2, b.w3])
}

fn to_bytes64(bytes: &[u8; 64]) -> fb::Bytes64 {
    let [w0, w1, w2, w3, w4, w5, w6, w7] = words::<8>(bytes);
    fb::Bytes64 {
        w0,
        w1,
        w2,
        w3,
        w4,
        w5,
        w6,
        w7,
    }
}

fn from_bytes64(b: fb::Bytes64) -> [u8; 64] {
    unwords::<64>(&[b.w0, b.w1, b.w2, b.w3, b.w4, b.w5, b.w6, b.w7])
}

impl From<EventId> for fb::Bytes32 {
    fn from(id: EventId) -> Self {
        to_bytes32(id.as_bytes())
    }
}

impl From<PublicKey> for fb::Bytes32 {
    fn from(pk: PublicKey) -> Self {
        to_bytes32(pk.as_bytes())
    }
}

impl From<Signature> for fb::Bytes64 {
    fn from(sig: Signature) -> Self {
        to_bytes64(sig.as_bytes())
    }
}

impl From<fb::Bytes32> for EventId {
    fn from(b: fb::Bytes32) -> Self {
        EventId(from_bytes32(b))
    }
}

impl From<fb::Bytes32> for PublicKey {
    fn from(b: fb::Bytes32) -> Self {
        PublicKey(from_bytes32(b))
    }
}

impl From<fb::Bytes64> for Signature {
    fn from(b: fb::Bytes64) -> Self {
        Signature(from_bytes64(b))
    }
}

impl From<fb::Bytes32Ref<'_>> for EventId {
    fn from(b: fb::Bytes32Ref<'_>) -> Self {
        fb::Bytes32::from(b).into()
    }
}

impl From<fb::Bytes32Ref<'_>> for PublicKey {
    fn from(b: fb::Bytes32Ref<'_>) -> Self {
        fb::Bytes32::from(b).into()
    }
}

impl From<fb::Bytes64Ref<'_>> for Signature {
    fn from(b: fb::Bytes64Ref<'_>) -> Self {
        fb::Bytes64::from(b).into()
    }
}

/// Writes tags as a vector of `Tag` tables.
pub fn write_tags(builder: &mut Builder, tags: &[Tag]) -> Offset<[Offset<fb::Tag>]> {
    let offsets: Vec<Offset<fb::Tag>> = tags
        .iter()
        .map(|t| fb::Tag::create(builder, t.as_slice()))
        .collect();
    builder.create_vector(offsets.as_slice())
}

/// Reads a vector of `Tag` tables (absent reads as no tags).
pub fn read_tags(
    tags: Option<Vector<'_, planus::Result<fb::TagRef<'_>>>>,
) -> Result<Vec<Tag>, FlatBufferError> {
    let Some(tags) = tags else {
        return Ok(Vec::new());
    };
    let mut out = Vec::with_capacity(tags.len());
    for tag in tags {
        let items = match tag?.items()? {
            Some(items) => {
                let mut parts = Vec::with_capacity(items.len());
                for item in items {
                    parts.push(item?.to_owned());
                }
                parts
            }
            None => Vec::new(),
        };
        out.push(Tag(items));
    }
    Ok(out)
}

/// Writes a signed event.
pub fn write_event(builder: &mut Builder, event: &Event) -> Offset<fb::Event> {
    let tags = write_tags(builder, &event.tags);
    fb::Event::create(
        builder,
        fb::Bytes32::from(event.id),
        fb::Bytes32::from(event.pubkey),
        event.created_at.0,
        event.kind.0,
        tags,
        event.content.as_str(),
        fb::Bytes64::from(event.sig),
    )
}

/// Reads a signed event (does not verify it).
pub fn read_event(event: fb::EventRef<'_>) -> Result<Event, FlatBufferError> {
    Ok(Event {
        id: event.id()?.into(),
        pubkey: event.pubkey()?.into(),
        created_at: Timestamp(event.created_at()?),
        kind: Kind(event.kind()?),
        tags: read_tags(event.tags()?)?,
        content: event.content()?.unwrap_or_default().to_owned(),
        sig: event.sig()?.into(),
    })
}

/// Writes an unsigned event, its public key included.
pub fn write_unsigned_event(
    builder: &mut Builder,
    event: &UnsignedEvent,
) -> Offset<fb::UnsignedEvent> {
    let tags = write_tags(builder, &event.tags);
    fb::UnsignedEvent::create(
        builder,
        fb::Bytes32::from(event.pubkey),
        event.created_at.0,
        event.kind.0,
        tags,
        event.content.as_str(),
    )
}

/// Reads an unsigned event; `default_pubkey` (the signer's key) applies when the table has none.
pub fn read_unsigned_event(
    event: fb::UnsignedEventRef<'_>,
    default_pubkey: Option<PublicKey>,
) -> Result<UnsignedEvent, FlatBufferError> {
    let pubkey = match event.pubkey()? {
        Some(pk) => pk.into(),
        None => default_pubkey.ok_or(FlatBufferError::MissingField { field: "pubkey" })?,
    };
    Ok(UnsignedEvent {
        pubkey,
        created_at: Timestamp(event.created_at()?),
        kind: Kind(event.kind()?),
        tags: read_tags(event.tags()?)?,
        content: event.content()?.unwrap_or_default().to_owned(),
    })
}

/// Writes a filter. Lists given empty are written as empty vectors, so they still match nothing.
pub fn write_filter(builder: &mut Builder, filter: &Filter) -> Offset<fb::Filter> {
    let ids: Option<Vec<fb::Bytes32>> = filter
        .ids
        .as_ref()
        .map(|s| s.iter().map(|id| fb::Bytes32::from(*id)).collect());
    let authors: Option<Vec<fb::Bytes32>> = filter
        .authors
        .as_ref()
        .map(|s| s.iter().map(|pk| fb::Bytes32::from(*pk)).collect());
    let kinds: Option<Vec<u16>> = filter
        .kinds
        .as_ref()
        .map(|s| s.iter().map(|k| k.0).collect());
    let tags = if filter.tags.is_empty() {
        None
    } else {
        let offsets: Vec<Offset<fb::TagFilter>> = filter
            .tags
            .iter()
            .map(|(letter, values)| {
                let values: Vec<&str> = values.iter().map(String::as_str).collect();
                fb::TagFilter::create(builder, u32::from(*letter), values.as_slice())
            })
            .collect();
        Some(builder.create_vector(offsets.as_slice()))
    };
    fb::Filter::create(
        builder,
        ids,
        authors,
        kinds,
        tags,
        filter.since.map(|t| t.0),
        filter.until.map(|t| t.0),
        // usize is at most 64 bits on every target.
        filter.limit.map(|l| l as u64),
        filter.search.as_deref(),
    )
}

/// Reads a filter.
///
/// A `limit` beyond `usize::MAX` (32-bit targets) saturates, which selects the same events. A tag
/// filter without a values vector reads as an empty set (it matches nothing, like an empty list).
pub fn read_filter(filter: fb::FilterRef<'_>) -> Result<Filter, FlatBufferError> {
    let ids = filter
        .ids()?
        .map(|v| v.iter().map(EventId::from).collect::<BTreeSet<_>>());
    let authors = filter
        .authors()?
        .map(|v| v.iter().map(PublicKey::from).collect::<BTreeSet<_>>());
    let kinds = filter
        .kinds()?
        .map(|v| v.iter().map(Kind).collect::<BTreeSet<_>>());
    let mut tags: BTreeMap<char, BTreeSet<String>> = BTreeMap::new();
    if let Some(tag_filters) = filter.tags()? {
        for tag_filter in tag_filters {
            let tag_filter = tag_filter?;
            let raw = tag_filter.letter()?;
            let letter = char::from_u32(raw).ok_or(FlatBufferError::InvalidTagLetter(raw))?;
            let set = tags.entry(letter).or_default();
            if let Some(values) = tag_filter.values()? {
                for value in values {
                    set.insert(value?.to_owned());
                }
            }
        }
    }
    Ok(Filter {
        ids,
        authors,
        kinds,
        tags,
        since: filter.since()?.map(Timestamp),
        until: filter.until()?.map(Timestamp),
        limit: filter
            .limit()?
            .map(|l| usize::try_from(l).unwrap_or(usize::MAX)),
        search: filter.search()?.map(str::to_owned),
    })
}

/// Writes several filters (one REQ's worth).
pub fn write_filters(builder: &mut Builder, filters: &[Filter]) -> Offset<[Offset<fb::Filter>]> {
    let offsets: Vec<Offset<fb::Filter>> =
        filters.iter().map(|f| write_filter(builder, f)).collect();
    builder.create_vector(offsets.as_slice())
}

/// Reads a vector of filters (absent reads as none).
pub fn read_filters(
    filters: Option<Vector<'_, planus::Result<fb::FilterRef<'_>>>>,
) -> Result<Vec<Filter>, FlatBufferError> {
    let Some(filters) = filters else {
        return Ok(Vec::new());
    };
    let mut out = Vec::with_capacity(filters.len());
    for filter in filters {
        out.push(read_filter(filter?)?);
    }
    Ok(out)
}

impl TryFrom<fb::EventRef<'_>> for Event {
    type Error = FlatBufferError;

    fn try_from(event: fb::EventRef<'_>) -> Result<Self, Self::Error> {
        read_event(event)
    }
}

impl TryFrom<fb::FilterRef<'_>> for Filter {
    type Error = FlatBufferError;

    fn try_from(filter: fb::FilterRef<'_>) -> Result<Self, Self::Error> {
        read_filter(filter)
    }
}

impl From<&Event> for fb::Event {
    fn from(event: &Event) -> Self {
        fb::Event {
            id: event.id.into(),
            pubkey: event.pubkey.into(),
            created_at: event.created_at.0,
            kind: event.kind.0,
            tags: Some(
                event
                    .tags
                    .iter()
                    .map(|t| fb::Tag {
                        items: Some(t.0.clone()),
                    })
                    .collect(),
            ),
            content: Some(event.content.clone()),
            sig: event.sig.into(),
        }
    }
}

impl From<fb::Event> for Event {
    fn from(event: fb::Event) -> Self {
        Event {
            id: event.id.into(),
            pubkey: event.pubkey.into(),
            created_at: Timestamp(event.created_at),
            kind: Kind(event.kind),
            tags: event
                .tags
                .unwrap_or_default()
                .into_iter()
                .map(|t| Tag(t.items.unwrap_or_default()))
                .collect(),
            content: event.content.unwrap_or_default(),
            sig: event.sig.into(),
        }
    }
}

impl From<&Filter> for fb::Filter {
    fn from(filter: &Filter) -> Self {
        fb::Filter {
            ids: filter
                .ids
                .as_ref()
                .map(|s| s.iter().map(|id| (*id).into()).collect()),
            authors: filter
                .authors
                .as_ref()
                .map(|s| s.iter().map(|pk| (*pk).into()).collect()),
            kinds: filter
                .kinds
                .as_ref()
                .map(|s| s.iter().map(|k| k.0).collect()),
            tags: (!filter.tags.is_empty()).then(|| {
                filter
                    .tags
                    .iter()
                    .map(|(letter, values)| fb::TagFilter {
                        letter: u32::from(*letter),
                        values: Some(values.iter().cloned().collect()),
                    })
                    .collect()
            }),
            since: filter.since.map(|t| t.0),
            until: filter.until.map(|t| t.0),
            limit: filter.limit.map(|l| l as u64),
            search: filter.search.clone(),
        }
    }
}

impl TryFrom<fb::Filter> for Filter {
    type Error = FlatBufferError;

    fn try_from(filter: fb::Filter) -> Result<Self, Self::Error> {
        let mut tags: BTreeMap<char, BTreeSet<String>> = BTreeMap::new();
        for tag_filter in filter.tags.unwrap_or_default() {
            let letter = char::from_u32(tag_filter.letter)
                .ok_or(FlatBufferError::InvalidTagLetter(tag_filter.letter))?;
            tags.entry(letter)
                .or_default()
                .extend(tag_filter.values.unwrap_or_default());
        }
        Ok(Filter {
            ids: filter
                .ids
                .map(|v| v.into_iter().map(EventId::from).collect()),
            authors: filter
                .authors
                .map(|v| v.into_iter().map(PublicKey::from).collect()),
            kinds: filter.kinds.map(|v| v.into_iter().map(Kind).collect()),
            tags,
            since: filter.since.map(Timestamp),
            until: filter.until.map(Timestamp),
            limit: filter
                .limit
                .map(|l| usize::try_from(l).unwrap_or(usize::MAX)),
            search: filter.search,
        })
    }
}
