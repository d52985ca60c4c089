//! The plain records of the interface (filters, events, publish results, relay status, options)
//! and their checked conversions to and from the core's types. Hex and URL arguments are checked
//! here, each bad one a typed error naming its field.

#![deny(unsafe_code)]

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::time::Duration;

use nipworker_core::client::{self as core_client, CacheMode as CoreCacheMode};
use nipworker_core::protocol::flatbuffers::fb;
use nipworker_core::{EventId, Kind, PublicKey, Signature, Tag, Timestamp};

use crate::error::NipworkerError;

/// A NIP-01 filter; ids and keys are hex.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Exact event ids.
    pub ids: Option<Vec<String>>,
    /// Exact authors.
    pub authors: Option<Vec<String>>,
    /// Kinds.
    pub kinds: Option<Vec<u16>>,
    /// Single-letter tag filters: the letter to the accepted values.
    pub tags: HashMap<String, Vec<String>>,
    /// Oldest `created_at` accepted.
    pub since: Option<u64>,
    /// Newest `created_at` accepted.
    pub until: Option<u64>,
    /// Most stored events.
    pub limit: Option<u32>,
    /// NIP-50 search.
    pub search: Option<String>,
}

fn hex_set<T: Ord>(
    field: &str,
    values: Option<Vec<String>>,
    parse: impl Fn(&str) -> Result<T, nipworker_core::protocol::HexError>,
) -> Result<Option<BTreeSet<T>>, NipworkerError> {
    values
        .map(|v| {
            v.iter()
                .map(|s| parse(s).map_err(|e| NipworkerError::hex(field, e)))
                .collect()
        })
        .transpose()
}

impl TryFrom<Filter> for nipworker_core::Filter {
    type Error = NipworkerError;

    fn try_from(f: Filter) -> Result<Self, NipworkerError> {
        let mut tags = BTreeMap::new();
        for (name, values) in f.tags {
            let name = name.strip_prefix('#').unwrap_or(&name);
            let mut chars = name.chars();
            let (Some(letter), None) = (chars.next(), chars.next()) else {
                return Err(NipworkerError::InvalidFilter {
                    reason: format!("tag filter {name:?} is not a single letter"),
                });
            };
            if !letter.is_ascii_alphabetic() {
                return Err(NipworkerError::InvalidFilter {
                    reason: format!("tag filter {name:?} is not a letter a-z or A-Z"),
                });
            }
            tags.insert(letter, values.into_iter().collect());
        }
        Ok(Self {
            ids: hex_set("ids", f.ids, EventId::from_hex)?,
            authors: hex_set("authors", f.authors, PublicKey::from_hex)?,
            kinds: f.kinds.map(|k| k.into_iter().map(Kind).collect()),
            tags,
            since: f.since.map(Timestamp),
            until: f.until.map(Timestamp),
            limit: f.limit.map(|l| l as usize),
            search: f.search,
        })
    }
}

impl From<&nipworker_core::Filter> for Filter {
    fn from(f: &nipworker_core::Filter) -> Self {
        Self {
            ids: f
                .ids
                .as_ref()
                .map(|s| s.iter().map(EventId::to_hex).collect()),
            authors: f
                .authors
                .as_ref()
                .map(|s| s.iter().map(PublicKey::to_hex).collect()),
            kinds: f.kinds.as_ref().map(|s| s.iter().map(|k| k.0).collect()),
            tags: f
                .tags
                .iter()
                .map(|(c, v)| (c.to_string(), v.iter().cloned().collect()))
                .collect(),
            since: f.since.map(|t| t.0),
            until: f.until.map(|t| t.0),
            limit: f.limit.map(|l| u32::try_from(l).unwrap_or(u32::MAX)),
            search: f.search.clone(),
        }
    }
}

