//! The frame scanner: reads one WebSocket frame straight into a typed message, without building a
//! JSON tree, after checking its size. Every failure becomes a [`FrameError`] a caller can match on
//! and count; nothing here panics on input, and nesting stays bounded by serde_json's depth limit.
//!
//! serde visitors only see a generic error type, so the visitors record what they were reading (or
//! a fully typed error) in a [`Slot`] beside the deserializer; [`run`] turns serde_json's error into
//! a [`FrameError`] with it once the parse has failed.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer as _, MapAccess, SeqAccess, Visitor};
use thiserror::Error;

use crate::protocol::{Event, EventId, Kind, PublicKey, Signature, Tag, Timestamp};

/// Bounds checked while scanning, so a peer cannot make us do unbounded work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScanLimits {
    /// Largest frame accepted, in bytes; checked before any parsing.
    pub max_frame_bytes: usize,
    /// Longest subscription id accepted, in characters (NIP-01 says 64).
    pub max_subscription_id_chars: usize,
    /// Most filters accepted in one REQ or COUNT (only client frames carry filters).
    pub max_filters: usize,
}

impl ScanLimits {
    /// 1 MiB frames (a 5,000-follow contact list is about 350 KB), 64-character subscription ids,
    /// 64 filters per request.
    pub const DEFAULT: Self = Self {
        max_frame_bytes: 1 << 20,
        max_subscription_id_chars: 64,
        max_filters: 64,
    };
}

impl Default for ScanLimits {
    fn default() -> Self {
        Self::DEFAULT
    }
}

/// A field of an event object, named in [`FrameError::InvalidEvent`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventField {
    /// `id`.
    Id,
    /// `pubkey`.
    Pubkey,
    /// `created_at`.
    CreatedAt,
    /// `kind`.
    Kind,
    /// `tags`.
    Tags,
    /// `content`.
    Content,
    /// `sig`.
    Sig,
}

impl EventField {
    /// Every field, in NIP-01 order.
    pub const ALL: [EventField; 7] = [
        EventField::Id,
        EventField::Pubkey,
        EventField::CreatedAt,
        EventField::Kind,
        EventField::Tags,
        EventField::Content,
        EventField::Sig,
    ];

    /// The JSON key.
    pub const fn as_str(self) -> &'static str {
        match self {
            EventField::Id => "id",
            EventField::Pubkey => "pubkey",
            EventField::CreatedAt => "created_at",
            EventField::Kind => "kind",
            EventField::Tags => "tags",
            EventField::Content => "content",
            EventField::Sig => "sig",
        }
    }
}

impl fmt::Display for EventField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What is wrong with one event field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    /// The field is absent.
    Missing,
    /// The field appears twice (parsers disagree on which copy wins, so it is refused).
    Duplicate,
    /// A tag (at this index in `tags`) is an empty array; NIP-01 tags hold one or more strings.
    EmptyTag {
        /// Position of the tag in `tags`.
        index: usize,
    },
    /// Wrong JSON type, bad hex, or a number out of range; the text says which.
    Invalid(String),
}

impl fmt::Display for FieldProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldProblem::Missing => f.write_str("missing"),
            FieldProblem::Duplicate => f.write_str("duplicate"),
            FieldProblem::EmptyTag { index } => write!(f, "tag {index} is empty"),
            FieldProblem::Invalid(reason) => f.write_str(reason),
        }
    }
}

