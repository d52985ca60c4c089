//! Prometheus metrics (`metrics` with its Prometheus exporter; names follow Prometheus
//! conventions with the `nipworker_` prefix). Counters the workers keep as atomics are copied in
//! at scrape time; what only the server sees (HTTP requests, clients, publishes) is recorded as
//! it happens. The recorder is local to the server, not the process-global one, so several
//! servers (tests) can run in one process.

use std::sync::Arc;
use std::time::Duration;

use metrics::{
    Unit, counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram,
};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusRecorder};
use nipworker_core::NostrClient;
use nipworker_core::protocol::flatbuffers::fb;

/// Buckets of the HTTP latency histogram, in seconds.
const LATENCY_BUCKETS: &[f64] = &[
    0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// The server's metrics.
#[derive(Clone)]
pub struct Metrics {
    recorder: Arc<PrometheusRecorder>,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    /// A fresh registry with every metric described.
    pub fn new() -> Self {
        let builder = PrometheusBuilder::new();
        let builder = match builder.set_buckets_for_metric(
            Matcher::Full("nipworker_http_request_duration_seconds".into()),
            LATENCY_BUCKETS,
        ) {
            Ok(b) => b,
            // Only an empty bucket list fails, and ours is not empty.
            Err(_) => PrometheusBuilder::new(),
        };
        let metrics = Self {
            recorder: Arc::new(builder.build_recorder()),
        };
        metrics.with(describe_all);
        metrics
    }

    fn with<T>(&self, f: impl FnOnce() -> T) -> T {
        metrics::with_local_recorder(self.recorder.as_ref(), f)
    }

    /// One HTTP request answered (`route` is the matched route pattern, never the raw path).
    pub fn http_request(&self, route: &str, method: &str, status: u16, took: Duration) {
        let (route, method, status) = (route.to_owned(), method.to_owned(), status.to_string());
        self.with(|| {
            counter!("nipworker_http_requests_total", "route" => route.clone(), "method" => method.clone(), "status" => status)
                .increment(1);
            histogram!("nipworker_http_request_duration_seconds", "route" => route, "method" => method)
                .record(took.as_secs_f64());
        });
    }

    /// A WebSocket client connected (`+1`) or left (`-1`); `endpoint` is `relay` or `subscribe`.
    pub fn websocket_clients(&self, endpoint: &'static str, delta: f64) {
        self.with(|| {
            gauge!("nipworker_websocket_clients", "endpoint" => endpoint).increment(delta)
        });
    }

    /// A client subscription opened (`+1`) or closed (`-1`).
    pub fn client_subscriptions(&self, endpoint: &'static str, delta: f64) {
        self.with(|| {
            gauge!("nipworker_client_subscriptions", "endpoint" => endpoint).increment(delta)
        });
    }

    /// A client's message refused before it reached the client library, by reason.
    pub fn client_rejected(&self, reason: &'static str) {
        self.with(|| {
            counter!("nipworker_client_messages_rejected_total", "reason" => reason).increment(1)
        });
    }

    /// An event a client sent: `accepted`, or why not.
    pub fn client_event(&self, result: &'static str) {
        self.with(|| counter!("nipworker_client_events_total", "result" => result).increment(1));
    }

    /// One relay's answer to a publish.
    pub fn publish_result(&self, relay: &str, status: &'static str) {
        let relay = relay.to_owned();
        self.with(|| {
            counter!("nipworker_publish_results_total", "relay" => relay, "status" => status)
                .increment(1)
        });
    }

    /// Copies the client's counters in and renders the text exposition format.
    pub async fn render(&self, client: Option<&NostrClient>, live_upstream: usize) -> String {
        let store = match client {
            Some(client) => client.store_stats().await.ok(),
            None => None,
        };
        let stats = client.and_then(|c| c.stats().ok());
        let relays = client.map(NostrClient::relays).unwrap_or_default();
        self.with(|| {
            gauge!("nipworker_live_upstream_subscriptions").set(live_upstream as f64);
            if let Some(store) = store {
                gauge!("nipworker_cache_events").set(store.events as f64);
                gauge!("nipworker_cache_bytes").set(store.bytes as f64);
            }
            for state in [
                fb::RelayState::Connecting,
                fb::RelayState::Connected,
                fb::RelayState::Disconnected,
                fb::RelayState::BackingOff,
                fb::RelayState::Failed,
            ] {
                let n = relays.iter().filter(|r| r.state == state).count();
                gauge!("nipworker_relays", "state" => state_label(state)).set(n as f64);
            }
            let Some(stats) = stats else {
                return;
            };
            for row in &stats.relay_frames {
                counter!("nipworker_relay_frames_received_total", "relay" => row.relay.clone())
                    .absolute(row.frames_in);
                counter!("nipworker_relay_frames_sent_total", "relay" => row.relay.clone())
                    .absolute(row.frames_out);
            }
            let c = &stats.connections;
            let p = &stats.subscriptions.pipeline;
            counter!("nipworker_events_received_total").absolute(c.events_delivered);
            counter!("nipworker_events_verified_total").absolute(p.verified);
            counter!("nipworker_events_stored_total").absolute(stats.subscriptions.saved);
            counter!("nipworker_events_store_failed_total")
                .absolute(stats.subscriptions.save_failed);
            counter!("nipworker_events_deduplicated_total", "stage" => "connections")
                .absolute(c.duplicates_dropped);
            counter!("nipworker_events_deduplicated_total", "stage" => "pipeline")
                .absolute(p.duplicates);
            let rejected = [
                ("forged_id", c.forged_dropped),
                ("bad_id", p.bad_ids),
                ("bad_signature", p.bad_signatures),
                ("verify_error", p.verify_errors),
                ("conflicting_copy", p.conflicting_copies),
                ("filter_mismatch", c.filter_mismatch_dropped),
                ("malformed_frame", c.malformed_dropped),
                ("oversize_frame", c.oversize_dropped),
                ("unknown_subscription", c.unknown_subscription_dropped),
            ];
            for (reason, n) in rejected {
                counter!("nipworker_events_rejected_total", "reason" => reason).absolute(n);
            }
            gauge!("nipworker_subscriptions_open").set(stats.open_subscriptions as f64);
            counter!("nipworker_relay_reconnects_total").absolute(c.reconnects);
            counter!("nipworker_relay_eose_timeouts_total").absolute(c.eose_timeouts);
            counter!("nipworker_cache_queries_total").absolute(stats.cache.queries);
            counter!("nipworker_cache_errors_total").absolute(stats.cache.errors);
        });
        self.recorder.handle().render()
    }
}

fn state_label(state: fb::RelayState) -> &'static str {
    match state {
        fb::RelayState::Connecting => "connecting",
        fb::RelayState::Connected => "connected",
        fb::RelayState::Disconnected => "disconnected",
        fb::RelayState::BackingOff => "backing_off",
        fb::RelayState::Failed => "failed",
    }
}

