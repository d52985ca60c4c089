//! Mint keys: NUT-01 keyset JSON, NUT-02 keyset ids (derived and checked), the
//! [`MintKeySource`] trait that fetches them, and a cache per mint and keyset id that backs off
//! from failing mints.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::str::FromStr;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use thiserror::Error;
use web_time::Instant;

use super::{CashuError, DleqVerdict, Point, Proof, verify_proof_with_keyset};

/// A mint's base URL (`https://mint.example` without a trailing slash).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MintUrl(String);

impl MintUrl {
    /// Longest accepted URL.
    pub const MAX_LEN: usize = 2048;

    /// Accepts an absolute `http` or `https` URL without query or fragment; trailing slashes
    /// are dropped so `https://m.example/` and `https://m.example` name one mint.
    pub fn parse(s: &str) -> Result<Self, CashuError> {
        let t = s.trim().trim_end_matches('/');
        let rest = t
            .strip_prefix("https://")
            .or_else(|| t.strip_prefix("http://"))
            .ok_or(CashuError::InvalidMintUrl)?;
        let bad_char = |c: char| c.is_whitespace() || c.is_control() || c == '?' || c == '#';
        if rest.is_empty()
            || rest.starts_with('/')
            || t.len() > Self::MAX_LEN
            || t.contains(bad_char)
        {
            return Err(CashuError::InvalidMintUrl);
        }
        Ok(Self(t.to_owned()))
    }

    /// The URL as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `{mint}{path}`; `path` starts with `/`.
    pub fn join(&self, path: &str) -> String {
        let mut url = String::with_capacity(self.0.len() + path.len());
        url.push_str(&self.0);
        url.push_str(path);
        url
    }
}

impl fmt::Display for MintUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for MintUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MintUrl({})", self.0)
    }
}

impl FromStr for MintUrl {
    type Err = CashuError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// Which NUT-02 scheme a keyset id follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeysetIdVersion {
    /// `00` + 14 hex characters of SHA-256 over the keys (deprecated, still common).
    V1,
    /// `01` + 64 hex characters of SHA-256 over keys, unit, fee and expiry.
    V2,
    /// 12 base64 characters from before NUT-02 ids; cannot be recomputed.
    Legacy,
}

/// A keyset id (NUT-02).
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeysetId(String);

impl KeysetId {
    /// Accepts v1 (16 lowercase hex, `00` prefix), v2 (66 lowercase hex, `01` prefix) and
    /// legacy (12 base64 characters) ids.
    pub fn parse(s: &str) -> Result<Self, CashuError> {
        if Self::version_of(s).is_some() {
            Ok(Self(s.to_owned()))
        } else {
            Err(CashuError::InvalidKeysetId)
        }
    }

    fn version_of(s: &str) -> Option<KeysetIdVersion> {
        let lower_hex = |s: &str| s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        let base64 = |s: &str| {
            s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'='))
        };
        match s.len() {
            16 if s.starts_with("00") && lower_hex(s) => Some(KeysetIdVersion::V1),
            66 if s.starts_with("01") && lower_hex(s) => Some(KeysetIdVersion::V2),
            12 if base64(s) => Some(KeysetIdVersion::Legacy),
            _ => None,
        }
    }

    /// The id's scheme.
    pub fn version(&self) -> KeysetIdVersion {
        // Only constructed through `parse`, which accepted one of the three forms.
        Self::version_of(&self.0).unwrap_or(KeysetIdVersion::Legacy)
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for KeysetId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for KeysetId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KeysetId({})", self.0)
    }
}

impl FromStr for KeysetId {
    type Err = CashuError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// The body of `GET /v1/keys` and `GET /v1/keys/{id}` (NUT-01, NUT-02).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeysResponse {
    /// The keysets served.
    pub keysets: Vec<Keyset>,
}

/// One keyset: a public key per amount, with its metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Keyset {
    /// Keyset id.
    pub id: KeysetId,
    /// Currency unit (`sat`, `usd`, ...).
    #[serde(default)]
    pub unit: String,
    /// Whether the mint still signs new outputs with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// Input fee in parts per thousand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_fee_ppk: Option<u64>,
    /// Unix time after which the mint may stop honouring the keyset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub final_expiry: Option<u64>,
    /// Mint public key per amount.
    pub keys: BTreeMap<u64, Point>,
}

