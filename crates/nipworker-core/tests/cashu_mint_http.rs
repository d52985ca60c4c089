//! The HTTP mint key source and its cache against a real HTTP server on 127.0.0.1 serving
//! NUT-01 JSON built from the official NUT-02 keysets (real keys, real ids), with failures,
//! backoff, oversized and malformed bodies, and an end-to-end NUT-12 proof check.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on bad fixtures
#![cfg(feature = "tokio-runtime")]

mod common;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use nipworker_core::crypto::cashu::{
    BackoffPolicy, DleqVerdict, HttpMintKeySource, Keyset, KeysetId, MintKeyCache, MintKeyError,
    MintUrl, Point, Proof, Unverifiable,
};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use common::{section, sections, testdata};

/// What the fake mint serves, by path.
struct Mint {
    active: String,
    by_id: BTreeMap<String, String>,
    failing: AtomicBool,
    hits: Mutex<Vec<String>>,
}

impl Mint {
    fn hits(&self, path: &str) -> usize {
        self.hits
            .lock()
            .unwrap()
            .iter()
            .filter(|p| *p == path)
            .count()
    }

    fn respond(&self, path: &str) -> (u16, String) {
        self.hits.lock().unwrap().push(path.to_owned());
        match path {
            "/v1/keys" => (200, self.active.clone()),
            "/failing/v1/keys" if self.failing.load(Ordering::SeqCst) => {
                (500, "{\"detail\":\"down\"}".into())
            }
            "/failing/v1/keys" => (200, self.active.clone()),
            "/huge/v1/keys" => (
                200,
                format!("{{\"keysets\":[],\"pad\":\"{}\"}}", "x".repeat(2 << 20)),
            ),
            "/garbage/v1/keys" => (200, "<html>not json</html>".into()),
            p => match p
                .strip_prefix("/v1/keys/")
                .and_then(|id| self.by_id.get(id))
            {
                Some(body) => (200, body.clone()),
                None => (404, "{\"detail\":\"keyset not found\"}".into()),
            },
        }
    }
}

async fn handle(mut sock: TcpStream, mint: Arc<Mint>) {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 1024];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 16 * 1024 {
        match sock.read(&mut chunk).await {
            Ok(0) | Err(_) => return,
            Ok(n) => buf.extend_from_slice(&chunk[..n]),
        }
    }
    let head = String::from_utf8_lossy(&buf);
    let path = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let (status, body) = mint.respond(&path);
    let reason = match status {
        200 => "OK",
        404 => "Not Found",
        _ => "Internal Server Error",
    };
    let response = format!(
        "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let _ = sock.write_all(response.as_bytes()).await;
    let _ = sock.shutdown().await;
}

async fn start(mint: Arc<Mint>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        // Ends with the test's runtime.
        while let Ok((sock, _)) = listener.accept().await {
            tokio::spawn(handle(sock, mint.clone()));
        }
    });
    format!("http://{addr}")
}

/// The NUT-02 vector keysets as NUT-01 keysets: (id, unit, fee, expiry, keys).
fn official_keysets() -> Vec<serde_json::Value> {
    let all = sections(&testdata("vectors/cashu/nut02-tests.md"));
    let v1 = section(&all, "Version 1");
    let v2 = section(&all, "Vector 1");
    let v3 = section(&all, "Vector 3");
    let keys = |s: &str| serde_json::from_str::<serde_json::Value>(s).unwrap();
    vec![
        json!({"id": "000f01df73ea149a", "unit": "sat", "active": true, "input_fee_ppk": 0,
               "keys": keys(&v1.json[1])}),
        json!({"id": "015ba18a8adcd02e715a58358eb618da4a4b3791151a4bee5e968bb88406ccf76a",
               "unit": "sat", "active": true, "input_fee_ppk": 100, "final_expiry": 2059210353,
               "keys": keys(&v2.json[0])}),
        json!({"id": "012fbb01a4e200c76df911eeba3b8fe1831202914b24664f4bccbd25852a6708f8",
               "unit": "sat", "active": false, "input_fee_ppk": 0, "keys": keys(&v3.json[0])}),
        // The keys of 000f01df73ea149a claimed under another keyset's id.
        json!({"id": "00456a94ab4e1c46", "unit": "sat", "active": true, "keys": keys(&v1.json[1])}),
    ]
}

