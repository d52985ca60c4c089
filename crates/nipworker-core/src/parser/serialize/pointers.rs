//! Writers for the small shared pieces of parsed tables: pointers, encryption state, vectors.

use planus::{Builder, Offset, WriteAsOffset};

use crate::parser::kinds::{
    AddressPointer, DecryptFailure, Encrypted, EncryptionScheme, EventPointer, ProfilePointer,
    SealedReason,
};
use crate::protocol::flatbuffers::fb;

pub(super) type P = fb::parsed::EncryptionState;

/// A vector of offsets, or nothing when empty (readers treat an absent vector as empty).
pub(super) fn vec_or_none<T: ?Sized>(
    builder: &mut Builder,
    offsets: &[Offset<T>],
) -> Option<Offset<[Offset<T>]>>
where
    [Offset<T>]: WriteAsOffset<[Offset<T>]>,
{
    (!offsets.is_empty()).then(|| builder.create_vector(offsets))
}

/// A vector of strings, or nothing when empty.
pub(super) fn strings<S: AsRef<str>>(
    builder: &mut Builder,
    items: &[S],
) -> Option<Offset<[Offset<str>]>> {
    if items.is_empty() {
        return None;
    }
    let offsets: Vec<Offset<str>> = items
        .iter()
        .map(|s| builder.create_string(s.as_ref()))
        .collect();
    Some(builder.create_vector(offsets.as_slice()))
}

pub(super) fn event_pointer(
    builder: &mut Builder,
    p: &EventPointer,
) -> Offset<fb::parsed::EventPointer> {
    fb::parsed::EventPointer::create(
        builder,
        fb::Bytes32::from(p.id),
        p.relay.as_deref(),
        p.author.map(fb::Bytes32::from),
    )
}

pub(super) fn event_pointer_opt(
    builder: &mut Builder,
    p: Option<&EventPointer>,
) -> Option<Offset<fb::parsed::EventPointer>> {
    p.map(|p| event_pointer(builder, p))
}

pub(super) fn event_pointers(
    builder: &mut Builder,
    ps: &[EventPointer],
) -> Option<Offset<[Offset<fb::parsed::EventPointer>]>> {
    let offsets: Vec<_> = ps.iter().map(|p| event_pointer(builder, p)).collect();
    vec_or_none(builder, &offsets)
}

pub(super) fn address_pointer(
    builder: &mut Builder,
    p: &AddressPointer,
) -> Offset<fb::parsed::AddressPointer> {
    fb::parsed::AddressPointer::create(
        builder,
        p.coordinate.kind.0,
        fb::Bytes32::from(p.coordinate.pubkey),
        p.coordinate.identifier.as_str(),
        p.relay.as_deref(),
    )
}

pub(super) fn address_pointer_opt(
    builder: &mut Builder,
    p: Option<&AddressPointer>,
) -> Option<Offset<fb::parsed::AddressPointer>> {
    p.map(|p| address_pointer(builder, p))
}

pub(super) fn profile_pointer(
    builder: &mut Builder,
    p: &ProfilePointer,
) -> Offset<fb::parsed::ProfilePointer> {
    fb::parsed::ProfilePointer::create(builder, fb::Bytes32::from(p.pubkey), p.relay.as_deref())
}

pub(super) fn scheme(s: EncryptionScheme) -> fb::EncryptionScheme {
    match s {
        EncryptionScheme::Nip04 => fb::EncryptionScheme::Nip04,
        EncryptionScheme::Nip44 => fb::EncryptionScheme::Nip44,
    }
}

/// Writes the state of an encrypted part (never its plaintext: the kind writers do that).
pub(super) fn encryption<T>(
    builder: &mut Builder,
    part: &Encrypted<T>,
) -> Offset<fb::parsed::Encryption> {
    let (state, s, detail) = match part {
        Encrypted::Empty => (P::None, fb::EncryptionScheme::Nip44, None),
        Encrypted::Sealed { scheme: s, reason } => (
            P::Sealed,
            scheme(*s),
            Some(match reason {
                SealedReason::NoDecryptor => "no_decryptor",
                SealedReason::SignerNotParty => "signer_not_party",
            }),
        ),
        Encrypted::Decrypted { scheme: s, .. } => (P::Decrypted, scheme(*s), None),
        Encrypted::Failed { scheme: s, failure } => (
            P::Failed,
            scheme(*s),
            Some(match failure {
                DecryptFailure::InvalidPlaintext => "invalid_plaintext",
                DecryptFailure::Decrypt(_) => "decrypt_failed",
            }),
        ),
    };
    fb::parsed::Encryption::create(builder, state, s, detail)
}
