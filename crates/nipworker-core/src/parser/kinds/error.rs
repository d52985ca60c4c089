//! Why an event failed its kind's rules, and why single entries inside an accepted event were
//! skipped. Both are plain enums so a counter can key on them.

use serde::Serialize;
use thiserror::Error;

use crate::protocol::Kind;

/// An event broke a rule of its kind: it is reported, never silently dropped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Error, Serialize)]
#[error("kind {kind}: {reason}")]
pub struct ParseError {
    /// The event's kind.
    pub kind: Kind,
    /// What was wrong, as a counter key.
    pub reason: ParseErrorReason,
}

impl ParseError {
    /// Builds an error for `kind`.
    pub const fn new(kind: Kind, reason: ParseErrorReason) -> Self {
        Self { kind, reason }
    }
}

/// What made an event unusable for its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Error, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParseErrorReason {
    /// Content that must be JSON is not valid JSON.
    #[error("content is not valid JSON")]
    InvalidJson,
    /// Content that must be a JSON object is something else (empty, array, string...).
    #[error("content is not a JSON object")]
    NotJsonObject,
    /// A tag the kind requires is absent.
    #[error("missing `{0}` tag")]
    MissingTag(&'static str),
    /// A tag the kind requires is present but its value is malformed.
    #[error("invalid `{0}` tag")]
    InvalidTag(&'static str),
    /// Neither an `e` nor an `a` tag names what the event points at.
    #[error("no target event or address")]
    MissingTarget,
    /// NIP-22: no uppercase `E`, `A` or `I` root scope tag.
    #[error("no root scope tag (E, A or I)")]
    MissingRootScope,
    /// NIP-22: no lowercase `e`, `a` or `i` parent tag.
    #[error("no parent tag (e, a or i)")]
    MissingParent,
    /// NIP-61: no `proof` tag holds a readable Cashu proof.
    #[error("no valid proof")]
    MissingProofs,
}

impl ParseErrorReason {
    /// A stable, low-cardinality label for metrics.
    pub const fn label(&self) -> &'static str {
        match self {
            Self::InvalidJson => "invalid_json",
            Self::NotJsonObject => "not_json_object",
            Self::MissingTag(_) => "missing_tag",
            Self::InvalidTag(_) => "invalid_tag",
            Self::MissingTarget => "missing_target",
            Self::MissingRootScope => "missing_root_scope",
            Self::MissingParent => "missing_parent",
            Self::MissingProofs => "missing_proofs",
        }
    }
}

/// Why one entry (a tag, or an item of JSON content) was left out of an accepted result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// The tag has no value where one is required.
    MissingValue,
    /// Not 64 hex characters of a public key.
    InvalidPubkey,
    /// Not 64 hex characters of an event id.
    InvalidEventId,
    /// Not a `kind:pubkey:identifier` address.
    InvalidCoordinate,
    /// Not a ws:// or wss:// URL.
    InvalidRelayUrl,
    /// Not a usable http(s) or other URL where one is expected.
    InvalidUrl,
    /// Not a decimal number where one is expected.
    InvalidNumber,
    /// A value outside the set the NIP allows (for example a direction other than in/out).
    UnknownValue,
    /// A JSON value that does not have the expected shape.
    InvalidJson,
    /// An earlier entry already said the same thing.
    Duplicate,
    /// The kind's cap on kept entries was reached (each parser names its cap as a `MAX_*` const).
    OverLimit,
}

/// Where a skipped entry was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "in", content = "index")]
pub enum EntryLocation {
    /// The event tag at this index.
    Tag(u32),
    /// The tag at this index inside the decrypted content.
    PrivateTag(u32),
    /// The event content (for example a legacy JSON relay map).
    Content,
}

/// One left-out entry: where it was and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Skipped {
    /// Where the entry was.
    pub location: EntryLocation,
    /// Why it was left out.
    pub reason: SkipReason,
}

impl Skipped {
    /// An entry skipped at event tag `index`.
    pub(crate) fn tag(index: usize, reason: SkipReason) -> Self {
        Self {
            location: EntryLocation::Tag(u32::try_from(index).unwrap_or(u32::MAX)),
            reason,
        }
    }

    /// An entry skipped at decrypted tag `index`.
    pub(crate) fn private_tag(index: usize, reason: SkipReason) -> Self {
        Self {
            location: EntryLocation::PrivateTag(u32::try_from(index).unwrap_or(u32::MAX)),
            reason,
        }
    }

    /// An entry skipped in the content.
    pub(crate) fn content(reason: SkipReason) -> Self {
        Self {
            location: EntryLocation::Content,
            reason,
        }
    }
}