/// Checks every filter of a call.
pub(crate) fn core_filters(
    filters: Vec<Filter>,
) -> Result<Vec<nipworker_core::Filter>, NipworkerError> {
    if filters.is_empty() {
        return Err(NipworkerError::InvalidFilter {
            reason: "at least one filter is needed".into(),
        });
    }
    filters.into_iter().map(TryInto::try_into).collect()
}

/// A signed event; ids, keys and the signature are hex.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The id.
    pub id: String,
    /// The author.
    pub pubkey: String,
    /// Creation time (Unix seconds).
    pub created_at: u64,
    /// The kind.
    pub kind: u16,
    /// The tags.
    pub tags: Vec<Vec<String>>,
    /// The content.
    pub content: String,
    /// The BIP-340 signature.
    pub sig: String,
}

impl From<&nipworker_core::Event> for Event {
    fn from(e: &nipworker_core::Event) -> Self {
        Self {
            id: e.id.to_hex(),
            pubkey: e.pubkey.to_hex(),
            created_at: e.created_at.0,
            kind: e.kind.0,
            tags: e.tags.iter().map(|t| t.0.clone()).collect(),
            content: e.content.clone(),
            sig: e.sig.to_hex(),
        }
    }
}

impl TryFrom<Event> for nipworker_core::Event {
    type Error = NipworkerError;

    /// The fields checked as hex; the id and signature are verified by the caller that needs it.
    fn try_from(e: Event) -> Result<Self, NipworkerError> {
        Ok(Self {
            id: EventId::from_hex(&e.id).map_err(|x| NipworkerError::hex("id", x))?,
            pubkey: PublicKey::from_hex(&e.pubkey).map_err(|x| NipworkerError::hex("pubkey", x))?,
            created_at: Timestamp(e.created_at),
            kind: Kind(e.kind),
            tags: checked_tags(e.tags)?,
            content: e.content,
            sig: Signature::from_hex(&e.sig).map_err(|x| NipworkerError::hex("sig", x))?,
        })
    }
}

/// Tags as the core takes them: NIP-01 tags are non-empty arrays.
pub(crate) fn checked_tags(tags: Vec<Vec<String>>) -> Result<Vec<Tag>, NipworkerError> {
    tags.into_iter()
        .map(|t| {
            if t.is_empty() {
                Err(NipworkerError::InvalidEvent {
                    reason: "a tag is an empty array".into(),
                })
            } else {
                Ok(Tag(t))
            }
        })
        .collect()
}

/// An event for the client's signer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnsignedEvent {
    /// The kind.
    pub kind: u16,
    /// The content.
    pub content: String,
    /// The tags.
    pub tags: Vec<Vec<String>>,
    /// Creation time; `None`: now.
    pub created_at: Option<u64>,
}

/// A relay's answer to a publish.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishStatus {
    /// OK true.
    Accepted,
    /// OK false.
    Rejected,
    /// No OK in time.
    Timeout,
    /// Unreachable, or the connection dropped.
    Failed,
}

/// One relay's answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelayPublishResult {
    /// The relay.
    pub relay: String,
    /// Its answer.
    pub status: PublishStatus,
    /// Its message.
    pub message: Option<String>,
}

/// The answer to a publish.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PublishResult {
    /// The event's id.
    pub event_id: String,
    /// Each relay's answer.
    pub relays: Vec<RelayPublishResult>,
}

impl From<core_client::PublishOutcome> for PublishResult {
    fn from(o: core_client::PublishOutcome) -> Self {
        Self {
            event_id: o.event_id.to_hex(),
            relays: o
                .relays
                .into_iter()
                .map(|r| RelayPublishResult {
                    relay: r.relay,
                    status: match r.status {
                        fb::RelayOkStatus::Accepted => PublishStatus::Accepted,
                        fb::RelayOkStatus::Rejected => PublishStatus::Rejected,
                        fb::RelayOkStatus::Timeout => PublishStatus::Timeout,
                        _ => PublishStatus::Failed,
                    },
                    message: r.message,
                })
                .collect(),
        }
    }
}

