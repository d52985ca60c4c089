//! Where the crypto worker runs CPU-heavy jobs (batch verification, DLEQ checks): inline on its
//! own task, on Tokio's blocking pool, or on a small dedicated pool of threads.
//!
//! BENCHMARKS.md ("Crypto worker") holds the measurements behind the default.

use std::fmt;
#[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
use std::sync::{Arc, Mutex};

use thiserror::Error;

/// How CPU-heavy crypto work is executed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExecutionMode {
    /// On the worker's own task: no thread hop, but a big batch stalls the worker and its runtime
    /// thread. The only mode in browsers.
    Inline,
    /// Chunks go to Tokio's `spawn_blocking` pool.
    #[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
    SpawnBlocking,
    /// Chunks go to `threads` dedicated threads owned by the worker.
    #[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
    Pool {
        /// Number of threads (at least 1).
        threads: usize,
    },
}

impl Default for ExecutionMode {
    /// A dedicated pool with one thread per core natively (see BENCHMARKS.md); inline in browsers.
    fn default() -> Self {
        #[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
        {
            ExecutionMode::Pool {
                threads: available_cores(),
            }
        }
        #[cfg(not(all(feature = "tokio-runtime", not(target_arch = "wasm32"))))]
        {
            ExecutionMode::Inline
        }
    }
}

/// Cores the process may use (1 when unknown).
pub fn available_cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// A job could not be run to completion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum ExecutorError {
    /// The job panicked or its thread went away (a bug; the worker reports `Internal`).
    #[error("crypto job did not complete")]
    Lost,
    /// The executor's threads could not be started.
    #[error("could not start crypto threads")]
    Spawn,
}

#[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
type Job = Box<dyn FnOnce() + Send + 'static>;

/// Threads that take jobs off one bounded queue.
#[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
struct Pool {
    queue: tokio::sync::mpsc::Sender<Job>,
    threads: usize,
}

#[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
impl Pool {
    fn start(threads: usize) -> Result<Self, ExecutorError> {
        let threads = threads.max(1);
        // A few jobs per thread queued: enough to keep every thread busy between hand-offs.
        let (tx, rx) = tokio::sync::mpsc::channel::<Job>(threads * 4);
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..threads {
            let rx = rx.clone();
            std::thread::Builder::new()
                .name(format!("nipworker-crypto-{i}"))
                .spawn(move || {
                    loop {
                        // The lock is held only while waiting for the next job, never while running it.
                        let job = {
                            let mut guard = rx.lock().unwrap_or_else(|e| e.into_inner());
                            guard.blocking_recv()
                        };
                        match job {
                            // A panicking job drops its reply sender (the caller sees `Lost`);
                            // the thread survives to serve the next one.
                            Some(job) => {
                                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(job));
                            }
                            // Every sender is gone: the worker was dropped.
                            None => return,
                        }
                    }
                })
                .map_err(|_| ExecutorError::Spawn)?;
        }
        Ok(Self { queue: tx, threads })
    }
}

/// Runs CPU-heavy jobs according to an [`ExecutionMode`]. Cheap to clone.
#[derive(Clone)]
pub struct Executor {
    inner: Inner,
}

#[derive(Clone)]
enum Inner {
    Inline,
    #[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
    SpawnBlocking,
    #[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
    Pool(Arc<Pool>),
}

impl fmt::Debug for Executor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.inner {
            Inner::Inline => f.write_str("Executor::Inline"),
            #[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
            Inner::SpawnBlocking => f.write_str("Executor::SpawnBlocking"),
            #[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
            Inner::Pool(p) => write!(f, "Executor::Pool({} threads)", p.threads),
        }
    }
}

