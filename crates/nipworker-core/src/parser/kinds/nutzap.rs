//! NIP-61 nutzaps: kind 9321 (P2PK-locked Cashu proofs sent to someone, in `proof` tags) and
//! kind 10019 (where and how a user accepts nutzaps: relays, mints with units, P2PK key).

use serde::Serialize;

use std::collections::HashSet;

use super::cashu::{CashuProof, MAX_MINT_URL_LENGTH};
use super::error::{ParseError, ParseErrorReason, SkipReason, Skipped};
use super::pointers::{EventPointer, event_pointer, kind_value, non_blank, parse_pubkey};
use super::relay_list::MAX_RELAYS;
use super::wallet::MAX_MINTS;
use crate::protocol::normalize_relay_url;
use crate::protocol::{Event, Kind, PublicKey};

/// Kind 9321.
pub const NUTZAP: Kind = Kind(9321);
/// Kind 10019.
pub const NUTZAP_INFO: Kind = Kind(10019);

/// A parsed kind 9321 nutzap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Nutzap {
    /// The mint (`u`), exactly as written: NIP-61 compares mint URLs byte for byte.
    pub mint: String,
    /// The recipient (`p`).
    pub recipient: PublicKey,
    /// The nutzapped event (`e`).
    pub event: Option<EventPointer>,
    /// The nutzapped event's kind (`k`).
    pub target_kind: Option<Kind>,
    /// The proofs, each tagged with `mint`.
    pub proofs: Vec<CashuProof>,
    /// The amount: the `amount` tag when present, else the sum of the proofs.
    pub amount: u64,
    /// The unit (`unit` tag, `sat` when absent).
    pub unit: String,
    /// The sender's message (content).
    pub comment: String,
    /// Entries left out, with why.
    pub skipped: Vec<Skipped>,
}

/// Parses a kind 9321 event. It needs a mint, a recipient and at least one readable proof.
pub fn parse_nutzap(event: &Event) -> Result<Nutzap, ParseError> {
    let err = |reason| ParseError::new(NUTZAP, reason);
    let mint = event
        .tags_named("u")
        .find_map(|t| non_blank(t, 1))
        .ok_or(err(ParseErrorReason::MissingTag("u")))?
        .to_owned();
    // Copied into every proof below: a hostile length would multiply by the proof count.
    if mint.len() > MAX_MINT_URL_LENGTH {
        return Err(err(ParseErrorReason::InvalidTag("u")));
    }
    let recipient = event
        .first_tag_value("p")
        .ok_or(err(ParseErrorReason::MissingTag("p")))
        .and_then(|p| parse_pubkey(p).ok_or(err(ParseErrorReason::InvalidTag("p"))))?;
    let mut skipped = Vec::new();
    let mut proofs = Vec::new();
    for (i, tag) in event.tags.iter().enumerate() {
        if tag.name() != Some("proof") {
            continue;
        }
        match tag.value().and_then(CashuProof::from_json) {
            Some(mut proof) => {
                proof.mint = Some(mint.clone());
                proofs.push(proof);
            }
            None => skipped.push(Skipped::tag(i, SkipReason::InvalidJson)),
        }
    }
    if proofs.is_empty() {
        return Err(err(ParseErrorReason::MissingProofs));
    }
    let sum = proofs
        .iter()
        .fold(0u64, |acc, p| acc.saturating_add(p.amount));
    Ok(Nutzap {
        mint,
        recipient,
        event: event.tags_named("e").find_map(|t| event_pointer(t, 3).ok()),
        target_kind: event.tags_named("k").find_map(kind_value),
        amount: event
            .first_tag_value("amount")
            .and_then(|a| a.trim().parse().ok())
            .unwrap_or(sum),
        unit: event
            .tags_named("unit")
            .find_map(|t| non_blank(t, 1))
            .unwrap_or("sat")
            .to_owned(),
        proofs,
        comment: event.content.clone(),
        skipped,
    })
}

/// A mint a user accepts nutzaps at.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct MintInfo {
    /// The mint URL, as written.
    pub url: String,
    /// Units accepted there (empty: unspecified, usually `sat`).
    pub units: Vec<String>,
}

/// A parsed kind 10019 nutzap info event. Keeps at most [`MAX_RELAYS`] relays and
/// [`MAX_MINTS`] mints; the rest are skipped as [`SkipReason::OverLimit`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NutzapInfo {
    /// Relays to send nutzaps to (normalized).
    pub relays: Vec<String>,
    /// Accepted mints.
    pub mints: Vec<MintInfo>,
    /// The P2PK public key to lock proofs to (hex, usually 33-byte compressed `02...`).
    pub p2pk_pubkey: Option<String>,
    /// Entries left out, with why.
    pub skipped: Vec<Skipped>,
}

