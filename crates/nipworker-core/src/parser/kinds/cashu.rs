//! Cashu proofs as they are carried — in NIP-60 token events, NIP-61 nutzaps and `cashuA`/`cashuB`
//! tokens in text (NUT-00 fields with the optional NUT-12 DLEQ, kept verbatim) — in the one shape
//! the proof pipe hands to the crypto worker. [`CashuProof::to_proof`] gives the checked form
//! (`crypto::cashu::Proof`, with a parsed point and scalars) the DLEQ verification runs on.
//!
//! A proof's secret is bearer money: it is wiped on drop and never shown by `Debug`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use zeroize::Zeroizing;

/// A proof secret (NUT-00 `secret`; a NUT-10 JSON string for P2PK-locked proofs).
#[derive(Clone, PartialEq, Eq)]
pub struct ProofSecret(Zeroizing<String>);

impl ProofSecret {
    /// Wraps a secret.
    pub fn new(secret: String) -> Self {
        Self(Zeroizing::new(secret))
    }

    /// The secret, for the crypto worker (hash-to-curve, DLEQ) and for spending.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ProofSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ProofSecret(<redacted>)")
    }
}

impl<'de> Deserialize<'de> for ProofSecret {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Self::new)
    }
}

// The app owns its wallet: serialized results carry the secret so it can spend the proof.
impl Serialize for ProofSecret {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// A NUT-12 DLEQ proof attached to a Cashu proof.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Dleq {
    /// Challenge `e` (hex scalar).
    pub e: String,
    /// Response `s` (hex scalar).
    pub s: String,
    /// Blinding factor `r` (hex scalar); present on proofs, absent on blind signatures.
    #[serde(default)]
    pub r: Option<String>,
}

/// Longest mint URL accepted where the mint is copied into every proof (tokens, nutzaps, NIP-60
/// token events). Real mint URLs are tens of bytes; without a bound, one long mint times thousands
/// of tiny proofs would cost the product of the two, not their sum.
pub const MAX_MINT_URL_LENGTH: usize = 512;

/// One Cashu proof with the mint it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CashuProof {
    /// Amount in the keyset's unit.
    pub amount: u64,
    /// Keyset id (`id`).
    #[serde(rename = "id")]
    pub keyset_id: String,
    /// The secret.
    pub secret: ProofSecret,
    /// The unblinded signature `C` (hex point).
    #[serde(rename = "C")]
    pub c: String,
    /// The DLEQ proof, when the mint gave one.
    #[serde(default)]
    pub dleq: Option<Dleq>,
    /// The NUT-11 witness, when the proof is already unlocked.
    #[serde(default)]
    pub witness: Option<String>,
    /// The mint URL (from the token or nutzap that carried the proof; not part of the JSON).
    #[serde(default, skip_deserializing)]
    pub mint: Option<String>,
}

impl CashuProof {
    /// The typed form the crypto worker checks: fails when the keyset id, the point `C` or a DLEQ
    /// scalar is malformed (such a proof is invalid whatever its mint says).
    pub fn to_proof(
        &self,
    ) -> Result<crate::crypto::cashu::Proof, crate::crypto::cashu::CashuError> {
        use crate::crypto::cashu::{KeysetId, Point, Proof, ProofDleq, Scalar};
        let dleq = match &self.dleq {
            Some(d) => Some(ProofDleq {
                e: Scalar::from_hex(&d.e)?,
                s: Scalar::from_hex(&d.s)?,
                r: d.r.as_deref().map(Scalar::from_hex).transpose()?,
            }),
            None => None,
        };
        Ok(Proof {
            amount: self.amount,
            id: KeysetId::parse(&self.keyset_id)?,
            secret: self.secret.expose().to_owned(),
            c: Point::from_hex(&self.c)?,
            witness: self.witness.clone(),
            dleq,
        })
    }

