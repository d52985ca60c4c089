//! BIP-340 test vectors (`testdata/vectors/bip340-test-vectors.csv`, bitcoin/bips): every row the
//! API can express, which is all of them: signing rows with their fixed aux_rand, verification rows
//! of every message length, and public keys that are not on the curve.

// Tests may unwrap: a failure is the test failing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use nipworker_core::protocol::{
    Keys, PublicKey, Signature, VerifyError, verify_schnorr, verify_schnorr_msg,
};

#[derive(Debug, serde::Deserialize)]
struct Row {
    index: usize,
    #[serde(rename = "secret key")]
    secret_key: String,
    #[serde(rename = "public key")]
    public_key: String,
    aux_rand: String,
    message: String,
    signature: String,
    #[serde(rename = "verification result")]
    result: String,
    comment: String,
}

fn rows() -> Vec<Row> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../testdata/vectors/bip340-test-vectors.csv"
    );
    let mut reader = csv::Reader::from_path(path).unwrap();
    reader.deserialize().map(|r| r.unwrap()).collect()
}

fn bytes<const N: usize>(hex_text: &str) -> [u8; N] {
    hex::decode(hex_text).unwrap().try_into().unwrap()
}

#[test]
fn all_rows_are_read() {
    let rows = rows();
    assert_eq!(rows.len(), 19);
    assert!(rows.iter().enumerate().all(|(i, r)| r.index == i));
}

#[test]
fn verification_rows() {
    for row in rows() {
        let i = row.index;
        let pk = PublicKey(bytes(&row.public_key));
        let sig = Signature(bytes(&row.signature));
        let msg = hex::decode(&row.message).unwrap();
        let expected = match row.result.as_str() {
            "TRUE" => Ok(()),
            "FALSE" if row.comment.contains("public key") => Err(VerifyError::InvalidPublicKey),
            "FALSE" => Err(VerifyError::InvalidSignature),
            other => panic!("row {i}: result {other:?}"),
        };
        assert_eq!(
            verify_schnorr_msg(&pk, &msg, &sig),
            expected,
            "row {i}: {}",
            row.comment
        );
        // The 32-byte entry point Nostr ids use gives the same answer.
        if let Ok(msg32) = <[u8; 32]>::try_from(msg.as_slice()) {
            assert_eq!(
                verify_schnorr(&pk, &msg32, &sig),
                expected,
                "row {i} (32-byte API)"
            );
        }
    }
}

#[test]
fn verification_covers_every_message_length_in_the_file() {
    let mut lengths: Vec<usize> = rows().iter().map(|r| r.message.len() / 2).collect();
    lengths.sort_unstable();
    lengths.dedup();
    assert_eq!(lengths, vec![0, 1, 17, 32, 100]);
}

#[test]
fn signing_rows() {
    let mut signed = 0;
    for row in rows().into_iter().filter(|r| !r.secret_key.is_empty()) {
        let i = row.index;
        let keys = Keys::from_secret_bytes(&bytes(&row.secret_key)).unwrap();
        assert_eq!(
            keys.public_key(),
            PublicKey(bytes(&row.public_key)),
            "row {i}"
        );
        let msg = hex::decode(&row.message).unwrap();
        let sig = keys.sign_schnorr_with_aux(&msg, &bytes(&row.aux_rand));
        assert_eq!(sig, Signature(bytes(&row.signature)), "row {i}: signature");
        assert_eq!(
            verify_schnorr_msg(&keys.public_key(), &msg, &sig),
            Ok(()),
            "row {i}"
        );
        signed += 1;
    }
    // Rows 0-3 and 15-18 carry secret keys.
    assert_eq!(signed, 8);
}
