//! The crypto worker's active signer: a slot the app may fill, replace or clear at any time, and
//! the guard that makes requests still running on a replaced signer fail with `SignerChanged`.

use std::sync::Arc;

use tokio::sync::watch;

use crate::signer::Signer;

/// What the slot holds: the signer and a generation bumped on every change.
#[derive(Debug, Clone)]
pub(crate) struct SlotState {
    generation: u64,
    signer: Option<Arc<dyn Signer>>,
}

/// Sets and clears the crypto worker's active signer; cheap to clone, usable from any task.
#[derive(Debug, Clone)]
pub struct SignerHandle {
    slot: Arc<watch::Sender<SlotState>>,
}

/// The signer a request started with, and how to notice that it was replaced.
#[derive(Debug)]
pub(crate) struct SignerLease {
    pub(crate) signer: Arc<dyn Signer>,
    generation: u64,
    changes: watch::Receiver<SlotState>,
}

impl Default for SignerHandle {
    fn default() -> Self {
        Self::new()
    }
}

impl SignerHandle {
    /// An empty slot.
    pub fn new() -> Self {
        let (tx, _rx) = watch::channel(SlotState {
            generation: 0,
            signer: None,
        });
        Self { slot: Arc::new(tx) }
    }

    /// Makes `signer` the active signer; requests in flight on the previous one fail with
    /// `SignerChanged`.
    pub fn set_signer(&self, signer: Arc<dyn Signer>) {
        self.replace(Some(signer));
    }

    /// Removes the active signer (logout); later requests fail with `NoSigner`.
    pub fn clear_signer(&self) {
        self.replace(None);
    }

    /// The active signer, if any.
    pub fn current(&self) -> Option<Arc<dyn Signer>> {
        self.slot.borrow().signer.clone()
    }

    /// How many times the signer was set or cleared.
    pub fn generation(&self) -> u64 {
        self.slot.borrow().generation
    }

    fn replace(&self, signer: Option<Arc<dyn Signer>>) {
        // `send_modify` updates even with no receiver alive, unlike `send`.
        self.slot.send_modify(|state| {
            state.generation = state.generation.wrapping_add(1);
            state.signer = signer;
        });
    }

    /// The active signer with its generation, or `None` when the slot is empty.
    pub(crate) fn lease(&self) -> Option<SignerLease> {
        let changes = self.slot.subscribe();
        let state = changes.borrow().clone();
        state.signer.map(|signer| SignerLease {
            signer,
            generation: state.generation,
            changes,
        })
    }

    /// A receiver that sees every change of the slot (for the worker's auth-url forwarding).
    pub(crate) fn subscribe(&self) -> watch::Receiver<SlotState> {
        self.slot.subscribe()
    }
}

impl SignerLease {
    /// Completes once the slot no longer holds the signer this lease started with.
    pub(crate) async fn changed(&mut self) {
        loop {
            if self.changes.borrow_and_update().generation != self.generation {
                return;
            }
            if self.changes.changed().await.is_err() {
                // The handle is gone: nobody can change the signer any more.
                std::future::pending::<()>().await;
            }
        }
    }
}

impl SlotState {
    /// The signer held, if any.
    pub(crate) fn signer(&self) -> Option<&Arc<dyn Signer>> {
        self.signer.as_ref()
    }
}
