//! Cashu ecash tokens (NUT-00): `cashuA` (V3, base64url JSON) and `cashuB` (V4, base64url CBOR),
//! decoded into one typed token: mint, unit, memo and proofs.
//!
//! Proofs are only read here; their DLEQ checks belong to the crypto worker.

use std::fmt;

use base64::Engine;
use base64::alphabet;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use thiserror::Error;

/// Longest serialized token accepted, bounding the decoders' work on hostile content.
pub const MAX_CASHU_TOKEN_LENGTH: usize = 256 * 1024;

/// URL-safe base64, padding optional: NUT-00 says clients must accept both forms.
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// Token serialization version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CashuVersion {
    /// `cashuA`: JSON.
    V3,
    /// `cashuB`: CBOR.
    V4,
}

// Proofs in text tokens are the same type NIP-60 tokens and NIP-61 nutzaps carry, so the proof
// pipe and the crypto worker see one shape wherever a proof was found.
pub use crate::parser::kinds::cashu::{CashuProof, Dleq, MAX_MINT_URL_LENGTH, ProofSecret};

/// A decoded token: proofs from one mint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CashuToken {
    /// Serialization it was read from.
    pub version: CashuVersion,
    /// Mint URL.
    pub mint: String,
    /// Unit (`sat`, `usd`...); V3 tokens may omit it.
    pub unit: Option<String>,
    /// Memo.
    pub memo: Option<String>,
    /// The proofs.
    pub proofs: Vec<CashuProof>,
}

impl CashuToken {
    /// Sum of the proof amounts; `None` on overflow (a hostile token).
    pub fn total_amount(&self) -> Option<u64> {
        self.proofs
            .iter()
            .try_fold(0u64, |acc, p| acc.checked_add(p.amount))
    }

    /// Decodes a serialized token (`cashuA...` or `cashuB...`, optionally `cashu:`-prefixed).
    pub fn parse(s: &str) -> Result<Self, CashuError> {
        let s = s.strip_prefix("cashu:").unwrap_or(s);
        if s.len() > MAX_CASHU_TOKEN_LENGTH {
            return Err(CashuError::TooLong);
        }
        if let Some(body) = s.strip_prefix("cashuA") {
            decode_v3(&decode_base64(body)?)
        } else if let Some(body) = s.strip_prefix("cashuB") {
            decode_v4(&decode_base64(body)?)
        } else {
            Err(CashuError::UnknownPrefix)
        }
    }
}

/// Why a token could not be decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum CashuError {
    /// Not `cashuA` or `cashuB`.
    #[error("not a cashuA or cashuB token")]
    UnknownPrefix,
    /// Longer than [`MAX_CASHU_TOKEN_LENGTH`].
    #[error("cashu token too long")]
    TooLong,
    /// The body is not base64.
    #[error("cashu token is not valid base64")]
    Base64,
    /// A V3 body is not the NUT-00 JSON shape.
    #[error("cashu token JSON does not match NUT-00")]
    Json,
    /// A V4 body is not the NUT-00 CBOR shape.
    #[error("cashu token CBOR does not match NUT-00")]
    Cbor,
    /// A V3 token holds proofs from several mints (NUT-00 deprecated this; wallets refuse it).
    #[error("cashu token spans several mints")]
    MultipleMints,
    /// No proofs at all.
    #[error("cashu token holds no proofs")]
    Empty,
    /// The mint URL is longer than [`MAX_MINT_URL_LENGTH`].
    #[error("cashu token mint URL too long")]
    MintTooLong,
}

fn decode_base64(body: &str) -> Result<Vec<u8>, CashuError> {
    // Some wallets emit the standard alphabet; map it to the URL-safe one first.
    if body.bytes().any(|b| b == b'+' || b == b'/') {
        let mapped: String = body
            .chars()
            .map(|c| match c {
                '+' => '-',
                '/' => '_',
                c => c,
            })
            .collect();
        BASE64URL.decode(mapped).map_err(|_| CashuError::Base64)
    } else {
        BASE64URL.decode(body).map_err(|_| CashuError::Base64)
    }
}

#[derive(Deserialize)]
struct V3Token {
    token: Vec<V3Entry>,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    memo: Option<String>,
}

#[derive(Deserialize)]
struct V3Entry {
    mint: String,
    proofs: Vec<V3Proof>,
}

