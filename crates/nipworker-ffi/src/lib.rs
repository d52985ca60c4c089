//! nipworker-ffi: UniFFI bindings (Swift, Kotlin, Python) over `nipworker_core::NostrClient`.
//!
//! The interface is declared in `src/nipworker.udl`; this crate implements it by wrapping the
//! core's client and types, nothing more. Every async call runs on one Tokio runtime owned by
//! this crate (the foreign side only awaits it), every sync body runs under `catch_unwind`, so
//! a panic becomes `NipworkerError::Panic` instead of crossing the boundary.
//!
//! No proc-macro exports are used: everything is said in the UDL. (UDL cannot name UniFFI's
//! `async_runtime = "tokio"` option, so the runtime is entered in Rust instead: see `runtime`.)
//!
//! The workspace denies `unsafe_code`; the generated scaffolding (included at the crate root, as
//! UniFFI requires) exports `#[unsafe(no_mangle)]` functions, so the crate root allows it and
//! every hand-written module denies it again.

#![allow(unsafe_code)]

mod client;
mod error;
mod nip19;
mod parsed;
mod runtime;
mod subscription;
mod types;

pub use client::{MAX_QUERY_EVENTS, NostrClient, NostrConnectPairing, SignerSpec};
pub use error::NipworkerError;
pub use nip19::{Nip19Entity, nip19_decode, nip19_encode};
pub use parsed::{
    AddressPointer, Contact, ContentBlock, EventPointer, MediaType, NostrMention, ParsedContacts,
    ParsedEvent, ParsedNote, ParsedProfile, ParsedReaction, ParsedRelayList, ParsedRepost,
    ParsedZapReceipt, ProfilePointer, ReactionType, RelayEntry,
};
pub use subscription::{
    ClosedCause, EventItem, Subscription, SubscriptionItem, SubscriptionListener,
};
pub use types::{
    CacheMode, ClientConfig, Event, Filter, Preset, PublishResult, PublishStatus,
    RelayPublishResult, RelayState, RelayStatus, Store, SubscribeOptions, UnsignedEvent,
    event_from_json, event_to_json, filter_from_json, filter_to_json, public_key_of,
};

uniffi::include_scaffolding!("nipworker");
