//! `ChannelMessage`: one FlatBuffers message in a `bytes::Bytes`, typed by its root table.
//!
//! The root type is a phantom parameter, so a cache request cannot be handed to the crypto worker;
//! received bytes are checked once (file identifier, root table, envelope) before they are typed.

use std::fmt;
use std::marker::PhantomData;

use bytes::{BufMut, Bytes, BytesMut};
use planus::{Builder, Offset, ReadAsRoot, WriteAsOffset};

use crate::protocol::flatbuffers::{FlatBufferError, fb};

mod sealed {
    pub trait Sealed {}
}

/// A root table that may travel on an ipc channel on its own.
///
/// Implemented (in this module only) for the root messages of `schemas/*.fbs`.
pub trait RootMessage: sealed::Sealed + Sized + 'static {
    /// The zero-copy reader of this table.
    type Ref<'a>: ReadAsRoot<'a> + Copy + fmt::Debug;
    /// Schema name, for errors and logs.
    const NAME: &'static str;
    /// FlatBuffers file identifier written after the root offset, so bytes of one root type are
    /// refused as another.
    const IDENTIFIER: [u8; 4];

    /// Cheap checks of the envelope (request id and the body's union tag) at the boundary.
    fn check(root: &Self::Ref<'_>) -> planus::Result<()>;
}

