//! The per-subscription pipeline: an ordered list of pipes, one file per pipe, configured per
//! subscription ([`PipelineConfig`]). Filtering pipes (kind filter, mute, per-author limiter,
//! dedup) apply to every event; verify and save skip cached events, which were verified before
//! they were stored. The pipes that need another worker reach it through [`services`].
//!
//! Pipes that remember what passed (dedup, per-author limiter) and run before verify record only
//! what verification let through (a commit step right after the verify pipe), so forged events
//! can never use up what genuine ones are owed.

pub mod counter;
pub mod dedup;
pub mod item;
pub mod kind_filter;
pub mod limiter;
pub mod mute;
pub mod parse;
pub mod preview;
pub mod proofs;
pub mod save;
pub mod serialize;
pub mod services;
pub mod stats;
#[cfg(test)]
mod tests;
pub mod verify;

use std::sync::Arc;

use planus::Builder;
use thiserror::Error;

pub use counter::Counter;
pub use dedup::Dedup;
pub use item::{Item, Origin};
pub use kind_filter::KindFilter;
pub use limiter::AuthorLimiter;
pub use mute::{Mute, MuteSet, WordScope, is_reference_tag};
pub use parse::Parse;
pub use preview::Previews;
pub use proofs::Proofs;
pub use save::{Save, SaveCounters};
pub use serialize::Serialize;
pub use services::{EventSink, PeerFuture, PipeError, ProofChecker, SaveSummary, Verifier};
pub use stats::PipelineStats;
pub use verify::Verify;

use crate::parser::content::PreviewLimit;
use crate::parser::kinds::Decryptor;
use crate::parser::serialize::SubscriptionMessage;
use crate::protocol::Kind;

/// Default number of ids the dedup pipe remembers.
pub const DEFAULT_DEDUP_CAPACITY: usize = 50_000;

/// One pipe of a pipeline, as configured.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PipeConfig {
    /// Keep only these kinds.
    KindFilter(Vec<Kind>),
    /// Drop muted authors, events, hashtags and words.
    Mute(MuteSet),
    /// Like `Mute`, over the signer's own NIP-51 mute list, which the parser worker keeps current
    /// (a newer list seen later replaces it in every open subscription).
    OwnMutes,
    /// At most this many events per author.
    AuthorLimit(u32),
    /// Drop repeated ids, remembering this many.
    Dedup(usize),
    /// Check ids and signatures of live events (crypto worker).
    Verify,
    /// Parse by kind; `decrypt` opens encrypted parts through the crypto worker.
    Parse {
        /// Ask the signer to decrypt what it is a party to.
        decrypt: bool,
    },
    /// Shorten the content of parsed notes, comments, pictures, videos and live chat to this
    /// limit (after `Parse`); subscribers get the preview next to the full blocks.
    Preview(PreviewLimit),
    /// Check Cashu proofs (crypto worker).
    Proofs,
    /// Store live events (cache worker).
    Save,
    /// Write FlatBuffers messages (terminal).
    Serialize,
    /// Count per kind instead of delivering events (terminal).
    Counter,
}

/// The pipes of one subscription, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipelineConfig {
    /// Pipes in the order they run; the last is `Serialize` or `Counter`.
    pub pipes: Vec<PipeConfig>,
}

impl Default for PipelineConfig {
    /// dedup → verify → parse → save → serialize.
    fn default() -> Self {
        Self {
            pipes: vec![
                PipeConfig::Dedup(DEFAULT_DEDUP_CAPACITY),
                PipeConfig::Verify,
                PipeConfig::Parse { decrypt: true },
                PipeConfig::Save,
                PipeConfig::Serialize,
            ],
        }
    }
}

impl PipelineConfig {
    /// Raw events: dedup → verify → save → serialize (no parsing).
    pub fn raw() -> Self {
        Self {
            pipes: vec![
                PipeConfig::Dedup(DEFAULT_DEDUP_CAPACITY),
                PipeConfig::Verify,
                PipeConfig::Save,
                PipeConfig::Serialize,
            ],
        }
    }

    /// Counts per kind: dedup → verify → counter.
    pub fn counter() -> Self {
        Self {
            pipes: vec![
                PipeConfig::Dedup(DEFAULT_DEDUP_CAPACITY),
                PipeConfig::Verify,
                PipeConfig::Counter,
            ],
        }
    }

    /// Adds a filtering pipe at the front (filters run before the expensive pipes).
    pub fn with_filter(mut self, pipe: PipeConfig) -> Self {
        self.pipes.insert(0, pipe);
        self
    }

    /// Removes every pipe equal to `pipe` (e.g. `PipeConfig::Verify` for trusted sources).
    pub fn without(mut self, pipe: &PipeConfig) -> Self {
        self.pipes.retain(|p| p != pipe);
        self
    }