/// The NUT-12 proof vector, and a keyset holding its mint key `A` under a derived v1 id (the
/// DLEQ does not cover the id, so re-labelling the proof keeps it valid).
fn proof_and_keyset() -> (Proof, serde_json::Value) {
    let all = sections(&testdata("vectors/cashu/nut12-tests.md"));
    let s = section(&all, "DLEQ verification on `Proof`");
    let mut proof: Proof = serde_json::from_str(&s.json[0]).unwrap();
    let a = Point::from_hex(s.one("A")).unwrap();
    let mut keyset = Keyset {
        id: proof.id.clone(),
        unit: "sat".into(),
        active: Some(true),
        input_fee_ppk: None,
        final_expiry: None,
        keys: BTreeMap::from([(1, a), (8, a)]),
    };
    keyset.id = keyset.derive_id_v1();
    proof.id = keyset.id.clone();
    (proof, serde_json::to_value(&keyset).unwrap())
}

fn setup() -> (Arc<Mint>, Proof) {
    let ks = official_keysets();
    let (proof, proof_keyset) = proof_and_keyset();
    let active = json!({"keysets": [ks[0], ks[1], ks[3], proof_keyset]}).to_string();
    let mut by_id = BTreeMap::new();
    by_id.insert(
        ks[2]["id"].as_str().unwrap().to_owned(),
        json!({"keysets": [ks[2]]}).to_string(),
    );
    by_id.insert(
        "00456a94ab4e1c46".to_owned(),
        json!({"keysets": [ks[3]]}).to_string(),
    );
    let mint = Arc::new(Mint {
        active,
        by_id,
        failing: AtomicBool::new(true),
        hits: Mutex::new(Vec::new()),
    });
    (mint, proof)
}

fn id(s: &str) -> KeysetId {
    KeysetId::parse(s).unwrap()
}

#[tokio::test]
async fn http_keys_cache_backoff_and_proofs() {
    tokio::time::timeout(Duration::from_secs(30), scenario())
        .await
        .expect("scenario finished in time");
}