/// A root message that answers or asks something: it carries a `request_id`.
pub trait Correlated: RootMessage {
    /// The message's `request_id`.
    fn request_id_of(root: &Self::Ref<'_>) -> planus::Result<u64>;
}

macro_rules! root_message {
    ($owned:ident, $reader:ident, $id:literal, correlated) => {
        root_message!(@root $owned, $reader, $id, |r| {
            r.request_id()?;
            r.body()?;
            Ok(())
        });
        impl Correlated for fb::$owned {
            fn request_id_of(root: &Self::Ref<'_>) -> planus::Result<u64> {
                root.request_id()
            }
        }
    };
    (@root $owned:ident, $reader:ident, $id:literal, $check:expr) => {
        impl sealed::Sealed for fb::$owned {}
        impl RootMessage for fb::$owned {
            type Ref<'a> = fb::$reader<'a>;
            const NAME: &'static str = stringify!($owned);
            const IDENTIFIER: [u8; 4] = *$id;

            fn check(root: &Self::Ref<'_>) -> planus::Result<()> {
                let check: fn(&fb::$reader<'_>) -> planus::Result<()> = $check;
                check(root)
            }
        }
    };
}

// The roots of schemas/*.fbs and their file identifiers. A new root (such as the parser's delivery
// message in parsed.fbs) is registered here, with an identifier no other root uses.
root_message!(CryptoRequest, CryptoRequestRef, b"NWCQ", correlated);
root_message!(CryptoResponse, CryptoResponseRef, b"NWCR", correlated);
root_message!(CacheRequest, CacheRequestRef, b"NWKQ", correlated);
root_message!(CacheResponse, CacheResponseRef, b"NWKR", correlated);
root_message!(
    ConnectionsRequest,
    ConnectionsRequestRef,
    b"NWNQ",
    correlated
);
root_message!(
    ConnectionsMessage,
    ConnectionsMessageRef,
    b"NWNM",
    correlated
);
root_message!(Nip46Request, Nip46RequestRef, b"NW4Q", correlated);
root_message!(Nip46Message, Nip46MessageRef, b"NW4M", correlated);
root_message!(@root RelayStatus, RelayStatusRef, b"NWRS", |r| {
    r.relay_url()?;
    r.state()?;
    Ok(())
});

// What a subscriber receives (schemas/parsed.fbs); it answers no request, so it is not correlated.
impl sealed::Sealed for fb::parsed::SubscriptionMessage {}
impl RootMessage for fb::parsed::SubscriptionMessage {
    type Ref<'a> = fb::parsed::SubscriptionMessageRef<'a>;
    const NAME: &'static str = "SubscriptionMessage";
    const IDENTIFIER: [u8; 4] = *b"NWSM";

    fn check(root: &Self::Ref<'_>) -> planus::Result<()> {
        root.subscription_id()?;
        root.body()?;
        Ok(())
    }
}

/// Copies a finished planus buffer into the standard FlatBuffers layout.
///
/// planus 1.3 writes `[identifier][root offset relative to byte 4]`, which its own reader (and every
/// other FlatBuffers reader) cannot read; the format is `[root offset relative to byte 0]
/// [identifier]`. Same length, so alignment is unchanged. Tests pin this against planus' reader.
fn standard_layout(finished: &[u8]) -> Bytes {
    let mut out = BytesMut::with_capacity(finished.len());
    if let (Some(ident), Some(offset)) = (finished.get(0..4), finished.get(4..8)) {
        let mut raw = [0u8; 4];
        raw.copy_from_slice(offset);
        out.put_u32_le(u32::from_le_bytes(raw).wrapping_add(4));
        out.extend_from_slice(ident);
        out.extend_from_slice(&finished[8..]);
    }
    out.freeze()
}

/// One FlatBuffers message whose root is `R`, ready to cross a worker boundary.
///
/// Cloning is a reference-count increment. Built messages are valid by construction; received
/// bytes go through [`ChannelMessage::from_bytes`]. Reading fields stays checked (planus returns
/// `Result` for each access), so even a message that passed the boundary checks cannot panic.
pub struct ChannelMessage<R: RootMessage> {
    bytes: Bytes,
    // `fn() -> R` keeps the message `Send + Sync` whatever `R` is: no `R` is ever stored.
    root: PhantomData<fn() -> R>,
}

impl<R: RootMessage> ChannelMessage<R> {
    /// Types bytes received from elsewhere after checking the identifier, root table and envelope.
    pub fn from_bytes(bytes: Bytes) -> Result<Self, FlatBufferError> {
        if bytes.get(4..8) != Some(&R::IDENTIFIER[..]) {
            return Err(FlatBufferError::WrongIdentifier { expected: R::NAME });
        }
        let root = R::Ref::read_as_root(&bytes)?;
        R::check(&root)?;
        Ok(Self {
            bytes,
            root: PhantomData,
        })
    }

    /// Builds a message with `builder` (cleared first, so one builder serves a worker's lifetime).
    pub fn build_with(
        builder: &mut Builder,
        write: impl FnOnce(&mut Builder) -> Offset<R>,
    ) -> Self {
        builder.clear();
        let root = write(builder);
        let bytes = standard_layout(builder.finish(root, Some(R::IDENTIFIER)));
        Self {
            bytes,
            root: PhantomData,
        }
    }

    /// Builds a message with a fresh builder.
    pub fn build(write: impl FnOnce(&mut Builder) -> Offset<R>) -> Self {
        Self::build_with(&mut Builder::new(), write)
    }

    /// Serializes an owned table (convenient for small, rare messages; hot paths use `build_with`).
    pub fn from_table(table: &R) -> Self
    where
        R: WriteAsOffset<R>,
    {
        Self::build(|b| table.prepare(b))
    }

    /// The zero-copy reader of the root table.
    pub fn root(&self) -> Result<R::Ref<'_>, FlatBufferError> {
        Ok(R::Ref::read_as_root(&self.bytes)?)
    }

    /// Reads the whole message into its owned table, checking every field on the way.
    pub fn to_table(&self) -> Result<R, FlatBufferError>
    where
        R: for<'a> TryFrom<R::Ref<'a>, Error = planus::Error>,
    {
        Ok(R::try_from(self.root()?)?)
    }

    /// The encoded message.
    pub fn bytes(&self) -> &Bytes {
        &self.bytes
    }

    /// The encoded message, giving up the type.
    pub fn into_bytes(self) -> Bytes {
        self.bytes
    }

    /// Size of the encoded message in bytes.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Always false: a message holds at least its root offset and identifier.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
}

impl<R: Correlated> ChannelMessage<R> {
    /// The `request_id` this message carries.
    pub fn request_id(&self) -> Result<u64, FlatBufferError> {
        Ok(R::request_id_of(&self.root()?)?)
    }
}

impl<R: RootMessage> Clone for ChannelMessage<R> {
    fn clone(&self) -> Self {
        Self {
            bytes: self.bytes.clone(),
            root: PhantomData,
        }
    }
}

impl<R: RootMessage> PartialEq for ChannelMessage<R> {
    fn eq(&self, other: &Self) -> bool {
        self.bytes == other.bytes
    }
}

impl<R: RootMessage> Eq for ChannelMessage<R> {}

impl<R: RootMessage> fmt::Debug for ChannelMessage<R> {
    // Payloads may hold ciphertexts or plaintexts on their way to and from the signer: show the
    // type and size only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ChannelMessage<{}>({} bytes)", R::NAME, self.bytes.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::flatbuffers::write_event;
    use crate::protocol::{EventBuilder, Keys, Kind, Tag, Timestamp};

    fn sample_event() -> crate::protocol::Event {
        let keys = Keys::generate();
        EventBuilder::new(Kind::TEXT_NOTE, "hello ipc")
            .tag(Tag::new(["t", "nostr"]))
            .created_at(Timestamp(1_700_000_000))
            .sign(&keys)
    }

    fn event_message() -> ChannelMessage<fb::ConnectionsMessage> {
        let event = sample_event();
        ChannelMessage::build(|b| {
            let ev = write_event(b, &event);
            let body = fb::EventReceived::create(b, "sub1", "wss://relay.example", ev);
            let body = fb::ConnectionsMessageBody::create_event_received(b, body);
            fb::ConnectionsMessage::create(b, 42u64, body)
        })
    }