#[derive(Deserialize)]
struct V3Proof {
    amount: u64,
    id: String,
    secret: String,
    #[serde(rename = "C")]
    c: String,
    #[serde(default)]
    dleq: Option<V3Dleq>,
    #[serde(default)]
    witness: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct V3Dleq {
    e: String,
    s: String,
    #[serde(default)]
    r: Option<String>,
}

fn decode_v3(json: &[u8]) -> Result<CashuToken, CashuError> {
    let token: V3Token = serde_json::from_slice(json).map_err(|_| CashuError::Json)?;
    let mut entries = token.token.into_iter();
    let first = entries.next().ok_or(CashuError::Empty)?;
    let mint = first.mint;
    if mint.len() > MAX_MINT_URL_LENGTH {
        return Err(CashuError::MintTooLong);
    }
    let mut raw = first.proofs;
    for entry in entries {
        if entry.mint != mint {
            return Err(CashuError::MultipleMints);
        }
        raw.extend(entry.proofs);
    }
    if raw.is_empty() {
        return Err(CashuError::Empty);
    }
    let proofs = raw
        .into_iter()
        .map(|p| CashuProof {
            amount: p.amount,
            keyset_id: p.id,
            secret: ProofSecret::new(p.secret),
            c: p.c,
            dleq: p.dleq.map(|d| Dleq {
                e: d.e,
                s: d.s,
                r: d.r,
            }),
            witness: p.witness.map(|w| match w {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            }),
            mint: Some(mint.clone()),
        })
        .collect();
    Ok(CashuToken {
        version: CashuVersion::V3,
        mint,
        unit: token.unit,
        memo: token.memo,
        proofs,
    })
}

/// A CBOR byte string, kept as lowercase hex to match the V3 form.
struct HexBytes(String);

impl<'de> Deserialize<'de> for HexBytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct HexVisitor;
        impl Visitor<'_> for HexVisitor {
            type Value = HexBytes;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a CBOR byte string")
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<HexBytes, E> {
                Ok(HexBytes(hex::encode(v)))
            }
        }
        deserializer.deserialize_bytes(HexVisitor)
    }
}

#[derive(Deserialize)]
struct V4Token {
    #[serde(rename = "m")]
    mint: String,
    #[serde(rename = "u")]
    unit: String,
    #[serde(rename = "d", default)]
    memo: Option<String>,
    #[serde(rename = "t")]
    entries: Vec<V4Entry>,
}

#[derive(Deserialize)]
struct V4Entry {
    #[serde(rename = "i")]
    keyset_id: HexBytes,
    #[serde(rename = "p")]
    proofs: Vec<V4Proof>,
}

#[derive(Deserialize)]
struct V4Proof {
    #[serde(rename = "a")]
    amount: u64,
    #[serde(rename = "s")]
    secret: String,
    #[serde(rename = "c")]
    c: HexBytes,
    #[serde(rename = "d", default)]
    dleq: Option<V4Dleq>,
    #[serde(rename = "w", default)]
    witness: Option<String>,
}

#[derive(Deserialize)]
struct V4Dleq {
    e: HexBytes,
    s: HexBytes,
    #[serde(default)]
    r: Option<HexBytes>,
}

