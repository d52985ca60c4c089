//! NIP-19 bech32 entities (npub, nsec, note, nprofile, nevent, naddr) and NIP-21 `nostr:` URIs.
//!
//! Built on the `bech32` crate with the bech32 (not bech32m) checksum and a longer code length than
//! BIP-173's 90 characters, because TLV entities with many relays grow past it.

use std::fmt;
use std::str::FromStr;

use bech32::primitives::checksum::Checksum;
use bech32::primitives::decode::{
    CheckedHrpstring, CheckedHrpstringError, ChecksumError, UncheckedHrpstringError,
};
use bech32::{ByteIterExt, Fe32, Fe32IterExt, Fe1024, Hrp};
use thiserror::Error;
use zeroize::Zeroizing;

use super::{EventId, Kind, PublicKey};

/// Longest NIP-19 string accepted or produced (the limit nostr-tools uses, so entities made by other
/// clients round-trip).
pub const MAX_NIP19_LENGTH: usize = 5000;

/// The bech32 checksum (BIP-173 generator and residue) with a code length of `N` characters.
///
/// BIP-173 caps strings at 90 characters and the `bech32` crate's `Bech32` at 1023; NIP-19 TLV
/// entities and BOLT11 invoices are longer, so the same checksum is declared with a longer code.
/// Error detection guarantees weaken past 1023 characters, as for every other Nostr client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LongBech32<const N: usize> {}

impl<const N: usize> Checksum for LongBech32<N> {
    type MidstateRepr = u32;
    type CorrectionField = Fe1024;
    const ROOT_GENERATOR: Self::CorrectionField = Fe1024::new([Fe32::P, Fe32::X]);
    const ROOT_EXPONENTS: core::ops::RangeInclusive<usize> = 24..=26;
    const CODE_LENGTH: usize = N;
    const CHECKSUM_LENGTH: usize = 6;
    // Bitcoin Core src/bech32.cpp generator, identical to `bech32::Bech32`.
    const GENERATOR_SH: [u32; 5] = [
        0x3b6a_57b2,
        0x2650_8e6d,
        0x1ea1_19fa,
        0x3d42_33dd,
        0x2a14_62b3,
    ];
    const TARGET_RESIDUE: u32 = 1;
}

/// The checksum used for every NIP-19 string.
type Nip19Checksum = LongBech32<MAX_NIP19_LENGTH>;

const HRP_NPUB: Hrp = Hrp::parse_unchecked("npub");
const HRP_NSEC: Hrp = Hrp::parse_unchecked("nsec");
const HRP_NOTE: Hrp = Hrp::parse_unchecked("note");
const HRP_NPROFILE: Hrp = Hrp::parse_unchecked("nprofile");
const HRP_NEVENT: Hrp = Hrp::parse_unchecked("nevent");
const HRP_NADDR: Hrp = Hrp::parse_unchecked("naddr");

const TLV_SPECIAL: u8 = 0;
const TLV_RELAY: u8 = 1;
const TLV_AUTHOR: u8 = 2;
const TLV_KIND: u8 = 3;

/// Why a NIP-19 string or NIP-21 URI was rejected. Never echoes the input (it may be an `nsec`).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Nip19Error {
    /// Not a well-formed bech32 string (separator, characters, mixed case, human-readable part).
    #[error("malformed bech32 string")]
    Malformed,
    /// The bech32 checksum does not match (bech32m is not accepted either).
    #[error("invalid bech32 checksum")]
    Checksum,
    /// Longer than [`MAX_NIP19_LENGTH`] characters.
    #[error("bech32 string of {length} characters exceeds the {max} character limit")]
    TooLong {
        /// Length of the input or of the would-be encoding.
        length: usize,
        /// The limit.
        max: usize,
    },
    /// The prefix is not one of npub, nsec, note, nprofile, nevent, naddr.
    #[error("unknown NIP-19 prefix `{0}`")]
    UnknownPrefix(String),
    /// Bits left over after the last byte are more than 4 or not zero (BIP-173 padding rule).
    #[error("invalid bech32 padding")]
    Padding,
    /// A bare key or id has the wrong number of bytes.
    #[error("expected {expected} data bytes, found {found}")]
    DataLength {
        /// Bytes expected.
        expected: usize,
        /// Bytes found.
        found: usize,
    },
    /// A TLV record's length runs past the end of the data.
    #[error("truncated TLV record")]
    TlvTruncated,
    /// A TLV record of a known type has the wrong length.
    #[error("TLV type {tlv_type} must be {expected} bytes, found {found}")]
    TlvLength {
        /// The TLV type.
        tlv_type: u8,
        /// Bytes expected.
        expected: usize,
        /// Bytes found.
        found: usize,
    },
    /// A required TLV record is absent.
    #[error("missing TLV type {0}")]
    MissingTlv(u8),
    /// A TLV record that may appear once appears twice (ambiguous between clients).
    #[error("duplicate TLV type {0}")]
    DuplicateTlv(u8),
    /// A relay or identifier TLV is not valid UTF-8.
    #[error("TLV type {0} is not valid UTF-8")]
    TlvUtf8(u8),
    /// A kind TLV holds a value above 65535, which NIP-01 does not allow.
    #[error("kind {0} is out of range")]
    KindOutOfRange(u32),
    /// A value to encode is longer than the 255 bytes a TLV record can hold.
    #[error("TLV type {0} value exceeds 255 bytes")]
    TlvValueTooLong(u8),
    /// The string does not start with `nostr:`.
    #[error("not a nostr: URI")]
    NotNostrUri,
    /// NIP-21 forbids `nsec` in `nostr:` URIs.
    #[error("nsec is not allowed in a nostr: URI")]
    SecretInUri,
}

