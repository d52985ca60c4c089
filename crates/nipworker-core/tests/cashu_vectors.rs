//! Cashu against the official cashubtc/nuts test vectors: NUT-00 hash_to_curve and blinding,
//! NUT-01 key maps, NUT-02 keyset ids, NUT-12 hash_e and DLEQ on blind signatures and proofs,
//! plus tampered proofs that must fail.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on bad fixtures

use std::collections::BTreeMap;

use nipworker_core::crypto::cashu::{
    BlindSignature, DleqError, DleqVerdict, Keyset, KeysetId, Point, Proof, Scalar, Unverifiable,
    blind_message, hash_e, hash_to_curve, verify_blind_signature, verify_dleq, verify_proof,
    verify_proof_with_keyset,
};

mod common;

use common::{Section, section, sections, testdata};

fn point(hex: &str) -> Point {
    Point::from_hex(hex).unwrap()
}

fn scalar(hex: &str) -> Scalar {
    Scalar::from_hex(hex).unwrap()
}

fn nut00() -> Vec<Section> {
    sections(&testdata("vectors/cashu/nut00-tests.md"))
}

fn nut12() -> Vec<Section> {
    sections(&testdata("vectors/cashu/nut12-tests.md"))
}

#[test]
fn nut00_hash_to_curve() {
    let all = nut00();
    let s = section(&all, "Hash-to-curve function");
    let messages = s.all("Message");
    let points = s.all("Point");
    assert_eq!((messages.len(), points.len()), (3, 3));
    for (m, p) in messages.iter().zip(points) {
        let y = hash_to_curve(&hex::decode(m).unwrap()).unwrap();
        assert_eq!(y.to_hex(), p, "message {m}");
    }
}

#[test]
fn nut00_blinded_messages() {
    let all = nut00();
    let s = section(&all, "Blinded messages");
    let (xs, rs, bs) = (s.all("x"), s.all("r"), s.all("B_"));
    assert_eq!((xs.len(), rs.len(), bs.len()), (2, 2, 2));
    for i in 0..2 {
        let b_ = blind_message(&hex::decode(xs[i]).unwrap(), &scalar(rs[i])).unwrap();
        assert_eq!(b_.to_hex(), bs[i], "test {}", i + 1);
    }
}

#[test]
fn nut00_blinded_signatures() {
    // C_ = k*B_ is the mint's side; computing it here checks the vector against our points.
    let all = nut00();
    let s = section(&all, "Blinded signatures");
    let (ks, bs, cs) = (s.all("mint private key"), s.all("B_"), s.all("C_"));
    assert_eq!((ks.len(), bs.len(), cs.len()), (2, 2, 2));
    for i in 0..2 {
        let k = secp256k1::Scalar::from_be_bytes(scalar(ks[i]).0).unwrap();
        let c_ = point(bs[i]).as_secp().mul_tweak(&k).unwrap();
        assert_eq!(Point::from(c_).to_hex(), cs[i], "test {}", i + 1);
    }
}

#[test]
fn nut12_hash_e() {
    let all = nut12();
    let s = section(&all, "`hash_e` function");
    let pts: Vec<Point> = ["R1", "R2", "K", "C_"]
        .iter()
        .map(|k| point(s.one(k)))
        .collect();
    let e = hash_e(&[&pts[0], &pts[1], &pts[2], &pts[3]]);
    assert_eq!(hex::encode(e), s.one("hash(R1, R2, K, C_)"));
}

#[test]
fn nut12_deterministic_nonce_vector_verifies() {
    // We verify, we do not mint: the (e, s) the vector derives must verify for A, B_, C_,
    // and C_ must be a*B_.
    let all = nut12();
    let s = section(&all, "Deterministic nonce derivation");
    let (a, b_, c_) = (point(s.one("A")), point(s.one("B_")), point(s.one("C_")));
    let secret_a = scalar(s.one("a"));
    let a_scalar = secp256k1::Scalar::from_be_bytes(secret_a.0).unwrap();
    assert_eq!(Point::from(b_.as_secp().mul_tweak(&a_scalar).unwrap()), c_);
    let sk = secp256k1::SecretKey::from_secret_bytes(secret_a.0).unwrap();
    assert_eq!(Point::from(sk.public_key()), a);
    let (e, sv) = (scalar(s.one("e")), scalar(s.one("s")));
    assert_eq!(verify_dleq(&a, &b_, &c_, &e, &sv), Ok(()));
    let mut wrong = e;
    wrong.0[31] ^= 1;
    assert_eq!(
        verify_dleq(&a, &b_, &c_, &wrong, &sv),
        Err(DleqError::Mismatch)
    );
}

