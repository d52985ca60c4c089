//! NIP-46 JSON-RPC messages carried (encrypted) in kind-24133 events: requests
//! `{"id","method","params"}` and responses `{"id","result","error"}`.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::Nip46Error;

/// A NIP-46 method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// `connect`
    Connect,
    /// `get_public_key`
    GetPublicKey,
    /// `sign_event`
    SignEvent,
    /// `nip04_encrypt`
    Nip04Encrypt,
    /// `nip04_decrypt`
    Nip04Decrypt,
    /// `nip44_encrypt`
    Nip44Encrypt,
    /// `nip44_decrypt`
    Nip44Decrypt,
    /// `ping`
    Ping,
}

impl Method {
    /// The method name on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Connect => "connect",
            Method::GetPublicKey => "get_public_key",
            Method::SignEvent => "sign_event",
            Method::Nip04Encrypt => "nip04_encrypt",
            Method::Nip04Decrypt => "nip04_decrypt",
            Method::Nip44Encrypt => "nip44_encrypt",
            Method::Nip44Decrypt => "nip44_decrypt",
            Method::Ping => "ping",
        }
    }
}

/// A request to the remote signer.
#[derive(Clone, Serialize, Deserialize)]
pub struct Request {
    /// Random id the response echoes.
    pub id: String,
    /// Method name.
    pub method: String,
    /// Positional string parameters.
    pub params: Vec<String>,
}

/// A response from the remote signer.
#[derive(Clone, Serialize, Deserialize)]
pub struct Response {
    /// The request's id.
    pub id: String,
    /// The result (`"auth_url"` when `error` holds a URL to open).
    #[serde(default)]
    pub result: Option<String>,
    /// Why the request failed (or the auth URL).
    #[serde(default)]
    pub error: Option<String>,
}

/// Either direction: signers may also send requests (the `connect` of the nostrconnect flow).
#[derive(Clone)]
pub enum Message {
    /// `{"id","method","params"}`
    Request(Request),
    /// `{"id","result","error"}`
    Response(Response),
}

impl Message {
    /// Parses a decrypted payload.
    pub fn from_json(json: &str) -> Result<Self, Nip46Error> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|_| Nip46Error::InvalidResponse)?;
        if value.get("method").is_some() {
            serde_json::from_value(value)
                .map(Message::Request)
                .map_err(|_| Nip46Error::InvalidResponse)
        } else {
            serde_json::from_value(value)
                .map(Message::Response)
                .map_err(|_| Nip46Error::InvalidResponse)
        }
    }
}

impl Response {
    /// True for an `auth_url` challenge (the URL is in `error`).
    pub fn is_auth_url(&self) -> bool {
        self.result.as_deref() == Some("auth_url")
    }
}

// Params and results may hold plaintexts, ciphertexts and secrets: never printed.
impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("id", &self.id)
            .field("method", &self.method)
            .field("params", &format_args!("<{} redacted>", self.params.len()))
            .finish()
    }
}

impl fmt::Debug for Response {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Response")
            .field("id", &self.id)
            .field("result", &self.result.as_ref().map(|_| "<redacted>"))
            .field("error", &self.error.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

impl fmt::Debug for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Message::Request(r) => r.fmt(f),
            Message::Response(r) => r.fmt(f),
        }
    }
}

/// A random request id (64 bits, hex).
pub fn random_id() -> Result<String, Nip46Error> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|_| Nip46Error::Randomness)?;
    Ok(hex::encode(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_and_responses_are_told_apart() {
        let req = Message::from_json(r#"{"id":"1","method":"connect","params":["a","b"]}"#);
        assert!(matches!(req, Ok(Message::Request(r)) if r.params.len() == 2));
        let res = Message::from_json(r#"{"id":"1","result":"auth_url","error":"https://x"}"#);
        assert!(matches!(res, Ok(Message::Response(r)) if r.is_auth_url()));
        let res = Message::from_json(r#"{"id":"2","result":"ack"}"#).unwrap();
        assert!(!format!("{res:?}").contains("ack"));
        assert!(Message::from_json("[1]").is_err());
        assert!(Message::from_json("nope").is_err());
        assert_ne!(random_id().unwrap(), random_id().unwrap());
    }
}