/// Why a frame was refused. Texts taken from the input are clipped, so a hostile frame cannot blow
/// up a log line.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum FrameError {
    /// The frame is larger than [`ScanLimits::max_frame_bytes`]; it was not parsed.
    #[error("frame of {size} bytes exceeds the limit of {max}")]
    TooLarge {
        /// Frame size in bytes.
        size: usize,
        /// The limit.
        max: usize,
    },
    /// Not JSON: syntax error, truncated input, invalid UTF-8 or escape, nesting deeper than 128,
    /// or a number too large for any JSON number type.
    #[error("malformed JSON at line {line}, column {column}: {reason}")]
    Malformed {
        /// What the JSON parser reported.
        reason: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// Something follows the message array.
    #[error("trailing data after the message at line {line}, column {column}")]
    TrailingData {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// The top-level value is not an array.
    #[error("a message must be a JSON array")]
    NotAnArray,
    /// The top-level array is empty.
    #[error("empty message array")]
    Empty,
    /// The first element names no message type known in this direction (clipped to 32
    /// characters). Counted rather than logged one by one by callers.
    #[error("unknown message type {0:?}")]
    UnknownType(String),
    /// Too few elements for the message type, or too many for a client message (relay messages
    /// ignore trailing elements).
    #[error("{message} message with {found} elements (expected {expected_min}..={})",
        .expected_max.map_or_else(|| "".to_owned(), |m| m.to_string()))]
    WrongArity {
        /// The message type (`"EVENT"`, `"OK"`...).
        message: &'static str,
        /// Fewest elements allowed, type included.
        expected_min: usize,
        /// Most elements allowed (`None` for REQ and COUNT, which take any number of filters, and
        /// for relay messages, whose trailing elements are ignored).
        expected_max: Option<usize>,
        /// Elements found.
        found: usize,
    },
    /// An element has the wrong JSON type or an invalid value.
    #[error("{message} element {index} is not {expected}: {reason}")]
    WrongType {
        /// The message type, or `"message"` for the type element itself.
        message: &'static str,
        /// Position in the array (0 is the type).
        index: usize,
        /// What was expected there.
        expected: &'static str,
        /// What the parser found (clipped).
        reason: String,
    },
    /// An event object is missing a field, repeats one, or holds a bad value (wrong type, bad or
    /// uppercase hex, kind above 65535, negative or fractional `created_at`...).
    #[error("event field `{field}`: {problem}")]
    InvalidEvent {
        /// The field.
        field: EventField,
        /// What is wrong with it.
        problem: FieldProblem,
    },
    /// A subscription id is empty or longer than [`ScanLimits::max_subscription_id_chars`].
    #[error("subscription id of {chars} characters is outside 1..={max}")]
    BadSubscriptionId {
        /// Its length in characters.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// A REQ or COUNT carries more filters than [`ScanLimits::max_filters`].
    #[error("more than {max} filters in one request")]
    TooManyFilters {
        /// The limit.
        max: usize,
    },
    /// A filter object repeats a key (parsers disagree on which copy wins, so it is refused).
    #[error("{message} element {index}: filter key {key:?} appears twice")]
    DuplicateFilterKey {
        /// The message type (`"REQ"` or `"COUNT"`).
        message: &'static str,
        /// Position of the filter in the array (0 is the type).
        index: usize,
        /// The repeated key, as decoded (`"kinds"`, `"#e"`...; clipped).
        key: String,
    },
}

impl FrameError {
    /// A short stable name for metrics labels (`"too_large"`, `"unknown_type"`...).
    pub const fn label(&self) -> &'static str {
        match self {
            FrameError::TooLarge { .. } => "too_large",
            FrameError::Malformed { .. } => "malformed",
            FrameError::TrailingData { .. } => "trailing_data",
            FrameError::NotAnArray => "not_an_array",
            FrameError::Empty => "empty",
            FrameError::UnknownType(_) => "unknown_type",
            FrameError::WrongArity { .. } => "wrong_arity",
            FrameError::WrongType { .. } => "wrong_type",
            FrameError::InvalidEvent { .. } => "invalid_event",
            FrameError::BadSubscriptionId { .. } => "bad_subscription_id",
            FrameError::TooManyFilters { .. } => "too_many_filters",
            FrameError::DuplicateFilterKey { .. } => "duplicate_filter_key",
        }
    }
}

/// Why [`Event::from_json`] refused its input (the same checks as the frame scanner's events).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EventJsonError {
    /// Not JSON, or something follows the event object.
    #[error("malformed JSON at line {line}, column {column}: {reason}")]
    Malformed {
        /// What the JSON parser reported (clipped).
        reason: String,
        /// 1-based line (0 if unknown).
        line: usize,
        /// 1-based column (0 if unknown).
        column: usize,
    },
    /// Valid JSON that is not an object (an event written as an array included).
    #[error("an event must be a JSON object")]
    NotAnObject,
    /// A field is missing, repeated, or holds a bad value.
    #[error("event field `{field}`: {problem}")]
    InvalidEvent {
        /// The field.
        field: EventField,
        /// What is wrong with it.
        problem: FieldProblem,
    },
}