/// 32 secret-key bytes from an `nsec`, erased on drop and never shown by `Debug`.
#[derive(Clone)]
pub struct SecretKeyBytes(Zeroizing<[u8; 32]>);

impl SecretKeyBytes {
    /// Wraps secret bytes (the caller's copy is the caller's to erase).
    pub fn new(bytes: [u8; 32]) -> Self {
        Self(Zeroizing::new(bytes))
    }

    /// The secret bytes.
    pub fn expose(&self) -> &[u8; 32] {
        &self.0
    }

    /// Builds a signing key pair from these bytes.
    pub fn to_keys(&self) -> Result<super::Keys, super::KeyError> {
        super::Keys::from_secret_bytes(&self.0)
    }
}

impl PartialEq for SecretKeyBytes {
    // Constant time, so comparing secrets does not leak how many leading bytes matched.
    fn eq(&self, other: &Self) -> bool {
        self.0
            .iter()
            .zip(other.0.iter())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
    }
}

impl Eq for SecretKeyBytes {}

impl fmt::Debug for SecretKeyBytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretKeyBytes(<redacted>)")
    }
}

/// An `nprofile`: a public key with relays where it may be found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nip19Profile {
    /// The profile's public key.
    pub public_key: PublicKey,
    /// Relay URLs, in the order given.
    pub relays: Vec<String>,
}

/// An `nevent`: an event id with optional relays, author and kind hints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nip19Event {
    /// The event id.
    pub id: EventId,
    /// Relay URLs, in the order given.
    pub relays: Vec<String>,
    /// The author, when given.
    pub author: Option<PublicKey>,
    /// The kind, when given.
    pub kind: Option<Kind>,
}

/// An `naddr`: the coordinate of an addressable (or replaceable) event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Nip19Address {
    /// The `d` tag value (empty for replaceable events).
    pub identifier: String,
    /// The author.
    pub public_key: PublicKey,
    /// The kind.
    pub kind: Kind,
    /// Relay URLs, in the order given.
    pub relays: Vec<String>,
}

/// Any NIP-19 entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Nip19Entity {
    /// `npub`
    Pubkey(PublicKey),
    /// `nsec`
    Secret(SecretKeyBytes),
    /// `note`
    Note(EventId),
    /// `nprofile`
    Profile(Nip19Profile),
    /// `nevent`
    Event(Nip19Event),
    /// `naddr`
    Address(Nip19Address),
}

/// The NIP-19 prefix of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Nip19Prefix {
    /// `npub`
    Npub,
    /// `nsec`
    Nsec,
    /// `note`
    Note,
    /// `nprofile`
    Nprofile,
    /// `nevent`
    Nevent,
    /// `naddr`
    Naddr,
}

impl Nip19Prefix {
    /// The lowercase prefix.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Npub => "npub",
            Self::Nsec => "nsec",
            Self::Note => "note",
            Self::Nprofile => "nprofile",
            Self::Nevent => "nevent",
            Self::Naddr => "naddr",
        }
    }

    /// Recognises a prefix, ignoring ASCII case (bech32 strings may be all uppercase).
    pub fn parse(s: &str) -> Option<Self> {
        const ALL: [Nip19Prefix; 6] = [
            Nip19Prefix::Npub,
            Nip19Prefix::Nsec,
            Nip19Prefix::Note,
            Nip19Prefix::Nprofile,
            Nip19Prefix::Nevent,
            Nip19Prefix::Naddr,
        ];
        ALL.into_iter().find(|p| p.as_str().eq_ignore_ascii_case(s))
    }

    const fn hrp(self) -> Hrp {
        match self {
            Self::Npub => HRP_NPUB,
            Self::Nsec => HRP_NSEC,
            Self::Note => HRP_NOTE,
            Self::Nprofile => HRP_NPROFILE,
            Self::Nevent => HRP_NEVENT,
            Self::Naddr => HRP_NADDR,
        }
    }
}

impl fmt::Display for Nip19Prefix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Nip19Entity {
    /// Decodes a NIP-19 bech32 string (without a `nostr:` scheme).
    pub fn from_bech32(s: &str) -> Result<Self, Nip19Error> {
        let checked = check(s)?;
        let hrp = checked.hrp();
        let prefix = Nip19Prefix::parse(hrp.as_str())
            .ok_or_else(|| Nip19Error::UnknownPrefix(hrp.to_lowercase()))?;
        match prefix {
            Nip19Prefix::Npub => Ok(Self::Pubkey(PublicKey(fixed32(&checked)?))),
            Nip19Prefix::Note => Ok(Self::Note(EventId(fixed32(&checked)?))),
            Nip19Prefix::Nsec => {
                let bytes = Zeroizing::new(fixed32(&checked)?);
                Ok(Self::Secret(SecretKeyBytes::new(*bytes)))
            }
            Nip19Prefix::Nprofile => decode_nprofile(&tlv_bytes(&checked)),
            Nip19Prefix::Nevent => decode_nevent(&tlv_bytes(&checked)),
            Nip19Prefix::Naddr => decode_naddr(&tlv_bytes(&checked)),
        }
    }

