//! [`MintKeySource`] over HTTP(S) with reqwest (rustls): `GET {mint}/v1/keys` and
//! `GET {mint}/v1/keys/{id}`, with timeouts and a bounded response body.

use std::time::Duration;

use super::keys::{KeysResponse, KeysetId, MintKeyError, MintKeySource, MintUrl};

/// Fetches mint keys over HTTP(S).
#[derive(Debug, Clone)]
pub struct HttpMintKeySource {
    client: reqwest::Client,
    max_body: usize,
}

impl HttpMintKeySource {
    /// Largest body read by default: 1 MiB, far above a full 64-amount keyset (~6 KiB each).
    pub const DEFAULT_MAX_BODY: usize = 1 << 20;
    /// Whole-request timeout by default.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);

    /// A client with the default timeout and body limit.
    pub fn new() -> Result<Self, MintKeyError> {
        let client = reqwest::Client::builder()
            .timeout(Self::DEFAULT_TIMEOUT)
            .connect_timeout(Duration::from_secs(5))
            .redirect(reqwest::redirect::Policy::limited(3))
            .build()
            .map_err(|e| MintKeyError::Request(Box::new(e)))?;
        Ok(Self::with_client(client, Self::DEFAULT_MAX_BODY))
    }

    /// Uses a caller-configured client and body limit.
    pub fn with_client(client: reqwest::Client, max_body: usize) -> Self {
        Self { client, max_body }
    }

    async fn get_keys(&self, url: String) -> Result<KeysResponse, MintKeyError> {
        let request = |e: reqwest::Error| MintKeyError::Request(Box::new(e.without_url()));
        let mut response = self
            .client
            .get(url)
            .header(reqwest::header::ACCEPT, "application/json")
            .send()
            .await
            .map_err(request)?;
        let status = response.status();
        if !status.is_success() {
            return Err(MintKeyError::Status {
                status: status.as_u16(),
            });
        }
        let too_large = MintKeyError::BodyTooLarge { max: self.max_body };
        if response
            .content_length()
            .is_some_and(|len| len > self.max_body as u64)
        {
            return Err(too_large);
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(request)? {
            if body.len() + chunk.len() > self.max_body {
                return Err(too_large);
            }
            body.extend_from_slice(&chunk);
        }
        serde_json::from_slice(&body).map_err(MintKeyError::Json)
    }
}

#[async_trait::async_trait]
impl MintKeySource for HttpMintKeySource {
    async fn active_keysets(&self, mint: &MintUrl) -> Result<KeysResponse, MintKeyError> {
        self.get_keys(mint.join("/v1/keys")).await
    }

    async fn keyset(&self, mint: &MintUrl, id: &KeysetId) -> Result<KeysResponse, MintKeyError> {
        // Legacy base64 ids may hold `/` and `+`, which must not split or alter the path.
        let encoded: String = id
            .as_str()
            .chars()
            .map(|c| match c {
                '/' => "%2F".to_owned(),
                '+' => "%2B".to_owned(),
                '=' => "%3D".to_owned(),
                c => c.to_string(),
            })
            .collect();
        self.get_keys(mint.join(&format!("/v1/keys/{encoded}")))
            .await
    }
}