fn decode_v4(cbor: &[u8]) -> Result<CashuToken, CashuError> {
    let token: V4Token = ciborium::de::from_reader(cbor).map_err(|_| CashuError::Cbor)?;
    if token.mint.len() > MAX_MINT_URL_LENGTH {
        return Err(CashuError::MintTooLong);
    }
    let mut proofs = Vec::new();
    for entry in token.entries {
        for p in entry.proofs {
            proofs.push(CashuProof {
                amount: p.amount,
                keyset_id: entry.keyset_id.0.clone(),
                secret: ProofSecret::new(p.secret),
                c: p.c.0,
                dleq: p.dleq.map(|d| Dleq {
                    e: d.e.0,
                    s: d.s.0,
                    r: d.r.map(|r| r.0),
                }),
                witness: p.witness,
                mint: Some(token.mint.clone()),
            });
        }
    }
    if proofs.is_empty() {
        return Err(CashuError::Empty);
    }
    Ok(CashuToken {
        version: CashuVersion::V4,
        mint: token.mint,
        unit: Some(token.unit),
        memo: token.memo,
        proofs,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every serialized token (or malformed attempt) on a line of NUT-00's test file.
    fn nut00_tokens() -> Vec<String> {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../testdata/vectors/cashu/nut00-tests.md"
        );
        let text = std::fs::read_to_string(path).unwrap();
        text.lines()
            .map(str::trim)
            .filter(|l| {
                (l.starts_with("cashu") || l.starts_with("casshu") || l.starts_with("eyJ"))
                    && l.len() > 40
            })
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn nut00_v3_vectors() {
        let tokens = nut00_tokens();
        let v3: Vec<_> = tokens.iter().filter(|t| t.starts_with("cashuA")).collect();
        assert_eq!(v3.len(), 4, "{tokens:#?}");
        for t in v3 {
            let token = CashuToken::parse(t).unwrap();
            assert_eq!(token.version, CashuVersion::V3);
            assert_eq!(token.mint, "https://8333.space:3338");
            assert_eq!(token.unit.as_deref(), Some("sat"));
            assert!(token.memo.as_deref().unwrap().starts_with("Thank you"));
            assert_eq!(token.proofs.len(), 2);
            assert_eq!(token.total_amount(), Some(10));
            assert_eq!(token.proofs[0].keyset_id, "009a1f293253e41e");
            assert_eq!(
                token.proofs[0].c,
                "02bc9097997d81afb2cc7346b5e4345a9346bd2a506eb7958598a72f0cf85163ea"
            );
        }
        // The two malformed serializations of the vector file are refused.
        for t in tokens
            .iter()
            .filter(|t| t.starts_with("casshu") || t.starts_with("eyJ"))
        {
            assert_eq!(CashuToken::parse(t), Err(CashuError::UnknownPrefix));
        }
    }

    #[test]
    fn nut00_v4_vectors() {
        let tokens = nut00_tokens();
        let v4: Vec<_> = tokens.iter().filter(|t| t.starts_with("cashuB")).collect();
        assert_eq!(v4.len(), 2, "{tokens:#?}");
        let single = CashuToken::parse(v4[0]).unwrap();
        assert_eq!(single.version, CashuVersion::V4);
        assert_eq!(single.mint, "http://localhost:3338");
        assert_eq!(single.unit.as_deref(), Some("sat"));
        assert_eq!(single.memo.as_deref(), Some("Thank you"));
        assert_eq!(single.proofs.len(), 1);
        assert_eq!(single.proofs[0].keyset_id, "00ad268c4d1f5826");
        assert_eq!(
            single.proofs[0].secret.expose(),
            "9a6dbb847bd232ba76db0df197216b29d3b8cc14553cd27827fc1cc942fedb4e"
        );
        assert_eq!(
            single.proofs[0].c,
            "038618543ffb6b8695df4ad4babcde92a34a96bdcd97dcee0d7ccf98d472126792"
        );

        let multi = CashuToken::parse(v4[1]).unwrap();
        assert_eq!(multi.memo, None);
        assert_eq!(multi.total_amount(), Some(4));
        let ids: Vec<_> = multi.proofs.iter().map(|p| p.keyset_id.as_str()).collect();
        assert_eq!(
            ids,
            ["00ffd48b8f5ecf80", "00ad268c4d1f5826", "00ad268c4d1f5826"]
        );
    }

    #[test]
    fn malformed_tokens_are_errors() {
        assert_eq!(CashuToken::parse("cashuA!!!"), Err(CashuError::Base64));
        // Valid base64 of text that is not a token.
        assert_eq!(
            CashuToken::parse("cashuAeyJmb28iOjF9"),
            Err(CashuError::Json)
        );
        assert_eq!(CashuToken::parse("cashuBpGF0gQ"), Err(CashuError::Cbor));
        assert_eq!(
            CashuToken::parse("cashuAeyJ0b2tlbiI6W119"),
            Err(CashuError::Empty)
        );
    }

    #[test]
    fn multi_mint_v3_is_refused() {
        let json = r#"{"token":[{"mint":"https://a","proofs":[{"amount":1,"id":"00","secret":"s","C":"02"}]},{"mint":"https://b","proofs":[{"amount":1,"id":"00","secret":"t","C":"02"}]}]}"#;
        let token = format!("cashuA{}", BASE64URL.encode(json));
        assert_eq!(CashuToken::parse(&token), Err(CashuError::MultipleMints));
        // Standard-alphabet base64 with padding is accepted too.
        let json = r#"{"token":[{"mint":"https://a","proofs":[{"amount":1,"id":"00","secret":"s??>","C":"02"}]}]}"#;
        let standard = base64::engine::general_purpose::STANDARD.encode(json);
        assert!(standard.contains('/') || standard.contains('+'));
        let token = CashuToken::parse(&format!("cashuA{standard}")).unwrap();
        assert_eq!(token.proofs[0].secret.expose(), "s??>");
    }

    /// The mint is copied into every proof: a long one would multiply by the proof count.
    #[test]
    fn overlong_mint_is_refused() {
        let proof = r#"{"amount":1,"id":"00","secret":"s","C":"02"}"#;
        let token = |mint: &str| {
            let json = format!(r#"{{"token":[{{"mint":"{mint}","proofs":[{proof},{proof}]}}]}}"#);
            format!("cashuA{}", BASE64URL.encode(json))
        };
        let ok = format!("https://{}", "m".repeat(MAX_MINT_URL_LENGTH - 8));
        assert_eq!(
            CashuToken::parse(&token(&ok)).map(|t| t.proofs.len()),
            Ok(2)
        );
        let long = format!("{ok}m");
        assert_eq!(
            CashuToken::parse(&token(&long)),
            Err(CashuError::MintTooLong)
        );
    }
}