async fn scenario() {
    let (mint, proof) = setup();
    let base = start(mint.clone()).await;
    let policy = BackoffPolicy {
        initial: Duration::from_millis(200),
        max: Duration::from_millis(800),
        refresh: Duration::from_secs(60),
        max_entries: 64,
    };
    let cache = MintKeyCache::with_policy(HttpMintKeySource::new().unwrap(), policy);
    let url = MintUrl::parse(&format!("{base}/")).unwrap();

    // Active keysets come from GET /v1/keys once, with ids checked against their keys.
    let v1 = cache.keyset(&url, &id("000f01df73ea149a")).await.unwrap();
    assert_eq!(v1.keys.len(), 64);
    assert!(v1.keys.contains_key(&(1 << 63)));
    let v2_id = id("015ba18a8adcd02e715a58358eb618da4a4b3791151a4bee5e968bb88406ccf76a");
    let v2 = cache.keyset(&url, &v2_id).await.unwrap();
    assert_eq!(
        (v2.input_fee_ppk, v2.final_expiry),
        (Some(100), Some(2059210353))
    );
    assert_eq!(mint.hits("/v1/keys"), 1);

    // An inactive keyset is fetched by id, then cached.
    let v3_id = "012fbb01a4e200c76df911eeba3b8fe1831202914b24664f4bccbd25852a6708f8";
    for _ in 0..2 {
        let v3 = cache.keyset(&url, &id(v3_id)).await.unwrap();
        assert_eq!(v3.active, Some(false));
    }
    assert_eq!(mint.hits(&format!("/v1/keys/{v3_id}")), 1);
    assert_eq!(mint.hits("/v1/keys"), 1);

    // Keys served under an id they do not hash to are refused.
    let err = cache
        .keyset(&url, &id("00456a94ab4e1c46"))
        .await
        .unwrap_err();
    assert!(
        matches!(err, MintKeyError::KeysetIdMismatch { .. }),
        "{err:?}"
    );

    // An unknown id: 404, then backoff without a request.
    let unknown = id("00ffffffffffffff");
    let err = cache.keyset(&url, &unknown).await.unwrap_err();
    assert!(
        matches!(err, MintKeyError::KeysetNotFound { .. }),
        "{err:?}"
    );
    let err = cache.keyset(&url, &unknown).await.unwrap_err();
    assert!(matches!(err, MintKeyError::BackingOff { .. }), "{err:?}");
    assert_eq!(mint.hits("/v1/keys/00ffffffffffffff"), 1);

    // Proofs: valid through fetched keys, tampered invalid, no DLEQ unverifiable.
    assert_eq!(
        cache.verify_proof(&url, &proof).await.unwrap(),
        DleqVerdict::Valid
    );
    let mut tampered = proof.clone();
    tampered.secret.push('x');
    assert!(matches!(
        cache.verify_proof(&url, &tampered).await.unwrap(),
        DleqVerdict::Invalid(_)
    ));
    let mut bare = proof.clone();
    bare.dleq = None;
    assert_eq!(
        cache.verify_proof(&url, &bare).await.unwrap(),
        DleqVerdict::Unverifiable(Unverifiable::NoDleq)
    );

    // A failing mint: error, then backoff with no request, then a retry after the wait.
    let failing = MintUrl::parse(&format!("{base}/failing")).unwrap();
    let want = id("000f01df73ea149a");
    let err = cache.keyset(&failing, &want).await.unwrap_err();
    assert!(
        matches!(err, MintKeyError::Status { status: 500 }),
        "{err:?}"
    );
    let err = cache.keyset(&failing, &want).await.unwrap_err();
    let MintKeyError::BackingOff { retry_in } = err else {
        panic!("expected backoff, got {err:?}");
    };
    assert!(retry_in <= Duration::from_millis(200));
    assert_eq!(mint.hits("/failing/v1/keys"), 1);

    tokio::time::sleep(retry_in + Duration::from_millis(20)).await;
    let err = cache.keyset(&failing, &want).await.unwrap_err();
    assert!(
        matches!(err, MintKeyError::Status { status: 500 }),
        "{err:?}"
    );
    assert_eq!(mint.hits("/failing/v1/keys"), 2);

    // The mint recovers; the next attempt after the (doubled) backoff succeeds.
    mint.failing.store(false, Ordering::SeqCst);
    let mut recovered = None;
    for _ in 0..40 {
        match cache.keyset(&failing, &want).await {
            Ok(ks) => {
                recovered = Some(ks);
                break;
            }
            Err(MintKeyError::BackingOff { retry_in }) => {
                assert!(retry_in <= Duration::from_millis(800));
                tokio::time::sleep(retry_in + Duration::from_millis(20)).await;
            }
            Err(e) => panic!("unexpected {e:?}"),
        }
    }
    assert_eq!(recovered.unwrap().keys.len(), 64);
    assert_eq!(mint.hits("/failing/v1/keys"), 3);

    // Oversized and malformed bodies are typed errors.
    let huge = MintUrl::parse(&format!("{base}/huge")).unwrap();
    let err = cache.keyset(&huge, &want).await.unwrap_err();
    assert!(matches!(err, MintKeyError::BodyTooLarge { .. }), "{err:?}");
    let garbage = MintUrl::parse(&format!("{base}/garbage")).unwrap();
    let err = cache.keyset(&garbage, &want).await.unwrap_err();
    assert!(matches!(err, MintKeyError::Json(_)), "{err:?}");

    // A mint nobody listens on: a request error, then backoff.
    let closed = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let dead = MintUrl::parse(&format!("http://{}", closed.local_addr().unwrap())).unwrap();
    drop(closed);
    let err = cache.keyset(&dead, &want).await.unwrap_err();
    assert!(matches!(err, MintKeyError::Request(_)), "{err:?}");
    let err = cache.keyset(&dead, &want).await.unwrap_err();
    assert!(matches!(err, MintKeyError::BackingOff { .. }), "{err:?}");
}