/// Longest text copied from the input into an error.
const MAX_REASON_CHARS: usize = 160;
/// Longest unknown message type copied into an error.
pub(super) const MAX_TYPE_CHARS: usize = 32;

/// The first `max` characters of `s`.
pub(super) fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", &s[..end]),
        None => s.to_owned(),
    }
}

/// Where an element sits in its message, for [`FrameError::WrongType`].
#[derive(Debug, Clone, Copy)]
pub(super) struct Pos {
    message: &'static str,
    index: usize,
    expected: &'static str,
}

/// What the visitors were reading when serde_json failed.
#[derive(Debug, Clone, Copy, Default)]
enum Ctx {
    /// Before the array was entered: a type error here means the frame is not an array.
    #[default]
    TopLevel,
    /// An element of the message array.
    Element(Pos),
    /// A value inside an event object.
    EventField(EventField),
}

/// Side channel between the visitors and [`run`] (visitors only see a generic error type).
#[derive(Default)]
pub(super) struct Slot {
    ctx: Cell<Ctx>,
    error: Cell<Option<FrameError>>,
}

impl fmt::Debug for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Slot")
            .field("ctx", &self.ctx.get())
            .finish_non_exhaustive()
    }
}

impl Slot {
    /// Records a typed error and returns a serde error that unwinds the parse; it carries the
    /// typed error's text for callers that only see serde's error (`serde_json::from_str::<Event>`).
    pub(super) fn fail<T, E: de::Error>(&self, error: FrameError) -> Result<T, E> {
        Err(self.reject(error))
    }

    /// [`Slot::fail`] as a bare error, for callbacks that build one.
    pub(super) fn reject<E: de::Error>(&self, error: FrameError) -> E {
        let unwind = E::custom(&error);
        self.error.set(Some(error));
        unwind
    }

    /// The typed error for a failed parse.
    fn frame_error(&self, err: serde_json::Error) -> FrameError {
        if let Some(error) = self.error.take() {
            return error;
        }
        let (line, column) = (err.line(), err.column());
        let reason = reason_of(&err);
        match err.classify() {
            serde_json::error::Category::Data => match self.ctx.get() {
                Ctx::TopLevel => FrameError::NotAnArray,
                Ctx::Element(pos) => FrameError::WrongType {
                    message: pos.message,
                    index: pos.index,
                    expected: pos.expected,
                    reason,
                },
                Ctx::EventField(field) => FrameError::InvalidEvent {
                    field,
                    problem: FieldProblem::Invalid(reason),
                },
            },
            _ => FrameError::Malformed {
                reason,
                line,
                column,
            },
        }
    }
}

/// serde_json's message without its " at line L column C" suffix (kept in separate fields).
fn reason_of(err: &serde_json::Error) -> String {
    let text = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    clip(
        text.strip_suffix(&suffix).unwrap_or(&text),
        MAX_REASON_CHARS,
    )
}

/// Refuses oversized frames before any parsing.
pub(super) fn check_size(len: usize, limits: &ScanLimits) -> Result<(), FrameError> {
    if len > limits.max_frame_bytes {
        Err(FrameError::TooLarge {
            size: len,
            max: limits.max_frame_bytes,
        })
    } else {
        Ok(())
    }
}

/// Parses one top-level array with `visitor` (which shares `slot`), then refuses trailing data.
pub(super) fn run<'de, R, V>(
    mut de: serde_json::Deserializer<R>,
    slot: &Slot,
    visitor: V,
) -> Result<V::Value, FrameError>
where
    R: serde_json::de::Read<'de>,
    V: Visitor<'de>,
{
    match (&mut de).deserialize_seq(visitor) {
        Ok(value) => {
            de.end().map_err(|e| FrameError::TrailingData {
                line: e.line(),
                column: e.column(),
            })?;
            Ok(value)
        }
        Err(err) => Err(slot.frame_error(err)),
    }
}

/// Reads the elements of one message array, tracking position and arity.
pub(super) struct Elements<'s, A> {
    seq: A,
    slot: &'s Slot,
    message: &'static str,
    read: usize,
    min: usize,
    max: Option<usize>,
}

