//! Typed channels between the workers and the framing of the FlatBuffers messages they carry.
//!
//! Workers share no memory: they exchange [`ChannelMessage`]s (one FlatBuffers message in a
//! `bytes::Bytes`) over bounded Tokio channels built by [`IpcChannels::new`]. Only `tokio::sync`
//! is used, so this compiles for wasm32 as well.

mod channels;
mod error;
mod message;

pub use channels::{
    CacheClient, CacheEndpoints, CacheService, ConnectionsClient, ConnectionsEndpoints,
    ConnectionsService, CryptoClient, CryptoEndpoints, CryptoService, Endpoint, IpcChannels,
    IpcConfig, Nip46Client, Nip46Service, ParserEndpoints, Permit, Receiver, Sender,
    StatusReceiver, StatusSender, bounded,
};
pub use error::{IpcConfigError, IpcError, Unsent};
pub use message::{ChannelMessage, Correlated, RootMessage};
