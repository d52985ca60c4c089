//! One subscription's task: reads the cache first (unless told not to), then runs every relay
//! event through the subscription's pipeline in batches and hands the messages to [`Delivery`].
//! It never waits for the subscriber, so a slow subscriber only lags itself.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use planus::Builder;
use tokio::sync::mpsc;

use super::delivery::Delivery;
use super::peers::CachePeer;
use super::{CacheMode, Command, SubscriptionStats};
use crate::ipc::Sender;
use crate::parser::serialize::{closed_message, end_message, eose_message};
use crate::pipeline::{Item, Pipeline};
use crate::protocol::flatbuffers::fb;
use crate::protocol::{Event, Filter};

/// What the worker's relay-stream router hands a subscription.
#[derive(Debug)]
pub(crate) enum Input {
    /// A relay event (not yet verified) and the relay it came from.
    Event(Event, String),
    /// A relay finished sending stored events.
    Eose { relay: String, pending: u32 },
    /// A relay closed the subscription.
    Closed {
        relay: String,
        reason: Option<String>,
    },
}

/// Everything a subscription task owns.
pub(crate) struct SubscriptionTask {
    pub(crate) id: String,
    pub(crate) filters: Vec<Filter>,
    pub(crate) pipeline: Pipeline,
    pub(crate) input: mpsc::Receiver<Input>,
    pub(crate) overflow: Arc<AtomicU64>,
    pub(crate) subscriber: Sender<fb::parsed::SubscriptionMessage>,
    pub(crate) cache: Option<CachePeer>,
    pub(crate) cache_mode: CacheMode,
    pub(crate) close_on_eose: bool,
    pub(crate) batch: usize,
    pub(crate) cache_chunk: u32,
    pub(crate) end_drain: Duration,
    pub(crate) stats: Arc<Mutex<SubscriptionStats>>,
    pub(crate) commands: mpsc::Sender<Command>,
}

enum Flow {
    Continue,
    End(&'static str),
}

impl SubscriptionTask {
    pub(crate) async fn run(mut self) {
        let mut delivery = Delivery::new(self.subscriber.clone(), self.id.clone());
        let mut builder = Builder::new();
        let end = self.run_inner(&mut delivery, &mut builder).await;
        if let Some(counts) = self.pipeline.counts_message() {
            delivery.control(counts);
        }
        // Before the End can reach the subscriber: whoever reads stats after End sees the
        // pipeline's final counts, also when the last batch ended the subscription.
        self.publish_stats(&delivery);
        delivery.control(end_message(&mut builder, &self.id, end));
        delivery.drain(self.end_drain).await;
        self.publish_stats(&delivery);
        // The worker never waits on this task, so waiting for room in its queue cannot deadlock.
        let _ = self
            .commands
            .send(Command::Finished {
                id: self.id.clone(),
            })
            .await;
    }

    async fn run_inner(&mut self, delivery: &mut Delivery, builder: &mut Builder) -> &'static str {
        if self.cache_mode != CacheMode::NoCache
            && let Some(cache) = self.cache.clone()
        {
            self.read_cache(&cache, delivery).await;
            // The cache's stored events are done: an EOSE without a relay.
            delivery.control(eose_message(builder, &self.id, None, 0));
            if self.cache_mode == CacheMode::CacheOnly {
                return "cache_only";
            }
        }
        let closed = self.subscriber.clone();
        let mut buf = Vec::with_capacity(self.batch);
        loop {
            let lost = self.overflow.swap(0, Ordering::Relaxed);
            if lost > 0 {
                delivery.add_skipped(lost);
            }
            if delivery.is_closed() {
                return "subscriber_gone";
            }
            tokio::select! {
                biased;
                () = closed.closed() => return "subscriber_gone",
                n = self.input.recv_many(&mut buf, self.batch) => {
                    if n == 0 {
                        return "closed";
                    }
                    let inputs: Vec<Input> = std::mem::take(&mut buf);
                    if let Flow::End(why) = self.handle(inputs, delivery, builder).await {
                        return why;
                    }
                    self.publish_stats(delivery);
                }
                () = delivery.wait_and_flush(), if delivery.has_pending() => {}
            }
        }
    }

    async fn read_cache(&mut self, cache: &CachePeer, delivery: &mut Delivery) {
        let mut query = match cache.query(&self.filters, self.cache_chunk).await {
            Ok(q) => q,
            Err(e) => {
                tracing::warn!("subscription {}: cache query failed: {e}", self.id);
                return;
            }
        };
        // Bounded: the cache worker ends every query with QueryDone, and each wait has a timeout;
        // a subscriber that left stops the read.
        while !delivery.is_closed() {
            match query.next_chunk().await {
                Ok(Some(events)) => {
                    let items = events.into_iter().map(Item::cached).collect();
                    let out = self.pipeline.process(items).await;
                    delivery.events(out);
                    self.publish_stats(delivery);
                }
                Ok(None) => break,
                Err(e) => {
                    tracing::warn!("subscription {}: cache query failed: {e}", self.id);
                    break;
                }
            }
        }
    }

    async fn handle(
        &mut self,
        inputs: Vec<Input>,
        delivery: &mut Delivery,
        builder: &mut Builder,
    ) -> Flow {
        let mut items = Vec::with_capacity(inputs.len());
        for input in inputs {
            match input {
                Input::Event(event, relay) => items.push(Item::live(event, relay)),
                control => {
                    // Events before a control message are delivered before it.
                    if !items.is_empty() {
                        let out = self.pipeline.process(std::mem::take(&mut items)).await;
                        delivery.events(out);
                    }
                    match control {
                        Input::Eose { relay, pending } => {
                            delivery.control(eose_message(
                                builder,
                                &self.id,
                                Some(&relay),
                                pending,
                            ));
                            if pending == 0 {
                                if self.close_on_eose {
                                    return Flow::End("eose");
                                }
                                if let Some(counts) = self.pipeline.counts_message() {
                                    delivery.control(counts);
                                }
                            }
                        }
                        Input::Closed { relay, reason } => {
                            delivery.control(closed_message(
                                builder,
                                &self.id,
                                &relay,
                                reason.as_deref(),
                            ));
                        }
                        Input::Event(..) => {}
                    }
                }
            }
        }
        if !items.is_empty() {
            let out = self.pipeline.process(items).await;
            delivery.events(out);
        }
        Flow::Continue
    }

    fn publish_stats(&self, delivery: &Delivery) {
        if let Ok(mut s) = self.stats.lock() {
            s.pipeline = self.pipeline.stats().clone();
            s.lagged = delivery.lagged_total;
            s.delivered = delivery.delivered;
        }
    }
}