    /// Parses a NIP-21 `nostr:` URI (scheme case-insensitive). `nsec` is refused, as NIP-21 says.
    pub fn from_nostr_uri(uri: &str) -> Result<Self, Nip19Error> {
        let rest = strip_nostr_scheme(uri).ok_or(Nip19Error::NotNostrUri)?;
        let entity = Self::from_bech32(rest)?;
        if matches!(entity, Self::Secret(_)) {
            return Err(Nip19Error::SecretInUri);
        }
        Ok(entity)
    }

    /// The entity's prefix.
    pub fn prefix(&self) -> Nip19Prefix {
        match self {
            Self::Pubkey(_) => Nip19Prefix::Npub,
            Self::Secret(_) => Nip19Prefix::Nsec,
            Self::Note(_) => Nip19Prefix::Note,
            Self::Profile(_) => Nip19Prefix::Nprofile,
            Self::Event(_) => Nip19Prefix::Nevent,
            Self::Address(_) => Nip19Prefix::Naddr,
        }
    }

    /// Encodes as a lowercase bech32 string.
    pub fn to_bech32(&self) -> Result<String, Nip19Error> {
        match self {
            Self::Pubkey(pk) => Ok(encode_bytes(Nip19Prefix::Npub, &pk.0)),
            Self::Note(id) => Ok(encode_bytes(Nip19Prefix::Note, &id.0)),
            Self::Secret(sk) => Ok(encode_bytes(Nip19Prefix::Nsec, sk.expose())),
            Self::Profile(p) => {
                let mut tlv = Vec::with_capacity(34 + relays_len(&p.relays));
                push_tlv(&mut tlv, TLV_SPECIAL, &p.public_key.0)?;
                push_relays(&mut tlv, &p.relays)?;
                encode_checked(Nip19Prefix::Nprofile, &tlv)
            }
            Self::Event(e) => {
                let mut tlv = Vec::with_capacity(34 + 34 + 6 + relays_len(&e.relays));
                push_tlv(&mut tlv, TLV_SPECIAL, &e.id.0)?;
                push_relays(&mut tlv, &e.relays)?;
                if let Some(author) = &e.author {
                    push_tlv(&mut tlv, TLV_AUTHOR, &author.0)?;
                }
                if let Some(kind) = e.kind {
                    push_tlv(&mut tlv, TLV_KIND, &u32::from(kind.0).to_be_bytes())?;
                }
                encode_checked(Nip19Prefix::Nevent, &tlv)
            }
            Self::Address(a) => {
                let mut tlv =
                    Vec::with_capacity(2 + a.identifier.len() + 34 + 6 + relays_len(&a.relays));
                push_tlv(&mut tlv, TLV_SPECIAL, a.identifier.as_bytes())?;
                push_relays(&mut tlv, &a.relays)?;
                push_tlv(&mut tlv, TLV_AUTHOR, &a.public_key.0)?;
                push_tlv(&mut tlv, TLV_KIND, &u32::from(a.kind.0).to_be_bytes())?;
                encode_checked(Nip19Prefix::Naddr, &tlv)
            }
        }
    }

    /// Encodes as a NIP-21 `nostr:` URI; `nsec` is refused.
    pub fn to_nostr_uri(&self) -> Result<String, Nip19Error> {
        if matches!(self, Self::Secret(_)) {
            return Err(Nip19Error::SecretInUri);
        }
        Ok(format!("nostr:{}", self.to_bech32()?))
    }
}

impl FromStr for Nip19Entity {
    type Err = Nip19Error;
    /// Accepts a bare bech32 entity or a `nostr:` URI.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if strip_nostr_scheme(s).is_some() {
            Self::from_nostr_uri(s)
        } else {
            Self::from_bech32(s)
        }
    }
}

/// Returns what follows a case-insensitive `nostr:` scheme, if present.
pub fn strip_nostr_scheme(s: &str) -> Option<&str> {
    let head = s.get(..6)?;
    if head.eq_ignore_ascii_case("nostr:") {
        s.get(6..)
    } else {
        None
    }
}

impl PublicKey {
    /// Decodes an `npub`.
    pub fn from_npub(s: &str) -> Result<Self, Nip19Error> {
        let checked = check_prefix(s, Nip19Prefix::Npub)?;
        Ok(PublicKey(fixed32(&checked)?))
    }

    /// Encodes as an `npub`.
    pub fn to_npub(&self) -> String {
        encode_bytes(Nip19Prefix::Npub, &self.0)
    }
}

impl EventId {
    /// Decodes a `note`.
    pub fn from_note(s: &str) -> Result<Self, Nip19Error> {
        let checked = check_prefix(s, Nip19Prefix::Note)?;
        Ok(EventId(fixed32(&checked)?))
    }

    /// Encodes as a `note`.
    pub fn to_note(&self) -> String {
        encode_bytes(Nip19Prefix::Note, &self.0)
    }
}

/// Decodes an `nsec` into erasable secret bytes.
pub fn decode_nsec(s: &str) -> Result<SecretKeyBytes, Nip19Error> {
    let checked = check_prefix(s, Nip19Prefix::Nsec)?;
    let bytes = Zeroizing::new(fixed32(&checked)?);
    Ok(SecretKeyBytes::new(*bytes))
}

