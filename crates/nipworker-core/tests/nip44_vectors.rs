//! NIP-44 v2 against every section of the official vector file (paulmillr/nip44) and the
//! extended-length-prefix boundary vectors of the current spec.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on bad fixtures

use nipworker_core::crypto::nip44::{
    self, ConversationKey, MessageKeys, Nip44Error, calc_padded_len,
};
use nipworker_core::protocol::{Keys, PublicKey};
use serde_json::Value;
use sha2::{Digest, Sha256};

fn testdata(path: &str) -> String {
    let full = format!("{}/../../testdata/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

fn vectors() -> Value {
    serde_json::from_str(&testdata("vectors/nip44.vectors.json")).unwrap()
}

fn section<'a>(v: &'a Value, path: &[&str]) -> &'a Vec<Value> {
    let mut cur = v;
    for p in path {
        cur = &cur[*p];
    }
    let list = cur
        .as_array()
        .unwrap_or_else(|| panic!("{path:?} is not a list"));
    assert!(!list.is_empty(), "{path:?} is empty");
    list
}

fn s<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{key} missing in {v}"))
}

fn hex32(s: &str) -> [u8; 32] {
    hex::decode(s).unwrap().try_into().unwrap()
}

fn conv_key(hex: &str) -> ConversationKey {
    ConversationKey::from_bytes(hex32(hex))
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[test]
fn valid_get_conversation_key() {
    let v = vectors();
    for case in section(&v, &["v2", "valid", "get_conversation_key"]) {
        let peer = PublicKey::from_hex(s(case, "pub2")).unwrap();
        let key = ConversationKey::derive(&hex32(s(case, "sec1")), &peer).unwrap();
        assert_eq!(
            hex::encode(key.as_bytes()),
            s(case, "conversation_key"),
            "{case}"
        );
    }
}

#[test]
fn valid_get_message_keys() {
    let v = vectors();
    let mk = &v["v2"]["valid"]["get_message_keys"];
    let key = conv_key(s(mk, "conversation_key"));
    for case in section(&v, &["v2", "valid", "get_message_keys", "keys"]) {
        let keys = MessageKeys::derive(&key, &hex32(s(case, "nonce")));
        assert_eq!(hex::encode(keys.chacha_key()), s(case, "chacha_key"));
        assert_eq!(hex::encode(keys.chacha_nonce()), s(case, "chacha_nonce"));
        assert_eq!(hex::encode(keys.hmac_key()), s(case, "hmac_key"));
    }
}

#[test]
fn valid_calc_padded_len() {
    let v = vectors();
    for case in section(&v, &["v2", "valid", "calc_padded_len"]) {
        let (len, padded) = (case[0].as_u64().unwrap(), case[1].as_u64().unwrap());
        assert_eq!(calc_padded_len(len), padded, "len {len}");
    }
}

#[test]
fn valid_encrypt_decrypt() {
    let v = vectors();
    for case in section(&v, &["v2", "valid", "encrypt_decrypt"]) {
        let sec1 = Keys::from_hex(s(case, "sec1")).unwrap();
        let sec2 = Keys::from_hex(s(case, "sec2")).unwrap();
        let expected_key = s(case, "conversation_key");
        let k12 = ConversationKey::from_keys(&sec1, &sec2.public_key()).unwrap();
        let k21 = ConversationKey::from_keys(&sec2, &sec1.public_key()).unwrap();
        assert_eq!(hex::encode(k12.as_bytes()), expected_key);
        assert_eq!(k12.as_bytes(), k21.as_bytes(), "ECDH must be symmetric");

        let plaintext = s(case, "plaintext");
        let payload = s(case, "payload");
        let nonce = hex32(s(case, "nonce"));
        assert_eq!(
            nip44::encrypt_with_nonce(&k12, plaintext, &nonce).unwrap(),
            payload
        );
        assert_eq!(nip44::decrypt(&k21, payload).unwrap(), plaintext);
    }
}

#[test]
fn valid_encrypt_decrypt_long_msg() {
    let v = vectors();
    for case in section(&v, &["v2", "valid", "encrypt_decrypt_long_msg"]) {
        let key = conv_key(s(case, "conversation_key"));
        let nonce = hex32(s(case, "nonce"));
        let repeat = usize::try_from(case["repeat"].as_u64().unwrap()).unwrap();
        let plaintext = s(case, "pattern").repeat(repeat);
        assert_eq!(
            sha256_hex(plaintext.as_bytes()),
            s(case, "plaintext_sha256")
        );
        let payload = nip44::encrypt_with_nonce(&key, &plaintext, &nonce).unwrap();
        assert_eq!(sha256_hex(payload.as_bytes()), s(case, "payload_sha256"));
        assert_eq!(nip44::decrypt(&key, &payload).unwrap(), plaintext);
    }
}

/// The file predates the extended prefix: of its "invalid" lengths only 0 still is; the others
/// must now encrypt and decrypt (see testdata/README.md).
#[test]
fn invalid_encrypt_msg_lengths_under_the_current_spec() {
    let v = vectors();
    let key = ConversationKey::from_bytes([0x42; 32]);
    let lengths: Vec<u64> = section(&v, &["v2", "invalid", "encrypt_msg_lengths"])
        .iter()
        .map(|n| n.as_u64().unwrap())
        .collect();
    assert!(lengths.contains(&0));
    for len in lengths {
        let plaintext = "a".repeat(usize::try_from(len).unwrap());
        let result = nip44::encrypt(&key, &plaintext);
        if len == 0 {
            assert_eq!(result, Err(Nip44Error::MessageEmpty));
            continue;
        }
        let payload = result.unwrap_or_else(|e| panic!("length {len}: {e}"));
        assert_eq!(nip44::decrypt(&key, &payload).unwrap().len() as u64, len);
    }
}

#[test]
fn invalid_decrypt() {
    let v = vectors();
    for case in section(&v, &["v2", "invalid", "decrypt"]) {
        let key = conv_key(s(case, "conversation_key"));
        let note = s(case, "note");
        let err = nip44::decrypt(&key, s(case, "payload")).expect_err(note);
        let expected = match note {
            n if n.starts_with("unknown encryption version") => {
                matches!(err, Nip44Error::UnknownVersion)
            }
            "invalid base64" => err == Nip44Error::InvalidBase64,
            "invalid MAC" => err == Nip44Error::InvalidMac,
            "invalid padding" => err == Nip44Error::InvalidPadding,
            "invalid payload length: 0" => err == Nip44Error::UnknownVersion,
            n if n.starts_with("invalid payload length") => {
                matches!(err, Nip44Error::PayloadLength { .. })
            }
            other => panic!("unexpected note {other}"),
        };
        assert!(expected, "{note}: got {err:?}");
    }
}

#[test]
fn invalid_get_conversation_key() {
    let v = vectors();
    for case in section(&v, &["v2", "invalid", "get_conversation_key"]) {
        let note = s(case, "note");
        let peer = PublicKey::from_hex(s(case, "pub2")).unwrap();
        let err = ConversationKey::derive(&hex32(s(case, "sec1")), &peer).expect_err(note);
        let expected = if note.starts_with("sec1") {
            Nip44Error::InvalidSecretKey
        } else {
            Nip44Error::InvalidPublicKey
        };
        assert_eq!(err, expected, "{note}");
        // The same keys through `Keys` fail as early, for the secret-key cases.
        if note.starts_with("sec1") {
            assert!(Keys::from_hex(s(case, "sec1")).is_err());
        }
    }
}

struct ExtendedRow {
    len: u64,
    extended: bool,
    padded_len: u64,
    plaintext_sha256: String,
    payload_sha256: String,
}

/// Reads conversation key, nonce and table rows from nip44-extended.md.
fn extended_vectors() -> (ConversationKey, [u8; 32], Vec<ExtendedRow>) {
    let md = testdata("vectors/nip44-extended.md");
    let field = |name: &str| {
        md.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|rest| rest.trim_start_matches(':').trim().to_owned())
            .unwrap_or_else(|| panic!("{name} missing"))
    };
    let key = conv_key(&field("conversation_key"));
    let nonce = hex32(&field("nonce"));
    let rows: Vec<ExtendedRow> = md
        .lines()
        .filter(|l| l.starts_with("| 6"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            assert_eq!(cells.len(), 5, "{l}");
            ExtendedRow {
                len: cells[0].parse().unwrap(),
                extended: cells[1].starts_with("extended"),
                padded_len: cells[2].parse().unwrap(),
                plaintext_sha256: cells[3].to_owned(),
                payload_sha256: cells[4].to_owned(),
            }
        })
        .collect();
    assert_eq!(rows.len(), 3);
    (key, nonce, rows)
}

