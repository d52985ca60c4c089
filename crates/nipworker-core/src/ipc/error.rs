//! Typed errors of the ipc layer: closed, full and lagging channels, bad frames, bad capacities.

use std::fmt;

use thiserror::Error;

use super::message::{ChannelMessage, RootMessage};
use crate::protocol::flatbuffers::FlatBufferError;

/// A channel operation or a frame failed.
#[derive(Debug, Clone, Copy, Error)]
pub enum IpcError {
    /// The other end of the channel was dropped (its worker stopped).
    #[error("{channel} channel is closed: its other end was dropped")]
    Closed {
        /// Which channel, e.g. `parser->crypto`.
        channel: &'static str,
    },
    /// The bounded channel is full (only from non-waiting sends).
    #[error("{channel} channel is full")]
    Full {
        /// Which channel.
        channel: &'static str,
    },
    /// A broadcast receiver fell behind and the oldest messages were overwritten.
    #[error("{channel} receiver lagged and missed {skipped} messages")]
    Lagged {
        /// Which channel.
        channel: &'static str,
        /// Messages it will never see.
        skipped: u64,
    },
    /// A frame was not a valid message of the channel's type.
    #[error(transparent)]
    Frame(#[from] FlatBufferError),
}

/// A message that could not be sent, handed back with the reason so the caller may retry it.
#[derive(Error)]
#[error("{error}")]
pub struct Unsent<R: RootMessage> {
    /// Why it was not sent.
    pub error: IpcError,
    /// The message itself.
    pub message: ChannelMessage<R>,
}

// By hand: a derive would require `R: Debug`, and `R` is only a marker.
impl<R: RootMessage> fmt::Debug for Unsent<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Unsent")
            .field("error", &self.error)
            .field("message", &self.message)
            .finish()
    }
}

impl<R: RootMessage> From<Unsent<R>> for IpcError {
    fn from(unsent: Unsent<R>) -> Self {
        unsent.error
    }
}

/// An [`IpcConfig`](super::IpcConfig) value is out of range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum IpcConfigError {
    /// A channel capacity is zero or absurdly large (Tokio would panic on either).
    #[error("capacity of {channel} must be between 1 and {max}, got {got}")]
    Capacity {
        /// Which channel.
        channel: &'static str,
        /// The configured value.
        got: usize,
        /// The largest accepted value.
        max: usize,
    },
}
