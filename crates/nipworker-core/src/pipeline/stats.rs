//! Counters of what each pipe dropped or did, per subscription (nothing is dropped silently).

use std::collections::BTreeMap;

/// Per-pipe counters of one pipeline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PipelineStats {
    /// Events in.
    pub received: u64,
    /// Dropped by the kind filter.
    pub kind_filtered: u64,
    /// Dropped by the mute pipe.
    pub muted: u64,
    /// Dropped by the per-author limiter.
    pub limited: u64,
    /// Dropped as already seen (the same id and signature).
    pub duplicates: u64,
    /// Dropped: the id of an event already delivered under another signature (a forged copy, or
    /// the author signed the same event twice); never counted as a duplicate.
    pub conflicting_copies: u64,
    /// Live events whose id and signature checked out.
    pub verified: u64,
    /// Dropped: the id is not the event's hash.
    pub bad_ids: u64,
    /// Dropped: bad signature or public key.
    pub bad_signatures: u64,
    /// Dropped unverified because the verifier failed.
    pub verify_errors: u64,
    /// Events that broke their kind's rules, per reason label (delivered with the reason).
    pub parse_failures: BTreeMap<&'static str, u64>,
    /// Proofs checked.
    pub proofs_checked: u64,
    /// Proof requests the checker failed.
    pub proof_errors: u64,
    /// Messages produced for the subscriber.
    pub emitted: u64,
}

impl PipelineStats {
    /// Adds `other`'s counters to these (totals over several subscriptions).
    pub fn add(&mut self, other: &PipelineStats) {
        self.received += other.received;
        self.kind_filtered += other.kind_filtered;
        self.muted += other.muted;
        self.limited += other.limited;
        self.duplicates += other.duplicates;
        self.conflicting_copies += other.conflicting_copies;
        self.verified += other.verified;
        self.bad_ids += other.bad_ids;
        self.bad_signatures += other.bad_signatures;
        self.verify_errors += other.verify_errors;
        for (reason, n) in &other.parse_failures {
            *self.parse_failures.entry(reason).or_default() += n;
        }
        self.proofs_checked += other.proofs_checked;
        self.proof_errors += other.proof_errors;
        self.emitted += other.emitted;
    }
}