/// Parses a kind 10019 event. Never fails: bad tags are skipped and counted.
pub fn parse_nutzap_info(event: &Event) -> NutzapInfo {
    let mut info = NutzapInfo {
        relays: Vec::new(),
        mints: Vec::new(),
        p2pk_pubkey: None,
        skipped: Vec::new(),
    };
    // A set beside the list: a linear search per tag made 57,000 `relay` tags quadratic.
    let mut seen_relays = HashSet::new();
    for (i, tag) in event.tags.iter().enumerate() {
        let skip = |reason| Skipped::tag(i, reason);
        match tag.name() {
            Some("relay") => match tag.value().map(normalize_relay_url) {
                Some(Ok(url)) if seen_relays.contains(&url) => {
                    info.skipped.push(skip(SkipReason::Duplicate));
                }
                Some(Ok(_)) if info.relays.len() >= MAX_RELAYS => {
                    info.skipped.push(skip(SkipReason::OverLimit));
                }
                Some(Ok(url)) => {
                    seen_relays.insert(url.clone());
                    info.relays.push(url);
                }
                Some(Err(_)) => info.skipped.push(skip(SkipReason::InvalidRelayUrl)),
                None => info.skipped.push(skip(SkipReason::MissingValue)),
            },
            Some("mint") if info.mints.len() >= MAX_MINTS => {
                info.skipped.push(skip(SkipReason::OverLimit));
            }
            Some("mint") => match non_blank(tag, 1) {
                Some(url) => info.mints.push(MintInfo {
                    url: url.to_owned(),
                    units: tag
                        .as_slice()
                        .iter()
                        .skip(2)
                        .map(|u| u.trim())
                        .filter(|u| !u.is_empty())
                        .map(str::to_owned)
                        .collect(),
                }),
                None => info.skipped.push(skip(SkipReason::MissingValue)),
            },
            Some("pubkey") => match non_blank(tag, 1) {
                Some(k) if is_p2pk_key(k) => {
                    info.p2pk_pubkey
                        .get_or_insert_with(|| k.to_ascii_lowercase());
                }
                Some(_) => info.skipped.push(skip(SkipReason::InvalidPubkey)),
                None => info.skipped.push(skip(SkipReason::MissingValue)),
            },
            _ => {}
        }
    }
    info
}