impl Keyset {
    /// The v1 id of these keys: `00` + the first 14 hex characters of SHA-256 over the
    /// compressed keys in ascending amount order.
    pub fn derive_id_v1(&self) -> KeysetId {
        let mut hasher = Sha256::new();
        for key in self.keys.values() {
            hasher.update(key.to_bytes());
        }
        let digest = hex::encode(hasher.finalize());
        KeysetId(format!("00{}", &digest[..14]))
    }

    /// The v2 id: `01` + SHA-256 over `amount:key` pairs joined by commas, then `|unit:`,
    /// a non-zero `|input_fee_ppk:` and a non-zero `|final_expiry:`.
    pub fn derive_id_v2(&self) -> KeysetId {
        let mut hasher = Sha256::new();
        for (i, (amount, key)) in self.keys.iter().enumerate() {
            if i > 0 {
                hasher.update(b",");
            }
            hasher.update(format!("{amount}:{key}"));
        }
        hasher.update(format!("|unit:{}", self.unit));
        if let Some(fee) = self.input_fee_ppk.filter(|f| *f != 0) {
            hasher.update(format!("|input_fee_ppk:{fee}"));
        }
        if let Some(expiry) = self.final_expiry.filter(|e| *e != 0) {
            hasher.update(format!("|final_expiry:{expiry}"));
        }
        KeysetId(format!("01{}", hex::encode(hasher.finalize())))
    }

    /// Checks that the id matches the keys (v1, v2). Legacy ids cannot be recomputed and are
    /// accepted as served.
    pub fn verify_id(&self) -> Result<(), MintKeyError> {
        let derived = match self.id.version() {
            KeysetIdVersion::V1 => self.derive_id_v1(),
            KeysetIdVersion::V2 => self.derive_id_v2(),
            KeysetIdVersion::Legacy => return Ok(()),
        };
        if derived == self.id {
            Ok(())
        } else {
            Err(MintKeyError::KeysetIdMismatch {
                id: self.id.clone(),
            })
        }
    }
}

/// Why mint keys could not be had.
#[derive(Debug, Error)]
pub enum MintKeyError {
    /// The request failed before an HTTP status (DNS, TLS, connection, timeout).
    #[error("mint request failed")]
    Request(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// The mint answered with a non-success status.
    #[error("mint answered HTTP {status}")]
    Status {
        /// HTTP status code.
        status: u16,
    },
    /// The body was longer than the limit.
    #[error("mint response longer than {max} bytes")]
    BodyTooLarge {
        /// Limit in bytes.
        max: usize,
    },
    /// The body is not NUT-01 JSON.
    #[error("mint response is not NUT-01 keys JSON")]
    Json(#[source] serde_json::Error),
    /// A served keyset's id does not match its keys.
    #[error("keyset {id} does not match its keys")]
    KeysetIdMismatch {
        /// The id the mint claimed.
        id: KeysetId,
    },
    /// The mint does not serve this keyset.
    #[error("mint does not serve keyset {id}")]
    KeysetNotFound {
        /// The id asked for.
        id: KeysetId,
    },
    /// A recent failure means no request is made until the backoff expires.
    #[error("mint recently failed; retrying in {retry_in:?}")]
    BackingOff {
        /// Time left before the next attempt.
        retry_in: Duration,
    },
}

/// Where mint keys come from (HTTP natively; tests and other platforms plug in their own).
#[async_trait::async_trait]
pub trait MintKeySource: Send + Sync + fmt::Debug {
    /// `GET {mint}/v1/keys`: the mint's active keysets.
    async fn active_keysets(&self, mint: &MintUrl) -> Result<KeysResponse, MintKeyError>;

    /// `GET {mint}/v1/keys/{id}`: one keyset, active or not.
    async fn keyset(&self, mint: &MintUrl, id: &KeysetId) -> Result<KeysResponse, MintKeyError>;
}

/// Shared sources (`Arc<dyn MintKeySource>`) are sources too, so one cache type serves every
/// source the app plugs in.
#[async_trait::async_trait]
impl<T: MintKeySource + ?Sized> MintKeySource for Arc<T> {
    async fn active_keysets(&self, mint: &MintUrl) -> Result<KeysResponse, MintKeyError> {
        (**self).active_keysets(mint).await
    }

    async fn keyset(&self, mint: &MintUrl, id: &KeysetId) -> Result<KeysResponse, MintKeyError> {
        (**self).keyset(mint, id).await
    }
}

/// How the cache spaces out retries and how much it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackoffPolicy {
    /// Wait after the first failure; doubles with each further failure.
    pub initial: Duration,
    /// Longest wait.
    pub max: Duration,
    /// A miss refetches the active keysets only if they are older than this.
    pub refresh: Duration,
    /// Most entries kept in each map, so events naming endless mints cannot grow it forever.
    pub max_entries: usize,
}

impl Default for BackoffPolicy {
    fn default() -> Self {
        Self {
            initial: Duration::from_secs(2),
            max: Duration::from_secs(600),
            refresh: Duration::from_secs(60),
            max_entries: 4096,
        }
    }
}

impl BackoffPolicy {
    fn delay(&self, failures: u32) -> Duration {
        let shift = failures.saturating_sub(1).min(20);
        self.initial.saturating_mul(1 << shift).min(self.max)
    }
}

#[derive(Debug, Clone, Copy)]
struct Failure {
    count: u32,
    retry_at: Instant,
}

type Key = (MintUrl, KeysetId);

#[derive(Debug, Default)]
struct State {
    keysets: HashMap<Key, Arc<Keyset>>,
    active_fetched: HashMap<MintUrl, Instant>,
    mint_failures: HashMap<MintUrl, Failure>,
    missing: HashMap<Key, Failure>,
}

/// Evicts an arbitrary entry when a map is full; the maps are soft state that refills.
fn insert_bounded<K: std::hash::Hash + Eq + Clone, V>(
    map: &mut HashMap<K, V>,
    max: usize,
    key: K,
    value: V,
) {
    if map.len() >= max.max(1)
        && !map.contains_key(&key)
        && let Some(victim) = map.keys().next().cloned()
    {
        map.remove(&victim);
    }
    map.insert(key, value);
}

fn record_failure<K: std::hash::Hash + Eq + Clone>(
    map: &mut HashMap<K, Failure>,
    policy: &BackoffPolicy,
    key: K,
    now: Instant,
) {
    let count = map.get(&key).map_or(0, |f| f.count).saturating_add(1);
    let failure = Failure {
        count,
        retry_at: now + policy.delay(count),
    };
    insert_bounded(map, policy.max_entries, key, failure);
}

/// Mint keysets cached per mint and keyset id, fetched on first use through a
/// [`MintKeySource`]. Failing mints (and ids a mint does not serve) back off exponentially.
///
/// Concurrent misses for one keyset may each fetch it; the results agree, so that only
/// costs a request.
#[derive(Debug)]
pub struct MintKeyCache<S> {
    source: S,
    policy: BackoffPolicy,
    state: Mutex<State>,
}

impl<S: MintKeySource> MintKeyCache<S> {
    /// A cache with the default policy.
    pub fn new(source: S) -> Self {
        Self::with_policy(source, BackoffPolicy::default())
    }