impl<'de, 's, A: SeqAccess<'de>> Elements<'s, A> {
    /// Starts at the type element, before the message type is known.
    pub(super) fn new(seq: A, slot: &'s Slot) -> Self {
        Self {
            seq,
            slot,
            message: "message",
            read: 0,
            min: 1,
            max: None,
        }
    }

    /// Names the message type once read, with its `min..=max` elements (type included).
    pub(super) fn retype(self, message: &'static str, min: usize, max: Option<usize>) -> Self {
        Self {
            message,
            min,
            max,
            ..self
        }
    }

    fn at(&self, expected: &'static str) {
        self.slot.ctx.set(Ctx::Element(Pos {
            message: self.message,
            index: self.read,
            expected,
        }));
    }

    fn arity<T>(&self, found: usize) -> Result<T, A::Error> {
        self.slot.fail(FrameError::WrongArity {
            message: self.message,
            expected_min: self.min,
            expected_max: self.max,
            found,
        })
    }

    /// The next element, which must be present.
    pub(super) fn required<T: DeserializeSeed<'de>>(
        &mut self,
        expected: &'static str,
        seed: T,
    ) -> Result<T::Value, A::Error> {
        match self.optional(expected, seed)? {
            Some(value) => Ok(value),
            None => self.arity(self.read),
        }
    }

    /// The next element, if any.
    pub(super) fn optional<T: DeserializeSeed<'de>>(
        &mut self,
        expected: &'static str,
        seed: T,
    ) -> Result<Option<T::Value>, A::Error> {
        self.at(expected);
        let value = self.seq.next_element_seed(seed)?;
        if value.is_some() {
            self.read += 1;
        }
        Ok(value)
    }

    /// Checks the lower bound after variadic elements.
    pub(super) fn check_min(&self) -> Result<(), A::Error> {
        if self.read < self.min {
            self.arity(self.read)
        } else {
            Ok(())
        }
    }

    /// Consumes the rest of the array, skipping extra elements (each still well-formed and within
    /// the nesting limit); returns whether there were any. Relay messages end this way, as other
    /// clients read them: a field a future NIP appends must not make an OK or EVENT vanish.
    pub(super) fn skip_rest(mut self) -> Result<bool, A::Error> {
        self.at("the end of the message");
        let mut extra = false;
        while self.seq.next_element::<Skip>()?.is_some() {
            extra = true;
        }
        Ok(extra)
    }

    /// Consumes the rest of the array; any extra element is a [`FrameError::WrongArity`] that
    /// reports how many elements there were.
    pub(super) fn finish(mut self) -> Result<(), A::Error> {
        self.at("the end of the message");
        let mut found = self.read;
        while self.seq.next_element::<Skip>()?.is_some() {
            found += 1;
        }
        if found > self.read {
            self.arity(found)
        } else {
            Ok(())
        }
    }
}

/// Skips one value of any shape through serde_json's depth-checked path.
///
/// serde's `IgnoredAny` makes serde_json skip iteratively, at any depth: safe for the stack, but it
/// would accept 100,000 nested arrays in an unknown field. Skipping through `deserialize_any`
/// keeps the 128-level limit, so too-deep nesting is [`FrameError::Malformed`] wherever it is.
#[derive(Debug, Clone, Copy)]
pub(super) struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Skip)
    }
}

impl<'de> Visitor<'de> for Skip {
    type Value = Skip;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Skip, E> {
        Ok(Skip)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Skip)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
        while map.next_key::<Skip>()?.is_some() {
            map.next_value::<Skip>()?;
        }
        Ok(Skip)
    }
}

/// A string, borrowed from the frame when it holds no escapes.
#[derive(Debug, Clone, Copy)]
pub(super) struct CowStr;

impl<'de> DeserializeSeed<'de> for CowStr {
    type Value = Cow<'de, str>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(CowStrVisitor)
    }
}

struct CowStrVisitor;

impl<'de> Visitor<'de> for CowStrVisitor {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
}

/// A subscription id: a string of 1 to `max` characters.
#[derive(Debug, Clone, Copy)]
pub(super) struct SubscriptionId<'s> {
    pub(super) slot: &'s Slot,
    pub(super) max_chars: usize,
}

