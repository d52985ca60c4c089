//! NIP-60 Cashu wallet events: 17375 wallet (encrypted P2PK key and mints), 7375 token
//! (encrypted proofs) and 7376 spending history. All are encrypted to the author, so they are
//! decrypted only when the signer is the author.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize, Serializer};
use zeroize::Zeroizing;

use super::cashu::{CashuProof, MAX_MINT_URL_LENGTH};
use super::decrypt::{Decryptor, Encrypted};
use super::error::{SkipReason, Skipped};
use super::pointers::{EventPointer, event_pointer, non_blank, parse_event_id};
use crate::protocol::{Event, EventId, Kind, Tag};

/// Most mints a wallet (public tags, and again its encrypted part) or a nutzap info event keeps.
/// Wallets use a handful and each mint is a connection and a keyset fetch, so 1,000 is far past
/// real use while bounding that work. There is no schema field to report the cut; the cap is
/// documented here.
pub const MAX_MINTS: usize = 1_000;

/// Kind 17375.
pub const WALLET: Kind = Kind(17375);
/// Kind 7375.
pub const TOKEN: Kind = Kind(7375);
/// Kind 7376.
pub const SPENDING_HISTORY: Kind = Kind(7376);

/// The wallet's P2PK private key (hex), used only to unlock nutzaps. Never shown, never
/// serialized: callers reach it through [`WalletKey::expose`].
#[derive(Clone, PartialEq, Eq)]
pub struct WalletKey(Zeroizing<String>);

impl WalletKey {
    /// The key as hex.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for WalletKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WalletKey(<redacted>)")
    }
}

/// The decrypted part of a wallet event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WalletSecrets {
    /// The P2PK key; serialized only as `has_privkey: bool`.
    #[serde(rename = "has_privkey", serialize_with = "serialize_present")]
    pub privkey: Option<WalletKey>,
    /// Mints listed in the encrypted part: distinct, at most [`MAX_MINTS`].
    pub mints: Vec<String>,
}

fn serialize_present<S: Serializer>(key: &Option<WalletKey>, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_bool(key.is_some())
}

/// A parsed kind 17375 wallet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Wallet {
    /// Mints in public tags (older wallets published them in the clear): distinct, at most
    /// [`MAX_MINTS`].
    pub public_mints: Vec<String>,
    /// The encrypted key and mints.
    pub private: Encrypted<WalletSecrets>,
}

impl Wallet {
    /// Every mint, public then private, without repeats.
    pub fn mints(&self) -> Vec<&str> {
        let private = self.private.value().map(|s| s.mints.as_slice());
        let all = self
            .public_mints
            .iter()
            .chain(private.into_iter().flatten())
            .map(String::as_str);
        let mut seen = HashSet::new();
        all.filter(|m| seen.insert(*m)).collect()
    }

    /// Decrypts when the signer is the author.
    pub async fn decrypt(&mut self, event: &Event, decryptor: &dyn Decryptor) {
        if let Some(peer) = self_party(&mut self.private, event, decryptor) {
            self.private
                .open(decryptor, &peer, &event.content, parse_wallet_secrets)
                .await;
        }
    }
}

/// Parses a kind 17375 event without decrypting it.
pub fn parse_wallet(event: &Event) -> Wallet {
    Wallet {
        public_mints: mint_tags(&event.tags),
        private: Encrypted::from_content(&event.content),
    }
}

fn mint_tags(tags: &[Tag]) -> Vec<String> {
    let urls = tags
        .iter()
        .filter(|t| t.name() == Some("mint"))
        .filter_map(|t| non_blank(t, 1));
    distinct_mints(urls)
}

/// The first [`MAX_MINTS`] distinct mints, in first-seen order. A set beside the list: a linear
/// search per tag made 69,000 `mint` tags take seconds.
fn distinct_mints<'a>(urls: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen = HashSet::new();
    urls.filter(|m| seen.insert(*m))
        .take(MAX_MINTS)
        .map(str::to_owned)
        .collect()
}

