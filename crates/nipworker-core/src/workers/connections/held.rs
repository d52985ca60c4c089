//! Commands waiting for room in a relay's full command queue: one FIFO per relay, each drained by
//! its own pending slot reservation, so a stalled relay holds back only its own commands. The
//! worker stops taking requests for a relay whose held queue is full, which keeps memory bounded.

use std::collections::{HashMap, VecDeque};

use futures::future::BoxFuture;
use tokio::sync::mpsc;

use super::relay::RelayCommand;
use crate::protocol::RelayUrl;

/// A reservation of one slot in a relay's queue, tagged with the held queue it serves.
pub(crate) type Delivery = BoxFuture<'static, Delivered>;

/// A finished [`Delivery`]: a slot, or an error if the relay task closed its queue.
pub(crate) struct Delivered {
    url: RelayUrl,
    epoch: u64,
    permit: Result<mpsc::OwnedPermit<RelayCommand>, mpsc::error::SendError<()>>,
}

/// One relay's held commands.
struct Queue {
    commands: VecDeque<RelayCommand>,
    /// Tells this queue's reservation from one of an earlier queue of the same URL.
    epoch: u64,
}

/// The held commands of every relay whose queue filled up.
pub(crate) struct HeldCommands {
    queues: HashMap<RelayUrl, Queue>,
    capacity: usize,
    next_epoch: u64,
    /// Reservations made since the worker last collected them.
    started: Vec<Delivery>,
}

fn reserve(url: RelayUrl, epoch: u64, tx: mpsc::Sender<RelayCommand>) -> Delivery {
    Box::pin(async move {
        let permit = tx.reserve_owned().await;
        Delivered { url, epoch, permit }
    })
}

/// The answer to the relay's current AUTH challenge: a newer one replaces one still held.
fn is_auth_outcome(command: &RelayCommand) -> bool {
    matches!(command, RelayCommand::Auth(_) | RelayCommand::AuthFailed(_))
}

impl HeldCommands {
    /// Held queues of `capacity` request commands each.
    pub(crate) fn new(capacity: usize) -> Self {
        Self {
            queues: HashMap::new(),
            capacity: capacity.max(1),
            next_epoch: 0,
            started: Vec::new(),
        }
    }

    /// Whether `url` has held commands (later ones must queue behind them).
    pub(crate) fn contains(&self, url: &RelayUrl) -> bool {
        self.queues.contains_key(url)
    }

    /// Whether requests for `url` must wait: its held queue is at capacity.
    pub(crate) fn is_full(&self, url: &RelayUrl) -> bool {
        self.queues
            .get(url)
            .is_some_and(|q| q.commands.len() >= self.capacity)
    }

    /// Relays with held commands.
    pub(crate) fn relays(&self) -> impl Iterator<Item = &RelayUrl> {
        self.queues.keys()
    }

    /// Holds the first command for `url`, whose queue `tx` is full, and reserves a slot there.
    pub(crate) fn start(
        &mut self,
        url: &RelayUrl,
        tx: mpsc::Sender<RelayCommand>,
        command: RelayCommand,
    ) {
        self.next_epoch += 1;
        let epoch = self.next_epoch;
        self.queues.insert(
            url.clone(),
            Queue {
                commands: VecDeque::from([command]),
                epoch,
            },
        );
        self.started.push(reserve(url.clone(), epoch, tx));
    }

    /// Holds one more command for `url` (which has held commands). Requests add at most a few
    /// commands per relay and are not served while the queue is full; AUTH answers (made by the
    /// worker, not asked for) replace one still last in the queue, so they cannot pile up either.
    pub(crate) fn push(&mut self, url: &RelayUrl, command: RelayCommand) {
        let Some(queue) = self.queues.get_mut(url) else {
            return;
        };
        if is_auth_outcome(&command)
            && let Some(last) = queue.commands.back_mut()
            && is_auth_outcome(last)
        {
            *last = command;
            return;
        }
        queue.commands.push_back(command);
    }

    /// Reservations to poll, made since the last call.
    pub(crate) fn take_started(&mut self) -> Vec<Delivery> {
        std::mem::take(&mut self.started)
    }

    /// Hands the next held command to its slot and reserves another if more wait. Returns how
    /// many commands were dropped because the relay task closed its queue (it has failed).
    pub(crate) fn on_delivery(&mut self, delivered: Delivered) -> usize {
        let Delivered { url, epoch, permit } = delivered;
        let Some(queue) = self.queues.get_mut(&url) else {
            return 0;
        };
        if queue.epoch != epoch {
            // A reservation of a queue already gone; dropping the permit frees its slot.
            return 0;
        }
        let Ok(permit) = permit else {
            return self.remove(&url);
        };
        let Some(command) = queue.commands.pop_front() else {
            self.queues.remove(&url);
            return 0;
        };
        let tx = permit.send(command);
        if queue.commands.is_empty() {
            self.queues.remove(&url);
        } else {
            self.started.push(reserve(url, epoch, tx));
        }
        0
    }

    /// Forgets a relay's held commands (its task ended); returns how many there were.
    pub(crate) fn remove(&mut self, url: &RelayUrl) -> usize {
        self.queues.remove(url).map_or(0, |q| q.commands.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workers::connections::auth::AuthFailure;
    use futures::StreamExt;
    use futures::stream::FuturesUnordered;

    fn url(s: &str) -> RelayUrl {
        RelayUrl::parse(s).unwrap()
    }

    fn limits(n: usize) -> RelayCommand {
        RelayCommand::Limits(super::super::RelayLimits {
            max_subscriptions: Some(n),
            max_filters: None,
            ..super::super::RelayLimits::default()
        })
    }

    fn number(command: &RelayCommand) -> usize {
        match command {
            RelayCommand::Limits(l) => l.max_subscriptions.unwrap_or(0),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[tokio::test]
    async fn fifo_per_relay_and_auth_answers_coalesce() {
        let (tx, mut rx) = mpsc::channel(1);
        let a = url("ws://a.test");
        tx.try_send(limits(0)).unwrap();
        let mut held = HeldCommands::new(2);
        held.start(&a, tx.clone(), limits(1));
        assert!(!held.is_full(&a));
        held.push(&a, RelayCommand::AuthFailed(AuthFailure::failed("first")));
        held.push(&a, RelayCommand::AuthFailed(AuthFailure::failed("second")));
        assert!(held.is_full(&a));
        held.push(&a, limits(2));
        let mut pending: FuturesUnordered<Delivery> = held.take_started().into_iter().collect();
        let mut got = Vec::new();
        for _ in 0..3 {
            got.push(rx.recv().await.unwrap());
            let delivered = tokio::time::timeout(std::time::Duration::from_secs(5), pending.next())
                .await
                .unwrap()
                .unwrap();
            assert_eq!(held.on_delivery(delivered), 0);
            pending.extend(held.take_started());
        }
        got.push(rx.recv().await.unwrap());
        assert_eq!(number(&got[0]), 0);
        assert_eq!(number(&got[1]), 1);
        assert!(matches!(&got[2], RelayCommand::AuthFailed(r) if r.reason == "second"));
        assert_eq!(number(&got[3]), 2);
        assert!(!held.contains(&a));
    }
}