impl Executor {
    /// Starts the executor (and its threads, for a pool).
    pub fn new(mode: ExecutionMode) -> Result<Self, ExecutorError> {
        let inner = match mode {
            ExecutionMode::Inline => Inner::Inline,
            #[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
            ExecutionMode::SpawnBlocking => Inner::SpawnBlocking,
            #[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
            ExecutionMode::Pool { threads } => Inner::Pool(Arc::new(Pool::start(threads)?)),
        };
        Ok(Self { inner })
    }

    /// How many jobs can usefully run at once (batches are split into this many chunks).
    pub fn parallelism(&self) -> usize {
        match &self.inner {
            Inner::Inline => 1,
            #[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
            Inner::SpawnBlocking => available_cores(),
            #[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
            Inner::Pool(p) => p.threads,
        }
    }

    /// Runs `job` and returns its result.
    pub async fn run<T, F>(&self, job: F) -> Result<T, ExecutorError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        match &self.inner {
            Inner::Inline => Ok(job()),
            #[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
            Inner::SpawnBlocking => tokio::task::spawn_blocking(job)
                .await
                .map_err(|_| ExecutorError::Lost),
            #[cfg(all(feature = "tokio-runtime", not(target_arch = "wasm32")))]
            Inner::Pool(pool) => {
                let (tx, rx) = tokio::sync::oneshot::channel();
                let boxed: Job = Box::new(move || {
                    let _ = tx.send(job());
                });
                pool.queue
                    .send(boxed)
                    .await
                    .map_err(|_| ExecutorError::Lost)?;
                rx.await.map_err(|_| ExecutorError::Lost)
            }
        }
    }

    /// Splits `items` into at most [`Self::parallelism`] chunks of at least `min_chunk` items,
    /// runs `work` on each, and concatenates the results in order.
    pub async fn map_chunks<I, O, F>(
        &self,
        items: Vec<I>,
        min_chunk: usize,
        work: F,
    ) -> Result<Vec<O>, ExecutorError>
    where
        I: Send + 'static,
        O: Send + 'static,
        F: Fn(I) -> O + Send + Sync + Clone + 'static,
    {
        let total = items.len();
        let chunks = self
            .parallelism()
            .min(total.div_ceil(min_chunk.max(1)))
            .max(1);
        if chunks == 1 {
            return self
                .run(move || items.into_iter().map(work).collect())
                .await;
        }
        let per_chunk = total.div_ceil(chunks);
        let mut jobs = Vec::with_capacity(chunks);
        let mut rest = items.into_iter();
        for _ in 0..chunks {
            let chunk: Vec<I> = rest.by_ref().take(per_chunk).collect();
            let work = work.clone();
            jobs.push(self.run(move || chunk.into_iter().map(work).collect::<Vec<O>>()));
        }
        let mut out = Vec::with_capacity(total);
        for part in futures::future::join_all(jobs).await {
            out.extend(part?);
        }
        Ok(out)
    }
}

#[cfg(all(test, feature = "tokio-runtime", not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[tokio::test]
    async fn every_mode_maps_chunks_in_order_and_survives_panics() {
        for mode in [
            ExecutionMode::Inline,
            ExecutionMode::SpawnBlocking,
            ExecutionMode::Pool { threads: 2 },
        ] {
            let exec = Executor::new(mode).unwrap();
            let items: Vec<u32> = (0..1000).collect();
            let out = exec.map_chunks(items, 7, |x| x * 2).await.unwrap();
            assert_eq!(
                out,
                (0..1000).map(|x| x * 2).collect::<Vec<_>>(),
                "{mode:?}"
            );
            assert!(
                exec.map_chunks(Vec::<u32>::new(), 7, |x| x)
                    .await
                    .unwrap()
                    .is_empty()
            );
            if mode != ExecutionMode::Inline {
                let lost = exec.run(|| -> u32 { panic!("job panics") }).await;
                assert_eq!(lost, Err(ExecutorError::Lost), "{mode:?}");
                // The pool still serves after a panicking job.
                assert_eq!(exec.run(|| 5).await, Ok(5), "{mode:?}");
            }
        }
    }
}