fn blind_signature_vector() -> (BlindSignature, Point, Point) {
    let all = nut12();
    let s = section(&all, "DLEQ verification on `BlindSignature`");
    let sig: BlindSignature = serde_json::from_str(&s.json[0]).unwrap();
    (sig, point(s.one("B_")), point(s.one("A")))
}

fn proof_vector() -> (Proof, Point) {
    let all = nut12();
    let s = section(&all, "DLEQ verification on `Proof`");
    let proof: Proof = serde_json::from_str(&s.json[0]).unwrap();
    (proof, point(s.one("A")))
}

#[test]
fn nut12_dleq_on_blind_signature() {
    let (sig, b_, a) = blind_signature_vector();
    assert_eq!(sig.amount, 8);
    assert_eq!(verify_blind_signature(&sig, &b_, &a), DleqVerdict::Valid);

    let mut no_dleq = sig.clone();
    no_dleq.dleq = None;
    assert_eq!(
        verify_blind_signature(&no_dleq, &b_, &a),
        DleqVerdict::Unverifiable(Unverifiable::NoDleq)
    );
    let mut tampered = sig.clone();
    if let Some(d) = tampered.dleq.as_mut() {
        d.s.0[0] ^= 0x01;
    }
    assert!(matches!(
        verify_blind_signature(&tampered, &b_, &a),
        DleqVerdict::Invalid(_)
    ));
    // Another key (2*G) did not sign it.
    let two_g = point("02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5");
    assert_eq!(
        verify_blind_signature(&sig, &b_, &two_g),
        DleqVerdict::Invalid(DleqError::Mismatch)
    );
}

#[test]
fn nut12_dleq_on_proof() {
    let (proof, a) = proof_vector();
    assert!(verify_proof(&proof, &a).is_valid());
    // The JSON round-trips with the field names Cashu and NIP-60 use.
    let json = serde_json::to_value(&proof).unwrap();
    assert!(json.get("C").is_some() && json["dleq"].get("r").is_some());
    assert_eq!(serde_json::from_value::<Proof>(json).unwrap(), proof);
}

#[test]
fn tampered_proofs_fail() {
    let (proof, a) = proof_vector();
    let mut cases: Vec<(&str, Proof)> = Vec::new();

    let mut p = proof.clone();
    p.secret.replace_range(0..1, "e");
    cases.push(("secret", p));
    let mut p = proof.clone();
    p.c = point("02c6047f9441ed7d6d3045406e95c07cd85c778e4b8cef3ca7abac09b95c709ee5");
    cases.push(("C", p));
    for field in ["e", "s", "r"] {
        let mut p = proof.clone();
        let d = p.dleq.as_mut().unwrap();
        let target = match field {
            "e" => &mut d.e,
            "s" => &mut d.s,
            _ => d.r.as_mut().unwrap(),
        };
        target.0[31] ^= 0x01;
        cases.push((field, p));
    }
    for (what, p) in &cases {
        assert_eq!(
            verify_proof(p, &a),
            DleqVerdict::Invalid(DleqError::Mismatch),
            "tampered {what}"
        );
    }

    // Out-of-range scalars are refused before any point arithmetic.
    let n = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
    for field in ["e", "s", "r"] {
        for bad in [
            n,
            "0000000000000000000000000000000000000000000000000000000000000000",
        ] {
            let mut p = proof.clone();
            let d = p.dleq.as_mut().unwrap();
            match field {
                "e" => d.e = scalar(bad),
                "s" => d.s = scalar(bad),
                _ => d.r = Some(scalar(bad)),
            }
            assert_eq!(
                verify_proof(&p, &a),
                DleqVerdict::Invalid(DleqError::ScalarOutOfRange),
                "{field} = {bad}"
            );
        }
    }

    // No DLEQ, or no blinding factor: unverifiable, never valid.
    let mut p = proof.clone();
    p.dleq = None;
    assert_eq!(
        verify_proof(&p, &a),
        DleqVerdict::Unverifiable(Unverifiable::NoDleq)
    );
    assert!(!verify_proof(&p, &a).is_valid());
    let mut p = proof.clone();
    p.dleq.as_mut().unwrap().r = None;
    assert_eq!(
        verify_proof(&p, &a),
        DleqVerdict::Unverifiable(Unverifiable::NoBlindingFactor)
    );
    let without_r = r#"{"amount":1,"id":"00882760bfa2eb41","secret":"x","C":"0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798","dleq":{"e":"b31e58ac6527f34975ffab13e70a48b6d2b0d35abc4b03f0151f09ee1a9763d4","s":"8fbae004c59e754d71df67e392b6ae4e29293113ddc2ec86592a0431d16306d8"}}"#;
    let p: Proof = serde_json::from_str(without_r).unwrap();
    assert_eq!(
        verify_proof(&p, &a),
        DleqVerdict::Unverifiable(Unverifiable::NoBlindingFactor)
    );
}