impl<'de> DeserializeSeed<'de> for SubscriptionId<'_> {
    type Value = Cow<'de, str>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        let id = CowStr.deserialize(deserializer)?;
        // Counting characters of a huge string is wasted work: 4 bytes per character at most.
        let chars = if id.len() > self.max_chars.saturating_mul(4) {
            id.len()
        } else {
            id.chars().count()
        };
        if chars == 0 || chars > self.max_chars {
            return self.slot.fail(FrameError::BadSubscriptionId {
                chars,
                max: self.max_chars,
            });
        }
        Ok(id)
    }
}

/// Filters of a REQ or COUNT, up to `max`.
pub(super) fn read_filters<'de, A: SeqAccess<'de>>(
    elements: &mut Elements<'_, A>,
    max: usize,
) -> Result<Vec<crate::protocol::Filter>, A::Error> {
    let mut filters = Vec::new();
    loop {
        if filters.len() == max {
            // One more element means one filter too many; refuse before parsing it.
            elements.at("a filter object");
            if elements.seq.next_element::<Skip>()?.is_some() {
                return elements.slot.fail(FrameError::TooManyFilters { max });
            }
            break;
        }
        let seed = FilterSeed {
            slot: elements.slot,
            message: elements.message,
            index: elements.read,
        };
        match elements.optional("a filter object", seed)? {
            Some(filter) => filters.push(filter),
            None => break,
        }
    }
    elements.check_min()?;
    Ok(filters)
}

/// One filter object of a REQ or COUNT, with a typed error for a repeated key.
struct FilterSeed<'s> {
    slot: &'s Slot,
    message: &'static str,
    index: usize,
}

impl<'de> DeserializeSeed<'de> for FilterSeed<'_> {
    type Value = crate::protocol::Filter;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for FilterSeed<'_> {
    type Value = crate::protocol::Filter;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a NIP-01 filter object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        crate::protocol::filter::read_filter_map(map, |key| {
            self.slot.reject(FrameError::DuplicateFilterKey {
                message: self.message,
                index: self.index,
                key: clip(key, MAX_TYPE_CHARS),
            })
        })
    }
}

/// An event object, with typed errors per field.
///
/// It reads objects only (no `visit_seq`, unlike serde's derive, which would also take an event
/// written as an array) and refuses empty tags. It is also `Event`'s `Deserialize`, so
/// [`Event::from_json`], the frame scanner and events nested in other values all agree.
#[derive(Debug, Clone, Copy)]
pub(super) struct EventSeed<'s> {
    pub(super) slot: &'s Slot,
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let slot = Slot::default();
        EventSeed { slot: &slot }.deserialize(deserializer)
    }
}

/// Parses one event object, refusing trailing data; see [`Event::from_json`].
pub(crate) fn event_from_json(json: &str) -> Result<Event, EventJsonError> {
    let slot = Slot::default();
    let mut de = serde_json::Deserializer::from_str(json);
    let parsed = EventSeed { slot: &slot }
        .deserialize(&mut de)
        .and_then(|event| de.end().map(|()| event));
    parsed.map_err(|err| match slot.frame_error(err) {
        FrameError::InvalidEvent { field, problem } => {
            EventJsonError::InvalidEvent { field, problem }
        }
        // A data error before the object was entered: the top-level value has the wrong type.
        FrameError::NotAnArray => EventJsonError::NotAnObject,
        FrameError::Malformed {
            reason,
            line,
            column,
        } => EventJsonError::Malformed {
            reason,
            line,
            column,
        },
        // The event visitors record no other error; keep its text rather than lose it.
        other => EventJsonError::Malformed {
            reason: clip(&other.to_string(), MAX_REASON_CHARS),
            line: 0,
            column: 0,
        },
    })
}

/// The `tags` array of an event: arrays of one or more strings.
#[derive(Debug, Clone, Copy)]
struct TagsSeed<'s> {
    slot: &'s Slot,
}