/// Reads the spec's tag array `[["privkey", hex], ["mint", url]...]`, or the `{"privkey": hex}`
/// object some wallets wrote.
fn parse_wallet_secrets(plain: &str) -> Option<WalletSecrets> {
    if let Ok(tags) = serde_json::from_str::<Vec<Tag>>(plain) {
        let privkey = tags
            .iter()
            .filter(|t| t.name() == Some("privkey"))
            .find_map(|t| non_blank(t, 1))
            .map(|k| WalletKey(Zeroizing::new(k.to_owned())));
        return Some(WalletSecrets {
            privkey,
            mints: mint_tags(&tags),
        });
    }
    #[derive(Deserialize)]
    struct Legacy {
        privkey: Option<String>,
        #[serde(default)]
        mints: Vec<String>,
    }
    let legacy: Legacy = serde_json::from_str(plain).ok()?;
    Some(WalletSecrets {
        privkey: legacy
            .privkey
            .filter(|k| !k.trim().is_empty())
            .map(|k| WalletKey(Zeroizing::new(k))),
        mints: distinct_mints(legacy.mints.iter().map(String::as_str)),
    })
}

/// The decrypted content of a token event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenContent {
    /// The mint the proofs belong to.
    pub mint: String,
    /// The unit (`sat` when absent).
    pub unit: String,
    /// Unspent proofs, each tagged with `mint`.
    pub proofs: Vec<CashuProof>,
    /// Token events this one replaces (`del`).
    pub deleted: Vec<EventId>,
    /// Proofs or `del` entries that could not be read.
    pub skipped: u32,
}

impl TokenContent {
    /// Sum of the proofs' amounts (saturating).
    pub fn amount(&self) -> u64 {
        self.proofs
            .iter()
            .fold(0u64, |acc, p| acc.saturating_add(p.amount))
    }
}

/// A parsed kind 7375 token event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token {
    /// The encrypted proofs.
    pub content: Encrypted<TokenContent>,
}

impl Token {
    /// Decrypts when the signer is the author.
    pub async fn decrypt(&mut self, event: &Event, decryptor: &dyn Decryptor) {
        if let Some(peer) = self_party(&mut self.content, event, decryptor) {
            self.content
                .open(decryptor, &peer, &event.content, parse_token_content)
                .await;
        }
    }

    /// The proofs, once decrypted.
    pub fn proofs(&self) -> &[CashuProof] {
        self.content.value().map_or(&[], |c| c.proofs.as_slice())
    }
}

/// Parses a kind 7375 event without decrypting it.
pub fn parse_token(event: &Event) -> Token {
    Token {
        content: Encrypted::from_content(&event.content),
    }
}

fn parse_token_content(plain: &str) -> Option<TokenContent> {
    #[derive(Deserialize)]
    struct Raw {
        mint: String,
        #[serde(default)]
        unit: Option<String>,
        proofs: Vec<serde_json::Value>,
        #[serde(default)]
        del: Vec<serde_json::Value>,
    }
    let raw: Raw = serde_json::from_str(plain).ok()?;
    let mint = raw.mint.trim().to_owned();
    // Copied into every proof below: a hostile length would multiply by the proof count.
    if mint.is_empty() || mint.len() > MAX_MINT_URL_LENGTH {
        return None;
    }
    let mut skipped = 0u32;
    let mut proofs = Vec::with_capacity(raw.proofs.len());
    // One unreadable proof must not hide the others: they are money.
    for value in raw.proofs {
        match serde_json::from_value::<CashuProof>(value) {
            Ok(mut p) => {
                p.mint = Some(mint.clone());
                proofs.push(p);
            }
            Err(_) => skipped += 1,
        }
    }
    let mut deleted = Vec::with_capacity(raw.del.len());
    for d in raw.del {
        match d.as_str().and_then(parse_event_id) {
            Some(id) => deleted.push(id),
            None => skipped += 1,
        }
    }
    Some(TokenContent {
        mint,
        unit: raw
            .unit
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| "sat".to_owned()),
        proofs,
        deleted,
        skipped,
    })
}

/// Direction of a wallet transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Received.
    In,
    /// Sent.
    Out,
}

/// What a history entry did to a referenced event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HistoryMarker {
    /// A token event was created.
    Created,
    /// A token event was destroyed.
    Destroyed,
    /// A NIP-61 nutzap was redeemed.
    Redeemed,
}

/// An `e` tag of a history entry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct HistoryRef {
    /// The referenced event.
    pub event: EventPointer,
    /// Its marker (unknown markers are `None`).
    pub marker: Option<HistoryMarker>,
}

