//! The NIP-11 relay information document: what the gateway is and the limits it enforces.

use serde::Serialize;

use crate::config::Config;
use crate::relay::messages::MAX_SUBSCRIPTION_ID;

/// The document served at `GET /` with `Accept: application/nostr+json`.
#[derive(Debug, Serialize)]
pub struct RelayInfo {
    /// Name.
    pub name: &'static str,
    /// What it is.
    pub description: &'static str,
    /// The gateway's signer's key, if it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pubkey: Option<String>,
    /// NIPs spoken on the relay socket.
    pub supported_nips: &'static [u16],
    /// Where the software lives.
    pub software: &'static str,
    /// Its version.
    pub version: &'static str,
    /// Limits (NIP-11 `limitation`).
    pub limitation: Limitation,
}

/// NIP-11 `limitation`.
#[derive(Debug, Serialize)]
pub struct Limitation {
    /// Largest client message in bytes.
    pub max_message_length: usize,
    /// Subscriptions per connection.
    pub max_subscriptions: usize,
    /// Filters per REQ (from the earlier NIP-11 draft; still read by some clients).
    pub max_filters: usize,
    /// Largest `limit` (larger ones are clamped).
    pub max_limit: usize,
    /// The `limit` of a filter without one.
    pub default_limit: usize,
    /// Longest subscription id.
    pub max_subid_length: usize,
    /// Reading needs no AUTH.
    pub auth_required: bool,
    /// Writing is restricted (token or allowed keys).
    pub restricted_writes: bool,
    /// No payment.
    pub payment_required: bool,
}

/// The document for `config`.
pub fn document(config: &Config, signer: Option<String>) -> RelayInfo {
    let limits = &config.limits;
    RelayInfo {
        name: "nipworker gateway",
        description: "A caching Nostr gateway: verified, deduplicated events from its upstream \
                      relays, served from a local cache first.",
        pubkey: signer,
        supported_nips: &[1, 11, 40, 42, 45],
        software: "https://github.com/nipworker/nipworker",
        version: env!("CARGO_PKG_VERSION"),
        limitation: Limitation {
            max_message_length: limits.max_message_bytes,
            max_subscriptions: limits.max_subscriptions,
            max_filters: limits.max_filters,
            max_limit: limits.max_limit,
            default_limit: limits.max_limit,
            max_subid_length: MAX_SUBSCRIPTION_ID,
            auth_required: false,
            // Writing always needs a token or an allowed key (and is off without either).
            restricted_writes: true,
            payment_required: false,
        },
    }
}