/// Encodes secret bytes as an `nsec`, in a string that is erased on drop.
pub fn encode_nsec(secret: &[u8; 32]) -> Zeroizing<String> {
    Zeroizing::new(encode_bytes(Nip19Prefix::Nsec, secret))
}

/// Parses and checksums `s`, enforcing the length cap before any work.
fn check(s: &str) -> Result<CheckedHrpstring<'_>, Nip19Error> {
    if s.len() > MAX_NIP19_LENGTH {
        return Err(Nip19Error::TooLong {
            length: s.len(),
            max: MAX_NIP19_LENGTH,
        });
    }
    let checked = CheckedHrpstring::new::<Nip19Checksum>(s).map_err(map_bech32_error)?;
    check_padding(checked.data_part_ascii_no_checksum())?;
    Ok(checked)
}

fn check_prefix(s: &str, expected: Nip19Prefix) -> Result<CheckedHrpstring<'_>, Nip19Error> {
    let checked = check(s)?;
    let hrp = checked.hrp();
    if Nip19Prefix::parse(hrp.as_str()) == Some(expected) {
        Ok(checked)
    } else {
        Err(Nip19Error::UnknownPrefix(hrp.to_lowercase()))
    }
}

fn map_bech32_error(e: CheckedHrpstringError) -> Nip19Error {
    match e {
        CheckedHrpstringError::Parse(UncheckedHrpstringError::Char(_))
        | CheckedHrpstringError::Parse(UncheckedHrpstringError::Hrp(_)) => Nip19Error::Malformed,
        CheckedHrpstringError::Checksum(ChecksumError::CodeLength(e)) => Nip19Error::TooLong {
            length: e.encoded_length,
            max: e.code_length,
        },
        CheckedHrpstringError::Checksum(ChecksumError::InvalidResidue(_)) => Nip19Error::Checksum,
        _ => Nip19Error::Malformed,
    }
}

/// BIP-173: the incomplete group after the last whole byte is at most 4 bits and all zero, so each
/// payload has exactly one encoding.
pub(crate) fn check_padding(data_ascii: &[u8]) -> Result<(), Nip19Error> {
    let pad_bits = (data_ascii.len() * 5) % 8;
    if pad_bits == 0 {
        return Ok(());
    }
    if pad_bits > 4 {
        return Err(Nip19Error::Padding);
    }
    let last = data_ascii
        .last()
        .and_then(|&c| Fe32::from_char(char::from(c)).ok())
        .ok_or(Nip19Error::Malformed)?;
    if last.to_u8() & ((1u8 << pad_bits) - 1) != 0 {
        return Err(Nip19Error::Padding);
    }
    Ok(())
}

fn fixed32(checked: &CheckedHrpstring<'_>) -> Result<[u8; 32], Nip19Error> {
    let mut out = [0u8; 32];
    let mut n = 0usize;
    for b in checked.byte_iter() {
        if let Some(slot) = out.get_mut(n) {
            *slot = b;
        }
        n += 1;
    }
    if n != 32 {
        // Erase whatever was copied: this may be part of a secret.
        zeroize::Zeroize::zeroize(&mut out);
        return Err(Nip19Error::DataLength {
            expected: 32,
            found: n,
        });
    }
    Ok(out)
}

fn tlv_bytes(checked: &CheckedHrpstring<'_>) -> Vec<u8> {
    checked.byte_iter().collect()
}

/// Iterates `(type, value)` records; a length past the end is an error.
fn tlv_records(data: &[u8]) -> impl Iterator<Item = Result<(u8, &[u8]), Nip19Error>> {
    let mut rest = data;
    std::iter::from_fn(move || {
        let (&t, after_t) = rest.split_first()?;
        let Some((&len, after_len)) = after_t.split_first() else {
            rest = &[];
            return Some(Err(Nip19Error::TlvTruncated));
        };
        let len = usize::from(len);
        if after_len.len() < len {
            rest = &[];
            return Some(Err(Nip19Error::TlvTruncated));
        }
        let (value, next) = after_len.split_at(len);
        rest = next;
        Some(Ok((t, value)))
    })
}

fn tlv_32(tlv_type: u8, value: &[u8]) -> Result<[u8; 32], Nip19Error> {
    <[u8; 32]>::try_from(value).map_err(|_| Nip19Error::TlvLength {
        tlv_type,
        expected: 32,
        found: value.len(),
    })
}

fn tlv_kind(value: &[u8]) -> Result<Kind, Nip19Error> {
    let raw = <[u8; 4]>::try_from(value).map_err(|_| Nip19Error::TlvLength {
        tlv_type: TLV_KIND,
        expected: 4,
        found: value.len(),
    })?;
    let k = u32::from_be_bytes(raw);
    u16::try_from(k)
        .map(Kind)
        .map_err(|_| Nip19Error::KindOutOfRange(k))
}

fn tlv_string(tlv_type: u8, value: &[u8]) -> Result<String, Nip19Error> {
    std::str::from_utf8(value)
        .map(str::to_owned)
        .map_err(|_| Nip19Error::TlvUtf8(tlv_type))
}

fn set_once<T>(slot: &mut Option<T>, tlv_type: u8, value: T) -> Result<(), Nip19Error> {
    if slot.is_some() {
        return Err(Nip19Error::DuplicateTlv(tlv_type));
    }
    *slot = Some(value);
    Ok(())
}