impl<'de> DeserializeSeed<'de> for TagsSeed<'_> {
    type Value = Vec<Tag>;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Vec<Tag>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for TagsSeed<'_> {
    type Value = Vec<Tag>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of tags")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<Tag>, A::Error> {
        let mut tags = Vec::new();
        while let Some(parts) = seq.next_element::<Vec<String>>()? {
            if parts.is_empty() {
                return self.slot.fail(FrameError::InvalidEvent {
                    field: EventField::Tags,
                    problem: FieldProblem::EmptyTag { index: tags.len() },
                });
            }
            tags.push(Tag(parts));
        }
        Ok(tags)
    }
}

impl<'de> DeserializeSeed<'de> for EventSeed<'_> {
    type Value = Event;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Event, D::Error> {
        deserializer.deserialize_map(self)
    }
}

/// A key of an event object.
enum Key {
    Field(EventField),
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an event field name")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
                Ok(match v {
                    "id" => Key::Field(EventField::Id),
                    "pubkey" => Key::Field(EventField::Pubkey),
                    "created_at" => Key::Field(EventField::CreatedAt),
                    "kind" => Key::Field(EventField::Kind),
                    "tags" => Key::Field(EventField::Tags),
                    "content" => Key::Field(EventField::Content),
                    "sig" => Key::Field(EventField::Sig),
                    _ => Key::Other,
                })
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

impl EventSeed<'_> {
    /// Reads the value of `field` into `place`, refusing a second copy.
    fn field<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
        &self,
        map: &mut A,
        field: EventField,
        place: &mut Option<T>,
    ) -> Result<(), A::Error> {
        self.field_seed(map, field, place, PhantomData)
    }

    /// [`EventSeed::field`] with a seed.
    fn field_seed<'de, A: MapAccess<'de>, T: DeserializeSeed<'de>>(
        &self,
        map: &mut A,
        field: EventField,
        place: &mut Option<T::Value>,
        seed: T,
    ) -> Result<(), A::Error> {
        if place.is_some() {
            return self.slot.fail(FrameError::InvalidEvent {
                field,
                problem: FieldProblem::Duplicate,
            });
        }
        self.slot.ctx.set(Ctx::EventField(field));
        *place = Some(map.next_value_seed(seed)?);
        Ok(())
    }

    fn require<T, E: de::Error>(&self, field: EventField, value: Option<T>) -> Result<T, E> {
        match value {
            Some(v) => Ok(v),
            None => self.slot.fail(FrameError::InvalidEvent {
                field,
                problem: FieldProblem::Missing,
            }),
        }
    }
}

impl<'de> Visitor<'de> for EventSeed<'_> {
    type Value = Event;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an event object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Event, A::Error> {
        let mut id: Option<EventId> = None;
        let mut pubkey: Option<PublicKey> = None;
        let mut created_at: Option<Timestamp> = None;
        let mut kind: Option<Kind> = None;
        let mut tags: Option<Vec<Tag>> = None;
        let mut content: Option<String> = None;
        let mut sig: Option<Signature> = None;
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Field(f @ EventField::Id) => self.field(&mut map, f, &mut id)?,
                Key::Field(f @ EventField::Pubkey) => self.field(&mut map, f, &mut pubkey)?,
                Key::Field(f @ EventField::CreatedAt) => {
                    self.field(&mut map, f, &mut created_at)?;
                }
                Key::Field(f @ EventField::Kind) => self.field(&mut map, f, &mut kind)?,
                Key::Field(f @ EventField::Tags) => {
                    self.field_seed(&mut map, f, &mut tags, TagsSeed { slot: self.slot })?;
                }
                Key::Field(f @ EventField::Content) => self.field(&mut map, f, &mut content)?,
                Key::Field(f @ EventField::Sig) => self.field(&mut map, f, &mut sig)?,
                // Extra keys are ignored as serde's derive and relays do.
                Key::Other => {
                    map.next_value::<Skip>()?;
                }
            }
        }
        Ok(Event {
            id: self.require(EventField::Id, id)?,
            pubkey: self.require(EventField::Pubkey, pubkey)?,
            created_at: self.require(EventField::CreatedAt, created_at)?,
            kind: self.require(EventField::Kind, kind)?,
            tags: self.require(EventField::Tags, tags)?,
            content: self.require(EventField::Content, content)?,
            sig: self.require(EventField::Sig, sig)?,
        })
    }
}
