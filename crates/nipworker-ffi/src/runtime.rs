//! The Tokio runtime the bindings run on, and the two guards every exported call goes through:
//! [`run`] for async bodies (spawned on the runtime, panics caught, aborted when the foreign
//! caller cancels) and [`guard`] for sync bodies (`catch_unwind`).

#![deny(unsafe_code)]

use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::OnceLock;

use tokio::runtime::Runtime;
use tokio::task::JoinHandle;

use crate::error::NipworkerError;

/// Worker threads of the bindings' runtime: the core's workers are async tasks, signature checks
/// run on their own pool, so a phone needs few.
const WORKER_THREADS: usize = 2;

static RUNTIME: OnceLock<Result<Runtime, String>> = OnceLock::new();

/// The process-wide runtime, started at the first call.
pub(crate) fn runtime() -> Result<&'static Runtime, NipworkerError> {
    RUNTIME
        .get_or_init(|| {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(WORKER_THREADS)
                .thread_name("nipworker")
                .enable_all()
                .build()
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| NipworkerError::Internal {
            reason: format!("cannot start the Tokio runtime: {e}"),
        })
}

/// Aborts the task when the foreign side drops (cancels) the call's future.
struct AbortOnDrop<T>(JoinHandle<T>);

impl<T> Drop for AbortOnDrop<T> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// The text of a caught panic.
fn panic_text(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic without a message".to_owned()
    }
}

/// Runs `body` on the runtime; the foreign executor only awaits its handle, so no foreign thread
/// blocks and Tokio I/O and timers always have their reactor. A panic becomes
/// [`NipworkerError::Panic`].
pub(crate) async fn run<T, F>(body: F) -> Result<T, NipworkerError>
where
    T: Send + 'static,
    F: Future<Output = Result<T, NipworkerError>> + Send + 'static,
{
    let mut task = AbortOnDrop(runtime()?.spawn(body));
    match (&mut task.0).await {
        Ok(result) => result,
        Err(e) if e.is_panic() => Err(NipworkerError::Panic {
            reason: panic_text(&*e.into_panic()),
        }),
        Err(_) => Err(NipworkerError::Closed),
    }
}

/// Like [`run`], for the few core futures the compiler cannot prove `Send` (sqlx's
/// higher-ranked lifetimes in opening and closing the SQLite store): `make` builds the future on
/// a blocking-pool thread, which drives it on the runtime. The caller's thread never blocks.
pub(crate) async fn run_pinned<T, F, Fut>(make: F) -> Result<T, NipworkerError>
where
    T: Send + 'static,
    F: FnOnce() -> Fut + Send + 'static,
    Fut: Future<Output = Result<T, NipworkerError>>,
{
    let handle = runtime()?.handle().clone();
    let task = runtime()?.spawn_blocking(move || handle.block_on(make()));
    match task.await {
        Ok(result) => result,
        Err(e) if e.is_panic() => Err(NipworkerError::Panic {
            reason: panic_text(&*e.into_panic()),
        }),
        Err(_) => Err(NipworkerError::Closed),
    }
}

/// Runs a sync body, turning a panic into [`NipworkerError::Panic`].
pub(crate) fn guard<T>(
    body: impl FnOnce() -> Result<T, NipworkerError>,
) -> Result<T, NipworkerError> {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(result) => result,
        Err(payload) => Err(NipworkerError::Panic {
            reason: panic_text(&*payload),
        }),
    }
}

/// Drops `value` inside the runtime's context: dropping core handles (subscriptions, the client)
/// may send CLOSE frames and needs a reactor, while foreign garbage collectors free objects on
/// their own threads.
pub(crate) fn drop_in_runtime<T>(value: T) {
    match runtime() {
        Ok(rt) => {
            let _entered = rt.enter();
            drop(value);
        }
        Err(_) => drop(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guard_turns_a_panic_into_an_error() {
        let result: Result<(), _> = guard(|| panic!("boom in a sync body"));
        assert_eq!(
            result,
            Err(NipworkerError::Panic {
                reason: "boom in a sync body".into()
            })
        );
        assert_eq!(guard(|| Ok(7)), Ok(7));
    }

    #[tokio::test]
    async fn run_turns_a_panic_into_an_error_and_keeps_working() {
        let result: Result<(), _> = run(async {
            let n = 3;
            panic!("boom in an async body {n}")
        })
        .await;
        assert_eq!(
            result,
            Err(NipworkerError::Panic {
                reason: "boom in an async body 3".into()
            })
        );
        // The runtime survives the panic: the next call runs, on a Tokio thread with a reactor.
        let slept = run(async {
            tokio::time::sleep(std::time::Duration::from_millis(1)).await;
            Ok(std::thread::current().name() == Some("nipworker"))
        })
        .await;
        assert_eq!(slept, Ok(true));
    }
}
