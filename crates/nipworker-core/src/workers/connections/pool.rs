//! The relay pool: one task (one connection) per normalized relay URL, started on first use, at
//! most `max_connections` of them; when full, the idle relay used longest ago is closed first.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use thiserror::Error;
use tokio::sync::mpsc;
use web_time::Instant;

use super::relay::{RelayCommand, RelayReport, RelaySettings, RelayTask};
use super::stats::ConnectionStats;
use super::subscriptions::RelayLimits;
use crate::ipc::StatusSender;
use crate::protocol::RelayUrl;
use crate::runtime;
use crate::transport::WebSocketTransport;

/// A relay could not be given a connection.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub(crate) enum PoolError {
    /// Every connection slot is taken by a busy relay.
    #[error("error: all {max} relay connections are busy")]
    Full {
        /// The configured maximum.
        max: usize,
    },
}

#[derive(Debug)]
struct Entry {
    commands: mpsc::Sender<RelayCommand>,
    last_used: Instant,
}

/// The open relays.
#[derive(Debug)]
pub(crate) struct Pool {
    relays: HashMap<RelayUrl, Entry>,
    max: usize,
    send_queue: usize,
    transport: Arc<dyn WebSocketTransport>,
    settings: RelaySettings,
    limits: HashMap<RelayUrl, RelayLimits>,
    status: StatusSender,
    stats: Arc<ConnectionStats>,
    reports: mpsc::Sender<RelayReport>,
}

/// What every relay task is built with.
#[derive(Debug)]
pub(crate) struct PoolParts {
    pub(crate) max: usize,
    pub(crate) send_queue: usize,
    pub(crate) transport: Arc<dyn WebSocketTransport>,
    pub(crate) settings: RelaySettings,
    pub(crate) limits: HashMap<RelayUrl, RelayLimits>,
    pub(crate) status: StatusSender,
    pub(crate) stats: Arc<ConnectionStats>,
    pub(crate) reports: mpsc::Sender<RelayReport>,
}

impl Pool {
    pub(crate) fn new(parts: PoolParts) -> Self {
        Self {
            relays: HashMap::new(),
            max: parts.max.max(1),
            send_queue: parts.send_queue.max(1),
            transport: parts.transport,
            settings: parts.settings,
            limits: parts.limits,
            status: parts.status,
            stats: parts.stats,
            reports: parts.reports,
        }
    }

    /// Starts `url`'s task if needed (its queue is then [`Pool::get`]). `busy` lists the relays that
    /// may not be closed to make room (open subscriptions or unanswered publishes).
    pub(crate) fn open(
        &mut self,
        url: &RelayUrl,
        busy: &HashSet<RelayUrl>,
    ) -> Result<(), PoolError> {
        if !self.relays.contains_key(url) {
            if self.relays.len() >= self.max {
                let idle = self
                    .relays
                    .iter()
                    .filter(|(u, _)| !busy.contains(*u))
                    .min_by_key(|(_, e)| e.last_used)
                    .map(|(u, _)| u.clone());
                match idle {
                    // Dropping its command queue ends the task, which closes the connection.
                    Some(idle) => {
                        self.relays.remove(&idle);
                    }
                    None => return Err(PoolError::Full { max: self.max }),
                }
            }
            let (tx, rx) = mpsc::channel(self.send_queue);
            let task = RelayTask::new(
                url.clone(),
                self.transport.clone(),
                self.settings.clone(),
                self.limits.get(url).copied().unwrap_or_default(),
                self.status.clone(),
                self.stats.clone(),
            );
            runtime::spawn(task.run(rx, self.reports.clone()));
            self.relays.insert(
                url.clone(),
                Entry {
                    commands: tx,
                    last_used: Instant::now(),
                },
            );
        }
        if let Some(entry) = self.relays.get_mut(url) {
            entry.last_used = Instant::now();
        }
        Ok(())
    }

    /// Records a relay's limits for its next task.
    pub(crate) fn set_limits(&mut self, url: &RelayUrl, limits: RelayLimits) {
        self.limits.insert(url.clone(), limits);
    }

    /// The command queue of a running relay task.
    pub(crate) fn get(&self, url: &RelayUrl) -> Option<&mpsc::Sender<RelayCommand>> {
        self.relays.get(url).map(|e| &e.commands)
    }

    /// Forgets a relay (its task ended, or it is being closed).
    pub(crate) fn remove(&mut self, url: &RelayUrl) {
        self.relays.remove(url);
    }
}