/// 33-byte compressed (`02`/`03` prefix) or 32-byte x-only hex.
fn is_p2pk_key(k: &str) -> bool {
    let hex_only = k.bytes().all(|b| b.is_ascii_hexdigit());
    hex_only && (k.len() == 64 || (k.len() == 66 && (k.starts_with("02") || k.starts_with("03"))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{EventBuilder, Keys, Tag};

    const NUT12_PROOF: &str = r#"{"amount":1,"id":"00882760bfa2eb41","secret":"daf4dd00a2b68a0858a80450f52c8a7d2ccf87d375e43e216e0c571f089f63e9","C":"024369d2d22a80ecf78f3937da9d5f30c1b9f74f0c32684d583cca0fa6a61cdcfc","dleq":{"e":"b31e58ac6527f34975ffab13e70a48b6d2b0d35abc4b03f0151f09ee1a9763d4","s":"8fbae004c59e754d71df67e392b6ae4e29293113ddc2ec86592a0431d16306d8","r":"a6d13fcd7a18442e6076f5e1e7c887ad5de40a019824bdfa9fe740d302e8d861"}}"#;

    #[test]
    fn nutzap_fields() {
        let recipient = Keys::generate().public_key();
        let note = hex::encode([8u8; 32]);
        let ev = EventBuilder::new(NUTZAP, "thanks!")
            .tags([
                Tag::new(["proof", NUT12_PROOF]),
                Tag::new(["proof", NUT12_PROOF]),
                Tag::new(["proof", "{broken"]),
                Tag::new(["u", "https://Mint.Example/"]),
                Tag::new(["p", &recipient.to_hex()]),
                Tag::new(["e", &note, "wss://r.io"]),
                Tag::new(["k", "1"]),
            ])
            .sign(&Keys::generate());
        let n = parse_nutzap(&ev).unwrap();
        assert_eq!(n.mint, "https://Mint.Example/");
        assert_eq!(n.recipient, recipient);
        assert_eq!(n.event.as_ref().unwrap().id.to_hex(), note);
        assert_eq!(n.target_kind, Some(Kind::TEXT_NOTE));
        assert_eq!(n.proofs.len(), 2);
        assert!(
            n.proofs
                .iter()
                .all(|p| p.mint.as_deref() == Some("https://Mint.Example/"))
        );
        assert_eq!(n.amount, 2);
        assert_eq!(n.unit, "sat");
        assert_eq!(n.comment, "thanks!");
        assert_eq!(n.skipped, vec![Skipped::tag(2, SkipReason::InvalidJson)]);

        let with_amount = EventBuilder::new(NUTZAP, "")
            .tags([
                Tag::new(["proof", NUT12_PROOF]),
                Tag::new(["u", "https://m"]),
                Tag::new(["p", &recipient.to_hex()]),
                Tag::new(["amount", "21"]),
                Tag::new(["unit", "usd"]),
            ])
            .sign(&Keys::generate());
        let n = parse_nutzap(&with_amount).unwrap();
        assert_eq!((n.amount, n.unit.as_str()), (21, "usd"));
    }

    #[test]
    fn nutzap_rules() {
        let recipient = Keys::generate().public_key().to_hex();
        let build = |tags: Vec<Tag>| {
            parse_nutzap(
                &EventBuilder::new(NUTZAP, "")
                    .tags(tags)
                    .sign(&Keys::generate()),
            )
            .unwrap_err()
            .reason
        };
        assert_eq!(
            build(vec![
                Tag::new(["proof", NUT12_PROOF]),
                Tag::new(["p", &recipient])
            ]),
            ParseErrorReason::MissingTag("u")
        );
        assert_eq!(
            build(vec![
                Tag::new(["proof", NUT12_PROOF]),
                Tag::new(["u", "https://m"])
            ]),
            ParseErrorReason::MissingTag("p")
        );
        assert_eq!(
            build(vec![
                Tag::new(["proof", "{}"]),
                Tag::new(["u", "https://m"]),
                Tag::new(["p", &recipient])
            ]),
            ParseErrorReason::MissingProofs
        );
    }

    #[test]
    fn nutzap_info_fields() {
        let key = format!("02{}", "ab".repeat(32));
        let ev = EventBuilder::new(NUTZAP_INFO, "")
            .tags([
                Tag::new(["relay", "wss://Relay.one/"]),
                Tag::new(["relay", "wss://relay.one"]),
                Tag::new(["relay", "https://no"]),
                Tag::new(["mint", "https://mint1", "sat"]),
                Tag::new(["mint", "https://mint2", "sat", "usd"]),
                Tag::new(["mint", "https://mint3"]),
                Tag::new(["pubkey", &key]),
                Tag::new(["pubkey", "04zz"]),
            ])
            .sign(&Keys::generate());
        let info = parse_nutzap_info(&ev);
        assert_eq!(info.relays, vec!["wss://relay.one"]);
        assert_eq!(info.mints.len(), 3);
        assert_eq!(info.mints[1].units, vec!["sat", "usd"]);
        assert!(info.mints[2].units.is_empty());
        assert_eq!(info.p2pk_pubkey.as_deref(), Some(key.as_str()));
        let reasons: Vec<_> = info.skipped.iter().map(|s| s.reason).collect();
        assert_eq!(
            reasons,
            vec![
                SkipReason::Duplicate,
                SkipReason::InvalidRelayUrl,
                SkipReason::InvalidPubkey
            ]
        );
    }

    /// 57,000 `relay` tags and as many `mint` tags: one pass, capped, the rest counted.
    #[test]
    fn hostile_nutzap_info_is_capped() {
        let n = 57_000;
        let mut tags: Vec<Tag> = (0..n)
            .map(|i| Tag::new(["relay".to_string(), format!("wss://r{i}.example")]))
            .collect();
        tags.extend(
            (0..n).map(|i| Tag::new(["mint".to_string(), format!("https://m{i}.example")])),
        );
        let ev = EventBuilder::new(NUTZAP_INFO, "")
            .tags(tags)
            .sign(&Keys::generate());
        let info = parse_nutzap_info(&ev);
        assert_eq!(info.relays.len(), MAX_RELAYS);
        assert_eq!(info.relays[MAX_RELAYS - 1], "wss://r999.example");
        assert_eq!(info.mints.len(), MAX_MINTS);
        assert_eq!(info.skipped.len(), 2 * n - MAX_RELAYS - MAX_MINTS);
        assert!(
            info.skipped
                .iter()
                .all(|s| s.reason == SkipReason::OverLimit)
        );
    }

    /// The mint is copied into every proof, so a long one is refused rather than multiplied.
    #[test]
    fn overlong_mint_is_refused() {
        let recipient = Keys::generate().public_key();
        let long = format!("https://{}.example", "m".repeat(MAX_MINT_URL_LENGTH));
        let ev = EventBuilder::new(NUTZAP, "")
            .tags([
                Tag::new(["u", &long]),
                Tag::new(["p", &recipient.to_hex()]),
                Tag::new(["proof", NUT12_PROOF]),
            ])
            .sign(&Keys::generate());
        assert_eq!(
            parse_nutzap(&ev).map(|_| ()),
            Err(ParseError::new(NUTZAP, ParseErrorReason::InvalidTag("u")))
        );
    }
}
