//! The bounded pool documents are worked on: at most `workers` at once,
//! at most `queue` more waiting; CPU work runs on tokio's blocking
//! threads, each holding its place until it is really done (a request
//! that timed out does not free a worker its render still uses).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// Why work did not give its result.
#[derive(Debug)]
pub(super) enum PoolError {
    /// The deadline passed (waiting for a worker or working).
    TimedOut,
    /// The work panicked; the message is logged, not sent.
    Panicked(String),
}

/// Workers and waiting places.
pub(super) struct Pool {
    places: Arc<Semaphore>,
    workers: Arc<Semaphore>,
    busy: Arc<AtomicUsize>,
}

/// A request's place in the pool, taken before its body is read.
pub(super) struct Place {
    _held: OwnedSemaphorePermit,
}

impl Pool {
    /// A pool of `workers` (at least one) with `queue` waiting places.
    pub(super) fn new(workers: usize, queue: usize) -> Self {
        let workers = workers.max(1);
        Self {
            places: Arc::new(Semaphore::new(workers + queue)),
            workers: Arc::new(Semaphore::new(workers)),
            busy: Arc::new(AtomicUsize::new(0)),
        }
    }

    /// A place, or `None` at once when every place is taken.
    pub(super) fn admit(&self) -> Option<Place> {
        self.places
            .clone()
            .try_acquire_owned()
            .ok()
            .map(|_held| Place { _held })
    }

    /// Documents being worked on now.
    pub(super) fn busy(&self) -> usize {
        self.busy.load(Ordering::Relaxed)
    }

    /// Runs `work` on a worker before `deadline`.
    pub(super) async fn run<T: Send + 'static>(
        &self,
        place: Place,
        deadline: Instant,
        work: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, PoolError> {
        let worker = tokio::time::timeout_at(deadline, self.workers.clone().acquire_owned())
            .await
            .map_err(|_| PoolError::TimedOut)?
            .map_err(|_| PoolError::TimedOut)?;
        let busy = self.busy.clone();
        busy.fetch_add(1, Ordering::Relaxed);
        let task = tokio::task::spawn_blocking(move || {
            // Both permits go with the work and are freed when it ends.
            let _held = (place, worker);
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(work));
            busy.fetch_sub(1, Ordering::Relaxed);
            result.map_err(|panic| super::panic_message(&*panic))
        });
        match tokio::time::timeout_at(deadline, task).await {
            Err(_) => Err(PoolError::TimedOut),
            Ok(Err(join)) => Err(PoolError::Panicked(join.to_string())),
            Ok(Ok(Err(message))) => Err(PoolError::Panicked(message)),
            Ok(Ok(Ok(value))) => Ok(value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[tokio::test]
    async fn a_panic_is_caught_and_the_pool_works_on() {
        let pool = Pool::new(1, 0);
        let deadline = Instant::now() + Duration::from_secs(10);
        let place = pool.admit().unwrap();
        let failed = pool
            .run(place, deadline, || -> u32 { panic!("a bug in a render") })
            .await;
        assert!(matches!(failed, Err(PoolError::Panicked(m)) if m == "a bug in a render"));
        assert_eq!(pool.busy(), 0);
        let place = pool.admit().expect("the panic freed its place");
        assert_eq!(pool.run(place, deadline, || 7).await.unwrap(), 7);
    }

    #[tokio::test]
    async fn places_run_out_and_come_back_when_work_ends() {
        let pool = Pool::new(1, 1);
        let (a, b) = (pool.admit().unwrap(), pool.admit().unwrap());
        assert!(pool.admit().is_none(), "two places only");
        drop(b);
        let deadline = Instant::now() + Duration::from_secs(10);
        assert_eq!(pool.run(a, deadline, || 1).await.unwrap(), 1);
        assert!(pool.admit().is_some());
    }

    #[tokio::test]
    async fn work_past_the_deadline_keeps_its_worker_until_it_ends() {
        let pool = Pool::new(1, 1);
        let place = pool.admit().unwrap();
        let soon = Instant::now() + Duration::from_millis(50);
        let (tx, rx) = std::sync::mpsc::channel::<()>();
        let timed_out = pool
            .run(place, soon, move || {
                let _ = rx.recv_timeout(Duration::from_secs(10));
            })
            .await;
        assert!(matches!(timed_out, Err(PoolError::TimedOut)));
        // The render still runs: its worker and its place are taken.
        assert_eq!(pool.busy(), 1);
        let next = pool.admit().unwrap();
        assert!(pool.admit().is_none());
        let blocked = pool
            .run(next, Instant::now() + Duration::from_millis(50), || 2)
            .await;
        assert!(matches!(blocked, Err(PoolError::TimedOut)));
        tx.send(()).unwrap();
    }
}
