//! NIP-04: a known-answer payload made by another implementation, round trips, and
//! rejection of every malformed shape with a typed error.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on bad fixtures

use aes::Aes256;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockEncryptMut, KeyIvInit};
use nipworker_core::crypto::nip04::{self, MAX_PAYLOAD_LEN, Nip04Error};
use nipworker_core::protocol::{Keys, PublicKey};

// The known-answer test of rust-nostr's NIP-04 module (MIT), also used by several other
// implementations: a payload none of our code produced.
const SENDER_SK: &str = "6b911fd37cdf5c81d4c0adb1ab7fa822ed253ab0ad9aa18d77257c88b29b718e";
const RECEIVER_SK: &str = "7b911fd37cdf5c81d4c0adb1ab7fa822ed253ab0ad9aa18d77257c88b29b718e";
const PAYLOAD: &str = "dJc+WbBgaFCD2/kfg1XCWJParplBDxnZIdJGZ6FCTOg=?iv=M6VxRPkMZu7aIdD+10xPuw==";
const PLAINTEXT: &str = "Saturn, bringer of old age";

fn pair() -> (Keys, Keys) {
    (
        Keys::from_hex(SENDER_SK).unwrap(),
        Keys::from_hex(RECEIVER_SK).unwrap(),
    )
}

#[test]
fn decrypts_a_payload_from_another_implementation() {
    let (sender, receiver) = pair();
    assert_eq!(
        nip04::decrypt(&receiver, &sender.public_key(), PAYLOAD).unwrap(),
        PLAINTEXT
    );
    // ECDH is symmetric: the sender can read its own message.
    assert_eq!(
        nip04::decrypt(&sender, &receiver.public_key(), PAYLOAD).unwrap(),
        PLAINTEXT
    );
    // Same key and IV reproduce the payload byte for byte.
    let iv: [u8; 16] = B64
        .decode("M6VxRPkMZu7aIdD+10xPuw==")
        .unwrap()
        .try_into()
        .unwrap();
    let again = nip04::encrypt_with_iv(
        &sender.secret_bytes(),
        &receiver.public_key(),
        PLAINTEXT,
        &iv,
    )
    .unwrap();
    assert_eq!(again, PAYLOAD);
}

#[test]
fn round_trips() {
    let (a, b) = pair();
    for text in [
        "",
        "x",
        "exactly sixteen!",
        "multi\nline ✓ 🦄",
        &"long ".repeat(5000),
    ] {
        let payload = nip04::encrypt(&a, &b.public_key(), text).unwrap();
        assert_eq!(nip04::decrypt(&b, &a.public_key(), &payload).unwrap(), text);
    }
    // Fresh IVs: the same text encrypts differently each time.
    let p1 = nip04::encrypt(&a, &b.public_key(), "same").unwrap();
    let p2 = nip04::encrypt(&a, &b.public_key(), "same").unwrap();
    assert_ne!(p1, p2);
}

fn decrypt(payload: &str) -> Result<String, Nip04Error> {
    let (sender, receiver) = pair();
    nip04::decrypt(&receiver, &sender.public_key(), payload)
}

