//! One client subscription, for the relay socket and `/v1/subscribe` alike: stored events (the
//! cache, then each upstream relay until its EOSE or the query timeout, deduplicated and capped
//! at the filters' limits), the end-of-stored marker, then live events from the shared upstream
//! subscription. The client's queue is the only buffer: a client that stops reading makes its
//! subscription lag, and a lagging subscription is closed with a reason, never silently thinned.

use std::collections::HashSet;
use std::sync::Arc;

use nipworker_core::protocol::matches_any;
use nipworker_core::{Event, EventId, Filter};
use serde_json::value::RawValue;
use tokio::sync::{broadcast, mpsc};

use crate::live::{LiveEvent, LiveItem};
use crate::relay::messages::{closed_frame, eose_frame, event_frame, sub_json};
use crate::state::AppState;
pub use crate::stored::Stored;

/// How frames are written for the client.
#[derive(Debug, Clone)]
pub enum Wire {
    /// NIP-01 frames (`EVENT`, `EOSE`, `CLOSED`) for subscription `id`.
    Nip01 {
        /// The subscription id.
        id: String,
        /// The id as a JSON string, computed once.
        quoted: String,
    },
    /// JSON objects for `/v1/subscribe`: the event, where it came from and its parsed form.
    Parsed {
        /// The subscription id the client chose.
        id: String,
    },
}

impl Wire {
    /// NIP-01 frames for subscription `id`.
    pub fn nip01(id: &str) -> Self {
        Self::Nip01 {
            id: id.to_owned(),
            quoted: sub_json(id),
        }
    }

    fn event(&self, event: &Event, json: &str, relay: Option<&str>, from_cache: bool) -> String {
        match self {
            Self::Nip01 { quoted, .. } => event_frame(quoted, json),
            Self::Parsed { id } => {
                let (parsed, parse_error, blocks) = crate::parsed::parsed_parts(event);
                let raw = RawValue::from_string(json.to_owned()).ok();
                serde_json::json!({
                    "type": "event",
                    "subscription": id,
                    "event": raw,
                    "relay": relay,
                    "from_cache": from_cache,
                    "parsed": parsed,
                    "parse_error": parse_error,
                    "blocks": blocks,
                })
                .to_string()
            }
        }
    }

    fn eose(&self) -> String {
        match self {
            Self::Nip01 { id, .. } => eose_frame(id),
            Self::Parsed { id } => {
                serde_json::json!({"type": "eose", "subscription": id}).to_string()
            }
        }
    }

    /// The frame that closes the subscription with `reason` (NIP-01 prefix included).
    pub fn closed(&self, reason: &str) -> String {
        match self {
            Self::Nip01 { id, .. } => closed_frame(id, reason),
            Self::Parsed { id } => {
                serde_json::json!({"type": "closed", "subscription": id, "reason": reason})
                    .to_string()
            }
        }
    }
}

/// Filters with the server's `max_limit` applied: larger limits clamped, missing ones set.
pub fn clamp_limits(filters: Vec<Filter>, max_limit: usize) -> Vec<Filter> {
    filters
        .into_iter()
        .map(|mut f| {
            f.limit = Some(f.limit.map_or(max_limit, |l| l.min(max_limit)));
            f
        })
        .collect()
}

/// The most stored events `filters` may return: each filter its own limit, together the sum.
pub fn stored_cap(filters: &[Filter], max_limit: usize) -> usize {
    filters
        .iter()
        .map(|f| f.limit.unwrap_or(max_limit))
        .fold(0usize, usize::saturating_add)
}

/// Serves one subscription until the client goes, the subscription is closed (the task is
/// aborted), or it must end (the frame saying why is sent first).
pub async fn serve(state: AppState, wire: Wire, filters: Vec<Filter>, out: mpsc::Sender<String>) {
    let max_limit = state.config().limits.max_limit;
    let filters = clamp_limits(filters, max_limit);
    let cap = stored_cap(&filters, max_limit);
    // Joined before the stored phase: nothing published meanwhile falls between the two.
    let live = state.live().join(&filters);
    let mut stored = match Stored::open(&state, &filters, cap).await {
        Ok(stored) => stored,
        Err(reason) => {
            let _ = out.send(wire.closed(&reason)).await;
            return;
        }
    };
    loop {
        match stored.next().await {
            Ok(Some(event)) => {
                let frame = wire.event(
                    event.view.event(),
                    &event.json,
                    event.view.relay(),
                    event.view.from_cache(),
                );
                if out.send(frame).await.is_err() {
                    return;
                }
            }
            Ok(None) => break,
            Err(reason) => {
                let _ = out.send(wire.closed(&reason)).await;
                return;
            }
        }
    }
    let sent = stored.into_sent();
    if out.send(wire.eose()).await.is_err() {
        return;
    }
    let Some(mut feed) = live else {
        // Nothing can match from now on (every `until` is past): the subscription stays open
        // and silent until the client closes it, as NIP-01 has it.
        return;
    };
    // Bounded by the client: it ends when the client leaves or the subscription closes.
    loop {
        let reason = match feed.rx.recv().await {
            Ok(LiveItem::Event(live)) => {
                if !deliverable(&live, &filters, &sent) {
                    continue;
                }
                let frame = wire.event(&live.event, &live.json, live.relay.as_deref(), false);
                if out.send(frame).await.is_err() {
                    return;
                }
                continue;
            }
            Ok(LiveItem::Gap(skipped)) => {
                format!("error: the gateway fell behind upstream and skipped {skipped} events")
            }
            Err(broadcast::error::RecvError::Lagged(skipped)) => {
                format!("error: client too slow: {skipped} live events skipped")
            }
            Ok(LiveItem::Ended(reason)) => reason,
            Err(broadcast::error::RecvError::Closed) => {
                "error: the upstream subscription ended".to_owned()
            }
        };
        let _ = out.send(wire.closed(&reason)).await;
        return;
    }
}

/// A live event goes out unless it was a stored one already sent or misses the client's own
/// filters (the shared subscription drops only what no client of it can want).
fn deliverable(live: &Arc<LiveEvent>, filters: &[Filter], sent: &HashSet<EventId>) -> bool {
    !sent.contains(&live.id()) && matches_any(filters, &live.event)
}
