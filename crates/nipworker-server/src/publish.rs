//! What a publish through the gateway answers, for the relay socket's OK and `/v1/events` alike:
//! accepted when an upstream relay accepted, otherwise the first refusal with its NIP-01 prefix;
//! each relay's answer is counted in the metrics.

use nipworker_core::client::PublishOutcome;
use nipworker_core::protocol::flatbuffers::fb;

use crate::metrics::publish_status_label;
use crate::state::AppState;

/// The OK for a publish: accepted when any upstream relay accepted (or there is none: the event
/// is in the gateway's cache); otherwise the first refusal with its NIP-01 prefix.
pub fn publish_summary(state: &AppState, outcome: &PublishOutcome) -> (bool, String) {
    for relay in &outcome.relays {
        state
            .metrics()
            .publish_result(&relay.relay, publish_status_label(relay.status));
    }
    if outcome.relays.is_empty() {
        return (true, String::new());
    }
    let accepted: Vec<_> = outcome
        .relays
        .iter()
        .filter(|r| r.status == fb::RelayOkStatus::Accepted)
        .collect();
    if let Some(first) = accepted.first() {
        // `duplicate:` from a relay is passed on: the client learns it was already there.
        let message = first.message.clone().unwrap_or_default();
        return (
            true,
            if message.starts_with("duplicate:") {
                message
            } else {
                String::new()
            },
        );
    }
    if let Some(refusal) = outcome
        .relays
        .iter()
        .find(|r| r.status == fb::RelayOkStatus::Rejected)
    {
        let message = refusal.message.clone().unwrap_or_default();
        return (
            false,
            if message.contains(':') {
                message
            } else {
                format!("error: {message}")
            },
        );
    }
    let timeouts = outcome
        .relays
        .iter()
        .filter(|r| r.status == fb::RelayOkStatus::Timeout)
        .count();
    (
        false,
        format!(
            "error: no upstream relay accepted the event ({timeouts} timed out, {} failed)",
            outcome.relays.len() - timeouts
        ),
    )
}