/// The fields of a history entry (public tags and encrypted tags have the same shape).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct HistoryDetails {
    /// `direction`.
    pub direction: Option<Direction>,
    /// `amount`.
    pub amount: Option<u64>,
    /// `unit`.
    pub unit: Option<String>,
    /// `e` tags with their markers.
    pub refs: Vec<HistoryRef>,
}

/// A parsed kind 7376 spending history entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpendingHistory {
    /// Fields in the clear (`redeemed` references should be here).
    pub public: HistoryDetails,
    /// Encrypted fields.
    pub private: Encrypted<HistoryDetails>,
    /// Entries left out, with why.
    pub skipped: Vec<Skipped>,
}

impl SpendingHistory {
    /// Direction, from the private part when decrypted, else the public one.
    pub fn direction(&self) -> Option<Direction> {
        self.private
            .value()
            .and_then(|p| p.direction)
            .or(self.public.direction)
    }

    /// Amount, from the private part when decrypted, else the public one.
    pub fn amount(&self) -> Option<u64> {
        self.private
            .value()
            .and_then(|p| p.amount)
            .or(self.public.amount)
    }

    /// Decrypts when the signer is the author.
    pub async fn decrypt(&mut self, event: &Event, decryptor: &dyn Decryptor) {
        let Some(peer) = self_party(&mut self.private, event, decryptor) else {
            return;
        };
        let mut skipped = Vec::new();
        self.private
            .open(decryptor, &peer, &event.content, |plain| {
                parse_history_plaintext(plain, &mut skipped)
            })
            .await;
        self.skipped.append(&mut skipped);
    }
}

/// Parses a kind 7376 event without decrypting it.
pub fn parse_spending_history(event: &Event) -> SpendingHistory {
    let mut skipped = Vec::new();
    let public = history_details(&event.tags, &mut skipped, Skipped::tag);
    SpendingHistory {
        public,
        private: Encrypted::from_content(&event.content),
        skipped,
    }
}

fn history_details(
    tags: &[Tag],
    skipped: &mut Vec<Skipped>,
    at: fn(usize, SkipReason) -> Skipped,
) -> HistoryDetails {
    let mut d = HistoryDetails::default();
    for (i, tag) in tags.iter().enumerate() {
        match tag.name() {
            Some("direction") => match non_blank(tag, 1) {
                Some("in") => d.direction = Some(Direction::In),
                Some("out") => d.direction = Some(Direction::Out),
                Some(_) => skipped.push(at(i, SkipReason::UnknownValue)),
                None => skipped.push(at(i, SkipReason::MissingValue)),
            },
            Some("amount") => match non_blank(tag, 1).map(str::parse::<u64>) {
                Some(Ok(a)) => d.amount = Some(a),
                _ => skipped.push(at(i, SkipReason::InvalidNumber)),
            },
            Some("unit") => d.unit = non_blank(tag, 1).map(str::to_owned),
            Some("e") => match event_pointer(tag, 4) {
                Ok(event) => d.refs.push(HistoryRef {
                    event,
                    marker: match tag.get(3) {
                        Some("created") => Some(HistoryMarker::Created),
                        Some("destroyed") => Some(HistoryMarker::Destroyed),
                        Some("redeemed") => Some(HistoryMarker::Redeemed),
                        _ => None,
                    },
                }),
                Err(reason) => skipped.push(at(i, reason)),
            },
            _ => {}
        }
    }
    d
}

/// Reads the spec's tag array, or the `{"direction", "amount", "unit"}` object some wallets wrote.
fn parse_history_plaintext(plain: &str, skipped: &mut Vec<Skipped>) -> Option<HistoryDetails> {
    if let Ok(tags) = serde_json::from_str::<Vec<Tag>>(plain) {
        return Some(history_details(&tags, skipped, Skipped::private_tag));
    }
    #[derive(Deserialize)]
    struct Legacy {
        direction: Option<String>,
        amount: Option<serde_json::Value>,
        unit: Option<String>,
    }
    let legacy: Legacy = serde_json::from_str(plain).ok()?;
    Some(HistoryDetails {
        direction: match legacy.direction.as_deref() {
            Some("in") => Some(Direction::In),
            Some("out") => Some(Direction::Out),
            _ => None,
        },
        amount: legacy.amount.and_then(|a| match a {
            serde_json::Value::Number(n) => n.as_u64(),
            serde_json::Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }),
        unit: legacy.unit,
        refs: Vec::new(),
    })
}

