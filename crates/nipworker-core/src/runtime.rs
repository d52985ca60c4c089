//! The runtime ground every layer stands on (spawn, sleep, timeout, `MaybeSendSync`), on Tokio
//! natively and on wasm-bindgen futures in browsers, so storage, transport, signer, pipeline and
//! worker code is written once. Nothing here imports from the layers above it.

use std::future::Future;
use std::time::Duration;

/// `Send + Sync` natively; nothing in the browser, where JavaScript handles are single-threaded.
/// Traits whose objects cross worker tasks (transports, decryptors) take it as a supertrait.
#[cfg(not(target_arch = "wasm32"))]
pub trait MaybeSendSync: Send + Sync {}
#[cfg(not(target_arch = "wasm32"))]
impl<T: Send + Sync + ?Sized> MaybeSendSync for T {}
/// `Send + Sync` natively; nothing in the browser, where JavaScript handles are single-threaded.
#[cfg(target_arch = "wasm32")]
pub trait MaybeSendSync {}
#[cfg(target_arch = "wasm32")]
impl<T: ?Sized> MaybeSendSync for T {}

/// A deadline passed before the future finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("timed out after {0:?}")]
pub struct Elapsed(pub Duration);

/// Runs a worker task in the background.
#[cfg(not(target_arch = "wasm32"))]
pub fn spawn<F>(fut: F)
where
    F: Future<Output = ()> + Send + 'static,
{
    // Workers report through their channels; the handle is not needed to observe them.
    drop(tokio::spawn(fut));
}

/// Runs a worker task in the background.
#[cfg(target_arch = "wasm32")]
pub fn spawn<F>(fut: F)
where
    F: Future<Output = ()> + 'static,
{
    #[cfg(feature = "wasm-runtime")]
    wasm_bindgen_futures::spawn_local(fut);
    // Without an executor nothing could ever poll the task: say so instead of hanging silently.
    #[cfg(not(feature = "wasm-runtime"))]
    {
        drop(fut);
        tracing::error!("no async runtime: enable the `wasm-runtime` feature on wasm32");
    }
}

/// Waits for `duration`.
pub async fn sleep(duration: Duration) {
    #[cfg(not(target_arch = "wasm32"))]
    tokio::time::sleep(duration).await;
    #[cfg(all(target_arch = "wasm32", feature = "wasm-runtime"))]
    gloo_timers::future::sleep(duration).await;
    #[cfg(all(target_arch = "wasm32", not(feature = "wasm-runtime")))]
    let _ = duration;
}

/// Runs `fut` with a deadline.
pub async fn timeout<F: Future>(duration: Duration, fut: F) -> Result<F::Output, Elapsed> {
    use futures::future::{Either, select};
    let fut = std::pin::pin!(fut);
    let timer = std::pin::pin!(sleep(duration));
    match select(fut, timer).await {
        Either::Left((out, _)) => Ok(out),
        Either::Right(((), _)) => Err(Elapsed(duration)),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[tokio::test]
    async fn timeout_and_spawn() {
        assert_eq!(timeout(Duration::from_secs(5), async { 7 }).await, Ok(7));
        let slow = timeout(Duration::from_millis(10), sleep(Duration::from_secs(30))).await;
        assert_eq!(slow, Err(Elapsed(Duration::from_millis(10))));
        let (tx, rx) = tokio::sync::oneshot::channel();
        spawn(async move {
            let _ = tx.send(1u8);
        });
        assert_eq!(timeout(Duration::from_secs(5), rx).await, Ok(Ok(1)));
    }
}