    /// Reads one proof from its JSON object.
    pub(crate) fn from_json(json: &str) -> Option<Self> {
        serde_json::from_str(json).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The valid `Proof` from the Cashu NUT-12 test vectors.
    pub(crate) const NUT12_PROOF: &str = r#"{
  "amount": 1,
  "id": "00882760bfa2eb41",
  "secret": "daf4dd00a2b68a0858a80450f52c8a7d2ccf87d375e43e216e0c571f089f63e9",
  "C": "024369d2d22a80ecf78f3937da9d5f30c1b9f74f0c32684d583cca0fa6a61cdcfc",
  "dleq": {
    "e": "b31e58ac6527f34975ffab13e70a48b6d2b0d35abc4b03f0151f09ee1a9763d4",
    "s": "8fbae004c59e754d71df67e392b6ae4e29293113ddc2ec86592a0431d16306d8",
    "r": "a6d13fcd7a18442e6076f5e1e7c887ad5de40a019824bdfa9fe740d302e8d861"
  }
}"#;

    #[test]
    fn reads_a_nut12_proof_and_hides_the_secret() {
        let p = CashuProof::from_json(NUT12_PROOF).unwrap();
        assert_eq!(p.amount, 1);
        assert_eq!(p.keyset_id, "00882760bfa2eb41");
        assert_eq!(
            p.secret.expose(),
            "daf4dd00a2b68a0858a80450f52c8a7d2ccf87d375e43e216e0c571f089f63e9"
        );
        assert_eq!(
            p.c,
            "024369d2d22a80ecf78f3937da9d5f30c1b9f74f0c32684d583cca0fa6a61cdcfc"
        );
        let dleq = p.dleq.as_ref().unwrap();
        assert!(dleq.e.starts_with("b31e") && dleq.s.starts_with("8fba"));
        assert!(dleq.r.as_deref().unwrap().starts_with("a6d1"));
        assert_eq!(p.mint, None);
        let dbg = format!("{p:?}");
        assert!(!dbg.contains("daf4dd00"), "{dbg}");
        assert!(CashuProof::from_json(r#"{"amount":-1,"id":"x","secret":"s","C":"c"}"#).is_none());
        assert!(CashuProof::from_json(r#"{"amount":1,"id":"x","secret":"s"}"#).is_none());
    }

    #[test]
    fn typed_form_verifies_and_malformed_fields_fail() {
        use crate::crypto::cashu::{Point, verify_proof};
        let p = CashuProof::from_json(NUT12_PROOF).unwrap();
        let typed = p.to_proof().unwrap();
        assert_eq!(typed.secret, p.secret.expose());
        // NUT-12 vector mint key for this proof.
        let a =
            Point::from_hex("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798")
                .unwrap();
        assert!(verify_proof(&typed, &a).is_valid());
        for (field, bad) in [("c", "05ab"), ("keyset_id", "zz")] {
            let mut q = p.clone();
            match field {
                "c" => q.c = bad.into(),
                _ => q.keyset_id = bad.into(),
            }
            assert!(q.to_proof().is_err(), "{field}");
        }
        let mut q = p.clone();
        if let Some(d) = q.dleq.as_mut() {
            d.e = "not hex".into();
        }
        assert!(q.to_proof().is_err());
    }

    #[test]
    fn text_tokens_carry_the_same_proof_type() {
        let token_json =
            format!(r#"{{"token":[{{"mint":"https://m.example","proofs":[{NUT12_PROOF}]}}]}}"#);
        use base64::Engine;
        let encoded = base64::engine::general_purpose::URL_SAFE.encode(token_json);
        let token = crate::parser::content::CashuToken::parse(&format!("cashuA{encoded}")).unwrap();
        let from_text: &CashuProof = &token.proofs[0];
        let mut from_event = CashuProof::from_json(NUT12_PROOF).unwrap();
        from_event.mint = Some("https://m.example".into());
        assert_eq!(from_text, &from_event);
    }
}