    /// A cache with a custom policy.
    pub fn with_policy(source: S, policy: BackoffPolicy) -> Self {
        Self {
            source,
            policy,
            state: Mutex::new(State::default()),
        }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // The state is plain maps; a panic elsewhere cannot leave them inconsistent.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The keyset `id` of `mint`, from the cache or the source.
    pub async fn keyset(&self, mint: &MintUrl, id: &KeysetId) -> Result<Arc<Keyset>, MintKeyError> {
        let key = (mint.clone(), id.clone());
        let fetch_active = {
            let st = self.state();
            if let Some(ks) = st.keysets.get(&key) {
                return Ok(ks.clone());
            }
            let now = Instant::now();
            for failure in [st.mint_failures.get(mint), st.missing.get(&key)]
                .into_iter()
                .flatten()
            {
                if now < failure.retry_at {
                    return Err(MintKeyError::BackingOff {
                        retry_in: failure.retry_at - now,
                    });
                }
            }
            st.active_fetched
                .get(mint)
                .is_none_or(|at| now.duration_since(*at) >= self.policy.refresh)
        };

        let mut mismatch = false;
        if fetch_active {
            let response = self.source.active_keysets(mint).await;
            let response = self.settle_mint(mint, response)?;
            mismatch |= self.store(mint, id, response, true);
            if let Some(ks) = self.state().keysets.get(&key) {
                return Ok(ks.clone());
            }
        }

        match self.source.keyset(mint, id).await {
            Err(MintKeyError::Status { status: 404 }) => {}
            other => {
                let response = self.settle_mint(mint, other)?;
                mismatch |= self.store(mint, id, response, false);
                if let Some(ks) = self.state().keysets.get(&key) {
                    return Ok(ks.clone());
                }
            }
        }
        let mut st = self.state();
        record_failure(&mut st.missing, &self.policy, key, Instant::now());
        Err(if mismatch {
            MintKeyError::KeysetIdMismatch { id: id.clone() }
        } else {
            MintKeyError::KeysetNotFound { id: id.clone() }
        })
    }

    /// Records the outcome of a request to `mint` for its backoff.
    fn settle_mint(
        &self,
        mint: &MintUrl,
        response: Result<KeysResponse, MintKeyError>,
    ) -> Result<KeysResponse, MintKeyError> {
        let mut st = self.state();
        match response {
            Ok(r) => {
                st.mint_failures.remove(mint);
                Ok(r)
            }
            Err(e) => {
                tracing::debug!(mint = %mint, error = %e, "mint keys request failed");
                record_failure(
                    &mut st.mint_failures,
                    &self.policy,
                    mint.clone(),
                    Instant::now(),
                );
                Err(e)
            }
        }
    }

    /// Caches every keyset whose id matches its keys; returns whether the wanted id was served
    /// with keys that do not match it.
    fn store(
        &self,
        mint: &MintUrl,
        wanted: &KeysetId,
        response: KeysResponse,
        active: bool,
    ) -> bool {
        let mut st = self.state();
        let mut mismatch = false;
        for keyset in response.keysets {
            if keyset.verify_id().is_err() {
                tracing::warn!(mint = %mint, id = %keyset.id, "mint served a keyset whose id does not match its keys");
                mismatch |= keyset.id == *wanted;
                continue;
            }
            let key = (mint.clone(), keyset.id.clone());
            insert_bounded(
                &mut st.keysets,
                self.policy.max_entries,
                key,
                Arc::new(keyset),
            );
        }
        if active {
            let max = self.policy.max_entries;
            insert_bounded(&mut st.active_fetched, max, mint.clone(), Instant::now());
        }
        mismatch
    }

    /// Fetches the proof's keyset if needed and checks its DLEQ; a proof without DLEQ is
    /// [`DleqVerdict::Unverifiable`] and costs no request.
    pub async fn verify_proof(
        &self,
        mint: &MintUrl,
        proof: &Proof,
    ) -> Result<DleqVerdict, MintKeyError> {
        if proof.dleq.is_none() {
            return Ok(DleqVerdict::Unverifiable(super::Unverifiable::NoDleq));
        }
        let keyset = self.keyset(mint, &proof.id).await?;
        Ok(verify_proof_with_keyset(proof, &keyset))
    }

    /// The source the cache reads from.
    pub fn source(&self) -> &S {
        &self.source
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mint_urls_are_normalized_and_checked() {
        assert_eq!(
            MintUrl::parse(" https://mint.example/ ").unwrap().as_str(),
            "https://mint.example"
        );
        assert_eq!(
            MintUrl::parse("http://127.0.0.1:3338")
                .unwrap()
                .join("/v1/keys"),
            "http://127.0.0.1:3338/v1/keys"
        );
        for bad in [
            "",
            "mint.example",
            "ftp://m",
            "https://",
            "https://a b",
            "https://m?x=1",
        ] {
            assert_eq!(
                MintUrl::parse(bad),
                Err(CashuError::InvalidMintUrl),
                "{bad}"
            );
        }
    }

    #[test]
    fn keyset_id_forms() {
        assert_eq!(
            KeysetId::parse("009a1f293253e41e").unwrap().version(),
            KeysetIdVersion::V1
        );
        assert_eq!(
            KeysetId::parse("I2yN+iRYfkzT").unwrap().version(),
            KeysetIdVersion::Legacy
        );
        for bad in ["", "009A1F293253E41E", "029a1f293253e41e", "00zz"] {
            assert_eq!(
                KeysetId::parse(bad),
                Err(CashuError::InvalidKeysetId),
                "{bad}"
            );
        }
    }

    #[test]
    fn backoff_doubles_up_to_the_cap() {
        let p = BackoffPolicy {
            initial: Duration::from_secs(1),
            max: Duration::from_secs(5),
            ..BackoffPolicy::default()
        };
        let delays: Vec<u64> = (1..=5).map(|n| p.delay(n).as_secs()).collect();
        assert_eq!(delays, [1, 2, 4, 5, 5]);
        assert_eq!(p.delay(u32::MAX), Duration::from_secs(5));
    }

    #[test]
    fn bounded_maps_evict() {
        let mut m = HashMap::new();
        for i in 0..10 {
            insert_bounded(&mut m, 4, i, i);
        }
        assert_eq!(m.len(), 4);
        assert_eq!(m.get(&9), Some(&9));
    }
}