fn decode_nprofile(data: &[u8]) -> Result<Nip19Entity, Nip19Error> {
    let mut public_key = None;
    let mut relays = Vec::new();
    for record in tlv_records(data) {
        let (t, v) = record?;
        match t {
            TLV_SPECIAL => set_once(&mut public_key, t, PublicKey(tlv_32(t, v)?))?,
            TLV_RELAY => relays.push(tlv_string(t, v)?),
            _ => {} // NIP-19: unknown TLV types are ignored.
        }
    }
    Ok(Nip19Entity::Profile(Nip19Profile {
        public_key: public_key.ok_or(Nip19Error::MissingTlv(TLV_SPECIAL))?,
        relays,
    }))
}

fn decode_nevent(data: &[u8]) -> Result<Nip19Entity, Nip19Error> {
    let mut id = None;
    let mut author = None;
    let mut kind = None;
    let mut relays = Vec::new();
    for record in tlv_records(data) {
        let (t, v) = record?;
        match t {
            TLV_SPECIAL => set_once(&mut id, t, EventId(tlv_32(t, v)?))?,
            TLV_RELAY => relays.push(tlv_string(t, v)?),
            TLV_AUTHOR => set_once(&mut author, t, PublicKey(tlv_32(t, v)?))?,
            TLV_KIND => set_once(&mut kind, t, tlv_kind(v)?)?,
            _ => {}
        }
    }
    Ok(Nip19Entity::Event(Nip19Event {
        id: id.ok_or(Nip19Error::MissingTlv(TLV_SPECIAL))?,
        relays,
        author,
        kind,
    }))
}

fn decode_naddr(data: &[u8]) -> Result<Nip19Entity, Nip19Error> {
    let mut identifier = None;
    let mut public_key = None;
    let mut kind = None;
    let mut relays = Vec::new();
    for record in tlv_records(data) {
        let (t, v) = record?;
        match t {
            TLV_SPECIAL => set_once(&mut identifier, t, tlv_string(t, v)?)?,
            TLV_RELAY => relays.push(tlv_string(t, v)?),
            TLV_AUTHOR => set_once(&mut public_key, t, PublicKey(tlv_32(t, v)?))?,
            TLV_KIND => set_once(&mut kind, t, tlv_kind(v)?)?,
            _ => {}
        }
    }
    Ok(Nip19Entity::Address(Nip19Address {
        identifier: identifier.ok_or(Nip19Error::MissingTlv(TLV_SPECIAL))?,
        public_key: public_key.ok_or(Nip19Error::MissingTlv(TLV_AUTHOR))?,
        kind: kind.ok_or(Nip19Error::MissingTlv(TLV_KIND))?,
        relays,
    }))
}

fn relays_len(relays: &[String]) -> usize {
    relays.iter().map(|r| r.len() + 2).sum()
}

fn push_tlv(buf: &mut Vec<u8>, tlv_type: u8, value: &[u8]) -> Result<(), Nip19Error> {
    let len = u8::try_from(value.len()).map_err(|_| Nip19Error::TlvValueTooLong(tlv_type))?;
    buf.push(tlv_type);
    buf.push(len);
    buf.extend_from_slice(value);
    Ok(())
}

fn push_relays(buf: &mut Vec<u8>, relays: &[String]) -> Result<(), Nip19Error> {
    relays
        .iter()
        .try_for_each(|r| push_tlv(buf, TLV_RELAY, r.as_bytes()))
}

/// Encodes without a length check: callers pass data whose encoding is known to fit.
fn encode_bytes(prefix: Nip19Prefix, data: &[u8]) -> String {
    let hrp = prefix.hrp();
    data.iter()
        .copied()
        .bytes_to_fes()
        .with_checksum::<Nip19Checksum>(&hrp)
        .chars()
        .collect()
}