#[test]
fn extended_prefix_boundary_vectors() {
    use base64::Engine as _;
    let (key, nonce, rows) = extended_vectors();
    for row in rows {
        let plaintext = "a".repeat(row.len as usize);
        assert_eq!(sha256_hex(plaintext.as_bytes()), row.plaintext_sha256);
        assert_eq!(calc_padded_len(row.len), row.padded_len);
        assert_eq!(row.extended, row.len >= nip44::EXTENDED_PREFIX_THRESHOLD);

        let payload = nip44::encrypt_with_nonce(&key, &plaintext, &nonce).unwrap();
        assert_eq!(
            sha256_hex(payload.as_bytes()),
            row.payload_sha256,
            "len {}",
            row.len
        );
        let data = base64::engine::general_purpose::STANDARD
            .decode(&payload)
            .unwrap();
        let prefix = if row.extended { 6 } else { 2 };
        assert_eq!(data.len() as u64, 1 + 32 + prefix + row.padded_len + 32);
        assert_eq!(nip44::decrypt(&key, &payload).unwrap(), plaintext);
    }
}

#[test]
fn tampering_and_wrong_keys_fail_the_mac() {
    use base64::Engine as _;
    let (key, nonce, _) = extended_vectors();
    let payload = nip44::encrypt_with_nonce(&key, &"a".repeat(65_536), &nonce).unwrap();
    let other = ConversationKey::from_bytes([1; 32]);
    assert_eq!(
        nip44::decrypt(&other, &payload),
        Err(Nip44Error::InvalidMac)
    );

    let engine = base64::engine::general_purpose::STANDARD;
    let mut data = engine.decode(&payload).unwrap();
    // Flip a bit of the extended prefix: the MAC covers it.
    data[33 + 3] ^= 1;
    assert_eq!(
        nip44::decrypt(&key, &engine.encode(&data)),
        Err(Nip44Error::InvalidMac)
    );
}