/// A relay connection's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelayState {
    /// Connecting.
    Connecting,
    /// Connected.
    Connected,
    /// The connection ended.
    Disconnected,
    /// Waiting before the next attempt.
    BackingOff,
    /// Given up.
    Failed,
}

/// A relay's state as last reported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RelayStatus {
    /// The relay.
    pub url: String,
    /// Its state.
    pub state: RelayState,
    /// Why it left the connected state.
    pub reason: Option<String>,
    /// When the next attempt starts (Unix ms).
    pub retry_at_ms: Option<u64>,
    /// Consecutive failed attempts.
    pub attempt: u32,
}

impl From<core_client::RelayStatus> for RelayStatus {
    fn from(s: core_client::RelayStatus) -> Self {
        Self {
            url: s.url,
            state: match s.state {
                fb::RelayState::Connecting => RelayState::Connecting,
                fb::RelayState::Connected => RelayState::Connected,
                fb::RelayState::Disconnected => RelayState::Disconnected,
                fb::RelayState::BackingOff => RelayState::BackingOff,
                _ => RelayState::Failed,
            },
            reason: s.reason,
            retry_at_ms: s.retry_at_ms,
            attempt: s.attempt,
        }
    }
}

/// Where the client caches events.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Store {
    /// In memory.
    Memory,
    /// A SQLite file.
    Sqlite {
        /// Its path.
        path: String,
    },
    /// The default SQLite file.
    DefaultSqlite,
}

/// The client's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientConfig {
    /// Relays read from by default.
    pub read_relays: Vec<String>,
    /// Relays published to by default.
    pub write_relays: Vec<String>,
    /// Relays where profiles and relay lists are looked up.
    pub indexer_relays: Vec<String>,
    /// The cache (`None`: the default SQLite file).
    pub store: Option<Store>,
    /// Verify relay events.
    pub verify: bool,
    /// Most connections (`None`: the core's default).
    pub max_connections: Option<u32>,
    /// Publish timeout in ms.
    pub publish_timeout_ms: Option<u64>,
    /// End-of-stored-events timeout in ms.
    pub eose_timeout_ms: Option<u64>,
}

impl From<ClientConfig> for core_client::ClientConfig {
    /// The core checks every value in `NostrClient::new` (a bad one is a typed error there).
    fn from(c: ClientConfig) -> Self {
        let mut config = core_client::ClientConfig {
            read_relays: c.read_relays,
            write_relays: c.write_relays,
            indexer_relays: c.indexer_relays,
            verify: c.verify,
            ..core_client::ClientConfig::default()
        };
        config.store = match c.store {
            None | Some(Store::DefaultSqlite) => core_client::StoreChoice::DefaultSqlite,
            Some(Store::Memory) => core_client::StoreChoice::Memory,
            Some(Store::Sqlite { path }) => core_client::StoreChoice::Sqlite(path.into()),
        };
        if let Some(max) = c.max_connections {
            config.max_connections = max as usize;
        }
        if let Some(ms) = c.publish_timeout_ms {
            config.publish_timeout = Duration::from_millis(ms);
        }
        if let Some(ms) = c.eose_timeout_ms {
            config.eose_timeout = Duration::from_millis(ms);
        }
        config
    }
}

/// Stored events first, relays only, or stored events only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheMode {
    /// Stored events, then relays.
    CacheFirst,
    /// Relays only.
    NoCache,
    /// Stored events only.
    CacheOnly,
}

/// Which pipes a subscription runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// Parsed, decrypted where the signer can.
    ParsedDecrypted,
    /// Parsed, encrypted parts closed.
    Parsed,
    /// Verified, not parsed.
    Raw,
    /// Neither verified nor cached.
    Unverified,
}

/// How to run a subscription.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubscribeOptions {
    /// Relay URLs.
    pub relays: Option<Vec<String>>,
    /// Cache mode.
    pub cache: Option<CacheMode>,
    /// End after every relay's stored events.
    pub close_on_eose: bool,
    /// Pipes.
    pub preset: Option<Preset>,
    /// Buffered items for a slow reader.
    pub buffer: Option<u32>,
    /// End-of-stored-events timeout in ms.
    pub eose_timeout_ms: Option<u64>,
    /// Copy the FlatBuffers bytes into each event item.
    pub include_raw: bool,
}

