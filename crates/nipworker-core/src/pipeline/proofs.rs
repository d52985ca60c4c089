//! Proof pipe: checks the Cashu proofs of parsed nutzaps and (decrypted) wallet tokens through a
//! [`ProofChecker`] (the crypto worker's NUT-12 DLEQ checks), one request per mint, and records one
//! status per proof on the item. Failures of the checker mark the proofs `MintUnavailable`.

use std::sync::Arc;

use super::item::Item;
use super::services::ProofChecker;
use super::stats::PipelineStats;
use crate::parser::kinds::CashuProof;
use crate::protocol::flatbuffers::fb;

/// Checks proofs.
#[derive(Clone)]
pub struct Proofs {
    checker: Arc<dyn ProofChecker>,
}

impl std::fmt::Debug for Proofs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Proofs")
    }
}

impl Proofs {
    /// A proof pipe asking `checker`.
    pub fn new(checker: Arc<dyn ProofChecker>) -> Self {
        Self { checker }
    }

    /// Checks every item's proofs.
    pub async fn apply(&self, items: &mut [Item], stats: &mut PipelineStats) {
        for item in items {
            let Some(Ok(parsed)) = &item.parsed else {
                continue;
            };
            let proofs: &[CashuProof] = parsed.proofs();
            if proofs.is_empty() {
                continue;
            }
            let mut status = vec![fb::ProofStatus::Unverifiable; proofs.len()];
            // Group by mint, keeping each proof's position.
            let mut mints: Vec<&str> = proofs.iter().filter_map(|p| p.mint.as_deref()).collect();
            mints.sort_unstable();
            mints.dedup();
            for mint in mints {
                let (at, group): (Vec<usize>, Vec<&CashuProof>) = proofs
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.mint.as_deref() == Some(mint))
                    .unzip();
                match self.checker.check(mint, &group).await {
                    Ok(got) if got.len() == group.len() => {
                        for (i, s) in at.into_iter().zip(got) {
                            status[i] = s;
                        }
                    }
                    Ok(_) | Err(_) => {
                        stats.proof_errors += 1;
                        for i in at {
                            status[i] = fb::ProofStatus::MintUnavailable;
                        }
                    }
                }
            }
            stats.proofs_checked += proofs.len() as u64;
            item.proof_status = status;
        }
    }
}
