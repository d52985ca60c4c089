//! Bounded delivery to one subscriber. Events are offered without waiting: when the subscriber's
//! queue is full they are skipped and counted, and a `Lagged { skipped }` message goes out as soon
//! as there is room again. Control messages (EOSE, CLOSED, counts, end) are never skipped: they
//! wait in a small queue, ahead of any later event, so the stream's order is kept. Lag counts
//! wait in the same queue, at the place of the skipped events: events skipped after a waiting
//! EOSE are reported after it.

use std::collections::VecDeque;
use std::time::Duration;

use planus::Builder;

use crate::ipc::{IpcError, Sender};
use crate::parser::serialize::{SubscriptionMessage, lagged_message};
use crate::protocol::flatbuffers::fb;
use crate::runtime;

/// What waits for room, in stream order.
#[derive(Debug)]
enum Waiting {
    /// Events skipped here (one `Lagged` message).
    Lagged(u64),
    /// A control message.
    Control(SubscriptionMessage),
}

/// One subscriber's queue, with lag accounting.
#[derive(Debug)]
pub(crate) struct Delivery {
    tx: Sender<fb::parsed::SubscriptionMessage>,
    subscription_id: String,
    builder: Builder,
    /// Events skipped over the subscription's life.
    pub(crate) lagged_total: u64,
    /// Messages handed to the subscriber.
    pub(crate) delivered: u64,
    waiting: VecDeque<Waiting>,
    closed: bool,
}

impl Delivery {
    pub(crate) fn new(
        tx: Sender<fb::parsed::SubscriptionMessage>,
        subscription_id: String,
    ) -> Self {
        Self {
            tx,
            subscription_id,
            builder: Builder::new(),
            lagged_total: 0,
            delivered: 0,
            waiting: VecDeque::new(),
            closed: false,
        }
    }

    /// True once the subscriber dropped its receiver.
    pub(crate) fn is_closed(&self) -> bool {
        self.closed || self.tx.is_closed()
    }

    /// True while a lag notice or a control message waits for room.
    pub(crate) fn has_pending(&self) -> bool {
        !self.waiting.is_empty()
    }

    /// Counts events skipped at this point of the stream (reported in order, as one `Lagged`).
    fn add_skipped(&mut self, n: u64) {
        if n == 0 {
            return;
        }
        self.lagged_total += n;
        if let Some(Waiting::Lagged(k)) = self.waiting.back_mut() {
            *k += n;
        } else {
            self.waiting.push_back(Waiting::Lagged(n));
        }
    }

    fn try_send(&mut self, msg: SubscriptionMessage) -> Result<(), SubscriptionMessage> {
        match self.tx.try_send(msg) {
            Ok(()) => {
                self.delivered += 1;
                Ok(())
            }
            Err(unsent) => {
                if matches!(unsent.error, IpcError::Closed { .. }) {
                    self.closed = true;
                }
                Err(unsent.message)
            }
        }
    }

    /// Sends what waits (lag notices and control messages, in order) while there is room.
    fn flush(&mut self) -> bool {
        while let Some(w) = self.waiting.pop_front() {
            let unsent = match w {
                Waiting::Lagged(n) => {
                    let msg = lagged_message(&mut self.builder, &self.subscription_id, n);
                    self.try_send(msg).map_err(|_| Waiting::Lagged(n))
                }
                Waiting::Control(m) => self.try_send(m).map_err(Waiting::Control),
            };
            if let Err(w) = unsent {
                self.waiting.push_front(w);
                return false;
            }
        }
        true
    }

    /// Offers events: each is delivered or skipped (counted), never waited for.
    pub(crate) fn events(&mut self, messages: Vec<SubscriptionMessage>) {
        for msg in messages {
            let sent = !self.closed && self.flush() && self.try_send(msg).is_ok();
            if !sent && !self.closed {
                self.add_skipped(1);
            }
        }
    }

    /// Queues a control message (sent in order, never skipped).
    pub(crate) fn control(&mut self, msg: SubscriptionMessage) {
        self.waiting.push_back(Waiting::Control(msg));
        self.flush();
    }

    /// Waits for room and sends what waits. Used beside the input in the subscription's select.
    pub(crate) async fn wait_and_flush(&mut self) {
        if self.tx.reserve().await.is_err() {
            self.closed = true;
            return;
        }
        // The permit was dropped unused: try_send now finds the slot free.
        self.flush();
    }

    /// Sends everything that waits, giving the subscriber at most `limit` to make room.
    pub(crate) async fn drain(&mut self, limit: Duration) {
        let _ = runtime::timeout(limit, async {
            while self.has_pending() && !self.is_closed() {
                self.wait_and_flush().await;
            }
        })
        .await;
    }
}