    /// Checks the order: exactly one terminal pipe, last.
    pub fn validate(&self) -> Result<(), PipelineConfigError> {
        let terminal = |p: &PipeConfig| matches!(p, PipeConfig::Serialize | PipeConfig::Counter);
        match self.pipes.iter().position(terminal) {
            None => Err(PipelineConfigError::NoTerminal),
            Some(at) if at + 1 != self.pipes.len() => Err(PipelineConfigError::TerminalNotLast),
            Some(_) => Ok(()),
        }
    }
}

/// A pipeline configuration cannot be built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum PipelineConfigError {
    /// Neither `Serialize` nor `Counter` ends the pipeline.
    #[error("a pipeline must end with Serialize or Counter")]
    NoTerminal,
    /// A pipe follows the terminal pipe.
    #[error("Serialize or Counter must be the last pipe")]
    TerminalNotLast,
    /// A pipe needs a peer worker that was not given.
    #[error("the {0} pipe needs a service that is not available")]
    MissingService(&'static str),
    /// `Save` without an earlier `Verify`: the cache serves what it stores to every subscription
    /// as verified, so it must never receive unverified events.
    #[error("the save pipe needs a verify pipe before it")]
    SaveWithoutVerify,
}

/// The peers the pipes may use.
#[derive(Clone, Default)]
pub struct Services {
    /// For `Verify`.
    pub verifier: Option<Arc<dyn Verifier>>,
    /// For `Parse { decrypt: true }` (absent: nothing is decrypted).
    pub decryptor: Option<Arc<dyn Decryptor>>,
    /// For `Proofs`.
    pub proofs: Option<Arc<dyn ProofChecker>>,
    /// For `Save`.
    pub sink: Option<Arc<dyn EventSink>>,
}

impl std::fmt::Debug for Services {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Services")
            .field("verifier", &self.verifier.is_some())
            .field("decryptor", &self.decryptor.is_some())
            .field("proofs", &self.proofs.is_some())
            .field("sink", &self.sink.is_some())
            .finish()
    }
}

#[derive(Debug)]
enum Pipe {
    KindFilter(KindFilter),
    Mute(Mute),
    OwnMute(Mute),
    Limiter(AuthorLimiter),
    Dedup(Dedup),
    Verify(Verify),
    /// After verify: the dedup and limiter pipes at these positions record what passed.
    Commit(Vec<usize>),
    Parse(Parse),
    Preview(Previews),
    Proofs(Proofs),
    Save(Save),
    Serialize(Serialize),
    Counter(Counter),
}

/// A built pipeline for one subscription.
#[derive(Debug)]
pub struct Pipeline {
    subscription_id: String,
    pipes: Vec<Pipe>,
    stats: PipelineStats,
    builder: Builder,
}

/// The peer a pipe needs, or which pipe lacks it.
fn need<T: ?Sized>(
    service: &Option<Arc<T>>,
    pipe: &'static str,
) -> Result<Arc<T>, PipelineConfigError> {
    service
        .clone()
        .ok_or(PipelineConfigError::MissingService(pipe))
}

impl Pipeline {
    /// Builds `config` for `subscription_id` with the given peers.
    pub fn new(
        config: &PipelineConfig,
        subscription_id: impl Into<String>,
        services: &Services,
    ) -> Result<Self, PipelineConfigError> {
        config.validate()?;
        let verify_at = config.pipes.iter().position(|p| *p == PipeConfig::Verify);
        if let Some(save_at) = config.pipes.iter().position(|p| *p == PipeConfig::Save)
            && verify_at.is_none_or(|v| v > save_at)
        {
            return Err(PipelineConfigError::SaveWithoutVerify);
        }
        let subscription_id = subscription_id.into();
        let mut pipes = Vec::with_capacity(config.pipes.len() + 1);
        let mut deferred = Vec::new();
        for (at, p) in config.pipes.iter().enumerate() {
            let before_verify = verify_at.is_some_and(|v| at < v);
            if before_verify && matches!(p, PipeConfig::Dedup(_) | PipeConfig::AuthorLimit(_)) {
                deferred.push(pipes.len());
            }
            let pipe = match p {
                PipeConfig::KindFilter(kinds) => Pipe::KindFilter(KindFilter::new(kinds.clone())),
                PipeConfig::Mute(set) => Pipe::Mute(Mute::new(set.clone())),
                // Empty until the worker hands it the signer's list.
                PipeConfig::OwnMutes => Pipe::OwnMute(Mute::default()),
                PipeConfig::AuthorLimit(n) if before_verify => {
                    Pipe::Limiter(AuthorLimiter::counting_after_verify(*n))
                }
                PipeConfig::AuthorLimit(n) => Pipe::Limiter(AuthorLimiter::new(*n)),
                PipeConfig::Dedup(n) => Pipe::Dedup(Dedup::with_recording(
                    *n,
                    match verify_at {
                        Some(v) if at < v => dedup::Recording::AfterVerify,
                        Some(_) => dedup::Recording::Verified,
                        None => dedup::Recording::CheckId,
                    },
                )),
                PipeConfig::Verify => {
                    Pipe::Verify(Verify::new(need(&services.verifier, "verify")?))
                }
                PipeConfig::Parse { decrypt } => Pipe::Parse(Parse::new(if *decrypt {
                    services.decryptor.clone()
                } else {
                    None
                })),
                PipeConfig::Preview(limit) => Pipe::Preview(Previews::new(*limit)),
                PipeConfig::Proofs => Pipe::Proofs(Proofs::new(need(&services.proofs, "proofs")?)),
                PipeConfig::Save => Pipe::Save(Save::new(need(&services.sink, "save")?)),
                PipeConfig::Serialize => Pipe::Serialize(Serialize::new(subscription_id.clone())),
                PipeConfig::Counter => Pipe::Counter(Counter::default()),
            };
            let verifies = matches!(pipe, Pipe::Verify(_));
            pipes.push(pipe);
            if verifies && !deferred.is_empty() {
                pipes.push(Pipe::Commit(std::mem::take(&mut deferred)));
            }
        }
        Ok(Self {
            subscription_id,
            pipes,
            stats: PipelineStats::default(),
            builder: Builder::new(),
        })
    }