#[test]
fn proof_checked_against_a_keyset() {
    let (proof, a) = proof_vector();
    let mut keys = BTreeMap::new();
    keys.insert(1, a);
    let keyset = Keyset {
        id: proof.id.clone(),
        unit: "sat".into(),
        active: Some(true),
        input_fee_ppk: None,
        final_expiry: None,
        keys,
    };
    assert!(verify_proof_with_keyset(&proof, &keyset).is_valid());

    let mut other_amount = proof.clone();
    other_amount.amount = 2;
    assert_eq!(
        verify_proof_with_keyset(&other_amount, &keyset),
        DleqVerdict::Invalid(DleqError::UnknownAmount { amount: 2 })
    );
    let mut other_keyset = proof.clone();
    other_keyset.id = KeysetId::parse("009a1f293253e41e").unwrap();
    assert_eq!(
        verify_proof_with_keyset(&other_keyset, &keyset),
        DleqVerdict::Invalid(DleqError::KeysetMismatch)
    );
}

#[test]
fn malformed_proof_json_is_a_typed_error() {
    let (proof, _) = proof_vector();
    let good = serde_json::to_string(&proof).unwrap();
    let c = proof.c.to_hex();
    for bad in [
        good.replace(&c, &c[..64]),                           // short point
        good.replace(&c, &format!("04{}", &c[2..])),          // bad prefix
        good.replace("00882760bfa2eb41", "00882760BFA2EB41"), // id case
        good.replace("\"amount\":1", "\"amount\":-1"),        // negative amount
        good.replace(&proof.dleq.unwrap().e.to_hex(), "zz"),  // bad scalar
    ] {
        assert!(serde_json::from_str::<Proof>(&bad).is_err(), "{bad}");
    }
}

#[test]
fn nut01_key_maps() {
    let all = sections(&testdata("vectors/cashu/nut01-tests.md"));
    let blocks: Vec<&String> = all.iter().flat_map(|s| &s.json).collect();
    assert_eq!(blocks.len(), 4);
    // The first two are "should be rejected", the last two "should be accepted".
    for bad in &blocks[..2] {
        assert!(serde_json::from_str::<BTreeMap<u64, Point>>(bad).is_err());
    }
    for good in &blocks[2..] {
        let keys: BTreeMap<u64, Point> = serde_json::from_str(good).unwrap();
        assert!(keys.len() >= 4);
    }
    let big: BTreeMap<u64, Point> = serde_json::from_str(blocks[3]).unwrap();
    assert_eq!(big.len(), 64);
    assert!(big.contains_key(&9_223_372_036_854_775_808));
}

fn backticked(line: &str) -> &str {
    line.split('`')
        .nth(1)
        .unwrap_or_else(|| panic!("no `value` in {line}"))
}

#[test]
fn nut02_keyset_ids() {
    let all = sections(&testdata("vectors/cashu/nut02-tests.md"));
    let mut checked = 0;
    for s in &all {
        // Version 1: each "Keyset id:" line is followed by its key map.
        let ids: Vec<&str> = s
            .prose
            .iter()
            .filter(|l| l.starts_with("Keyset id:") || l.starts_with("- Keyset id:"))
            .map(|l| backticked(l))
            .collect();
        if ids.is_empty() {
            continue;
        }
        assert_eq!(ids.len(), s.json.len(), "{}", s.title);
        let meta = |prefix: &str| {
            s.prose
                .iter()
                .find(|l| l.starts_with(prefix))
                .map(|l| backticked(l).to_owned())
        };
        for (id, json) in ids.iter().zip(&s.json) {
            let keys: BTreeMap<u64, Point> = serde_json::from_str(json).unwrap();
            let keyset = Keyset {
                id: KeysetId::parse(id).unwrap(),
                unit: meta("- Unit:").unwrap_or_else(|| "sat".into()),
                active: None,
                input_fee_ppk: meta("- Input fee ppk:").map(|v| v.parse().unwrap()),
                final_expiry: meta("- Final expiry:").map(|v| v.parse().unwrap()),
                keys,
            };
            let derived = if id.starts_with("00") {
                keyset.derive_id_v1()
            } else {
                keyset.derive_id_v2()
            };
            assert_eq!(derived.as_str(), *id, "{}", s.title);
            keyset.verify_id().unwrap();
            checked += 1;
        }
    }
    assert_eq!(checked, 5, "2 v1 ids and 3 v2 ids");
}