    #[test]
    fn built_message_reads_back() {
        let msg = event_message();
        assert_eq!(&msg.bytes()[4..8], b"NWNM");
        assert_eq!(msg.request_id().unwrap(), 42);
        let fb::ConnectionsMessageBodyRef::EventReceived(body) =
            msg.root().unwrap().body().unwrap()
        else {
            panic!("wrong body");
        };
        assert_eq!(body.subscription_id().unwrap(), "sub1");
        let again = ChannelMessage::<fb::ConnectionsMessage>::from_bytes(msg.bytes().clone());
        assert_eq!(again.unwrap(), msg);
        assert!(format!("{msg:?}").starts_with("ChannelMessage<ConnectionsMessage>("));
        let table = msg.to_table().unwrap();
        assert_eq!(table.request_id, 42);
    }

    #[test]
    fn owned_table_and_reused_builder() {
        let table = fb::CryptoRequest {
            request_id: 9,
            body: fb::CryptoRequestBody::GetPublicKey(Box::new(fb::GetPublicKey {})),
        };
        let msg = ChannelMessage::from_table(&table);
        assert_eq!(msg.to_table().unwrap(), table);
        let mut builder = Builder::new();
        let a = ChannelMessage::<fb::CryptoRequest>::build_with(&mut builder, |b| table.prepare(b));
        let b = ChannelMessage::<fb::CryptoRequest>::build_with(&mut builder, |b| table.prepare(b));
        assert_eq!(a, b);
        assert_eq!(a, msg);
    }

    #[test]
    fn messages_cross_threads() {
        fn send_sync<T: Send + Sync + 'static>() {}
        send_sync::<ChannelMessage<fb::CryptoRequest>>();
        send_sync::<ChannelMessage<fb::RelayStatus>>();
        send_sync::<crate::ipc::Sender<fb::CacheRequest>>();
        send_sync::<crate::ipc::Receiver<fb::CacheResponse>>();
        send_sync::<crate::ipc::IpcChannels>();
    }

    #[test]
    fn wrong_root_type_is_refused() {
        let msg = event_message();
        let err = ChannelMessage::<fb::CacheRequest>::from_bytes(msg.into_bytes()).unwrap_err();
        assert!(matches!(
            err,
            FlatBufferError::WrongIdentifier {
                expected: "CacheRequest"
            }
        ));
    }

    #[test]
    fn truncated_and_garbage_bytes_are_errors() {
        let good = event_message().into_bytes();
        for cut in 0..good.len() {
            let bytes = good.slice(..cut);
            // Either refused at the boundary or, if the envelope survived, every read is checked.
            if let Ok(msg) = ChannelMessage::<fb::ConnectionsMessage>::from_bytes(bytes) {
                let _ = msg.to_table();
            }
        }
        assert!(ChannelMessage::<fb::ConnectionsMessage>::from_bytes(Bytes::new()).is_err());
        let mut garbage = good.to_vec();
        // Root offset pointing far outside the buffer.
        garbage[0..4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(
            ChannelMessage::<fb::ConnectionsMessage>::from_bytes(Bytes::from(garbage)).is_err()
        );
        // Unknown union variant (a newer sender): refused with a typed error at the boundary.
        let mut builder = Builder::new();
        let ok = ChannelMessage::<fb::ConnectionsMessage>::build_with(&mut builder, |b| {
            let body = fb::Notice::create(b, "wss://r", "hi");
            let body = fb::ConnectionsMessageBody::create_notice(b, body);
            fb::ConnectionsMessage::create(b, 1u64, body)
        });
        let tag_at = find_union_tag(ok.bytes());
        let mut bytes = ok.bytes().to_vec();
        bytes[tag_at] = 200;
        let err = ChannelMessage::<fb::ConnectionsMessage>::from_bytes(Bytes::from(bytes));
        assert!(matches!(
            err.unwrap_err().planus_kind(),
            Some(planus::errors::ErrorKind::UnknownUnionTag { tag: 200 })
        ));
    }

    /// Offset of the union tag byte of the root's `body` field (vtable slot 1, the tag).
    fn find_union_tag(buf: &[u8]) -> usize {
        let rd32 = |at: usize| u32::from_le_bytes(buf[at..at + 4].try_into().unwrap()) as usize;
        let rd16 = |at: usize| u16::from_le_bytes(buf[at..at + 2].try_into().unwrap()) as usize;
        let table = rd32(0);
        let vtable = (table as i64
            - i32::from_le_bytes(buf[table..table + 4].try_into().unwrap()) as i64)
            as usize;
        // Fields: 0 request_id, 1 body type, 2 body value.
        table + rd16(vtable + 4 + 2)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        #[test]
        fn random_bytes_never_panic(data in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..512)) {
            if let Ok(msg) = ChannelMessage::<fb::ConnectionsMessage>::from_bytes(Bytes::from(data.clone())) {
                let _ = msg.to_table();
            }
            let mut framed = data;
            if framed.len() >= 8 {
                framed[4..8].copy_from_slice(b"NWKQ");
            }
            if let Ok(msg) = ChannelMessage::<fb::CacheRequest>::from_bytes(Bytes::from(framed)) {
                let _ = msg.to_table();
            }
        }
    }
}