fn describe_all() {
    describe_counter!(
        "nipworker_http_requests_total",
        "HTTP requests by route, method and status"
    );
    describe_histogram!(
        "nipworker_http_request_duration_seconds",
        Unit::Seconds,
        "HTTP request latency by route and method (WebSocket routes: until the upgrade)"
    );
    describe_gauge!(
        "nipworker_websocket_clients",
        "Connected WebSocket clients by endpoint"
    );
    describe_gauge!(
        "nipworker_client_subscriptions",
        "Open client subscriptions by endpoint"
    );
    describe_counter!(
        "nipworker_client_messages_rejected_total",
        "Client messages refused by the gateway, by reason"
    );
    describe_counter!(
        "nipworker_client_events_total",
        "Events sent by clients, by result"
    );
    describe_counter!(
        "nipworker_publish_results_total",
        "Upstream answers to publishes, by relay and status"
    );
    describe_gauge!(
        "nipworker_live_upstream_subscriptions",
        "Shared upstream live subscriptions"
    );
    describe_gauge!("nipworker_cache_events", "Events in the cache");
    describe_gauge!(
        "nipworker_cache_bytes",
        Unit::Bytes,
        "Bytes of events in the cache"
    );
    describe_gauge!("nipworker_relays", "Upstream relays by connection state");
    describe_counter!(
        "nipworker_relay_frames_received_total",
        "Frames read from each upstream relay"
    );
    describe_counter!(
        "nipworker_relay_frames_sent_total",
        "Frames written to each upstream relay"
    );
    describe_counter!(
        "nipworker_events_received_total",
        "Events received from relays (after cross-relay dedup)"
    );
    describe_counter!(
        "nipworker_events_verified_total",
        "Events whose id and signature verified"
    );
    describe_counter!(
        "nipworker_events_stored_total",
        "Events written to the cache"
    );
    describe_counter!(
        "nipworker_events_store_failed_total",
        "Events whose save failed"
    );
    describe_counter!(
        "nipworker_events_deduplicated_total",
        "Repeated events dropped, by stage"
    );
    describe_counter!(
        "nipworker_events_rejected_total",
        "Events and frames dropped, by reason"
    );
    describe_gauge!(
        "nipworker_subscriptions_open",
        "Subscriptions open in the client library"
    );
    describe_counter!(
        "nipworker_relay_reconnects_total",
        "Reconnections to upstream relays"
    );
    describe_counter!(
        "nipworker_relay_eose_timeouts_total",
        "Upstream relays that sent no EOSE in time"
    );
    describe_counter!(
        "nipworker_cache_queries_total",
        "Queries answered by the cache"
    );
    describe_counter!("nipworker_cache_errors_total", "Cache requests that failed");
}

/// The publish status as a metric label.
pub fn publish_status_label(status: fb::RelayOkStatus) -> &'static str {
    match status {
        fb::RelayOkStatus::Accepted => "accepted",
        fb::RelayOkStatus::Rejected => "rejected",
        fb::RelayOkStatus::Timeout => "timeout",
        fb::RelayOkStatus::Failed => "failed",
    }
}