#[test]
fn rejects_malformed_payloads() {
    let (ct, iv) = PAYLOAD.split_once("?iv=").unwrap();
    let cases: Vec<(String, Nip04Error)> = vec![
        (ct.to_owned(), Nip04Error::MissingIv),
        (format!("{ct}?IV={iv}"), Nip04Error::MissingIv),
        (format!("{PAYLOAD}?iv={iv}"), Nip04Error::RepeatedSeparator),
        (format!("{ct}?iv=?iv={iv}"), Nip04Error::RepeatedSeparator),
        (
            format!("{ct}?iv={}", &iv[..16]),
            Nip04Error::InvalidIvLength,
        ),
        (format!("{ct}?iv={iv}AAAA"), Nip04Error::InvalidIvLength),
        (format!("{ct}?iv="), Nip04Error::InvalidIvLength),
        // 24 characters, but 18 bytes without padding.
        (
            format!("{ct}?iv=AAAAAAAAAAAAAAAAAAAAAAAA"),
            Nip04Error::InvalidIvLength,
        ),
        (
            format!("{ct}?iv={}", "!".repeat(24)),
            Nip04Error::InvalidBase64,
        ),
        (format!("?iv={iv}"), Nip04Error::InvalidCiphertextLength),
        (
            format!("{}?iv={iv}", &ct[..ct.len() - 1]),
            Nip04Error::InvalidCiphertextLength,
        ),
        // 15 bytes of ciphertext: not whole blocks.
        (
            format!("{}?iv={iv}", B64.encode([7u8; 15])),
            Nip04Error::InvalidCiphertextLength,
        ),
        (
            format!("{}?iv={iv}", "*".repeat(ct.len())),
            Nip04Error::InvalidBase64,
        ),
        (format!(" {}?iv={iv}", &ct[1..]), Nip04Error::InvalidBase64),
        (
            format!("{ct} ?iv={iv}"),
            Nip04Error::InvalidCiphertextLength,
        ),
        (format!("{ct}?iv={iv}\n"), Nip04Error::InvalidIvLength),
    ];
    for (payload, expected) in cases {
        assert_eq!(decrypt(&payload), Err(expected), "{payload:?}");
    }
}

#[test]
fn rejects_oversized_payloads_before_decoding() {
    // Not even base64: only the length check can have refused it.
    let junk = "#".repeat(MAX_PAYLOAD_LEN + 1);
    assert_eq!(
        decrypt(&junk),
        Err(Nip04Error::PayloadTooLong {
            len: MAX_PAYLOAD_LEN + 1,
            max: MAX_PAYLOAD_LEN
        })
    );
}

#[test]
fn rejects_bad_padding_wrong_keys_and_non_utf8() {
    let (sender, receiver) = pair();
    let (ct, iv) = PAYLOAD.split_once("?iv=").unwrap();

    // Flipping the last byte of the first block garbles the padding byte of the last block.
    let mut bytes = B64.decode(ct).unwrap();
    bytes[15] ^= 0x01;
    let tampered = format!("{}?iv={iv}", B64.encode(&bytes));
    assert_eq!(decrypt(&tampered), Err(Nip04Error::InvalidPadding));

    // A third party's key decrypts to garbage (deterministic for these fixed keys).
    let third = Keys::from_hex(&"11".repeat(32)).unwrap();
    assert_eq!(
        nip04::decrypt(&third, &sender.public_key(), PAYLOAD),
        Err(Nip04Error::InvalidPadding)
    );

    // Properly encrypted bytes that are not UTF-8.
    let key = shared_x(&sender, &receiver.public_key());
    let iv_bytes = [9u8; 16];
    let ct = cbc::Encryptor::<Aes256>::new(&key.into(), &iv_bytes.into())
        .encrypt_padded_vec_mut::<Pkcs7>(&[0xff, 0xfe, 0xfd]);
    let payload = format!("{}?iv={}", B64.encode(ct), B64.encode(iv_bytes));
    assert_eq!(decrypt(&payload), Err(Nip04Error::InvalidUtf8));
}

#[test]
fn rejects_invalid_peer_keys() {
    let (sender, _) = pair();
    // x = 0 is not on secp256k1.
    let off_curve = PublicKey::from_bytes([0; 32]);
    assert_eq!(
        nip04::encrypt(&sender, &off_curve, "hi"),
        Err(Nip04Error::InvalidPublicKey)
    );
    assert_eq!(
        nip04::decrypt(&sender, &off_curve, PAYLOAD),
        Err(Nip04Error::InvalidPublicKey)
    );
}

/// The NIP-04 key computed independently of the library: x of `secret * peer` (even y).
fn shared_x(keys: &Keys, peer: &PublicKey) -> [u8; 32] {
    let sk = secp256k1::SecretKey::from_secret_bytes(*keys.secret_bytes()).unwrap();
    let pk = secp256k1::XOnlyPublicKey::from_byte_array(peer.0)
        .unwrap()
        .public_key(secp256k1::Parity::Even);
    let point = secp256k1::ecdh::shared_secret_point(&pk, &sk);
    point[..32].try_into().unwrap()
}