/// Most items a subscription may buffer for its reader (the core bounds it too).
const MAX_BUFFER: u32 = 1 << 20;

impl SubscribeOptions {
    /// The core's options, checked.
    pub(crate) fn to_core(&self) -> Result<core_client::SubscribeOptions, NipworkerError> {
        let defaults = core_client::SubscribeOptions::default();
        let buffer = match self.buffer {
            None => defaults.buffer,
            Some(0) => return Err(NipworkerError::argument("buffer must be at least 1")),
            Some(b) if b > MAX_BUFFER => {
                return Err(NipworkerError::argument(format!(
                    "buffer must be at most {MAX_BUFFER}, got {b}"
                )));
            }
            Some(b) => b as usize,
        };
        let eose_timeout = match self.eose_timeout_ms {
            None => None,
            Some(0) => {
                return Err(NipworkerError::argument(
                    "eose_timeout_ms must be at least 1",
                ));
            }
            Some(ms) => Some(Duration::from_millis(ms)),
        };
        Ok(core_client::SubscribeOptions {
            relays: self.relays.clone(),
            cache: match self.cache.unwrap_or(CacheMode::CacheFirst) {
                CacheMode::CacheFirst => CoreCacheMode::CacheFirst,
                CacheMode::NoCache => CoreCacheMode::NoCache,
                CacheMode::CacheOnly => CoreCacheMode::CacheOnly,
            },
            close_on_eose: self.close_on_eose,
            preset: match self.preset.unwrap_or(Preset::ParsedDecrypted) {
                Preset::ParsedDecrypted => core_client::Preset::ParsedDecrypted,
                Preset::Parsed => core_client::Preset::Parsed,
                Preset::Raw => core_client::Preset::Raw,
                Preset::Unverified => core_client::Preset::Unverified,
            },
            buffer,
            eose_timeout,
        })
    }
}

/// The JSON object of a filter, read.
pub fn filter_from_json(json: String) -> Result<Filter, NipworkerError> {
    crate::runtime::guard(|| {
        let filter = nipworker_core::Filter::from_json(&json).map_err(|e| {
            NipworkerError::InvalidFilter {
                reason: e.to_string(),
            }
        })?;
        Ok(Filter::from(&filter))
    })
}

/// The JSON object of a filter.
pub fn filter_to_json(filter: Filter) -> Result<String, NipworkerError> {
    crate::runtime::guard(|| Ok(nipworker_core::Filter::try_from(filter)?.to_json()))
}

/// A signed event read from JSON (id and signature verified).
pub fn event_from_json(json: String) -> Result<Event, NipworkerError> {
    crate::runtime::guard(|| {
        let event =
            nipworker_core::Event::from_json(&json).map_err(|e| NipworkerError::InvalidEvent {
                reason: e.to_string(),
            })?;
        event.verify().map_err(|e| NipworkerError::InvalidEvent {
            reason: e.to_string(),
        })?;
        Ok(Event::from(&event))
    })
}

/// The JSON object of an event.
pub fn event_to_json(event: Event) -> Result<String, NipworkerError> {
    crate::runtime::guard(|| Ok(nipworker_core::Event::try_from(event)?.to_json()))
}

/// The public key (hex) of a private key in hex or nsec.
pub fn public_key_of(secret: String) -> Result<String, NipworkerError> {
    let secret = zeroize::Zeroizing::new(secret);
    crate::runtime::guard(|| {
        let signer = nipworker_core::signer::PrivateKeySigner::parse(&secret).map_err(|e| {
            NipworkerError::InvalidSigner {
                reason: e.to_string(),
            }
        })?;
        Ok(signer.public_key_now().to_hex())
    })
}