fn encode_checked(prefix: Nip19Prefix, data: &[u8]) -> Result<String, Nip19Error> {
    // hrp + '1' + ceil(8n/5) data characters + 6 checksum characters.
    let length = prefix.as_str().len() + 1 + (data.len() * 8).div_ceil(5) + 6;
    if length > MAX_NIP19_LENGTH {
        return Err(Nip19Error::TooLong {
            length,
            max: MAX_NIP19_LENGTH,
        });
    }
    Ok(encode_bytes(prefix, data))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NPUB: &str = "npub10elfcs4fr0l0r8af98jlmgdh9c8tcxjvz9qkw038js35mp4dma8qzvjptg";
    const NPUB_HEX: &str = "7e7e9c42a91bfef19fa929e5fda1b72e0ebc1a4c1141673e2794234d86addf4e";
    const NSEC: &str = "nsec1vl029mgpspedva04g90vltkh6fvh240zqtv9k0t9af8935ke9laqsnlfe5";
    const NSEC_HEX: &str = "67dea2ed018072d675f5415ecfaed7d2597555e202d85b3d65ea4e58d2d92ffa";
    const NPROFILE: &str = "nprofile1qqsrhuxx8l9ex335q7he0f09aej04zpazpl0ne2cgukyawd24mayt8gpp4mhxue69uhhytnc9e3k7mgpz4mhxue69uhkg6nzv9ejuumpv34kytnrdaksjlyr9p";
    // As printed in nips/19.md ("pubkey: 3bf0...a459d", fiatjaf's key).
    const NPROFILE_HEX: &str = "3bf0c63fcb93463407af97a5e5ee64fa883d107ef9e558472c4eb9aaaefa459d";

    #[test]
    fn checksum_constants_are_consistent() {
        LongBech32::<5000>::sanity_check();
    }

    #[test]
    fn spec_npub_vector() {
        let e = Nip19Entity::from_bech32(NPUB).unwrap();
        assert_eq!(
            e,
            Nip19Entity::Pubkey(PublicKey::from_hex(NPUB_HEX).unwrap())
        );
        assert_eq!(e.to_bech32().unwrap(), NPUB);
        assert_eq!(PublicKey::from_hex(NPUB_HEX).unwrap().to_npub(), NPUB);
        assert_eq!(PublicKey::from_npub(NPUB).unwrap().to_hex(), NPUB_HEX);
        // bech32 allows an all-uppercase string (QR codes).
        assert_eq!(Nip19Entity::from_bech32(&NPUB.to_uppercase()).unwrap(), e);
    }

    #[test]
    fn spec_nsec_vector_and_redaction() {
        let e = Nip19Entity::from_bech32(NSEC).unwrap();
        let Nip19Entity::Secret(sk) = &e else {
            panic!("not a secret")
        };
        assert_eq!(hex::encode(sk.expose()), NSEC_HEX);
        let dbg = format!("{e:?}");
        assert!(
            !dbg.contains(&NSEC_HEX[..8]) && !dbg.contains(&NSEC[5..13]),
            "{dbg}"
        );
        assert!(dbg.contains("redacted"));
        assert_eq!(e.to_bech32().unwrap(), NSEC);
        assert_eq!(&*encode_nsec(sk.expose()), NSEC);
        assert_eq!(decode_nsec(NSEC).unwrap(), *sk);
        assert!(sk.to_keys().is_ok());
        // NIP-21 refuses secrets in URIs both ways.
        assert_eq!(
            Nip19Entity::from_nostr_uri(&format!("nostr:{NSEC}")),
            Err(Nip19Error::SecretInUri)
        );
        assert_eq!(e.to_nostr_uri(), Err(Nip19Error::SecretInUri));
        // Errors never echo the input.
        let mut bad = NSEC.to_string();
        bad.pop();
        bad.push('q');
        let err = Nip19Entity::from_bech32(&bad).unwrap_err();
        assert_eq!(err, Nip19Error::Checksum);
        assert!(!err.to_string().contains(&NSEC[5..13]));
    }

    #[test]
    fn spec_nprofile_vector() {
        let e = Nip19Entity::from_bech32(NPROFILE).unwrap();
        let expected = Nip19Entity::Profile(Nip19Profile {
            public_key: PublicKey::from_hex(NPROFILE_HEX).unwrap(),
            relays: vec!["wss://r.x.com".into(), "wss://djbas.sadkb.com".into()],
        });
        assert_eq!(e, expected);
        assert_eq!(e.to_bech32().unwrap(), NPROFILE);
        assert_eq!(
            Nip19Entity::from_nostr_uri(&format!("nostr:{NPROFILE}")).unwrap(),
            expected
        );
        assert_eq!(
            Nip19Entity::from_str(&format!("NOSTR:{NPROFILE}")).unwrap(),
            expected
        );
        assert_eq!(e.to_nostr_uri().unwrap(), format!("nostr:{NPROFILE}"));
    }

    #[test]
    fn nevent_and_naddr_round_trip() {
        let id = EventId([7; 32]);
        let pk = PublicKey([9; 32]);
        for e in [
            Nip19Entity::Note(id),
            Nip19Entity::Event(Nip19Event {
                id,
                relays: vec![],
                author: None,
                kind: None,
            }),
            Nip19Entity::Event(Nip19Event {
                id,
                relays: vec!["wss://relay.damus.io".into(), "wss://nos.lol".into()],
                author: Some(pk),
                kind: Some(Kind(1)),
            }),
            Nip19Entity::Address(Nip19Address {
                identifier: "my-article ✍️".into(),
                public_key: pk,
                kind: Kind(30023),
                relays: vec!["wss://relay.example".into()],
            }),
            Nip19Entity::Address(Nip19Address {
                identifier: String::new(),
                public_key: pk,
                kind: Kind(10002),
                relays: vec![],
            }),
        ] {
            let s = e.to_bech32().unwrap();
            assert_eq!(Nip19Entity::from_bech32(&s).unwrap(), e, "{s}");
        }
    }

    #[test]
    fn long_nprofile_beyond_bip173_limits() {
        // 20 relays of 60 bytes: far beyond 90 and 1023 characters.
        let relays: Vec<String> = (0..20)
            .map(|i| format!("wss://{:0>50}.example", i))
            .collect();
        let e = Nip19Entity::Profile(Nip19Profile {
            public_key: PublicKey([1; 32]),
            relays,
        });
        let s = e.to_bech32().unwrap();
        assert!(s.len() > 1023, "{}", s.len());
        assert_eq!(Nip19Entity::from_bech32(&s).unwrap(), e);
        // Too many relays to fit the cap is an error, not a panic or a truncation.
        let huge = Nip19Entity::Profile(Nip19Profile {
            public_key: PublicKey([1; 32]),
            relays: vec!["wss://".to_string() + &"a".repeat(200); 20],
        });
        assert!(matches!(huge.to_bech32(), Err(Nip19Error::TooLong { .. })));
        let relay_too_long = Nip19Entity::Profile(Nip19Profile {
            public_key: PublicKey([1; 32]),
            relays: vec!["a".repeat(256)],
        });
        assert_eq!(
            relay_too_long.to_bech32(),
            Err(Nip19Error::TlvValueTooLong(TLV_RELAY))
        );
    }

    fn encode_raw(prefix: &str, data: &[u8]) -> String {
        let hrp = Hrp::parse(prefix).unwrap();
        bech32::encode::<LongBech32<5000>>(hrp, data).unwrap()
    }

    #[test]
    fn tlv_rules() {
        let pk = [3u8; 32];
        // Unknown TLV types are skipped.
        let mut data = vec![9, 3, 1, 2, 3, 0, 32];
        data.extend_from_slice(&pk);
        data.extend_from_slice(&[200, 0]);
        let e = Nip19Entity::from_bech32(&encode_raw("nprofile", &data)).unwrap();
        assert_eq!(
            e,
            Nip19Entity::Profile(Nip19Profile {
                public_key: PublicKey(pk),
                relays: vec![]
            })
        );
        // A 31-byte pubkey is refused.
        let mut short = vec![0, 31];
        short.extend_from_slice(&pk[..31]);
        assert_eq!(
            Nip19Entity::from_bech32(&encode_raw("nprofile", &short)),
            Err(Nip19Error::TlvLength {
                tlv_type: 0,
                expected: 32,
                found: 31
            })
        );
        // A length past the end is refused.
        let mut trunc = vec![0, 32];
        trunc.extend_from_slice(&pk[..10]);
        assert_eq!(
            Nip19Entity::from_bech32(&encode_raw("nprofile", &trunc)),
            Err(Nip19Error::TlvTruncated)
        );
        assert_eq!(
            Nip19Entity::from_bech32(&encode_raw("nevent", &[0])),
            Err(Nip19Error::TlvTruncated)
        );
        // A kind of 2 or 8 bytes is refused; 4 bytes beyond u16 is out of range.
        for (kind, err) in [
            (
                vec![0u8, 1],
                Nip19Error::TlvLength {
                    tlv_type: 3,
                    expected: 4,
                    found: 2,
                },
            ),
            (
                vec![0u8; 8],
                Nip19Error::TlvLength {
                    tlv_type: 3,
                    expected: 4,
                    found: 8,
                },
            ),
            (vec![0u8, 1, 0, 0], Nip19Error::KindOutOfRange(65536)),
        ] {
            let mut d = vec![0, 32];
            d.extend_from_slice(&pk);
            d.push(3);
            d.push(kind.len() as u8);
            d.extend_from_slice(&kind);
            assert_eq!(
                Nip19Entity::from_bech32(&encode_raw("nevent", &d)),
                Err(err)
            );
        }
        // Relay strings must be UTF-8.
        let mut d = vec![0, 32];
        d.extend_from_slice(&pk);
        d.extend_from_slice(&[1, 2, 0xff, 0xfe]);
        assert_eq!(
            Nip19Entity::from_bech32(&encode_raw("nprofile", &d)),
            Err(Nip19Error::TlvUtf8(1))
        );
        // Missing and duplicate records.
        assert_eq!(
            Nip19Entity::from_bech32(&encode_raw("nprofile", &[1, 1, b'a'])),
            Err(Nip19Error::MissingTlv(0))
        );
        let mut dup = vec![0, 32];
        dup.extend_from_slice(&pk);
        dup.extend_from_slice(&[0, 32]);
        dup.extend_from_slice(&pk);
        assert_eq!(
            Nip19Entity::from_bech32(&encode_raw("nevent", &dup)),
            Err(Nip19Error::DuplicateTlv(0))
        );
        let mut naddr = vec![0, 1, b'x'];
        naddr.extend_from_slice(&[3, 4, 0, 0, 0x75, 0x33]);
        assert_eq!(
            Nip19Entity::from_bech32(&encode_raw("naddr", &naddr)),
            Err(Nip19Error::MissingTlv(2))
        );
        naddr.extend_from_slice(&[2, 32]);
        naddr.extend_from_slice(&pk);
        assert_eq!(
            Nip19Entity::from_bech32(&encode_raw("naddr", &naddr)).unwrap(),
            Nip19Entity::Address(Nip19Address {
                identifier: "x".into(),
                public_key: PublicKey(pk),
                kind: Kind(30003),
                relays: vec![]
            })
        );
    }

    #[test]
    fn rejects_bad_strings() {
        assert_eq!(
            Nip19Entity::from_bech32("npub1"),
            Err(Nip19Error::Malformed)
        );
        assert_eq!(Nip19Entity::from_bech32(""), Err(Nip19Error::Malformed));
        assert_eq!(
            Nip19Entity::from_bech32(&NPUB.replace("npub", "nPub")),
            Err(Nip19Error::Malformed)
        );
        assert!(matches!(
            Nip19Entity::from_bech32(&encode_raw("nrelay", &[1, 2, 3])),
            Err(Nip19Error::UnknownPrefix(p)) if p == "nrelay"
        ));
        assert_eq!(
            Nip19Entity::from_bech32(&encode_raw("npub", &[1; 31])),
            Err(Nip19Error::DataLength {
                expected: 32,
                found: 31
            })
        );
        assert_eq!(
            PublicKey::from_npub(&encode_raw("note", &[1; 32])),
            Err(Nip19Error::UnknownPrefix("note".into()))
        );
        // The same payload under bech32m is refused.
        let m = bech32::encode::<bech32::Bech32m>(HRP_NPUB, &[5; 32]).unwrap();
        assert_eq!(Nip19Entity::from_bech32(&m), Err(Nip19Error::Checksum));
        let long = "n".repeat(MAX_NIP19_LENGTH + 1);
        assert!(matches!(
            Nip19Entity::from_bech32(&long),
            Err(Nip19Error::TooLong { .. })
        ));
        assert_eq!(
            Nip19Entity::from_nostr_uri(NPUB),
            Err(Nip19Error::NotNostrUri)
        );
    }

    #[test]
    fn rejects_non_zero_padding() {
        // Flip the lowest (padding) bit of the last data character and fix the checksum.
        let checked = CheckedHrpstring::new::<Nip19Checksum>(NPUB).unwrap();
        let mut fes: Vec<Fe32> = checked.fe32_iter().collect();
        let last = fes.len() - 1;
        fes[last] = Fe32::try_from(fes[last].to_u8() ^ 1).unwrap();
        let s: String = fes
            .into_iter()
            .with_checksum::<Nip19Checksum>(&HRP_NPUB)
            .chars()
            .collect();
        assert_eq!(Nip19Entity::from_bech32(&s), Err(Nip19Error::Padding));
    }

    mod props {
        use super::*;
        use proptest::collection::vec;
        use proptest::prelude::*;

        fn arb_relays() -> impl Strategy<Value = Vec<String>> {
            vec("\\PC{0,40}", 0..5)
        }

        fn arb_entity() -> impl Strategy<Value = Nip19Entity> {
            let pk = any::<[u8; 32]>().prop_map(PublicKey);
            prop_oneof![
                pk.clone().prop_map(Nip19Entity::Pubkey),
                any::<[u8; 32]>().prop_map(|b| Nip19Entity::Secret(SecretKeyBytes::new(b))),
                any::<[u8; 32]>().prop_map(|b| Nip19Entity::Note(EventId(b))),
                (pk.clone(), arb_relays()).prop_map(|(public_key, relays)| {
                    Nip19Entity::Profile(Nip19Profile { public_key, relays })
                }),
                (
                    any::<[u8; 32]>(),
                    arb_relays(),
                    proptest::option::of(pk.clone()),
                    proptest::option::of(any::<u16>())
                )
                    .prop_map(|(id, relays, author, kind)| {
                        Nip19Entity::Event(Nip19Event {
                            id: EventId(id),
                            relays,
                            author,
                            kind: kind.map(Kind),
                        })
                    }),
                ("\\PC{0,60}", pk, any::<u16>(), arb_relays()).prop_map(
                    |(identifier, public_key, kind, relays)| {
                        Nip19Entity::Address(Nip19Address {
                            identifier,
                            public_key,
                            kind: Kind(kind),
                            relays,
                        })
                    }
                ),
            ]
        }

        /// Payloads shaped like TLV streams, so the decoder's record paths are reached.
        fn arb_tlv() -> impl Strategy<Value = Vec<u8>> {
            vec((0u8..6, vec(any::<u8>(), 0..40), any::<bool>()), 0..6).prop_map(|records| {
                let mut out = Vec::new();
                for (t, v, lie) in records {
                    out.push(t);
                    // Sometimes declare a length that does not match the value.
                    out.push(if lie {
                        (v.len() as u8).wrapping_add(7)
                    } else {
                        v.len() as u8
                    });
                    out.extend_from_slice(&v);
                }
                out
            })
        }

        const PREFIXES: [&str; 7] = [
            "npub", "nsec", "note", "nprofile", "nevent", "naddr", "nrelay",
        ];

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(512))]

            #[test]
            fn decoder_never_panics_on_strings(s in "\\PC{0,300}") {
                let _ = Nip19Entity::from_bech32(&s);
                let _ = Nip19Entity::from_str(&s);
            }

            #[test]
            fn decoder_never_panics_on_bech32_like_strings(
                prefix in proptest::sample::select(PREFIXES.to_vec()),
                body in "[qpzry9x8gf2tvdw0s3jn54khce6mua7lQPZ1bio]{0,200}",
            ) {
                let _ = Nip19Entity::from_bech32(&format!("{prefix}1{body}"));
            }

            #[test]
            fn decoder_never_panics_on_checksummed_payloads(
                prefix in proptest::sample::select(PREFIXES.to_vec()),
                data in prop_oneof![vec(any::<u8>(), 0..300), arb_tlv()],
            ) {
                let s = encode_raw(prefix, &data);
                if let Ok(e) = Nip19Entity::from_bech32(&s) {
                    // Whatever decodes re-encodes to a string that decodes to the same entity.
                    let again = e.to_bech32().unwrap();
                    prop_assert_eq!(Nip19Entity::from_bech32(&again).unwrap(), e);
                }
            }

            #[test]
            fn encode_decode_round_trips(e in arb_entity()) {
                let s = e.to_bech32().unwrap();
                prop_assert_eq!(&s, &s.to_lowercase());
                prop_assert_eq!(Nip19Entity::from_bech32(&s).unwrap(), e.clone());
                if !matches!(e, Nip19Entity::Secret(_)) {
                    prop_assert_eq!(Nip19Entity::from_nostr_uri(&e.to_nostr_uri().unwrap()).unwrap(), e);
                }
            }
        }
    }
}