    /// The subscription this pipeline serves.
    pub fn subscription_id(&self) -> &str {
        &self.subscription_id
    }

    /// Runs a batch through every pipe; returns the messages for the subscriber.
    pub async fn process(&mut self, items: Vec<Item>) -> Vec<SubscriptionMessage> {
        let mut items = items;
        let mut out = Vec::new();
        self.stats.received += items.len() as u64;
        for at in 0..self.pipes.len() {
            if items.is_empty() {
                break;
            }
            if let Pipe::Commit(positions) = &self.pipes[at] {
                let positions = positions.clone();
                self.commit(&positions, &mut items);
                continue;
            }
            let stats = &mut self.stats;
            match &mut self.pipes[at] {
                Pipe::KindFilter(p) => stats.kind_filtered += p.apply(&mut items),
                Pipe::Mute(p) | Pipe::OwnMute(p) => stats.muted += p.apply(&mut items),
                Pipe::Limiter(p) => stats.limited += p.apply(&mut items),
                Pipe::Dedup(p) => p.apply(&mut items, stats),
                Pipe::Verify(p) => p.apply(&mut items, stats).await,
                Pipe::Parse(p) => p.apply(&mut items, stats).await,
                Pipe::Preview(p) => p.apply(&mut items),
                Pipe::Proofs(p) => p.apply(&mut items, stats).await,
                Pipe::Save(p) => p.apply(&items),
                Pipe::Serialize(p) => p.apply(std::mem::take(&mut items), &mut out),
                Pipe::Counter(p) => p.apply(std::mem::take(&mut items)),
                Pipe::Commit(_) => {}
            }
        }
        self.stats.emitted += out.len() as u64;
        out
    }

    /// Lets the dedup and limiter pipes at `positions` record what passed verification.
    fn commit(&mut self, positions: &[usize], items: &mut Vec<Item>) {
        for &at in positions {
            match self.pipes.get_mut(at) {
                Some(Pipe::Dedup(p)) => p.commit(items, &mut self.stats),
                Some(Pipe::Limiter(p)) => self.stats.limited += p.commit(items),
                _ => {}
            }
        }
    }

    /// A `Counts` message when the pipeline counts instead of delivering.
    pub fn counts_message(&mut self) -> Option<SubscriptionMessage> {
        let counter = self.pipes.iter().find_map(|p| match p {
            Pipe::Counter(c) => Some(c),
            _ => None,
        })?;
        Some(counter.message(&mut self.builder, &self.subscription_id))
    }

    /// Replaces the mute set of the mute pipe, if there is one (a newer mute list arrived).
    pub fn replace_mutes(&mut self, set: MuteSet) -> bool {
        for p in &mut self.pipes {
            if let Pipe::Mute(m) = p {
                m.replace(set);
                return true;
            }
        }
        false
    }

    /// True when the pipeline has a `PipeConfig::OwnMutes` pipe.
    pub fn uses_own_mutes(&self) -> bool {
        self.pipes.iter().any(|p| matches!(p, Pipe::OwnMute(_)))
    }

    /// Replaces what the `OwnMutes` pipe mutes, if there is one (a newer own list arrived).
    pub fn replace_own_mutes(&mut self, set: MuteSet) -> bool {
        for p in &mut self.pipes {
            if let Pipe::OwnMute(m) = p {
                m.replace(set);
                return true;
            }
        }
        false
    }

    /// The counters so far.
    pub fn stats(&self) -> &PipelineStats {
        &self.stats
    }

    /// The save pipe's counters, if the pipeline saves.
    pub fn save_counters(&self) -> Option<Arc<SaveCounters>> {
        self.pipes.iter().find_map(|p| match p {
            Pipe::Save(s) => Some(s.counters()),
            _ => None,
        })
    }
}