/// NIP-60 content is encrypted to the author: returns the peer (the author) when the signer
/// is the author, else marks the part as not for this signer.
fn self_party<T>(
    part: &mut Encrypted<T>,
    event: &Event,
    decryptor: &dyn Decryptor,
) -> Option<crate::protocol::PublicKey> {
    if !part.is_sealed() {
        return None;
    }
    if decryptor.public_key() == event.pubkey {
        Some(event.pubkey)
    } else {
        part.not_a_party();
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parser::kinds::decrypt::testing::{FakeDecryptor, seal};
    use crate::parser::kinds::decrypt::{DecryptFailure, EncryptionScheme, SealedReason};
    use crate::protocol::{EventBuilder, Keys};

    const NUT12_PROOF: &str = r#"{"amount":1,"id":"00882760bfa2eb41","secret":"daf4dd00a2b68a0858a80450f52c8a7d2ccf87d375e43e216e0c571f089f63e9","C":"024369d2d22a80ecf78f3937da9d5f30c1b9f74f0c32684d583cca0fa6a61cdcfc","dleq":{"e":"b31e58ac6527f34975ffab13e70a48b6d2b0d35abc4b03f0151f09ee1a9763d4","s":"8fbae004c59e754d71df67e392b6ae4e29293113ddc2ec86592a0431d16306d8","r":"a6d13fcd7a18442e6076f5e1e7c887ad5de40a019824bdfa9fe740d302e8d861"}}"#;

    #[tokio::test]
    async fn wallet_key_and_mints() {
        let me = Keys::generate();
        let secret_hex = "11".repeat(32);
        let plain = format!(
            r#"[["privkey","{secret_hex}"],["mint","https://mint1"],["mint","https://mint2"]]"#
        );
        let ev = EventBuilder::new(WALLET, seal(EncryptionScheme::Nip44, &plain))
            .tag(Tag::new(["mint", "https://mint1"]))
            .sign(&me);
        let mut w = parse_wallet(&ev);
        assert_eq!(w.public_mints, vec!["https://mint1"]);
        assert!(w.private.is_encrypted());

        let mut not_mine = w.clone();
        not_mine
            .decrypt(&ev, &FakeDecryptor::new(Keys::generate().public_key()))
            .await;
        assert_eq!(
            not_mine.private,
            Encrypted::Sealed {
                scheme: EncryptionScheme::Nip44,
                reason: SealedReason::SignerNotParty
            }
        );

        w.decrypt(&ev, &FakeDecryptor::new(me.public_key())).await;
        let secrets = w.private.value().unwrap();
        assert_eq!(secrets.privkey.as_ref().unwrap().expose(), secret_hex);
        assert_eq!(w.mints(), vec!["https://mint1", "https://mint2"]);
        let dbg = format!("{w:?}");
        assert!(!dbg.contains(&secret_hex), "{dbg}");
        let json = serde_json::to_string(&w).unwrap();
        assert!(!json.contains(&secret_hex), "{json}");
        assert!(json.contains("\"has_privkey\":true"), "{json}");

        let legacy = parse_wallet_secrets(&format!(r#"{{"privkey":"{secret_hex}"}}"#)).unwrap();
        assert!(legacy.privkey.is_some());
    }

    #[tokio::test]
    async fn token_proofs_carry_their_mint() {
        let me = Keys::generate();
        let del = hex::encode([4u8; 32]);
        let plain = format!(
            r#"{{"mint":"https://stablenut.umint.cash","proofs":[{NUT12_PROOF},{{"amount":"x"}},
            {{"id":"005c2502034d4f12","amount":8,"secret":"z+zyxAVLRqN9lEjxuNPSyRJzEstbl69Jc1vtimvtkPg=","C":"0241d98a8197ef238a192d47edf191a9de78b657308937b4f7dd0aa53beae72c46"}}],
            "del":["{del}","short"]}}"#
        );
        let ev = EventBuilder::new(TOKEN, seal(EncryptionScheme::Nip44, &plain)).sign(&me);
        let mut t = parse_token(&ev);
        assert!(t.proofs().is_empty());
        t.decrypt(&ev, &FakeDecryptor::new(me.public_key())).await;
        let c = t.content.value().unwrap();
        assert_eq!(c.mint, "https://stablenut.umint.cash");
        assert_eq!(c.unit, "sat");
        assert_eq!(c.proofs.len(), 2);
        assert_eq!(c.amount(), 9);
        assert_eq!(c.deleted, vec![EventId::from_hex(&del).unwrap()]);
        assert_eq!(c.skipped, 2);
        assert!(c.proofs[0].dleq.is_some() && c.proofs[1].dleq.is_none());
        assert!(
            t.proofs()
                .iter()
                .all(|p| p.mint.as_deref() == Some("https://stablenut.umint.cash"))
        );

        let bad =
            EventBuilder::new(TOKEN, seal(EncryptionScheme::Nip44, "{\"proofs\":[]}")).sign(&me);
        let mut t = parse_token(&bad);
        t.decrypt(&bad, &FakeDecryptor::new(me.public_key())).await;
        assert_eq!(
            t.content,
            Encrypted::Failed {
                scheme: EncryptionScheme::Nip44,
                failure: DecryptFailure::InvalidPlaintext
            }
        );
    }

    #[tokio::test]
    async fn history_public_and_private_parts() {
        let me = Keys::generate();
        let created = hex::encode([1u8; 32]);
        let destroyed = hex::encode([2u8; 32]);
        let redeemed = hex::encode([3u8; 32]);
        let plain = format!(
            r#"[["direction","out"],["amount","4"],["unit","sat"],["e","{destroyed}","","destroyed"],["e","{created}","","created"],["amount","x"]]"#
        );
        let ev = EventBuilder::new(SPENDING_HISTORY, seal(EncryptionScheme::Nip44, &plain))
            .tag(Tag::new(["e", &redeemed, "wss://r.io", "redeemed"]))
            .tag(Tag::new(["e", "nope", "", "redeemed"]))
            .sign(&me);
        let mut h = parse_spending_history(&ev);
        assert_eq!(h.public.refs.len(), 1);
        assert_eq!(h.public.refs[0].marker, Some(HistoryMarker::Redeemed));
        assert_eq!(h.public.refs[0].event.relay.as_deref(), Some("wss://r.io"));
        assert_eq!(h.direction(), None);
        h.decrypt(&ev, &FakeDecryptor::new(me.public_key())).await;
        assert_eq!(h.direction(), Some(Direction::Out));
        assert_eq!(h.amount(), Some(4));
        let p = h.private.value().unwrap();
        assert_eq!(p.unit.as_deref(), Some("sat"));
        let markers: Vec<_> = p.refs.iter().map(|r| r.marker).collect();
        assert_eq!(
            markers,
            vec![Some(HistoryMarker::Destroyed), Some(HistoryMarker::Created)]
        );
        let reasons: Vec<_> = h.skipped.iter().map(|s| (s.location, s.reason)).collect();
        assert_eq!(
            reasons,
            vec![
                (
                    crate::parser::kinds::error::EntryLocation::Tag(1),
                    SkipReason::InvalidEventId
                ),
                (
                    crate::parser::kinds::error::EntryLocation::PrivateTag(5),
                    SkipReason::InvalidNumber
                ),
            ]
        );

        let mut skipped = Vec::new();
        let legacy = parse_history_plaintext(
            r#"{"direction":"in","amount":100,"unit":"sat"}"#,
            &mut skipped,
        )
        .unwrap();
        assert_eq!(legacy.direction, Some(Direction::In));
        assert_eq!(legacy.amount, Some(100));
    }

    /// 69,000 `mint` tags once took 5 s in a linear search per tag: now one pass, first-seen
    /// order, duplicates dropped, at most [`MAX_MINTS`].
    #[test]
    fn hostile_mint_tags_are_deduplicated_and_capped() {
        let tags: Vec<Tag> = (0..69_000)
            .map(|i| Tag::new(["mint".to_string(), format!("https://m{}.example", i / 2)]))
            .collect();
        let ev = EventBuilder::new(WALLET, "")
            .tags(tags)
            .sign(&Keys::generate());
        let wallet = parse_wallet(&ev);
        assert_eq!(wallet.public_mints.len(), MAX_MINTS);
        assert_eq!(wallet.public_mints[1], "https://m1.example");
        assert_eq!(wallet.public_mints[MAX_MINTS - 1], "https://m999.example");
        assert_eq!(wallet.mints().len(), MAX_MINTS);
    }
}
